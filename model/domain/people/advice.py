"""The "what you can do" library, held as dated data (advice.json): each paragraph applies
to certain kinds of data or consequences, from a date and until a date, so a letter written
today never points people to a service that has since been replaced."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from model.domain.enums import Consequence, DataCategory

LIBRARY = Path(__file__).with_name("advice.json")
SCHEMA = "breach-desk-advice/1"


@dataclass(frozen=True)
class Advice:
    """One paragraph of advice and when it applies."""

    key: str
    text: str
    categories: frozenset[DataCategory] = frozenset()
    consequences: frozenset[Consequence] = frozenset()
    always: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""

    def current(self, on: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= on)
                and (self.valid_to is None or on <= self.valid_to))

    def applies(self, categories: frozenset[DataCategory],
                consequences: frozenset[Consequence]) -> bool:
        return self.always or bool(self.categories & categories
                                   or self.consequences & consequences)


@dataclass(frozen=True)
class Superseded:
    """A name or address that stopped being right on a date (e.g. Action Fraud)."""

    term: str
    until: date
    now: str


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _advice(item: dict[str, Any]) -> Advice:
    return Advice(key=item["key"], text=item["text"],
                  categories=frozenset(DataCategory(c) for c in item.get("categories", ())),
                  consequences=frozenset(Consequence(c) for c in item.get("consequences", ())),
                  always=bool(item.get("always", False)),
                  valid_from=_date(item.get("valid_from")),
                  valid_to=_date(item.get("valid_to")), source=item.get("source", ""))


@cache
def library() -> tuple[tuple[Advice, ...], tuple[Superseded, ...]]:
    """Every advice item and every superseded term, as shipped (read once)."""
    doc = json.loads(LIBRARY.read_text(encoding="utf-8"))
    if doc.get("schema") != SCHEMA:
        raise ValueError(f"{LIBRARY.name} is not {SCHEMA}")
    items = tuple(_advice(i) for i in doc["items"])
    old = tuple(Superseded(s["term"], date.fromisoformat(s["until"]), s["now"])
                for s in doc.get("superseded", ()))
    return items, old


def advice_for(categories: Iterable[DataCategory], consequences: Iterable[Consequence],
               on: date) -> tuple[Advice, ...]:
    """The advice that fits the data and consequences, current on `on`, in library order."""
    cats, cons = frozenset(categories), frozenset(consequences)
    return tuple(a for a in library()[0] if a.current(on) and a.applies(cats, cons))


def outdated_terms(text: str, on: date) -> list[Superseded]:
    """Names in `text` that were already out of date on `on` (case-insensitive)."""
    lowered = text.lower()
    return [s for s in library()[1] if on > s.until and s.term.lower() in lowered]
