"""Statistics for a DPO and a board, as pure functions over register rows and actions:
counts by period and category, shares told, times between stages with the ICO's bands."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from model.domain.clock import to_zone
from model.domain.lessons.records import CorrectiveAction
from model.domain.lessons.taxonomy import CYBER_TYPES, SHORT_CAUSE, ReportBand, Verdict
from model.domain.register.rows import RegisterRow

H72 = timedelta(hours=72)


def report_band(span: timedelta) -> ReportBand:
    """The ICO's band for the time from discovery to the report."""
    if span < timedelta(hours=24):
        return ReportBand.UNDER_24H
    if span <= H72:
        return ReportBand.H24_TO_72
    if span <= timedelta(days=7):
        return ReportBand.H72_TO_WEEK
    return ReportBand.OVER_WEEK


@dataclass(frozen=True)
class Durations:
    """How long one stage took across breaches: how many were measured, the median and
    the longest, and (for reporting) how many fell within 72 hours."""

    label: str
    measured: int
    median: timedelta | None
    longest: timedelta | None
    within_72h: int = 0


def durations(label: str, spans: Iterable[timedelta]) -> Durations:
    values = sorted(s for s in spans if s >= timedelta(0))
    if not values:
        return Durations(label, 0, None, None)
    middle = timedelta(seconds=median(v.total_seconds() for v in values))
    return Durations(label, len(values), middle, values[-1],
                     sum(1 for v in values if v <= H72))


@dataclass(frozen=True)
class Count:
    label: str
    value: int


@dataclass(frozen=True)
class PeriodCount:
    label: str
    breaches: int
    near_misses: int


@dataclass(frozen=True)
class ActionCounts:
    total: int = 0
    open: int = 0
    overdue: int = 0
    done: int = 0
    wont_do: int = 0
    reviewed: int = 0
    effective: int = 0
    partly: int = 0
    not_effective: int = 0


@dataclass(frozen=True)
class Statistics:
    date_from: date
    date_to: date
    breaches: int
    near_misses: int
    reported: int
    reported_in_time: int
    people_told: int
    cyber: int
    repeats: int
    by_month: tuple[PeriodCount, ...]
    by_quarter: tuple[PeriodCount, ...]
    by_incident_type: tuple[Count, ...]
    by_cause: tuple[Count, ...]
    by_regime: tuple[Count, ...]
    by_data_category: tuple[Count, ...]
    detection: Durations
    awareness: Durations
    reporting: Durations
    bands: tuple[Count, ...]
    actions: ActionCounts

    @property
    def share_reported(self) -> float | None:
        return self.reported / self.breaches if self.breaches else None

    @property
    def share_told(self) -> float | None:
        return self.people_told / self.breaches if self.breaches else None


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def months(date_from: date, date_to: date) -> list[tuple[int, int]]:
    """Every (year, month) from `date_from` to `date_to`, in order."""
    out, y, m = [], date_from.year, date_from.month
    while (y, m) <= (date_to.year, date_to.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _periods(rows: Sequence[RegisterRow], zone: str, date_from: date,
             date_to: date) -> tuple[tuple[PeriodCount, ...], tuple[PeriodCount, ...]]:
    by_month: Counter[tuple[int, int, bool]] = Counter()
    for r in rows:
        day = to_zone(r.logged_at, zone).date()
        by_month[(day.year, day.month, r.near_miss)] += 1
    span = months(date_from, date_to)
    month_rows = tuple(PeriodCount(date(y, m, 1).strftime("%b %y" if len({s[0] for s in span})
                                                          > 1 else "%b"),
                                   by_month[(y, m, False)], by_month[(y, m, True)])
                       for y, m in span)
    quarters: dict[str, list[int]] = {}
    for y, m in span:
        key = f"Q{(m - 1) // 3 + 1} {y}"
        totals = quarters.setdefault(key, [0, 0])
        totals[0] += by_month[(y, m, False)]
        totals[1] += by_month[(y, m, True)]
    return month_rows, tuple(PeriodCount(k, v[0], v[1]) for k, v in quarters.items())


def _ranked(counter: Counter[str]) -> tuple[Count, ...]:
    return tuple(Count(k, v) for k, v in sorted(counter.items(), key=lambda kv: (-kv[1],
                                                                                 kv[0])))


def action_counts(actions: Iterable[CorrectiveAction], today: date) -> ActionCounts:
    items = list(actions)
    verdicts = Counter(a.verdict for a in items if a.verdict is not None)
    return ActionCounts(
        total=len(items), open=sum(a.is_open for a in items),
        overdue=sum(a.overdue(today) for a in items),
        done=sum(a.status.value == "done" for a in items),
        wont_do=sum(a.status.value == "wont_do" for a in items),
        reviewed=sum(verdicts.values()), effective=verdicts[Verdict.EFFECTIVE],
        partly=verdicts[Verdict.PARTLY], not_effective=verdicts[Verdict.NOT_EFFECTIVE])


def compute(rows: Sequence[RegisterRow], data_categories: dict[str, int],
            actions: Iterable[CorrectiveAction], date_from: date, date_to: date, zone: str,
            today: date, repeats: int = 0) -> Statistics:
    """The statistics of the rows logged in the period. Categories, times and shares count
    breaches only; near misses are counted apart (and shown beside breaches by month)."""
    breaches = [r for r in rows if not r.near_miss]
    reported = [r for r in breaches if r.notified_at is not None]
    by_month, by_quarter = _periods(rows, zone, date_from, date_to)
    types = Counter(r.incident_type.label if r.incident_type else "Not yet classified"
                    for r in breaches)
    causes = Counter(SHORT_CAUSE[r.primary_cause] if r.primary_cause else "Not yet known"
                     for r in breaches)
    bands = Counter(report_band(r.notified_at - r.discovered_at) for r in reported
                    if r.notified_at is not None and r.discovered_at is not None
                    and r.notified_at >= r.discovered_at)
    return Statistics(
        date_from=date_from, date_to=date_to, breaches=len(breaches),
        near_misses=len(rows) - len(breaches), reported=len(reported),
        reported_in_time=sum(1 for r in reported if r.within_deadline),
        people_told=sum(1 for r in breaches if r.people_told_at is not None),
        cyber=sum(1 for r in breaches if r.incident_type in CYBER_TYPES), repeats=repeats,
        by_month=by_month, by_quarter=by_quarter, by_incident_type=_ranked(types),
        by_cause=_ranked(causes), by_regime=_ranked(Counter(r.regime.label for r in breaches)),
        by_data_category=_ranked(Counter(data_categories)),
        detection=durations("Occurrence to discovery", (
            r.discovered_at - r.occurred_at for r in breaches
            if r.occurred_at is not None and r.discovered_at is not None)),
        awareness=durations("Discovery to awareness", (
            r.aware_at - r.discovered_at for r in breaches
            if r.discovered_at is not None and r.aware_at is not None)),
        reporting=durations("Awareness to the ICO report", (
            r.notified_at - r.aware_at for r in reported
            if r.notified_at is not None and r.aware_at is not None)),
        bands=tuple(Count(b.label, bands[b]) for b in ReportBand),
        actions=action_counts(actions, today))
