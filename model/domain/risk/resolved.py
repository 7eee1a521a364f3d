"""The facts with every unknown replaced by its worst plausible value ("if in doubt, notify");
each replacement is written down as an assumption. Factors and the severity read only this.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from model.domain.enums import (
    SPECIAL_CATEGORIES,
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    Exposure,
    ProtectionMethod,
    Sector,
    ServiceImpact,
    SubjectCategory,
)
from model.domain.facts import BreachFacts

LARGE_NUMBER = 1000  # people: from here on the number alone makes the breach notifiable
QUICK_RESTORE_HOURS = 24.0
SAFETY_HARMS = frozenset({Consequence.PHYSICAL_HARM, Consequence.HARASSMENT_OR_RETALIATION})
VULNERABLE = frozenset({SubjectCategory.CHILDREN, SubjectCategory.VULNERABLE_ADULTS})
SENSITIVE = SPECIAL_CATEGORIES | {DataCategory.CRIMINAL_OFFENCE}
_FRAUD_DATA = frozenset({DataCategory.ECONOMIC_FINANCIAL, DataCategory.OFFICIAL_DOCUMENTS,
                         DataCategory.IDENTIFICATION_DATA})
_SAFETY_SECTORS = frozenset({Sector.HEALTH, Sector.LAW_ENFORCEMENT})


@dataclass(frozen=True)
class Resolved:
    """Known facts plus worst-case fills. `assumptions` says what was filled and how."""

    facts: BreachFacts
    types: frozenset[BreachType]
    categories: frozenset[DataCategory]
    subjects: frozenset[SubjectCategory]
    people: int | None  # None: not known, treated as LARGE_NUMBER or more
    records: int | None
    sector: Sector
    malicious: bool
    exposure: Exposure | None  # None when confidentiality was not lost
    access: Access | None
    recipient_deleted: bool
    exposure_hours: float | None  # None: not known, treated as long
    integrity_lost: bool
    recoverable: bool
    availability_lost: bool
    loss: AvailabilityLoss
    backup: bool
    restore_hours: float | None  # None: not known, treated as slow
    service_impact: ServiceImpact
    method: ProtectionMethod
    state_of_the_art: bool
    key_safe: bool
    consequences: frozenset[Consequence]
    mitigated: bool
    disproportionate_effort: bool
    assumptions: tuple[str, ...]

    @property
    def confidentiality_lost(self) -> bool:
        return self.exposure is not None

    @property
    def only_confidentiality(self) -> bool:
        return self.confidentiality_lost and not self.integrity_lost and not self.availability_lost

    @property
    def unintelligible(self) -> bool:
        """Art. 34(3)(a): state-of-the-art encryption of the whole data set, key not exposed."""
        return (self.method is ProtectionMethod.ENCRYPTION and self.state_of_the_art
                and self.key_safe)

    @property
    def credentials_hashed(self) -> bool:
        """Passwords hashed with a current algorithm whose secret (salt/pepper) is safe."""
        return (self.method is ProtectionMethod.HASHING and self.state_of_the_art
                and self.key_safe and DataCategory.IDENTIFICATION_DATA in self.categories)

    @property
    def readable(self) -> bool:
        """Could an unauthorised person read the lost data?"""
        return self.confidentiality_lost and not self.unintelligible

    @property
    def safety_at_stake(self) -> bool:
        return bool(self.consequences & SAFETY_HARMS)

    @property
    def many_people(self) -> bool:
        return self.people is None or self.people >= LARGE_NUMBER


class _Notes:
    """Collects assumption sentences in the order they are made."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> None:
        if text not in self.items:
            self.items.append(text)


def _categories(facts: BreachFacts, notes: _Notes) -> frozenset[DataCategory]:
    cats = set(facts.data_categories)
    if DataCategory.NOT_YET_KNOWN in cats:
        notes.add("Data categories not yet known: assumed to include special-category or "
                  "criminal-offence data (the most sensitive, DPC 4).")
    if DataCategory.OTHER in cats:
        notes.add("'Other' data was scored as simple data (DPC 1); if it reveals health, "
                  "finances, beliefs or whereabouts, choose that category instead.")
    return frozenset(cats)


def _subjects(facts: BreachFacts, sector: Sector, notes: _Notes) -> frozenset[SubjectCategory]:
    subs = set(facts.data_subject_categories)
    if not subs or SubjectCategory.NOT_YET_KNOWN in subs:
        subs |= VULNERABLE
        if sector is Sector.HEALTH:
            subs.add(SubjectCategory.PATIENTS)
        notes.add("Categories of people not known: assumed they may include children or "
                  "vulnerable adults" + (" and patients." if sector is Sector.HEALTH else "."))
    return frozenset(subs)


