"""The breaches list as a Qt table model over BreachSummary records, with a live countdown,
and the proxy that sorts it by urgency and filters it by status and text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from gui.kit.deadline_view import (
    SHORT_REGIME,
    STATUS_COLOURS,
    background,
    deadline_text,
    foreground,
)
from gui.kit.table_model import RecordTableModel
from model.domain.clock import format_local, to_zone
from model.domain.deadlines import (
    DeadlineState,
    DeadlineStatus,
    urgency_key,
)
from model.domain.deadlines import breach_deadline_status as status_for
from model.domain.enums import BreachStatus
from model.domain.records import BreachSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    REFERENCE = 0
    TITLE = 1
    REGIME = 2
    STATUS = 3
    AWARE = 4
    DEADLINE = 5
    TIME_LEFT = 6


HEADERS = {
    Column.REFERENCE: "Reference", Column.TITLE: "Title", Column.REGIME: "Regime",
    Column.STATUS: "Status", Column.AWARE: "Aware", Column.DEADLINE: "Deadline",
    Column.TIME_LEFT: "Time left",
}
_CLOCK_COLUMNS = (Column.DEADLINE, Column.TIME_LEFT)
_STATUS_ORDER = {status: i for i, status in enumerate(BreachStatus)}
UNTITLED = "(untitled)"
_SHORT_STATE = {DeadlineState.NOT_REQUIRED: "Not required",
                DeadlineState.NO_CLOCK: "No clock yet", DeadlineState.NEAR_MISS: "Near miss"}


def short_clock_text(status: DeadlineStatus) -> str:
    """The clock in a few words for the narrow column; the full sentence is the tooltip."""
    if status.state in _SHORT_STATE:
        return _SHORT_STATE[status.state]
    if status.state is DeadlineState.NOTIFIED_IN_TIME:
        return "Notified in time"
    return status.text


# The widest text each fixed column shows: its width is measured once, not over every row.
WIDEST: dict[Column, str] = {
    Column.REFERENCE: "BR-2026-00000", Column.REGIME: "UK GDPR",
    Column.STATUS: "Not notifiable", Column.AWARE: "30 Sep 2026 23:59",
    Column.DEADLINE: "Wed 30 Sep 23:59", Column.TIME_LEFT: "Notified 10 d 23 h late",
}


@dataclass(frozen=True)
class Row:
    """One breach and where it stands against its clock at the model's last tick."""

    breach: BreachSummary
    clock: DeadlineStatus


class BreachTableModel(RecordTableModel[Row]):
    """Read-only rows of breaches; `tick()` recomputes the countdown without a reset."""

    HEADERS = tuple(HEADERS[c] for c in Column)

    def __init__(self, clock: Callable[[], datetime], zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._zone = zone

    # -- loading -----------------------------------------------------------------------
    def _row(self, breach: BreachSummary, now: datetime) -> Row:
        return Row(breach, status_for(breach.regime, breach.aware_at, breach.notified_at,
                                      breach.status, now, breach.near_miss))

    def set_breaches(self, breaches: list[BreachSummary], zone: str | None = None) -> None:
        self._zone = zone or self._zone
        now = self._clock()
        self._reset(self._row(b, now) for b in breaches)

    def tick(self) -> None:
        """Recompute deadlines and time left at the clock's now (the live countdown)."""
        if not self._rows:
            return
        now = self._clock()
        self._rows = [self._row(r.breach, now) for r in self._rows]
        self.dataChanged.emit(self.index(0, Column.DEADLINE),
                              self.index(len(self._rows) - 1, Column.TIME_LEFT))

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return list(self._rows)

    # -- Qt model interface ------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.record(index)
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.breach.id
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return self._decoration(row, column, role)

    def _display(self, row: Row, column: Column) -> str:
        b = row.breach
        match column:
            case Column.REFERENCE:
                return b.reference
            case Column.TITLE:
                return b.title or UNTITLED
            case Column.REGIME:
                return SHORT_REGIME[b.regime]
            case Column.STATUS:
                return b.status.label
            case Column.AWARE:
                # Without the zone name: the deadline beside it carries it, the title needs room.
                return (format_local(b.aware_at, self._zone, with_zone=False) if b.aware_at
                        else "Not yet")
            case Column.DEADLINE:
                # Short: the year is in the Aware column, the zone in the tooltip.
                deadline = row.clock.deadline
                return (to_zone(deadline, self._zone).strftime("%a %d %b %H:%M")
                        if deadline is not None else "—")
        # The long "no clock" sentences live in the tooltip; the cell keeps the title room.
        return short_clock_text(row.clock)

    def _sort_key(self, row: Row, column: Column) -> tuple[Any, ...]:
        b = row.breach
        urgency = (*urgency_key(row.clock), b.reference)
        match column:
            case Column.REFERENCE:
                return (b.reference,)
            case Column.TITLE:
                return ((b.title or UNTITLED).casefold(), b.reference)
            case Column.REGIME:
                return (SHORT_REGIME[b.regime], *urgency)
            case Column.STATUS:
                return (_STATUS_ORDER[b.status], *urgency)
            case Column.AWARE:
                stamp = b.aware_at.timestamp() if b.aware_at else float("inf")
                return (stamp, b.reference)
        return urgency

    def _tooltip(self, row: Row, column: Column) -> str | None:
        if column in _CLOCK_COLUMNS:
            deadline = deadline_text(row.clock.deadline, self._zone)
            tip = f"{row.clock.text}. Deadline: {deadline}" if deadline else row.clock.text
            if row.clock.rule is not None:
                tip += f"\n{row.clock.rule.basis}"
            return tip
        if column == Column.TITLE:
            return row.breach.title or "No title yet: add one in the breach's triage."
        return None

    def _decoration(self, row: Row, column: Column, role: int) -> Any:
        if column == Column.TIME_LEFT:
            key = row.clock.colour_key
            if role == Qt.ItemDataRole.ForegroundRole:
                return foreground(key)
            if role == Qt.ItemDataRole.BackgroundRole:
                return background(key)
            if role == Qt.ItemDataRole.FontRole and key in ("red", "amber"):
                font = QFont()
                font.setBold(True)
                return font
        if column == Column.STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[row.breach.status][0])
        if column == Column.TITLE and role == Qt.ItemDataRole.FontRole and not row.breach.title:
            font = QFont()
            font.setItalic(True)
            return font
        return None


# Status filter keys: "open" = every breach not closed, "all", or a BreachStatus value.
OPEN_FILTER = "open"
ALL_FILTER = "all"


class BreachFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's sort keys (urgency by default) and filters by status and text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._status = OPEN_FILTER
        self._search = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_status_filter(self, key: str) -> None:
        self.beginFilterChange()
        self._status = key
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, BreachTableModel):
            return True
        breach = model.row_at(source_row).breach
        if self._status == OPEN_FILTER and breach.status is BreachStatus.CLOSED:
            return False
        if self._status not in (OPEN_FILTER, ALL_FILTER) and breach.status != self._status:
            return False
        if not self._search:
            return True
        haystack = " ".join((breach.reference, breach.title, SHORT_REGIME[breach.regime],
                             breach.regime.label, breach.status.label)).casefold()
        return all(word in haystack for word in self._search.split())

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))


def count_states(rows: list[Row]) -> dict[DeadlineState, int]:
    """How many breaches are in each deadline state (for the summary line)."""
    counts: dict[DeadlineState, int] = {}
    for row in rows:
        counts[row.clock.state] = counts.get(row.clock.state, 0) + 1
    return counts
