"""Realistic scenarios with the outcome a careful UK DPO would reach (expected_outcomes.json)."""

from __future__ import annotations

import pytest
from risk_helpers import expected_outcomes, load_doc, load_facts, scenario_names

from model.domain.risk import assess, assessment_to_document

EXPECTED = expected_outcomes()


def test_every_scenario_has_an_expectation_and_vice_versa() -> None:
    assert sorted(EXPECTED) == scenario_names()
    assert len(EXPECTED) >= 16


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_scenario_is_valid_breach_facts(name: str, facts_validator) -> None:
    facts_validator.validate(load_doc(name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_scenario_outcome(name: str) -> None:
    want = EXPECTED[name]
    a = assess(load_facts(name))
    got = {"risk": a.risk.value, "notify_ico": a.notify_ico,
           "notify_data_subjects": a.notify_data_subjects,
           "exemption": a.data_subject_exemption}
    assert got == {k: want[k] for k in got}, want["why"]
    assert want["why"].strip()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_scenario_document_matches_schema(name: str, assessment_validator) -> None:
    doc = assessment_to_document(assess(load_facts(name)))
    assessment_validator.validate(doc)
    assert set(doc) <= set(assessment_validator.schema["properties"]) | {"method_version"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_assessment_is_deterministic(name: str) -> None:
    facts = load_facts(name)
    assert assess(facts) == assess(facts)


def test_deadline_is_72_hours_from_awareness_for_uk_gdpr() -> None:
    facts = load_facts("customer_database_exfiltration")
    a = assess(facts)
    assert facts.aware_at is not None and a.deadline is not None
    assert (a.deadline - facts.aware_at).total_seconds() == 72 * 3600
    assert assessment_to_document(a)["deadline"] == "2026-05-23T10:00:00+00:00"


def test_no_awareness_gives_no_deadline_and_says_so() -> None:
    a = assess(load_facts("unknowns_early_report"))
    assert a.deadline is None
    assert assessment_to_document(a)["deadline"] is None
    assert any("awareness" in text for text in a.assumptions)


def test_pecr_always_notifies_the_ico() -> None:
    a = assess(load_facts("pecr_encrypted_backup_lost"))
    assert a.risk.value == "unlikely" and a.notify_ico
    assert any(r.factor == "regime" and "every" in r.text for r in a.reasons)
