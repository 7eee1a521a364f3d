"""Filling each unknown fact with its worst plausible value, and writing the assumption down.

A fact the DPO gave is never overridden by a worse assumption: only what is missing is filled.
"""

from __future__ import annotations

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

LARGE_NUMBER = 1000  # people: from here on the number alone makes exposed data reportable
VERY_LARGE_NUMBER = 100_000  # people: so many that even common data is worth stealing
SAFETY_HARMS = frozenset({Consequence.PHYSICAL_HARM, Consequence.HARASSMENT_OR_RETALIATION})
VULNERABLE = frozenset({SubjectCategory.CHILDREN, SubjectCategory.VULNERABLE_ADULTS})
SENSITIVE = SPECIAL_CATEGORIES | {DataCategory.CRIMINAL_OFFENCE}
_FRAUD_DATA = frozenset({DataCategory.ECONOMIC_FINANCIAL, DataCategory.OFFICIAL_DOCUMENTS,
                         DataCategory.IDENTIFICATION_DATA})
_SAFETY_SECTORS = frozenset({Sector.HEALTH, Sector.LAW_ENFORCEMENT})
_WIDE = (Exposure.UNKNOWN_RECIPIENTS, Exposure.PUBLIC)
_RECIPIENTS = (Exposure.TRUSTED_RECIPIENT, Exposure.KNOWN_RECIPIENTS)


class Notes:
    """Collects assumption sentences in the order they are made."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> None:
        if text not in self.items:
            self.items.append(text)


def categories(facts: BreachFacts, notes: Notes) -> frozenset[DataCategory]:
    cats = set(facts.data_categories)
    if DataCategory.NOT_YET_KNOWN in cats:
        notes.add("Data categories not yet known: assumed to include special-category or "
                  "criminal-offence data (the most sensitive, DPC 4).")
    if DataCategory.OTHER in cats:
        notes.add("'Other' data was scored as simple data (DPC 1); if it reveals health, "
                  "finances, beliefs or whereabouts, choose that category instead.")
    if facts.data_detail is None and cats - {DataCategory.NONE}:
        notes.add("How much the data reveals about each person not given: scored by its "
                  "categories alone (no lowering for a passing item, no raise for a detailed "
                  "record of each person).")
    return frozenset(cats)


def subjects(facts: BreachFacts, sector: Sector, notes: Notes) -> frozenset[SubjectCategory]:
    subs = set(facts.data_subject_categories)
    if not subs or SubjectCategory.NOT_YET_KNOWN in subs:
        subs |= VULNERABLE
        if sector is Sector.HEALTH:
            subs.add(SubjectCategory.PATIENTS)
        notes.add("Categories of people not known: assumed they may include children or "
                  "vulnerable adults" + (" and patients." if sector is Sector.HEALTH else "."))
    return frozenset(subs)


def people(facts: BreachFacts, notes: Notes) -> int | None:
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


def sector(facts: BreachFacts, notes: Notes) -> Sector:
    if facts.controller_sector is None:
        notes.add("Controller sector not given: treated as general (no sector raise); set it "
                  "if you are a health, law-enforcement or financial body.")
        return Sector.GENERAL
    return facts.controller_sector


def malicious(facts: BreachFacts, notes: Notes) -> bool:
    if facts.malicious is None:
        notes.add("Not stated whether the breach was deliberate: assumed it was (malicious "
                  "intent, +0.5).")
        return True
    return facts.malicious


def confidentiality(facts: BreachFacts, notes: Notes) -> dict[str, Any]:
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
    elif access is Access.SEEN:
        notes.add("Access was seen but not whether the data was copied: assumed it was.")
    deleted = bool(conf and conf.recipient_deleted)
    if exposure in _RECIPIENTS and (conf is None or conf.recipient_deleted is None):
        notes.add("Not known whether the recipients deleted or returned the data: assumed "
                  "they still hold it.")
    hours = conf.exposure_hours if conf else None
    if hours is None and exposure in _WIDE:
        notes.add("How long the data was exposed is not known: assumed long enough to be "
                  "copied.")
    return {"exposure": exposure, "access": access, "recipient_deleted": deleted,
            "exposure_hours": hours}


def integrity(facts: BreachFacts, notes: Notes) -> dict[str, Any]:
    integ = facts.integrity
    lost = BreachType.INTEGRITY in facts.breach_types or bool(integ and integ.altered)
    if not lost or (integ is not None and integ.altered is False):
        return {"integrity_lost": False, "recoverable": True}
    if integ is None or integ.recoverable is None:
        notes.add("Not known whether the altered data can be put right: assumed it cannot.")
        return {"integrity_lost": True, "recoverable": False}
    return {"integrity_lost": True, "recoverable": integ.recoverable}


def _service_impact(given: ServiceImpact | None, sector_: Sector,
                    subjects_: frozenset[SubjectCategory], notes: Notes) -> ServiceImpact:
    if given is not None:
        return given
    critical = sector_ in _SAFETY_SECTORS or bool(
        subjects_ & (VULNERABLE | {SubjectCategory.PATIENTS}))
    impact = ServiceImpact.CRITICAL if critical else ServiceImpact.MINOR
    notes.add(f"Effect on services people rely on not given: assumed {impact.value}"
              + (" (care or safety could be delayed)." if critical else "."))
    return impact


def availability(facts: BreachFacts, sector_: Sector, subjects_: frozenset[SubjectCategory],
                 notes: Notes) -> dict[str, Any]:
    av = facts.availability
    said_none = av is not None and av.loss is AvailabilityLoss.NONE
    lost = BreachType.AVAILABILITY in facts.breach_types or bool(
        av and av.loss in (AvailabilityLoss.TEMPORARY, AvailabilityLoss.PERMANENT))
    if not lost or said_none:
        return {"availability_lost": False, "loss": AvailabilityLoss.NONE, "backup": True,
                "restore_hours": None, "service_impact": ServiceImpact.NONE}
    backup = bool(av and av.backup_available)
    if av is None or av.backup_available is None:
        notes.add("Not known whether a backup exists: assumed there is none.")
    loss = av.loss if av and av.loss is not None else None
    if loss is None:
        loss = AvailabilityLoss.TEMPORARY if backup else AvailabilityLoss.PERMANENT
        notes.add(f"Extent of the loss not given: assumed {loss.value} "
                  f"({'a backup exists' if backup else 'no backup is known'}).")
    hours = av.restore_hours if av else None
    if hours is None and loss is AvailabilityLoss.TEMPORARY:
        notes.add("Time to restore not known: assumed longer than a day.")
    impact = _service_impact(av.service_impact if av else None, sector_, subjects_, notes)
    return {"availability_lost": True, "loss": loss, "backup": backup,
            "restore_hours": hours, "service_impact": impact}


def protection(facts: BreachFacts, notes: Notes) -> dict[str, Any]:
    # Protection only matters for who can read the data: no note for a pure outage.
    if BreachType.CONFIDENTIALITY not in facts.breach_types:
        notes = Notes()
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


def consequences(facts: BreachFacts, cats: frozenset[DataCategory],
                 notes: Notes) -> frozenset[Consequence]:
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
