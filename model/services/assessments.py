"""Risk assessments (versioned, never overwritten) and the DPO's decisions resting on them."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.domain.clock import DEFAULT_ZONE
from model.domain.decision import (
    DecisionDraft,
    RegisterRecord,
    RestrictionGround,
    check_decision,
    register_record,
)
from model.domain.enums import BreachStatus
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.facts import BreachFacts, facts_from_document, facts_to_document
from model.domain.records import AssessmentRecord, DecisionRecord, Restriction
from model.domain.risk import Assessment, assessment_to_document
from model.domain.risk import assess as run_engine
from model.services.breaches import BreachService, move_status
from model.services.unit import Database
from model.storage.orm import AssessmentRow, BreachRow, DecisionRow, OrganisationRow, TimelineRow


def to_assessment(row: AssessmentRow) -> AssessmentRecord:
    return AssessmentRecord(
        id=row.id, breach_id=row.breach_id, version=row.version,
        method_version=row.method_version,
        facts=facts_from_document(json.loads(row.facts_json), strict=False),
        result=json.loads(row.result_json), created_at=row.created_at,
        created_by=row.created_by)


def to_decision(row: DecisionRow, version: int) -> DecisionRecord:
    restriction = None
    if row.restriction_ground is not None and row.restriction_review_on is not None:
        restriction = Restriction(row.restriction_ground, row.restriction_reasoning,
                                  row.restriction_review_on)
    return DecisionRecord(
        id=row.id, breach_id=row.breach_id, assessment_id=row.assessment_id,
        assessment_version=version, notify_ico=row.notify_ico,
        notify_ico_reason=row.notify_ico_reason, notify_subjects=row.notify_subjects,
        notify_subjects_reason=row.notify_subjects_reason, restriction=restriction,
        decided_by=row.decided_by, decided_at=row.decided_at, recorded_at=row.recorded_at)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def decision_text(version: int, draft: DecisionDraft) -> str:
    """The timeline entry for a recorded decision."""
    text = (f"Decision recorded on assessment version {version}: notify the ICO: "
            f"{_yes(draft.notify_ico)}; tell the people affected: "
            f"{_yes(draft.notify_subjects)}.")
    if draft.restriction is not None:
        ground = RestrictionGround(draft.restriction.ground).label.lower()
        text += (f" Telling people restricted under DPA 2018 s.68 ({ground}); review on "
                 f"{draft.restriction.review_on:%d %b %Y}.")
    return text


class AssessmentService:
    """Each call is one unit of work; a refused call saves nothing."""

    def __init__(self, db: Database, breaches: BreachService) -> None:
        self._db = db
        self._breaches = breaches

    # -- helpers ---------------------------------------------------------------------
    def _breach_row(self, session: Session, breach_id: int) -> BreachRow:
        row = session.get(BreachRow, breach_id)
        if row is None:
            raise NotFoundError(f"No breach with id {breach_id}.")
        return row

    def _event(self, session: Session, breach_id: int, at: datetime, kind: str, text: str,
               actor: str) -> None:
        session.add(TimelineRow(breach_id=breach_id, at=at, kind=kind, text=text, actor=actor,
                                recorded_at=self._db.clock()))

    def _move(self, session: Session, row: BreachRow, new: BreachStatus, actor: str,
              at: datetime, note: str = "") -> None:
        move_status(session, row, new, actor=actor, at=at, now=self._db.clock(), note=note)

    @staticmethod
    def _zone(session: Session) -> str:
        org = session.get(OrganisationRow, 1)
        return org.time_zone if org is not None else DEFAULT_ZONE

    # -- assessments -----------------------------------------------------------------
    def preview(self, facts: BreachFacts) -> Assessment:
        """The engine's result for `facts`, saving nothing (the live result on screen)."""
        return run_engine(facts)

    def assess(self, breach_id: int, actor: str = "") -> AssessmentRecord:
        """Run the engine on the breach's current facts and store it as a new version."""
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._breach_row(session, breach_id)
            status = BreachStatus(row.status)
            if status is BreachStatus.CLOSED:
                raise WorkflowError("The breach is closed: reopen it before assessing it again.")
            facts = facts_from_document(json.loads(row.facts_json), strict=False)
            result = run_engine(facts)
            last = session.scalar(select(func.max(AssessmentRow.version))
                                  .where(AssessmentRow.breach_id == breach_id))
            version = (last or 0) + 1
            stored = AssessmentRow(
                breach_id=breach_id, version=version, method_version=result.method_version,
                facts_json=json.dumps(facts_to_document(facts), ensure_ascii=False,
                                      sort_keys=True),
                result_json=json.dumps(assessment_to_document(result), ensure_ascii=False),
                created_at=now, created_by=actor)
            session.add(stored)
            summary = (f"Risk assessment version {version} recorded: {result.risk.label} "
                       f"(severity {result.severity.score:g}, {result.severity.band.label}).")
            self._event(session, breach_id, now, "assessment",
                        summary if version == 1 else f"Re-assessed (version {version}). "
                        + summary.split(": ", 1)[1], actor)
            if status is BreachStatus.OPEN:
                self._move(session, row, BreachStatus.ASSESSED, actor, now)
            row.updated_at = now
            session.flush()
            return to_assessment(stored)

    def versions(self, breach_id: int) -> list[AssessmentRecord]:
        """Every stored version of the breach's assessment, oldest first."""
        with self._db.unit() as session:
            rows = session.scalars(select(AssessmentRow)
                                   .where(AssessmentRow.breach_id == breach_id)
                                   .order_by(AssessmentRow.version)).all()
            return [to_assessment(r) for r in rows]

    def latest(self, breach_id: int) -> AssessmentRecord | None:
        versions = self.versions(breach_id)
        return versions[-1] if versions else None

    # -- decisions -------------------------------------------------------------------
    def _decision_status(self, session: Session, row: BreachRow, draft: DecisionDraft,
                         actor: str) -> None:
        status = BreachStatus(row.status)
        at = self._db.clock()
        if status is BreachStatus.CLOSED:
            raise WorkflowError("The breach is closed: reopen it before recording a decision.")
        if status is BreachStatus.OPEN:
            self._move(session, row, BreachStatus.ASSESSED, actor, at)
            status = BreachStatus.ASSESSED
        if not draft.notify_ico:
            if status is BreachStatus.NOTIFIED:
                raise WorkflowError("The ICO has already been notified: a notification "
                                    "cannot be undone, so the decision cannot be 'do not "
                                    "notify'. Record new facts as a follow-up instead.")
            if status is BreachStatus.ASSESSED:
                self._move(session, row, BreachStatus.NOT_NOTIFIABLE, actor, at)
        elif status is BreachStatus.NOT_NOTIFIABLE:
            self._move(session, row, BreachStatus.ASSESSED, actor, at,
                       "New decision: notify the ICO.")

    def record_decision(self, breach_id: int, assessment_id: int,
                        draft: DecisionDraft) -> DecisionRecord:
        """Check the draft against that assessment and store it; refused drafts save nothing."""
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._breach_row(session, breach_id)
            assessment = session.get(AssessmentRow, assessment_id)
            if assessment is None:
                raise NotFoundError(f"No assessment with id {assessment_id}.")
            if assessment.breach_id != breach_id:
                raise ValidationError("assessment", "belongs to another breach; a decision "
                                      "must rest on an assessment of this breach")
            facts = facts_from_document(json.loads(assessment.facts_json), strict=False)
            result = json.loads(assessment.result_json)
            check_decision(draft, result, facts.regime, now, self._zone(session))
            actor = draft.decided_by.strip()
            r = draft.restriction
            stored = DecisionRow(
                breach_id=breach_id, assessment_id=assessment_id,
                notify_ico=draft.notify_ico, notify_ico_reason=draft.notify_ico_reason.strip(),
                notify_subjects=draft.notify_subjects,
                notify_subjects_reason=draft.notify_subjects_reason.strip(),
                restriction_ground=r.ground if r else None,
                restriction_reasoning=r.reasoning.strip() if r else "",
                restriction_review_on=r.review_on if r else None,
                decided_by=actor, decided_at=draft.decided_at, recorded_at=now)
            session.add(stored)
            self._event(session, breach_id, draft.decided_at, "decision",
                        decision_text(assessment.version, draft), actor)
            self._decision_status(session, row, draft, actor)
            row.updated_at = now
            session.flush()
            return to_decision(stored, assessment.version)

    def decisions(self, breach_id: int) -> list[DecisionRecord]:
        """Every decision recorded for the breach, oldest first (none is ever changed)."""
        with self._db.unit() as session:
            rows = session.execute(
                select(DecisionRow, AssessmentRow.version)
                .join(AssessmentRow, AssessmentRow.id == DecisionRow.assessment_id)
                .where(DecisionRow.breach_id == breach_id)
                .order_by(DecisionRow.recorded_at, DecisionRow.id)).all()
            return [to_decision(d, v) for d, v in rows]

    def latest_decision(self, breach_id: int) -> DecisionRecord | None:
        decisions = self.decisions(breach_id)
        return decisions[-1] if decisions else None

    def register_record(self, breach_id: int) -> RegisterRecord:
        """The one-page register record of a breach whose latest decision is not to notify."""
        decision = self.latest_decision(breach_id)
        if decision is None or decision.notify_ico:
            raise WorkflowError("The register record for a breach not notified to the ICO "
                                "needs a recorded decision not to notify it.")
        breach = self._breaches.get(breach_id)
        assessment = next(a for a in self.versions(breach_id)
                          if a.id == decision.assessment_id)
        actions = tuple(e for e in self._breaches.timeline(breach_id) if e.kind == "action")
        with self._db.unit() as session:
            zone = self._zone(session)
        return register_record(breach, assessment, decision, actions, zone)
