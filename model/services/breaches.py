"""Breaches: create (with first actions), edit facts, timeline, status workflow, and the
breach-facts/1 import/export."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.domain import audit
from model.domain.clock import iso_utc, parse_iso, require_aware
from model.domain.closing import close_problems
from model.domain.enums import BreachStatus
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.facts import BreachFacts, facts_from_document, facts_to_document
from model.domain.limits import LINE_TEXT, LONG_TEXT, check_moment, check_text
from model.domain.records import Breach, BreachSummary, TimelineEvent
from model.domain.validation import CLOCK_SKEW, check_facts
from model.domain.workflow import check_transition
from model.services import journal
from model.services.cases import read_case
from model.services.unit import Database, breach_row
from model.storage import facts_codec, mapping
from model.storage.orm import BreachRow, BreachTagRow, DecisionRow, TimelineRow
from model.storage.orm_ico import IcoFilingRow

EXPORT_KEY = "breach_desk"  # extra property carrying reference, status and timeline


@dataclass(frozen=True)
class NewEvent:
    """A timeline entry to add (e.g. a containment action typed in the wizard)."""

    at: datetime
    text: str
    actor: str = ""
    kind: str = "action"


def changed_fields(old: BreachFacts, new: BreachFacts) -> list[str]:
    return [f.name for f in fields(BreachFacts)
            if f.name != "extra" and getattr(old, f.name) != getattr(new, f.name)]


def _check_event(event: NewEvent, now: datetime) -> NewEvent:
    check_text("text", event.text, LONG_TEXT)
    check_text("actor", event.actor, LINE_TEXT)
    check_text("kind", event.kind, 32)
    if not event.text.strip():
        raise ValidationError("text", "say what was done")
    at = require_aware(event.at, "time")
    check_moment("at", at)
    if at > now + CLOCK_SKEW:
        raise ValidationError("at", "cannot be in the future")
    return replace(event, at=at, text=event.text.strip())


def facts_values(facts: BreachFacts) -> dict[str, Any]:
    """The facts as audited: the storage document's fields, nested groups flattened."""
    doc = facts_codec.facts_to_storage(facts)
    doc.pop(facts_codec.VERSION_KEY, None)
    return audit.flatten(doc)


