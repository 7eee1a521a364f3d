"""How a breach's facts are stored: a versioned storage document, separate from the
breach-facts/1 exchange format so either can change without the other.

The storage document names every BreachFacts attribute as it is ("_v" is its version):
enums by value, moments as UTC ISO text, nested groups as objects. Documents written before
the storage format existed are breach-facts/1 and are still read.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from model.domain.clock import iso_utc, parse_iso
from model.domain.facts import SCHEMA_ID, BreachFacts, facts_from_document

STORAGE_VERSION = 1
VERSION_KEY = "_v"


def _encode(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)
                if getattr(value, f.name) is not None}
    return value


def _default(f: Any) -> Any:
    if f.default is not MISSING:
        return f.default
    return f.default_factory() if f.default_factory is not MISSING else None


def _plain(tp: Any) -> tuple[Any, bool]:
    """(the type inside `X | None`, whether None is allowed)."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    inner, _ = _plain(tp)
    origin = typing.get_origin(inner)
    if origin is tuple:
        item = typing.get_args(inner)[0]
        return tuple(_decode(item, v) for v in value)
    if origin is dict or inner is dict:
        return dict(value)
    if isinstance(inner, type) and issubclass(inner, StrEnum):
        return inner(value)
    if inner is datetime:
        return parse_iso(value)
    if inner is float:
        return float(value)
    if is_dataclass(inner):
        return _decode_dataclass(inner, value)  # type: ignore[arg-type]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode_dataclass(cls: type, doc: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {f.name: _decode(hints[f.name], doc[f.name]) if f.name in doc else _default(f)
              for f in fields(cls)}
    return cls(**kwargs)


def facts_to_storage(facts: BreachFacts) -> dict[str, Any]:
    """The storage document of `facts` (unknown and empty values left out)."""
    doc: dict[str, Any] = {VERSION_KEY: STORAGE_VERSION}
    for f in fields(facts):
        value = getattr(facts, f.name)
        if value is None or value == () or value == "" or (f.name == "extra" and not value):
            continue
        doc[f.name] = _encode(value)
    return doc


def facts_from_storage(doc: dict[str, Any]) -> BreachFacts:
    """Read a storage document, or an older breach-facts/1 one."""
    if doc.get("schema") == SCHEMA_ID and VERSION_KEY not in doc:
        return facts_from_document(doc, strict=False)
    body = {k: v for k, v in doc.items() if k != VERSION_KEY}
    result: BreachFacts = _decode_dataclass(BreachFacts, body)
    return result


def dumps(facts: BreachFacts) -> str:
    """The stored JSON text: keys sorted, so equal facts give equal text."""
    return json.dumps(facts_to_storage(facts), ensure_ascii=False, sort_keys=True)


def loads(text: str) -> BreachFacts:
    return facts_from_storage(json.loads(text))
