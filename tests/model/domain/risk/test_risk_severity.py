"""ENISA severity: band boundaries, DPC base and raises, EI, CB, rounding."""

from __future__ import annotations

from dataclasses import replace

import pytest
from risk_helpers import load_facts

from model.domain.enums import (
    BreachType,
    Consequence,
    DataCategory,
    Identifiability,
    ProtectionMethod,
    SeverityBand,
    SubjectCategory,
)
from model.domain.facts import BreachFacts, Confidentiality, Integrity, Protection
from model.domain.risk import assess, band_for


@pytest.mark.parametrize(("score", "band"), [
    (0.25, SeverityBand.LOW), (1.99, SeverityBand.LOW), (2.0, SeverityBand.MEDIUM),
    (2.5, SeverityBand.MEDIUM), (2.99, SeverityBand.MEDIUM), (3.0, SeverityBand.HIGH),
    (3.99, SeverityBand.HIGH), (4.0, SeverityBand.VERY_HIGH), (6.0, SeverityBand.VERY_HIGH),
])
def test_band_boundaries_are_exact(score: float, band: SeverityBand) -> None:
    assert band_for(score) is band


def test_band_uses_the_rounded_score() -> None:
    # Floating-point noise just under a boundary must not drop a band.
    assert band_for(0.1 + 0.2 + 1.7) is SeverityBand.MEDIUM
    assert band_for(2.9999999) is SeverityBand.HIGH


def _facts(*cats: DataCategory, **kw: object) -> BreachFacts:
    base = BreachFacts(
        breach_types=(BreachType.CONFIDENTIALITY,), data_categories=cats,
        malicious=False, subjects_count=10, records_count=10,
        data_subject_categories=(SubjectCategory.CUSTOMERS,),
        confidentiality=Confidentiality(exposure=None),
        protection=Protection(ProtectionMethod.NONE),
        consequences=(Consequence.DISTRESS,))
    return replace(base, **kw)


@pytest.mark.parametrize(("cat", "dpc"), [
    (DataCategory.BASIC_IDENTIFIERS, 1), (DataCategory.OTHER, 1), (DataCategory.LOCATION, 2),
    (DataCategory.BEHAVIOURAL, 2), (DataCategory.ECONOMIC_FINANCIAL, 3),
    (DataCategory.OFFICIAL_DOCUMENTS, 3), (DataCategory.IDENTIFICATION_DATA, 3),
    (DataCategory.HEALTH, 4), (DataCategory.CRIMINAL_OFFENCE, 4),
    (DataCategory.GENETIC_BIOMETRIC, 4), (DataCategory.NOT_YET_KNOWN, 4),
])
def test_dpc_base_by_most_severe_category(cat: DataCategory, dpc: int) -> None:
    assert assess(_facts(cat)).severity.dpc == dpc


def test_most_severe_category_wins() -> None:
    facts = _facts(DataCategory.BASIC_IDENTIFIERS, DataCategory.LOCATION, DataCategory.HEALTH)
    assert assess(facts).severity.dpc == 4


@pytest.mark.parametrize(("change", "dpc"), [
    ({"consequences": (Consequence.HARASSMENT_OR_RETALIATION,)}, 4),
    ({"consequences": (Consequence.PHYSICAL_HARM,)}, 4),
    ({"data_subject_categories": (SubjectCategory.PATIENTS,)}, 3),
    ({"data_subject_categories": (SubjectCategory.CHILDREN,)}, 2),
    ({"records_count": 100}, 2),
])
def test_dpc_context_raises_simple_data(change: dict[str, object], dpc: int) -> None:
    sev = assess(_facts(DataCategory.BASIC_IDENTIFIERS, **change)).severity
    assert sev.dpc == dpc
    assert any(s.term == "DPC" and s.text.startswith("Context: +") for s in sev.steps)