def _people(facts: BreachFacts, notes: _Notes) -> int | None:
    if facts.subjects_count is not None:
        if facts.records_count is None:
            notes.add("Number of records not given: the volume was judged from the number of "
                      "people only (no raise for a detailed history of each person).")
        return facts.subjects_count
    if facts.records_count is not None:
        notes.add("Number of people not given: taken as the number of records "
                  f"({facts.records_count}), the most people those records could cover.")
        return facts.records_count
    notes.add(f"Number of people and records not known: assumed {LARGE_NUMBER:,} or more.")
    return None


def _sector(facts: BreachFacts, notes: _Notes) -> Sector:
    if facts.controller_sector is None:
        notes.add("Controller sector not given: treated as general (no sector raise); set it "
                  "if you are a health, law-enforcement or financial body.")
        return Sector.GENERAL
    return facts.controller_sector


def _malicious(facts: BreachFacts, notes: _Notes) -> bool:
    if facts.malicious is None:
        notes.add("Not stated whether the breach was deliberate: assumed it was (malicious "
                  "intent, +0.5).")
        return True
    return facts.malicious


def _confidentiality(facts: BreachFacts, notes: _Notes) -> dict[str, Any]:
    if BreachType.CONFIDENTIALITY not in facts.breach_types:
        return {"exposure": None, "access": None, "recipient_deleted": False,
                "exposure_hours": None}
    conf = facts.confidentiality
    exposure = conf.exposure if conf else None
    if exposure is None:
        notes.add("Who could see the data is not known: assumed an unknown number of people "
                  "(scored like publication).")
        exposure = Exposure.UNKNOWN_RECIPIENTS
    access = conf.access if conf else None
    if access is None or access is Access.UNKNOWN:
        notes.add("Not known whether anyone viewed or copied the data: assumed they did.")
        access = Access.UNKNOWN
    deleted = bool(conf and conf.recipient_deleted)
    if exposure in (Exposure.TRUSTED_RECIPIENT, Exposure.KNOWN_RECIPIENTS) and (
            conf is None or conf.recipient_deleted is None):
        notes.add("Not known whether the recipients deleted or returned the data: assumed "
                  "they still hold it.")
    hours = conf.exposure_hours if conf else None
    if hours is None and exposure in (Exposure.UNKNOWN_RECIPIENTS, Exposure.PUBLIC):
        notes.add("How long the data was exposed is not known: assumed long enough to be "
                  "copied.")
    return {"exposure": exposure, "access": access, "recipient_deleted": deleted,
            "exposure_hours": hours}


def _integrity(facts: BreachFacts, notes: _Notes) -> dict[str, Any]:
    integ = facts.integrity
    lost = BreachType.INTEGRITY in facts.breach_types or bool(integ and integ.altered)
    if not lost:
        return {"integrity_lost": False, "recoverable": True}
    if integ is None or integ.recoverable is None:
        notes.add("Not known whether the altered data can be put right: assumed it cannot.")
        return {"integrity_lost": True, "recoverable": False}
    return {"integrity_lost": True, "recoverable": integ.recoverable}


def _availability(facts: BreachFacts, sector: Sector, subjects: frozenset[SubjectCategory],
                  notes: _Notes) -> dict[str, Any]:
    av = facts.availability
    lost = BreachType.AVAILABILITY in facts.breach_types or bool(
        av and av.loss in (AvailabilityLoss.TEMPORARY, AvailabilityLoss.PERMANENT))
    if not lost:
        return {"availability_lost": False, "loss": AvailabilityLoss.NONE, "backup": True,
                "restore_hours": None, "service_impact": ServiceImpact.NONE}
    backup = bool(av and av.backup_available)
    if av is None or av.backup_available is None:
        notes.add("Not known whether a backup exists: assumed there is none.")
    loss = av.loss if av and av.loss not in (None, AvailabilityLoss.NONE) else None
    if loss is None:
        loss = AvailabilityLoss.TEMPORARY if backup else AvailabilityLoss.PERMANENT
        notes.add(f"Extent of the loss not given: assumed {loss.value} "
                  f"({'a backup exists' if backup else 'no backup is known'}).")
    hours = av.restore_hours if av else None
    if hours is None and loss is AvailabilityLoss.TEMPORARY:
        notes.add("Time to restore not known: assumed longer than a day.")
    impact = av.service_impact if av else None
    if impact is None:
        critical = sector in _SAFETY_SECTORS or bool(
            subjects & (VULNERABLE | {SubjectCategory.PATIENTS}))
        impact = ServiceImpact.CRITICAL if critical else ServiceImpact.MINOR
        notes.add(f"Effect on services people rely on not given: assumed {impact.value}"
                  + (" (care or safety could be delayed)." if critical else "."))
    return {"availability_lost": True, "loss": loss, "backup": backup,
            "restore_hours": hours, "service_impact": impact}


