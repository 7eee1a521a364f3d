"""The register: every breach and near miss as rows read with one SQL query over query
columns (no facts parsed), the actions across all breaches, statistics, and the register,
annual and lessons documents built from them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Subquery, and_, case, false, func, select, union_all
from sqlalchemy.orm import Session

from model.domain.clock import DEFAULT_ZONE, to_zone
from model.domain.closing import PEOPLE_TOLD
from model.domain.document import Document
from model.domain.enums import BreachStatus, Regime, RiskLevel
from model.domain.lessons.records import CorrectiveAction
from model.domain.lessons.taxonomy import OPEN_STATUSES, Cause, IncidentType
from model.domain.people.contacts import Outcome
from model.domain.records import OrganisationProfile
from model.domain.register import stats
from model.domain.register.rows import RegisterFilter, RegisterRow, apply_filter, repeat_flags
from model.domain.register.sheet import Sheet, actions_sheet, register_sheet
from model.services.cases import CaseService
from model.services.lessons import read_actions
from model.services.unit import Database
from model.storage import mapping
from model.storage.orm import BreachRow, BreachTagRow, OrganisationRow, TimelineRow, UtcDateTime
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
    query = (select(b.id, b.reference, b.title, b.status, b.regime, b.created_at,
                    b.occurred_at, b.discovered_at, b.aware_at, b.deadline_at, b.notified_at,
                    b.near_miss, b.imported_from, b.subjects_count, b.risk_level,
                    b.notify_ico, b.notify_subjects, b.decision_reason, b.processor_name,
                    LessonsRow.incident_type, LessonsRow.primary_cause, LessonsRow.team,
                    told.c.told_at, actions.c.open_count, actions.c.overdue_count)
             .outerjoin(LessonsRow, LessonsRow.breach_id == b.id)
             .outerjoin(told, told.c.breach_id == b.id)
             .outerjoin(actions, actions.c.breach_id == b.id)
             .order_by(b.reference))
    return [RegisterRow(
        id=r.id, reference=r.reference, title=r.title, status=BreachStatus(r.status),
        regime=Regime(r.regime), created_at=r.created_at, occurred_at=r.occurred_at,
        discovered_at=r.discovered_at, aware_at=r.aware_at, deadline_at=r.deadline_at,
        notified_at=r.notified_at, near_miss=bool(r.near_miss),
        imported=r.imported_from is not None, subjects_count=r.subjects_count,
        incident_type=IncidentType(r.incident_type) if r.incident_type else None,
        primary_cause=Cause(r.primary_cause) if r.primary_cause else None,
        risk_level=RiskLevel(r.risk_level) if r.risk_level else None,
        notify_ico=r.notify_ico, notify_subjects=r.notify_subjects,
        decision_reason=r.decision_reason or "", people_told_at=r.told_at,
        actions_open=int(r.open_count or 0), actions_overdue=int(r.overdue_count or 0),
        processor=r.processor_name or "", team=r.team or "")
        for r in session.execute(query)]


def day_bounds(date_from: date, date_to: date, zone: str) -> tuple[datetime, datetime]:
    """The UTC moments at the start of `date_from` and the end of `date_to` in `zone`."""
    tz = ZoneInfo(zone)
    start = datetime.combine(date_from, time(0, 0), tz).astimezone(UTC)
    end = datetime.combine(date_to, time(23, 59, 59, 999999), tz).astimezone(UTC)
    return start, end


def action_order(today: date):  # type: ignore[no-untyped-def]
    """Sort key for the actions view: overdue first, then open, by owner and due date."""
    def key(a: CorrectiveAction) -> tuple[int, str, date, int]:
        group = 0 if a.overdue(today) else 1 if a.is_open else 2
        return group, a.owner.casefold(), a.due_on or date.max, a.id
    return key


class RegisterService:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases

    def _zone(self, session: Session) -> str:
        org = session.get(OrganisationRow, 1)
        return org.time_zone if org is not None else DEFAULT_ZONE

    def today(self) -> date:
        with self._db.unit() as session:
            return to_zone(self._db.clock(), self._zone(session)).date()

    def rows(self, register_filter: RegisterFilter | None = None) -> list[RegisterRow]:
        """The register's rows (all, or those passing the filter), by reference."""
        with self._db.unit() as session:
            zone = self._zone(session)
            rows = read_rows(session, to_zone(self._db.clock(), zone).date())
        return apply_filter(rows, register_filter or RegisterFilter(), zone)

    def repeats(self) -> dict[int, tuple[str, ...]]:
        """Repeat incidents across the whole register (id -> what each repeats)."""
        return repeat_flags(self.rows())

    def actions(self) -> list[CorrectiveAction]:
        """Every action across all breaches: overdue first, then open, by owner."""
        with self._db.unit() as session:
            today = to_zone(self._db.clock(), self._zone(session)).date()
            return sorted(read_actions(session), key=action_order(today))

    def statistics(self, date_from: date, date_to: date) -> stats.Statistics:
        """Statistics of the breaches and near misses logged in the period (its days in
        the organisation's zone). The data categories are one SQL query on breach_tag."""
        with self._db.unit() as session:
            zone = self._zone(session)
            today = to_zone(self._db.clock(), zone).date()
            everything = read_rows(session, today)
            start, end = day_bounds(date_from, date_to, zone)
            logged = logged_at_column()
            categories = dict(session.execute(
                select(BreachTagRow.value, func.count())
                .join(BreachRow, BreachRow.id == BreachTagRow.breach_id)
                .where(BreachTagRow.kind == "data_category", BreachRow.near_miss == false(),
                       and_(logged >= start, logged <= end))
                .group_by(BreachTagRow.value)).all())
            actions = read_actions(session)
        rows = apply_filter(everything, RegisterFilter(date_from, date_to), zone)
        ids = {r.id for r in rows}
        flags = repeat_flags(everything)
        from model.domain.enums import DataCategory
        labelled = {DataCategory(k).label.split(" (")[0]: v for k, v in categories.items()}
        period_actions = [a for a in actions if ids.intersection(a.breach_ids)]
        return stats.compute(rows, labelled, period_actions, date_from, date_to, zone, today,
                             repeats=sum(1 for i in ids if i in flags))

    def organisation(self) -> OrganisationProfile:
        with self._db.unit() as session:
            return mapping.to_profile(session.get(OrganisationRow, 1))

    def sheets(self, register_filter: RegisterFilter | None = None) -> list[Sheet]:
        """The register (and the actions serving its rows) as tables for CSV or XLSX."""
        rows = self.rows(register_filter)
        ids = {r.id for r in rows}
        actions = [a for a in self.actions() if ids.intersection(a.breach_ids)]
        return [register_sheet(rows, self.repeats(), self.organisation().time_zone),
                actions_sheet(actions)]

    # -- documents -----------------------------------------------------------------------
    def register_document(self, register_filter: RegisterFilter | None = None) -> Document:
        from model.domain.documents.register import register_document

        rows = self.rows(register_filter)
        return register_document(rows, repeat_flags(self.rows()), self.organisation(),
                                 register_filter or RegisterFilter(), self._db.clock())

    def annual_document(self, year: int) -> Document:
        from model.domain.documents.annual import annual_report

        start, end = date(year, 1, 1), date(year, 12, 31)
        rows = self.rows(RegisterFilter(start, end))
        ids = {r.id for r in rows}
        actions = [a for a in self.actions() if ids.intersection(a.breach_ids)]
        return annual_report(year, self.statistics(start, end), rows, actions,
                             self.organisation(), self._db.clock(), self.today())

    def lessons_document(self, breach_id: int) -> Document:
        from model.domain.documents.lessons_report import lessons_report

        return lessons_report(self._cases.load(breach_id), self._db.clock())
