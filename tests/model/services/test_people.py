"""The people services in one unit of work each: recipients (all rows or none), the
letter kept, the contact log, public notices frozen with their digest, closing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from model.domain.enums import BreachStatus
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.lessons.milestones import people_told_at
from model.domain.people.contacts import Channel, Outcome
from model.domain.people.letter import Variant
from model.domain.people.prefill import current_text, prefill
from model.domain.people.recipients import RecipientDraft
from model.domain.people.telling import ToldOption
from model.domain.snapshot import Snapshot
from model.services.recipients import ImportRefusedError
from model.storage.orm_people import RecipientRow
from tests.conftest import file_report
from tests.lessons_helpers import complete_lessons
from tests.model.services.people_helpers import recipients_csv, seed_breach


def count(ctx: Any) -> int:
    with ctx.db.unit() as session:
        return int(session.scalar(select(func.count(RecipientRow.id))))


def test_import_is_all_or_nothing(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc)
    data = recipients_csv(61, bad=2)
    preview = ctx.recipients.preview(breach_id, data)
    assert len(preview.problems) == 2 and len(preview.rows) == 61
    with pytest.raises(ImportRefusedError) as err:
        ctx.recipients.import_csv(breach_id, data, preview.mapping, "r.csv")
    assert len(err.value.problems) == 2 and "Nothing was imported" in str(err.value)
    assert count(ctx) == 0
    good = recipients_csv(61)
    result = ctx.recipients.import_csv(breach_id, good, preview.mapping, "r.csv", "Alex")
    assert (result.added, result.merged) == (61, 0) and count(ctx) == 61
    case = ctx.cases.load(breach_id)
    assert [r.number for r in case.recipients] == list(range(1, 62))
    assert any("61 added" in e.text for e in case.timeline)


def test_a_second_import_merges_by_address(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=5)
    again = (b"Name,Address,Postcode\r\nNew Person,3 mill lane,nt43ab\r\n"
             b"Other,1 New Road,NT1 1AB\r\n")
    preview = ctx.recipients.preview(breach_id, again)
    assert [r.existing for r in preview.rows] == [3, None]
    result = ctx.recipients.import_csv(breach_id, again, preview.mapping, "more.csv")
    assert (result.added, result.merged) == (1, 1)
    third = ctx.cases.load(breach_id).recipients[2]
    assert third.name == "Resident 3 and New Person" and third.merged


def test_typed_recipients_check_merge_edit_remove(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc)
    with pytest.raises(ValidationError):
        ctx.recipients.add(breach_id, RecipientDraft("Ann", ("1 Road",), "nope"))
    ann, merged = ctx.recipients.add(breach_id, RecipientDraft("Ann", ("1 Road",), "NT1 1AB"))
    assert not merged and ann.number == 1 and ann.source == "typed in"
    bob, merged = ctx.recipients.add(breach_id, RecipientDraft("Bob", ("1 road",), "nt11ab"))
    assert merged and bob.id == ann.id and bob.name == "Ann and Bob"
    cat, _ = ctx.recipients.add(breach_id, RecipientDraft("Cat", ("2 Road",), "NT1 1AB"))
    with pytest.raises(ValidationError, match="recipient no. 1"):
        ctx.recipients.update(cat.id, RecipientDraft("Cat", ("1 Road",), "NT1 1AB"))
    moved = ctx.recipients.update(cat.id, RecipientDraft("Cat", ("3 Road",), "NT1 1AB"))
    assert moved.lines == ("3 Road",)
    ctx.people.record_contacts(breach_id, [ann.id], Channel.POST, ctx.clock(), "Alex",
                               Outcome.DELIVERED)
    with pytest.raises(WorkflowError, match="evidence"):
        ctx.recipients.remove(ann.id)
    ctx.recipients.remove(cat.id)
    assert [r.name for r in ctx.cases.load(breach_id).recipients] == ["Ann and Bob"]


def test_letter_saved_once_per_text(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc)
    case = ctx.cases.load(breach_id)
    today = ctx.people.today(case.zone)
    letter = prefill(case, Variant.PART3, today).with_text("closing", "Sorry.")
    saved = ctx.people.save_letter(breach_id, letter, "Alex")
    again = ctx.people.save_letter(breach_id, letter, "Alex")
    assert saved.id == again.id and saved.sha256 == again.sha256 and len(saved.sha256) == 64
    case = ctx.cases.load(breach_id)
    assert current_text(case, False, today) == letter
    assert sum("letter to the people affected saved" in e.text for e in case.timeline) == 1
    notice = prefill(case, Variant.PUBLIC_NOTICE, today)
    ctx.people.save_letter(breach_id, notice)
    assert len(ctx.cases.load(breach_id).letters) == 2
    with pytest.raises(ValidationError):
        ctx.people.save_letter(breach_id, letter.with_text("happened", "x" * 20_001))


def test_contact_log_checks_its_input(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=3)
    ids = [r.id for r in ctx.cases.load(breach_id).recipients]
    now = ctx.clock()
    with pytest.raises(ValidationError, match="future"):
        ctx.people.record_contacts(breach_id, ids, Channel.POST, now + timedelta(hours=1),
                                   "Alex", Outcome.DELIVERED)
    with pytest.raises(ValidationError, match="who told them"):
        ctx.people.record_contacts(breach_id, ids, Channel.POST, now, " ", Outcome.DELIVERED)
    with pytest.raises(ValidationError):
        ctx.people.record_contacts(breach_id, [], Channel.POST, now, "Alex", Outcome.DELIVERED)
    other = seed_breach(ctx, seed_doc, recipients=1, decide=False)
    stranger = ctx.cases.load(other).recipients[0].id
    with pytest.raises(NotFoundError):
        ctx.people.record_contacts(breach_id, [*ids, stranger], Channel.POST, now, "Alex",
                                   Outcome.DELIVERED)
    assert ctx.cases.load(breach_id).contacts == ()


def test_posted_letters_carry_the_saved_letters_digest(ctx: Any,
                                                       seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=2)
    case = ctx.cases.load(breach_id)
    saved = ctx.people.save_letter(breach_id, current_text(case, False,
                                                           ctx.people.today(case.zone)))
    ids = [r.id for r in case.recipients]
    posted = ctx.people.record_contacts(breach_id, ids, Channel.POST, ctx.clock(), "Alex",
                                        Outcome.DELIVERED)
    phoned = ctx.people.record_contacts(breach_id, ids[:1], Channel.PHONE, ctx.clock(), "Alex",
                                        Outcome.DELIVERED)
    assert {c.letter_sha256 for c in posted} == {saved.sha256} and phoned[0].letter_sha256 == ""


def test_public_notice_frozen_and_taken_down(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=1)
    now = ctx.clock()
    reason = "No addresses are held for many of the people named on the pages."
    with pytest.raises(WorkflowError, match="Save the public notice first"):
        ctx.people.publish_notice(breach_id, "https://example.police.uk/n", now, reason)
    case = ctx.cases.load(breach_id)
    notice = prefill(case, Variant.PUBLIC_NOTICE, ctx.people.today(case.zone))
    ctx.people.save_letter(breach_id, notice.with_text("happened", "Resident 1 was named."))
    with pytest.raises(ValidationError, match="no personal data"):
        ctx.people.publish_notice(breach_id, "https://example.police.uk/n", now, reason)
    ctx.people.save_letter(breach_id, notice)
    with pytest.raises(ValidationError, match="disproportionate"):
        ctx.people.publish_notice(breach_id, "https://example.police.uk/n", now, "too short")
    published = ctx.people.publish_notice(breach_id, "https://example.police.uk/n",
                                          now - timedelta(hours=2), reason, "Alex")
    assert Snapshot(published.text, published.sha256).verify()
    assert "https://example.police.uk/n" in published.text and "61 people" in published.text
    with pytest.raises(ValidationError, match="before"):
        ctx.people.take_down_notice(published.id, now - timedelta(hours=3))
    down = ctx.people.take_down_notice(published.id, now, "Alex")
    assert down.taken_down_at == now and not down.live(now)
    with pytest.raises(WorkflowError):
        ctx.people.take_down_notice(published.id, now)


def test_closing_reads_the_contact_log(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=4)
    file_report(ctx, breach_id)
    complete_lessons(ctx, breach_id)
    with pytest.raises(WorkflowError, match="4 of 4 recipients have no record"):
        ctx.breaches.change_status(breach_id, BreachStatus.CLOSED, "Alex")
    ids = [r.id for r in ctx.cases.load(breach_id).recipients]
    ctx.people.record_contacts(breach_id, ids, Channel.POST, ctx.clock(), "Alex",
                               Outcome.DELIVERED)
    assert ctx.people.told_answer(breach_id).option is ToldOption.YES
    # The register and the lessons read the same moment: the first letter delivered.
    row = next(r for r in ctx.register.rows() if r.id == breach_id)
    assert row.people_told_at == people_told_at(ctx.cases.load(breach_id))
    assert row.people_told_at is not None
    # The ICO follow-up's "Have you told data subjects?" answers from the same record.
    report = ctx.ico.draft(breach_id).text()
    assert "Yes, we've told affected data subjects" in report
    assert "4 recipients contacted by post" in report
    assert ctx.breaches.change_status(breach_id, BreachStatus.CLOSED, "Alex").status \
        is BreachStatus.CLOSED


def test_printed_letters_for_the_merge(ctx: Any, seed_doc: dict[str, Any]) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=3)
    letters = ctx.people.printed(breach_id)
    assert [p.reference for p in letters] == [f"BR-2026-0001-00{i}" for i in (1, 2, 3)]
    assert letters[0].greeting == "Dear Resident 1,"
    chosen = ctx.people.printed(breach_id, recipient_ids=[ctx.cases.load(breach_id)
                                                          .recipients[1].id])
    assert len(chosen) == 1 and chosen[0].greeting == "Dear Resident 2,"
    assert ctx.people.printed(breach_id, notice=True)[0].address is None


def test_telling_the_people_is_in_the_audit_trail(ctx: Any, seed_doc: dict[str, Any]) -> None:
    """Every change the people step makes is an audit event, and the chain stays whole."""
    breach_id = seed_breach(ctx, seed_doc, recipients=3)
    case = ctx.cases.load(breach_id)
    ctx.people.save_letter(breach_id, current_text(case, False, ctx.clock().date()), "Alex")
    first = case.recipients[0]
    ctx.recipients.update(first.id, RecipientDraft(first.name, ("2 New Road",), "NT1 1AB"),
                          "Alex")
    ctx.people.record_contacts(breach_id, [r.id for r in case.recipients], Channel.POST,
                               ctx.clock(), "Alex", Outcome.DELIVERED)
    extra, _merged = ctx.recipients.add(breach_id, RecipientDraft("Late", ("9 Hill",),
                                                                  "NT2 2AB"), "Alex")
    ctx.recipients.remove(extra.id, "Alex")
    events = [(e.entity, e.action) for e in reversed(ctx.audit.for_breach(breach_id))]
    for expected in (("recipients", "imported"), ("letter", "saved"),
                     ("recipient", "changed"), ("contact", "recorded"),
                     ("recipient", "added"), ("recipient", "removed")):
        assert expected in events
    edited = next(e for e in ctx.audit.for_breach(breach_id)
                  if (e.entity, e.action) == ("recipient", "changed"))
    assert any(c.field == "lines" for c in edited.changes)
    assert ctx.backups.check().ok
