"""What a benchmark figure is, how it is timed, and the table and JSON it ends up in.

A figure has a name, a value, a unit and (where the issue sets one) a target; `met` is
None for a figure without a target. Times are medians of several runs: one run on a busy
2-core machine says little, and a timed unit test would be flaky by design.
"""

from __future__ import annotations

import gc
import json
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str                    # "ms", "s", "MB", "x" (a ratio)
    target: float | None = None  # the most it may be
    note: str = ""               # what it measures, or what bounds it

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["value"] = round(self.value, 3)
        out["met"] = self.met
        return out


def timed_ms(fn: Callable[[], object]) -> float:
    """One call of `fn`, in milliseconds (garbage collected first, so a collection left
    over from earlier work is not charged to it)."""
    gc.collect()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def median_ms(fn: Callable[[], object], runs: int = 5,
              before: Callable[[], object] | None = None) -> float:
    """The median of `runs` calls; `before` runs untimed ahead of each (to make it cold)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        times.append(timed_ms(fn))
    return statistics.median(times)


def ratio(a: float, b: float) -> float:
    return a / b if b > 0 else float("inf")


def _fmt(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "ms" and value >= 10_000:
        return f"{value / 1000:.1f} s"
    return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def table(figures: Iterable[Figure]) -> str:
    """The figures as a plain-text table: figure, value, target, met."""
    rows = [("", "Figure", "Value", "Target")]
    for f in figures:
        mark = {True: "ok", False: "MISS", None: ""}[f.met]
        target = "" if f.target is None else "≤ " + _fmt(f.target, f.unit)
        rows.append((mark, f.name, _fmt(f.value, f.unit), target))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}"
             for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def write_results(path: Path, figures: list[Figure], about: dict[str, Any]) -> None:
    """`path` (bench/results.json): the list of figures, each {name, value, unit, target,
    met, note}; beside it `*-about.json`: the machine, the scale and when it ran."""
    path.write_text(json.dumps([f.as_json() for f in figures], indent=2, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    path.with_name(path.stem + "-about.json").write_text(
        json.dumps(about, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
