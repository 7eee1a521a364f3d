"""The right words for the regime: a DPA 2018 Part 3 breach cites s.67 and s.68 wherever
the law is cited (missing items, the assessment, its recommendations, the record), never UK
GDPR articles; a PECR breach cites regulation 5A."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from model.domain.catalogue import spec_for
from model.domain.enums import Regime, Sector, SubjectCategory
from model.domain.facts import BreachFacts, facts_from_document
from model.domain.risk import assess, explain_text
from model.domain.validation import missing_items, triage_completeness

DATA = Path(__file__).resolve().parents[2] / "data"
GDPR_ARTICLE = re.compile(r"Art\. 3[34]")


def seed() -> BreachFacts:
    return facts_from_document(json.loads((DATA / "seed-case.json").read_text()))


def test_part3_missing_items_cite_the_dpa() -> None:
    facts = BreachFacts(regime=Regime.DPA2018_PART3)
    whys = " ".join(m.why for m in missing_items(facts))
    assert "s.67(4)(a)" in whys and not GDPR_ARTICLE.search(whys)
    gdpr = " ".join(m.why for m in missing_items(BreachFacts()))
    assert "Art. 33(3)(a)" in gdpr
    pecr = " ".join(m.why for m in missing_items(BreachFacts(regime=Regime.PECR)))
    assert "reg. 5A" in pecr and not GDPR_ARTICLE.search(pecr)


@pytest.mark.parametrize("regime", [Regime.DPA2018_PART3, Regime.PECR])
def test_the_assessment_never_cites_uk_gdpr_for_another_regime(regime: Regime) -> None:
    for facts in (seed(), replace(seed(), mitigated=True), BreachFacts(regime=regime)):
        text = explain_text(assess(replace(facts, regime=regime)))
        assert not GDPR_ARTICLE.search(text), text
    expected = "s.6" if regime is Regime.DPA2018_PART3 else "reg. 5A"
    assert expected in explain_text(assess(replace(seed(), regime=regime)))


def test_law_enforcement_categories_of_people_are_offered_to_law_enforcement() -> None:
    spec = spec_for("data_subject_categories")
    offered = {o.value for o in spec.options_for(BreachFacts())}
    assert SubjectCategory.WITNESSES not in offered
    for facts in (BreachFacts(regime=Regime.DPA2018_PART3),
                  BreachFacts(controller_sector=Sector.LAW_ENFORCEMENT)):
        offered = {o.value for o in spec.options_for(facts)}
        assert {SubjectCategory.VICTIMS, SubjectCategory.WITNESSES, SubjectCategory.SUSPECTS,
                SubjectCategory.IN_CUSTODY} <= offered
    # A category already chosen stays on offer whatever the regime.
    chosen = BreachFacts(data_subject_categories=(SubjectCategory.WITNESSES,))
    assert SubjectCategory.WITNESSES in {o.value for o in spec.options_for(chosen)}


def test_a_processor_that_did_not_tell_us_lets_triage_complete() -> None:
    facts = replace(seed(), title="Seed", how_found="Officer", ongoing=False,
                    ended_at=seed().aware_at, processor_name="Supplier Ltd",
                    cyber_incident=None)
    assert "processor_notified_at" in [m.field for m in missing_items(facts)]
    found = replace(facts, processor_found_by_us=True)
    assert "processor_notified_at" not in [m.field for m in missing_items(found)]
    done, total = triage_completeness(found)
    assert total - done == len(missing_items(found))
