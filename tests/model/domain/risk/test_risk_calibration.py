"""Method 2.0 rules, one test per fault found by trying the engine: access 'none' is a
positive finding, explicit facts beat worst-case fills, no personal data means no breach to
notify, scale and depth of the data, strong hashing, exemptions only as explicit claims."""

from __future__ import annotations

import json
from typing import Any

import pytest
from risk_helpers import load_doc

from model.domain.enums import RiskLevel
from model.domain.facts import facts_from_document
from model.domain.risk import Assessment, assess, assessment_to_document
from tests.conftest import DATA, SHARED


def _assess(doc: dict[str, Any]) -> Assessment:
    return assess(facts_from_document(doc))


def _calls(a: Assessment) -> tuple[str, bool, bool]:
    return a.risk.value, a.notify_ico, a.notify_data_subjects


def _seed(**conf: Any) -> dict[str, Any]:
    doc = load_doc("seed_case_asb_published")
    return doc | {"confidentiality": doc["confidentiality"] | conf}


# -- access: 'none' is a finding, not an absence of evidence ------------------------------
@pytest.mark.parametrize("path", [
    DATA / "seed-case.json",
    # The workplace's original, where the clone sits beside it (tests/data holds a copy).
    pytest.param(SHARED / "cases" / "seed-case.json", marks=pytest.mark.skipif(
        not (SHARED / "cases" / "seed-case.json").exists(), reason="no ../shared here"))])
def test_motivating_case_with_access_unknown_is_high_risk(path) -> None:  # type: ignore[no-untyped-def]
    a = _assess(json.loads(path.read_text(encoding="utf-8")))
    assert _calls(a) == ("high_risk", True, True)


@pytest.mark.parametrize(("access", "want"), [
    ("unknown", "high_risk"), ("seen", "high_risk"), ("confirmed", "high_risk"),
    ("none", "risk")])
def test_only_logs_showing_no_access_lower_a_public_exposure(access: str, want: str) -> None:
    a = _assess(_seed(access=access))
    assert a.risk.value == want
    assert a.notify_ico


def test_logs_showing_no_access_are_explained_as_a_finding() -> None:
    a = _assess(_seed(access="none"))
    text = " ".join(r.text for r in a.reasons_for("evidence_of_access"))
    assert "Checks covering the whole exposure" in text
    assert a.likelihood.value == "unlikely"


# -- exemptions only from an explicit claim -----------------------------------------------
def test_high_risk_without_a_claim_tells_people_and_says_no_claim_was_made() -> None:
    a = _assess(load_doc("customer_database_exfiltration"))
    assert a.notify_data_subjects and a.data_subject_exemption is None
    assert any("No Art. 34(3) exemption claimed" in x for x in a.assumptions)


def test_a_claim_with_its_explanation_is_quoted() -> None:
    doc = load_doc("customer_database_exfiltration") | {"exemption_claim": {
        "ground": "subsequent_measures", "explanation": "All cards were stopped within an hour."}}
    a = _assess(doc)
    assert (a.notify_data_subjects, a.data_subject_exemption) == (False, "subsequent_measures")
    assert "All cards were stopped within an hour." in a.reasons_for("data_subjects")[0].text


def test_the_older_mitigated_flag_still_counts_but_asks_for_the_how() -> None:
    a = _assess(load_doc("card_data_mitigated"))
    assert a.data_subject_exemption == "subsequent_measures"
    assert "Record how" in a.reasons_for("data_subjects")[0].text


def test_an_unsupported_unintelligible_claim_does_not_excuse() -> None:
    doc = load_doc("laptop_unencrypted_health") | {"exemption_claim": {
        "ground": "unintelligible", "explanation": "The laptop had a login password."}}
    a = _assess(doc)
    assert a.notify_data_subjects and a.data_subject_exemption is None
    assert "protection facts do not show" in a.reasons_for("data_subjects")[0].text


def test_pecr_accepts_no_claim_but_unintelligibility() -> None:
    doc = load_doc("pecr_call_records_portal") | {"exemption_claim": {
        "ground": "disproportionate_effort", "explanation": "Too many subscribers."}}
    a = _assess(doc)
    assert a.notify_data_subjects and a.data_subject_exemption is None


# -- explicit facts beat worst-case fills --------------------------------------------------
STOLEN_TABLET = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
                 "data_categories": ["basic_identifiers", "health"], "malicious": True,
                 "protection": {"method": "encryption", "state_of_the_art": True,
                                "key_compromised": False}}


@pytest.mark.parametrize("extra", [
    {}, {"breach_types": ["confidentiality", "availability"],
         "availability": {"loss": "none", "backup_available": True}}])
def test_encrypted_device_with_key_safe_is_not_notifiable_even_without_a_count(extra) -> None:  # type: ignore[no-untyped-def]
    a = _assess(STOLEN_TABLET | extra)
    assert _calls(a) == ("unlikely", False, False)
    assert a.data_subject_exemption == "unintelligible"


def test_availability_loss_none_scores_no_loss_and_no_disruption() -> None:
    doc = {"schema": "breach-facts/1", "breach_types": ["availability"],
           "data_categories": ["basic_identifiers"], "malicious": False, "subjects_count": 40,
           "availability": {"loss": "none"}}
    a = _assess(doc)
    assert _calls(a) == ("unlikely", False, False)
    assert not any(s.text.startswith("Availability") for s in a.severity.steps)
    assert not any("critical" in x for x in a.assumptions)


