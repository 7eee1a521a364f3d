"""The annual report for a board: one page of figures and charts, then the tables (times,
categories, actions, repeat incidents and the year's register)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from model.domain.deadlines import format_span
from model.domain.document import (
    Charts,
    Document,
    Figure,
    Figures,
    Note,
    Paragraph,
    Section,
    Table,
    Tone,
)
from model.domain.documents.register import PRINT_HEADERS, WIDTHS, print_cells
from model.domain.lessons.records import CorrectiveAction
from model.domain.records import OrganisationProfile
from model.domain.register import charts
from model.domain.register.rows import RegisterRow, repeat_flags
from model.domain.register.stats import Count, Durations, Statistics, percent

KIND = "annual breach report"


def _span(value: timedelta | None) -> str:
    return format_span(value) if value is not None else "—"


def _figures(s: Statistics) -> Figures:
    a = s.actions
    return Figures((
        Figure(f"{s.breaches}", "breaches logged"),
        Figure(f"{s.near_misses}", "near misses logged"),
        Figure(f"{s.reported}", f"reported to the ICO ({percent(s.share_reported)})"),
        Figure(f"{s.reported_in_time}/{s.reported}" if s.reported else "—",
               "reports within the deadline", Tone.GOOD if s.reported_in_time == s.reported
               else Tone.WARN),
        Figure(f"{s.people_told}", f"where people were told ({percent(s.share_told)})"),
        Figure(f"{a.open}", "actions open", Tone.ACCENT),
        Figure(f"{a.overdue}", "actions overdue", Tone.WARN if a.overdue else Tone.GOOD),
        Figure(f"{a.effective}/{a.reviewed}" if a.reviewed else "—",
               "reviewed actions found effective"),
    ))


def _times(s: Statistics) -> Table:
    def row(d: Durations, extra: str = "") -> tuple[str, ...]:
        return (d.label, str(d.measured), _span(d.median), _span(d.longest), extra)

    within = (f"{s.reporting.within_72h} of {s.reporting.measured} "
              f"({percent(s.reporting.within_72h / s.reporting.measured)})"
              if s.reporting.measured else "—")
    return Table(("Stage", "Breaches measured", "Median", "Longest", "Within 72 hours"),
                 (row(s.detection), row(s.awareness), row(s.reporting, within)),
                 (50, 24, 24, 24, 40))


def _counts(title: str, counts: tuple[Count, ...], total: int) -> Table:
    return Table((title, "Breaches", "Share"),
                 tuple((c.label, str(c.value), percent(c.value / total if total else None))
                       for c in counts), (90, 20, 20), empty="None in the period.")


def _actions(actions: Sequence[CorrectiveAction], today: date) -> Table:
    def state(a: CorrectiveAction) -> str:
        if a.overdue(today):
            return f"Overdue (due {a.due_on:%d %b %Y})"
        verdict = f"; {a.verdict.label.split(' (')[0].lower()}" if a.verdict else ""
        return a.status.label + verdict

    return Table(("Ref", "Breaches", "Action", "Owner", "Due", "Status"),
                 tuple((a.reference, ", ".join(a.breach_refs), a.description, a.owner,
                        a.due_on.strftime("%d %b %Y") if a.due_on else "—", state(a))
                       for a in actions), (14, 26, 80, 26, 20, 34),
                 empty="No corrective action raised for the year's breaches.")


def annual_report(year: int, s: Statistics, rows: Sequence[RegisterRow],
                  actions: Sequence[CorrectiveAction], org: OrganisationProfile,
                  generated_at: datetime, today: date) -> Document:
    zone = org.time_zone
    chart_list = charts.all_charts(s)
    first = Section("The year in figures", (
        _figures(s), Charts(chart_list[:4]),
        Note(f"Counts are of breaches logged (discovered) from 1 January to 31 December {year}"
             f", days in {zone}; near misses (no personal data actually compromised) are "
             f"counted apart. {s.cyber} of the breaches were cyber incidents by the ICO's "
             f"classification; {s.repeats} repeated an earlier incident's processor, "
             "or its cause in the same team, within 12 months.")))
    flags = repeat_flags(list(rows))
    repeats = [r for r in rows if r.id in flags]
    sections = (
        first,
        Section("How long each stage took", (
            _times(s), _counts("Discovery to the ICO report", s.bands, s.reported),
            Note("The ICO measures its national figures from discovery to the report, in "
                 "these four bands; the legal test is awareness to the report.")), "1"),
        Section("What happened and why", (
            _counts("ICO incident type", s.by_incident_type, s.breaches),
            _counts("Primary cause", s.by_cause, s.breaches),
            _counts("Kind of personal data", s.by_data_category, s.breaches),
            _counts("Regime", s.by_regime, s.breaches), Charts((chart_list[4],))), "2"),
        Section("Corrective and preventive actions", (_actions(actions, today),), "3"),
        Section("Repeat incidents", (Table(
            ("Reference", "Title", "Repeats"),
            tuple((r.reference, r.title, "; ".join(flags[r.id])) for r in repeats),
            (24, 90, 70), empty="No repeat incident in the year."),), "4"),
        Section("The year's register", (Table(
            PRINT_HEADERS, tuple(print_cells(r, zone, flags.get(r.id, ())) for r in rows),
            WIDTHS, empty="Nothing logged in the year."),
            Paragraph("The full register, with every column, is exported from the "
                      "Register page as PDF, CSV or XLSX.", Tone.MUTED)), "5"),
    )
    return Document(
        kind=KIND, title=f"Personal-data breaches: annual report {year}",
        subtitle=org.name or "Organisation not named",
        running_title=f"Annual breach report {year}", organisation=org.name,
        reference=str(year), generated_at=generated_at, zone=zone, sections=sections,
        landscape=True)
