"""BreachService: references, facts, timeline, status workflow, failed saves."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from model.domain.enums import BreachStatus, BreachType, DataCategory, Regime
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.facts import BreachFacts, facts_from_document
from model.domain.records import OrganisationProfile
from model.storage.orm import BreachRow, TimelineRow
from tests.conftest import file_report


def test_references_are_sequential_per_year(ctx, clock) -> None:  # type: ignore[no-untyped-def]
    first = ctx.breaches.create(BreachFacts(title="one"))
    second = ctx.breaches.create(BreachFacts(title="two"))
    clock.now = datetime(2027, 1, 2, tzinfo=UTC)
    third = ctx.breaches.create(BreachFacts(title="three"))
    assert [first.reference, second.reference, third.reference] == [
        "BR-2026-0001", "BR-2026-0002", "BR-2027-0001"]
    assert ctx.breaches.get_by_reference("br-2026-0002").title == "two"
    with pytest.raises(NotFoundError):
        ctx.breaches.get_by_reference("BR-2026-0099")


def test_incomplete_triage_is_saved(ctx) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(BreachFacts(title="first hour"))
    assert ctx.breaches.get(breach.id).facts == BreachFacts(title="first hour")
    assert [e.kind for e in ctx.breaches.timeline(breach.id)] == ["created"]


def test_impossible_facts_refused_and_previous_state_kept(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    facts = facts_from_document(seed_doc)
    breach = ctx.breaches.create(facts)
    bad = replace(facts, discovered_at=facts.occurred_at - timedelta(days=1))
    with pytest.raises(ValidationError) as err:
        ctx.breaches.update_facts(breach.id, bad)
    assert err.value.field == "discovered_at"
    assert ctx.breaches.get(breach.id).facts == facts
    assert len(ctx.breaches.timeline(breach.id)) == 1


def test_update_facts_records_changed_fields(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    facts = facts_from_document(seed_doc)
    breach = ctx.breaches.create(facts)
    ctx.breaches.update_facts(breach.id, replace(facts, subjects_count=70, title="New title"))
    saved = ctx.breaches.get(breach.id)
    assert saved.facts.subjects_count == 70 and saved.title == "New title"
    assert ctx.breaches.list()[0].title == "New title"
    last = ctx.breaches.timeline(breach.id)[-1]
    assert last.kind == "edit" and "subjects_count" in last.text and "title" in last.text


def test_timeline_is_append_only_and_ordered(ctx, clock) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(BreachFacts(title="x"))
    ctx.breaches.add_event(breach.id, clock.now - timedelta(hours=2), "Took page down", "PC A")
    ctx.breaches.add_event(breach.id, clock.now - timedelta(hours=5), "Found it", "PC B")
    texts = [e.text for e in ctx.breaches.timeline(breach.id)]
    assert texts[:2] == ["Found it", "Took page down"]
    with pytest.raises(ValidationError, match="future"):
        ctx.breaches.add_event(breach.id, clock.now + timedelta(hours=1), "later")
    with pytest.raises(ValidationError):
        ctx.breaches.add_event(breach.id, clock.now, "   ")
    with pytest.raises(ValueError, match="naive"):
        ctx.breaches.add_event(breach.id, datetime(2026, 10, 1, 12, 0), "naive time")


def test_status_workflow_is_timestamped(ctx, clock) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(BreachFacts(title="x", regime=Regime.UK_GDPR,
                                             breach_types=(BreachType.INTEGRITY,),
                                             data_categories=(DataCategory.HEALTH,)))
    with pytest.raises(WorkflowError):
        ctx.breaches.change_status(breach.id, BreachStatus.NOT_NOTIFIABLE)
    ctx.breaches.change_status(breach.id, BreachStatus.ASSESSED, actor="DPO")
    with pytest.raises(WorkflowError, match="recording that decision"):
        ctx.breaches.change_status(breach.id, BreachStatus.NOT_NOTIFIABLE)
    clock.now += timedelta(hours=2)
    sent = clock.now - timedelta(minutes=30)
    with pytest.raises(WorkflowError, match="Record filing"):
        ctx.breaches.change_status(breach.id, BreachStatus.NOTIFIED, actor="DPO", at=sent)
    file_report(ctx, breach.id, at=sent)
    done = ctx.breaches.get(breach.id)
    assert done.status is BreachStatus.NOTIFIED and done.notified_at == sent
    events = [e for e in ctx.breaches.timeline(breach.id) if e.kind == "status"]
    assert [e.text.split(".")[0] for e in events] == [
        "Status: Open → Assessed", "Status: Assessed → Notified"]
    assert events[1].at == sent and events[1].actor == "Tester"


def test_naive_datetime_refused_by_storage(ctx) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(BreachFacts(title="x"))
    with pytest.raises(StatementError, match="naive datetime refused"), \
            ctx.db.unit() as session:
        row = session.get(BreachRow, breach.id)
        row.updated_at = datetime(2026, 1, 1)  # naive
    with ctx.db.unit() as session:
        assert session.get(BreachRow, breach.id).updated_at.tzinfo is UTC


def test_failed_unit_rolls_back_everything(ctx) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(BreachFacts(title="kept"))
    with pytest.raises(RuntimeError), ctx.db.unit() as session:
        session.get(BreachRow, breach.id).title = "lost"
        session.add(TimelineRow(breach_id=breach.id, at=ctx.clock(), kind="note", text="t",
                                actor="", recorded_at=ctx.clock()))
        session.flush()
        raise RuntimeError("crash mid-save")
    assert ctx.breaches.get(breach.id).title == "kept"
    with ctx.db.unit() as session:
        assert len(session.scalars(select(TimelineRow)).all()) == 1


def test_organisation_profile_round_trip_and_validation(ctx) -> None:  # type: ignore[no-untyped-def]
    assert ctx.organisation.get() == OrganisationProfile()
    profile = OrganisationProfile(name="Northshire Police", dpo_email="dpo@example.org",
                                  default_regime=Regime.DPA2018_PART3)
    assert ctx.organisation.save(profile) == profile
    with pytest.raises(ValidationError, match="time zone"):
        ctx.organisation.save(replace(profile, time_zone="Mars/Olympus"))
    with pytest.raises(ValidationError, match="email"):
        ctx.organisation.save(replace(profile, dpo_email="not an email"))
    assert ctx.organisation.get() == profile


def test_save_changes_keeps_edits_made_elsewhere(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    """Triage and risk screens both hold the facts; neither save undoes the other's."""
    from model.domain.enums import Identifiability

    loaded = facts_from_document(seed_doc)
    breach = ctx.breaches.create(loaded)
    # The risk screen saves a change to identifiability...
    ctx.breaches.save_changes(breach.id, loaded,
                              replace(loaded, identifiability=Identifiability.LIMITED))
    # ...then the triage screen, loaded before it, saves a title change.
    ctx.breaches.save_changes(breach.id, loaded, replace(loaded, title="Renamed"))
    saved = ctx.breaches.get(breach.id).facts
    assert saved.title == "Renamed"
    assert saved.identifiability is Identifiability.LIMITED
    # An impossible merge is refused and nothing changes.
    bad = replace(loaded, discovered_at=loaded.occurred_at - timedelta(days=2))
    with pytest.raises(ValidationError):
        ctx.breaches.save_changes(breach.id, loaded, bad)
    assert ctx.breaches.get(breach.id).facts == saved


