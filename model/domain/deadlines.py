"""The notification clock: dated per-regime rules, the deadline they give and its state.

The hours are elapsed hours: a deadline is awareness + N hours in UTC, whatever the
wall clock does (nights, weekends, UK clock changes). `deadline_status` turns a breach's
awareness and notification moments into what the breach list and workspace show.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

from model.domain.clock import DEFAULT_ZONE, require_aware
from model.domain.enums import BreachStatus, Regime

# Less than this left on the clock (strictly) is "due soon"; exactly 24 h left is on time.
DUE_SOON = timedelta(hours=24)


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
    """The rule in force for `regime` on the UK (Europe/London) date of awareness.

    UK law takes effect on UK calendar days, so 00:30 BST on 20 Aug 2025 (23:30 UTC on
    the 19th) falls under the rule starting on the 20th.
    """
    moment = require_aware(aware_at, "aware_at")
    starts = _rule_starts(regime)
    for start, rule in starts:  # latest first
        if moment >= start:
            return rule
    return starts[-1][1]  # before any rule: the earliest applies


@cache
def _rule_starts(regime: Regime) -> tuple[tuple[datetime, ClockRule], ...]:
    """Each rule of `regime` with the UTC instant its first UK day begins, latest first:
    comparing instants spares a time-zone conversion per breach in a list of thousands."""
    london = ZoneInfo(DEFAULT_ZONE)
    starts = [(datetime.combine(r.valid_from, time(0, 0), london).astimezone(UTC), r)
              for r in CLOCK_RULES if r.regime == regime]
    return tuple(sorted(starts, key=lambda pair: pair[0], reverse=True))


def deadline_for(regime: Regime, aware_at: datetime) -> datetime:
    """When the regulator notification is due: awareness plus the rule's elapsed hours, UTC."""
    rule = clock_rule(regime, aware_at)
    return require_aware(aware_at, "aware_at") + timedelta(hours=rule.hours)


class DeadlineState(StrEnum):
    """Where a breach stands against its regulator clock."""

    NO_CLOCK = "no_clock"
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    NOTIFIED_IN_TIME = "notified_in_time"
    NOTIFIED_LATE = "notified_late"
    NOT_REQUIRED = "not_required"
    NEAR_MISS = "near_miss"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS: dict[DeadlineState, str] = {
    DeadlineState.NO_CLOCK: "No clock (awareness not recorded)",
    DeadlineState.ON_TIME: "On time",
    DeadlineState.DUE_SOON: "Due within 24 hours",
    DeadlineState.OVERDUE: "Overdue",
    DeadlineState.NOTIFIED_IN_TIME: "Notified in time",
    DeadlineState.NOTIFIED_LATE: "Notified late",
    DeadlineState.NOT_REQUIRED: "Notification not required",
    DeadlineState.NEAR_MISS: "Near miss: no clock",
}

_COLOURS: dict[DeadlineState, str] = {
    DeadlineState.NO_CLOCK: "grey",
    DeadlineState.ON_TIME: "green",
    DeadlineState.DUE_SOON: "amber",
    DeadlineState.OVERDUE: "red",
    DeadlineState.NOTIFIED_IN_TIME: "green",
    # Done, but the report must explain the delay: worth a look, not an emergency.
    DeadlineState.NOTIFIED_LATE: "amber",
    DeadlineState.NOT_REQUIRED: "grey",
    DeadlineState.NEAR_MISS: "grey",
}


def format_span(span: timedelta) -> str:
    """A duration as '2 d 05 h', '3 h 12 m', '12 h', '45 m' or 'under 1 m' (sign ignored).

    Rounded down to the minute so the time left is never overstated; a zero trailing
    unit is dropped ('12 h', '2 d').
    """
    minutes = int(abs(span).total_seconds()) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours:02d} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {mins:02d} m" if mins else f"{hours} h"
    return f"{mins} m" if mins else "under 1 m"


