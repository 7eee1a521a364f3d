"""EDPB factors about the people and the harm: consequences, vulnerable people, the
controller's sector and the number of people affected.
"""

from __future__ import annotations

from model.domain.enums import (
    AvailabilityLoss,
    BreachType,
    Consequence,
    RiskLevel,
    Sector,
    ServiceImpact,
    SubjectCategory,
)
from model.domain.risk.factors_incident import outsiders_hold_it
from model.domain.risk.resolved import (
    LARGE_NUMBER,
    SAFETY_HARMS,
    VERY_LARGE_NUMBER,
    VULNERABLE,
    Resolved,
)
from model.domain.risk.result import Contribution, Effect, Limit, floor

_SERIOUS = frozenset({Consequence.IDENTITY_FRAUD, Consequence.FINANCIAL_LOSS,
                      Consequence.DISCRIMINATION, Consequence.LOSS_OF_PROFESSIONAL_SECRECY})


def _notes(r: Resolved, *starts: str) -> tuple[str, ...]:
    return tuple(a for a in r.assumptions if a.startswith(starts))


def _names(items: frozenset[Consequence]) -> str:
    return ", ".join(sorted(c.label.lower() for c in items))


def _permanence(r: Resolved) -> list[str]:
    lasting = []
    if r.integrity_lost and not r.recoverable:
        lasting.append("altered data cannot be put right")
    if r.availability_lost and r.loss is AvailabilityLoss.PERMANENT:
        lasting.append("the data is lost for good")
    return lasting


def consequences(r: Resolved) -> Contribution:
    """Severity and permanence of the harm; safety at stake or care delayed makes it high."""
    notes = _notes(r, "Possible harms not listed", "Effect on services")
    parts: list[str] = []
    limits: list[Limit] = []
    safety = r.consequences & SAFETY_HARMS
    if safety and r.readable:
        parts.append(f"The safety of the people involved is at stake ({_names(safety)}): "
                     "someone who reads this data could find and hurt them.")
        limits.append(floor(RiskLevel.HIGH_RISK, BreachType.CONFIDENTIALITY))
    if r.availability_lost and r.service_impact is ServiceImpact.CRITICAL:
        parts.append("Services people rely on were disrupted critically (care or safety "
                     "delayed).")
        limits.append(floor(RiskLevel.HIGH_RISK, BreachType.AVAILABILITY))
    serious = r.consequences & _SERIOUS
    if serious:
        parts.append(f"Serious harm is possible: {_names(serious)}.")
    lasting = _permanence(r)
    if lasting:
        parts.append(f"The harm is lasting: {'; '.join(lasting)}.")
    if parts:
        return Contribution("consequences", Effect.RAISES, " ".join(parts), notes,
                            limits=tuple(limits))
    if r.consequences == {Consequence.NONE_IDENTIFIED}:
        text = ("No harm was identified; the assessment does not lower the risk on that "
                "ground alone, since harm is judged from the data and circumstances.")
    else:
        text = f"Possible harms ({_names(r.consequences)}) are limited and short-lived."
    return Contribution("consequences", Effect.NEUTRAL, text, notes)


def vulnerable_people(r: Resolved) -> Contribution:
    """Children, vulnerable adults and patients are less able to protect themselves."""
    notes = _notes(r, "Categories of people not known")
    found = r.subjects & (VULNERABLE | {SubjectCategory.PATIENTS})
    if not found:
        return Contribution("vulnerable_people", Effect.NEUTRAL,
                            "No children, vulnerable adults or patients are among the people "
                            "affected.", notes)
    names = ", ".join(sorted(s.label.lower() for s in found))
    return Contribution("vulnerable_people", Effect.RAISES,
                        f"The people affected include {names}, who are less able to protect "
                        "themselves and more exposed to harm.", notes)


def controller_sector(r: Resolved) -> Contribution:
    """A health or law-enforcement controller: being on its records itself says something."""
    notes = _notes(r, "Controller sector not given")
    only_staff = r.subjects <= {SubjectCategory.EMPLOYEES}
    if r.sector is Sector.HEALTH and not only_staff:
        return Contribution("controller_sector", Effect.RAISES,
                            "A health controller: appearing in its records reveals something "
                            "about a person's health.", notes)
    if r.sector is Sector.LAW_ENFORCEMENT and not only_staff:
        return Contribution("controller_sector", Effect.RAISES,
                            "A law-enforcement controller: appearing in its records links a "
                            "person to crime or disputes, as victim, witness or suspect.", notes)
    if r.sector is Sector.FINANCIAL and not only_staff:
        return Contribution("controller_sector", Effect.RAISES,
                            "A financial controller: being its customer says something about "
                            "a person's finances.", notes)
    return Contribution("controller_sector", Effect.NEUTRAL,
                        f"Controller sector ({r.sector.label.lower()}) adds nothing particular.",
                        notes)


def number_of_people(r: Resolved) -> Contribution:
    """The more people, the wider the harm; from LARGE_NUMBER whose readable data is with
    outsiders, the ICO should hear of it. A count alone creates no harm where none can reach
    anyone (unreadable data, data returned, an outage restored)."""
    notes = _notes(r, "Number of people")
    reaches = outsiders_hold_it(r)
    limits = (floor(RiskLevel.RISK, BreachType.CONFIDENTIALITY),) if reaches else ()
    tail = (": too many to treat as unlikely to matter, since their readable data is with "
            "others." if reaches else ".")
    if r.people is None:
        return Contribution("number_of_people", Effect.RAISES,
                            f"The number of people is not known, so at least {LARGE_NUMBER:,} "
                            f"is assumed{tail}", notes, limits=limits)
    if r.people >= VERY_LARGE_NUMBER:
        return Contribution("number_of_people", Effect.RAISES,
                            f"A very large number of people ({r.people:,}) are affected{tail}",
                            notes, limits=limits)
    if r.people >= LARGE_NUMBER:
        return Contribution("number_of_people", Effect.RAISES,
                            f"A large number of people ({r.people:,}) are affected{tail}",
                            notes, limits=limits)
    return Contribution("number_of_people", Effect.NEUTRAL,
                        f"{r.people:,} {'person' if r.people == 1 else 'people'} affected: a "
                        "limited number, though each case still counts.", notes)
