"""The ranges every entry point enforces (the GUI through the services, breach-facts/1
import, `assess`, the register import): whatever the vault stores can be shown, edited,
exported and deleted quickly, so nothing outside these ranges is ever stored.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any

from model.domain.errors import ValidationError

# Moments: a breach, an action or a filing in this range (a placeholder such as
# 0001-01-01 or 9999-12-31 is refused, not stored).
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
EARLIEST_DAY, LATEST_DAY = EARLIEST.date(), LATEST.date()
# People or records affected: the whole world is about 8e9; a register counts at most this.
MAX_COUNT = 1_000_000_000
MAX_HOURS = 1_000_000.0  # exposure or restore time (over a century)
# Text: long answers (a summary, reasons) and one-line answers (a title, a name).
LONG_TEXT = 20_000
LINE_TEXT = 500
# JSON given to import or assess.
MAX_DEPTH = 20
MAX_EXTRA_BYTES = 100_000


def text_problem(value: str, limit: int) -> str | None:
    """Why `value` cannot be stored as text, or None."""
    if len(value) > limit:
        return f"is too long ({len(value):,} characters; at most {limit:,})"
    for ch in value:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return "holds an invalid character (a lone UTF-16 surrogate)"
        if code < 32 and ch not in "\t\n\r":
            return f"holds a control character (U+{code:04X})"
    return None


def check_text(field: str, value: str, limit: int = LINE_TEXT) -> str:
    """`value` when it can be stored; ValidationError naming `field` otherwise."""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    problem = text_problem(value, limit)
    if problem:
        raise ValidationError(field, problem)
    return value


def moment_problem(value: datetime) -> str | None:
    if not EARLIEST <= value < LATEST:
        return (f"is outside the years {EARLIEST.year}-{LATEST.year - 1} "
                f"(got {value.year:04d}); leave it empty if it is not known")
    return None


def check_moment(field: str, value: datetime | None) -> datetime | None:
    if value is not None:
        problem = moment_problem(value)
        if problem:
            raise ValidationError(field, problem)
    return value


def check_day(field: str, value: date | None) -> date | None:
    if value is not None and not EARLIEST_DAY <= value < LATEST_DAY:
        raise ValidationError(field, f"is outside the years {EARLIEST.year}-"
                              f"{LATEST.year - 1} (got {value.year:04d})")
    return value


def count_problem(value: int) -> str | None:
    if value < 0:
        return f"cannot be negative (got {value})"
    if value > MAX_COUNT:
        return f"is above {MAX_COUNT:,} (got {value:.3g})"
    return None


def hours_problem(value: float) -> str | None:
    if not math.isfinite(value):
        return "must be a finite number"
    if value < 0:
        return f"cannot be negative (got {value:g})"
    if value > MAX_HOURS:
        return f"is above {MAX_HOURS:,.0f} hours"
    return None


def json_problem(value: Any, depth: int = 0) -> str | None:
    """Why a JSON value given as an extra property cannot be kept (too deep, not finite,
    invalid text), or None."""
    if depth > MAX_DEPTH:
        return f"is nested more than {MAX_DEPTH} levels deep"
    if isinstance(value, float) and not math.isfinite(value):
        return "holds NaN or Infinity, which JSON does not allow"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**63:
        return "holds a number too large to keep"
    if isinstance(value, str):
        return text_problem(value, LONG_TEXT)
    if isinstance(value, list):
        return next((p for p in (json_problem(v, depth + 1) for v in value) if p), None)
    if isinstance(value, dict):
        for key, item in value.items():
            problem = json_problem(str(key), depth + 1) or json_problem(item, depth + 1)
            if problem:
                return problem
    return None
