"""Plain-text formatting shared by document builders: moments, dates, counts, labels."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from model.domain.clock import format_local

NOT_RECORDED = "Not recorded"


def when(value: datetime | None, zone: str) -> str:
    """A moment in the user's zone with the zone named, or 'Not recorded'."""
    return format_local(value, zone) if value is not None else NOT_RECORDED


def day(value: date | None) -> str:
    """A calendar date as '12 Jan 2027', or 'Not recorded'."""
    return value.strftime("%d %b %Y") if value is not None else NOT_RECORDED


def yes_no(value: bool | None) -> str:
    """'Yes', 'No' or 'Not known'."""
    return "Not known" if value is None else ("Yes" if value else "No")


def labels(items: Iterable[StrEnum], empty: str = NOT_RECORDED) -> str:
    """Enum members as their labels, joined with '; '."""
    texts = [str(getattr(item, "label", item)) for item in items]
    return "; ".join(texts) if texts else empty


def count(value: int | None, low: int | None = None) -> str:
    """'61', 'between 40 and 61', 'at least 40' or 'Not known'."""
    if value is None:
        return "Not known" if low is None else f"at least {low:,}"
    if low is not None and low != value:
        return f"between {low:,} and {value:,}"
    return f"{value:,}"


def number(value: float) -> str:
    """4, 0.5, 4.25: no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"
