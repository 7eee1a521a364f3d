"""The breaches list's shortcut agrees with the full clock: sorting by ClockKey is sorting by
urgency at any moment, and counting running deadlines gives each state's count."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from model.domain.deadlines import (
    DeadlineState,
    breach_deadline_status,
    clock_key,
    running_counts,
    urgency_key,
)
from model.domain.enums import BreachStatus, Regime

BASE = datetime(2025, 8, 18, tzinfo=UTC)  # around the PECR rule change of 20 Aug 2025
moments = st.integers(min_value=-20 * 24 * 60, max_value=20 * 24 * 60).map(
    lambda minutes: BASE + timedelta(minutes=minutes))
breaches = st.tuples(st.sampled_from(Regime), st.none() | moments, st.none() | moments,
                     st.sampled_from(BreachStatus), st.booleans())
RUNNING_STATES = {DeadlineState.OVERDUE, DeadlineState.DUE_SOON, DeadlineState.ON_TIME}


@settings(max_examples=400, deadline=None)
@given(st.lists(breaches, min_size=1, max_size=12), moments)
def test_clock_key_orders_as_urgency_does(items, now) -> None:  # type: ignore[no-untyped-def]
    statuses = [breach_deadline_status(*item[:4], now, item[4]) for item in items]
    keys = [clock_key(*item) for item in items]
    for status, key in zip(statuses, keys, strict=True):
        assert key.running == (status.state in RUNNING_STATES)
        if key.running:
            assert key.deadline == status.deadline
    by_urgency = sorted(range(len(items)), key=lambda i: (urgency_key(statuses[i]), i))
    by_key = sorted(range(len(items)), key=lambda i: (keys[i].sort_key(), i))
    assert [urgency_key(statuses[i]) for i in by_urgency] == \
        [urgency_key(statuses[i]) for i in by_key]


@settings(max_examples=300, deadline=None)
@given(st.lists(moments, max_size=30), moments)
def test_running_counts_match_each_status(awareness, now) -> None:  # type: ignore[no-untyped-def]
    items = [(Regime.UK_GDPR, aware, None, BreachStatus.OPEN, False) for aware in awareness]
    deadlines = sorted(k.deadline for k in (clock_key(*i) for i in items)
                       if k.deadline is not None)
    expected = {state: 0 for state in RUNNING_STATES}
    for item in items:
        expected[breach_deadline_status(*item[:4], now, item[4]).state] += 1
    assert running_counts(deadlines, now) == expected


def test_exactly_at_the_edges() -> None:
    deadline = BASE + timedelta(hours=72)
    assert running_counts([deadline], deadline) == {
        DeadlineState.OVERDUE: 0, DeadlineState.DUE_SOON: 1, DeadlineState.ON_TIME: 0}
    assert running_counts([deadline], deadline + timedelta(microseconds=1))[
        DeadlineState.OVERDUE] == 1
    assert running_counts([deadline], deadline - timedelta(hours=24))[
        DeadlineState.ON_TIME] == 1


def test_notified_at_the_deadline_is_in_time() -> None:
    at = BASE + timedelta(hours=72)
    for notified, state in ((at, DeadlineState.NOTIFIED_IN_TIME),
                            (at + timedelta(minutes=1), DeadlineState.NOTIFIED_LATE)):
        full = breach_deadline_status(Regime.UK_GDPR, BASE, notified, BreachStatus.NOTIFIED,
                                      BASE)
        assert full.state is state
        assert clock_key(Regime.UK_GDPR, BASE, notified, BreachStatus.NOTIFIED).sort_key() \
            == (urgency_key(full)[0], 0.0)
