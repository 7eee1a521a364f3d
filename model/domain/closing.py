"""When a breach may be closed, and what is still missing if not: one rule, read by the
status buttons (which say why) and enforced by the services."""

from __future__ import annotations

from model.domain.case import Case
from model.domain.lessons.checks import lessons_missing
from model.domain.people import telling

PEOPLE_TOLD = telling.PEOPLE_TOLD  # the timeline kind older vaults recorded


def people_told(case: Case) -> bool:
    """The contact log (or an older vault's timeline entry) shows the people told."""
    return telling.everyone_told(case)


def close_problems(case: Case) -> list[str]:
    """What must be done before the breach can be closed; empty when it may be closed."""
    problems = telling.told_problems(case)
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
    return telling.header_line(case)
