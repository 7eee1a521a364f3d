"""The audit trail: every kind of change is an event (who, what, old → new), written in
the change's own unit of work, append-only, and any edit or deletion breaks the chain."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from model.domain.audit import GENESIS
from model.domain.facts import facts_from_document
from model.domain.lessons.records import ActionDraft
from model.domain.lessons.taxonomy import ActionKind
from model.domain.records import OrganisationProfile
from model.services.unit import SaveError
from tests.conftest import decide_not_notifiable, file_report


def _events(ctx, breach_id):  # type: ignore[no-untyped-def]
    return list(reversed(ctx.audit.for_breach(breach_id)))


def test_every_kind_of_change_is_an_event_naming_who_and_old_and_new(ctx, seed_doc):  # type: ignore[no-untyped-def]
    ctx.organisation.save(OrganisationProfile(name="Force", dpo_name="Alex Morgan"))
    breach = ctx.breaches.import_document(seed_doc, actor="Alex")
    facts = breach.facts
    ctx.breaches.update_facts(breach.id, replace(facts, subjects_count=62), "Alex")
    ctx.breaches.add_event(breach.id, ctx.clock() - timedelta(hours=1), "Site taken down")
    ctx.attachments.add(breach.id, "shot.png", b"png-bytes", "Alex")
    decide_not_notifiable(ctx, breach.id)
    ctx.organisation.save(OrganisationProfile(name="Force", dpo_name="Alex Morgan",
                                              user_name="Sam Lee"))
    action = ctx.lessons.add_action([breach.id], ActionDraft(
        ActionKind.CORRECTIVE, "Check uploads", "Sam", date(2026, 11, 1)), "Sam")
    ctx.lessons.start_action(action.id, "Sam")
    events = _events(ctx, breach.id)
    kinds = [(e.entity, e.action) for e in events]
    for expected in [("breach", "created"), ("breach", "changed"), ("timeline", "added"),
                     ("attachment", "added"), ("assessment", "created"),
                     ("decision", "created"), ("status", "changed"), ("action", "created"),
                     ("action", "changed")]:
        assert expected in kinds
    edit = next(e for e in events if (e.entity, e.action) == ("breach", "changed"))
    assert [(c.field, c.old, c.new) for c in edit.changes] == [("subjects_count", 61, 62)]
    assert edit.user == "Alex Morgan"  # no user name yet: the DPO
    started = [e for e in events if e.entity == "action"][-1]
    assert started.user == "Sam Lee"
    assert ("status", "open", "in_progress") in [(c.field, c.old, c.new)
                                                 for c in started.changes]
    settings = ctx.audit.settings_history()[0]
    assert ("user_name", "", "Sam Lee") in [(c.field, c.old, c.new) for c in settings.changes]
    assert ctx.backups.check().ok


def test_a_filing_and_the_status_it_moves_are_events(ctx, seed_doc):  # type: ignore[no-untyped-def]
    breach = ctx.breaches.import_document(seed_doc)
    ctx.assessments.assess(breach.id)
    file_report(ctx, breach.id)
    events = _events(ctx, breach.id)
    filing = next(e for e in events if e.entity == "filing")
    assert {c.field for c in filing.changes} >= {"pdf_sha256", "channel", "filed_at"}
    assert any(c.field == "status" and c.new == "notified"
               for e in events if e.entity == "status" for c in e.changes)


def test_a_refused_change_leaves_no_event(ctx, seed_doc):  # type: ignore[no-untyped-def]
    breach = ctx.breaches.import_document(seed_doc)
    before = ctx.audit.count()
    with pytest.raises(Exception):  # noqa: B017 - any refusal
        ctx.breaches.update_facts(breach.id, replace(breach.facts, subjects_count=-1))
    assert ctx.audit.count() == before


def test_events_cannot_be_updated_or_deleted(ctx, seed_doc):  # type: ignore[no-untyped-def]
    ctx.breaches.import_document(seed_doc)
    for sql in ("UPDATE audit_event SET user = 'someone else'", "DELETE FROM audit_event"):
        with pytest.raises(SaveError, match="append-only"), ctx.db.unit() as session:
            session.execute(text(sql))
    assert ctx.backups.check().ok


def _tamper(ctx, *statements: str) -> None:  # type: ignore[no-untyped-def]
    """Change the table as someone with the key and a SQLCipher shell could."""
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_delete")
        for sql in statements:
            conn.exec_driver_sql(sql)


@pytest.mark.parametrize(("statements", "found"), [
    (["UPDATE audit_event SET changes_json = replace(changes_json, '61', '6') "
      "WHERE id = 1"], "audit event 1 was changed"),
    (["DELETE FROM audit_event WHERE id = 2"], "audit event 2 is missing"),
    (["DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)"],
     "were removed"),
    (["UPDATE audit_event SET user = 'X' WHERE id = 3"], "audit event 3 was changed"),
])
def test_verify_names_the_first_broken_link(ctx, seed_doc, statements, found):  # type: ignore[no-untyped-def]
    ctx.breaches.import_document(seed_doc)
    ctx.breaches.add_event(1, ctx.clock(), "Contained")
    _tamper(ctx, *statements)
    report = ctx.backups.check()
    assert not report.ok
    assert any(found in p for p in report.problems), report.problems


def test_the_chain_starts_at_genesis_and_links_each_event(ctx, seed_doc):  # type: ignore[no-untyped-def]
    breach = ctx.breaches.import_document(seed_doc)
    events = _events(ctx, breach.id)
    assert events[0].prev == GENESIS and events[0].seq == 1
    for before, after in zip(events, events[1:], strict=False):
        assert after.prev == before.sha256 and after.seq == before.seq + 1


def test_hook_is_one_call_for_a_new_service(ctx, seed_doc):  # type: ignore[no-untyped-def]
    """How the letters feature will call it: one line inside its unit of work."""
    from model.domain import audit
    from model.services import journal
    from model.storage.orm import BreachRow

    breach = ctx.breaches.import_document(seed_doc)
    with ctx.db.unit() as session:
        row = session.get(BreachRow, breach.id)
        journal.audit(session, "letter", 7, "created", now=ctx.clock(), breach=row,
                      changes=audit.created({"recipient": "R. Jones", "channel": "post"}))
    latest = ctx.audit.for_breach(breach.id)[0]
    assert (latest.entity, latest.entity_id, latest.action) == ("letter", "7", "created")
    assert ctx.backups.check().ok


def test_facts_document_values_round_trip_into_events(ctx):  # type: ignore[no-untyped-def]
    facts = facts_from_document({"schema": "breach-facts/1", "breach_types": ["integrity"],
                                 "data_categories": ["health"],
                                 "confidentiality": {"exposure": "public"}})
    breach = ctx.breaches.create(facts)
    created = _events(ctx, breach.id)[0]
    assert ("confidentiality.exposure", None, "public") in [
        (c.field, c.old, c.new) for c in created.changes]
    ctx.breaches.update_facts(breach.id, replace(facts, summary="Now known"))
    assert ctx.backups.check().ok
