"""The register's rows in SQL: one query over the breaches' query columns (no JSON parsed),
with when the people were first told and the open actions of each breach.

Times come back as the stored text and are parsed here (a C call each): SQLAlchemy's
per-value processing took longer than the query itself on 10,000 rows. The rows are
kept until the next write (Database.generation) or the next day, so the register,
its statistics and an export opened one after another read the vault once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, String, Subquery, case, func, select, type_coerce, union_all
from sqlalchemy.orm import Session

from model.domain.closing import PEOPLE_TOLD
from model.domain.enums import BreachStatus, Regime, RiskLevel
from model.domain.lessons.taxonomy import OPEN_STATUSES, Cause, IncidentType
from model.domain.people.contacts import Outcome
from model.domain.register.rows import RegisterRow
from model.storage.orm import BreachRow, TimelineRow, UtcDateTime
from model.storage.orm_lessons import ActionBreachRow, ActionRow, LessonsRow
from model.storage.orm_people import ContactRow, NoticeRow


def logged_at_column() -> ColumnElement[datetime]:
    """The register's date of a breach in SQL: discovery, else awareness, else creation."""
    return func.coalesce(BreachRow.discovered_at, BreachRow.aware_at, BreachRow.created_at,
                         type_=UtcDateTime())


def _told_query() -> Subquery:
    """When each breach's people were first told, as milestones.people_told_at reads it:
    a contact that reached someone, a public notice, or an older timeline entry."""
    moments = union_all(
        select(ContactRow.breach_id.label("breach_id"), ContactRow.at.label("at"))
        .where(ContactRow.outcome == Outcome.DELIVERED.value),
        select(NoticeRow.breach_id.label("breach_id"), NoticeRow.published_at.label("at")),
        select(TimelineRow.breach_id.label("breach_id"), TimelineRow.at.label("at"))
        .where(TimelineRow.kind == PEOPLE_TOLD)).subquery()
    return (select(moments.c.breach_id,
                   func.min(moments.c.at, type_=UtcDateTime()).label("told_at"))
            .group_by(moments.c.breach_id).subquery())


def _text(column: Any) -> Any:
    """A time column as its stored text (parsed by _moment, not by SQLAlchemy)."""
    return type_coerce(column, String())


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)  # stored with +00:00


_STATUSES = {s.value: s for s in BreachStatus}
_REGIMES = {r.value: r for r in Regime}
_RISKS = {r.value: r for r in RiskLevel}
_TYPES = {t.value: t for t in IncidentType}
_CAUSES = {c.value: c for c in Cause}


def read_rows(session: Session, today: date) -> list[RegisterRow]:
    """Every breach as a register row, in one query (no JSON is parsed)."""
    told = _told_query()
    actions = (select(ActionBreachRow.breach_id.label("breach_id"),
                      func.count().label("open_count"),
                      func.sum(case((ActionRow.due_on < today, 1), else_=0))
                      .label("overdue_count"))
               .join(ActionRow, ActionRow.id == ActionBreachRow.action_id)
               .where(ActionRow.status.in_([s.value for s in OPEN_STATUSES]))
               .group_by(ActionBreachRow.breach_id).subquery())
    b = BreachRow
    query = (select(b.id, b.reference, b.title, b.status, b.regime, _text(b.created_at),
                    _text(b.occurred_at), _text(b.discovered_at), _text(b.aware_at),
                    _text(b.deadline_at), _text(b.notified_at),
                    b.near_miss, b.imported_from, b.subjects_count, b.risk_level,
                    b.notify_ico, b.notify_subjects, b.decision_reason, b.processor_name,
                    LessonsRow.incident_type, LessonsRow.primary_cause, LessonsRow.team,
                    _text(told.c.told_at), actions.c.open_count, actions.c.overdue_count)
             .outerjoin(LessonsRow, LessonsRow.breach_id == b.id)
             .outerjoin(told, told.c.breach_id == b.id)
             .outerjoin(actions, actions.c.breach_id == b.id)
             .order_by(b.reference))
    return [RegisterRow(
        id=i, reference=ref, title=title, status=_STATUSES[status], regime=_REGIMES[regime],
        created_at=datetime.fromisoformat(created), occurred_at=_moment(occurred),
        discovered_at=_moment(discovered), aware_at=_moment(aware),
        deadline_at=_moment(deadline), notified_at=_moment(notified), near_miss=bool(near),
        imported=imported is not None, subjects_count=subjects,
        incident_type=_TYPES[kind] if kind else None,
        primary_cause=_CAUSES[cause] if cause else None,
        risk_level=_RISKS[risk] if risk else None, notify_ico=ico, notify_subjects=subj,
        decision_reason=reason or "", people_told_at=_moment(told_at),
        actions_open=int(open_count or 0), actions_overdue=int(overdue or 0),
        processor=processor or "", team=team or "")
        for (i, ref, title, status, regime, created, occurred, discovered, aware, deadline,
             notified, near, imported, subjects, risk, ico, subj, reason, processor, kind,
             cause, team, told_at, open_count, overdue) in session.execute(query)]


