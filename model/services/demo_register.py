"""A year of varied demo breaches and near misses (deterministic), with lessons and
corrective actions, some overdue and some reviewed, so the register, its statistics and
charts have something real to show."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from model.domain.clock import to_zone
from model.domain.closing import close_problems
from model.domain.decision import DecisionDraft
from model.domain.enums import (
    BreachStatus,
    BreachType,
    DataCategory,
    Regime,
    SubjectCategory,
    YesNoUnknown,
)
from model.domain.facts import BreachFacts
from model.domain.ico.records import Channel, FilingDraft, ReportType
from model.domain.lessons.records import ActionDraft, Lessons
from model.domain.lessons.taxonomy import (
    ActionKind,
    Cause,
    IncidentType,
    LearningResponse,
    Priority,
    Verdict,
)
from model.services.context import AppContext
from model.services.ico import Render

D = DataCategory


@dataclass(frozen=True)
class Template:
    title: str
    incident: IncidentType
    cause: Cause
    data: tuple[DataCategory, ...]
    team: str
    action: str
    people: int
    processor: str = ""
    cyber: bool = False


TEMPLATES = (
    Template("Custody record emailed to the wrong solicitor", IncidentType.EMAILED_WRONG,
             Cause.HUMAN_ERROR, (D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE), "Custody suite",
             "Turn on recipient checks for external email in custody", 1),
    Template("Witness statement posted to the wrong address", IncidentType.POSTED_WRONG,
             Cause.PROCESS_GAP, (D.BASIC_IDENTIFIERS, D.LOCATION), "Case management unit",
             "Second-person check of addresses on witness mail", 2),
    Template("Newsletter sent without bcc", IncidentType.FAILURE_TO_BCC, Cause.HUMAN_ERROR,
             (D.BASIC_IDENTIFIERS,), "Neighbourhood policing",
             "Move community newsletters to the mailing tool", 140),
    Template("Unredacted victim details in a disclosure bundle", IncidentType.FAILURE_TO_REDACT,
             Cause.TRAINING_GAP, (D.BASIC_IDENTIFIERS, D.HEALTH), "Disclosure team",
             "Redaction refresher for disclosure officers", 3),
    Template("Phishing email captured an officer's password", IncidentType.PHISHING,
             Cause.EXTERNAL_ATTACK, (D.IDENTIFICATION_DATA, D.BASIC_IDENTIFIERS), "IT services",
             "Enforce phishing-resistant sign-in for remote access", 25, cyber=True),
    Template("Supplier portal showed another force's cases", IncidentType.PORTAL_WRONG_SUBJECT,
             Cause.THIRD_PARTY, (D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE),
             "Neighbourhood policing", "Contract clause: supplier release testing",
             60, "Case-management supplier", True),
    Template("Notebook left on a train", IncidentType.PAPER_LOST, Cause.HUMAN_ERROR,
             (D.BASIC_IDENTIFIERS, D.LOCATION), "Response team",
             "Issue lockable pouches for pocket notebooks", 12),
    Template("Old case files in a general waste skip", IncidentType.DISPOSAL_PAPER,
             Cause.PROCESS_GAP, (D.BASIC_IDENTIFIERS, D.CRIMINAL_OFFENCE), "Estates",
             "Confidential waste audit at every station", 30),
    Template("Shared drive folder open to all staff", IncidentType.MISCONFIGURATION,
             Cause.TECHNOLOGY, (D.BASIC_IDENTIFIERS, D.ECONOMIC_FINANCIAL), "HR",
             "Quarterly access review of HR folders", 900, cyber=True),
)


def _lessons(t: Template, rng: random.Random) -> Lessons:
    return Lessons(
        incident_type=t.incident, primary_cause=t.cause,
        contributing=(rng.choice([Cause.TRAINING_GAP, Cause.PROCESS_GAP, Cause.TECHNOLOGY]),),
        team=t.team, learning_response=rng.choice(
            [LearningResponse.FIVE_WHYS, LearningResponse.AFTER_ACTION]),
        narrative=f"{t.title}: the checks that should have caught it were missing or skipped.",
        went_well="Reported promptly by the member of staff involved.",
        needed_sooner="A clear owner for the affected process.",
        do_differently=t.action + ".")


def _notify(ctx: AppContext, breach_id: int, aware: datetime, rng: random.Random,
            dpo: str, render: Render) -> None:
    assessment = ctx.assessments.assess(breach_id, actor=dpo)
    result = assessment.result
    ctx.assessments.record_decision(breach_id, assessment.id, DecisionDraft(
        notify_ico=result.notify_ico, notify_subjects=result.notify_data_subjects,
        decided_by=dpo, decided_at=aware + timedelta(hours=3)))
    if result.notify_ico:
        hours = rng.choice([20, 30, 50, 66, 90, 180])  # some reports are late
        late = hours > 72
        ctx.ico.record_filing(breach_id, FilingDraft(
            Channel.ONLINE, ReportType.INITIAL, aware + timedelta(hours=hours),
            delay_reasons="The extent was confirmed only after the supplier's logs arrived."
            if late else ""), render, actor=dpo)
    if result.notify_data_subjects:
        ctx.breaches.add_event(breach_id, aware + timedelta(hours=rng.choice([30, 80, 200])),
                               "Letters sent to the people affected.", dpo, kind="people_told")


def _actions(ctx: AppContext, breach_id: int, t: Template, discovered: datetime,
             age_days: int, rng: random.Random, dpo: str, index: int) -> None:
    today = to_zone(ctx.clock(), "Europe/London").date()
    start = to_zone(discovered, "Europe/London").date()
    due = start + timedelta(days=rng.choice([14, 30, 45]))
    main = ctx.lessons.add_action([breach_id], ActionDraft(
        ActionKind.CORRECTIVE, t.action, rng.choice(["J. Lee", "S. Patel", "R. Evans"]), due,
        rng.choice(list(Priority)), review_on=due + timedelta(days=60)), dpo)
    if age_days > 60:
        done_on = min(due, today)
        ctx.lessons.complete_action(main.id, done_on, "Completed and checked by the owner.",
                                    dpo)
        if due + timedelta(days=60) <= today:
            verdict = (Verdict.NOT_EFFECTIVE if index == 20 else Verdict.PARTLY
                       if index % 7 == 0 else Verdict.EFFECTIVE)
            ctx.lessons.review_action(main.id, verdict, due + timedelta(days=60),
                                      "Information governance board", "Checked a sample.", dpo)
    fix = ctx.lessons.add_action([breach_id], ActionDraft(
        ActionKind.CORRECTION, "Recover or delete the data and confirm in writing",
        "Data protection team", start + timedelta(days=3), Priority.HIGH), dpo)
    if age_days > 10 or rng.random() < 0.5:
        ctx.lessons.complete_action(fix.id, min(start + timedelta(days=3), today),
                                    "Written confirmation on file.", dpo)


def fill_year(ctx: AppContext, dpo: str, render: Render, count: int = 30, seed: int = 2026) -> None:
    """`count` breaches and near misses spread over the last twelve months."""
    rng = random.Random(seed)
    now = ctx.clock().replace(second=0, microsecond=0)
    for i in range(count):
        t = TEMPLATES[i % len(TEMPLATES)]
        age = 20 + (i * 347 // count) + rng.randint(0, 8)
        discovered = now - timedelta(days=age, hours=rng.randint(0, 12))
        aware = discovered + timedelta(hours=rng.choice([0, 1, 2, 6, 20]))
        facts = BreachFacts(
            title=t.title, regime=Regime.DPA2018_PART3 if "ase" in t.title or i % 3
            else Regime.UK_GDPR, summary=f"{t.title} ({t.team}).",
            occurred_at=discovered - timedelta(hours=rng.choice([1, 5, 30, 120, 400])),
            discovered_at=discovered, aware_at=aware,
            breach_types=(BreachType.CONFIDENTIALITY,), data_categories=t.data,
            data_subject_categories=(SubjectCategory.OTHER,), subjects_count=t.people,
            cyber_incident=YesNoUnknown.YES if t.cyber else YesNoUnknown.NO,
            malicious=t.cause in (Cause.EXTERNAL_ATTACK, Cause.INSIDER),
            processor_name=t.processor, how_found="Reported by the member of staff")
        breach = ctx.breaches.create(facts, actor=dpo)
        near_miss = i % 4 == 3
        if near_miss:
            ctx.lessons.set_near_miss(breach.id, True, "Caught before anyone outside saw "
                                      "the data.", dpo)
        else:
            _notify(ctx, breach.id, aware, rng, dpo, render)
        ctx.lessons.save(breach.id, _lessons(t, rng), dpo)
        _actions(ctx, breach.id, t, discovered, age, rng, dpo, i)
        if age > 90:
            case = ctx.cases.load(breach.id)
            closable = near_miss or case.breach.status is not BreachStatus.OPEN
            if closable and not close_problems(case):
                ctx.breaches.change_status(breach.id, BreachStatus.CLOSED, actor=dpo)