@dataclass(frozen=True)
class DeadlineStatus:
    """A breach's deadline, its state and the time left.

    `remaining` is deadline − now while the clock runs (negative when overdue) and
    deadline − notified_at once notified (negative when late); None without a clock.
    """

    deadline: datetime | None
    state: DeadlineState
    remaining: timedelta | None = None
    rule: ClockRule | None = None

    @property
    def text(self) -> str:
        """One short line for the list and the workspace header."""
        span = format_span(self.remaining) if self.remaining is not None else ""
        match self.state:
            case DeadlineState.ON_TIME:
                return f"{span} left"
            case DeadlineState.DUE_SOON:
                return "Due now" if self.remaining == timedelta(0) else f"Due in {span}"
            case DeadlineState.OVERDUE:
                return f"Overdue by {span}"
            case DeadlineState.NOTIFIED_IN_TIME:
                if self.remaining == timedelta(0):
                    return "Notified exactly at the deadline"
                return f"Notified {span} before the deadline"
            case DeadlineState.NOTIFIED_LATE:
                return f"Notified {span} late"
            case DeadlineState.NOT_REQUIRED:
                return "No clock: notification not required"
            case DeadlineState.NEAR_MISS:
                return "No clock: a near miss (no personal data compromised)"
        return "No clock: awareness not recorded"

    @property
    def colour_key(self) -> str:
        """'green', 'amber', 'red' or 'grey': the GUI maps these to its palette."""
        return _COLOURS[self.state]


def _notified_status(deadline: datetime, notified_at: datetime,
                     rule: ClockRule) -> DeadlineStatus:
    margin = deadline - require_aware(notified_at, "notified_at")
    # Notified exactly at the deadline counts as in time: "within 72 hours" includes it.
    in_time = margin >= timedelta(0)
    state = DeadlineState.NOTIFIED_IN_TIME if in_time else DeadlineState.NOTIFIED_LATE
    return DeadlineStatus(deadline, state, margin, rule)


def deadline_status(regime: Regime, aware_at: datetime | None, notified_at: datetime | None,
                    now: datetime, notification_required: bool | None = None,
                    ) -> DeadlineStatus:
    """The deadline state of one breach at `now`.

    `notification_required` is the DPO's decision: False (not notifiable) stops the clock,
    None (not decided yet) and True leave it running. A recorded notification wins over a
    decision not to notify, since it is a fact. Without awareness there is no clock.
    """
    now = require_aware(now, "now")
    if aware_at is None:
        decided_not = notification_required is False and notified_at is None
        state = DeadlineState.NOT_REQUIRED if decided_not else DeadlineState.NO_CLOCK
        return DeadlineStatus(None, state)
    rule = clock_rule(regime, aware_at)
    deadline = require_aware(aware_at, "aware_at") + timedelta(hours=rule.hours)
    if notified_at is not None:
        return _notified_status(deadline, notified_at, rule)
    if notification_required is False:
        return DeadlineStatus(deadline, DeadlineState.NOT_REQUIRED, None, rule)
    remaining = deadline - now
    if remaining < timedelta(0):
        state = DeadlineState.OVERDUE
    elif remaining < DUE_SOON:
        state = DeadlineState.DUE_SOON
    else:
        state = DeadlineState.ON_TIME
    return DeadlineStatus(deadline, state, remaining, rule)


def reasons_for_delay_required(status: DeadlineStatus) -> bool:
    """Whether a notification must give reasons for the delay (Art. 33(1), s.67).

    True once notified late, and also while overdue: any notification made from now on
    will be late, so the draft report must already carry the reasons.
    """
    return status.state in (DeadlineState.NOTIFIED_LATE, DeadlineState.OVERDUE)


_URGENCY_GROUP: dict[DeadlineState, int] = {
    DeadlineState.OVERDUE: 0,
    DeadlineState.DUE_SOON: 1,
    DeadlineState.ON_TIME: 1,
    DeadlineState.NO_CLOCK: 2,
    DeadlineState.NOTIFIED_LATE: 3,
    DeadlineState.NOTIFIED_IN_TIME: 4,
    DeadlineState.NOT_REQUIRED: 5,
    DeadlineState.NEAR_MISS: 6,
}


