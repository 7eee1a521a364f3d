"""Validation that helps, not blocks: refuse only impossible facts, list what is missing.

`impossible_facts` names facts that cannot all be true (the services refuse to save
them); `missing_items` lists what triage has still to find out (shown, never enforced).
Field names are BreachFacts attribute names, dotted for nested parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from model.domain.catalogue import CATALOGUE
from model.domain.clock import format_local, require_aware
from model.domain.enums import DataCategory
from model.domain.errors import ValidationError
from model.domain.facts import NO_PERSONAL_DATA_ALONE, BreachFacts
from model.domain.limits import (
    LINE_TEXT,
    LONG_TEXT,
    count_problem,
    hours_problem,
    moment_problem,
    text_problem,
)

# Clocks on two machines disagree a little; a time this far ahead of `now` is still fine.
CLOCK_SKEW = timedelta(minutes=5)

_LABELS: dict[str, str] = {
    "occurred_at": "the breach began",
    "discovered_at": "it was discovered",
    "aware_at": "you became aware",
    "ended_at": "it ended",
    "processor_notified_at": "the processor told you",
}


class ImpossibleFactsError(ValidationError):
    """Several impossible facts at once; `field` and `rule` are the first, `errors` all."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = tuple(errors)
        first = errors[0]
        more = len(errors) - 1
        rule = first.rule if not more else (
            f"{first.rule} (and {more} more problem{'s' if more > 1 else ''})")
        super().__init__(first.field, rule)


def _not_before(facts: BreachFacts, later: str, earlier: str) -> ValidationError | None:
    """An error on `later` when it is set and before `earlier`, which is also set."""
    late, early = getattr(facts, later), getattr(facts, earlier)
    if late is None or early is None or late >= early:
        return None
    when = format_local(early)
    return ValidationError(later, f"cannot be before {_LABELS[earlier]} ({when})")


def _order_errors(facts: BreachFacts) -> list[ValidationError]:
    errors: list[ValidationError] = []
    pairs = [("discovered_at", "occurred_at"), ("aware_at", "discovered_at"),
             ("ended_at", "occurred_at"), ("processor_notified_at", "occurred_at")]
    if facts.discovered_at is None:
        # Without a discovery time, awareness still cannot precede the breach itself.
        pairs.append(("aware_at", "occurred_at"))
    for later, earlier in pairs:
        error = _not_before(facts, later, earlier)
        if error is not None:
            errors.append(error)
    if facts.ended_at is not None and facts.ongoing is True:
        errors.append(ValidationError(
            "ended_at", "cannot be set while the breach is marked as still going on; "
            "clear the end time or untick 'still going on'"))
    return errors


def _future_errors(facts: BreachFacts, now: datetime) -> list[ValidationError]:
    limit = require_aware(now, "now") + CLOCK_SKEW
    errors: list[ValidationError] = []
    for name, label in _LABELS.items():
        value = getattr(facts, name)
        if value is not None and value > limit:
            errors.append(ValidationError(
                name, f"is in the future ({format_local(value)}): the time {label} "
                f"cannot be later than now ({format_local(now)})"))
    return errors


def _count_errors(facts: BreachFacts) -> list[ValidationError]:
    errors: list[ValidationError] = []
    numbers = {
        "subjects_count": facts.subjects_count,
        "records_count": facts.records_count,
        "subjects_count_low": facts.subjects_count_low,
        "records_count_low": facts.records_count_low,
        "confidentiality.exposure_hours":
            facts.confidentiality.exposure_hours if facts.confidentiality else None,
        "availability.restore_hours":
            facts.availability.restore_hours if facts.availability else None,
    }
    for name, value in numbers.items():
        if value is not None and value < 0:
            errors.append(ValidationError(name, f"cannot be negative (got {value})"))
    for what, low, high in (("people", facts.subjects_count_low, facts.subjects_count),
                            ("records", facts.records_count_low, facts.records_count)):
        if low is not None and high is not None and 0 <= high < low:
            field = "subjects_count_low" if what == "people" else "records_count_low"
            errors.append(ValidationError(
                field, f"the lowest estimate of {what} ({low}) cannot be above the "
                f"highest ({high})"))
    return errors


