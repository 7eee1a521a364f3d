"""Records for report tests, built by hand: the seed case decided not notifiable."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from model.domain.case import Case
from model.domain.enums import BreachStatus
from model.domain.facts import facts_from_document
from model.domain.records import (
    AssessmentRecord,
    Breach,
    DecisionRecord,
    OrganisationProfile,
    Restriction,
    TimelineEvent,
)
from model.domain.risk.stored import result_from_document

DATA = Path(__file__).resolve().parents[1] / "data"
GENERATED = datetime(2026, 10, 12, 16, 30, tzinfo=UTC)


def seed_result() -> dict[str, Any]:
    """A breach-assessment/1 document shaped by hand (the engine's own output is not used,
    so these tests do not move when the risk method changes)."""
    return {
        "schema": "breach-assessment/1",
        "severity": {"dpc": 4, "ei": 1.0, "cb": 0.5, "score": 4.5, "band": "very_high"},
        "risk": "high_risk",
        "notify_ico": True,
        "notify_data_subjects": True,
        "data_subject_exemption": None,
        "deadline": "2026-10-12T11:00:00+00:00",
        "assumptions": [
            "Not known whether anyone viewed or copied the data: assumed they did.",
            "Not stated that measures taken since remove the high risk: assumed they do not.",
        ],
        "reasons": [
            {"factor": "severity", "effect": "raises",
             "text": "SE = DPC × EI + CB = 4 × 1 + 0.5 = 4.5: very high severity."},
            {"factor": "type_of_breach", "effect": "raises",
             "text": "Confidentiality: it was published where anyone could see and copy it."},
            {"factor": "sensitivity", "effect": "raises",
             "text": "The data includes criminal convictions and offences."},
            {"factor": "volume", "effect": "neutral",
             "text": "61 records: about one per person, so no detailed profile of anyone."},
            {"factor": "identifiability", "effect": "raises",
             "text": "People are easy to identify from names with addresses."},
            {"factor": "consequences", "effect": "raises",
             "text": "The safety of the people involved is at stake (harassment or "
                     "retaliation): someone who reads this data could find and hurt them."},
            {"factor": "vulnerable_people", "effect": "raises",
             "text": "The people affected include vulnerable adults."},
            {"factor": "controller_sector", "effect": "raises",
             "text": "A law-enforcement controller: its records link a person to crime."},
            {"factor": "number_of_people", "effect": "neutral",
             "text": "61 people affected: a limited number, though each case still counts."},
            {"factor": "protection", "effect": "raises",
             "text": "The data was not protected: anyone who has it can read it."},
            {"factor": "malicious_intent", "effect": "neutral",
             "text": "An accident or error, not a deliberate act."},
            {"factor": "evidence_of_access", "effect": "neutral",
             "text": "It is not known whether anyone viewed or copied the data."},
            {"factor": "exposure_duration", "effect": "raises",
             "text": "The data was exposed for 120 hours (about 5 days)."},
            {"factor": "risk_level", "effect": "neutral",
             "text": "The very high severity band gives a starting level of 'high risk'."},
            {"factor": "regime", "effect": "neutral",
             "text": "DPA 2018 s.67: report to the ICO within 72 hours of awareness."},
            {"factor": "data_subjects", "effect": "raises",
             "text": "High risk: tell the people affected without undue delay. DPA 2018 s.68 "
                     "allows restricting or delaying this; record the ground, the reasoning "
                     "and a review date."},
        ],
    }


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


class SeedRecords:
    """Everything the not-notifiable builder takes, for the seed case."""

    def __init__(self) -> None:
        doc = json.loads((DATA / "seed-case.json").read_text(encoding="utf-8"))
        facts = replace(facts_from_document(doc), title="Case data published on the force "
                        "website", how_found="Found by an officer browsing the pages.")
        self.zone = "Europe/London"
        self.org = OrganisationProfile(
            name="Northshire Constabulary", address="1 Station Road, Northshire",
            ico_registration="Z1234567", dpo_name="Alex Morgan",
            dpo_email="dpo@northshire.police.example", dpo_phone="01234 567890")
        self.breach = Breach(
            id=7, reference="BR-2026-0007", status=BreachStatus.NOT_NOTIFIABLE, facts=facts,
            notified_at=None, created_at=utc(2026, 10, 9, 11, 5),
            updated_at=utc(2026, 10, 11, 15, 0))
        self.assessment = AssessmentRecord(
            id=3, breach_id=7, version=2, method_version="breach-desk-risk/1.0", facts=facts,
            result=result_from_document(seed_result()), created_at=utc(2026, 10, 10, 9, 15),
            created_by="A. Morgan")
        self.decision = DecisionRecord(
            id=1, breach_id=7, assessment_id=3, assessment_version=2, notify_ico=False,
            notify_ico_reason="The pages were removed within an hour of discovery and the "
                              "supplier's access logs show no visits to them.",
            notify_subjects=False,
            notify_subjects_reason="Telling the complainants now would alert suspects in "
                                   "two live investigations.",
            restriction=Restriction(
                ground="crime",
                reasoning="Two of the cases are live investigations; a letter now would "
                          "reveal them to the suspects.",
                review_on=date(2026, 11, 10)),
            decided_by="Alex Morgan (DPO)", decided_at=utc(2026, 10, 11, 14, 0),
            recorded_at=utc(2026, 10, 11, 14, 5))
        self.timeline = [
            TimelineEvent(1, 7, utc(2026, 10, 9, 10, 0), "created", "Breach recorded"),
            TimelineEvent(2, 7, utc(2026, 10, 9, 10, 40), "action",
                          "Pages taken down and the supplier's upload job stopped.",
                          "Web team"),
            TimelineEvent(3, 7, utc(2026, 10, 9, 14, 0), "action",
                          "Search engines asked to drop cached copies.", "Web team"),
            TimelineEvent(4, 7, utc(2026, 10, 10, 9, 0), "action",
                          "Supplier access logs obtained: no visits to the pages.",
                          "A. Morgan"),
            TimelineEvent(5, 7, utc(2026, 10, 11, 14, 5), "status", "Not notifiable"),
        ]

    def case(self, **changes: Any) -> Case:
        """The seed case as a Case; keyword arguments replace its parts (org, breach,
        assessment, decision, timeline, zone)."""
        parts = {"org": self.org, "breach": self.breach, "assessment": self.assessment,
                 "decision": self.decision, "timeline": self.timeline, "zone": self.zone}
        parts.update(changes)
        org = replace(parts["org"], time_zone=parts["zone"])
        return Case(breach=parts["breach"], organisation=org,
                    timeline=tuple(parts["timeline"]), assessments=(parts["assessment"],),
                    decisions=(parts["decision"],))


@pytest.fixture
def seed() -> SeedRecords:
    return SeedRecords()
