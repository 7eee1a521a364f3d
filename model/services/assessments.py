"""Risk assessments (versioned, frozen, never overwritten) and the DPO's decisions resting
on them."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.domain import audit
from model.domain.clock import DEFAULT_ZONE
from model.domain.decision import DecisionDraft, RestrictionGround, check_decision
from model.domain.enums import BreachStatus
from model.domain.errors import NotFoundError, ValidationError
from model.domain.facts import BreachFacts
from model.domain.records import AssessmentRecord, DecisionRecord
from model.domain.risk import Assessment, assessment_to_document
from model.domain.risk import assess as run_engine
from model.domain.snapshot import freeze
from model.domain.workflow import moves_after_assessment, moves_after_decision
from model.services import journal
from model.services.breaches import move_status
from model.services.unit import Database, breach_row
from model.storage import facts_codec, mapping, mapping_lessons
from model.storage.orm import AssessmentRow, BreachRow, DecisionRow, OrganisationRow


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

    def __init__(self, db: Database) -> None:
        self._db = db

    _breach_row = staticmethod(breach_row)

    @staticmethod
    def _zone(session: Session) -> str:
        org = session.get(OrganisationRow, 1)
        return org.time_zone if org is not None else DEFAULT_ZONE

    def _apply_moves(self, session: Session, row: BreachRow,
                     moves: tuple[tuple[BreachStatus, str], ...], actor: str) -> None:
        now = self._db.clock()
        for status, note in moves:
            move_status(session, row, status, actor=actor, at=now, now=now, note=note)

    # -- assessments -----------------------------------------------------------------
    def preview(self, facts: BreachFacts) -> Assessment:
        """The engine's result for `facts`, saving nothing (the live result on screen)."""
        return run_engine(facts)

    def assess(self, breach_id: int, actor: str = "") -> AssessmentRecord:
        """Run the engine on the breach's current facts and keep it as a new, frozen version."""
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._breach_row(session, breach_id)
            moves = moves_after_assessment(BreachStatus(row.status))
            facts = mapping.facts_of(row)
            result = run_engine(facts)
            last = session.scalar(select(func.max(AssessmentRow.version))
                                  .where(AssessmentRow.breach_id == breach_id))
            version = (last or 0) + 1
            facts_doc = facts_codec.facts_to_storage(facts)
            result_doc = assessment_to_document(result)
            snapshot = freeze({"facts": facts_doc, "result": result_doc})
            stored = AssessmentRow(
                breach_id=breach_id, version=version, method_version=result.method_version,
                facts_json=json.dumps(facts_doc, ensure_ascii=False, sort_keys=True),
                result_json=json.dumps(result_doc, ensure_ascii=False),
                created_at=now, created_by=actor, sha256=snapshot.sha256)
            session.add(stored)
            session.flush()
            journal.audit(session, "assessment", stored.id, "created", now=now, breach=row,
                          changes=audit.created({
                              "version": version, "method_version": result.method_version,
                              "risk": result.risk.value, "severity": result.severity.score,
                              "sha256": snapshot.sha256}),
                          summary=f"Risk assessment version {version} recorded.")
            mapping_lessons.store_assessment_columns(row, result.risk.value)
            summary = (f"{result.risk.label} (severity {result.severity.score:g}, "
                       f"{result.severity.band.label}).")
            text = (f"Risk assessment version {version} recorded: {summary}" if version == 1
                    else f"Re-assessed (version {version}). {summary}")
            journal.record(session, row, at=now, kind="assessment", text=text, actor=actor,
                           now=now)
            self._apply_moves(session, row, moves, actor)
            session.flush()
            return mapping.to_assessment(stored)

    def versions(self, breach_id: int) -> list[AssessmentRecord]:
        """Every stored version of the breach's assessment, oldest first."""
        with self._db.unit() as session:
            rows = session.scalars(select(AssessmentRow)
                                   .where(AssessmentRow.breach_id == breach_id)
                                   .order_by(AssessmentRow.version)).all()
            return [mapping.to_assessment(r) for r in rows]

    def latest(self, breach_id: int) -> AssessmentRecord | None:
        versions = self.versions(breach_id)
        return versions[-1] if versions else None

    # -- decisions -------------------------------------------------------------------
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
            record = mapping.to_assessment(assessment)
            check_decision(draft, record.result, record.facts.regime, now,
                           self._zone(session))
            moves = moves_after_decision(BreachStatus(row.status), draft.notify_ico)
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
            session.flush()
            journal.audit(session, "decision", stored.id, "created", now=now, breach=row,
                          changes=audit.created({
                              "assessment_version": assessment.version,
                              "notify_ico": draft.notify_ico,
                              "notify_ico_reason": stored.notify_ico_reason,
                              "notify_subjects": draft.notify_subjects,
                              "notify_subjects_reason": stored.notify_subjects_reason,
                              "restriction_ground": stored.restriction_ground,
                              "restriction_reasoning": stored.restriction_reasoning,
                              "restriction_review_on": stored.restriction_review_on,
                              "decided_by": actor, "decided_at": draft.decided_at}),
                          summary="Decision recorded.")
            mapping_lessons.store_decision_columns(
                row, draft.notify_ico, draft.notify_subjects, stored.notify_ico_reason,
                stored.notify_subjects_reason)
            journal.record(session, row, at=draft.decided_at, kind="decision",
                           text=decision_text(assessment.version, draft), actor=actor, now=now)
            self._apply_moves(session, row, moves, actor)
            session.flush()
            return mapping.to_decision(stored, assessment.version)

    def decisions(self, breach_id: int) -> list[DecisionRecord]:
        """Every decision recorded for the breach, oldest first (none is ever changed)."""
        with self._db.unit() as session:
            rows = session.execute(
                select(DecisionRow, AssessmentRow.version)
                .join(AssessmentRow, AssessmentRow.id == DecisionRow.assessment_id)
                .where(DecisionRow.breach_id == breach_id)
                .order_by(DecisionRow.recorded_at, DecisionRow.id)).all()
            return [mapping.to_decision(d, v) for d, v in rows]

    def latest_decision(self, breach_id: int) -> DecisionRecord | None:
        decisions = self.decisions(breach_id)
        return decisions[-1] if decisions else None
