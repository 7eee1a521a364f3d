"""The readability indicator: Flesch reading ease from textstat, sentence lengths and the
jargon list, on texts a DPO writes (addresses, steps, a 1 MB paste)."""

from __future__ import annotations

import time

from model.domain.people.readability import EMPTY, prepare, score

PLAIN = ("We are sorry. Your name and address were put on a website by mistake. "
         "We took it down. Call us if you are worried.")
HARD = ("Pursuant to our obligations, we hereby notify data subjects that personal data "
        "was exfiltrated by an unauthorised third party, notwithstanding the implementation "
        "of organisational and technical measures commensurate with the identified risk.")


def test_plain_text_scores_green_and_legal_text_red() -> None:
    plain, hard = score(PLAIN), score(HARD)
    assert plain.flesch >= 60 and plain.band == "good"
    assert hard.flesch < 50 and hard.band == "poor"


def test_jargon_found_with_plain_alternatives() -> None:
    shown = {hit.shown: hit.instead for hit in score(HARD).jargon}
    assert {"data subject", "exfiltrated", "unauthorised third party", "pursuant to",
            "hereby", "personal data"} <= set(shown)
    assert "third party" not in shown  # the longer phrase hides its part
    assert shown["exfiltrated"] == "copied and taken"


def test_personal_data_breach_is_jargon() -> None:
    assert [h.shown for h in score("There was a personal data breach.").jargon] == [
        "personal data breach"]


def test_sentence_lengths() -> None:
    result = score("Short one here. " + " ".join(["word"] * 40) + ".")
    assert result.sentences == 2 and result.longest == 40
    assert result.average == 21.5


def test_addresses_and_steps_do_not_split_or_merge_sentences() -> None:
    text = ("Send odd emails to report@phishing.gov.uk.\n- Go to reportfraud.police.uk\n"
            "- Call 0300 123 2040")
    sentences = prepare(text)
    assert len(sentences) == 3
    assert all(s.endswith(".") for s in sentences)


def test_empty_text_is_not_scored() -> None:
    assert score("") == EMPTY and score(" \n- \n") == EMPTY
    assert not EMPTY.scored


def test_a_megabyte_of_text_scores_in_reasonable_time() -> None:
    big = (PLAIN + "\n\n") * (1_000_000 // (len(PLAIN) + 2))
    score("warm up the dictionary.")
    start = time.perf_counter()
    result = score(big)
    assert result.words > 150_000 and result.flesch >= 60
    assert time.perf_counter() - start < 10
