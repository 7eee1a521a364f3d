"""The motivating case (../shared/cases/seed-case.json, copied): high risk, notify both."""

from __future__ import annotations

from risk_helpers import load_facts

from model.domain.enums import RiskLevel, SeverityBand
from model.domain.risk import Effect, assess, assessment_to_document, explain_text


def _seed():
    return assess(load_facts("seed_case_asb_published"))


def test_seed_case_is_high_risk_and_notifies_both() -> None:
    a = _seed()
    assert a.risk is RiskLevel.HIGH_RISK
    assert a.notify_ico and a.notify_data_subjects
    assert a.data_subject_exemption is None


def test_seed_case_severity_matches_the_reference_range() -> None:
    sev = _seed().severity
    # Reference worked example: SE 3.5-4.5. Criminal-offence data sets DPC at 4.
    assert (sev.dpc, sev.ei, sev.cb, sev.score) == (4, 1.0, 0.5, 4.5)
    assert sev.band is SeverityBand.VERY_HIGH
    assert 3.5 <= sev.score <= 4.5


def test_seed_case_reasons_name_exposure_identifiability_and_safety() -> None:
    a = _seed()
    by_factor = {r.factor: r for r in a.reasons}
    exposure = by_factor["type_of_breach"]
    assert exposure.effect is Effect.RAISES and "public" in exposure.text
    ident = by_factor["identifiability"]
    assert ident.effect is Effect.RAISES and "identify" in ident.text
    harm = by_factor["consequences"]
    assert harm.effect is Effect.RAISES and "safety" in harm.text
    assert by_factor["vulnerable_people"].effect is Effect.RAISES
    assert by_factor["controller_sector"].effect is Effect.RAISES


def test_seed_case_assumes_access_and_mentions_section_68() -> None:
    a = _seed()
    assert any("viewed" in text for text in a.assumptions)
    assert any("s.68" in r.text for r in a.reasons)
    doc = assessment_to_document(a)
    assert doc["deadline"] == "2026-10-12T11:00:00+00:00"


def test_seed_case_explanation_shows_derivation_and_local_deadline() -> None:
    text = explain_text(_seed())
    assert "SE = DPC × EI + CB = 4 × 1 + 0.5 = 4.5" in text
    assert "Criminal convictions and offences" in text
    assert "12 Oct 2026 12:00 BST" in text
    assert "Tell the people affected: yes" in text
