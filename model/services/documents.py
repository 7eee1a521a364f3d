"""Documents for the GUI and the command line: read the case in one unit of work, build the
typed document in the domain. Rendering (PDF) is reports/' job, previewing gui/'s."""

from __future__ import annotations

from model.domain.document import Document
from model.domain.documents.not_notifiable import not_notifiable_record
from model.services.cases import CaseService
from model.services.unit import Database


class DocumentService:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases

    def not_notifiable(self, breach_id: int) -> Document:
        """The record of a breach decided not notifiable (WorkflowError without one)."""
        return not_notifiable_record(self._cases.load(breach_id), self._db.clock())
