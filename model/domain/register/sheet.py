"""The register as a plain table (headers and cells) for CSV and XLSX: one row per breach
or near miss, every Art. 33(5) column, times in the organisation's zone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from model.domain.clock import to_zone
from model.domain.lessons.records import CorrectiveAction
from model.domain.lessons.taxonomy import SHORT_CAUSE
from model.domain.register.rows import RegisterRow

Cell = str | int | None


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def moment(value: datetime | None, zone: str) -> str:
    """'2026-10-09 12:00' in the zone (sortable in a spreadsheet), or ''."""
    return to_zone(value, zone).strftime("%Y-%m-%d %H:%M") if value is not None else ""


def yes_no_blank(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


def in_time_text(row: RegisterRow) -> str:
    if row.near_miss and not row.notified:
        return "No clock"  # a near miss: the row says so elsewhere
    return yes_no_blank(row.within_deadline)


REGISTER_HEADERS = (
    "Reference", "Title", "Near miss", "Imported", "Status", "Regime", "Began", "Discovered",
    "Became aware", "ICO deadline", "ICO incident type", "Primary cause", "Processor",
    "Team or site", "People affected", "Risk", "Decision", "Reason for the decision",
    "ICO told", "Within the deadline", "People told", "Actions open", "Actions overdue",
    "Repeat of")


def register_sheet(rows: Sequence[RegisterRow], repeats: dict[int, tuple[str, ...]],
                   zone: str) -> Sheet:
    out = []
    for r in rows:
        out.append((
            r.reference, r.title, "Yes" if r.near_miss else "No",
            "Yes" if r.imported else "No", r.status.label, r.regime.label,
            moment(r.occurred_at, zone), moment(r.discovered_at, zone),
            moment(r.aware_at, zone), moment(r.deadline_at, zone),
            r.incident_type.label if r.incident_type else "",
            SHORT_CAUSE[r.primary_cause] if r.primary_cause else "", r.processor, r.team,
            r.subjects_count, r.risk_level.label if r.risk_level else "", r.decision_text(),
            r.decision_reason, moment(r.notified_at, zone), in_time_text(r),
            moment(r.people_told_at, zone), r.actions_open, r.actions_overdue,
            "; ".join(repeats.get(r.id, ()))))
    return Sheet("Register", REGISTER_HEADERS, tuple(out))


ACTION_HEADERS = ("Action", "Breaches", "Type", "Description", "Owner", "Priority", "Due",
                  "Promised to the ICO", "Status", "Completed", "Evidence", "Review due",
                  "Verdict", "Reviewed", "Reviewer")


def actions_sheet(actions: Sequence[CorrectiveAction]) -> Sheet:
    def d(value: object) -> str:
        return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]

    rows = tuple((a.reference, ", ".join(a.breach_refs), a.kind.label.split(" (")[0],
                  a.description, a.owner, a.priority.label, d(a.due_on), d(a.ico_promised_on),
                  a.status.label, d(a.completed_on), a.evidence_note, d(a.review_on),
                  a.verdict.label.split(" (")[0] if a.verdict else "", d(a.reviewed_on),
                  a.reviewed_by) for a in actions)
    return Sheet("Actions", ACTION_HEADERS, rows)
