"""When a breach may be closed, and what is still missing if not: one rule, read by the
status buttons (which say why) and enforced by the services."""

from __future__ import annotations

from model.domain.case import Case
from model.domain.clock import format_local
from model.domain.law import Duty, cite_full
from model.domain.lessons.checks import lessons_missing

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
    missing = lessons_missing(case.lessons)
    if missing:
        problems.append("The lessons are not complete: record " + _join(missing)
                        + " (Lessons step).")
    unsettled = [a for a in case.corrective_actions if not a.settled]
    if unsettled:
        listed = "; ".join(f"{a.reference} {_short(a.description)} ({a.owner})"
                           for a in unsettled[:5])
        more = f" and {len(unsettled) - 5} more" if len(unsettled) > 5 else ""
        noun = "action is" if len(unsettled) == 1 else "actions are"
        problems.append(
            f"{len(unsettled)} corrective {noun} not done: {listed}{more}. Mark each done "
            "with its evidence, or record why it will not be done and who accepts the risk.")
    return problems


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return f"‘{line}’" if len(line) <= limit else f"‘{line[:limit - 1].rstrip()}…’"


def told_line(case: Case) -> str:
    """One line on whether the people were told, for the header."""
    events = case.events(PEOPLE_TOLD)
    if not events:
        return ""
    return f"People told: {format_local(events[-1].at, case.zone)}"
