"""How a breach unfolded, from the facts and the timeline: occurred, discovered, aware,
contained, the ICO told and the people told, and the time between them.

`ico_told_at` and `people_told_at` are the only two places that read when the ICO and the
people were told: the first ICO filing (else the recorded notification), and the first
letter or message delivered or public notice published (else an older vault's timeline
entry of kind "people_told"). The register reads the same in SQL (services/register.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from model.domain.case import Case
from model.domain.closing import PEOPLE_TOLD
from model.domain.deadlines import format_span
from model.domain.people.contacts import Outcome

CONTAINMENT_KIND = "action"  # timeline entries of containment and recovery


def ico_told_at(case: Case) -> datetime | None:
    """When the ICO was told: the first report filed, else the recorded notification."""
    if case.filings:
        return min(f.filed_at for f in case.filings)
    return case.breach.notified_at


def people_told_at(case: Case) -> datetime | None:
    """When the people affected were first told: the first contact that reached someone or
    the first public notice, else an older vault's timeline entry."""
    told = [c.at for c in case.contacts if c.outcome is Outcome.DELIVERED]
    told += [n.published_at for n in case.notices]
    told += [e.at for e in case.events(PEOPLE_TOLD)]
    return min(told) if told else None


def contained_at(case: Case) -> tuple[datetime | None, str]:
    """When it was contained and how that is known: the breach's end time if recorded,
    else the first containment action in the timeline."""
    if case.facts.ended_at is not None:
        return case.facts.ended_at, "when the breach ended (triage)"
    actions = [e.at for e in case.events(CONTAINMENT_KIND)]
    if actions:
        return min(actions), "the first containment action (timeline)"
    return None, ""


@dataclass(frozen=True)
class Milestone:
    key: str
    label: str
    at: datetime | None
    source: str


@dataclass(frozen=True)
class Interval:
    """The time between two milestones; None when either is not recorded."""

    label: str
    start: str
    end: str
    span: timedelta | None

    @property
    def text(self) -> str:
        if self.span is None:
            return "Not known"
        if self.span < timedelta(0):
            return f"{format_span(self.span)} before (check the times)"
        return format_span(self.span)


def _told_source(case: Case) -> str:
    if any(c.outcome is Outcome.DELIVERED for c in case.contacts) or case.notices:
        return "the record of who was told"
    return "the timeline"


def milestones(case: Case) -> tuple[Milestone, ...]:
    f = case.facts
    contained, how = contained_at(case)
    return (
        Milestone("occurred", "It began", f.occurred_at, "triage"),
        Milestone("discovered", "Discovered", f.discovered_at, "triage"),
        Milestone("aware", "Became aware", f.aware_at, "triage"),
        Milestone("contained", "Contained", contained, how),
        Milestone("ico_told", "ICO told", ico_told_at(case),
                  "the first report filed" if case.filings else "the recorded notification"),
        Milestone("people_told", "People told", people_told_at(case), _told_source(case)),
    )


_INTERVALS = (
    ("Went unnoticed", "occurred", "discovered"),
    ("Discovery to awareness", "discovered", "aware"),
    ("Awareness to containment", "aware", "contained"),
    ("Awareness to the ICO report", "aware", "ico_told"),
    ("Awareness to telling the people", "aware", "people_told"),
)


def intervals(case: Case) -> tuple[Interval, ...]:
    """The spans a review asks about, in order."""
    at = {m.key: m.at for m in milestones(case)}
    out = []
    for label, start, end in _INTERVALS:
        a, b = at[start], at[end]
        out.append(Interval(label, start, end, b - a if a is not None and b is not None
                            else None))
    return tuple(out)


def detection_text(case: Case) -> str:
    """How it was detected and by whom, from triage, in one line."""
    f = case.facts
    parts = [p for p in (f.how_found, f"found by {f.found_by}" if f.found_by else "") if p]
    return "; ".join(parts) or "Not recorded in triage"