def test_integrity_altered_false_is_not_an_integrity_loss() -> None:
    doc = {"schema": "breach-facts/1", "breach_types": ["integrity"], "malicious": False,
           "data_categories": ["basic_identifiers"], "subjects_count": 5,
           "integrity": {"altered": False}}
    assert _calls(_assess(doc)) == ("unlikely", False, False)


# -- not a personal data breach ------------------------------------------------------------
@pytest.mark.parametrize("doc", [
    {"data_categories": ["none"]},
    {"data_categories": ["basic_identifiers"], "subjects_count": 0},
    {"data_categories": ["not_yet_known"], "records_count": 0},
])
@pytest.mark.parametrize("regime", ["uk_gdpr", "pecr", "dpa2018_part3"])
def test_no_personal_data_means_no_notification_and_a_record(doc, regime: str,  # type: ignore[no-untyped-def]
                                                             assessment_validator) -> None:
    website = {"schema": "breach-facts/1", "breach_types": ["integrity", "availability"],
               "regime": regime, "summary": "Static website defaced; it holds no personal data"}
    a = _assess(website | doc)
    assert _calls(a) == ("unlikely", False, False) and not a.personal_data_breach
    out = assessment_to_document(a)
    assessment_validator.validate(out)
    assert out["personal_data_breach"] is False
    assert "not a personal data breach" in out["reasons"][0]["text"]
    assert a.summary.startswith("Not a personal data breach")


# -- scale and depth of the data -----------------------------------------------------------
LAPTOP_100K = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
               "data_categories": ["basic_identifiers"], "data_subject_categories": ["customers"],
               "subjects_count": 100_000, "malicious": True, "controller_sector": "general",
               "confidentiality": {"exposure": "unknown_recipients", "access": "unknown"},
               "protection": {"method": "none"}}


def test_many_customers_identity_data_on_a_stolen_unencrypted_laptop_is_high_risk() -> None:
    a = _assess(LAPTOP_100K)
    assert _calls(a) == ("high_risk", True, True)
    assert any("100,000 people" in s.text for s in a.severity.steps)
    fewer = _assess(LAPTOP_100K | {"subjects_count": 90})
    assert fewer.risk is RiskLevel.RISK


COURSE_LIST = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
               "data_categories": ["basic_identifiers", "health"], "malicious": False,
               "data_subject_categories": ["other"], "subjects_count": 15,
               "confidentiality": {"exposure": "known_recipients", "access": "confirmed",
                                   "recipient_deleted": False},
               "protection": {"method": "none"}, "consequences": ["distress"]}


def test_a_passing_sensitive_item_to_a_few_known_recipients_is_not_high_risk() -> None:
    a = _assess(COURSE_LIST | {"data_detail": "minimal"})
    assert _calls(a) == ("risk", True, False)
    assert a.severity.dpc == 2
    assert _assess(COURSE_LIST).risk is RiskLevel.HIGH_RISK  # a real diagnosis would be


def test_a_policy_letter_in_another_customers_envelope_is_a_risk_not_high() -> None:
    letter = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
              "data_categories": ["basic_identifiers", "other"], "malicious": False,
              "data_subject_categories": ["customers"], "subjects_count": 1,
              "confidentiality": {"exposure": "known_recipients", "access": "confirmed"},
              "protection": {"method": "none"}}
    a = _assess(letter)
    assert _calls(a) == ("risk", True, False)
    returned = letter | {"confidentiality": letter["confidentiality"] | {
        "recipient_deleted": True}}
    assert _calls(_assess(returned)) == ("unlikely", False, False)


def test_a_detailed_record_of_each_person_raises_the_data_score() -> None:
    forms = LAPTOP_100K | {"subjects_count": 213, "data_detail": "extensive"}
    a = _assess(forms)
    assert a.severity.dpc == 2 and a.risk is RiskLevel.HIGH_RISK
    assert _assess(forms | {"data_detail": "standard"}).risk is RiskLevel.RISK


# -- strong hashing --------------------------------------------------------------------------
FORUM = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
         "data_categories": ["identification_data"], "malicious": True, "subjects_count": 1200,
         "identifiability": "limited", "data_subject_categories": ["users"],
         "confidentiality": {"exposure": "unknown_recipients", "access": "confirmed"},
         "protection": {"method": "hashing", "state_of_the_art": True, "key_compromised": False}}


def test_strong_hashes_and_pseudonymous_usernames_need_no_notification() -> None:
    a = _assess(FORUM)
    assert _calls(a) == ("unlikely", False, False)
    assert any("change their passwords" in x for x in a.advice)


def test_strong_hashes_with_email_usernames_still_go_to_the_ico() -> None:
    doc = FORUM | {"identifiability": "maximum",
                   "data_categories": ["identification_data", "basic_identifiers"]}
    assert _calls(_assess(doc)) == ("risk", True, False)
    weak = doc | {"protection": FORUM["protection"] | {"state_of_the_art": False}}
    assert _calls(_assess(weak)) == ("high_risk", True, True)


def test_contact_details_alone_with_one_wrong_person_are_only_recorded() -> None:
    doc = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
           "data_categories": ["basic_identifiers"], "malicious": False, "subjects_count": 1,
           "data_subject_categories": ["customers"],
           "confidentiality": {"exposure": "known_recipients", "access": "confirmed"},
           "protection": {"method": "none"}}
    assert _calls(_assess(doc)) == ("unlikely", False, False)
    more = doc | {"data_categories": ["basic_identifiers", "other"]}
    assert _calls(_assess(more)) == ("risk", True, False)
    unsafe = doc | {"consequences": ["harassment_or_retaliation"]}
    assert _calls(_assess(unsafe)) == ("high_risk", True, True)