def urgency_key(status: DeadlineStatus) -> tuple[int, float]:
    """Sort key, most pressing first: the most overdue, then the least time left, then
    no clock, notified late, notified in time and not required."""
    group = _URGENCY_GROUP[status.state]
    if group <= 1 and status.remaining is not None:
        return group, status.remaining.total_seconds()
    return group, 0.0


def required_by_status(status: BreachStatus) -> bool | None:
    """What a breach's status says about the duty to notify: False once decided not
    notifiable (a closed breach never notified stays so); None while undecided."""
    if status in (BreachStatus.NOT_NOTIFIABLE, BreachStatus.CLOSED):
        return False
    return None


def breach_deadline_status(regime: Regime, aware_at: datetime | None,
                           notified_at: datetime | None, status: BreachStatus,
                           now: datetime, near_miss: bool = False) -> DeadlineStatus:
    """The deadline status of a breach as every screen and report shows it. A near miss
    (no personal data actually compromised) has no clock, unless it was notified anyway."""
    if near_miss and notified_at is None:
        return DeadlineStatus(None, DeadlineState.NEAR_MISS)
    return deadline_status(regime, aware_at, notified_at, now, required_by_status(status))


# -- many breaches at once (the breaches list) --------------------------------------------
RUNNING = 0  # ClockKey.group of a running clock: before every stopped one


@dataclass(frozen=True, slots=True)
class ClockKey:
    """Where a breach sorts by urgency, whatever the time: a running clock sorts by its
    deadline (the most overdue and then the least time left come first, at any moment),
    a stopped one by its urgency group. Lets a list of thousands sort and count its clocks
    without working out every breach's status again at each tick."""

    group: int
    deadline: datetime | None = None  # set for a running clock

    @property
    def running(self) -> bool:
        return self.group == RUNNING

    def sort_key(self) -> tuple[int, float]:
        if self.running and self.deadline is not None:
            return RUNNING, self.deadline.timestamp()
        return self.group, 0.0


def clock_key(regime: Regime, aware_at: datetime | None, notified_at: datetime | None,
              status: BreachStatus, near_miss: bool = False) -> ClockKey:
    """The ClockKey of a breach; agrees with urgency_key(breach_deadline_status(...)) at
    every `now` (tests/model/domain/test_clock_key.py checks it with Hypothesis)."""
    if near_miss and notified_at is None:
        return ClockKey(_URGENCY_GROUP[DeadlineState.NEAR_MISS])
    decided_not = required_by_status(status) is False
    if aware_at is None:
        stopped = decided_not and notified_at is None
        return ClockKey(_URGENCY_GROUP[DeadlineState.NOT_REQUIRED if stopped
                                       else DeadlineState.NO_CLOCK])
    deadline = aware_at + timedelta(hours=clock_rule(regime, aware_at).hours)
    if notified_at is not None:
        late = notified_at > deadline
        return ClockKey(_URGENCY_GROUP[DeadlineState.NOTIFIED_LATE if late
                                       else DeadlineState.NOTIFIED_IN_TIME])
    if decided_not:
        return ClockKey(_URGENCY_GROUP[DeadlineState.NOT_REQUIRED])
    return ClockKey(RUNNING, deadline)


def running_counts(deadlines: list[datetime], now: datetime) -> dict[DeadlineState, int]:
    """How many running clocks are overdue, due soon and on time at `now`, from their
    deadlines sorted in ascending order (two binary searches, not a pass over them)."""
    overdue = bisect_left(deadlines, now)               # deadline < now
    soon = bisect_left(deadlines, now + DUE_SOON) - overdue  # now <= deadline < now + 24 h
    return {DeadlineState.OVERDUE: overdue, DeadlineState.DUE_SOON: soon,
            DeadlineState.ON_TIME: len(deadlines) - overdue - soon}
