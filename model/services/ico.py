"""The ICO notification: the report's own answers, its draft, and filings that freeze the
report (answers and the exact PDF, each with its SHA-256) and make the breach notified.

Rendering is reports/' job: a filing is given `render`, which turns the Document into PDF
bytes, so this layer never imports reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.domain import audit
from model.domain.document import Document
from model.domain.documents.call_sheet import call_sheet
from model.domain.documents.ico_report import Filed
from model.domain.documents.pecr_notice import pecr_notice
from model.domain.enums import BreachStatus
from model.domain.errors import NotFoundError, WorkflowError
from model.domain.ico.content import is_late
from model.domain.ico.records import Filing, FilingDraft, IcoAnswers, ReportType
from model.domain.ico.report import (
    Prepared,
    check_answers,
    check_filing,
    default_type,
    prepare,
    snapshot_document,
)
from model.domain.snapshot import freeze, sha256_hex
from model.domain.workflow import moves_after_filing
from model.services import journal
from model.services.breaches import move_status
from model.services.cases import CaseService, read_case
from model.services.unit import Database, breach_row
from model.storage import mapping_ico
from model.storage.orm import BreachRow
from model.storage.orm_ico import IcoFilingRow, IcoReportRow

Render = Callable[[Document], bytes]


def _changed(old: IcoAnswers, new: IcoAnswers) -> list[str]:
    return [f.name for f in fields(IcoAnswers) if getattr(old, f.name) != getattr(new, f.name)]


class IcoService:
    """Each public call is one unit of work and returns frozen records or documents."""

    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases

    _breach = staticmethod(breach_row)

    def _store_answers(self, session: Session, row: BreachRow, answers: IcoAnswers,
                       actor: str) -> None:
        check_answers(answers)
        now = self._db.clock()
        stored = session.get(IcoReportRow, row.id)
        old = mapping_ico.answers_loads(stored.answers_json) if stored else IcoAnswers()
        changed = _changed(old, answers)
        if not changed:
            return
        if stored is None:
            stored = IcoReportRow(breach_id=row.id)
            session.add(stored)
        stored.answers_json = mapping_ico.answers_dumps(answers)
        stored.updated_at, stored.updated_by = now, actor
        journal.audit(session, "ico_report", row.reference, "changed", now=now, breach=row,
                      changes=audit.changes_between(audit.record_values(old),
                                                    audit.record_values(answers)),
                      summary="ICO report answers updated.")
        journal.record(session, row, at=now, kind="edit", text="ICO report answers "
                       f"updated: {', '.join(changed)}.", actor=actor, now=now)

    def save_answers(self, breach_id: int, answers: IcoAnswers, actor: str = "") -> IcoAnswers:
        """Keep what only the ICO report asks; the timeline notes which answers changed."""
        with self._db.unit() as session:
            self._store_answers(session, self._breach(session, breach_id), answers, actor)
        return answers

    def prepare(self, breach_id: int, report_type: ReportType | None = None) -> Prepared:
        """The report as it stands now: answers, checks and its (draft) Document."""
        case = self._cases.load(breach_id)
        if report_type is ReportType.FOLLOW_UP and not case.filings:
            raise WorkflowError(f"{case.breach.reference} has no report filed with the ICO "
                                "yet: a follow-up starts from a filed report. Prepare the "
                                "initial report instead.")
        return prepare(case, report_type or default_type(case), self._db.clock())

    def draft(self, breach_id: int, report_type: ReportType | None = None) -> Document:
        return self.prepare(breach_id, report_type).document

    def call_sheet(self, breach_id: int) -> Document:
        """One page to read from when reporting by phone."""
        case = self._cases.load(breach_id)
        return call_sheet(case, self._db.clock())

    def pecr_notice(self, breach_id: int, report_type: ReportType | None = None) -> Document:
        """The PECR notification with the content of Regulation 611/2013 Annex I."""
        case = self._cases.load(breach_id)
        return pecr_notice(case, report_type or default_type(case), self._db.clock())

    def record_filing(self, breach_id: int, draft: FilingDraft, render: Render,
                      actor: str = "") -> Filing:
        """Freeze the report as sent, keep its PDF, and mark the breach notified.

        Refused (nothing saved) when the filing cannot be right: in the future, a second
        initial report, a follow-up without the ICO's case reference, a late report
        without the reasons for the delay.
        """
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._breach(session, breach_id)
            case = read_case(session, breach_id)
            answers = case.ico_answers
            check_filing(case, draft, now, is_late(case, draft.filed_at), answers)
            answers = self._carry_over(answers, draft)
            self._store_answers(session, row, answers, actor)
            moves = moves_after_filing(BreachStatus(row.status), not case.filings)
            version = (session.scalar(select(func.max(IcoFilingRow.version))
                                      .where(IcoFilingRow.breach_id == breach_id)) or 0) + 1
            case = replace(case, ico_answers=answers)
            filed = Filed(version, draft.filed_at, draft.channel)
            prepared = prepare(case, draft.report_type, now, answers, filed, draft)
            pdf = render(prepared.document)
            snapshot = freeze(snapshot_document(case, draft, version, prepared.content))
            stored = IcoFilingRow(
                breach_id=breach_id, version=version, report_type=draft.report_type.value,
                channel=draft.channel.value, filed_at=draft.filed_at, recorded_at=now,
                recorded_by=actor, case_reference=answers.case_reference,
                delay_reasons=draft.delay_reasons.strip(), note=draft.note.strip(),
                snapshot_json=snapshot.text, snapshot_sha256=snapshot.sha256, pdf=pdf,
                pdf_sha256=sha256_hex(pdf), pdf_size=len(pdf))
            session.add(stored)
            session.flush()
            journal.audit(session, "filing", stored.id, "created", now=now, breach=row,
                          changes=audit.created({
                              "version": version, "report_type": stored.report_type,
                              "channel": stored.channel, "filed_at": draft.filed_at,
                              "case_reference": stored.case_reference,
                              "delay_reasons": stored.delay_reasons, "note": stored.note,
                              "snapshot_sha256": stored.snapshot_sha256,
                              "pdf_sha256": stored.pdf_sha256, "pdf_size": stored.pdf_size}),
                          summary=f"ICO filing version {version} recorded.")
            journal.record(session, row, at=draft.filed_at, kind="ico_filing", text=(
                f"{draft.report_type.label} filed with the ICO via {draft.channel.label} "
                f"(version {version}; PDF SHA-256 {stored.pdf_sha256[:12]}…)."),
                actor=actor, now=now)
            for status, note in moves:
                move_status(session, row, status, actor=actor, at=draft.filed_at, now=now,
                            note=note or f"{draft.report_type.label} filed via "
                                         f"{draft.channel.label}.")
            return mapping_ico.to_filing(stored)

    @staticmethod
    def _carry_over(answers: IcoAnswers, draft: FilingDraft) -> IcoAnswers:
        """A reference or reasons given when filing become the report's answers too."""
        if draft.case_reference.strip():
            answers = replace(answers, case_reference=draft.case_reference.strip())
        if draft.delay_reasons.strip():
            answers = replace(answers, delay_reasons=draft.delay_reasons.strip())
        if draft.marking != answers.marking and draft.marking:
            answers = replace(answers, marking=draft.marking)
        return answers

    def filed_pdf(self, filing_id: int) -> bytes:
        """The exact PDF kept at filing, checked against its SHA-256."""
        with self._db.unit() as session:
            row = session.get(IcoFilingRow, filing_id)
            if row is None:
                raise NotFoundError(f"No ICO filing with id {filing_id}.")
            data = bytes(row.pdf)
            if sha256_hex(data) != row.pdf_sha256:
                raise WorkflowError(f"The PDF of filing version {row.version} does not match "
                                    "its SHA-256: the vault may be damaged.")
            return data

    def filings(self, breach_id: int) -> list[Filing]:
        with self._db.unit() as session:
            rows = session.scalars(select(IcoFilingRow)
                                   .where(IcoFilingRow.breach_id == breach_id)
                                   .order_by(IcoFilingRow.version)).all()
            return [mapping_ico.to_filing(r) for r in rows]
