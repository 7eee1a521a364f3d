"""The audit trail as data: events (when, who, what, which fields, old and new values),
their hash chain, and the check that finds the first broken link.

Each event's SHA-256 covers its canonical JSON (model.domain.snapshot) including the digest
of the event before it, so editing, removing or reordering any stored event breaks the
chain from there on. It detects changes made outside the app; someone holding the key who
rewrites the whole chain is caught only against a head digest noted elsewhere (`verify`
prints it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from model.domain.snapshot import freeze

GENESIS = "0" * 64


@dataclass(frozen=True)
class Change:
    """One field of one record: its value before and after (None: absent)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: datetime
    user: str
    breach_id: int | None
    entity: str      # "breach", "status", "timeline", "assessment", "decision", ...
    entity_id: str
    action: str      # "created", "changed", "added", "removed", ...
    changes: tuple[Change, ...]
    summary: str
    prev: str
    sha256: str


def plain(value: Any) -> Any:
    """`value` as JSON data: enums by value, moments as UTC ISO text, records as objects."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds") if value.tzinfo \
            else value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)
                if getattr(value, f.name) is not None}
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def record_values(record: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    """The fields of a dataclass record as plain values (the 'new' side of a creation)."""
    if record is None:
        return {}
    left_out = set(skip)
    return {f.name: plain(getattr(record, f.name)) for f in fields(record)
            if f.name not in left_out}


def changes_between(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[Change, ...]:
    """Every field whose plain value differs, in the order the fields first appear."""
    out = []
    for name in dict.fromkeys([*old, *new]):
        before, after = plain(old.get(name)), plain(new.get(name))
        if before != after and not (_empty(before) and _empty(after)):
            out.append(Change(name, before, after))
    return tuple(out)


def flatten(document: Mapping[str, Any]) -> dict[str, Any]:
    """Nested objects one level down as dotted fields ("confidentiality.exposure"), so a
    change names the field that changed, not the whole group."""
    out: dict[str, Any] = {}
    for key, value in document.items():
        if isinstance(value, Mapping) and key != "extra":
            for inner, item in value.items():
                out[f"{key}.{inner}"] = item
        else:
            out[key] = value
    return out


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def created(values: Mapping[str, Any]) -> tuple[Change, ...]:
    """The changes of a new record: every field that holds something, from nothing."""
    return changes_between({}, values)


def event_document(seq: int, at: datetime, user: str, breach_id: int | None, entity: str,
                   entity_id: str, action: str, changes: Iterable[Change], summary: str,
                   prev: str) -> dict[str, Any]:
    """What the digest covers (every stored field but the digest itself)."""
    return {"seq": seq, "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
            "user": user, "breach_id": breach_id, "entity": entity, "entity_id": entity_id,
            "action": action, "changes": [[c.field, c.old, c.new] for c in changes],
            "summary": summary, "prev": prev}


def digest(document: Mapping[str, Any]) -> str:
    return freeze(dict(document)).sha256


def changes_from_json(rows: Any) -> tuple[Change, ...]:
    return tuple(Change(str(r[0]), r[1], r[2]) for r in rows)


def first_broken(events: Iterable[AuditEvent]) -> str | None:
    """The first broken link of the chain, described, or None when it is whole."""
    prev, expected = GENESIS, None
    for event in events:
        if expected is not None and event.seq != expected:
            return (f"audit event {expected}" + (f" to {event.seq - 1}" if event.seq - 1
                                                 > expected else "")
                    + " is missing (removed from the chain)")
        if event.prev != prev:
            return (f"audit event {event.seq} does not follow event {event.seq - 1}: the "
                    "event before it was changed or removed")
        document = event_document(event.seq, event.at, event.user, event.breach_id,
                                  event.entity, event.entity_id, event.action,
                                  event.changes, event.summary, event.prev)
        if digest(document) != event.sha256:
            return f"audit event {event.seq} was changed after it was written"
        prev, expected = event.sha256, event.seq + 1
    return None
