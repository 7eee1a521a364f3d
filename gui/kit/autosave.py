"""Autosave of unsaved work as a draft in the encrypted vault, a few seconds after the last
change. A failed draft save is reported once, never silently dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from model.services.context import AppContext

DELAY_MS = 3000


class Autosaver(QObject):
    """Keeps the draft of one editor scope in step with `state()` (None: nothing unsaved)."""

    failed = Signal(str)

    def __init__(self, ctx: AppContext, scope: str, state: Callable[[], dict[str, Any] | None],
                 label: Callable[[], str], breach_id: int | None = None,
                 parent: QObject | None = None, delay_ms: int | None = None) -> None:
        super().__init__(parent)
        self._ctx, self.scope, self._state, self._label = ctx, scope, state, label
        self._breach_id = breach_id
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS if delay_ms is None else delay_ms)
        self._timer.timeout.connect(self.flush)
        self._kept = False
        self._reported = False

    def schedule(self) -> None:
        """A change happened: keep the draft once the user pauses."""
        self._timer.start()

    def stop(self) -> None:
        """The editor is going away: no more autosaves from it."""
        self._timer.stop()

    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> bool:
        """Write (or remove) the draft now; False if the vault refused it."""
        self._timer.stop()
        try:
            state = self._state()
            if state is None:
                if self._kept:
                    self._ctx.drafts.discard(self.scope)
                    self._kept = False
            else:
                self._ctx.drafts.save(self.scope, state, self._label(), self._breach_id)
                self._kept = True
        except Exception as err:  # reported once; the editor keeps the work on screen
            if not self._reported:
                self._reported = True
                self.failed.emit(f"Unsaved work could not be kept as a draft: {err}")
            return False
        self._reported = False
        return True

    def forget(self) -> None:
        """The work was saved or discarded on purpose: no draft any more."""
        self._timer.stop()
        try:
            self._ctx.drafts.discard(self.scope)
        except Exception as err:  # a stale draft is offered again later, nothing is lost
            self.failed.emit(f"An old draft could not be removed: {err}")
        self._kept = False

    def adopt(self) -> None:
        """A kept draft was restored into the editor: it is this saver's draft now."""
        self._kept = True
