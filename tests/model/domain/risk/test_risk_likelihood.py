"""Likelihood (ICO scale) shown apart from severity, each kind of loss judged on its own, and
the one-sentence summary built from the facts."""

from __future__ import annotations

from typing import Any

import pytest
from risk_helpers import expected_outcomes, load_doc, load_facts

from model.domain.facts import facts_from_document
from model.domain.risk import assess, assessment_to_document


@pytest.mark.parametrize(("name", "want"), [
    ("seed_case_asb_published", "likely"),
    ("customer_database_exfiltration", "very_likely"),
    ("email_one_trusted_recipient_deleted", "very_unlikely"),
    ("misdirected_post_unreturned", "neutral"),
    ("cloud_bucket_no_access", "unlikely"),
    ("hospital_ransomware_outage", "very_likely"),
    ("ransomware_with_backups", "very_unlikely"),
    ("laptop_encrypted_key_safe", "very_unlikely"),
    ("unknowns_early_report", "not_yet_known"),
])
def test_likelihood_on_the_ico_scale(name: str, want: str) -> None:
    assert assess(load_facts(name)).likelihood.value == want


@pytest.mark.parametrize("name", sorted(expected_outcomes()))
def test_document_carries_likelihood_summary_and_advice(name: str, assessment_validator) -> None:  # type: ignore[no-untyped-def]
    doc = assessment_to_document(assess(load_facts(name)))
    assessment_validator.validate(doc)
    assert doc["summary"].endswith(".") and ":" in doc["summary"]
    assert doc["personal_data_breach"] is True
    assert isinstance(doc["advice"], list)


def test_each_kind_of_loss_is_judged_on_its_own() -> None:
    # Stolen laptop, encrypted with the key safe; its data restored from backup in two hours.
    doc: dict[str, Any] = load_doc("laptop_unencrypted_health") | {
        "protection": {"method": "encryption", "state_of_the_art": True,
                       "key_compromised": False}}
    a = assess(facts_from_document(doc))
    assert (a.risk.value, a.notify_ico) == ("unlikely", False)
    # Unencrypted, the quick restore does not excuse what the thief can read.
    b = assess(load_facts("laptop_unencrypted_health"))
    assert b.risk.value == "high_risk"
    text = b.reasons_for("risk_level")[0].text
    assert "Confidentiality ('high risk')" in text and "Availability ('unlikely" in text


def test_summary_is_built_from_the_facts() -> None:
    a = assess(load_facts("seed_case_asb_published"))
    assert a.summary == ("High risk: criminal-offence data about 61 people was public for "
                         "5 days and some of them could face harassment or retaliation.")
    doc = load_doc("seed_case_asb_published") | {"subjects_count": 12}
    doc["confidentiality"] = doc["confidentiality"] | {"exposure_hours": 6}
    changed = assess(facts_from_document(doc)).summary
    assert "12 people" in changed and "for 6 hours" in changed


@pytest.mark.parametrize(("name", "starts"), [
    ("laptop_encrypted_key_safe", "Unlikely to harm anyone: financial details"),
    ("hashed_passwords_strong", "Risk, not high: names and contact details"),
    ("hospital_ransomware_outage", "High risk: health data about 250,000 patients was "
                                   "unavailable and services people rely on were disrupted"),
])
def test_summary_names_the_result_the_data_and_what_happened(name: str, starts: str) -> None:
    assert assess(load_facts(name)).summary.startswith(starts)
