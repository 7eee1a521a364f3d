"""The register: every breach and near miss as rows read with one SQL query over query
columns (no facts parsed), the actions across all breaches, statistics, and the register,
annual and lessons documents built from them."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import and_, false, func, select
from sqlalchemy.orm import Session

from model.domain.clock import DEFAULT_ZONE, to_zone
from model.domain.document import Document
from model.domain.lessons.records import CorrectiveAction
from model.domain.records import OrganisationProfile
from model.domain.register import stats
from model.domain.register.rows import RegisterFilter, RegisterRow, apply_filter, repeat_flags
from model.domain.register.sheet import Sheet, actions_sheet, register_sheet
from model.services.cases import CaseService
from model.services.lessons import read_actions
from model.services.register_rows import logged_at_column, read_rows
from model.services.unit import Database
from model.storage import mapping
from model.storage.orm import BreachRow, BreachTagRow, OrganisationRow


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


@dataclass
class _Snapshot:
    """The whole register as read at one write generation, on one day, in one zone."""

    key: tuple[int, date, str]
    rows: list[RegisterRow]
    repeats: dict[int, tuple[str, ...]] | None = None
    actions: list[CorrectiveAction] | None = None  # in the actions view's order


class RegisterService:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()  # exports read it from a worker thread

    def _read(self) -> _Snapshot:
        """Every row, read once until the next write (or the next day)."""
        with self._db.read() as session:
            zone = self._zone(session)
            today = to_zone(self._db.clock(), zone).date()
            key = (self._db.generation, today, zone)
            with self._lock:
                if self._snapshot is not None and self._snapshot.key == key:
                    return self._snapshot
            rows = read_rows(session, today)
        snapshot = _Snapshot(key, rows)
        with self._lock:
            self._snapshot = snapshot
        return snapshot

    def _zone(self, session: Session) -> str:
        org = session.get(OrganisationRow, 1)
        return org.time_zone if org is not None else DEFAULT_ZONE

    def today(self) -> date:
        with self._db.read() as session:
            return to_zone(self._db.clock(), self._zone(session)).date()

    def rows(self, register_filter: RegisterFilter | None = None) -> list[RegisterRow]:
        """The register's rows (all, or those passing the filter), by reference."""
        snapshot = self._read()
        return apply_filter(snapshot.rows, register_filter or RegisterFilter(),
                            snapshot.key[2])

    def repeats(self) -> dict[int, tuple[str, ...]]:
        """Repeat incidents across the whole register (id -> what each repeats)."""
        snapshot = self._read()
        if snapshot.repeats is None:
            snapshot.repeats = repeat_flags(snapshot.rows)
        return snapshot.repeats

    def actions(self) -> list[CorrectiveAction]:
        """Every action across all breaches: overdue first, then open, by owner (read
        once until the next write, like the rows)."""
        snapshot = self._read()
        if snapshot.actions is None:
            with self._db.read() as session:
                actions = read_actions(session)
            snapshot.actions = sorted(actions, key=action_order(snapshot.key[1]))
        return list(snapshot.actions)

    def _actions_serving(self, ids: set[int]) -> list[CorrectiveAction]:
        """The actions serving any of `ids` (from the cache if every action was read, else
        only theirs: a year's statistics need not read years of actions)."""
        snapshot = self._read()
        if snapshot.actions is not None:
            return [a for a in snapshot.actions if ids.intersection(a.breach_ids)]
        with self._db.read() as session:
            actions = read_actions(session, breaches=ids)
        return sorted(actions, key=action_order(snapshot.key[1]))

    def statistics(self, date_from: date, date_to: date) -> stats.Statistics:
        """Statistics of the breaches and near misses logged in the period (its days in
        the organisation's zone). The data categories are one SQL query on breach_tag."""
        with self._db.read() as session:
            zone = self._zone(session)
            today = to_zone(self._db.clock(), zone).date()
            everything = self._read().rows
            start, end = day_bounds(date_from, date_to, zone)
            logged = logged_at_column()
            categories = dict(session.execute(
                select(BreachTagRow.value, func.count())
                .join(BreachRow, BreachRow.id == BreachTagRow.breach_id)
                .where(BreachTagRow.kind == "data_category", BreachRow.near_miss == false(),
                       and_(logged >= start, logged <= end))
                .group_by(BreachTagRow.value)).all())
        rows = apply_filter(everything, RegisterFilter(date_from, date_to), zone)
        ids = {r.id for r in rows}
        flags = self.repeats()
        from model.domain.enums import DataCategory
        labelled = {DataCategory(k).label.split(" (")[0]: v for k, v in categories.items()}
        period_actions = self._actions_serving(ids)
        return stats.compute(rows, labelled, period_actions, date_from, date_to, zone, today,
                             repeats=sum(1 for i in ids if i in flags))

    def organisation(self) -> OrganisationProfile:
        with self._db.read() as session:
            return mapping.to_profile(session.get(OrganisationRow, 1))

    def sheets(self, register_filter: RegisterFilter | None = None,
               with_actions: bool = True) -> list[Sheet]:
        """The register (and the actions serving its rows) as tables for XLSX; a CSV holds
        one table, so it asks for the register alone (reading no actions)."""
        rows = self.rows(register_filter)
        register = register_sheet(rows, self.repeats(), self.organisation().time_zone)
        if not with_actions:
            return [register]
        return [register, actions_sheet(self._actions_serving({r.id for r in rows}))]

    # -- documents -----------------------------------------------------------------------
    def register_document(self, register_filter: RegisterFilter | None = None) -> Document:
        from model.domain.documents.register import register_document

        rows = self.rows(register_filter)
        return register_document(rows, self.repeats(), self.organisation(),
                                 register_filter or RegisterFilter(), self._db.clock())

    def annual_document(self, year: int) -> Document:
        from model.domain.documents.annual import annual_report

        start, end = date(year, 1, 1), date(year, 12, 31)
        rows = self.rows(RegisterFilter(start, end))
        actions = self._actions_serving({r.id for r in rows})
        return annual_report(year, self.statistics(start, end), rows, actions,
                             self.organisation(), self._db.clock(), self.today())

    def lessons_document(self, breach_id: int) -> Document:
        from model.domain.documents.lessons_report import lessons_report

        return lessons_report(self._cases.load(breach_id), self._db.clock())
