"""The case read model: one unit of work reads everything a breach screen needs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.domain.case import Case
from model.domain.ico.records import IcoAnswers
from model.services.lessons import read_actions, read_lessons
from model.services.unit import Database, breach_row
from model.storage import mapping, mapping_ico, mapping_people
from model.storage.orm import (
    AssessmentRow,
    AttachmentRow,
    DecisionRow,
    OrganisationRow,
    TimelineRow,
)
from model.storage.orm_ico import IcoFilingRow, IcoReportRow
from model.storage.orm_people import ContactRow, LetterRow, NoticeRow, RecipientRow


def read_case(session: Session, breach_id: int) -> Case:
    """Everything about one breach, inside the caller's unit of work."""
    row = breach_row(session, breach_id)
    org = session.get(OrganisationRow, 1)
    events = session.scalars(select(TimelineRow).where(TimelineRow.breach_id == breach_id)
                             .order_by(TimelineRow.at, TimelineRow.id)).all()
    assessments = session.scalars(select(AssessmentRow)
                                  .where(AssessmentRow.breach_id == breach_id)
                                  .order_by(AssessmentRow.version)).all()
    versions = {a.id: a.version for a in assessments}
    decisions = session.scalars(select(DecisionRow).where(DecisionRow.breach_id == breach_id)
                                .order_by(DecisionRow.recorded_at, DecisionRow.id)).all()
    attachments = session.scalars(select(AttachmentRow)
                                  .where(AttachmentRow.breach_id == breach_id)
                                  .order_by(AttachmentRow.added_at, AttachmentRow.id)).all()
    return Case(
        breach=mapping.to_breach(row), organisation=mapping.to_profile(org),
        timeline=tuple(mapping.to_event(e) for e in events),
        assessments=tuple(mapping.to_assessment(a) for a in assessments),
        decisions=tuple(mapping.to_decision(d, versions.get(d.assessment_id, 0))
                        for d in decisions),
        attachments=tuple(mapping.to_attachment(a) for a in attachments),
        ico_answers=_ico_answers(session, breach_id),
        filings=tuple(mapping_ico.to_filing(f) for f in session.scalars(
            select(IcoFilingRow).where(IcoFilingRow.breach_id == breach_id)
            .order_by(IcoFilingRow.version)).all()),
        lessons=read_lessons(session, breach_id),
        corrective_actions=tuple(read_actions(session, breach_id)),
        **_people(session, breach_id))


def _ico_answers(session: Session, breach_id: int) -> IcoAnswers:
    """What only the ICO report asks (defaults until something was typed)."""
    report = session.get(IcoReportRow, breach_id)
    return mapping_ico.answers_loads(report.answers_json) if report else IcoAnswers()


def _people(session: Session, breach_id: int) -> dict[str, Any]:
    """The letter and notice texts, recipients, contact log and notices of one breach."""
    m = mapping_people
    letters = session.scalars(select(LetterRow).where(LetterRow.breach_id == breach_id)
                              .order_by(LetterRow.kind)).all()
    recipients = session.scalars(select(RecipientRow).where(RecipientRow.breach_id == breach_id)
                                 .order_by(RecipientRow.number)).all()
    contacts = session.scalars(select(ContactRow).where(ContactRow.breach_id == breach_id)
                               .order_by(ContactRow.at, ContactRow.id)).all()
    notices = session.scalars(select(NoticeRow).where(NoticeRow.breach_id == breach_id)
                              .order_by(NoticeRow.published_at, NoticeRow.id)).all()
    return {"letters": tuple(m.to_letter(r) for r in letters),
            "recipients": tuple(m.to_recipient(r) for r in recipients),
            "contacts": tuple(m.to_contact(r) for r in contacts),
            "notices": tuple(m.to_notice(r) for r in notices)}


class CaseService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, breach_id: int) -> Case:
        """The breach, the organisation, the timeline, every assessment and decision."""
        with self._db.read() as session:
            return read_case(session, breach_id)
