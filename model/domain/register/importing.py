"""Importing an existing breach register (a spreadsheet): the fields it can fill, a
mapping from its columns (guessed from the headers, then chosen by the DPO), and a preview
that parses every row and lists each bad one with the reason. Nothing here writes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from model.domain.enums import BreachStatus, Regime, _Labelled
from model.domain.errors import ValidationError
from model.domain.facts import BreachFacts
from model.domain.lessons.taxonomy import SHORT_CAUSE, Cause, IncidentType
from model.domain.validation import impossible_facts

MAX_ROWS = 20_000
Value = str | int | float | date | datetime | None


class ImportField(_Labelled):
    """A register field a column can fill; title and a date are required."""

    REFERENCE = "reference", "Their reference"
    TITLE = "title", "Title (required)"
    SUMMARY = "summary", "What happened"
    OCCURRED = "occurred", "Began"
    DISCOVERED = "discovered", "Discovered (or aware: one is required)"
    AWARE = "aware", "Became aware"
    REGIME = "regime", "Regime"
    INCIDENT_TYPE = "incident_type", "ICO incident type"
    CAUSE = "cause", "Primary cause"
    PEOPLE = "people", "People affected"
    NEAR_MISS = "near_miss", "Near miss (yes/no)"
    ICO_TOLD = "ico_told", "ICO told (date)"
    DECISION_REASON = "decision_reason", "Reason for the decision"
    PEOPLE_TOLD = "people_told", "People told (date)"
    STATUS = "status", "Status (open/closed)"
    TEAM = "team", "Team or site"
    PROCESSOR = "processor", "Processor"


# Header words that suggest a field (checked in this order; the first match wins).
_HINTS: tuple[tuple[ImportField, tuple[str, ...]], ...] = (
    (ImportField.ICO_TOLD, ("ico told", "reported to ico", "ico notified", "date reported",
                            "notified")),
    (ImportField.PEOPLE_TOLD, ("people told", "subjects told", "data subjects notified",
                               "individuals told")),
    (ImportField.DECISION_REASON, ("reason", "rationale", "justification")),
    (ImportField.INCIDENT_TYPE, ("incident type", "type", "category")),
    (ImportField.NEAR_MISS, ("near miss",)),
    (ImportField.REFERENCE, ("ref", "id", "number")),
    (ImportField.TITLE, ("title", "incident", "subject", "name")),
    (ImportField.SUMMARY, ("summary", "description", "what happened", "details")),
    (ImportField.OCCURRED, ("occurred", "began", "started", "date of breach")),
    (ImportField.DISCOVERED, ("discovered", "detected", "found", "date")),
    (ImportField.AWARE, ("aware",)),
    (ImportField.REGIME, ("regime", "law", "legislation")),
    (ImportField.CAUSE, ("cause", "root cause", "why")),
    (ImportField.PEOPLE, ("people", "subjects", "individuals", "affected", "number")),
    (ImportField.STATUS, ("status", "state")),
    (ImportField.TEAM, ("team", "department", "site", "directorate")),
    (ImportField.PROCESSOR, ("processor", "supplier", "third party")),
)

Mapping = dict[ImportField, int]  # field -> 0-based column


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """A first mapping from the header names; each column and field used once."""
    mapping: Mapping = {}
    used: set[int] = set()
    folded = [" ".join(str(h or "").casefold().replace("_", " ").split()) for h in headers]
    for target, words in _HINTS:
        for i, header in enumerate(folded):
            if i in used or target in mapping or not header:
                continue
            if any(w == header or re.search(rf"\b{re.escape(w)}\b", header) for w in words):
                mapping[target] = i
                used.add(i)
    return mapping


@dataclass(frozen=True)
class ImportedBreach:
    """One good row, ready to be stored."""

    line: int                    # the row number as the spreadsheet shows it
    facts: BreachFacts
    reference: str = ""
    near_miss: bool = False
    status: BreachStatus = BreachStatus.CLOSED
    ico_told_at: datetime | None = None
    people_told_at: datetime | None = None
    decision_reason: str = ""
    incident_type: IncidentType | None = None
    cause: Cause | None = None
    team: str = ""


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str


@dataclass(frozen=True)
class ImportPreview:
    good: tuple[ImportedBreach, ...]
    bad: tuple[RowProblem, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def can_commit(self) -> bool:
        return bool(self.good) and not self.bad


class _Bad(Exception):
    pass


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if not isinstance(value, str) else value.strip()


_DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d",
                 "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y",
                 "%d %b %Y %H:%M", "%d %b %Y", "%d %B %Y")


def parse_moment(value: Value, zone: str, what: str) -> datetime | None:
    """A moment from a cell: a spreadsheet date, ISO text or a UK-style day/month/year,
    read in the organisation's zone (a date alone is taken as its start)."""
    try:
        return _moment(value, zone, what)
    except OverflowError:  # e.g. 0001-01-01 east of UTC falls before year 1
        raise _Bad(f"{what}: ‘{_text(value)[:40]}’ is outside the calendar") from None


def _moment(value: Value, zone: str, what: str) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    tz = ZoneInfo(zone)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=tz)
        return moment.astimezone(ZoneInfo("UTC")).replace(second=0, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tz).astimezone(ZoneInfo("UTC"))
    text = _text(value)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if parsed.tzinfo is not None:
            return parsed.astimezone(ZoneInfo("UTC")).replace(second=0, microsecond=0)
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        return parsed.replace(tzinfo=tz).astimezone(ZoneInfo("UTC"))
    raise _Bad(f"{what}: ‘{text[:40]}’ is not a date (use e.g. 2026-10-09 or 09/10/2026 14:30)")