def test_only_the_largest_raise_applies_and_dpc_stays_within_4() -> None:
    facts = _facts(DataCategory.ECONOMIC_FINANCIAL,
                   data_subject_categories=(SubjectCategory.CHILDREN, SubjectCategory.PATIENTS),
                   consequences=(Consequence.PHYSICAL_HARM,))
    sev = assess(facts).severity
    assert sev.dpc == 4
    assert any("Also noted" in s.text for s in sev.steps)


def test_strong_hashing_lowers_credentials_to_simple_data() -> None:
    hashed = Protection(ProtectionMethod.HASHING, state_of_the_art=True, key_compromised=False)
    weak = Protection(ProtectionMethod.HASHING, state_of_the_art=False, key_compromised=False)
    assert assess(_facts(DataCategory.IDENTIFICATION_DATA, protection=hashed)).severity.dpc == 1
    assert assess(_facts(DataCategory.IDENTIFICATION_DATA, protection=weak)).severity.dpc == 3


@pytest.mark.parametrize(("setting", "ei"), [
    (Identifiability.NEGLIGIBLE, 0.25), (Identifiability.LIMITED, 0.5),
    (Identifiability.SIGNIFICANT, 0.75), (Identifiability.MAXIMUM, 1.0),
])
def test_ei_set_by_the_dpo_is_used(setting: Identifiability, ei: float) -> None:
    assert assess(_facts(DataCategory.HEALTH, identifiability=setting)).severity.ei == ei


def test_ei_negligible_when_unintelligible_even_if_set_higher() -> None:
    enc = Protection(ProtectionMethod.ENCRYPTION, state_of_the_art=True, key_compromised=False)
    facts = _facts(DataCategory.HEALTH, protection=enc, identifiability=Identifiability.MAXIMUM)
    assert assess(facts).severity.ei == 0.25


def test_ei_limited_for_pseudonymised_data_with_safe_key() -> None:
    pseudo = Protection(ProtectionMethod.PSEUDONYMISATION, True, False)
    assert assess(_facts(DataCategory.HEALTH, protection=pseudo)).severity.ei == 0.5


@pytest.mark.parametrize(("exposure", "cb"), [
    ("none", 0.0), ("trusted_recipient", 0.25), ("known_recipients", 0.25),
    ("unknown_recipients", 0.5), ("public", 0.5),
])
def test_cb_confidentiality(exposure: str, cb: float) -> None:
    from model.domain.enums import Exposure
    facts = _facts(DataCategory.BASIC_IDENTIFIERS,
                   confidentiality=Confidentiality(exposure=Exposure(exposure)))
    assert assess(facts).severity.cb == cb


def test_cb_adds_every_circumstance_and_never_exceeds_2() -> None:
    from model.domain.enums import AvailabilityLoss, Exposure
    from model.domain.facts import Availability
    facts = _facts(
        DataCategory.BASIC_IDENTIFIERS, malicious=True,
        breach_types=(BreachType.CONFIDENTIALITY, BreachType.INTEGRITY, BreachType.AVAILABILITY),
        confidentiality=Confidentiality(exposure=Exposure.PUBLIC),
        integrity=Integrity(altered=True, recoverable=False),
        availability=Availability(loss=AvailabilityLoss.PERMANENT, backup_available=False))
    sev = assess(facts).severity
    assert sev.cb == 2.0
    assert sev.score == round(sev.dpc * sev.ei + sev.cb, 2)
    assert len([s for s in sev.steps if s.term == "CB"]) == 4


def test_score_formula_and_steps_for_each_term() -> None:
    sev = assess(load_facts("hashed_passwords_strong")).severity
    assert (sev.dpc, sev.ei, sev.cb, sev.score, sev.band) == (1, 1.0, 1.0, 2.0,
                                                             SeverityBand.MEDIUM)
    assert sev.formula == "1 × 1 + 1 = 2"
    assert {s.term for s in sev.steps} == {"DPC", "EI", "CB"}
