"""Register rules without a database: the ICO's bands, durations, filters, repeats."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from model.domain.enums import BreachStatus, Regime
from model.domain.lessons.taxonomy import Cause, ReportBand
from model.domain.register.rows import (
    ActionsFilter,
    Choice,
    RegisterFilter,
    RegisterRow,
    apply_filter,
    repeat_flags,
)
from model.domain.register.stats import compute, durations, report_band

H = timedelta(hours=1)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
BASE = RegisterRow(id=1, reference="BR-2026-0001", title="Email", status=BreachStatus.OPEN,
                   regime=Regime.UK_GDPR, created_at=T0, discovered_at=T0, aware_at=T0 + H,
                   deadline_at=T0 + 73 * H)


def test_report_bands_follow_the_ico() -> None:
    assert report_band(23 * H) is ReportBand.UNDER_24H
    assert report_band(24 * H) is ReportBand.H24_TO_72
    assert report_band(72 * H) is ReportBand.H24_TO_72
    assert report_band(73 * H) is ReportBand.H72_TO_WEEK
    assert report_band(8 * 24 * H) is ReportBand.OVER_WEEK


def test_durations_median_longest_and_72h() -> None:
    d = durations("x", [10 * H, 80 * H, 30 * H])
    assert d.measured == 3 and d.median == 30 * H and d.longest == 80 * H
    assert d.within_72h == 2
    assert durations("x", []).median is None


def test_filters_and_search() -> None:
    rows = [BASE, replace(BASE, id=2, reference="BR-2026-0002", near_miss=True,
                          title="Near", notified_at=None),
            replace(BASE, id=3, reference="BR-2026-0003", notified_at=T0 + 80 * H,
                    actions_open=2, actions_overdue=1, team="Custody")]
    zone = "Europe/London"
    assert [r.id for r in apply_filter(rows, RegisterFilter(near_miss=Choice.YES), zone)] == [2]
    late = RegisterFilter(within_deadline=Choice.NO)
    assert [r.id for r in apply_filter(rows, late, zone)] == [3]
    overdue = RegisterFilter(actions=ActionsFilter.OVERDUE)
    assert [r.id for r in apply_filter(rows, overdue, zone)] == [3]
    assert [r.id for r in apply_filter(rows, RegisterFilter(text="custody"), zone)] == [3]
    window = RegisterFilter(date_from=date(2026, 3, 2))
    assert apply_filter(rows, window, zone) == []


def test_repeats_within_twelve_months() -> None:
    first = replace(BASE, primary_cause=Cause.HUMAN_ERROR, processor="Acme")
    again = replace(BASE, id=2, reference="BR-2026-0002", discovered_at=T0 + 200 * 24 * H,
                    primary_cause=Cause.HUMAN_ERROR)
    later = replace(BASE, id=3, reference="BR-2027-0001", discovered_at=T0 + 600 * 24 * H,
                    processor="ACME ")
    flags = repeat_flags([later, again, first])
    assert flags == {2: ("same cause as BR-2026-0001",)}


def test_statistics_count_breaches_and_near_misses_apart() -> None:
    reported = replace(BASE, notified_at=T0 + 30 * H, people_told_at=T0 + 40 * H)
    near = replace(BASE, id=2, near_miss=True)
    s = compute([reported, near], {"Health": 1}, [], date(2026, 1, 1), date(2026, 12, 31),
                "Europe/London", date(2026, 10, 10))
    assert (s.breaches, s.near_misses, s.reported, s.people_told) == (1, 1, 1, 1)
    assert s.reported_in_time == 1 and s.share_reported == 1.0
    march = next(m for m in s.by_month if m.label == "Mar")
    assert (march.breaches, march.near_misses) == (1, 1)
    assert [b.value for b in s.bands] == [0, 1, 0, 0]
