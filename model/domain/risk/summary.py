"""One plain-English sentence a board member would understand, built from the facts: the
result, what data about whom, what happened to it, and the harm that drives the result.
"""

from __future__ import annotations

from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    DataDetail,
    Exposure,
    RiskLevel,
    ServiceImpact,
    SubjectCategory,
)
from model.domain.risk.resolved import QUICK_RESTORE_HOURS, RECIPIENTS, SAFETY_HARMS, Resolved
from model.domain.risk.severity import DPC_BASE

_PREFIX = {RiskLevel.HIGH_RISK: "High risk", RiskLevel.RISK: "Risk, not high",
           RiskLevel.UNLIKELY: "Unlikely to harm anyone"}
# (noun phrase, plural?) for the most telling kind of data.
_DATA: dict[DataCategory, tuple[str, bool]] = {
    DataCategory.CRIMINAL_OFFENCE: ("criminal-offence data", False),
    DataCategory.HEALTH: ("health data", False),
    DataCategory.SEX_LIFE: ("details of people's sex lives", True),
    DataCategory.SEXUAL_ORIENTATION: ("data revealing sexual orientation", False),
    DataCategory.GENDER_REASSIGNMENT: ("data revealing gender reassignment", False),
    DataCategory.RACIAL_ETHNIC_ORIGIN: ("data revealing racial or ethnic origin", False),
    DataCategory.POLITICAL_OPINIONS: ("data revealing political opinions", False),
    DataCategory.RELIGIOUS_BELIEFS: ("data revealing religious beliefs", False),
    DataCategory.TRADE_UNION: ("trade-union membership data", False),
    DataCategory.GENETIC_BIOMETRIC: ("genetic or biometric data", False),
    DataCategory.NOT_YET_KNOWN: ("data of a kind not yet established", False),
    DataCategory.ECONOMIC_FINANCIAL: ("financial details", True),
    DataCategory.OFFICIAL_DOCUMENTS: ("official identity documents", True),
    DataCategory.IDENTIFICATION_DATA: ("login details", True),
    DataCategory.LOCATION: ("location data", False),
    DataCategory.BEHAVIOURAL: ("data on people's habits and history", False),
    DataCategory.BASIC_IDENTIFIERS: ("names and contact details", True),
    DataCategory.OTHER: ("personal data", False),
}
_WHO = {SubjectCategory.PATIENTS: "patients", SubjectCategory.CHILDREN: "children",
        SubjectCategory.CUSTOMERS: "customers", SubjectCategory.EMPLOYEES: "staff",
        SubjectCategory.STUDENTS: "students", SubjectCategory.USERS: "users",
        SubjectCategory.SUBSCRIBERS: "subscribers",
        SubjectCategory.VULNERABLE_ADULTS: "vulnerable adults"}


def _rank(r: Resolved, cat: DataCategory) -> int:
    if cat is DataCategory.IDENTIFICATION_DATA and r.credentials_hashed:
        return 0  # nothing usable: named last, in its own clause
    return DPC_BASE[cat]


def _data(r: Resolved) -> tuple[str, bool]:
    known = [c for c in r.categories if c in _DATA]
    top = max(known, key=lambda c: (_rank(r, c), c.value))
    if r.credentials_hashed and top is DataCategory.IDENTIFICATION_DATA:
        return "strongly hashed passwords", True
    phrase, plural = _DATA[top]
    if r.detail is DataDetail.MINIMAL and DPC_BASE[top] > 2:
        return f"a passing item of {phrase}", False
    return phrase, plural


def _whom(r: Resolved) -> str:
    given = [s for s in r.facts.data_subject_categories if s is not SubjectCategory.NOT_YET_KNOWN]
    noun = _WHO.get(given[0], "people") if len(given) == 1 else "people"
    if r.people is None:
        return f"an unknown number of {noun}"
    if r.people == 1:
        return "one person"
    return f"{r.people:,} {noun}"


