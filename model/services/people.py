"""Telling the people affected: the letter and notice texts, the letters the merge prints,
the contact log and the public notices. Each public call is one unit of work."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select

from model.domain import audit
from model.domain.clock import require_aware, to_zone
from model.domain.decision import MIN_REASON
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.people import telling
from model.domain.people.contacts import Channel, ContactRecord, Outcome, PublicNotice
from model.domain.people.letter import (
    LetterText,
    SavedLetter,
    check_lengths,
    letter_to_document,
    notice_problems,
)
from model.domain.people.prefill import current_text, saved_text
from model.domain.people.printed import PrintedLetter, printed_letter
from model.domain.people.recipients import Recipient, clean
from model.domain.snapshot import freeze
from model.domain.validation import CLOCK_SKEW
from model.services import journal
from model.services.cases import CaseService, read_case
from model.services.unit import Database, breach_row
from model.storage import mapping_people as m
from model.storage.orm_people import ContactRow, LetterRow, NoticeRow, RecipientRow

MAX_NOTE = 2_000
MAX_WHERE = 500


_breach = breach_row


def _moment(at: datetime, now: datetime, what: str) -> datetime:
    try:
        at = require_aware(at, what)
    except ValueError as err:
        raise ValidationError(what, str(err)) from None
    if at > now + CLOCK_SKEW:
        raise ValidationError(what, "cannot be in the future")
    return at


class PeopleService:
    def __init__(self, db: Database, cases: CaseService) -> None:
        self._db = db
        self._cases = cases

    def today(self, zone: str) -> date:
        return to_zone(self._db.clock(), zone).date()

    # -- the letter and the notice -------------------------------------------------------
    def save_letter(self, breach_id: int, letter: LetterText, actor: str = "") -> SavedLetter:
        """Keep the letter (or the notice) as edited; the stored text is replaced."""
        check_lengths(letter)
        kind = "notice" if letter.variant.is_notice else "letter"
        snapshot = freeze(letter_to_document(letter))
        now = self._db.clock()
        with self._db.unit() as session:
            breach = _breach(session, breach_id)
            row = session.scalar(select(LetterRow).where(LetterRow.breach_id == breach_id,
                                                         LetterRow.kind == kind))
            if row is None:
                row = LetterRow(breach_id=breach_id, kind=kind)
                session.add(row)
            elif row.sha256 == snapshot.sha256:
                return m.to_letter(row)
            before = {"sha256": row.sha256 or ""}
            row.text_json, row.sha256 = snapshot.text, snapshot.sha256
            row.saved_at, row.saved_by = now, actor
            journal.audit(session, kind, breach.reference, "saved", now=now, breach=breach,
                          changes=audit.changes_between(before, {
                              "sha256": snapshot.sha256, "variant": letter.variant.label}))
            what = "public notice" if kind == "notice" else "letter to the people affected"
            journal.record(session, breach, at=now, kind="people", actor=actor, now=now,
                           text=f"The {what} saved ({letter.variant.label}).")
            session.flush()
            return m.to_letter(row)

    def printed(self, breach_id: int, notice: bool = False,
                recipient_ids: Iterable[int] | None = None) -> tuple[PrintedLetter, ...]:
        """The letters to print: one per recipient (all, or those given, in number
        order), the sample letter when there are none, or the notice."""
        case = self._cases.load(breach_id)
        on = self.today(case.zone)
        text = current_text(case, notice, on)
        if notice:
            return (printed_letter(case, text, None, on),)
        wanted = set(recipient_ids) if recipient_ids is not None else None
        chosen = [r for r in case.recipients if wanted is None or r.id in wanted]
        return tuple(printed_letter(case, text, r, on) for r in chosen)

    def printed_for(self, breach_id: int, recipients: Iterable[Recipient],
                    notice: bool = False) -> tuple[PrintedLetter, ...]:
        """Letters for recipients that are not stored (e.g. a CSV given on the command
        line), from the breach's letter."""
        case = self._cases.load(breach_id)
        on = self.today(case.zone)
        text = current_text(case, notice, on)
        return tuple(printed_letter(case, text, r, on) for r in recipients)

    # -- the contact log -----------------------------------------------------------------
    def record_contacts(self, breach_id: int, recipient_ids: Iterable[int], channel: Channel,
                        at: datetime, by: str, outcome: Outcome, note: str = "",
                        actor: str = "") -> tuple[ContactRecord, ...]:
        """One entry per recipient (one attempt each, same channel, time and outcome)."""
        ids = list(dict.fromkeys(recipient_ids))
        if not ids:
            raise ValidationError("recipients", "choose at least one recipient")
        by, note = clean(by), note.strip()
        if not by:
            raise ValidationError("by", "say who told them")
        if len(note) > MAX_NOTE:
            raise ValidationError("note", f"is longer than {MAX_NOTE:,} characters")
        now = self._db.clock()
        at = _moment(at, now, "when")
        with self._db.unit() as session:
            breach = _breach(session, breach_id)
            rows = session.scalars(select(RecipientRow).where(
                RecipientRow.breach_id == breach_id, RecipientRow.id.in_(ids))).all()
            if len(rows) != len(ids):
                raise NotFoundError("Some of those recipients are not on this breach's list.")
            saved = session.scalar(select(LetterRow.sha256).where(
                LetterRow.breach_id == breach_id, LetterRow.kind == "letter"))
            sha = saved or "" if channel in (Channel.POST, Channel.EMAIL) else ""
            added = [ContactRow(breach_id=breach_id, recipient_id=r.id, channel=channel.value,
                                at=at, by=by, outcome=outcome.value, note=note,
                                letter_sha256=sha, recorded_at=now, recorded_by=actor)
                     for r in sorted(rows, key=lambda r: r.number)]
            session.add_all(added)
            journal.audit(session, "contact", breach.reference, "recorded", now=now,
                          breach=breach, changes=audit.changes_between({}, {
                              "recipients": [r.number for r in sorted(rows,
                                                                      key=lambda r: r.number)],
                              "channel": channel.value, "at": at, "by": by,
                              "outcome": outcome.value, "note": note,
                              "letter_sha256": sha}))
            count = f"{len(added)} recipient{'s' if len(added) != 1 else ''}"
            journal.record(session, breach, at=at, kind="people_contact", actor=actor, now=now,
                           text=f"{count} by {channel.label.lower()} "
                                f"({outcome.label.lower()}), by {by}.")
            session.flush()
            return tuple(m.to_contact(r) for r in added)

    # -- public notices ------------------------------------------------------------------
    def publish_notice(self, breach_id: int, where: str, published_at: datetime,
                       reason: str, actor: str = "") -> PublicNotice:
        """Record that the saved notice was published: its text frozen with where and
        when, and why writing to each person would be disproportionate."""
        where, reason = clean(where), " ".join(reason.split())
        if not where or len(where) > MAX_WHERE:
            raise ValidationError("where", "say where it was published (a web address or "
                                  f"the paper and page), in {MAX_WHERE} characters at most")
        if len(reason) < MIN_REASON:
            raise ValidationError("reason", "say why writing to each person would be "
                                  f"disproportionate (at least {MIN_REASON} characters)")
        now = self._db.clock()
        published_at = _moment(published_at, now, "published")
        with self._db.unit() as session:
            breach = _breach(session, breach_id)
            case = read_case(session, breach_id)
            notice = saved_text(case, notice=True)
            if notice is None:
                raise WorkflowError("Save the public notice first: what is published is the "
                                    "saved text.")
            problems = notice_problems(notice, case.recipients,
                                       to_zone(now, case.zone).date())
            if problems:
                raise ValidationError("notice", problems[0])
            printed = printed_letter(case, notice, None, to_zone(published_at, case.zone).date())
            snapshot = freeze({"notice": letter_to_document(notice), "text": printed.text(),
                               "where": where, "published_at": published_at.isoformat()})
            row = NoticeRow(breach_id=breach_id, text=snapshot.text, sha256=snapshot.sha256,
                            where=where, published_at=published_at, reason=reason,
                            recorded_at=now, recorded_by=actor)
            session.add(row)
            session.flush()
            journal.audit(session, "notice", row.id, "published", now=now, breach=breach,
                          changes=audit.changes_between({}, {
                              "where": where, "published_at": published_at,
                              "sha256": snapshot.sha256, "reason": reason}))
            journal.record(session, breach, at=published_at, kind="people_notice", now=now,
                           actor=actor, text=f"published on {where} (SHA-256 "
                                             f"{snapshot.sha256[:12]}…).")
            session.flush()
            return m.to_notice(row)

    def take_down_notice(self, notice_id: int, at: datetime, actor: str = "") -> PublicNotice:
        now = self._db.clock()
        at = _moment(at, now, "taken down")
        with self._db.unit() as session:
            row = session.get(NoticeRow, notice_id)
            if row is None:
                raise NotFoundError(f"No public notice with id {notice_id}.")
            if row.taken_down_at is not None:
                raise WorkflowError("That notice is already recorded as taken down.")
            if at < row.published_at:
                raise ValidationError("taken down", "is before the notice was published")
            row.taken_down_at = at
            journal.audit(session, "notice", row.id, "taken down", now=now,
                          breach=row.breach_id,
                          changes=audit.changes_between({}, {"taken_down_at": at}))
            journal.record(session, _breach(session, row.breach_id), at=at, now=now,
                           kind="people_notice", actor=actor,
                           text=f"taken down from {row.where}.")
            return m.to_notice(row)

    # -- what the ICO follow-up reads ----------------------------------------------------
    def told_answer(self, breach_id: int) -> telling.ToldAnswer:
        """The answer to "Have you told data subjects about the breach?" with evidence."""
        return telling.told_answer(self._cases.load(breach_id))

