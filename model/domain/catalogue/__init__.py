"""The fact catalogue: every fact of a breach defined once.

Validation's "still to find out", both triage editors, the Risk step's questions, the
reports and the ICO form all read captions, help, options and rules from here. Adding a
fact is one entry (plus the rule that uses it).
"""

from __future__ import annotations

from model.domain.catalogue.entries_effects import (
    AVAILABILITY,
    CONFIDENTIALITY,
    CONTAINMENT,
    EXEMPTIONS,
    INTEGRITY,
    PEOPLE,
    PROTECTION,
    REGIME,
)
from model.domain.catalogue.entries_triage import (
    DATA,
    FOUND,
    NATURE,
    PROCESSOR_FACTS,
    WHAT,
    WHEN,
)
from model.domain.catalogue.spec import (
    GROUP_TITLES,
    NESTED,
    Condition,
    FactSpec,
    Group,
    Kind,
    Missing,
    Option,
    fact_value,
    is_unanswered,
    with_fact,
)

# The order is the order "still to find out" lists facts (and, within a group, the order
# triage asks them).
CATALOGUE: tuple[FactSpec, ...] = (
    *WHAT, *WHEN, *FOUND, *DATA, *CONFIDENTIALITY, *INTEGRITY, *AVAILABILITY, *NATURE,
    *PROTECTION, *PEOPLE, *PROCESSOR_FACTS, *CONTAINMENT, *REGIME, *EXEMPTIONS,
)
_BY_KEY: dict[str, FactSpec] = {spec.key: spec for spec in CATALOGUE}

# Triage never asks these: the Risk step claims an exemption with its explanation.
NOT_IN_TRIAGE = frozenset({"exemption_claim.ground", "exemption_claim.explanation"})


def spec_for(key: str) -> FactSpec:
    """The entry for a (dotted) fact key; KeyError names a key nobody defined."""
    return _BY_KEY[key]


def has_spec(key: str) -> bool:
    return key in _BY_KEY


def specs_in(group: Group) -> tuple[FactSpec, ...]:
    """The facts triage asks on one page or tab, in order."""
    return tuple(s for s in CATALOGUE if s.group is group and s.key not in NOT_IN_TRIAGE)


def caption(key: str) -> str:
    """The screen name of a fact ('When it was discovered'); the key itself if unknown.

    Lowest-estimate keys ('subjects_count_low') read as their count with '(lowest)'.
    """
    if key in _BY_KEY:
        return _BY_KEY[key].caption
    for spec in CATALOGUE:
        if spec.low_key and spec.low_key == key:
            return f"{spec.caption} (lowest)"
    return key


def message_name(key: str) -> str:
    """How a message about a fact names it: 'When it was discovered: cannot be before...'."""
    spec = _BY_KEY.get(key)
    if spec is not None and spec.missing is not None:
        return spec.missing.label
    return caption(key)


def risk_specs() -> tuple[FactSpec, ...]:
    """The facts the risk engine reads, in catalogue order."""
    return tuple(s for s in CATALOGUE if s.risk)


__all__ = [
    "CATALOGUE", "GROUP_TITLES", "NESTED", "NOT_IN_TRIAGE", "Condition", "FactSpec", "Group",
    "Kind", "Missing", "Option", "caption", "fact_value", "has_spec", "is_unanswered",
    "message_name", "risk_specs", "spec_for", "specs_in", "with_fact",
]