def _span(hours: float) -> str:
    if hours >= 48:
        return f"{hours / 24:.0f} days"
    return f"{hours:g} hour{'s' if hours != 1 else ''}"


def _confidentiality(r: Resolved, was: str) -> str:
    if r.unintelligible:
        return f"{was} exposed but {'are' if was == 'were' else 'is'} encrypted with the key safe"
    if r.exposure is Exposure.PUBLIC:
        text = f"{was} public" + (f" for {_span(r.exposure_hours)}" if r.exposure_hours else "")
    elif r.malicious and r.exposure in (Exposure.NONE, *RECIPIENTS):
        text = f"{was} deliberately misused by someone who could get at it"
    elif r.malicious:
        text = (f"{was} taken in a deliberate act" if r.access is Access.CONFIRMED
                else "may have been taken in a deliberate act")
    elif r.exposure is Exposure.UNKNOWN_RECIPIENTS:
        text = f"{was} open to people nobody can trace"
    elif r.exposure in (Exposure.KNOWN_RECIPIENTS, Exposure.TRUSTED_RECIPIENT):
        text = "went to the wrong " + ("person" if r.exposure is Exposure.TRUSTED_RECIPIENT
                                       else "people")
        if r.recipient_deleted and not r.malicious:
            text += ", who gave it back or deleted it"
    else:
        text = f"{was} seen by staff who should not have seen it"
    if r.access is Access.NONE:
        text += ", though checks show nobody opened it"
    return text


def _availability(r: Resolved, was: str) -> str:
    if r.service_impact is ServiceImpact.CRITICAL:
        return f"{was} unavailable and services people rely on were disrupted"
    if r.loss is AvailabilityLoss.PERMANENT:
        return f"{was} lost for good"
    quick = r.restore_hours is not None and r.restore_hours <= QUICK_RESTORE_HOURS
    return f"{was} unavailable for " + (_span(r.restore_hours or 0) if quick
                                         else "more than a day")


def _event(r: Resolved, kind: BreachType, was: str) -> str:
    if kind is BreachType.CONFIDENTIALITY:
        return _confidentiality(r, was)
    if kind is BreachType.AVAILABILITY:
        return _availability(r, was)
    return f"{was} wrongly altered" + (" but can be put right" if r.recoverable
                                       else " and cannot be put right")


def _harm(r: Resolved, kind: BreachType) -> str:
    safety = r.consequences & SAFETY_HARMS
    if safety and r.readable:
        what = ", ".join(sorted((c.label.lower() for c in safety), key=len))
        return f" and some of them could face {what}"
    if r.consequences & {Consequence.IDENTITY_FRAUD, Consequence.FINANCIAL_LOSS} and (
            kind is BreachType.CONFIDENTIALITY and r.readable):
        return " and fraud is possible"
    if Consequence.DISCRIMINATION in r.consequences and r.readable:
        return " and people could face discrimination"
    return ""


def summarise(r: Resolved, level: RiskLevel, main: BreachType | None) -> str:
    """The sentence for `level`; `main` is the kind of loss that set it (None: no loss)."""
    if not r.personal_data:
        return ("Not a personal data breach: no personal data was involved, so there is "
                "nobody to notify; record it as a security incident.")
    data, plural = _data(r)
    was = "were" if plural else "was"
    if main is None:
        return (f"{_PREFIX[RiskLevel.UNLIKELY]}: by the facts given, no {data} was disclosed, "
                "altered or lost.")
    sentence = f"{_PREFIX[level]}: {data} about {_whom(r)} {_event(r, main, was)}"
    if level is not RiskLevel.UNLIKELY:
        sentence += _harm(r, main)
    if r.credentials_hashed and main is BreachType.CONFIDENTIALITY and not data.startswith(
            "strongly"):
        sentence += "; the passwords were strongly hashed"
    return sentence + "."
