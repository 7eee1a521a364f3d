"""The statistics as charts (typed document blocks); reports/charts draws them once, for
the PDF and, as SVG, for the screen."""

from __future__ import annotations

from model.domain.document import Chart, Series
from model.domain.register.stats import Count, Statistics

TOP = 8


def _top(counts: tuple[Count, ...], limit: int = TOP) -> tuple[Count, ...]:
    if len(counts) <= limit:
        return counts
    rest = sum(c.value for c in counts[limit - 1:])
    return (*counts[:limit - 1], Count("Others", rest))


def _bars(title: str, counts: tuple[Count, ...], empty: str) -> Chart:
    top = _top(counts)
    return Chart(title, tuple(c.label for c in top),
                 (Series("Breaches", tuple(float(c.value) for c in top)),), horizontal=True,
                 unit="breaches", empty=empty)


def by_month(s: Statistics) -> Chart:
    return Chart("Breaches and near misses by month", tuple(m.label for m in s.by_month),
                 (Series("Breaches", tuple(float(m.breaches) for m in s.by_month)),
                  Series("Near misses", tuple(float(m.near_misses) for m in s.by_month))),
                 empty="Nothing logged in the period.")


def by_incident_type(s: Statistics) -> Chart:
    return _bars("By ICO incident type", s.by_incident_type, "No breach in the period.")


def by_cause(s: Statistics) -> Chart:
    return _bars("By primary cause", s.by_cause, "No breach in the period.")


def by_data_category(s: Statistics) -> Chart:
    return _bars("By kind of personal data", s.by_data_category,
                 "No data category recorded.")


def report_bands(s: Statistics) -> Chart:
    return Chart("Discovery to the ICO report (the ICO's bands)",
                 tuple(b.label for b in s.bands),
                 (Series("Reports", tuple(float(b.value) for b in s.bands)),),
                 horizontal=True, unit="reports", empty="Nothing reported to the ICO.")


def all_charts(s: Statistics) -> tuple[Chart, ...]:
    return (by_month(s), by_incident_type(s), by_cause(s), report_bands(s),
            by_data_category(s))