def _claim_errors(facts: BreachFacts) -> list[ValidationError]:
    errors: list[ValidationError] = []
    if DataCategory.NONE in facts.data_categories and len(facts.data_categories) > 1:
        errors.append(ValidationError("data_categories", NO_PERSONAL_DATA_ALONE))
    claim = facts.exemption_claim
    if claim is not None and not claim.explanation.strip():
        errors.append(ValidationError("exemption_claim.explanation",
                                      "explain why the exemption applies, with the evidence "
                                      "you hold: a claim without it is not recorded"))
    return errors


# Each text fact and how long it may be.
TEXT_LIMITS: dict[str, int] = {
    "title": LINE_TEXT, "summary": LONG_TEXT, "how_found": LONG_TEXT,
    "found_by": LINE_TEXT, "aware_note": LONG_TEXT, "processor_name": LINE_TEXT,
    "recovery_note": LONG_TEXT,
}


def range_errors(facts: BreachFacts) -> list[ValidationError]:
    """Facts outside what Breach Desk stores (dates, counts, hours, text): the one range
    check, shared by the services (so the GUI), breach-facts/1 import, `assess` and the
    register import."""
    errors: list[ValidationError] = []
    for name in _LABELS:
        value = getattr(facts, name)
        problem = moment_problem(value) if value is not None else None
        if problem:
            errors.append(ValidationError(name, problem))
    for name in ("subjects_count", "records_count", "subjects_count_low",
                 "records_count_low"):
        value = getattr(facts, name)
        problem = count_problem(value) if value is not None and value > 0 else None
        if problem:
            errors.append(ValidationError(name, problem))
    hours = {"confidentiality.exposure_hours":
             facts.confidentiality.exposure_hours if facts.confidentiality else None,
             "availability.restore_hours":
             facts.availability.restore_hours if facts.availability else None}
    for name, number in hours.items():
        # Negative hours are told by _count_errors; here only NaN, Infinity and absurd sizes.
        problem = hours_problem(number) if number is not None and not number < 0 else None
        if problem:
            errors.append(ValidationError(name, problem))
    texts = {name: getattr(facts, name) for name in TEXT_LIMITS}
    if facts.exemption_claim is not None:
        texts["exemption_claim.explanation"] = facts.exemption_claim.explanation
    for name, text in texts.items():
        problem = text_problem(text, TEXT_LIMITS.get(name, LONG_TEXT))
        if problem:
            errors.append(ValidationError(name, problem))
    return errors


def check_ranges(facts: BreachFacts) -> None:
    """Raise an ImpossibleFactsError when any fact is out of range (used by `assess`)."""
    errors = range_errors(facts)
    if errors:
        raise ImpossibleFactsError(errors)


def impossible_facts(facts: BreachFacts, now: datetime) -> list[ValidationError]:
    """Every fact that cannot be true together with the others, then those out of range."""
    return (_order_errors(facts) + _future_errors(facts, now) + _count_errors(facts)
            + _claim_errors(facts) + range_errors(facts))


def check_facts(facts: BreachFacts, now: datetime) -> None:
    """Raise a ValidationError (an ImpossibleFactsError carrying all) if any fact is impossible.

    Used by the services before saving.
    """
    errors = impossible_facts(facts, now)
    if errors:
        raise ImpossibleFactsError(errors)


@dataclass(frozen=True)
class MissingItem:
    """One thing triage has still to find out: which field, its label, and why it matters."""

    field: str
    label: str
    why: str


def missing_items(facts: BreachFacts) -> list[MissingItem]:
    """What triage has still to find out, in catalogue order (the order triage asks).

    Which facts count, and when, is set by each catalogue entry's `missing` rule; the
    reasons cite the law of the breach's regime.
    """
    return [MissingItem(spec.key, spec.missing.label, spec.why(facts))
            for spec in CATALOGUE if spec.missing is not None and spec.outstanding(facts)]


def triage_completeness(facts: BreachFacts) -> tuple[int, int]:
    """(done, total) over the triage questions that apply to these facts."""
    tracked = [spec for spec in CATALOGUE if spec.tracked(facts)]
    return len(tracked) - sum(1 for spec in tracked if spec.outstanding(facts)), len(tracked)
