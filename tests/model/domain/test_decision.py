"""Decision rules: departures need a reason, who and when, and the s.68 restriction."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from model.domain.decision import (
    MIN_REASON,
    DecisionDraft,
    DecisionRefusedError,
    Recommendation,
    RestrictionGround,
    check_decision,
    decision_problems,
    departs,
    recommendation_of,
)
from model.domain.enums import Regime, RiskLevel
from model.domain.records import Restriction

NOW = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)
REASON = "The supplier confirmed in writing that the file was never opened."
HIGH = Recommendation(RiskLevel.HIGH_RISK, notify_ico=True, notify_subjects=True)
RISK = Recommendation(RiskLevel.RISK, notify_ico=True, notify_subjects=False)
UNLIKELY = Recommendation(RiskLevel.UNLIKELY, notify_ico=False, notify_subjects=False)
PART3 = Regime.DPA2018_PART3
GOOD_RESTRICTION = Restriction(RestrictionGround.CRIME.value,
                               "Telling them now would alert the suspect under arrest.",
                               date(2026, 11, 10))


def draft(ico: bool, subjects: bool, **kw: object) -> DecisionDraft:
    base = DecisionDraft(notify_ico=ico, notify_subjects=subjects, decided_by="A. Patel",
                         decided_at=NOW - timedelta(hours=1))
    return replace(base, **kw)  # type: ignore[arg-type]


def fields_of(d: DecisionDraft, rec: Recommendation, regime: Regime = Regime.UK_GDPR) -> list[str]:
    return [e.field for e in decision_problems(d, rec, regime, NOW)]


# (recommendation, decision ico, decision subjects, ico reason, subjects reason, fields refused)
TABLE = [
    (HIGH, True, True, "", "", []),
    (HIGH, True, False, "", "", ["notify_subjects_reason"]),
    (HIGH, True, False, "", "too short", ["notify_subjects_reason"]),
    (HIGH, True, False, "", REASON, []),
    (HIGH, False, False, "", REASON, ["notify_ico_reason"]),
    (HIGH, False, False, REASON, REASON, []),
    (RISK, True, False, "", "", []),
    (RISK, True, True, "", "", ["notify_subjects_reason"]),  # telling more also departs
    (RISK, False, False, "", "", ["notify_ico_reason"]),
    (UNLIKELY, False, False, "", "", []),
    (UNLIKELY, True, False, "", "", ["notify_ico_reason"]),
    (UNLIKELY, True, False, REASON, "", []),
]


@pytest.mark.parametrize(("rec", "ico", "subjects", "ico_reason", "sub_reason", "refused"),
                         TABLE)
def test_departures_need_a_substantive_reason(rec: Recommendation, ico: bool, subjects: bool,
                                              ico_reason: str, sub_reason: str,
                                              refused: list[str]) -> None:
    d = draft(ico, subjects, notify_ico_reason=ico_reason, notify_subjects_reason=sub_reason)
    assert fields_of(d, rec) == refused


def test_a_reason_of_spaces_and_padding_is_not_substantive() -> None:
    padded = "  a " + " " * 40 + "b  "
    d = draft(True, False, notify_subjects_reason=padded)
    assert fields_of(d, HIGH) == ["notify_subjects_reason"]
    d = draft(True, False, notify_subjects_reason="x" * MIN_REASON)
    assert fields_of(d, HIGH) == []


def test_the_refusal_message_says_what_was_recommended() -> None:
    d = draft(True, False)
    [error] = decision_problems(d, HIGH, Regime.UK_GDPR, NOW)
    assert "recommends to tell the people affected" in error.rule
    assert str(MIN_REASON) in error.rule


def test_departs_reports_each_question() -> None:
    assert departs(draft(True, True), HIGH) == (False, False)
    assert departs(draft(False, True), HIGH) == (True, False)
    assert departs(draft(True, False), HIGH) == (False, True)
    assert departs(draft(True, True), UNLIKELY) == (True, True)


def test_recommendation_read_from_a_document() -> None:
    doc = {"risk": "high_risk", "notify_ico": True, "notify_data_subjects": False,
           "data_subject_exemption": "unintelligible"}
    assert recommendation_of(doc) == Recommendation(RiskLevel.HIGH_RISK, True, False,
                                                    "unintelligible")


@pytest.mark.parametrize(("who", "at", "refused"), [
    ("", NOW, ["decided_by"]),
    ("   ", NOW, ["decided_by"]),
    ("A. Patel", NOW + timedelta(hours=2), ["decided_at"]),
    ("A. Patel", NOW + timedelta(minutes=2), []),  # clock skew allowed
    ("A. Patel", datetime(2026, 10, 10, 8, 0), ["decided_at"]),  # naive
])
def test_who_and_when(who: str, at: datetime, refused: list[str]) -> None:
    assert fields_of(draft(True, True, decided_by=who, decided_at=at), HIGH) == refused


def test_restriction_only_for_part3() -> None:
    d = draft(True, True, restriction=GOOD_RESTRICTION)
    assert fields_of(d, HIGH, PART3) == []
    for regime in (Regime.UK_GDPR, Regime.PECR):
        assert fields_of(d, HIGH, regime) == ["restriction"]


def test_restriction_needs_someone_to_be_told() -> None:
    d = draft(False, False, restriction=GOOD_RESTRICTION)
    errors = decision_problems(d, UNLIKELY, PART3, NOW)
    assert [e.field for e in errors] == ["restriction"]
    assert "nothing to restrict" in errors[0].rule


def test_restriction_explains_a_departure_on_telling_people() -> None:
    d = draft(True, False, restriction=GOOD_RESTRICTION)
    assert fields_of(d, HIGH, PART3) == []


@pytest.mark.parametrize(("restriction", "refused"), [
    (replace(GOOD_RESTRICTION, ground="because"), ["restriction.ground"]),
    (replace(GOOD_RESTRICTION, reasoning="police asked"), ["restriction.reasoning"]),
    (replace(GOOD_RESTRICTION, review_on=date(2026, 10, 10)), ["restriction.review_on"]),
    (replace(GOOD_RESTRICTION, review_on=date(2026, 9, 1)), ["restriction.review_on"]),
    (replace(GOOD_RESTRICTION, review_on=date(2026, 10, 11)), []),
])
def test_restriction_fields(restriction: Restriction, refused: list[str]) -> None:
    d = draft(True, True, restriction=restriction)
    assert fields_of(d, HIGH, PART3) == refused


def test_check_decision_raises_with_every_problem() -> None:
    d = draft(False, False, decided_by="")
    with pytest.raises(DecisionRefusedError) as caught:
        check_decision(d, HIGH, Regime.UK_GDPR, NOW)
    assert [e.field for e in caught.value.errors] == [
        "notify_ico_reason", "notify_subjects_reason", "decided_by"]
    assert "and 2 more problems" in str(caught.value)
    check_decision(draft(True, True), HIGH, Regime.UK_GDPR, NOW)  # no error


def test_grounds_are_the_five_of_s68_with_labels() -> None:
    assert len(RestrictionGround) == 5
    assert all(g.label and g.label[0].isupper() for g in RestrictionGround)
