"""AssessmentService: versions never overwritten, decisions resting on a named version,
refused departures saving nothing, status moves, and the register record."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from model.domain.decision import DecisionDraft, DecisionRefusedError, RestrictionGround
from model.domain.enums import Access, BreachStatus, Regime, RiskLevel
from model.domain.errors import ValidationError, WorkflowError
from model.domain.facts import facts_from_document
from model.domain.records import Restriction
from model.storage.orm import DecisionRow, TimelineRow
from tests.conftest import file_report
from tests.lessons_helpers import complete_lessons

REASON = "Access logs show nobody outside the force opened the pages."


def _seed(ctx, seed_doc):  # type: ignore[no-untyped-def]
    return ctx.breaches.create(facts_from_document(seed_doc), actor="DPO")


def _draft(ctx, ico: bool = True, subjects: bool = True, **kw):  # type: ignore[no-untyped-def]
    d = DecisionDraft(notify_ico=ico, notify_subjects=subjects, decided_by="A. Patel",
                      decided_at=ctx.clock() - timedelta(minutes=30))
    return replace(d, **kw)


def _count(ctx, table) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.unit() as session:
        return int(session.scalar(select(func.count()).select_from(table)))


def test_preview_saves_nothing(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    result = ctx.assessments.preview(breach.facts)
    assert result.risk is RiskLevel.HIGH_RISK
    assert ctx.assessments.versions(breach.id) == []
    assert ctx.breaches.get(breach.id).status is BreachStatus.OPEN


def test_assess_stores_version_and_moves_open_to_assessed(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    first = ctx.assessments.assess(breach.id, actor="DPO")
    assert (first.version, first.breach_id, first.created_by) == (1, breach.id, "DPO")
    assert first.facts == breach.facts
    assert first.sha256 and len(first.sha256) == 64
    assert first.result.risk == "high_risk"
    assert ctx.breaches.get(breach.id).status is BreachStatus.ASSESSED
    kinds = [e.kind for e in ctx.breaches.timeline(breach.id)]
    assert kinds == ["created", "assessment", "status"]


def test_reassessing_keeps_the_old_version(ctx, seed_doc, clock) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    first = ctx.assessments.assess(breach.id)
    clock.now += timedelta(hours=2)
    facts = replace(breach.facts, confidentiality=replace(breach.facts.confidentiality,
                                                          access=Access.NONE))
    ctx.breaches.update_facts(breach.id, facts)
    second = ctx.assessments.assess(breach.id)
    versions = ctx.assessments.versions(breach.id)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0] == first  # untouched
    assert versions[0].facts.confidentiality.access is Access.UNKNOWN
    assert versions[1].facts.confidentiality.access is Access.NONE
    assert second.result.risk == "risk"
    assert ctx.assessments.latest(breach.id) == second
    texts = [e.text for e in ctx.breaches.timeline(breach.id) if e.kind == "assessment"]
    assert texts[-1].startswith("Re-assessed (version 2)")
    assert ctx.breaches.get(breach.id).status is BreachStatus.ASSESSED


def test_versions_are_per_breach(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    a, b = _seed(ctx, seed_doc), _seed(ctx, seed_doc)
    ctx.assessments.assess(a.id)
    ctx.assessments.assess(a.id)
    assert ctx.assessments.assess(b.id).version == 1
    assert ctx.assessments.latest(ctx.breaches.create(facts_from_document(seed_doc)).id) is None


def test_decision_rests_on_the_named_version(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    first = ctx.assessments.assess(breach.id)
    ctx.assessments.assess(breach.id)
    decision = ctx.assessments.record_decision(breach.id, first.id, _draft(ctx))
    assert (decision.assessment_id, decision.assessment_version) == (first.id, 1)
    assert ctx.assessments.decisions(breach.id) == [decision]
    assert ctx.assessments.latest_decision(breach.id) == decision
    [event] = [e for e in ctx.breaches.timeline(breach.id) if e.kind == "decision"]
    assert "assessment version 1" in event.text
    assert event.at == ctx.clock() - timedelta(minutes=30)  # when decided, not recorded
    assert event.actor == "A. Patel"
    assert ctx.breaches.get(breach.id).status is BreachStatus.ASSESSED


def test_departure_without_reason_refused_and_nothing_stored(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    version = ctx.assessments.assess(breach.id)
    events_before = _count(ctx, TimelineRow)
    with pytest.raises(DecisionRefusedError) as caught:
        ctx.assessments.record_decision(breach.id, version.id, _draft(ctx, subjects=False))
    assert caught.value.field == "notify_subjects_reason"
    assert _count(ctx, DecisionRow) == 0
    assert _count(ctx, TimelineRow) == events_before
    assert ctx.breaches.get(breach.id).status is BreachStatus.ASSESSED
    saved = ctx.assessments.record_decision(
        breach.id, version.id, _draft(ctx, subjects=False, notify_subjects_reason=REASON))
    assert saved.notify_subjects is False and saved.notify_subjects_reason == REASON


def test_assessment_of_another_breach_refused(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    a, b = _seed(ctx, seed_doc), _seed(ctx, seed_doc)
    other = ctx.assessments.assess(b.id)
    ctx.assessments.assess(a.id)
    with pytest.raises(ValidationError, match="another breach"):
        ctx.assessments.record_decision(a.id, other.id, _draft(ctx))
    assert _count(ctx, DecisionRow) == 0


def test_not_notifiable_decision_and_its_register_record(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    version = ctx.assessments.assess(breach.id)
    with pytest.raises(WorkflowError):
        ctx.documents.not_notifiable(breach.id)  # no decision yet
    draft = _draft(ctx, ico=False, subjects=False, notify_ico_reason=REASON,
                   notify_subjects_reason=REASON)
    ctx.assessments.record_decision(breach.id, version.id, draft)
    assert ctx.breaches.get(breach.id).status is BreachStatus.NOT_NOTIFIABLE
    record = ctx.documents.not_notifiable(breach.id)
    text = record.text()
    assert breach.reference in record.subtitle and "not notified" in record.title
    assert "Recommended: Notify the ICO: Yes." in text
    assert "Reason for departing from the recommendation to notify: " + REASON in text
    assert "Version 1 of" in text
    assert "Decided by: A. Patel on 10 Oct 2026 09:30 BST" in text


def test_changing_a_not_notifiable_decision_moves_back_to_assessed(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    version = ctx.assessments.assess(breach.id)
    ctx.assessments.record_decision(breach.id, version.id, _draft(
        ctx, ico=False, subjects=False, notify_ico_reason=REASON, notify_subjects_reason=REASON))
    ctx.assessments.record_decision(breach.id, version.id, _draft(ctx))
    assert ctx.breaches.get(breach.id).status is BreachStatus.ASSESSED
    assert [d.notify_ico for d in ctx.assessments.decisions(breach.id)] == [False, True]
    with pytest.raises(WorkflowError):
        ctx.documents.not_notifiable(breach.id)


def test_no_decision_not_to_notify_after_notifying(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    version = ctx.assessments.assess(breach.id)
    file_report(ctx, breach.id)
    with pytest.raises(WorkflowError, match="cannot be undone"):
        ctx.assessments.record_decision(breach.id, version.id, _draft(
            ctx, ico=False, notify_ico_reason=REASON))
    assert _count(ctx, DecisionRow) == 0


def test_closed_breach_cannot_be_assessed(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    ctx.assessments.assess(breach.id)
    file_report(ctx, breach.id)
    ctx.assessments.assess(breach.id)  # a notified breach may be re-assessed
    assert ctx.breaches.get(breach.id).status is BreachStatus.NOTIFIED
    complete_lessons(ctx, breach.id)
    ctx.breaches.change_status(breach.id, BreachStatus.CLOSED)
    with pytest.raises(WorkflowError, match="reopen"):
        ctx.assessments.assess(breach.id)
    assert len(ctx.assessments.versions(breach.id)) == 2


def test_restriction_stored_for_part3(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    assert breach.facts.regime is Regime.DPA2018_PART3
    version = ctx.assessments.assess(breach.id)
    restriction = Restriction(RestrictionGround.CRIME.value,
                              "Telling them now would alert suspects before arrests.",
                              date(2026, 11, 1))
    saved = ctx.assessments.record_decision(
        breach.id, version.id, _draft(ctx, subjects=False, restriction=restriction))
    assert ctx.assessments.latest_decision(breach.id).restriction == restriction
    assert saved.restriction == restriction
    [event] = [e for e in ctx.breaches.timeline(breach.id) if e.kind == "decision"]
    assert "s.68" in event.text and "01 Nov 2026" in event.text


def test_restriction_refused_for_uk_gdpr(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    facts = replace(facts_from_document(seed_doc), regime=Regime.UK_GDPR)
    breach = ctx.breaches.create(facts)
    version = ctx.assessments.assess(breach.id)
    restriction = Restriction(RestrictionGround.CRIME.value, "x" * 30, date(2026, 11, 1))
    with pytest.raises(DecisionRefusedError, match="Part 3"):
        ctx.assessments.record_decision(breach.id, version.id,
                                        _draft(ctx, restriction=restriction))


def test_decided_in_the_future_refused(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = _seed(ctx, seed_doc)
    version = ctx.assessments.assess(breach.id)
    later = datetime(2026, 10, 11, tzinfo=UTC)
    with pytest.raises(DecisionRefusedError, match="future"):
        ctx.assessments.record_decision(breach.id, version.id, _draft(ctx, decided_at=later))
