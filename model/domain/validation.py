"""Validation that helps, not blocks: refuse only impossible facts, list what is missing.

`impossible_facts` names facts that cannot all be true (the services refuse to save
them); `missing_items` lists what triage has still to find out (shown, never enforced).
Field names are BreachFacts attribute names, dotted for nested parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from model.domain.clock import format_local, require_aware
from model.domain.enums import BreachType, DataCategory, SubjectCategory, YesNoUnknown
from model.domain.errors import ValidationError
from model.domain.facts import BreachFacts

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


def impossible_facts(facts: BreachFacts, now: datetime) -> list[ValidationError]:
    """Every fact that cannot be true together with the others, in field order."""
    return _order_errors(facts) + _future_errors(facts, now) + _count_errors(facts)


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


@dataclass(frozen=True)
class _Check:
    item: MissingItem
    missing: Callable[[BreachFacts], bool]
    applies: Callable[[BreachFacts], bool] = lambda facts: True


def _only_unknown(items: tuple[object, ...], unknown: object) -> bool:
    return not items or set(items) == {unknown}


def _has_type(kind: BreachType) -> Callable[[BreachFacts], bool]:
    return lambda facts: kind in facts.breach_types


def _check(field: str, label: str, why: str, missing: Callable[[BreachFacts], bool],
           applies: Callable[[BreachFacts], bool] | None = None) -> _Check:
    item = MissingItem(field, label, why)
    return _Check(item, missing) if applies is None else _Check(item, missing, applies)


_CONF = _has_type(BreachType.CONFIDENTIALITY)
_INTEG = _has_type(BreachType.INTEGRITY)
_AVAIL = _has_type(BreachType.AVAILABILITY)

# In the order the triage screen asks; a change here changes what "still to find out" shows.
_CHECKS: tuple[_Check, ...] = (
    _check("title", "A short title", "Lets you find this breach in the list.",
           lambda f: not f.title.strip()),
    _check("summary", "What happened", "The nature of the breach is the first thing the "
           "ICO asks (Art. 33(3)(a)).", lambda f: not f.summary.strip()),
    _check("occurred_at", "When it happened", "The ICO form asks when the breach began; "
           "it also shows how long the data was exposed.", lambda f: f.occurred_at is None),
    _check("discovered_at", "When it was discovered", "The ICO form asks when you found "
           "out; the time to detect goes into the yearly statistics.",
           lambda f: f.discovered_at is None),
    _check("aware_at", "When you became aware", "Awareness starts the notification clock; "
           "without it no deadline can be shown.", lambda f: f.aware_at is None),
    _check("how_found", "How it was found", "The ICO form asks how you found out.",
           lambda f: not f.how_found.strip()),
    _check("ongoing", "Whether it is still going on", "An ongoing breach needs containing "
           "before anything else.", lambda f: f.ongoing is None),
    _check("ended_at", "When it ended", "Shows how long people were exposed.",
           lambda f: f.ended_at is None, lambda f: f.ongoing is False),
    _check("breach_types", "Type of breach", "Confidentiality, integrity or availability: "
           "each weighs differently in the risk assessment.", lambda f: not f.breach_types),
    _check("data_categories", "Kinds of personal data", "Sensitive data makes harm more "
           "likely; the ICO asks for the categories (Art. 33(3)(a)).",
           lambda f: _only_unknown(f.data_categories, DataCategory.NOT_YET_KNOWN)),
    _check("data_subject_categories", "Who the people are", "Children and vulnerable "
           "adults raise the risk; the ICO asks for the categories of people.",
           lambda f: _only_unknown(f.data_subject_categories, SubjectCategory.NOT_YET_KNOWN)),
    _check("subjects_count", "How many people", "The ICO asks for the approximate number "
           "of people affected (Art. 33(3)(a)).", lambda f: f.subjects_count is None),
    _check("records_count", "How many records", "The ICO asks for the approximate number "
           "of records (Art. 33(3)(a)).", lambda f: f.records_count is None),
    _check("confidentiality.exposure", "Who could see the data", "The wider the exposure, "
           "the higher the risk; it also shows what containment is needed.",
           lambda f: f.confidentiality is None or f.confidentiality.exposure is None, _CONF),
    _check("confidentiality.access", "Whether it was viewed or taken", "Evidence of access "
           "changes the likelihood of harm.",
           lambda f: f.confidentiality is None or f.confidentiality.access is None, _CONF),
    _check("integrity.recoverable", "Whether the altered data can be restored",
           "Unrecoverable changes weigh more in the risk assessment.",
           lambda f: f.integrity is None or f.integrity.recoverable is None, _INTEG),
    _check("availability.loss", "Whether the loss is temporary or permanent",
           "A permanent loss weighs more in the risk assessment.",
           lambda f: f.availability is None or f.availability.loss is None, _AVAIL),
    _check("cyber_incident", "Whether it was a cyber incident", "The ICO form asks, and "
           "a cyber incident brings its own questions.",
           lambda f: f.cyber_incident in (None, YesNoUnknown.UNKNOWN)),
    _check("malicious", "Whether it was deliberate", "Malicious intent makes harm more "
           "likely.", lambda f: f.malicious is None),
    _check("consequences", "Likely consequences for the people", "The ICO asks for the "
           "likely consequences (Art. 33(3)(c)).", lambda f: not f.consequences),
    _check("processor_notified_at", "When the processor told you", "You are normally aware "
           "once the processor tells you; record both moments (Art. 33(2)).",
           lambda f: f.processor_notified_at is None, lambda f: bool(f.processor_name.strip())),
)


def missing_items(facts: BreachFacts) -> list[MissingItem]:
    """What triage has still to find out, in the order the triage screen asks."""
    return [c.item for c in _CHECKS if c.applies(facts) and c.missing(facts)]


def triage_completeness(facts: BreachFacts) -> tuple[int, int]:
    """(done, total) over the triage questions that apply to these facts."""
    applicable = [c for c in _CHECKS if c.applies(facts)]
    missing = sum(1 for c in applicable if c.missing(facts))
    return len(applicable) - missing, len(applicable)
