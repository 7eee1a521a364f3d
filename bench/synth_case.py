"""A synthetic breach as a model.domain.case.Case at a given moment, built in memory from
its plan, so the app's own pure functions (the ICO report's answers, the letter's first
draft, the filing checks) can work on it without a database read per breach."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from bench.synth_actions import ActionPlan
from bench.synth_base import ORGANISATION, local_day
from bench.synth_life import FilingPlan, Life
from bench.synth_people import SOURCE, People, recipient_drafts
from model.domain.case import Case
from model.domain.enums import BreachStatus
from model.domain.ico.records import Filing, IcoAnswers
from model.domain.lessons.records import CorrectiveAction
from model.domain.lessons.taxonomy import ActionStatus
from model.domain.people.contacts import ContactRecord
from model.domain.people.recipients import Recipient
from model.domain.records import AssessmentRecord, Breach, DecisionRecord, TimelineEvent
from model.domain.risk import assessment_to_document
from model.domain.risk.stored import result_from_document
from model.domain.snapshot import Snapshot, freeze
from model.storage import facts_codec


@dataclass
class Extra:
    """What the case of a breach needs beyond its Life: ids and frozen texts."""

    assessment_id: int = 0
    decision_id: int = 0
    result_doc: dict[str, object] = field(default_factory=dict)
    facts_doc: dict[str, object] = field(default_factory=dict)
    assessment_sha: str = ""
    actions: list[ActionPlan] = field(default_factory=list)
    people: People | None = None
    snapshots: dict[int, Snapshot] = field(default_factory=dict)   # filing version -> text
    letter: Snapshot | None = None
    variant_label: str = ""


def freeze_assessment(life: Life, extra: Extra) -> None:
    """The assessment as AssessmentService.assess stores it (documents and digest)."""
    assert life.assessment is not None
    extra.facts_doc = facts_codec.facts_to_storage(life.facts)
    extra.result_doc = assessment_to_document(life.assessment)
    extra.assessment_sha = freeze({"facts": extra.facts_doc,
                                   "result": extra.result_doc}).sha256


def _status(life: Life, t: datetime) -> BreachStatus:
    done = [m for m in life.moves if m.rec <= t]
    return done[-1].new if done else BreachStatus.OPEN


def _action(plan: ActionPlan, t: datetime) -> CorrectiveAction:
    d, status = plan.draft, plan.status_at(t)
    done = status is ActionStatus.DONE
    wont = status is ActionStatus.WONT_DO
    reviewed = done and plan.review_at is not None and plan.review_at <= t
    links = sorted((b.id, b.reference) for b in plan.breaches)
    return CorrectiveAction(
        id=plan.id, kind=d.kind, description=d.description, owner=d.owner, due_on=d.due_on,
        status=status, raised_on=local_day(plan.raised), priority=d.priority, area=d.area,
        owner_role=d.owner_role, addresses=d.addresses, ico_promised_on=d.ico_promised_on,
        completed_on=plan.completed_on if done else None,
        evidence_note=plan.evidence if done else "",
        wont_do_reason=plan.wont[0] if wont else "",
        risk_accepted_by=plan.wont[1] if wont else "", review_on=d.review_on,
        verdict=plan.verdict if reviewed else None,
        reviewed_on=local_day(plan.review_at) if reviewed and plan.review_at else None,
        follow_up_of=plan.parent.id if plan.parent else None,
        breach_ids=tuple(b for b, _ in sorted(links, key=lambda x: x[1])),
        breach_refs=tuple(r for _, r in sorted(links, key=lambda x: x[1])))


def _people(people: People | None, t: datetime) -> dict[str, object]:
    if people is None or people.import_at > t or not people.count:
        return {}
    recipients = tuple(
        Recipient(people.first_id + i, people.life.id, i + 1, d.name, d.lines, d.postcode,
                  d.email, d.categories, f"CSV {SOURCE}", people.import_at)
        for i, d in enumerate(recipient_drafts(people)))
    contacts = tuple(ContactRecord(0, people.life.id, people.first_id + x - 1, b.channel,
                                   b.at, b.by, b.outcome, b.note, b.rec)
                     for b in people.batches if b.rec <= t for x in b.numbers)
    return {"recipients": recipients, "contacts": contacts}


def filing_record(life: Life, plan: FilingPlan, snapshot: Snapshot, pdf_sha: str,
                  pdf_size: int) -> Filing:
    return Filing(plan.id, life.id, plan.version, plan.report_type, plan.channel,
                  plan.filed_at, plan.rec, plan.actor, plan.answers.case_reference,
                  plan.answers.delay_reasons, snapshot.text, snapshot.sha256, pdf_sha,
                  pdf_size)


def case_at(life: Life, extra: Extra, t: datetime, pdf: tuple[str, int] = ("", 0)) -> Case:
    """The breach as a read at `t` would have found it."""
    filed = [p for p in life.filings if p.rec <= t and p.version in extra.snapshots]
    notified = min((p.filed_at for p in filed), default=None)
    breach = Breach(life.id, life.reference, _status(life, t), life.facts, notified,
                    life.created, t, life.near_miss)
    events = tuple(TimelineEvent(0, life.id, e.at, e.kind, e.text, e.actor, e.rec)
                   for e in sorted(life.events, key=lambda e: e.at) if e.rec <= t)
    assessments: tuple[AssessmentRecord, ...] = ()
    if life.assessment is not None and life.assessed_at is not None and life.assessed_at <= t:
        assessments = (AssessmentRecord(
            extra.assessment_id, life.id, 1, life.assessment.method_version, life.facts,
            result_from_document(json.loads(json.dumps(extra.result_doc))), life.assessed_at,
            life.assessor, extra.assessment_sha),)
    decisions: tuple[DecisionRecord, ...] = ()
    d = life.decision
    if d is not None and life.decided_rec is not None and life.decided_rec <= t:
        decisions = (DecisionRecord(
            extra.decision_id, life.id, extra.assessment_id, 1, d.notify_ico,
            d.notify_ico_reason.strip(), d.notify_subjects, d.notify_subjects_reason.strip(),
            d.restriction, d.decided_by.strip(), d.decided_at, life.decided_rec),)
    saved = [a for at, _, a, _ in life.answers if at <= t]
    return Case(
        breach=breach, organisation=ORGANISATION, timeline=events, assessments=assessments,
        decisions=decisions, ico_answers=saved[-1] if saved else IcoAnswers(),
        filings=tuple(filing_record(life, p, extra.snapshots[p.version], *pdf)
                      for p in filed),
        lessons=life.lessons if life.lessons_at is not None and life.lessons_at <= t
        else None,
        corrective_actions=tuple(sorted((_action(a, t) for a in extra.actions
                                         if a.raised <= t), key=lambda a: a.id)),
        **_people(extra.people, t))  # type: ignore[arg-type]
