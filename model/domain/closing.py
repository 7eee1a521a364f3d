"""When a breach may be closed, and what is still missing if not: one rule, read by the
status buttons (which say why) and enforced by the services."""

from __future__ import annotations

from model.domain.case import Case
from model.domain.clock import format_local
from model.domain.law import Duty, cite_full

PEOPLE_TOLD = "people_told"  # the timeline kind recording that the people were told


def people_told(case: Case) -> bool:
    return bool(case.events(PEOPLE_TOLD))


def close_problems(case: Case) -> list[str]:
    """What must be done before the breach can be closed; empty when it may be closed."""
    problems: list[str] = []
    decision = case.latest_decision
    if decision is not None and decision.notify_subjects and not people_told(case):
        duty = cite_full(case.facts.regime, Duty.TELL)
        if decision.restriction is not None:
            review = decision.restriction.review_on.strftime("%d %b %Y")
            problems.append(
                f"The decision says the people affected are to be told ({duty}), and telling "
                f"them is restricted until the review on {review}. Record that they were told "
                "once the restriction ends.")
        else:
            problems.append(
                f"The decision says the people affected are to be told ({duty}), and nothing "
                "records that they were. Record when and how they were told first.")
    return problems


def told_line(case: Case) -> str:
    """One line on whether the people were told, for the header."""
    events = case.events(PEOPLE_TOLD)
    if not events:
        return ""
    return f"People told: {format_local(events[-1].at, case.zone)}"
