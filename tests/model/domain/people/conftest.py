"""Cases for the people tests, built by hand: the motivating case (DPA 2018 Part 3) with a
decision to tell the people affected, and its UK GDPR, PECR and restricted twins."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from model.domain.case import Case
from model.domain.enums import BreachStatus, Regime
from model.domain.facts import facts_from_document
from model.domain.records import Breach, DecisionRecord, OrganisationProfile, Restriction
from tests.conftest import DATA

TODAY = date(2026, 12, 2)
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
ORG = OrganisationProfile(name="Northshire Police", address="1 Station Road, Northtown NT1 1AA",
                          dpo_name="Alex Morgan", dpo_email="dpo@northshire.example",
                          dpo_phone="01632 960000", default_regime=Regime.DPA2018_PART3)


def decision(restriction: Restriction | None = None, tell: bool = True) -> DecisionRecord:
    return DecisionRecord(id=1, breach_id=1, assessment_id=1, assessment_version=1,
                          notify_ico=True, notify_ico_reason="", notify_subjects=tell,
                          notify_subjects_reason="" if tell else "Tested: no high risk to "
                          "the people affected.", restriction=restriction,
                          decided_by="Sam Chief", decided_at=NOW, recorded_at=NOW)


def make_case(regime: Regime = Regime.DPA2018_PART3, restriction: Restriction | None = None,
              tell: bool = True, **facts: object) -> Case:
    seed = facts_from_document(json.loads((DATA / "seed-case.json").read_text("utf-8")))
    seed = replace(seed, regime=regime, **facts)  # type: ignore[arg-type]
    breach = Breach(1, "BR-2026-0001", BreachStatus.NOTIFIED, seed, NOW, NOW, NOW)
    return Case(breach, ORG, decisions=(decision(restriction, tell),))


@pytest.fixture
def seed_case() -> Case:
    return make_case()


RESTRICTION = Restriction("crime", "Telling them now would alert the suspect named in "
                          "two of the cases.", date(2027, 1, 15))
