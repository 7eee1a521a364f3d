"""The letter's first draft from the case, its variants per regime and restriction, the
placeholders and the checks before sending."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from model.domain.case import Case
from model.domain.enums import Regime
from model.domain.people.letter import (
    LetterText,
    Variant,
    fill,
    letter_from_document,
    letter_problems,
    letter_to_document,
    notice_problems,
    plain_paragraphs,
)
from model.domain.people.prefill import default_variant, prefill
from model.domain.people.printed import SAMPLE, body_text, printed_letter
from model.domain.people.readability import score
from model.domain.people.recipients import Recipient
from tests.model.domain.people.conftest import RESTRICTION, TODAY, make_case


def test_variant_follows_regime_and_restriction() -> None:
    assert default_variant(make_case()) is Variant.PART3
    assert default_variant(make_case(Regime.UK_GDPR)) is Variant.UK_GDPR
    assert default_variant(make_case(Regime.PECR)) is Variant.PECR
    assert default_variant(make_case(restriction=RESTRICTION)) is Variant.PART3_RESTRICTED


def test_seed_letter_is_plain_and_complete(seed_case: Case) -> None:
    letter = prefill(seed_case, Variant.PART3, TODAY)
    assert letter_problems(letter, TODAY) == []
    text = body_text(seed_case, letter)
    assert score(text).flesch >= 60
    assert "4 October 2026" in text and "public website" in text and "five days" in text
    assert "01632 960000" in text and "dpo@northshire.example" in text
    assert "999" in text and "101" in text
    assert letter.signatory == "Sam Chief"


def test_per_recipient_data_and_reference_are_filled(seed_case: Case) -> None:
    letter = prefill(seed_case, Variant.PART3, TODAY)
    only_name = Recipient(5, 1, 17, "Ann Lee", ("2 Park Road",), "NT2 2AA",
                          categories=(seed_case.facts.data_categories[0],))
    printed = printed_letter(seed_case, letter, only_name, TODAY).text()
    assert "BR-2026-0001-017" in printed and "Dear Ann Lee," in printed
    assert "your name and contact details" in printed
    assert "police matter" not in printed  # not this recipient's data
    assert "{" not in printed


def test_what_was_not_involved_is_said(seed_case: Case) -> None:
    text = prefill(seed_case, Variant.PART3, TODAY).text("involved")
    assert "did not include your bank details, passwords, ID documents or health details" \
        in text


def test_restricted_letter_gives_ground_and_review_date() -> None:
    case = make_case(restriction=RESTRICTION)
    letter = prefill(case, Variant.PART3_RESTRICTED, TODAY)
    held_back = letter.text("restricted")
    assert "15 January 2027" in held_back and "crime" in held_back
    assert "s.68(7)" in printed_letter(case, letter, None, TODAY).small_print


def test_law_cited_per_regime() -> None:
    gdpr = make_case(Regime.UK_GDPR)
    assert "UK GDPR Art. 34" in printed_letter(gdpr, prefill(gdpr, Variant.UK_GDPR, TODAY),
                                               None, TODAY).small_print
    pecr = make_case(Regime.PECR)
    printed = printed_letter(pecr, prefill(pecr, Variant.PECR, TODAY), None, TODAY)
    assert "PECR reg. 5A" in printed.small_print and "account" in printed.title
    part3 = make_case()
    small = printed_letter(part3, prefill(part3, Variant.PART3, TODAY), None, TODAY).small_print
    assert "DPA 2018 s.68" in small and "GDPR" not in small


def test_complaint_to_us_only_from_19_june_2026(seed_case: Case) -> None:
    after = prefill(seed_case, Variant.PART3, TODAY).text("complain")
    before = prefill(seed_case, Variant.PART3, date(2026, 6, 18)).text("complain")
    assert "complain to us" in after and "0303 123 1113" in after
    assert "complain to us" not in before and "0303 123 1113" in before


def test_public_notice_has_no_personal_data(seed_case: Case) -> None:
    notice = prefill(seed_case, Variant.PUBLIC_NOTICE, TODAY)
    printed = printed_letter(seed_case, notice, SAMPLE, TODAY)
    assert printed.address is None and printed.greeting == ""
    assert "Jo Sample" not in printed.text() and "{" not in printed.text()
    assert "How to find out if you are affected" in printed.text()
    assert "61 people" in notice.text("involved")
    assert notice_problems(notice, [], TODAY) == []


def test_notice_naming_a_recipient_is_refused(seed_case: Case) -> None:
    notice = prefill(seed_case, Variant.PUBLIC_NOTICE, TODAY)
    bad = notice.with_text("happened", notice.text("happened") + " Ann Lee lives at NT2 2AA.")
    r = Recipient(5, 1, 3, "Ann Lee", ("2 Park Road",), "NT2 2AA")
    assert any("no. 3" in p for p in notice_problems(bad, [r], TODAY))
    with_name = notice.with_text("contact", "Dear {name}, call 01632 960000.")
    assert any("{name}" in p for p in notice_problems(with_name, [], TODAY))


def test_checks_before_sending(seed_case: Case) -> None:
    letter = prefill(seed_case, Variant.PART3, TODAY)
    broken = replace(letter.with_text("meaning", "").with_text(
        "contact", "Ask at the front desk. Quote {refrence}.").with_text(
        "you_can_do", "- Report it to Action Fraud."), signatory="")
    problems = [p.text for p in letter_problems(broken, TODAY)]
    assert any("What this could mean for you is empty" in p and "s.68(2)" in p
               for p in problems)
    assert any("no phone number or email" in p for p in problems)
    assert any("{refrence}" in p for p in problems)
    assert any("Action Fraud" in p and "Report Fraud" in p for p in problems)
    assert any("signs the letter" in p for p in problems)


def test_fill_touches_only_known_placeholders() -> None:
    assert fill("Dear {name}, {unknown} {}", {"name": "Jo"}) == "Dear Jo, {unknown} {}"


def test_paragraphs_and_steps() -> None:
    text = "Intro line\nruns on.\n- one\n- two\nAfter.\n\n\nNext para."
    assert plain_paragraphs(text) == [(False, "Intro line runs on."), (True, "one"),
                                      (True, "two"), (False, "After."), (False, "Next para.")]


def test_stored_form_round_trips_and_survives_new_sections(seed_case: Case) -> None:
    letter = prefill(seed_case, Variant.PART3, TODAY)
    assert letter_from_document(letter_to_document(letter)) == letter
    doc = letter_to_document(letter)
    doc["variant"] = "part3_restricted"
    moved = letter_from_document(doc)
    assert moved.text("restricted") == "" and moved.text("happened") == letter.text("happened")
    assert isinstance(moved, LetterText)