def _choice(value: Value, members: Sequence[_Labelled], what: str,
            extra: dict[str, _Labelled] | None = None) -> _Labelled | None:
    text = _text(value).casefold()
    if not text:
        return None
    for m in members:
        if text in (m.value.casefold(), m.label.casefold(), m.label.split(" (")[0].casefold()):
            return m
    for key, m in (extra or {}).items():
        if key in text:
            return m
    raise _Bad(f"{what}: ‘{_text(value)[:40]}’ is not one of the known values")


_REGIMES = {"part 3": Regime.DPA2018_PART3, "law enforcement": Regime.DPA2018_PART3,
            "pecr": Regime.PECR, "gdpr": Regime.UK_GDPR}
_STATUSES = {"close": BreachStatus.CLOSED, "complete": BreachStatus.CLOSED,
             "open": BreachStatus.OPEN, "progress": BreachStatus.OPEN,
             "not notif": BreachStatus.NOT_NOTIFIABLE, "notified": BreachStatus.NOTIFIED}
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}


def _count(value: Value) -> int | None:
    text = _text(value).replace(",", "")
    if not text:
        return None
    if not text.isdigit():
        raise _Bad(f"people affected: ‘{_text(value)[:40]}’ is not a whole number")
    return int(text)


def _yes(value: Value, what: str) -> bool:
    text = _text(value).casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise _Bad(f"{what}: ‘{_text(value)[:20]}’ is not yes or no")


def _row(values: Sequence[Value], m: Mapping, line: int, zone: str,
         now: datetime) -> ImportedBreach:
    def get(f: ImportField) -> Value:
        i = m.get(f)
        return values[i] if i is not None and i < len(values) else None

    title = _text(get(ImportField.TITLE))
    if not title:
        raise _Bad("no title")
    moments = {f: parse_moment(get(f), zone, f.label.split(" (")[0].lower()) for f in (
        ImportField.OCCURRED, ImportField.DISCOVERED, ImportField.AWARE, ImportField.ICO_TOLD,
        ImportField.PEOPLE_TOLD)}
    discovered = moments[ImportField.DISCOVERED] or moments[ImportField.AWARE]
    if discovered is None:
        raise _Bad("no date discovered or became aware")
    regime = _choice(get(ImportField.REGIME), list(Regime), "regime", dict(_REGIMES))
    facts = BreachFacts(
        title=title[:500], summary=_text(get(ImportField.SUMMARY)),
        regime=Regime(regime) if regime else Regime.UK_GDPR,
        occurred_at=moments[ImportField.OCCURRED], discovered_at=discovered,
        aware_at=moments[ImportField.AWARE] or discovered,
        subjects_count=_count(get(ImportField.PEOPLE)),
        processor_name=_text(get(ImportField.PROCESSOR)))
    problems = impossible_facts(facts, now)
    if problems:
        raise _Bad("; ".join(str(p) for p in problems))
    ico = moments[ImportField.ICO_TOLD]
    status = _choice(get(ImportField.STATUS), list(BreachStatus), "status", dict(_STATUSES))
    incident = _choice(get(ImportField.INCIDENT_TYPE), list(IncidentType), "ICO incident type")
    cause = _choice(get(ImportField.CAUSE), list(Cause), "cause",
                    {v.casefold(): k for k, v in SHORT_CAUSE.items()})
    for f, at in moments.items():
        if at is not None and at > now:
            raise _Bad(f"{f.label.split(' (')[0].lower()} is in the future")
    near_miss = _yes(get(ImportField.NEAR_MISS), "near miss")
    if near_miss and ico is not None:
        raise _Bad("a near miss cannot have been reported to the ICO")
    return ImportedBreach(
        line=line, facts=facts, reference=_text(get(ImportField.REFERENCE))[:60],
        near_miss=near_miss, status=BreachStatus(status) if status else BreachStatus.CLOSED,
        ico_told_at=ico, people_told_at=moments[ImportField.PEOPLE_TOLD],
        decision_reason=_text(get(ImportField.DECISION_REASON))[:5_000],
        incident_type=IncidentType(incident) if incident else None,
        cause=Cause(cause) if cause else None, team=_text(get(ImportField.TEAM))[:500])


def preview(rows: Sequence[Sequence[Value]], mapping: Mapping, zone: str, now: datetime,
            first_line: int = 2) -> ImportPreview:
    """Parse every data row (the header row is line 1). Blank rows are skipped."""
    if ImportField.TITLE not in mapping:
        raise ValidationError("mapping", "choose the column holding the title")
    if ImportField.DISCOVERED not in mapping and ImportField.AWARE not in mapping:
        raise ValidationError("mapping", "choose the column holding the date discovered (or "
                              "the date the organisation became aware)")
    if len(rows) > MAX_ROWS:
        raise ValidationError("file", f"more than {MAX_ROWS:,} rows; split the file")
    good, bad = [], []
    for offset, values in enumerate(rows):
        line = first_line + offset
        if all(_text(v) == "" for v in values):
            continue
        try:
            good.append(_row(values, mapping, line, zone, now))
        except _Bad as err:
            bad.append(RowProblem(line, str(err)))
    notes = []
    if ImportField.STATUS not in mapping:
        notes.append("No status column: every entry is imported as closed (a past breach).")
    return ImportPreview(tuple(good), tuple(bad), tuple(notes))