class BreachService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------
    _row = staticmethod(breach_row)

    def get(self, breach_id: int) -> Breach:
        with self._db.read() as session:
            return mapping.to_breach(self._row(session, breach_id))

    def get_by_reference(self, reference: str) -> Breach:
        with self._db.read() as session:
            row = session.scalar(select(BreachRow).where(
                BreachRow.reference == reference.strip().upper()))
            if row is None:
                raise NotFoundError(f"No breach with reference {reference}.")
            return mapping.to_breach(row)

    def list(self) -> builtins.list[BreachSummary]:
        """Every breach as a list row: selected columns only, no facts parsed."""
        with self._db.read() as session:
            driver = session.connection().connection.driver_connection
            assert driver is not None
            cursor = driver.cursor()
            try:
                return mapping.summaries(cursor.execute(mapping.SUMMARY_SQL).fetchall())
            finally:
                cursor.close()

    def count_by(self, kind: str) -> dict[str, int]:
        """Breaches per value of a many-valued fact (e.g. 'data_category'): one query."""
        return count_by_tag(self._db, kind)

    def count(self) -> int:
        with self._db.read() as session:
            return int(session.scalar(select(func.count(BreachRow.id))) or 0)

    def timeline(self, breach_id: int) -> builtins.list[TimelineEvent]:
        with self._db.read() as session:
            rows = session.scalars(select(TimelineRow).where(TimelineRow.breach_id == breach_id)
                                   .order_by(TimelineRow.at, TimelineRow.id)).all()
            return [mapping.to_event(r) for r in rows]

    # -- writing ---------------------------------------------------------------------
    @staticmethod
    def _next_reference(session: Session, now: datetime) -> str:
        """The year's next reference, from the highest one (an indexed lookup)."""
        prefix = f"BR-{now.year}-"
        last = session.scalar(select(BreachRow.reference)
                              .where(BreachRow.reference.like(prefix + "%"))
                              .order_by(func.length(BreachRow.reference).desc(),
                                        BreachRow.reference.desc()).limit(1))
        tail = last[len(prefix):] if last else ""
        number = int(tail) if tail.isdigit() else 0
        return f"{prefix}{number + 1:04d}"

    def create(self, facts: BreachFacts, actor: str = "",
               actions: Iterable[NewEvent] = (), note: str = "") -> Breach:
        """A new breach from (possibly incomplete) facts, with its first actions, in one
        transaction: impossible facts or a bad action save nothing at all."""
        now = self._db.clock()
        check_facts(facts, now)
        events = [_check_event(e, now) for e in actions]
        with self._db.unit() as session:
            row = self._insert(session, facts, now)
            text = (note or "Breach recorded as {reference}.").format(reference=row.reference)
            journal.audit(session, "breach", row.reference, "created", now=now, breach=row,
                          changes=audit.created(facts_values(facts)), summary=text)
            journal.record(session, row, at=now, kind="created", text=text, actor=actor,
                           now=now)
            for e in events:
                journal.record(session, row, at=e.at, kind=e.kind, text=e.text,
                               actor=e.actor, now=now)
            session.flush()
            return mapping.to_breach(row)

    def _insert(self, session: Session, facts: BreachFacts, now: datetime) -> BreachRow:
        row = BreachRow(reference=self._next_reference(session, now),
                        status=BreachStatus.OPEN.value, created_at=now, updated_at=now)
        mapping.store_facts(row, facts)
        session.add(row)
        session.flush()
        return row

    def update_facts(self, breach_id: int, facts: BreachFacts, actor: str = "") -> Breach:
        """Save edited facts; the timeline notes which fields changed."""
        now = self._db.clock()
        check_facts(facts, now)
        with self._db.unit() as session:
            row = self._row(session, breach_id)
            self._replace_facts(session, row, facts, now, actor)
            return mapping.to_breach(row)

    def save_changes(self, breach_id: int, base: BreachFacts, edited: BreachFacts,
                     actor: str = "") -> Breach:
        """Apply only what changed from `base` to `edited` onto the stored facts.

        Two screens show overlapping facts (triage and risk): each saves its own edits
        without undoing what the other saved since it loaded `base`.
        """
        now = self._db.clock()
        changed = changed_fields(base, edited)
        with self._db.unit() as session:
            row = self._row(session, breach_id)
            merged = replace(mapping.facts_of(row),
                             **{name: getattr(edited, name) for name in changed})
            check_facts(merged, now)
            self._replace_facts(session, row, merged, now, actor)
            return mapping.to_breach(row)

    def _replace_facts(self, session: Session, row: BreachRow, facts: BreachFacts,
                       now: datetime, actor: str) -> None:
        old = mapping.facts_of(row)
        changed = changed_fields(old, facts)
        if not changed:
            return
        mapping.store_facts(row, facts)
        journal.audit(session, "breach", row.reference, "changed", now=now, breach=row,
                      changes=audit.changes_between(facts_values(old), facts_values(facts)),
                      summary="Facts updated.")
        journal.record(session, row, at=now, kind="edit",
                       text="Facts updated: " + ", ".join(changed) + ".", actor=actor, now=now)

    def add_event(self, breach_id: int, at: datetime, text: str, actor: str = "",
                  kind: str = "action") -> TimelineEvent:
        """Append a timeline entry (e.g. a containment action). Entries are never edited."""
        now = self._db.clock()
        event = _check_event(NewEvent(at, text, actor, kind), now)
        with self._db.unit() as session:
            row = self._row(session, breach_id)
            added = journal.record(session, row, at=event.at, kind=kind, text=event.text,
                                   actor=actor, now=now)
            session.flush()
            return mapping.to_event(added)

    def change_status(self, breach_id: int, new: BreachStatus, actor: str = "",
                      note: str = "", at: datetime | None = None) -> Breach:
        """Move along the workflow; each change is timestamped in the timeline."""
        now = self._db.clock()
        at = require_aware(at, "time") if at is not None else now
        if at > now + CLOCK_SKEW:
            raise ValidationError("at", "cannot be in the future")
        with self._db.unit() as session:
            row = self._row(session, breach_id)
            move_status(session, row, new, actor=actor, at=at, now=now, note=note)
            return mapping.to_breach(row)

    # -- exchange --------------------------------------------------------------------
    def export_document(self, breach_id: int) -> dict[str, Any]:
        """breach-facts/1 with an extra `breach_desk` block: reference, status, timeline."""
        breach = self.get(breach_id)
        for name in ("breach_types", "data_categories"):
            if not getattr(breach.facts, name):
                raise ValidationError(name, "not recorded yet; breach-facts/1 needs at least "
                                      "one. Complete the triage first.")
        doc = facts_to_document(breach.facts)
        doc[EXPORT_KEY] = {
            "reference": breach.reference,
            "status": breach.status.value,
            "notified_at": iso_utc(breach.notified_at) if breach.notified_at else None,
            "timeline": [{"at": iso_utc(e.at), "kind": e.kind, "text": e.text,
                          "actor": e.actor} for e in self.timeline(breach_id)
                         if e.kind not in ("created", "edit")],
        }
        return doc

    def import_document(self, doc: Any, actor: str = "") -> Breach:
        """Create a breach from breach-facts/1; nothing is created if any part is invalid."""
        if isinstance(doc, dict) and EXPORT_KEY in doc:
            doc = dict(doc)
            block = doc.pop(EXPORT_KEY)
        else:
            block = {}
        facts = facts_from_document(doc)
        events = _parse_events(block)
        now = self._db.clock()
        for i, event in enumerate(events):  # each refusal names the entry it is about
            try:
                _check_event(event, now)
            except ValidationError as err:
                raise ValidationError(f"{EXPORT_KEY}.timeline[{i}].{err.field}",
                                      err.rule) from None
        return self.create(facts, actor, events, note="Breach imported from breach-facts/1 "
                           "as {reference}.")