def test_closing_is_refused_while_the_people_are_still_to_be_told(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    """Issue 7: 'Close breach' is refused, with the reason, while a decision says the people
    must be told and nothing records that they were."""
    from model.domain.decision import DecisionDraft
    from model.domain.errors import WorkflowError
    from model.domain.facts import facts_from_document
    from tests.conftest import file_report
    from tests.lessons_helpers import complete_lessons

    breach = ctx.breaches.create(facts_from_document(seed_doc))
    assessment = ctx.assessments.assess(breach.id)
    ctx.assessments.record_decision(breach.id, assessment.id, DecisionDraft(
        notify_ico=True, notify_subjects=True, decided_by="DPO", decided_at=ctx.clock()))
    file_report(ctx, breach.id)
    complete_lessons(ctx, breach.id)
    with pytest.raises(WorkflowError, match="to be told .*DPA 2018 s.68.*nothing records"):
        ctx.breaches.change_status(breach.id, BreachStatus.CLOSED, actor="DPO")
    assert ctx.breaches.get(breach.id).status is BreachStatus.NOTIFIED
    ctx.breaches.add_event(breach.id, ctx.clock(), "Letters to all 61 households",
                           kind="people_told")
    ctx.breaches.change_status(breach.id, BreachStatus.CLOSED, actor="DPO")
    assert ctx.breaches.get(breach.id).status is BreachStatus.CLOSED
