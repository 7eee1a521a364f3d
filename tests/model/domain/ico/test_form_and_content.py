"""The ICO form as data, and its answers resolved from a case (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from model.domain.enums import DataCategory, SubjectCategory, YesNoUnknown
from model.domain.ico.changes import changes_since, content_document, content_from_document
from model.domain.ico.checks import Level, check_report
from model.domain.ico.content import RESOLVERS, Reporting, resolve
from model.domain.ico.form import PARTS, QUESTIONS, Applies, Part, question
from model.domain.ico.records import IcoAnswers, RecurrenceStep, ReportType
from tests.reports.conftest import SeedRecords

NOW = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)  # before the seed case's deadline
LATE = datetime(2026, 10, 13, 9, 0, tzinfo=UTC)  # after it


def seed_case(**changes):  # type: ignore[no-untyped-def]
    seed = SeedRecords()
    return seed.case(**changes)


def reporting(answers: IcoAnswers | None = None, report_type: ReportType = ReportType.INITIAL,
              at: datetime = NOW) -> Reporting:
    return Reporting(answers or IcoAnswers(), report_type, at)


def test_every_question_of_the_form_in_the_forms_order() -> None:
    ids = [q.id for q in QUESTIONS]
    assert ids == ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "B6", "B7",
                   "D1", "D2", "D3", "D4", "D5", "D6", "C1", "C2", "C3",
                   "T1", "T2", "T3", "T4", "S-T1", "S-T2", "S-T3",
                   "Y1", "Y2", "Y3", "Y4", "Y5", "Y6"]
    assert [p.value for p in PARTS] == ["About your report", "About the breach",
                                        "Data and people affected", "Cyber incidents",
                                        "Taking action", "Staff and training", "About you"]
    assert set(RESOLVERS) == set(ids)  # every question has a way to its answer


def test_applies_and_options_are_data_with_the_icos_labels_kept_apart() -> None:
    assert question("A4").applies is Applies.FOLLOW_UP
    assert question("B6").applies is Applies.INITIAL
    assert question("T2").applies is Applies.FOLLOW_UP
    assert {question(q).applies for q in ("C1", "C2", "C3")} == {Applies.CYBER}
    d1 = question("D1")
    assert d1.option("basic_identifiers").ico == \
        "Basic personal identifiers, eg name, contact details"
    assert question("D6").option("neutral").ico == "Neutral – neither likely nor unlikely"
    c2 = question("C2").option("medium")
    assert c2.ico == "Medium" and c2.label.startswith("Medium: lost the ability")
    assert question("T3").option("other").ico == "Something else (please give details)"
    assert all(q.part in Part for q in QUESTIONS)


def test_the_seed_case_answers_come_from_the_records() -> None:
    content = resolve(seed_case(), reporting())
    text = content.texts()
    assert text["A3"] == "Initial report"
    assert "61 anti-social behaviour cases" in text["B1"]
    assert text["B2"] == "No"
    assert text["B4"] == "09 Oct 2026 10:30 BST" and text["B5"] == "04 Oct 2026 09:00 BST"
    assert "• Criminal convictions, offences" in text["D1"]
    assert text["D2"] == "61" and text["D3"] == "61"
    assert "• Vulnerable adults" in text["D4"] and "Other (please give details below)" in \
        text["D4"]
    assert "Harassment or retaliation" in text["D5"]
    assert "Pages taken down" in text["T1"] and "(Web team)" in text["T1"]
    assert text["Y1"] == "Northshire Constabulary"
    assert text["Y4"] == "Yes"  # the DPO reports
    assert "ICO registration number: Z1234567" in text["Y6"]
    # A decision not to tell them, with its reason.
    assert text["T3"].startswith("No, we've decided not to")
    # Not asked on an initial report, nor for a breach that is not a cyber incident.
    assert not content.get("A4").applies and not content.get("T2").applies
    assert not content.get("C1").applies and "cyber incident" in content.get("C1").text


def test_estimates_are_marked_and_law_enforcement_people_go_under_other() -> None:
    seed = SeedRecords()
    facts = replace(seed.breach.facts, subjects_count=80, subjects_count_low=40,
                    data_subject_categories=(SubjectCategory.VICTIMS,),
                    data_categories=(DataCategory.BEHAVIOURAL,))
    case = seed.case(breach=replace(seed.breach, facts=facts))
    content = resolve(case, reporting())
    d3 = content.get("D3")
    assert d3.estimate and d3.text == "Between 40 and 80 (estimate)"
    assert "Other (please give details below): Victims or complainants" in \
        content.get("D4").text
    assert "Behavioural data" in content.get("D1").text
    assert any(c.level is Level.INFO and "D3" in c.text and "estimate" in c.text
               for c in check_report(case, reporting()))


def test_late_report_requires_reasons_and_prints_them() -> None:
    case = seed_case()
    checks = check_report(case, reporting(at=LATE))
    assert any(c.level is Level.REQUIRED and c.target == "B6" for c in checks)
    answered = reporting(IcoAnswers(delay_reasons="The supplier's logs took a day."), at=LATE)
    content = resolve(case, answered)
    assert content.get("B6").text.startswith("The supplier's logs took a day.")
    assert "We became aware of the breach on 09 Oct 2026 12:00 BST" in content.get("B6").text
    assert "DPA 2018 s.67" in content.get("B6").text
    assert not any(c.target == "B6" and c.level is Level.REQUIRED
                   for c in check_report(case, answered))


def test_the_gap_from_discovery_to_awareness_must_be_explained() -> None:
    case = seed_case()
    gap = [c for c in check_report(case, reporting()) if c.field == "aware_note"]
    assert gap and "1 h 30 m" in gap[0].text
    seed = SeedRecords()
    explained = seed.case(breach=replace(seed.breach, facts=replace(
        seed.breach.facts, aware_note="IT confirmed the pages were public at 12:00.")))
    assert not [c for c in check_report(explained, reporting()) if c.field == "aware_note"]
    assert "Why then: IT confirmed" in resolve(explained, reporting()).get("B6").text


def test_minimum_content_is_cited_for_the_regime() -> None:
    seed = SeedRecords()
    empty = seed.case(breach=replace(seed.breach, facts=replace(
        seed.breach.facts, summary="", consequences=())))
    texts = [c.text for c in check_report(empty, reporting())]
    assert any(t.startswith("B1 What happened") and "s.67(4)(a)" in t for t in texts)
    assert any(t.startswith("D5") and "s.67(4)(c)" in t for t in texts)
    gdpr = seed.case(breach=replace(seed.breach, facts=replace(
        empty.facts, regime=empty.facts.regime.UK_GDPR)))
    assert any("Art. 33(3)(a)" in c.text for c in check_report(gdpr, reporting()))


@pytest.mark.parametrize(("text", "kind"), [
    ("Letters went to Mrs J. Smith by mistake.", "a name"),
    ("The file listed jo.bloggs@example.com.", "an email address"),
    ("One caller left 07700 900123 on the form.", "a phone number"),
    ("It held AB 12 34 56 C.", "a National Insurance number"),
    ("Including DOB 12/03/1985.", "a date of birth"),
    ("She lives at 12 Acacia Avenue, Leeds LS1 4AB.", "a house number with a postcode"),
])
def test_personal_data_in_free_text_is_flagged(text: str, kind: str) -> None:
    seed = SeedRecords()
    case = seed.case(breach=replace(seed.breach, facts=replace(seed.breach.facts,
                                                               summary=text)))
    warnings = [c for c in check_report(case, reporting()) if c.target == "B1"
                and c.level is Level.WARNING]
    assert warnings and kind in warnings[0].text


def test_the_organisations_own_details_are_not_flagged() -> None:
    seed = SeedRecords()
    case = seed.case(breach=replace(seed.breach, facts=replace(
        seed.breach.facts, summary="Call the DPO on 01234 567890 or dpo@northshire.police."
                                   "example; 1 Station Road, Northshire.")))
    assert not [c for c in check_report(case, reporting()) if c.target == "B1"]


def test_cyber_questions_asked_for_a_cyber_incident() -> None:
    seed = SeedRecords()
    case = seed.case(breach=replace(seed.breach, facts=replace(
        seed.breach.facts, cyber_incident=YesNoUnknown.YES)))
    answers = IcoAnswers(systems_affected="yes", systems_cia=("availability",),
                         cyber_impact="medium")
    content = resolve(case, reporting(answers))
    assert content.get("C1").text == "Yes: Availability"
    assert content.get("C2").text.startswith("Medium: lost the ability")
    assert any(c.target == "C3" for c in check_report(case, reporting(answers)))


def test_follow_up_changes_field_by_field_and_recurrence_dates() -> None:
    case = seed_case()
    before = resolve(case, reporting())
    steps = (RecurrenceStep("Supplier upload checks", date(2026, 11, 30)),
             RecurrenceStep("Staff briefing"))
    answers = IcoAnswers(case_reference="IC-123-4567", recurrence=steps,
                         harm_details="No harm reported so far.")
    after = resolve(case, reporting(answers, ReportType.FOLLOW_UP))
    assert after.get("A4").text == "IC-123-4567"
    assert "Supplier upload checks (expected by 30 Nov 2026)" in after.get("T2").text
    assert "Staff briefing (date not yet set)" in after.get("T2").text
    changes = {c.id: c for c in changes_since(before, after)}
    assert set(changes) >= {"D5", "T2"} and "A3" not in changes
    assert changes["T2"].before == ""
    assert "No harm reported so far." in changes["D5"].after
    # The snapshot document reads back the same.
    again = content_from_document(content_document(after))
    assert again == after
