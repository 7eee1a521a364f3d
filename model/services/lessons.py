"""Lessons and corrective actions: each public call is one unit of work; every change is
noted in the timeline of each breach it touches."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.domain import audit
from model.domain.clock import DEFAULT_ZONE, to_zone
from model.domain.enums import BreachStatus
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.lessons import checks
from model.domain.lessons.records import ActionDraft, CorrectiveAction, Lessons, action_reference
from model.domain.lessons.taxonomy import ActionKind, ActionStatus, Verdict
from model.domain.records import Breach
from model.domain.workflow import near_miss_change_problem
from model.services import journal
from model.services.unit import Database, breach_row
from model.storage import mapping, mapping_lessons
from model.storage.orm import BreachRow, OrganisationRow
from model.storage.orm_lessons import ActionBreachRow, ActionRow, LessonsRow

KIND = "lessons"             # timeline entries about the lessons
ACTION_KIND = "capa"         # timeline entries about corrective and preventive actions
FOLLOW_UP_DAYS = 30          # a follow-up raised by a 'not effective' review is due then


def today_in(session: Session, now: datetime) -> date:
    """The organisation's calendar date at `now` (due dates are calendar dates)."""
    org = session.get(OrganisationRow, 1)
    return to_zone(now, org.time_zone if org else DEFAULT_ZONE).date()


def read_lessons(session: Session, breach_id: int) -> Lessons | None:
    row = session.get(LessonsRow, breach_id)
    return mapping_lessons.to_lessons(row) if row is not None else None


def read_actions(session: Session, breach_id: int | None = None,
                 breaches: Collection[int] | None = None) -> list[CorrectiveAction]:
    """The actions serving one breach, or any of `breaches`, or all, with the breaches each
    serves: plain driver tuples, since the whole register's actions are read for
    statistics and exports and nothing is changed through them."""
    wanted = [breach_id] if breach_id is not None else breaches
    driver = session.connection().connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    raw: list[Any] = []
    link_rows: list[Any] = []
    sql, links_sql = mapping_lessons.ACTION_SQL, mapping_lessons.ACTION_LINKS_SQL
    try:
        if wanted is None:
            raw = cursor.execute(sql).fetchall()
            link_rows = cursor.execute(links_sql).fetchall()
        else:
            ids = sorted(set(wanted))
            for start in range(0, len(ids), 500):  # well inside SQLite's bound variables
                chunk = ids[start:start + 500]
                mine = ("(SELECT action_id FROM action_breach WHERE breach_id IN "
                        f"({', '.join('?' * len(chunk))}))")
                raw += cursor.execute(f"{sql} WHERE id IN {mine}", chunk).fetchall()
                link_rows += cursor.execute(f"{links_sql} WHERE l.action_id IN {mine}",
                                            chunk).fetchall()
    finally:
        cursor.close()
    raw = sorted({row[0]: row for row in raw}.values(), key=lambda row: row[0])
    links: dict[int, list[tuple[int, str]]] = {}
    for action_id, b_id, reference in set(link_rows):
        links.setdefault(action_id, []).append((b_id, reference))
    return mapping_lessons.actions_from_raw(raw, links)


def _changed(old: Lessons | None, new: Lessons) -> list[str]:
    base = old.content() if old else Lessons()
    return [f.name.replace("_", " ") for f in fields(Lessons)
            if f.name not in ("updated_at", "updated_by", "taxonomy_version")
            and getattr(base, f.name) != getattr(new, f.name)]


def _action_values(row: ActionRow) -> dict[str, object]:
    return audit.record_values(mapping_lessons.to_action(row),
                               skip=("id", "breach_ids", "breach_refs"))


class LessonsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- helpers -------------------------------------------------------------------------
    _breach = staticmethod(breach_row)

    @staticmethod
    def _action(session: Session, action_id: int) -> ActionRow:
        row = session.get(ActionRow, action_id)
        if row is None:
            raise NotFoundError(f"No action {action_reference(action_id)}.")
        return row

    @staticmethod
    def _linked(session: Session, action_id: int) -> list[BreachRow]:
        return list(session.scalars(select(BreachRow).join(
            ActionBreachRow, ActionBreachRow.breach_id == BreachRow.id)
            .where(ActionBreachRow.action_id == action_id).order_by(BreachRow.reference)))

    def _note(self, session: Session, breaches: Sequence[BreachRow], text: str,
              actor: str, now: datetime, action: ActionRow | None = None,
              before: dict[str, object] | None = None, what: str = "changed") -> None:
        """The timeline note on each breach served, and (for a change to `action`) the
        audit event with the fields changed since `before`."""
        if action is not None:
            changes = () if before is None else audit.changes_between(
                before, _action_values(action))
            targets: Sequence[BreachRow | None] = breaches or [None]
            for breach in targets:
                journal.audit(session, "action", action_reference(action.id), what, now=now,
                              breach=breach, changes=changes, summary=text[:200])
        for breach in breaches:
            journal.record(session, breach, at=now, kind=ACTION_KIND, text=text, actor=actor,
                           now=now)

    @staticmethod
    def _one(session: Session, action_id: int) -> CorrectiveAction:
        row = session.get(ActionRow, action_id)
        assert row is not None
        links = session.execute(select(BreachRow.id, BreachRow.reference).join(
            ActionBreachRow, ActionBreachRow.breach_id == BreachRow.id)
            .where(ActionBreachRow.action_id == action_id)).all()
        return mapping_lessons.to_action(row, [(b, r) for b, r in links])

    # -- lessons -------------------------------------------------------------------------
    def get(self, breach_id: int) -> Lessons | None:
        with self._db.read() as session:
            self._breach(session, breach_id)
            return read_lessons(session, breach_id)

    def save(self, breach_id: int, lessons: Lessons, actor: str = "") -> Lessons:
        """Store the lessons of a breach (complete or not yet); the timeline says what
        changed. A closed breach is reopened before its lessons change."""
        now = self._db.clock()
        clean = checks.clean_lessons(lessons).content()
        with self._db.unit() as session:
            breach = self._breach(session, breach_id)
            if breach.status == BreachStatus.CLOSED.value:
                raise WorkflowError("The breach is closed: reopen it before changing its "
                                    "lessons.")
            row = session.get(LessonsRow, breach_id)
            old = mapping_lessons.to_lessons(row) if row is not None else None
            changed = _changed(old, clean)
            if not changed:
                return old or clean
            if row is None:
                row = LessonsRow(breach_id=breach_id)
                session.add(row)
            mapping_lessons.store_lessons(row, clean)
            row.updated_at, row.updated_by = now, actor
            journal.audit(session, "lessons", breach.reference, "changed", now=now,
                          breach=breach, changes=audit.changes_between(
                              audit.record_values(old), audit.record_values(clean)),
                          summary="Lessons updated.")
            journal.record(session, breach, at=now, kind=KIND,
                           text="Lessons updated: " + ", ".join(changed) + ".", actor=actor,
                           now=now)
            session.flush()
            return mapping_lessons.to_lessons(row)

    def set_near_miss(self, breach_id: int, near_miss: bool, reason: str,
                      actor: str = "") -> Breach:
        """Record (or withdraw) that no personal data was actually compromised: a near
        miss has no clock and is not notified. The reason goes in the timeline."""
        now = self._db.clock()
        if not reason.strip():
            raise ValidationError("reason", "say why (kept in the timeline)")
        with self._db.unit() as session:
            row = self._breach(session, breach_id)
            if bool(row.near_miss) == near_miss:
                return mapping.to_breach(row)
            problem = near_miss_change_problem(BreachStatus(row.status),
                                               row.notified_at is not None)
            if problem:
                raise WorkflowError(problem)
            row.near_miss = near_miss
            journal.audit(session, "breach", row.reference, "changed", now=now, breach=row,
                          changes=[audit.Change("near_miss", not near_miss, near_miss)],
                          summary="Near miss " + ("recorded." if near_miss else "withdrawn."))
            text = ("Recorded as a near miss: no personal data was actually compromised, so "
                    "there is no clock and no notification. " if near_miss else
                    "No longer a near miss: handled as a breach, with its clock. ")
            journal.record(session, row, at=now, kind=KIND, text=text + reason.strip(),
                           actor=actor, now=now)
            return mapping.to_breach(row)

    # -- actions -------------------------------------------------------------------------
    def actions_for(self, breach_id: int) -> list[CorrectiveAction]:
        with self._db.unit() as session:
            return read_actions(session, breach_id)

    def action(self, action_id: int) -> CorrectiveAction:
        with self._db.unit() as session:
            self._action(session, action_id)
            return self._one(session, action_id)

    def add_action(self, breach_ids: Sequence[int], draft: ActionDraft,
                   actor: str = "") -> CorrectiveAction:
        """A new open action serving the given breaches (none of them closed)."""
        now = self._db.clock()
        if not breach_ids:
            raise ValidationError("breaches", "an action serves at least one breach")
        with self._db.unit() as session:
            breaches = [self._breach(session, b) for b in dict.fromkeys(breach_ids)]
            closed = [b.reference for b in breaches if b.status == BreachStatus.CLOSED.value]
            if closed:
                raise WorkflowError(f"{', '.join(closed)} is closed: reopen it before adding "
                                    "an action.")
            row = self._insert(session, breaches, draft, actor, now, None)
            return self._one(session, row.id)

    def _insert(self, session: Session, breaches: Sequence[BreachRow], draft: ActionDraft,
                actor: str, now: datetime, follow_up_of: int | None) -> ActionRow:
        today = today_in(session, now)
        clean = checks.clean_action(draft, today)
        row = ActionRow(status=ActionStatus.OPEN.value, raised_on=today, created_by=actor,
                        created_at=now, updated_at=now, follow_up_of=follow_up_of)
        mapping_lessons.store_action(row, clean)
        session.add(row)
        session.flush()
        session.add_all(ActionBreachRow(action_id=row.id, breach_id=b.id) for b in breaches)
        due = clean.due_on.strftime("%d %b %Y") if clean.due_on else "no date"
        self._note(session, breaches, f"Action {action_reference(row.id)} raised "
                   f"({clean.kind.label.split(' (')[0].lower()}, owner {clean.owner}, due "
                   f"{due}): {clean.description}", actor, now, row, {}, "created")
        session.flush()
        return row

    def edit_action(self, action_id: int, draft: ActionDraft,
                    actor: str = "") -> CorrectiveAction:
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._action(session, action_id)
            clean = checks.clean_action(draft, today_in(session, now))
            before = mapping_lessons.to_action(row).draft()
            if before == clean:
                return self._one(session, action_id)
            changed = [f.name.replace("_", " ") for f in fields(ActionDraft)
                       if getattr(before, f.name) != getattr(clean, f.name)]
            old = _action_values(row)
            mapping_lessons.store_action(row, clean)
            row.updated_at = now
            self._note(session, self._linked(session, action_id),
                       f"Action {action_reference(action_id)} changed: {', '.join(changed)}.",
                       actor, now, row, old)
            return self._one(session, action_id)

    def start_action(self, action_id: int, actor: str = "") -> CorrectiveAction:
        return self._move(action_id, ActionStatus.IN_PROGRESS, actor, "work started")

    def reopen_action(self, action_id: int, reason: str, actor: str = "") -> CorrectiveAction:
        """Back to open (a done action found incomplete, a risk no longer accepted)."""
        if not reason.strip():
            raise ValidationError("reason", "say why the action is reopened")
        return self._move(action_id, ActionStatus.OPEN, actor, f"reopened: {reason.strip()}")

    def _move(self, action_id: int, status: ActionStatus, actor: str,
              what: str) -> CorrectiveAction:
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._action(session, action_id)
            if row.status == status.value:
                return self._one(session, action_id)
            old = _action_values(row)
            row.status = status.value
            if status is ActionStatus.OPEN:
                row.completed_on, row.verdict, row.reviewed_on = None, None, None
            row.updated_at = now
            self._note(session, self._linked(session, action_id),
                       f"Action {action_reference(action_id)} {what}.", actor, now, row, old)
            return self._one(session, action_id)

    def complete_action(self, action_id: int, completed_on: date | None, evidence: str,
                        actor: str = "") -> CorrectiveAction:
        """Done, with the date and a note of the evidence (files: attachments with owner
        "action:<id>")."""
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._action(session, action_id)
            note = checks.check_done(completed_on, today_in(session, now), evidence)
            old = _action_values(row)
            row.status, row.completed_on, row.evidence_note = (ActionStatus.DONE.value,
                                                               completed_on, note)
            row.wont_do_reason = row.risk_accepted_by = ""
            row.updated_at = now
            self._note(session, self._linked(session, action_id),
                       f"Action {action_reference(action_id)} done on "
                       f"{completed_on:%d %b %Y}. Evidence: {note}", actor, now, row, old)
            return self._one(session, action_id)

    def wont_do(self, action_id: int, reason: str, accepted_by: str,
                actor: str = "") -> CorrectiveAction:
        """Not to be done: the reason, and the named person who accepts the risk."""
        now = self._db.clock()
        reason, accepted_by = checks.check_wont_do(reason, accepted_by)
        with self._db.unit() as session:
            row = self._action(session, action_id)
            old = _action_values(row)
            row.status = ActionStatus.WONT_DO.value
            row.wont_do_reason, row.risk_accepted_by = reason, accepted_by
            row.completed_on = None
            row.updated_at = now
            self._note(session, self._linked(session, action_id),
                       f"Action {action_reference(action_id)} will not be done: {reason} "
                       f"Risk accepted by {accepted_by}.", actor, now, row, old)
            return self._one(session, action_id)

    def review_action(self, action_id: int, verdict: Verdict, reviewed_on: date | None,
                      reviewer: str, note: str = "",
                      actor: str = "") -> tuple[CorrectiveAction, CorrectiveAction | None]:
        """Record whether a done action worked. 'Not effective' raises a follow-up action
        (same breaches and owner, due in 30 days) in the same unit of work."""
        now = self._db.clock()
        with self._db.unit() as session:
            row = self._action(session, action_id)
            today = today_in(session, now)
            current = self._one(session, action_id)
            name = checks.check_review(current, reviewed_on, today, reviewer)
            assert reviewed_on is not None  # checked above
            old = _action_values(row)
            row.verdict, row.reviewed_on, row.reviewed_by = verdict.value, reviewed_on, name
            row.review_note = checks.bounded(note, "review_note", 5_000)
            row.updated_at = now
            breaches = self._linked(session, action_id)
            self._note(session, breaches, f"Action {current.reference} reviewed on "
                       f"{reviewed_on:%d %b %Y} by {name}: {verdict.label.split(' (')[0]}."
                       + (f" {row.review_note}" if row.review_note else ""), actor, now, row,
                       old)
            follow_up = None
            if verdict is Verdict.NOT_EFFECTIVE:
                text = (f"Follow-up of {current.reference}, found not effective"
                        + (f" ({row.review_note.rstrip('.')})" if row.review_note else "")
                        + f": {current.description}")
                draft = ActionDraft(ActionKind.CORRECTIVE, text[:5_000], current.owner,
                                    today + timedelta(days=FOLLOW_UP_DAYS), current.priority,
                                    current.area, current.owner_role, current.addresses)
                added = self._insert(session, breaches, draft, actor, now, action_id)
                follow_up = self._one(session, added.id)
            return self._one(session, action_id), follow_up

    def link_action(self, action_id: int, breach_id: int,
                    actor: str = "") -> CorrectiveAction:
        """Let an existing action serve one more breach (e.g. a repeat incident)."""
        now = self._db.clock()
        with self._db.unit() as session:
            self._action(session, action_id)
            breach = self._breach(session, breach_id)
            if session.get(ActionBreachRow, (action_id, breach_id)) is None:
                session.add(ActionBreachRow(action_id=action_id, breach_id=breach_id))
                self._note(session, [breach], f"Action {action_reference(action_id)} now "
                           "also serves this breach.", actor, now, self._action(
                               session, action_id), None, "linked")
            session.flush()
            return self._one(session, action_id)

    def unlink_action(self, action_id: int, breach_id: int,
                      actor: str = "") -> CorrectiveAction:
        now = self._db.clock()
        with self._db.unit() as session:
            link = session.get(ActionBreachRow, (action_id, breach_id))
            if link is None:
                raise NotFoundError(f"{action_reference(action_id)} does not serve that "
                                    "breach.")
            if len(self._linked(session, action_id)) == 1:
                raise WorkflowError(f"{action_reference(action_id)} serves only this breach; "
                                    "mark it won't do (with a reason) instead.")
            session.delete(link)
            self._note(session, [self._breach(session, breach_id)],
                       f"Action {action_reference(action_id)} no longer serves this breach.",
                       actor, now, self._action(session, action_id), None, "unlinked")
            session.flush()
            return self._one(session, action_id)
