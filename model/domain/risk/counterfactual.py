"""what_would_change(): re-run the engine with one fact changed and report the changes that
matter (risk level or a notification call), so the DPO sees which facts to establish first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    DataDetail,
    Exposure,
    Identifiability,
    ProtectionMethod,
    RiskLevel,
    ServiceImpact,
    SubjectCategory,
)
from model.domain.facts import Availability, BreachFacts, Confidentiality, Protection
from model.domain.risk.engine import assess
from model.domain.risk.resolved import LARGE_NUMBER, SAFETY_HARMS, SENSITIVE, resolve
from model.domain.risk.result import Assessment

SHORT = {RiskLevel.UNLIKELY: "unlikely", RiskLevel.RISK: "risk", RiskLevel.HIGH_RISK: "high risk"}
Edit = Callable[[BreachFacts], BreachFacts | None]


@dataclass(frozen=True)
class WhatIf:
    """One hypothetical: the sentence that introduces it and the edit to the facts."""

    condition: str
    edit: Edit


def _conf(f: BreachFacts, **changes: Any) -> BreachFacts | None:
    if BreachType.CONFIDENTIALITY not in f.breach_types:
        return None
    return replace(f, confidentiality=replace(f.confidentiality or Confidentiality(), **changes))


def _avail(f: BreachFacts, **changes: Any) -> BreachFacts | None:
    if not resolve(f).availability_lost:
        return None
    return replace(f, availability=replace(f.availability or Availability(), **changes))


def _encrypted(f: BreachFacts) -> BreachFacts | None:
    r = resolve(f)
    if not r.confidentiality_lost or r.unintelligible:
        return None
    return replace(f, protection=Protection(ProtectionMethod.ENCRYPTION, True, False))


def _key_exposed(f: BreachFacts) -> BreachFacts | None:
    if not (resolve(f).unintelligible and resolve(f).confidentiality_lost):
        return None
    return replace(f, protection=replace(f.protection or Protection(), key_compromised=True))


def _deleted(f: BreachFacts) -> BreachFacts | None:
    r = resolve(f)
    if r.exposure not in (Exposure.TRUSTED_RECIPIENT, Exposure.KNOWN_RECIPIENTS):
        return None
    return None if r.recipient_deleted else _conf(f, recipient_deleted=True)


def _no_access(f: BreachFacts) -> BreachFacts | None:
    r = resolve(f)
    return _conf(f, access=Access.NONE) if r.access is Access.UNKNOWN else None


def _exposure_known(f: BreachFacts) -> BreachFacts | None:
    conf = f.confidentiality
    if conf is not None and conf.exposure is not None:
        return None
    return _conf(f, exposure=Exposure.KNOWN_RECIPIENTS)


def _accidental(f: BreachFacts) -> BreachFacts | None:
    return replace(f, malicious=False) if f.malicious is None else None


def _fewer_people(f: BreachFacts) -> BreachFacts | None:
    r = resolve(f)
    if not r.many_people:
        return None
    return replace(f, subjects_count=LARGE_NUMBER - 1, records_count=None)


def _limited_ei(f: BreachFacts) -> BreachFacts | None:
    if f.identifiability is not None or resolve(f).unintelligible:
        return None
    return replace(f, identifiability=Identifiability.LIMITED)


def _no_safety(f: BreachFacts) -> BreachFacts | None:
    kept = tuple(c for c in f.consequences if c not in SAFETY_HARMS)
    if len(kept) == len(f.consequences):
        return None
    return replace(f, consequences=kept or (Consequence.DISTRESS,))


def _known_data(f: BreachFacts) -> BreachFacts | None:
    if DataCategory.NOT_YET_KNOWN not in f.data_categories:
        return None
    cats = tuple(c for c in f.data_categories if c is not DataCategory.NOT_YET_KNOWN)
    return replace(f, data_categories=tuple(dict.fromkeys(
        (*cats, DataCategory.BASIC_IDENTIFIERS))))


def _known_people(f: BreachFacts) -> BreachFacts | None:
    subs = set(f.data_subject_categories)
    if subs and SubjectCategory.NOT_YET_KNOWN not in subs:
        return None
    kept = tuple(s for s in f.data_subject_categories if s is not SubjectCategory.NOT_YET_KNOWN)
    return replace(f, data_subject_categories=kept or (SubjectCategory.OTHER,))


def _restored(f: BreachFacts) -> BreachFacts | None:
    return _avail(f, backup_available=True, loss=AvailabilityLoss.TEMPORARY, restore_hours=4.0)


def _not_critical(f: BreachFacts) -> BreachFacts | None:
    if resolve(f).service_impact is not ServiceImpact.CRITICAL:
        return None
    return _avail(f, service_impact=ServiceImpact.MINOR)


def _mitigated(f: BreachFacts) -> BreachFacts | None:
    return None if resolve(f).claims else replace(f, mitigated=True)


def _passing_item(f: BreachFacts) -> BreachFacts | None:
    if f.data_detail is not None or not set(f.data_categories) & SENSITIVE:
        return None
    return replace(f, data_detail=DataDetail.MINIMAL)


WHAT_IFS: tuple[WhatIf, ...] = (
    WhatIf("If the data had been encrypted to a current standard with the key safe", _encrypted),
    WhatIf("If the encryption key turned out to be exposed", _key_exposed),
    WhatIf("If the recipient confirmed deleting or returning the data", _deleted),
    WhatIf("If logs covering the whole exposure showed nobody viewed the data", _no_access),
    WhatIf("If only a small known group could have seen the data", _exposure_known),
    WhatIf("If it were established that the breach was not deliberate", _accidental),
    WhatIf(f"If fewer than {LARGE_NUMBER:,} people were affected", _fewer_people),
    WhatIf("If you judged that people are hard to identify from this data", _limited_ei),
    WhatIf("If physical harm and harassment could be ruled out", _no_safety),
    WhatIf("If the data turned out to be only names and contact details", _known_data),
    WhatIf("If the sensitive item revealed little about anyone (a passing detail such as a "
           "food intolerance)", _passing_item),
    WhatIf("If the people were known to include no children or vulnerable adults",
           _known_people),
    WhatIf("If a backup had restored the data within a few hours", _restored),
    WhatIf("If no service people rely on had been critically disrupted", _not_critical),
    WhatIf("If measures taken since made the high risk unlikely to materialise", _mitigated),
)


def _difference(old: Assessment, new: Assessment) -> str | None:
    """How `new` differs from `old` in what the DPO must do, or None if it does not."""
    calls: list[str] = []
    if new.notify_ico != old.notify_ico:
        calls.append(f"the ICO would {'' if new.notify_ico else 'not '}need to be notified")
    if new.notify_data_subjects != old.notify_data_subjects:
        calls.append(f"the people affected would {'' if new.notify_data_subjects else 'not '}"
                     "need to be told")
    if new.risk != old.risk:
        text = f"the risk would be '{SHORT[new.risk]}' instead of '{SHORT[old.risk]}'"
        return text + (f" ({'; '.join(calls)})" if calls else "")
    if calls:
        return f"the risk would stay '{SHORT[old.risk]}' but {' and '.join(calls)}"
    return None


def what_would_change(facts: BreachFacts) -> tuple[str, ...]:
    """Sentences for each single change of fact that changes the risk or a notification call."""
    current = assess(facts)
    hints: list[str] = []
    for what_if in WHAT_IFS:
        changed = what_if.edit(facts)
        if changed is None:
            continue
        diff = _difference(current, assess(changed))
        if diff:
            hints.append(f"{what_if.condition}, {diff}.")
    return tuple(hints)
