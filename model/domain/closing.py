"""When a breach may be closed, and what is still missing if not: one rule, read by the
status buttons (which say why) and enforced by the services."""

from __future__ import annotations

from model.domain.case import Case
from model.domain.people import telling

PEOPLE_TOLD = telling.PEOPLE_TOLD  # the timeline kind older vaults recorded


def people_told(case: Case) -> bool:
    """The contact log (or an older vault's timeline entry) shows the people told."""
    return telling.everyone_told(case)


def close_problems(case: Case) -> list[str]:
    """What must be done before the breach can be closed; empty when it may be closed."""
    return telling.told_problems(case)


def told_line(case: Case) -> str:
    """One line on whether the people were told, for the header."""
    return telling.header_line(case)
