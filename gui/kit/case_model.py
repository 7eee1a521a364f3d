"""The open breach as one object: the Case read in one unit of work, and a signal when it
changes. Every step of the workspace reads from here; none fetches its own data."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from model.domain.case import Case
from model.services.context import AppContext


class CaseModel(QObject):
    """Holds the current Case of one breach; `reload()` reads it again after a save."""

    changed = Signal(object)  # the new Case

    def __init__(self, ctx: AppContext, breach_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.breach_id = breach_id
        self.case: Case = ctx.cases.load(breach_id)

    def reload(self) -> Case:
        self.case = self.ctx.cases.load(self.breach_id)
        self.changed.emit(self.case)
        return self.case
