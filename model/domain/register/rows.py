"""One register row per breach or near miss, read from query columns (no JSON), the
filters the Register page offers, and the text search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from model.domain.clock import to_zone
from model.domain.enums import BreachStatus, Regime, RiskLevel
from model.domain.lessons.taxonomy import SHORT_CAUSE, Cause, IncidentType


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """What Art. 33(5) asks to document about one breach, as the register lists it."""

    id: int
    reference: str
    title: str
    status: BreachStatus
    regime: Regime
    created_at: datetime
    occurred_at: datetime | None = None
    discovered_at: datetime | None = None
    aware_at: datetime | None = None
    deadline_at: datetime | None = None
    notified_at: datetime | None = None
    near_miss: bool = False
    imported: bool = False
    incident_type: IncidentType | None = None
    primary_cause: Cause | None = None
    subjects_count: int | None = None
    risk_level: RiskLevel | None = None
    notify_ico: bool | None = None        # the DPO's decision (None: not decided)
    notify_subjects: bool | None = None
    decision_reason: str = ""
    people_told_at: datetime | None = None
    actions_open: int = 0
    actions_overdue: int = 0
    processor: str = ""
    team: str = ""

    @property
    def logged_at(self) -> datetime:
        """The moment the register files it under: discovery, else awareness, else when
        it was recorded."""
        return self.discovered_at or self.aware_at or self.created_at

    @property
    def within_deadline(self) -> bool | None:
        """Notified within the regulator's deadline? None when not notified (or no clock)."""
        if self.notified_at is None or self.deadline_at is None:
            return None
        return self.notified_at <= self.deadline_at

    @property
    def notified(self) -> bool:
        return self.notified_at is not None

    def decision_text(self) -> str:
        """'Notify the ICO; tell the people', 'Record only', or '' when not decided."""
        if self.near_miss and self.notify_ico is None:
            return "Near miss: not notifiable"
        if self.notify_ico is None:
            return ""
        ico = "Notify the ICO" if self.notify_ico else "Do not notify the ICO"
        people = "tell the people" if self.notify_subjects else "do not tell the people"
        return f"{ico}; {people}"


class Choice(StrEnum):
    """A yes/no filter: either, yes or no."""

    ANY = "any"
    YES = "yes"
    NO = "no"


class ActionsFilter(StrEnum):
    ANY = "any"
    OPEN = "open"        # at least one open action
    OVERDUE = "overdue"  # at least one overdue action
    NONE_OPEN = "none_open"


@dataclass(frozen=True)
class RegisterFilter:
    """The register's filters; the defaults let every row through."""

    date_from: date | None = None   # on the logged date, in the organisation's zone
    date_to: date | None = None
    regime: Regime | None = None
    status: BreachStatus | None = None
    incident_type: IncidentType | None = None
    cause: Cause | None = None
    near_miss: Choice = Choice.ANY
    notified: Choice = Choice.ANY
    within_deadline: Choice = Choice.ANY
    actions: ActionsFilter = ActionsFilter.ANY
    text: str = ""

    @property
    def is_default(self) -> bool:
        return self == RegisterFilter()


def _yes_no(choice: Choice, value: bool | None) -> bool:
    if choice is Choice.ANY:
        return True
    return bool(value) if choice is Choice.YES else value is False


def search_text(row: RegisterRow) -> str:
    """The words a search looks through, folded for comparison."""
    parts = [row.reference, row.title, row.regime.label, row.status.label, row.processor,
             row.team, row.decision_reason,
             row.incident_type.label if row.incident_type else "",
             SHORT_CAUSE[row.primary_cause] if row.primary_cause else "",
             "near miss" if row.near_miss else "", "imported" if row.imported else ""]
    return " ".join(p for p in parts if p).casefold()


def matches(row: RegisterRow, f: RegisterFilter, zone: str) -> bool:
    """Whether `row` passes every filter of `f` (dates are the organisation's days)."""
    day = to_zone(row.logged_at, zone).date()
    checks = (
        f.date_from is None or day >= f.date_from,
        f.date_to is None or day <= f.date_to,
        f.regime is None or row.regime is f.regime,
        f.status is None or row.status is f.status,
        f.incident_type is None or row.incident_type is f.incident_type,
        f.cause is None or row.primary_cause is f.cause,
        _yes_no(f.near_miss, row.near_miss),
        _yes_no(f.notified, row.notified),
        f.within_deadline is Choice.ANY or (row.within_deadline is not None and _yes_no(
            f.within_deadline, row.within_deadline)),
        _actions_pass(f.actions, row),
    )
    if not all(checks):
        return False
    words = f.text.casefold().split()
    if not words:
        return True
    haystack = search_text(row)
    return all(w in haystack for w in words)


def _actions_pass(choice: ActionsFilter, row: RegisterRow) -> bool:
    match choice:
        case ActionsFilter.OPEN:
            return row.actions_open > 0
        case ActionsFilter.OVERDUE:
            return row.actions_overdue > 0
        case ActionsFilter.NONE_OPEN:
            return row.actions_open == 0
    return True


def apply_filter(rows: list[RegisterRow], f: RegisterFilter,
                 zone: str) -> list[RegisterRow]:
    if f.is_default:
        return list(rows)
    return [r for r in rows if matches(r, f, zone)]


REPEAT_WINDOW = timedelta(days=365)
AS = " as "  # 'same processor as BR-2026-0003': the earlier reference follows the last AS


def repeated_references(repeats: tuple[str, ...]) -> list[str]:
    """The earlier entries that `repeats` (from repeat_flags) name, each once, in order."""
    refs = [text.rsplit(AS, 1)[-1] for text in repeats]
    return list(dict.fromkeys(refs))


def repeat_flags(rows: list[RegisterRow]) -> dict[int, tuple[str, ...]]:
    """Repeat incidents: a breach within 12 months of an earlier one with the same processor,
    or with the same primary cause in the same team (a cause alone, such as human error,
    is too common to single anything out; without a team, the cause alone counts).
    Returns id -> what it repeats ('same cause in the same team as BR-2026-0003'); a
    breach repeating nothing is left out. One pass over the rows sorted by date."""
    ordered = sorted(rows, key=lambda r: (r.logged_at, r.reference))
    last: dict[tuple[str, str], RegisterRow] = {}
    flags: dict[int, list[str]] = {}
    for row in ordered:
        keys = []
        team = row.team.strip().casefold()
        if row.primary_cause is not None and row.primary_cause is not Cause.UNKNOWN:
            keys.append(("cause in the same team", f"{row.primary_cause.value}|{team}")
                        if team else ("cause", row.primary_cause.value))
        if row.processor.strip():
            keys.append(("processor", row.processor.strip().casefold()))
        for key in keys:
            earlier = last.get(key)
            if earlier is not None and row.logged_at - earlier.logged_at <= REPEAT_WINDOW:
                flags.setdefault(row.id, []).append(f"same {key[0]}{AS}{earlier.reference}")
            last[key] = row
    return {k: tuple(v) for k, v in flags.items()}