def move_status(session: Session, row: BreachRow, new: BreachStatus, *, actor: str,
                at: datetime, now: datetime, note: str = "") -> None:
    """The one place a breach changes status, inside the caller's unit of work."""
    old = BreachStatus(row.status)
    check_transition(old, new, reason=note, near_miss=bool(row.near_miss))
    if new is BreachStatus.NOT_NOTIFIABLE and not _decided_not_to_notify(session, row):
        raise WorkflowError(
            "A breach becomes 'not notifiable' by recording that decision, with its "
            "reasoning, in the Risk step (the law asks for the reasoning to be recorded).")
    if new is BreachStatus.NOTIFIED and not _filed(session, row):
        raise WorkflowError(
            "A breach becomes notified by recording the report filed with the ICO (ICO "
            "step, 'Record filing…'): how and when it was sent, and the report as sent.")
    if new is BreachStatus.CLOSED:
        problems = close_problems(read_case(session, row.id))
        if problems:
            raise WorkflowError("The breach cannot be closed yet: " + " ".join(problems))
    before = {"status": old.value, "notified_at": row.notified_at}
    row.status = new.value
    if new is BreachStatus.NOTIFIED:
        # The clock stops at the first notification; a reopened breach keeps it.
        row.notified_at = at if row.notified_at is None else min(row.notified_at, at)
    text = f"Status: {old.label} → {new.label}. {note}".strip()
    journal.audit(session, "status", row.reference, "changed", now=now, breach=row,
                  changes=audit.changes_between(
                      before, {"status": new.value, "notified_at": row.notified_at}),
                  summary=text)
    journal.record(session, row, at=at, kind="status", text=text, actor=actor, now=now)


def _filed(session: Session, row: BreachRow) -> bool:
    return session.scalar(select(IcoFilingRow.id).where(IcoFilingRow.breach_id == row.id)
                          .limit(1)) is not None


def _decided_not_to_notify(session: Session, row: BreachRow) -> bool:
    latest = session.scalars(select(DecisionRow).where(DecisionRow.breach_id == row.id)
                             .order_by(DecisionRow.id.desc()).limit(1)).first()
    return latest is not None and not latest.notify_ico


def _parse_events(block: Any) -> list[NewEvent]:
    if not isinstance(block, dict):
        raise ValidationError(EXPORT_KEY, "must be an object")
    items = block.get("timeline") or []
    if not isinstance(items, list):
        raise ValidationError(f"{EXPORT_KEY}.timeline", "must be a list")
    out = []
    for i, item in enumerate(items):
        path = f"{EXPORT_KEY}.timeline[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValidationError(path, "must be an object with at, kind and text")
        try:
            at = parse_iso(str(item.get("at")), path)
        except ValueError:
            raise ValidationError(f"{path}.at", "must be an ISO 8601 date-time with offset") \
                from None
        out.append(NewEvent(at, item["text"], str(item.get("actor") or ""),
                            str(item.get("kind") or "action")))
    return out


def count_by_tag(db: Database, kind: str) -> dict[str, int]:
    """How many breaches carry each value of a many-valued fact ('data_category',
    'breach_type', 'subject_category', 'consequence'): one SQL query, no JSON parsed."""
    with db.unit() as session:
        rows = session.execute(select(BreachTagRow.value, func.count())
                               .where(BreachTagRow.kind == kind)
                               .group_by(BreachTagRow.value)).all()
        return {value: int(n) for value, n in rows}
