"""Deadline rules and states: elapsed-hour arithmetic across UK clock changes, dated
PECR rules, every state with its boundaries, text, colours and sort order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from model.domain.deadlines import (
    CLOCK_RULES,
    DeadlineState,
    DeadlineStatus,
    clock_rule,
    deadline_for,
    deadline_status,
    format_span,
    reasons_for_delay_required,
    urgency_key,
)
from model.domain.enums import Regime

LONDON = ZoneInfo("Europe/London")
AWARE = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
DEADLINE = AWARE + timedelta(hours=72)


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def status_at(now: datetime, notified_at: datetime | None = None,
              required: bool | None = None) -> DeadlineStatus:
    return deadline_status(Regime.UK_GDPR, AWARE, notified_at, now, required)


# --- Rules and the deadline itself -------------------------------------------------

def test_deadline_crossing_autumn_clock_change_ends_an_hour_earlier_on_the_wall() -> None:
    aware = london(2026, 10, 23, 12, 0)
    assert aware.tzname() == "BST"
    deadline = deadline_for(Regime.UK_GDPR, aware)
    assert deadline == datetime(2026, 10, 26, 11, 0, tzinfo=UTC)
    local = deadline.astimezone(LONDON)
    assert (local.hour, local.minute, local.tzname()) == (11, 0, "GMT")
    assert deadline - aware == timedelta(hours=72)


def test_deadline_crossing_spring_clock_change_ends_an_hour_later_on_the_wall() -> None:
    aware = london(2026, 3, 27, 12, 0)
    assert aware.tzname() == "GMT"
    deadline = deadline_for(Regime.UK_GDPR, aware)
    local = deadline.astimezone(LONDON)
    assert (local.day, local.hour, local.tzname()) == (30, 13, "BST")
    assert deadline == datetime(2026, 3, 30, 12, 0, tzinfo=UTC)


def test_deadline_is_utc_even_for_a_local_input() -> None:
    assert deadline_for(Regime.UK_GDPR, london(2026, 7, 1, 10, 0)).utcoffset() == timedelta(0)


@pytest.mark.parametrize(("aware", "hours"), [
    (london(2025, 8, 19, 12, 0), 24),
    (london(2025, 8, 19, 23, 59), 24),
    (london(2025, 8, 20, 12, 0), 72),
    # 00:30 BST on the 20th is 23:30 UTC on the 19th: the UK date decides.
    (london(2025, 8, 20, 0, 30), 72),
    (london(2012, 1, 1, 12, 0), 24),
])
def test_pecr_rule_depends_on_the_uk_date_of_awareness(aware: datetime, hours: int) -> None:
    assert clock_rule(Regime.PECR, aware).hours == hours
    assert deadline_for(Regime.PECR, aware) - aware == timedelta(hours=hours)


def test_dpa_part3_and_uk_gdpr_are_72_hours() -> None:
    aware = london(2026, 5, 1, 8, 0)
    for regime in (Regime.DPA2018_PART3, Regime.UK_GDPR):
        assert clock_rule(regime, aware).hours == 72
        assert deadline_for(regime, aware) == aware + timedelta(hours=72)
    assert "s.67" in clock_rule(Regime.DPA2018_PART3, aware).basis


def test_awareness_before_the_first_rule_uses_the_earliest_rule() -> None:
    rule = clock_rule(Regime.PECR, london(2005, 1, 1, 9, 0))
    assert rule.hours == 24
    assert rule == min((r for r in CLOCK_RULES if r.regime == Regime.PECR),
                       key=lambda r: r.valid_from)


def test_naive_awareness_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        deadline_for(Regime.UK_GDPR, datetime(2026, 1, 1, 9, 0))


# --- States and boundaries ----------------------------------------------------------

def test_no_clock_without_awareness() -> None:
    st = deadline_status(Regime.UK_GDPR, None, None, AWARE)
    assert (st.state, st.deadline, st.remaining, st.rule) == (
        DeadlineState.NO_CLOCK, None, None, None)
    assert st.text == "No clock: awareness not recorded"
    assert st.colour_key == "grey"


def test_on_time_with_more_than_a_day_left() -> None:
    st = status_at(AWARE + timedelta(hours=2, minutes=30))
    assert st.state is DeadlineState.ON_TIME
    assert st.deadline == DEADLINE
    assert st.remaining == timedelta(hours=69, minutes=30)
    assert st.rule is not None and st.rule.hours == 72
    assert st.text == "2 d 21 h left"
    assert st.colour_key == "green"


def test_exactly_24_hours_left_is_still_on_time() -> None:
    st = status_at(DEADLINE - timedelta(hours=24))
    assert st.state is DeadlineState.ON_TIME
    assert st.text == "1 d left"


def test_one_second_under_24_hours_is_due_soon() -> None:
    st = status_at(DEADLINE - timedelta(hours=24) + timedelta(seconds=1))
    assert st.state is DeadlineState.DUE_SOON
    assert st.text == "Due in 23 h 59 m"
    assert st.colour_key == "amber"


def test_due_soon_text_example() -> None:
    assert status_at(DEADLINE - timedelta(hours=3, minutes=12)).text == "Due in 3 h 12 m"


def test_at_the_deadline_it_is_due_not_overdue() -> None:
    st = status_at(DEADLINE)
    assert st.state is DeadlineState.DUE_SOON
    assert st.remaining == timedelta(0)
    assert st.text == "Due now"


def test_one_second_after_the_deadline_is_overdue() -> None:
    st = status_at(DEADLINE + timedelta(seconds=1))
    assert st.state is DeadlineState.OVERDUE
    assert st.remaining == timedelta(seconds=-1)
    assert st.text == "Overdue by under 1 m"
    assert st.colour_key == "red"


def test_overdue_remaining_is_negative_and_text_counts_up() -> None:
    st = status_at(DEADLINE + timedelta(hours=4, minutes=10))
    assert st.remaining == -timedelta(hours=4, minutes=10)
    assert st.text == "Overdue by 4 h 10 m"
    assert reasons_for_delay_required(st)


def test_notified_exactly_at_the_deadline_is_in_time() -> None:
    st = status_at(DEADLINE + timedelta(days=3), notified_at=DEADLINE)
    assert st.state is DeadlineState.NOTIFIED_IN_TIME
    assert st.remaining == timedelta(0)
    assert st.text == "Notified exactly at the deadline"
    assert not reasons_for_delay_required(st)


def test_notified_before_the_deadline() -> None:
    st = status_at(DEADLINE + timedelta(days=10), notified_at=DEADLINE - timedelta(hours=12))
    assert st.state is DeadlineState.NOTIFIED_IN_TIME
    assert st.remaining == timedelta(hours=12)
    assert st.text == "Notified 12 h before the deadline"
    assert st.colour_key == "green"


def test_notified_one_second_late_is_late_and_needs_reasons() -> None:
    st = status_at(DEADLINE + timedelta(days=1), notified_at=DEADLINE + timedelta(seconds=1))
    assert st.state is DeadlineState.NOTIFIED_LATE
    assert reasons_for_delay_required(st)


def test_notified_late_text() -> None:
    st = status_at(DEADLINE + timedelta(days=1), notified_at=DEADLINE + timedelta(hours=5))
    assert st.remaining == -timedelta(hours=5)
    assert st.text == "Notified 5 h late"
    assert st.colour_key == "amber"


def test_not_required_stops_the_clock_even_when_past_the_deadline() -> None:
    st = status_at(DEADLINE + timedelta(days=5), required=False)
    assert st.state is DeadlineState.NOT_REQUIRED
    assert st.remaining is None
    assert st.deadline == DEADLINE
    assert st.colour_key == "grey"
    assert not reasons_for_delay_required(st)


def test_not_required_without_awareness() -> None:
    st = deadline_status(Regime.UK_GDPR, None, None, AWARE, notification_required=False)
    assert st.state is DeadlineState.NOT_REQUIRED


def test_a_recorded_notification_wins_over_not_required() -> None:
    st = status_at(DEADLINE, notified_at=AWARE + timedelta(hours=1), required=False)
    assert st.state is DeadlineState.NOTIFIED_IN_TIME


def test_required_true_keeps_the_clock_running() -> None:
    assert status_at(DEADLINE + timedelta(hours=1), required=True).state \
        is DeadlineState.OVERDUE


def test_pecr_24_hour_clock_is_due_soon_immediately() -> None:
    aware = london(2025, 8, 1, 9, 0)
    st = deadline_status(Regime.PECR, aware, None, aware + timedelta(hours=1))
    assert st.state is DeadlineState.DUE_SOON
    assert st.text == "Due in 23 h"


def test_every_state_has_a_label() -> None:
    labels = {s: s.label for s in DeadlineState}
    assert labels[DeadlineState.OVERDUE] == "Overdue"
    assert len(set(labels.values())) == len(DeadlineState)


@pytest.mark.parametrize(("span", "text"), [
    (timedelta(days=2, hours=5, minutes=59), "2 d 05 h"),
    (timedelta(days=2), "2 d"),
    (timedelta(hours=3, minutes=12, seconds=59), "3 h 12 m"),
    (timedelta(minutes=45), "45 m"),
    (timedelta(seconds=59), "under 1 m"),
    (-timedelta(hours=1, minutes=1), "1 h 01 m"),
])
def test_format_span(span: timedelta, text: str) -> None:
    assert format_span(span) == text


# --- Sorting -------------------------------------------------------------------------

def test_urgency_key_orders_most_pressing_first() -> None:
    now = DEADLINE
    statuses = {
        "calm": status_at(now - timedelta(hours=60)),
        "soon": status_at(now - timedelta(hours=2)),
        "late_a_bit": status_at(now + timedelta(hours=1)),
        "late_a_lot": status_at(now + timedelta(days=2)),
        "no_clock": deadline_status(Regime.UK_GDPR, None, None, now),
        "notified_late": status_at(now, notified_at=DEADLINE + timedelta(hours=1)),
        "notified": status_at(now, notified_at=AWARE),
        "not_required": status_at(now, required=False),
    }
    order = sorted(statuses, key=lambda k: urgency_key(statuses[k]))
    assert order == ["late_a_lot", "late_a_bit", "soon", "calm", "no_clock",
                     "notified_late", "notified", "not_required"]


def test_status_decides_whether_the_clock_still_runs() -> None:
    from model.domain.deadlines import breach_deadline_status
    from model.domain.enums import BreachStatus

    aware = datetime(2026, 10, 9, 11, 0, tzinfo=UTC)
    late = aware + timedelta(hours=100)
    states = {s: breach_deadline_status(Regime.UK_GDPR, aware, None, s, late).state
              for s in BreachStatus}
    assert states[BreachStatus.OPEN] is DeadlineState.OVERDUE
    assert states[BreachStatus.ASSESSED] is DeadlineState.OVERDUE
    assert states[BreachStatus.NOT_NOTIFIABLE] is DeadlineState.NOT_REQUIRED
    assert states[BreachStatus.CLOSED] is DeadlineState.NOT_REQUIRED
