"""Rows of the people tables become records, and records rows: the one place for both."""

from __future__ import annotations

import json

from model.domain.enums import DataCategory
from model.domain.people.contacts import Channel, ContactRecord, Outcome, PublicNotice
from model.domain.people.letter import SavedLetter, letter_from_document
from model.domain.people.recipients import Recipient, RecipientDraft, address_key
from model.storage.orm_people import ContactRow, LetterRow, NoticeRow, RecipientRow


def to_letter(row: LetterRow) -> SavedLetter:
    return SavedLetter(id=row.id, breach_id=row.breach_id,
                       text=letter_from_document(json.loads(row.text_json)),
                       saved_at=row.saved_at, saved_by=row.saved_by, sha256=row.sha256)


def to_recipient(row: RecipientRow) -> Recipient:
    return Recipient(
        id=row.id, breach_id=row.breach_id, number=row.number, name=row.name,
        lines=tuple(json.loads(row.lines_json)), postcode=row.postcode, email=row.email,
        categories=tuple(DataCategory(c) for c in row.categories.split(",") if c),
        source=row.source, added_at=row.added_at, added_by=row.added_by,
        merged=tuple(m for m in row.merged.split("\n") if m))


def store_recipient(row: RecipientRow, draft: RecipientDraft) -> None:
    """Write a checked draft's fields (and its address key) into `row`."""
    row.name = draft.name
    row.lines_json = json.dumps(list(draft.lines), ensure_ascii=False)
    row.postcode = draft.postcode
    row.email = draft.email
    row.categories = ",".join(c.value for c in draft.categories)
    row.address_key = address_key(draft.lines, draft.postcode)


def draft_of(row: RecipientRow) -> RecipientDraft:
    rec = to_recipient(row)
    return RecipientDraft(rec.name, rec.lines, rec.postcode, rec.email, rec.categories)


def to_contact(row: ContactRow) -> ContactRecord:
    return ContactRecord(id=row.id, breach_id=row.breach_id, recipient_id=row.recipient_id,
                         channel=Channel(row.channel), at=row.at, by=row.by,
                         outcome=Outcome(row.outcome), note=row.note,
                         recorded_at=row.recorded_at, letter_sha256=row.letter_sha256)


def to_notice(row: NoticeRow) -> PublicNotice:
    return PublicNotice(id=row.id, breach_id=row.breach_id, text=row.text, sha256=row.sha256,
                        where=row.where, published_at=row.published_at, reason=row.reason,
                        taken_down_at=row.taken_down_at, recorded_by=row.recorded_by,
                        recorded_at=row.recorded_at)
