"""The breach register as a landscape PDF: every breach and near miss with the columns
UK GDPR Art. 33(5) (DPA 2018 s.67(6)) asks a controller to document."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from model.domain.clock import format_local
from model.domain.document import Document, Field, Fields, Note, Section, Table
from model.domain.enums import RiskLevel
from model.domain.lessons.taxonomy import SHORT_CAUSE
from model.domain.records import OrganisationProfile
from model.domain.register.rows import RegisterFilter, RegisterRow, repeated_references
from model.domain.register.sheet import in_time_text

KIND = "breach register"
SHORT_RISK = {RiskLevel.UNLIKELY: "Unlikely", RiskLevel.RISK: "Risk",
              RiskLevel.HIGH_RISK: "High"}
HEADERS = ("Reference", "Title", "Discovered", "Regime", "ICO incident type", "Cause",
           "People", "Risk", "Decision and reason", "ICO told", "In time", "People told",
           "Actions open", "Status")
# On paper 'In time' joins 'ICO told' ('19 Nov 2026 (late)'), and the widths (points on a
# landscape A4 frame, scaled to fit) give each date, reference and header word a line.
PRINT_HEADERS = tuple(h for h in HEADERS if h != "In time")
WIDTHS = (69, 79, 62, 52, 72, 55, 38, 41, 76, 62, 62, 50, 52)
SHORT_REGIME = {"uk_gdpr": "UK GDPR", "dpa2018_part3": "DPA Part 3", "pecr": "PECR"}


def _day(value: datetime | None, zone: str) -> str:
    return format_local(value, zone, with_zone=False)[:11] if value is not None else "—"


def _decision(row: RegisterRow) -> str:
    text = row.decision_text() or "Not decided yet"
    return f"{text}. {row.decision_reason}" if row.decision_reason else text


def register_cells(row: RegisterRow, zone: str, repeat: tuple[str, ...] = ()) -> tuple[str, ...]:
    title = row.title or "(untitled)"
    marks = [m for m, on in (("near miss", row.near_miss), ("imported", row.imported)) if on]
    if repeat:
        marks.append("repeat of " + ", ".join(repeated_references(repeat)))
    if marks:
        title += f" [{', '.join(marks)}]"
    actions = str(row.actions_open) + (f", {row.actions_overdue} overdue"
                                       if row.actions_overdue else "")
    return (row.reference, title, _day(row.discovered_at or row.aware_at, zone),
            SHORT_REGIME[row.regime.value],
            row.incident_type.label if row.incident_type else "—",
            SHORT_CAUSE[row.primary_cause] if row.primary_cause else "—",
            f"{row.subjects_count:,}" if row.subjects_count is not None else "?",
            SHORT_RISK[row.risk_level] if row.risk_level else "—", _decision(row),
            _day(row.notified_at, zone) if row.notified_at else "No",
            in_time_text(row) or "—", _day(row.people_told_at, zone) if row.people_told_at
            else "No", actions, row.status.label)


def print_cells(row: RegisterRow, zone: str, repeat: tuple[str, ...] = ()) -> tuple[str, ...]:
    """register_cells laid out for paper (PRINT_HEADERS)."""
    cells = list(register_cells(row, zone, repeat))
    late = cells.pop(HEADERS.index("In time")) == "No"
    told = HEADERS.index("ICO told")
    if late and cells[told] != "No":
        cells[told] += " (late)"
    return tuple(cells)


def filter_text(f: RegisterFilter) -> str:
    """The filters applied, in words ('' when none)."""
    parts = []
    if f.date_from or f.date_to:
        start = f.date_from.strftime("%d %b %Y") if f.date_from else "the start"
        end = f.date_to.strftime("%d %b %Y") if f.date_to else "today"
        parts.append(f"discovered from {start} to {end}")
    for label, value in (("regime", f.regime), ("status", f.status),
                         ("incident type", f.incident_type), ("cause", f.cause)):
        if value is not None:
            parts.append(f"{label}: {value.label}")
    for label, choice in (("near miss", f.near_miss), ("notified", f.notified),
                          ("within the deadline", f.within_deadline)):
        if choice.value != "any":
            parts.append(f"{label}: {choice.value}")
    if f.actions.value != "any":
        parts.append(f"actions: {f.actions.value.replace('_', ' ')}")
    if f.text.strip():
        parts.append(f"matching ‘{f.text.strip()}’")
    return "; ".join(parts)


def register_document(rows: Sequence[RegisterRow], repeats: dict[int, tuple[str, ...]],
                      org: OrganisationProfile, f: RegisterFilter,
                      generated_at: datetime) -> Document:
    zone = org.time_zone
    near = sum(1 for r in rows if r.near_miss)
    notified = sum(1 for r in rows if r.notified and not r.near_miss)
    summary = Fields(((Field("Entries", f"{len(rows):,}: {len(rows) - near:,} breaches and "
                                        f"{near:,} near misses"),
                       Field("Notified to the ICO", f"{notified:,}")),
                      (Field("Shown", filter_text(f) or "Every entry in the register"),)))
    table = Table(PRINT_HEADERS, tuple(print_cells(r, zone, repeats.get(r.id, ())) for r in rows),
                  WIDTHS, empty="No entry matches.")
    notes = Note(f"Dates are days in {zone}. 'Late' marks an ICO notification after the "
                 "regime's deadline (72 hours from awareness; 24 hours for PECR before 20 Aug "
                 "2025). A repeat shares its processor, or its cause in the same team, with an "
                 "entry less than 12 months earlier.")
    return Document(
        kind=KIND, title="Breach register", subtitle=org.name or "Organisation not named",
        running_title="Breach register (UK GDPR Art. 33(5), DPA 2018 s.67(6))",
        organisation=org.name, reference="", generated_at=generated_at, zone=zone,
        sections=(Section("Entries", (table, notes)),), lead=(summary,), landscape=True)