def _protection(facts: BreachFacts, notes: _Notes) -> dict[str, Any]:
    # Protection only matters for who can read the data: no note for a pure outage.
    if BreachType.CONFIDENTIALITY not in facts.breach_types:
        notes = _Notes()
    prot = facts.protection
    method = prot.method if prot else None
    if method is None:
        notes.add("Protection of the data not given: assumed none (readable as it is).")
        method = ProtectionMethod.NONE
    if method is ProtectionMethod.NONE:
        return {"method": method, "state_of_the_art": False, "key_safe": False}
    sota = bool(prot and prot.state_of_the_art)
    if prot is None or prot.state_of_the_art is None:
        notes.add(f"Not stated that the {method.value} is to a current standard: assumed it "
                  "is not.")
    key_safe = bool(prot and prot.key_compromised is False)
    if prot is None or prot.key_compromised is None:
        notes.add("Not stated that the key or secret stayed safe: assumed it was exposed.")
    return {"method": method, "state_of_the_art": sota, "key_safe": key_safe}


def _consequences(facts: BreachFacts, cats: frozenset[DataCategory],
                  notes: _Notes) -> frozenset[Consequence]:
    if facts.consequences:
        return frozenset(facts.consequences)
    inferred = {Consequence.DISTRESS, Consequence.LOSS_OF_CONTROL}
    if cats & _FRAUD_DATA:
        inferred |= {Consequence.IDENTITY_FRAUD, Consequence.FINANCIAL_LOSS}
    if cats & SENSITIVE or DataCategory.NOT_YET_KNOWN in cats:
        inferred |= {Consequence.DISCRIMINATION, Consequence.REPUTATIONAL_DAMAGE}
    names = ", ".join(sorted(c.label.lower() for c in inferred))
    notes.add(f"Possible harms not listed: inferred from the data ({names}). Physical harm "
              "and harassment were not assumed: if either is possible, list it, because it "
              "makes the risk high.")
    return frozenset(inferred)


def _incomplete_triage(facts: BreachFacts, notes: _Notes) -> BreachFacts:
    """A first-hour triage may lack the two lists breach-facts/1 requires."""
    if not facts.breach_types:
        notes.add("Type of breach not recorded yet: assumed a loss of confidentiality.")
    return replace(facts, breach_types=facts.breach_types or (BreachType.CONFIDENTIALITY,),
                   data_categories=facts.data_categories or (DataCategory.NOT_YET_KNOWN,))


def resolve(facts: BreachFacts) -> Resolved:
    """Fill every unknown with its worst plausible value and record the assumption made."""
    notes = _Notes()
    facts = _incomplete_triage(facts, notes)
    cats = _categories(facts, notes)
    sector = _sector(facts, notes)
    subjects = _subjects(facts, sector, notes)
    people = _people(facts, notes)
    malicious = _malicious(facts, notes)
    conf = _confidentiality(facts, notes)
    if malicious and conf["exposure"] is None:
        notes.add("Confidentiality is not listed as affected: taken as established that nothing "
                  "was copied or viewed. Attacks that deny access often copy data first; if "
                  "that cannot be ruled out, add confidentiality with access 'unknown'.")
    integ = _integrity(facts, notes)
    avail = _availability(facts, sector, subjects, notes)
    prot = _protection(facts, notes)
    consequences = _consequences(facts, cats, notes)
    return Resolved(
        facts=facts, types=frozenset(facts.breach_types), categories=cats, subjects=subjects,
        people=people, records=facts.records_count, sector=sector, malicious=malicious,
        consequences=consequences, mitigated=facts.mitigated is True,
        disproportionate_effort=facts.extra.get("disproportionate_effort") is True,
        assumptions=tuple(notes.items), **conf, **integ, **avail, **prot)
