"""One synthetic breach's life, planned as the app would have recorded it: created, maybe a
near miss, assessed, decided, reported to the ICO (with follow-ups), its lessons. Steps
the calendar has not reached by AS_OF are not taken. Status moves come from the app's own
workflow rules (model.domain.workflow), so every move is one the app would allow."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta

from bench.synth_base import AS_OF, Ev, actor, hours, local_day, minutes
from bench.synth_facts import Engine, Template
from model.domain.deadlines import deadline_for
from model.domain.decision import DecisionDraft, RestrictionGround, check_decision
from model.domain.enums import BreachStatus, Regime, RiskLevel
from model.domain.facts import BreachFacts
from model.domain.ico.records import Channel, IcoAnswers, ReportType
from model.domain.ico.report import check_answers
from model.domain.lessons.records import Lessons
from model.domain.lessons.taxonomy import Cause, LearningResponse
from model.domain.records import Restriction
from model.domain.risk import Assessment
from model.domain.workflow import (
    check_transition,
    moves_after_assessment,
    moves_after_decision,
    moves_after_filing,
)
from model.services.assessments import decision_text

NOT_TO_ICO = ("The recipient is a partner agency bound by confidentiality and confirmed "
              "deletion within the hour.", "The data went to one trusted recipient, who "
              "returned it unopened the same day.")
TO_ICO = ("If in doubt, notify: the force reports incidents of this kind to the ICO as a "
          "matter of policy.", "Reported so the ICO hears it from us first: the press "
          "office expects questions.")
DELAYS = ("The extent was confirmed only after the supplier's logs arrived.",
          "The breach was first logged as a lost item; its personal data was recognised "
          "only on review.", "Awaiting the force's cyber team's findings on what was taken.")
RESTRICTING = ("Telling the people now would alert suspects in a live investigation and "
               "could prejudice the prosecution.", "An inquiry by the IOPC is under way; "
               "telling people now would obstruct it.")


@dataclass
class Move:
    """A status change to write: the new status, when, when recorded, the note."""

    new: BreachStatus
    at: datetime
    rec: datetime
    note: str
    actor: str


@dataclass
class FilingPlan:
    version: int
    report_type: ReportType
    channel: Channel
    filed_at: datetime
    rec: datetime
    actor: str
    answers: IcoAnswers     # the report's answers as filed
    id: int = 0


@dataclass
class Life:
    """Everything planned for one breach; written by synth_rows."""

    idx: int
    template: Template
    facts: BreachFacts
    near_miss: bool
    created: datetime
    team: str
    cause: Cause
    creator: str = ""
    reference: str = ""
    events: list[Ev] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    assessment: Assessment | None = None
    assessed_at: datetime | None = None
    assessor: str = ""
    decision: DecisionDraft | None = None
    decided_rec: datetime | None = None
    answers: list[tuple[datetime, str, IcoAnswers, str]] = field(default_factory=list)
    filings: list[FilingPlan] = field(default_factory=list)
    lessons: Lessons | None = None
    lessons_at: datetime | None = None
    lessons_by: str = ""
    told_at: datetime | None = None       # every recipient told (None: not all, or none)
    closed_at: datetime | None = None
    keep_open: bool = False       # the letter-merge breach stays notified
    follow_advice: bool = False   # decided as the engine advised, reported on time

    @property
    def id(self) -> int:
        return self.idx + 1

    @property
    def status(self) -> BreachStatus:
        return self.moves[-1].new if self.moves else BreachStatus.OPEN

    @property
    def notified_at(self) -> datetime | None:
        return self.filings[0].filed_at if self.filings else None

    @property
    def tells_people(self) -> bool:
        return self.decision is not None and self.decision.notify_subjects

    def move(self, new: BreachStatus, at: datetime, rec: datetime, note: str, who: str) -> None:
        """Record a status change the workflow allows (it raises otherwise)."""
        check_transition(self.status, new, note, self.near_miss)
        self.moves.append(Move(new, at, rec, note, who))

    def event(self, at: datetime, rec: datetime, kind: str, text: str, who: str) -> None:
        self.events.append(Ev(at, rec, kind, text, who))

    def last_rec(self) -> datetime:
        return max([self.created, *(e.rec for e in self.events), *(m.rec for m in self.moves)])


def _changed(old: IcoAnswers, new: IcoAnswers) -> list[str]:
    return [f.name for f in fields(IcoAnswers) if getattr(old, f.name) != getattr(new, f.name)]


def plan_start(life: Life, rng: random.Random) -> None:
    """Created (with its containment), the facts completed later, a near miss marked."""
    f, c = life.facts, life.created
    life.creator = actor(rng, c)
    life.event(c, c, "created", f"Breach recorded as {life.reference}.", life.creator)
    contained = f.ended_at or (f.aware_at or c) + timedelta(minutes=30)
    text = rng.choice(life.template.kind.contain)
    life.event(contained, max(c, contained + minutes(rng, 5, 90)), "action", text,
               life.creator)
    if rng.random() < 0.4:
        at = min(AS_OF, c + hours(rng, 1, 48))
        life.event(at, at, "edit", "Facts updated: " + rng.choice((
            "subjects_count, records_count", "data_subject_categories", "summary",
            "consequences, identifiability")) + ".", actor(rng, at))
    if life.near_miss:
        at = min(AS_OF, c + hours(rng, 0.2, 30))
        life.event(at, at, "lessons", "Recorded as a near miss: no personal data was "
                   "actually compromised, so there is no clock and no notification. "
                   "Caught before anyone outside the force saw the data.", actor(rng, at))


def plan_assessment(life: Life, rng: random.Random, engine: Engine) -> None:
    if life.near_miss and rng.random() < 0.7:
        return  # most near misses are closed from open once their lessons are done
    at = life.last_rec() + hours(rng, 0.3, 96)
    if at > AS_OF:
        return
    result = engine.assess(life.template, life.facts)
    who = actor(rng, at)
    life.assessment, life.assessed_at, life.assessor = result, at, who
    summary = (f"{result.risk.label} (severity {result.severity.score:g}, "
               f"{result.severity.band.label}).")
    life.event(at, at, "assessment", f"Risk assessment version 1 recorded: {summary}", who)
    for status, note in moves_after_assessment(life.status):
        life.move(status, at, at, note, who)


def _draft(life: Life, rng: random.Random, decided: datetime, who: str) -> DecisionDraft:
    result = life.assessment
    assert result is not None
    ico, people = result.notify_ico, result.notify_data_subjects
    draft = DecisionDraft(ico, people, who, decided)
    roll = rng.random()
    if life.follow_advice:
        return draft
    if ico and result.risk is RiskLevel.RISK and roll < 0.08:
        draft = DecisionDraft(False, people, who, decided, notify_ico_reason=rng.choice(
            NOT_TO_ICO))
    elif not ico and roll < 0.03:
        draft = DecisionDraft(True, people, who, decided, notify_ico_reason=rng.choice(TO_ICO))
    elif people and life.facts.regime is Regime.DPA2018_PART3 and roll < 0.25:
        review = local_day(decided) + timedelta(days=rng.choice((30, 60, 90, 180)))
        draft = DecisionDraft(ico, False, who, decided, restriction=Restriction(
            rng.choice((RestrictionGround.CRIME, RestrictionGround.INQUIRY)).value,
            rng.choice(RESTRICTING), review))
    return draft


def plan_decision(life: Life, rng: random.Random) -> None:
    if life.assessment is None or life.assessed_at is None or life.near_miss:
        return
    rec = life.assessed_at + hours(rng, 0.1, 40)
    if rec > AS_OF:
        return
    who = actor(rng, rec)
    decided = rec - (rec - life.assessed_at) * rng.random() * 0.5
    draft = _draft(life, rng, decided, who)
    check_decision(draft, life.assessment, life.facts.regime, rec)
    life.decision, life.decided_rec = draft, rec
    life.event(decided, rec, "decision", decision_text(1, draft), who)
    for status, note in moves_after_decision(life.status, draft.notify_ico):
        life.move(status, rec, rec, note, who)


def _answers(life: Life, rng: random.Random, late: bool) -> IcoAnswers:
    staff = life.cause in (Cause.HUMAN_ERROR, Cause.NON_COMPLIANCE, Cause.TRAINING_GAP)
    answers = IcoAnswers(
        why_reporting="unclear" if not (life.assessment and life.assessment.notify_ico)
        else "threshold_met", prior_measures=rng.choice((
            "Annual data protection training; the force's information security policy.",
            "Access controls and audit logging on the systems involved.")),
        staff_involved=staff, staff_trained=rng.choice(("yes", "yes", "yes", "no",
                                                        "unknown")) if staff else None,
        training_description="Mandatory annual e-learning, with a yearly refresher for "
                             "teams handling case files." if staff else "",
        others_told=rng.choice(("no", "yes")), organisation_size="More than 250 staff",
        delay_reasons=rng.choice(DELAYS) if late else "")
    check_answers(answers)
    return answers


def plan_filings(life: Life, rng: random.Random) -> None:
    """The initial report (on time for most), and follow-ups for some."""
    d, f = life.decision, life.facts
    if d is None or not d.notify_ico or life.decided_rec is None or f.aware_at is None:
        return
    due = deadline_for(f.regime, f.aware_at)
    start = max(d.decided_at, life.decided_rec) + minutes(rng, 10, 120)
    late = (rng.random() < 0.12 and not life.follow_advice) or \
        start >= due - timedelta(minutes=30)
    filed = (start + hours(rng, 73, 300) if late and start < due
             else start + (due - start) * rng.uniform(0.05, 0.9) if not late else start)
    rec = filed + minutes(rng, 2, 180)
    if rec > AS_OF:
        return
    late = filed > due
    who = actor(rng, rec)
    answers = _answers(life, rng, late)
    saved = life.decided_rec + (filed - life.decided_rec) * rng.uniform(0.2, 0.9)
    life.answers.append((saved, "ICO report answers updated: " + ", ".join(
        _changed(IcoAnswers(), answers)) + ".", answers, who))
    life.event(saved, saved, "edit", life.answers[-1][1], who)
    channel = (Channel.PECR if f.regime is Regime.PECR else
               Channel.PHONE if rng.random() < 0.05 else Channel.ONLINE)
    life.filings.append(FilingPlan(1, ReportType.INITIAL, channel, filed, rec, who, answers))
    for status, note in moves_after_filing(life.status, True):
        life.move(status, filed, rec, note or f"{ReportType.INITIAL.label} filed via "
                  f"{channel.label}.", who)
    if rng.random() < 0.35:
        _follow_up(life, rng, answers, rec)


def _follow_up(life: Life, rng: random.Random, answers: IcoAnswers, after: datetime) -> None:
    ref_at = after + hours(rng, 24, 240)
    if ref_at > AS_OF:
        return
    reference = f"IC-{rng.randrange(100_000, 999_999)}-{rng.randrange(16**4):04X}"
    updated = replace(answers, case_reference=reference, training_followup=(
        "Team briefing held; the checklist is now part of induction."
        if answers.staff_involved else ""))
    text = "ICO report answers updated: " + ", ".join(_changed(answers, updated)) + "."
    who = actor(rng, ref_at)
    life.answers.append((ref_at, text, updated, who))
    life.event(ref_at, ref_at, "edit", text, who)
    filed = ref_at + hours(rng, 48, 24 * 45)
    rec = filed + minutes(rng, 2, 120)
    if rec > AS_OF:
        return
    channel = Channel.PECR if life.facts.regime is Regime.PECR else Channel.ONLINE
    life.filings.append(FilingPlan(2, ReportType.FOLLOW_UP, channel, filed, rec, who,
                                   updated))
    assert not moves_after_filing(life.status, False)  # a follow-up moves nothing


WELL = ("Reported promptly by the member of staff involved.", "The supplier engaged at "
        "once and shared its logs.", "Containment was complete within the hour.")
SOONER = ("A clear owner for the affected process.", "Checked contact details for the "
          "people affected.", "A template for the first message to the supplier.")


def plan_lessons(life: Life, rng: random.Random) -> None:
    at = life.created + hours(rng, 24 * 5, 24 * 70)
    if at > AS_OF:
        return
    kind = life.template.kind
    response = rng.choice((LearningResponse.FIVE_WHYS, LearningResponse.AFTER_ACTION,
                           LearningResponse.AFTER_ACTION, LearningResponse.NONE))
    if life.assessment is not None and life.assessment.risk is RiskLevel.HIGH_RISK:
        response = rng.choice((LearningResponse.INVESTIGATION, LearningResponse.THEMATIC))
    whys = (f"{life.facts.title}.", "The check before sending was skipped.",
            "The team was short-staffed that shift.") if response is \
        LearningResponse.FIVE_WHYS else ()
    contributing = tuple(c for c in rng.sample(list(Cause), 2) if c is not life.cause)
    life.lessons = Lessons(
        incident_type=kind.incident, primary_cause=life.cause, contributing=contributing,
        team=life.team, learning_response=response,
        response_reason="Low risk and routine: the team's own check covers it."
        if response is LearningResponse.NONE else "", five_whys=whys,
        narrative=f"{life.facts.title}: the checks that should have caught it were missing "
                  "or skipped." if not whys else "",
        went_well=rng.choice(WELL), needed_sooner=rng.choice(SOONER),
        do_differently=(rng.choice(kind.fixes) + ".") if kind.fixes else "Follow the "
        "procedure as written.")
    life.lessons_at, life.lessons_by = at, actor(rng, at)
