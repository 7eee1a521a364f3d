"""The motivating case carried to a closed breach through the services: lessons, two
actions (one reviewed effective), people told, the lessons report; and the rules on the
way (what blocks closing, won't-do, a 'not effective' review, links, near misses)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pypdf
import pytest

from model.domain.closing import close_problems
from model.domain.deadlines import DeadlineState
from model.domain.decision import DecisionDraft
from model.domain.enums import BreachStatus
from model.domain.errors import ValidationError, WorkflowError
from model.domain.facts import facts_from_document
from model.domain.lessons.recurrence import recurrence_steps, recurrence_text
from model.domain.lessons.taxonomy import ActionKind, ActionStatus, Verdict
from reports.pdf import write_document
from tests.conftest import file_report
from tests.lessons_helpers import SEED_LESSONS, action, complete_lessons


def _notified_seed(ctx, seed_doc):  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc), actor="DPO")
    assessment = ctx.assessments.assess(breach.id, actor="DPO")
    ctx.assessments.record_decision(breach.id, assessment.id, DecisionDraft(
        notify_ico=True, notify_subjects=True, decided_by="Alex Morgan",
        decided_at=ctx.clock() - timedelta(hours=1)))
    file_report(ctx, breach.id, at=ctx.clock() - timedelta(minutes=30))
    return breach


def test_motivating_case_to_a_closed_breach(ctx, seed_doc, tmp_path) -> None:  # type: ignore[no-untyped-def]
    breach = _notified_seed(ctx, seed_doc)
    problems = close_problems(ctx.cases.load(breach.id))
    assert any("told" in p for p in problems) and any("lessons" in p for p in problems)

    complete_lessons(ctx, breach.id)
    fix = ctx.lessons.add_action([breach.id], action(
        "Take the pages down and purge search caches", date(2026, 10, 10),
        ActionKind.CORRECTION))
    check = ctx.lessons.add_action([breach.id], action(
        ico_promised_on=date(2026, 12, 1), review_on=date(2027, 3, 1)))
    case = ctx.cases.load(breach.id)
    assert [a.reference for a in case.corrective_actions] == [fix.reference, check.reference]
    assert any("2 corrective actions are not done" in p for p in close_problems(case))
    # The ICO follow-up's steps to prevent a recurrence: the corrective action only.
    [step] = recurrence_steps(case)
    assert step.expected_on == date(2026, 12, 1) and "release check" in recurrence_text(case)

    ctx.lessons.complete_action(fix.id, date(2026, 10, 10), "Pages gone; caches purged.")
    ctx.attachments.add(breach.id, "contract-variation.pdf", b"%PDF-1.4 signed",
                        owner=f"action:{check.id}")
    ctx.lessons.start_action(check.id)
    ctx.lessons.complete_action(check.id, date(2026, 10, 10), "Contract variation signed.")
    with pytest.raises(WorkflowError, match="told"):
        ctx.breaches.change_status(breach.id, BreachStatus.CLOSED)
    ctx.breaches.add_event(breach.id, ctx.clock(), "Letters hand-delivered to 61 households",
                           kind="people_told")
    ctx.breaches.change_status(breach.id, BreachStatus.CLOSED, actor="DPO")

    ctx.clock.now += timedelta(days=150)  # the review comes months later, after closing
    reviewed, follow_up = ctx.lessons.review_action(
        check.id, Verdict.EFFECTIVE, ctx.clock().date(), "Audit team",
        "Two releases since, both checked.")
    assert follow_up is None and reviewed.verdict is Verdict.EFFECTIVE
    case = ctx.cases.load(breach.id)
    assert case.breach.status is BreachStatus.CLOSED and not close_problems(case)
    assert [e for e in case.timeline if e.kind == "capa" and "reviewed" in e.text]

    path = write_document(ctx.register.lessons_document(breach.id), tmp_path / "l.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)
    for expected in ("Lessons learned", breach.reference, "Hardware/software misconfiguration",
                     "An officer spotted it", "Add a release check", "Effective",
                     "Audit team", "The lessons are recorded in full"):
        assert expected in text, expected


def test_wont_do_needs_reason_and_risk_owner(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc))
    item = ctx.lessons.add_action([breach.id], action())
    with pytest.raises(ValidationError, match="accepts the risk"):
        ctx.lessons.wont_do(item.id, "Too costly", "")
    settled = ctx.lessons.wont_do(item.id, "Too costly for the risk left", "Chief Constable")
    assert settled.settled and settled.status is ActionStatus.WONT_DO


def test_not_effective_raises_a_follow_up_in_one_unit(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc))
    item = ctx.lessons.add_action([breach.id], action())
    with pytest.raises(ValidationError, match="not done yet"):
        ctx.lessons.review_action(item.id, Verdict.EFFECTIVE, ctx.clock().date(), "A")
    ctx.lessons.complete_action(item.id, ctx.clock().date(), "Done")
    reviewed, follow_up = ctx.lessons.review_action(
        item.id, Verdict.NOT_EFFECTIVE, ctx.clock().date(), "Auditor", "Still no check")
    assert follow_up is not None and follow_up.follow_up_of == item.id
    assert follow_up.is_open and follow_up.breach_ids == (breach.id,)
    assert follow_up.due_on == ctx.clock().date() + timedelta(days=30)
    assert "found not effective" in follow_up.description


def test_one_action_serves_two_breaches(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    first = ctx.breaches.create(facts_from_document(seed_doc))
    second = ctx.breaches.create(replace(facts_from_document(seed_doc), title="Again"))
    item = ctx.lessons.add_action([first.id], action())
    linked = ctx.lessons.link_action(item.id, second.id)
    assert linked.breach_ids == (first.id, second.id)
    assert [a.id for a in ctx.cases.load(second.id).corrective_actions] == [item.id]
    with pytest.raises(WorkflowError, match="only this breach"):
        ctx.lessons.unlink_action(item.id, first.id) and ctx.lessons.unlink_action(
            item.id, second.id)


def test_near_miss_has_no_clock_and_closes_without_notifying(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc))
    with pytest.raises(ValidationError):
        ctx.lessons.set_near_miss(breach.id, True, "")
    ctx.lessons.set_near_miss(breach.id, True, "The file was password-protected; unopened.")
    case = ctx.cases.load(breach.id)
    assert case.deadline(ctx.clock()).state is DeadlineState.NEAR_MISS
    summary = next(s for s in ctx.breaches.list() if s.id == breach.id)
    assert summary.near_miss
    with pytest.raises(WorkflowError, match="near miss is not notified"):
        ctx.breaches.change_status(breach.id, BreachStatus.NOTIFIED)
    with pytest.raises(WorkflowError, match="lessons"):
        ctx.breaches.change_status(breach.id, BreachStatus.CLOSED)
    complete_lessons(ctx, breach.id)
    ctx.breaches.change_status(breach.id, BreachStatus.CLOSED)
    assert ctx.breaches.get(breach.id).status is BreachStatus.CLOSED


def test_lessons_of_a_closed_breach_wait_for_reopening(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc))
    ctx.lessons.set_near_miss(breach.id, True, "Caught before sending.")
    complete_lessons(ctx, breach.id)
    ctx.breaches.change_status(breach.id, BreachStatus.CLOSED)
    with pytest.raises(WorkflowError, match="reopen"):
        ctx.lessons.save(breach.id, replace(SEED_LESSONS, team="Other"))
    with pytest.raises(WorkflowError, match="reopen"):
        ctx.lessons.add_action([breach.id], action())


def test_a_long_narrative_is_kept_and_a_huge_one_refused(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc))
    long = "word " * 19_000
    saved = ctx.lessons.save(breach.id, replace(SEED_LESSONS, narrative=long))
    assert saved.narrative == long.strip()
    with pytest.raises(ValidationError, match="longer than"):
        ctx.lessons.save(breach.id, replace(SEED_LESSONS, narrative="x" * 1_000_001))


def test_the_ico_follow_up_lists_the_corrective_actions_with_their_dates(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    """Issue 10's T2 reads the Lessons step's actions; the register reads the filing."""
    from model.domain.ico.content import corrective_actions_of
    from model.domain.lessons.milestones import ico_told_at

    breach = _notified_seed(ctx, seed_doc)
    fix = ctx.lessons.add_action([breach.id], action("Check every upload before publishing"),
                                 "DPO")
    case = ctx.cases.load(breach.id)
    [step] = corrective_actions_of(case)
    assert "Check every upload before publishing" in step.text
    assert step.due == fix.ico_promised_on or step.due == fix.due_on
    assert ico_told_at(case) == case.filings[0].filed_at
