"""The breach-facts/1 additions the engine reads: data_detail, exemption_claim, access 'seen'
and the 'none' data category. Additive: old documents stay valid; round trips lose nothing."""

from __future__ import annotations

from typing import Any

import pytest

from model.domain.enums import Access, DataCategory, DataDetail, ExemptionGround
from model.domain.errors import ValidationError
from model.domain.facts import ExemptionClaim, facts_from_document, facts_to_document

BASE: dict[str, Any] = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
                        "data_categories": ["basic_identifiers", "health"]}


def test_new_fields_round_trip_losslessly(facts_validator) -> None:  # type: ignore[no-untyped-def]
    doc = BASE | {
        "data_detail": "minimal",
        "confidentiality": {"exposure": "known_recipients", "access": "seen"},
        "exemption_claim": {"ground": "subsequent_measures",
                            "explanation": "Every card was cancelled before any use."},
    }
    facts_validator.validate(doc)
    facts = facts_from_document(doc)
    assert facts.data_detail is DataDetail.MINIMAL
    assert facts.confidentiality is not None and facts.confidentiality.access is Access.SEEN
    assert facts.exemption_claim == ExemptionClaim(
        ExemptionGround.SUBSEQUENT_MEASURES, "Every card was cancelled before any use.")
    again = facts_to_document(facts)
    assert {k: again[k] for k in doc} == doc
    assert facts_from_document(again) == facts


def test_no_personal_data_is_a_category_of_its_own(facts_validator) -> None:  # type: ignore[no-untyped-def]
    alone = BASE | {"data_categories": ["none"]}
    facts_validator.validate(alone)
    assert facts_from_document(alone).data_categories == (DataCategory.NONE,)
    mixed = BASE | {"data_categories": ["none", "health"]}
    assert not facts_validator.is_valid(mixed)
    with pytest.raises(ValidationError, match="cannot be combined"):
        facts_from_document(mixed)


@pytest.mark.parametrize("claim", [
    {"ground": "subsequent_measures"},
    {"ground": "subsequent_measures", "explanation": "   "},
    {"ground": "it_was_fine", "explanation": "Because."},
    "subsequent_measures",
])
def test_an_exemption_claim_needs_a_ground_and_an_explanation(claim: Any, facts_validator) -> None:  # type: ignore[no-untyped-def]
    doc = BASE | {"exemption_claim": claim}
    assert not facts_validator.is_valid(doc)
    with pytest.raises(ValidationError, match="exemption_claim"):
        facts_from_document(doc)


def test_older_claim_flags_still_read(facts_validator) -> None:  # type: ignore[no-untyped-def]
    doc = BASE | {"mitigated": True, "disproportionate_effort": True}
    facts_validator.validate(doc)
    facts = facts_from_document(doc)
    assert facts.mitigated is True and facts.extra == {"disproportionate_effort": True}
    assert facts_to_document(facts)["disproportionate_effort"] is True


def test_unknown_detail_value_is_refused(facts_validator) -> None:  # type: ignore[no-untyped-def]
    doc = BASE | {"data_detail": "lots"}
    assert not facts_validator.is_valid(doc)
    with pytest.raises(ValidationError, match="data_detail"):
        facts_from_document(doc)
