"""Time helpers: UTC storage, display in the user's zone, an injectable clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Europe/London"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def require_aware(value: datetime, what: str = "time") -> datetime:
    """Return `value` in UTC; refuse a naive datetime (its zone would be a guess)."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"{what} has no time zone; refusing a naive datetime")
    return value.astimezone(UTC)


def to_zone(value: datetime, zone: str = DEFAULT_ZONE) -> datetime:
    """Convert an aware datetime to the display zone."""
    return require_aware(value).astimezone(ZoneInfo(zone))


def format_local(value: datetime | None, zone: str = DEFAULT_ZONE, with_zone: bool = True) -> str:
    """'09 Oct 2026 12:00 BST' style text for display; '' for None."""
    if value is None:
        return ""
    try:
        local = to_zone(value, zone)
    except OverflowError:  # a moment at the edge of the calendar: shown in UTC
        local = require_aware(value)
    text = local.strftime("%d %b %Y %H:%M")
    return f"{text} {local.tzname()}" if with_zone else text


def to_minute(value: datetime) -> datetime:
    """A moment as the user types it: to the minute, seconds dropped."""
    return value.replace(second=0, microsecond=0)


def parse_iso(text: str, what: str = "time") -> datetime:
    """Parse ISO 8601 text with an offset (Z allowed) to aware UTC; ValueError otherwise."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    try:
        return require_aware(value, what)
    except OverflowError:
        raise ValueError(f"{what} is outside the years 1-9999 in UTC") from None


def iso_utc(value: datetime) -> str:
    """ISO 8601 text in UTC with a 'Z'-free explicit offset, seconds precision."""
    return require_aware(value).isoformat(timespec="seconds")
