"""The regulators' own worked examples (regulators/*.json, sources and conclusions in
regulators/expectations.json): the engine must reach their conclusion on every one.

A conclusion the regulator leaves to facts the example does not give is 'conditional' (or
'not_stated'); only the definite ones are compared. A case the engine cannot agree with
would carry "diverges": "why" and be marked xfail with that reason; docs/risk-method.md
explains each (there are none).
"""

from __future__ import annotations

import re

import pytest
from risk_helpers import load_regulator_doc, regulator_case_names, regulator_expectations

from model.domain.facts import facts_from_document
from model.domain.risk import assess, assessment_to_document

EXPECTED = regulator_expectations()
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _params() -> list[object]:
    out = []
    for name in sorted(EXPECTED):
        why = EXPECTED[name].get("diverges")
        marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


def test_every_case_has_an_expectation_and_vice_versa() -> None:
    assert sorted(EXPECTED) == regulator_case_names()


def test_all_eighteen_edpb_cases_and_every_wp250_example_are_encoded() -> None:
    edpb = {int(m.group(1)) for n in EXPECTED if (m := re.match(r"edpb_(\d\d)_", n))}
    assert edpb == set(range(1, 19))
    wp250 = {m.group(1) for n in EXPECTED if (m := re.match(r"wp250_([ivx]+)_", n))}
    assert wp250 == set(ROMAN)
    assert sum(n.startswith("ico_") for n in EXPECTED) >= 2


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_cites_its_source_and_conclusion(name: str, facts_validator) -> None:  # type: ignore[no-untyped-def]
    want = EXPECTED[name]
    assert {"document", "part", "url"} <= set(want["source"])
    assert want["conclusion"].strip() and want["text_checked"].strip()
    for key in ("notify_sa", "notify_data_subjects"):
        assert want[key] in (True, False, "conditional", "not_stated"), key
    if "conditional" in (want["notify_sa"], want["notify_data_subjects"]):
        assert want["condition"].strip()
    facts_validator.validate(load_regulator_doc(name))


@pytest.mark.parametrize("name", _params())
def test_engine_reaches_the_regulators_conclusion(name: str) -> None:
    want = EXPECTED[name]
    a = assess(facts_from_document(load_regulator_doc(name)))
    if isinstance(want["notify_sa"], bool):
        assert a.notify_ico == want["notify_sa"], want["conclusion"]
    if isinstance(want["notify_data_subjects"], bool):
        assert a.notify_data_subjects == want["notify_data_subjects"], want["conclusion"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_assessment_of_each_case_is_a_valid_document(name: str, assessment_validator) -> None:  # type: ignore[no-untyped-def]
    doc = assessment_to_document(assess(facts_from_document(load_regulator_doc(name))))
    assessment_validator.validate(doc)
    assert doc["summary"] and doc["likelihood"]
