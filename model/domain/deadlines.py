"""The notification clock: dated per-regime rules and the deadline they give.

The hours are elapsed hours: a deadline is awareness + N hours in UTC, whatever the
wall clock does (nights, weekends, UK clock changes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from model.domain.clock import require_aware
from model.domain.enums import Regime


@dataclass(frozen=True)
class ClockRule:
    """How long a regime allows to notify the regulator, for awareness on or after a date."""

    regime: Regime
    valid_from: date
    hours: int
    basis: str


# Kept as dated data: a change in the law adds a row, it does not edit code.
CLOCK_RULES: tuple[ClockRule, ...] = (
    ClockRule(Regime.UK_GDPR, date(2018, 5, 25), 72,
              "UK GDPR Art. 33(1): without undue delay and, where feasible, within 72 hours "
              "of becoming aware."),
    ClockRule(Regime.DPA2018_PART3, date(2018, 5, 25), 72,
              "DPA 2018 s.67: without undue delay and, where feasible, within 72 hours of "
              "becoming aware."),
    ClockRule(Regime.PECR, date(2011, 5, 26), 24,
              "PECR reg. 5A with Commission Regulation 611/2013: an initial notice within 24 "
              "hours of detection."),
    ClockRule(Regime.PECR, date(2025, 8, 20), 72,
              "PECR reg. 5A as amended by the Data (Use and Access) Act 2025: within 72 hours "
              "of becoming aware."),
)


def clock_rule(regime: Regime, aware_at: datetime) -> ClockRule:
    """The rule in force for `regime` on the (UK) date the controller became aware."""
    when = require_aware(aware_at, "aware_at").date()
    candidates = [r for r in CLOCK_RULES if r.regime == regime and r.valid_from <= when]
    if not candidates:
        candidates = [min((r for r in CLOCK_RULES if r.regime == regime),
                          key=lambda r: r.valid_from)]
    return max(candidates, key=lambda r: r.valid_from)


def deadline_for(regime: Regime, aware_at: datetime) -> datetime:
    """When the regulator notification is due: awareness plus the rule's elapsed hours, UTC."""
    rule = clock_rule(regime, aware_at)
    return require_aware(aware_at, "aware_at") + timedelta(hours=rule.hours)
