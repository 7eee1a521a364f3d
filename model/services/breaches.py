"""Breaches: create, edit facts, timeline, status workflow, breach-facts/1 import/export."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.domain.clock import iso_utc, parse_iso, require_aware
from model.domain.enums import BreachStatus, Regime
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.facts import BreachFacts, facts_from_document, facts_to_document
from model.domain.records import Breach, BreachSummary, TimelineEvent
from model.domain.validation import CLOCK_SKEW, check_facts
from model.domain.workflow import check_transition
from model.services.unit import Database
from model.storage.orm import BreachRow, DecisionRow, TimelineRow

EXPORT_KEY = "breach_desk"  # extra property carrying reference, status and timeline


def _facts(row: BreachRow) -> BreachFacts:
    return facts_from_document(json.loads(row.facts_json), strict=False)


def to_breach(row: BreachRow) -> Breach:
    return Breach(id=row.id, reference=row.reference, status=BreachStatus(row.status),
                  facts=_facts(row), notified_at=row.notified_at,
                  created_at=row.created_at, updated_at=row.updated_at)


def to_summary(row: BreachRow) -> BreachSummary:
    return BreachSummary(id=row.id, reference=row.reference, title=row.title,
                         status=BreachStatus(row.status), regime=Regime(row.regime),
                         aware_at=row.aware_at, notified_at=row.notified_at,
                         created_at=row.created_at, updated_at=row.updated_at)


def to_event(row: TimelineRow) -> TimelineEvent:
    return TimelineEvent(id=row.id, breach_id=row.breach_id, at=row.at, kind=row.kind,
                         text=row.text, actor=row.actor, recorded_at=row.recorded_at)


def _store_facts(row: BreachRow, facts: BreachFacts) -> None:
    row.facts_json = json.dumps(facts_to_document(facts), ensure_ascii=False, sort_keys=True)
    row.title = facts.title
    row.regime = facts.regime.value
    row.aware_at = facts.aware_at


def changed_fields(old: BreachFacts, new: BreachFacts) -> list[str]:
    return [f.name for f in fields(BreachFacts)
            if f.name != "extra" and getattr(old, f.name) != getattr(new, f.name)]


class BreachService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------
    def _row(self, session: Session, breach_id: int) -> BreachRow:
        row = session.get(BreachRow, breach_id)
        if row is None:
            raise NotFoundError(f"No breach with id {breach_id}.")
        return row

    def get(self, breach_id: int) -> Breach:
        with self._db.unit() as session:
            return to_breach(self._row(session, breach_id))

    def get_by_reference(self, reference: str) -> Breach:
        with self._db.unit() as session:
            row = session.scalar(select(BreachRow).where(
                BreachRow.reference == reference.strip().upper()))
            if row is None:
                raise NotFoundError(f"No breach with reference {reference}.")
            return to_breach(row)

    def list(self) -> list[BreachSummary]:
        with self._db.unit() as session:
            rows = session.scalars(select(BreachRow).order_by(BreachRow.id)).all()
            return [to_summary(r) for r in rows]

    def count(self) -> int:
        with self._db.unit() as session:
            return int(session.scalar(select(func.count(BreachRow.id))) or 0)

    def timeline(self, breach_id: int) -> list[TimelineEvent]:
        with self._db.unit() as session:
            rows = session.scalars(select(TimelineRow).where(TimelineRow.breach_id == breach_id)
                                   .order_by(TimelineRow.at, TimelineRow.id)).all()
            return [to_event(r) for r in rows]

    # -- writing ---------------------------------------------------------------------
    def _next_reference(self, session: Session, now: datetime) -> str:
        prefix = f"BR-{now.year}-"
        refs = session.scalars(select(BreachRow.reference)
                               .where(BreachRow.reference.like(prefix + "%"))).all()
        numbers = [int(r[len(prefix):]) for r in refs if r[len(prefix):].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:04d}"

    def _add_event(self, session: Session, row: BreachRow, at: datetime, kind: str,
                   text: str, actor: str) -> TimelineRow:
        event = TimelineRow(breach_id=row.id, at=require_aware(at), kind=kind, text=text,
                            actor=actor, recorded_at=self._db.clock())
        session.add(event)
        return event

    def create(self, facts: BreachFacts, actor: str = "",
               status: BreachStatus = BreachStatus.OPEN) -> Breach:
        """A new breach from (possibly incomplete) facts; impossible facts are refused."""
        now = self._db.clock()
        check_facts(facts, now)
        with self._db.unit() as session:
            row = BreachRow(reference=self._next_reference(session, now), status=status.value,
                            created_at=now, updated_at=now)
            _store_facts(row, facts)
            session.add(row)
            session.flush()
            self._add_event(session, row, now, "created",
                            f"Breach recorded as {row.reference}.", actor)
            return to_breach(row)

    def update_facts(self, breach_id: int, facts: BreachFacts, actor: str = "") -> Breach:
        """Save edited facts; the timeline notes which fields changed."""
        now = self._db.clock()
        check_facts(facts, now)
        with self._db.unit() as session:
            row = self._row(session, breach_id)
            self._replace_facts(session, row, facts, now, actor)
            return to_breach(row)

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
            merged = replace(_facts(row), **{name: getattr(edited, name) for name in changed})
            check_facts(merged, now)
            self._replace_facts(session, row, merged, now, actor)
            return to_breach(row)

    def _replace_facts(self, session: Session, row: BreachRow, facts: BreachFacts,
                       now: datetime, actor: str) -> None:
        changed = changed_fields(_facts(row), facts)
        if not changed:
            return
        _store_facts(row, facts)
        row.updated_at = now
        self._add_event(session, row, now, "edit",
                        "Facts updated: " + ", ".join(changed) + ".", actor)

    def add_event(self, breach_id: int, at: datetime, text: str, actor: str = "",
                  kind: str = "action") -> TimelineEvent:
        """Append a timeline entry (e.g. a containment action). Entries are never edited."""
        if not text.strip():
            raise ValidationError("text", "say what was done")
        at = require_aware(at, "time")
        if at > self._db.clock() + CLOCK_SKEW:
            raise ValidationError("at", "cannot be in the future")
        with self._db.unit() as session:
            row = self._row(session, breach_id)
            event = self._add_event(session, row, at, kind, text.strip(), actor)
            row.updated_at = self._db.clock()
            session.flush()
            return to_event(event)

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
            return to_breach(row)

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
        check_facts(facts, now)
        with self._db.unit() as session:
            row = BreachRow(reference=self._next_reference(session, now),
                            status=BreachStatus.OPEN.value, created_at=now, updated_at=now)
            _store_facts(row, facts)
            session.add(row)
            session.flush()
            self._add_event(session, row, now, "created",
                            f"Breach imported from breach-facts/1 as {row.reference}.", actor)
            for at, kind, text, who in events:
                self._add_event(session, row, at, kind, text, who)
            return to_breach(row)


def move_status(session: Session, row: BreachRow, new: BreachStatus, *, actor: str,
                at: datetime, now: datetime, note: str = "") -> None:
    """The one place a breach changes status, inside the caller's unit of work."""
    old = BreachStatus(row.status)
    check_transition(old, new, reason=note)
    if new is BreachStatus.NOT_NOTIFIABLE and not _decided_not_to_notify(session, row):
        raise WorkflowError(
            "A breach becomes 'not notifiable' by recording that decision, with its "
            "reasoning, in the Risk step (Art. 33(5) asks for the reasoning).")
    row.status = new.value
    if new is BreachStatus.NOTIFIED:
        row.notified_at = at
    row.updated_at = now
    text = f"Status: {old.label} → {new.label}. {note}".strip()
    session.add(TimelineRow(breach_id=row.id, at=at, kind="status", text=text, actor=actor,
                            recorded_at=now))


def _decided_not_to_notify(session: Session, row: BreachRow) -> bool:
    latest = session.scalars(select(DecisionRow).where(DecisionRow.breach_id == row.id)
                             .order_by(DecisionRow.id.desc()).limit(1)).first()
    return latest is not None and not latest.notify_ico


def _parse_events(block: Any) -> list[tuple[datetime, str, str, str]]:
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
        out.append((at, str(item.get("kind") or "action"), item["text"],
                    str(item.get("actor") or "")))
    return out


