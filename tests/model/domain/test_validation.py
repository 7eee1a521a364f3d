"""Impossible facts are refused with field-naming messages; missing triage items are listed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    Exposure,
    SubjectCategory,
    YesNoUnknown,
)
from model.domain.errors import ValidationError
from model.domain.facts import Availability, BreachFacts, Confidentiality, Integrity
from model.domain.validation import (
    ImpossibleFactsError,
    MissingItem,
    check_facts,
    impossible_facts,
    missing_items,
    triage_completeness,
)

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 10, 12, 9, 0, tzinfo=LONDON)


def t(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, day, hour, minute, tzinfo=LONDON)


# The motivating case, fully triaged.
CASE = BreachFacts(
    title="ASB cases published on the public website",
    summary="Names and addresses from 61 cases appeared on public pages.",
    occurred_at=t(4, 9), discovered_at=t(9, 10, 30), aware_at=t(9, 12),
    ended_at=t(9, 11), ongoing=False, how_found="An officer saw the pages.",
    breach_types=(BreachType.CONFIDENTIALITY,),
    data_categories=(DataCategory.BASIC_IDENTIFIERS, DataCategory.CRIMINAL_OFFENCE),
    data_subject_categories=(SubjectCategory.OTHER, SubjectCategory.VULNERABLE_ADULTS),
    subjects_count=61, records_count=61, subjects_count_low=55, records_count_low=61,
    confidentiality=Confidentiality(Exposure.PUBLIC, Access.UNKNOWN, exposure_hours=120),
    cyber_incident=YesNoUnknown.NO, malicious=False,
    consequences=(Consequence.DISTRESS,),
)


def fields_of(errors: list[ValidationError]) -> list[str]:
    return [e.field for e in errors]


# --- Impossible facts -------------------------------------------------------------------

def test_a_consistent_case_has_no_errors() -> None:
    assert impossible_facts(CASE, NOW) == []
    check_facts(CASE, NOW)


def test_empty_facts_are_not_impossible() -> None:
    assert impossible_facts(BreachFacts(), NOW) == []


def test_discovered_before_it_began_names_the_field_and_the_local_time() -> None:
    errors = impossible_facts(replace(CASE, discovered_at=t(4, 8, 59)), NOW)
    assert fields_of(errors) == ["discovered_at"]
    assert errors[0].rule == "cannot be before the breach began (04 Oct 2026 09:00 BST)"
    assert str(errors[0]) == (
        "discovered_at: cannot be before the breach began (04 Oct 2026 09:00 BST)")


def test_discovered_at_the_same_moment_it_began_is_fine() -> None:
    assert impossible_facts(replace(CASE, discovered_at=CASE.occurred_at), NOW) == []


def test_aware_before_discovered() -> None:
    errors = impossible_facts(replace(CASE, aware_at=t(9, 10)), NOW)
    assert fields_of(errors) == ["aware_at"]
    assert errors[0].rule == "cannot be before it was discovered (09 Oct 2026 10:30 BST)"


def test_aware_before_it_began_when_discovery_is_unknown() -> None:
    facts = replace(CASE, discovered_at=None, aware_at=t(3, 12))
    assert fields_of(impossible_facts(facts, NOW)) == ["aware_at"]


def test_ended_before_it_began() -> None:
    errors = impossible_facts(replace(CASE, ended_at=t(3, 9)), NOW)
    assert fields_of(errors) == ["ended_at"]
    assert "the breach began (04 Oct 2026 09:00 BST)" in errors[0].rule


def test_ended_while_marked_ongoing() -> None:
    errors = impossible_facts(replace(CASE, ongoing=True), NOW)
    assert fields_of(errors) == ["ended_at"]
    assert "still going on" in errors[0].rule


def test_ongoing_without_an_end_is_fine() -> None:
    assert impossible_facts(replace(CASE, ongoing=True, ended_at=None), NOW) == []


def test_processor_told_us_before_the_breach_began() -> None:
    facts = replace(CASE, processor_name="Supplier Ltd", processor_notified_at=t(4, 8))
    errors = impossible_facts(facts, NOW)
    assert fields_of(errors) == ["processor_notified_at"]
    assert errors[0].rule == "cannot be before the breach began (04 Oct 2026 09:00 BST)"


def test_time_in_the_future_beyond_clock_skew_is_refused() -> None:
    ahead = NOW + timedelta(minutes=5, seconds=1)
    errors = impossible_facts(replace(CASE, ended_at=ahead, ongoing=False), NOW)
    assert fields_of(errors) == ["ended_at"]
    assert errors[0].rule.startswith("is in the future (12 Oct 2026 09:05 BST)")


def test_time_within_clock_skew_is_accepted() -> None:
    assert impossible_facts(replace(CASE, ended_at=NOW + timedelta(minutes=5)), NOW) == []


def test_every_date_is_checked_for_the_future() -> None:
    later = NOW + timedelta(days=1)
    facts = BreachFacts(occurred_at=later, discovered_at=later, aware_at=later,
                        ended_at=later, processor_notified_at=later)
    assert sorted(fields_of(impossible_facts(facts, NOW))) == sorted(
        ["occurred_at", "discovered_at", "aware_at", "ended_at", "processor_notified_at"])


def test_low_estimate_above_high_estimate() -> None:
    facts = replace(CASE, subjects_count_low=62, records_count_low=100)
    errors = impossible_facts(facts, NOW)
    assert fields_of(errors) == ["subjects_count_low", "records_count_low"]
    assert errors[0].rule == "the lowest estimate of people (62) cannot be above the highest (61)"
    assert "records (100)" in errors[1].rule


def test_low_estimate_equal_to_high_is_fine() -> None:
    assert impossible_facts(replace(CASE, subjects_count_low=61), NOW) == []


@pytest.mark.parametrize("name", [
    "subjects_count", "records_count", "subjects_count_low", "records_count_low"])
def test_negative_counts_are_refused(name: str) -> None:
    errors = impossible_facts(replace(CASE, **{name: -1}), NOW)
    assert fields_of(errors) == [name]
    assert errors[0].rule == "cannot be negative (got -1)"


def test_negative_hours_in_nested_parts_are_refused() -> None:
    facts = replace(CASE, confidentiality=Confidentiality(exposure_hours=-2.0),
                    availability=Availability(restore_hours=-1.0))
    assert fields_of(impossible_facts(facts, NOW)) == [
        "confidentiality.exposure_hours", "availability.restore_hours"]


def test_check_facts_raises_a_validation_error_carrying_every_problem() -> None:
    facts = replace(CASE, discovered_at=t(3, 9), ongoing=True, subjects_count=-5)
    with pytest.raises(ValidationError) as info:
        check_facts(facts, NOW)
    err = info.value
    assert isinstance(err, ImpossibleFactsError)
    assert err.field == "discovered_at"
    assert err.rule.endswith("(and 2 more problems)")
    assert [e.field for e in err.errors] == ["discovered_at", "ended_at", "subjects_count"]


def test_check_facts_with_one_problem_keeps_the_plain_message() -> None:
    with pytest.raises(ImpossibleFactsError) as info:
        check_facts(replace(CASE, records_count=-1), NOW)
    assert str(info.value) == "records_count: cannot be negative (got -1)"
    assert len(info.value.errors) == 1


# --- Missing items ----------------------------------------------------------------------

def test_a_fully_triaged_case_misses_nothing() -> None:
    assert missing_items(CASE) == []
    done, total = triage_completeness(CASE)
    assert done == total
    # 15 general questions + the end time (it is over) + exposure and access.
    assert total == 18


def test_empty_facts_list_the_general_questions_in_screen_order() -> None:
    fields = [m.field for m in missing_items(BreachFacts())]
    assert fields == [
        "title", "summary", "occurred_at", "discovered_at", "aware_at", "how_found",
        "ongoing", "breach_types", "data_categories", "data_subject_categories",
        "subjects_count", "records_count", "cyber_incident", "malicious", "consequences"]
    assert triage_completeness(BreachFacts()) == (0, 15)


def test_missing_item_has_a_label_and_a_reason() -> None:
    item = next(m for m in missing_items(BreachFacts()) if m.field == "aware_at")
    assert item == MissingItem("aware_at", "When you became aware", item.why)
    assert "clock" in item.why


def test_blank_text_counts_as_missing() -> None:
    assert [m.field for m in missing_items(replace(CASE, title="   "))] == ["title"]


def test_only_not_yet_known_counts_as_missing() -> None:
    facts = replace(CASE, data_categories=(DataCategory.NOT_YET_KNOWN,),
                    data_subject_categories=(SubjectCategory.NOT_YET_KNOWN,))
    assert [m.field for m in missing_items(facts)] == [
        "data_categories", "data_subject_categories"]


def test_not_yet_known_next_to_a_known_category_is_enough() -> None:
    facts = replace(CASE, data_categories=(DataCategory.HEALTH, DataCategory.NOT_YET_KNOWN))
    assert missing_items(facts) == []


def test_dont_know_cyber_incident_is_still_to_find_out() -> None:
    facts = replace(CASE, cyber_incident=YesNoUnknown.UNKNOWN)
    assert [m.field for m in missing_items(facts)] == ["cyber_incident"]


def test_confidentiality_breach_needs_exposure_and_access() -> None:
    facts = replace(CASE, confidentiality=None)
    assert [m.field for m in missing_items(facts)] == [
        "confidentiality.exposure", "confidentiality.access"]
    assert triage_completeness(facts) == (16, 18)


def test_integrity_and_availability_questions_apply_only_to_their_types() -> None:
    facts = replace(CASE, breach_types=(BreachType.INTEGRITY, BreachType.AVAILABILITY),
                    confidentiality=None)
    assert [m.field for m in missing_items(facts)] == [
        "integrity.recoverable", "availability.loss"]
    done = replace(facts, integrity=Integrity(altered=True, recoverable=True),
                   availability=Availability(loss=AvailabilityLoss.TEMPORARY))
    assert missing_items(done) == []
    assert triage_completeness(done) == (18, 18)


def test_end_time_is_asked_once_it_is_known_to_be_over() -> None:
    assert [m.field for m in missing_items(replace(CASE, ended_at=None))] == ["ended_at"]
    still_on = replace(CASE, ended_at=None, ongoing=True)
    assert missing_items(still_on) == []
    assert triage_completeness(still_on) == (17, 17)


def test_processor_time_is_asked_when_a_processor_is_named() -> None:
    facts = replace(CASE, processor_name="Supplier Ltd")
    assert [m.field for m in missing_items(facts)] == ["processor_notified_at"]
    assert triage_completeness(facts) == (18, 19)
