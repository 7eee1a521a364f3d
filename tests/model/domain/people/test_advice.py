"""The "what you can do" library is dated data: the advice matches the data involved and
never points to a service that had been replaced on the letter's date."""

from __future__ import annotations

from datetime import date

from model.domain.enums import Consequence, DataCategory
from model.domain.people.advice import advice_for, library, outdated_terms

BEFORE, AFTER = date(2025, 12, 3), date(2025, 12, 4)


def keys(categories: tuple[DataCategory, ...], on: date,
         consequences: tuple[Consequence, ...] = ()) -> list[str]:
    return [a.key for a in advice_for(categories, consequences, on)]


def test_passwords_bring_password_advice() -> None:
    found = keys((DataCategory.IDENTIFICATION_DATA,), AFTER)
    assert "passwords" in found and "bank_statements" not in found


def test_bank_details_bring_statements_and_159() -> None:
    found = keys((DataCategory.ECONOMIC_FINANCIAL,), AFTER)
    assert {"bank_statements", "call_159"} <= set(found)
    texts = " ".join(a.text for a in advice_for((DataCategory.ECONOMIC_FINANCIAL,), (), AFTER))
    assert "159" in texts and "statements" in texts


def test_identity_data_brings_cifas() -> None:
    assert "cifas" in keys((DataCategory.OFFICIAL_DOCUMENTS,), AFTER)


def test_report_fraud_replaced_action_fraud_on_4_december_2025() -> None:
    money = (DataCategory.ECONOMIC_FINANCIAL,)
    assert "action_fraud" in keys(money, BEFORE) and "report_fraud" not in keys(money, BEFORE)
    assert "report_fraud" in keys(money, AFTER) and "action_fraud" not in keys(money, AFTER)
    text = " ".join(a.text for a in advice_for(money, (), date(2026, 12, 2)))
    assert "reportfraud.police.uk" in text and "Action Fraud" not in text


def test_harassment_risk_brings_999_and_101() -> None:
    found = advice_for((DataCategory.BASIC_IDENTIFIERS,),
                       (Consequence.HARASSMENT_OR_RETALIATION,), AFTER)
    assert any("999" in a.text and "101" in a.text for a in found)


def test_only_always_items_for_data_nothing_matches() -> None:
    assert keys((DataCategory.SEX_LIFE,), AFTER) == ["official_channels"]


def test_outdated_terms_flagged_only_after_the_change() -> None:
    text = "Report it to Action Fraud on 0300 123 2040."
    assert outdated_terms(text, BEFORE) == []
    assert [s.term for s in outdated_terms(text, AFTER)] == ["Action Fraud"]


def test_every_item_has_a_source_and_sane_dates() -> None:
    items, old = library()
    assert items and old
    for item in items:
        assert item.source and item.text.endswith(".")
        if item.valid_from and item.valid_to:
            assert item.valid_from <= item.valid_to
