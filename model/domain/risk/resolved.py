"""The facts with every unknown replaced by its worst plausible value ("if in doubt, notify");
each replacement is written down as an assumption. Factors and the severity read only this.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    DataDetail,
    ExemptionGround,
    Exposure,
    ProtectionMethod,
    Sector,
    ServiceImpact,
    SubjectCategory,
)
from model.domain.facts import BreachFacts
from model.domain.risk import fill
from model.domain.risk.fill import (
    LARGE_NUMBER,
    SAFETY_HARMS,
    SENSITIVE,
    VERY_LARGE_NUMBER,
    VULNERABLE,
)

# The fill thresholds are re-exported: the factors read them from here with Resolved.
__all__ = ["LARGE_NUMBER", "QUICK_RESTORE_HOURS", "RECIPIENTS", "SAFETY_HARMS", "SENSITIVE",
           "VERY_LARGE_NUMBER", "VULNERABLE", "WIDE", "Resolved", "involves_personal_data",
           "resolve"]

QUICK_RESTORE_HOURS = 24.0
RECIPIENTS = (Exposure.TRUSTED_RECIPIENT, Exposure.KNOWN_RECIPIENTS)
WIDE = (Exposure.UNKNOWN_RECIPIENTS, Exposure.PUBLIC)


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
    detail: DataDetail | None  # None: judged from the categories alone
    claims: frozenset[ExemptionGround]  # Art. 34(3) grounds the DPO claims
    personal_data: bool
    assumptions: tuple[str, ...]

    @property
    def confidentiality_lost(self) -> bool:
        return self.exposure is not None

    @property
    def lost(self) -> tuple[BreachType, ...]:
        """The kinds of loss that actually happened, in the usual order."""
        found = ((BreachType.CONFIDENTIALITY, self.confidentiality_lost),
                 (BreachType.INTEGRITY, self.integrity_lost),
                 (BreachType.AVAILABILITY, self.availability_lost))
        return tuple(kind for kind, happened in found if happened)

    @property
    def only_confidentiality(self) -> bool:
        return self.lost == (BreachType.CONFIDENTIALITY,)

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
    def recipients_gave_it_back(self) -> bool:
        """Known recipients, acting in good faith, confirmed deleting or returning it."""
        return self.exposure in RECIPIENTS and self.recipient_deleted and not self.malicious

    @property
    def safety_at_stake(self) -> bool:
        return bool(self.consequences & SAFETY_HARMS)

    @property
    def many_people(self) -> bool:
        return self.people is None or self.people >= LARGE_NUMBER

    @property
    def mitigated(self) -> bool:
        return ExemptionGround.SUBSEQUENT_MEASURES in self.claims

    @property
    def disproportionate_effort(self) -> bool:
        return ExemptionGround.DISPROPORTIONATE_EFFORT in self.claims


def _incomplete_triage(facts: BreachFacts, notes: fill.Notes) -> BreachFacts:
    """A first-hour triage may lack the two lists breach-facts/1 requires."""
    if not facts.breach_types:
        notes.add("Type of breach not recorded yet: assumed a loss of confidentiality.")
    return replace(facts, breach_types=facts.breach_types or (BreachType.CONFIDENTIALITY,),
                   data_categories=facts.data_categories or (DataCategory.NOT_YET_KNOWN,))


def _claims(facts: BreachFacts) -> frozenset[ExemptionGround]:
    """The Art. 34(3) grounds claimed, in the current form or the older flags."""
    claims: set[ExemptionGround] = set()
    if facts.exemption_claim is not None:
        claims.add(facts.exemption_claim.ground)
    if facts.mitigated is True:
        claims.add(ExemptionGround.SUBSEQUENT_MEASURES)
    if facts.extra.get("disproportionate_effort") is True:
        claims.add(ExemptionGround.DISPROPORTIONATE_EFFORT)
    return frozenset(claims)


def involves_personal_data(facts: BreachFacts) -> bool:
    """False only on a positive statement: 'no personal data', or nobody affected."""
    if facts.data_categories and set(facts.data_categories) == {DataCategory.NONE}:
        return False
    if facts.subjects_count == 0:
        return False
    return not (facts.subjects_count is None and facts.records_count == 0)


def resolve(facts: BreachFacts) -> Resolved:
    """Fill every unknown with its worst plausible value and record the assumption made."""
    notes = fill.Notes()
    facts = _incomplete_triage(facts, notes)
    cats = fill.categories(facts, notes)
    sector = fill.sector(facts, notes)
    subjects = fill.subjects(facts, sector, notes)
    people = fill.people(facts, notes)
    malicious = fill.malicious(facts, notes)
    conf = fill.confidentiality(facts, notes)
    if malicious and conf["exposure"] is None:
        notes.add("Confidentiality is not listed as affected: taken as established that nothing "
                  "was copied or viewed. Attacks that deny access often copy data first; if "
                  "that cannot be ruled out, add confidentiality with access 'unknown'.")
    integ = fill.integrity(facts, notes)
    avail = fill.availability(facts, sector, subjects, notes)
    prot = fill.protection(facts, notes)
    consequences = fill.consequences(facts, cats, notes)
    return Resolved(
        facts=facts, types=frozenset(facts.breach_types), categories=cats, subjects=subjects,
        people=people, records=facts.records_count, sector=sector, malicious=malicious,
        consequences=consequences, detail=facts.data_detail, claims=_claims(facts),
        personal_data=involves_personal_data(facts), assumptions=tuple(notes.items),
        **conf, **integ, **avail, **prot)
