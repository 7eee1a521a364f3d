"""what_would_change(): counterfactual hints that come from re-running the engine."""

from __future__ import annotations

from dataclasses import replace

from risk_helpers import load_facts

from model.domain.risk import assess, what_would_change


def test_unencrypted_laptop_would_be_unlikely_if_encrypted() -> None:
    hints = what_would_change(load_facts("laptop_unencrypted_health"))
    assert any(h.startswith("If the data had been encrypted") and
               "'unlikely' instead of 'high risk'" in h for h in hints)


def test_misdirected_post_would_change_if_returned() -> None:
    hints = what_would_change(load_facts("misdirected_post_unreturned"))
    deleted = [h for h in hints if h.startswith("If the recipient confirmed deleting")]
    assert deleted and "'risk' instead of 'high risk'" in deleted[0]


def test_encrypted_laptop_warns_what_an_exposed_key_would_mean() -> None:
    hints = what_would_change(load_facts("laptop_encrypted_key_safe"))
    assert any(h.startswith("If the encryption key turned out to be exposed") for h in hints)
    assert not any(h.startswith("If the data had been encrypted") for h in hints)


def test_mitigation_changes_only_the_data_subject_call() -> None:
    hints = what_would_change(load_facts("customer_database_exfiltration"))
    assert ("If measures taken since made the high risk unlikely to materialise, the risk "
            "would stay 'high risk' but the people affected would not need to be told."
            in hints)


def test_hints_change_one_fact_at_a_time() -> None:
    # With everything unknown, learning the data were only names would not by itself move
    # the result (the other unknowns still count at their worst), so it is not offered.
    hints = what_would_change(load_facts("unknowns_early_report"))
    assert not any(h.startswith("If the data turned out to be only names") for h in hints)
    assert any(h.startswith("If the data had been encrypted") for h in hints)


def test_ransomware_without_backups_points_at_backups() -> None:
    assert what_would_change(load_facts("ransomware_without_backups")) == (
        "If a backup had restored the data within a few hours, the risk would be 'unlikely' "
        "instead of 'risk' (the ICO would not need to be notified).",)


def test_only_changes_that_matter_are_listed() -> None:
    for name in ("seed_case_asb_published", "ransomware_with_backups", "hashed_passwords_strong",
                 "email_one_trusted_recipient_deleted", "hospital_ransomware_outage"):
        facts = load_facts(name)
        before = assess(facts)
        for hint in what_would_change(facts):
            assert " instead of " in hint or "would stay" in hint, hint
        assert before == assess(facts)


def test_nothing_to_suggest_when_no_single_fact_changes_the_outcome() -> None:
    facts = load_facts("email_one_trusted_recipient_deleted")
    assert what_would_change(facts) == ()
    facts = replace(facts, malicious=None)
    assert any("not deliberate" in h for h in what_would_change(facts))


def test_a_sensitive_item_that_reveals_little_is_offered_as_a_what_if() -> None:
    from model.domain.facts import facts_from_document

    doc = {"schema": "breach-facts/1", "breach_types": ["confidentiality"],
           "data_categories": ["basic_identifiers", "health"], "malicious": False,
           "subjects_count": 15, "data_subject_categories": ["other"],
           "confidentiality": {"exposure": "known_recipients", "access": "confirmed",
                               "recipient_deleted": False},
           "protection": {"method": "none"}, "consequences": ["distress"]}
    hints = what_would_change(facts_from_document(doc))
    passing = [h for h in hints if h.startswith("If the sensitive item revealed little")]
    assert passing and "'risk' instead of 'high risk'" in passing[0]
    assert "people affected would not need to be told" in passing[0]
