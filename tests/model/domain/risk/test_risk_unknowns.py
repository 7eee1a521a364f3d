"""Unknown facts are never good news: each becomes an assumption and never lowers the result."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from risk_helpers import (
    expected_outcomes,
    load_doc,
    load_regulator_doc,
    regulator_case_names,
)

from model.domain.facts import facts_from_document
from model.domain.risk import Assessment, assess
from model.domain.risk.result import level_rank

# Facts the engine fills with their worst plausible value. (Judgement inputs that describe
# the organisation or the DPO's view of harm, such as controller_sector and consequences,
# are listed as assumptions too but documented as not worst-cased: see docs/risk-method.md.)
UNKNOWABLE: list[tuple[str, ...]] = [
    ("malicious",), ("identifiability",), ("subjects_count",), ("data_subject_categories",),
    ("mitigated",), ("protection",), ("protection", "state_of_the_art"),
    ("protection", "key_compromised"), ("confidentiality",), ("confidentiality", "exposure"),
    ("confidentiality", "access"), ("confidentiality", "recipient_deleted"),
    ("confidentiality", "exposure_hours"), ("integrity", "recoverable"),
    ("integrity", "altered"), ("availability", "loss"), ("availability", "service_impact"),
    ("availability", "backup_available"), ("availability", "restore_hours"),
    ("exemption_claim",), ("cyber_incident",),
]
# Every scenario and every regulator case, as documents.
DOCS: dict[str, dict[str, Any]] = {
    **{name: load_doc(name) for name in expected_outcomes()},
    **{f"regulator:{name}": load_regulator_doc(name) for name in regulator_case_names()},
}


def _without(doc: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any] | None:
    out = copy.deepcopy(doc)
    holder = out
    for key in path[:-1]:
        holder = holder.get(key)
        if not isinstance(holder, dict):
            return None
    if path[-1] not in holder:
        return None
    del holder[path[-1]]
    return out


def _at_least_as_cautious(unknown: Assessment, known: Assessment) -> bool:
    return (level_rank(unknown.risk) >= level_rank(known.risk)
            and unknown.notify_ico >= known.notify_ico
            and unknown.notify_data_subjects >= known.notify_data_subjects)


CASES = [(name, path) for name in sorted(DOCS) for path in UNKNOWABLE
         if _without(DOCS[name], path) is not None]


@pytest.mark.parametrize(("name", "path"), CASES, ids=[f"{n}-{'.'.join(p)}" for n, p in CASES])
def test_removing_a_fact_never_lowers_the_result(name: str, path: tuple[str, ...]) -> None:
    doc = DOCS[name]
    reduced = _without(doc, path)
    assert reduced is not None
    known, unknown = assess(facts_from_document(doc)), assess(facts_from_document(reduced))
    assert _at_least_as_cautious(unknown, known)


@pytest.mark.parametrize("name", sorted(DOCS))
def test_saying_the_data_reveals_little_never_raises_the_result(name: str) -> None:
    """data_detail 'minimal' may only lower; removing it is never less cautious. ('extensive'
    is the DPO's judgement that raises, like listing a harm, and is not worst-cased.)"""
    doc = DOCS[name] | {"data_detail": "minimal"}
    reduced = {k: v for k, v in doc.items() if k != "data_detail"}
    assert _at_least_as_cautious(assess(facts_from_document(reduced)),
                                 assess(facts_from_document(doc)))


def test_unknown_counts_both_missing_are_never_lower() -> None:
    for name, doc in DOCS.items():
        reduced = {k: v for k, v in doc.items() if k not in ("subjects_count", "records_count")}
        assert _at_least_as_cautious(assess(facts_from_document(reduced)),
                                     assess(facts_from_document(doc))), name


def test_each_unknown_is_listed_as_an_assumption() -> None:
    a = assess(facts_from_document(load_doc("unknowns_early_report")))
    joined = " ".join(a.assumptions)
    for words in ("Data categories not yet known", "Categories of people not known",
                  "Number of people and records not known", "deliberate",
                  "Who could see the data", "viewed or copied", "exposed",
                  "Protection of the data", "Ease of identification not set",
                  "Controller sector not given", "Time of awareness"):
        assert words in joined, words


def test_unknowns_equal_the_worst_case_filled_in() -> None:
    unknown = assess(facts_from_document(load_doc("unknowns_early_report")))
    worst = load_doc("unknowns_early_report") | {
        "malicious": True, "data_subject_categories": ["children", "vulnerable_adults"],
        "identifiability": "maximum", "protection": {"method": "none"},
        "confidentiality": {"exposure": "unknown_recipients", "access": "confirmed"}}
    known = assess(facts_from_document(worst))
    assert (unknown.risk, unknown.notify_ico, unknown.notify_data_subjects) == (
        known.risk, known.notify_ico, known.notify_data_subjects)
    assert unknown.severity.score == known.severity.score
    assert len(unknown.assumptions) > len(known.assumptions)


def test_a_known_good_fact_can_lower_what_the_unknown_assumed() -> None:
    doc = load_doc("email_one_trusted_recipient_deleted")
    unknown = dict(doc, confidentiality={"exposure": "trusted_recipient", "access": "confirmed"})
    assert assess(facts_from_document(unknown)).risk.value != "unlikely"
    assert assess(facts_from_document(doc)).risk.value == "unlikely"


@pytest.mark.parametrize("name", sorted(expected_outcomes()))
def test_every_assumption_is_a_sentence(name: str) -> None:
    for text in assess(facts_from_document(load_doc(name))).assumptions:
        assert text[:1].isupper() and text.rstrip().endswith((".", ")"))


def test_first_hour_triage_without_types_or_categories_is_assessed_at_worst() -> None:
    """A triage saved incomplete has neither list yet; the engine must not fail on it."""
    from model.domain.enums import RiskLevel
    from model.domain.facts import BreachFacts

    result = assess(BreachFacts(title="Just heard"))
    assert result.risk is RiskLevel.HIGH_RISK
    assert result.notify_ico and result.notify_data_subjects
    assert any("Type of breach not recorded" in a for a in result.assumptions)
    assert any("Data categories not yet known" in a for a in result.assumptions)
