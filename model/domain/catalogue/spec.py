"""The shape of one entry of the fact catalogue, and reading/writing a fact by its key.

A FactSpec says everything the app needs to ask for, check, explain and print one fact of a
breach: its caption and help, the kind of answer, the options in our words, when it applies,
why it is still to find out, and where it sits on the ICO form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from model.domain.enums import BreachType
from model.domain.facts import (
    Availability,
    BreachFacts,
    Confidentiality,
    ExemptionClaim,
    Integrity,
    Protection,
)
from model.domain.law import fill

NESTED: dict[str, type] = {"confidentiality": Confidentiality, "integrity": Integrity,
                           "availability": Availability, "protection": Protection}


class Kind(StrEnum):
    """The kind of answer; the GUI has one widget per kind."""

    TEXT = "text"            # one line
    LONG_TEXT = "long_text"  # several lines
    DATETIME = "datetime"    # a moment, or not known
    COUNT = "count"          # a whole number (with an optional lowest estimate), or not known
    HOURS = "hours"          # a duration in hours, or not known
    CHOICE = "choice"        # one enum member, or not known
    YES_NO = "yes_no"        # True / False, or not known
    MULTI = "multi"          # several enum members (order kept)


class Group(StrEnum):
    """Where triage asks a fact (the wizard's pages and the editor's tabs)."""

    WHAT = "what"
    WHEN = "when"
    DATA = "data"
    EFFECTS = "effects"
    CONTAINMENT = "containment"
    REGIME = "regime"


GROUP_TITLES: dict[Group, str] = {
    Group.WHAT: "What happened", Group.WHEN: "When", Group.DATA: "Data and people",
    Group.EFFECTS: "Effects", Group.CONTAINMENT: "Containment", Group.REGIME: "Regime",
}


@dataclass(frozen=True)
class Condition:
    """When a fact (or an answer) applies; `name` documents it, `test` decides."""

    name: str
    test: Callable[[BreachFacts], bool]

    def __call__(self, facts: BreachFacts) -> bool:
        return self.test(facts)


ALWAYS = Condition("always", lambda facts: True)


@dataclass(frozen=True)
class Option:
    """One answer: the stored value, our label, what it means for the result, and when it
    is offered (e.g. law-enforcement categories of people only to a law-enforcement body)."""

    value: Any
    label: str
    help: str = ""
    offered: Condition = ALWAYS
    exclusive: bool = False  # a list answer that stands alone ("No personal data at all")


def has_type(kind: BreachType) -> Condition:
    """Applies while the breach type is unknown or includes `kind`."""
    return Condition(f"type {kind.value}",
                     lambda f: not f.breach_types or kind in f.breach_types)


def has_type_strict(kind: BreachType) -> Condition:
    """Applies only once the breach type is known to include `kind`."""
    return Condition(f"type is {kind.value}", lambda f: kind in f.breach_types)


@dataclass(frozen=True)
class Missing:
    """How a fact shows in "still to find out": its label and why it matters.

    `why` may hold law placeholders ("{nature}") filled for the breach's regime.
    `applies` narrows when it is tracked (e.g. the end time only once it is over).
    """

    label: str
    why: str
    applies: Condition = ALWAYS
    blank: tuple[Any, ...] = ()  # answers that still count as "not found out" (Don't know)


@dataclass(frozen=True)
class FactSpec:
    """One fact of a breach."""

    key: str                      # BreachFacts attribute, dotted for nested parts
    caption: str                  # the short label on forms, lists and reports
    help: str                     # one line under the field: what the answer means
    kind: Kind
    group: Group
    options: tuple[Option, ...] = ()
    enum: type[StrEnum] | None = None  # for CHOICE and MULTI
    unknown: str = "Not known"    # how "not known" reads for this fact
    placeholder: str = ""
    applies: Condition = ALWAYS   # when it is asked at all
    missing: Missing | None = None  # tracked in "still to find out"
    ico: str = ""                 # ICO form question id (ico-report-form.md table 1.3)
    risk: bool = False            # the risk engine reads it: the Risk step asks if unknown
    low_key: str = ""             # COUNT: the attribute holding the lowest estimate

    def options_for(self, facts: BreachFacts) -> tuple[Option, ...]:
        """The answers offered for these facts (a chosen answer is always kept)."""
        chosen = fact_value(facts, self.key)
        picked = set(chosen) if isinstance(chosen, tuple) else {chosen}
        return tuple(o for o in self.options if o.offered(facts) or o.value in picked)

    def option(self, value: Any) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    def label_of(self, value: Any) -> str:
        """A value as this fact's answers word it ('Not known' for None)."""
        if value is None or value == ():
            return self.unknown
        if isinstance(value, tuple):
            return "; ".join(self.label_of(v) for v in value)
        found = self.option(value)
        if found is not None:
            return found.label
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return str(getattr(value, "label", value))

    def why(self, facts: BreachFacts) -> str:
        return fill(self.missing.why, facts.regime) if self.missing else ""

    def help_for(self, facts: BreachFacts) -> str:
        """The help line with the law cited for the breach's regime."""
        return fill(self.help, facts.regime)

    def tracked(self, facts: BreachFacts) -> bool:
        """Whether "still to find out" counts this fact for these facts."""
        return self.missing is not None and self.applies(facts) and self.missing.applies(facts)

    def outstanding(self, facts: BreachFacts) -> bool:
        """Tracked and not found out yet (blank, unknown, or only a "don't know" answer)."""
        if not self.tracked(facts):
            return False
        assert self.missing is not None
        value = fact_value(facts, self.key)
        if isinstance(value, tuple) and value and self.missing.blank:
            return set(value) <= set(self.missing.blank)
        return is_unanswered(self, facts) or value in self.missing.blank


def fact_value(facts: BreachFacts, key: str) -> Any:
    """The value of a (dotted) fact; None when it or its group is unknown; () stays ()."""
    head, _, tail = key.partition(".")
    value = getattr(facts, head)
    if tail:
        value = None if value is None else getattr(value, tail)
    return value


def _with_claim(facts: BreachFacts, part: str, value: Any) -> BreachFacts:
    """The exemption claim is whole or absent: no ground means no claim."""
    current = facts.exemption_claim
    ground = current.ground if current else None
    explanation = current.explanation if current else ""
    if part == "ground":
        ground = value
    else:
        explanation = value or ""
    claim = ExemptionClaim(ground, explanation) if ground is not None else None
    return replace(facts, exemption_claim=claim)


def with_fact(facts: BreachFacts, key: str, value: Any) -> BreachFacts:
    """`facts` with one (dotted) fact replaced; a group with nothing known becomes None."""
    head, _, tail = key.partition(".")
    if not tail:
        return replace(facts, **{head: value})
    if head == "exemption_claim":
        return _with_claim(facts, tail, value)
    group = replace(getattr(facts, head) or NESTED[head](), **{tail: value})
    if all(getattr(group, f.name) is None for f in fields(group)):
        group = None
    return replace(facts, **{head: group})


def is_unanswered(spec: FactSpec, facts: BreachFacts) -> bool:
    """Whether the fact has no answer yet (blank text, None, an empty list)."""
    value = fact_value(facts, spec.key)
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == ()
