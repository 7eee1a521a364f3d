"""The step protocol: what every step of a breach's workspace offers, so the workspace can
hold any list of steps (Triage, Risk, ICO notification, People affected, Lessons) and the
shell can ask each whether it holds unsaved work, save it, drop it or keep it as a draft.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gui.kit.case_model import CaseModel
from model.domain.case import Case
from model.services.context import AppContext


class StepPage(QWidget):
    """Base of a workspace step. Subclasses set KEY and TITLE and override the hooks.

    `edited` fires when unsaved work changes (the workspace autosaves a draft a few seconds
    later); `saved` fires after the step wrote to the vault (the case is reloaded).
    """

    KEY = ""
    TITLE = ""
    WIDE = False  # needs the room: the timeline starts hidden beside it
    edited = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, case_model: CaseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_model = case_model

    @property
    def case(self) -> Case:
        return self.case_model.case

    # -- the hooks ---------------------------------------------------------------------
    def load(self, case: Case) -> None:
        """Show `case`; unsaved edits on screen are kept (the case changed elsewhere)."""

    def progress(self, case: Case) -> str:
        """A short completeness mark for the step list ('14/18', 'v2 ✓', '—')."""
        return "—"

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> bool:
        """Save unsaved work; False when refused (the step shows why) or it failed."""
        return True

    def discard(self) -> None:
        """Drop unsaved work and show the stored state again."""

    def draft_state(self) -> dict[str, Any] | None:
        """Unsaved work as JSON-able data (kept in the vault as a draft); None when clean."""
        return None

    def restore_draft(self, state: dict[str, Any]) -> None:
        """Put a kept draft back on screen as unsaved work."""

    def shown(self) -> None:
        """The step became the visible one."""
