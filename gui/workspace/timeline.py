"""A breach's append-only timeline (what, when, who), with an "Add action" form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.kit.actions import ActionEntry, DraftAction, event_item, event_list
from gui.kit.errors import reporting
from gui.kit.style import label
from model.domain.case import Case
from model.domain.clock import format_local
from model.services.context import AppContext


class TimelineWidget(QWidget):
    """The saved timeline of one breach, oldest first, and the form to append to it.

    `saved` fires after an action was added (the workspace reloads the case)."""

    saved = Signal()

    def __init__(self, ctx: AppContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case = case
        self.list = event_list()
        self.entry = ActionEntry(case.zone, ctx.clock, case.actor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label("Timeline", "heading"))
        layout.addWidget(label("Every action and status change, with when and who. Entries "
                               "are never edited or removed.", "hint"))
        layout.addWidget(self.list, 1)
        layout.addWidget(label("Add an action", "heading"))
        layout.addWidget(self.entry)
        self.entry.submitted.connect(self._add)
        self.load(case)

    def load(self, case: Case) -> None:
        self._case = case
        self.list.clear()
        for event in case.timeline:
            item = event_item(format_local(event.at, case.zone), event.kind, event.actor,
                              event.text)
            if event.recorded_at is not None:
                item.setToolTip(f"Recorded {format_local(event.recorded_at, case.zone)}")
            self.list.addItem(item)
        self.list.scrollToBottom()

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add(self, action: DraftAction) -> None:
        with reporting(self, "Adding the action") as outcome:
            self._ctx.breaches.add_event(self._case.id, action.at, action.text,
                                         action.actor, kind="action")
        if outcome.failed:
            return
        self.entry.reset()
        self.saved.emit()
