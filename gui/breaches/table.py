"""The breaches list as a Qt table model over BreachSummary records: a live countdown,
sorted by urgency (or a column) and filtered by status and text in the model itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
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
    ClockKey,
    DeadlineState,
    DeadlineStatus,
    clock_key,
    running_counts,
)
from model.domain.deadlines import breach_deadline_status as status_for
from model.domain.enums import BreachStatus, Regime
from model.domain.records import BreachSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
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
NO_CLOCK_GROUP = clock_key(Regime.UK_GDPR, None, None, BreachStatus.OPEN).group
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


@dataclass(frozen=True, slots=True)
class Row:
    """One breach, where it sorts by urgency at any moment, and its search text."""

    breach: BreachSummary
    key: ClockKey
    haystack: str


def make_row(b: BreachSummary) -> Row:
    haystack = " ".join((b.reference, b.title, SHORT_REGIME[b.regime], b.regime.label,
                         b.status.label)).casefold()
    return Row(b, clock_key(b.regime, b.aware_at, b.notified_at, b.status, b.near_miss),
               haystack)


# Status filter keys: "open" = every breach not closed, "all", or a BreachStatus value.
OPEN_FILTER = "open"
ALL_FILTER = "all"


class BreachTableModel(RecordTableModel[Row]):
    """The breaches, filtered and sorted here rather than by a proxy: with 10,000 rows a
    proxy's per-comparison calls into Python took seconds. The countdown is worked out
    only for the rows asked for (the visible ones), and `tick()` repaints only those."""

    HEADERS = tuple(HEADERS[c] for c in Column)

    def __init__(self, clock: Callable[[], datetime], zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._zone = zone
        self._now = clock()
        self._all: list[Row] = []    # every breach, in the current sort order
        # self._rows (the base's): those the filter lets through, in that order
        self._deadlines: list[datetime] = []  # running clocks' deadlines, ascending
        self._no_clock = 0
        self._live: dict[int, DeadlineStatus] = {}    # running clocks, at self._now
        self._fixed: dict[int, DeadlineStatus] = {}   # stopped clocks: never change
        self._sort_column, self._order = Column.TIME_LEFT, Qt.SortOrder.AscendingOrder
        self._status_filter, self._search = ALL_FILTER, ""

    # -- loading -----------------------------------------------------------------------
    def set_breaches(self, breaches: list[BreachSummary], zone: str | None = None) -> None:
        self._zone = zone or self._zone
        self._now = self._clock()
        self._live, self._fixed = {}, {}
        rows = [make_row(b) for b in breaches]
        self._deadlines = sorted(r.key.deadline for r in rows
                                 if r.key.running and r.key.deadline is not None)
        self._no_clock = sum(1 for r in rows if r.key.group == NO_CLOCK_GROUP)
        self.beginResetModel()
        self._all = sorted(rows, key=self._sort_function(), reverse=self._descending)
        self._rows = self._filtered()
        self.endResetModel()

    def tick(self, first: int = 0, last: int | None = None) -> None:
        """Move the countdown to the clock's now; repaint rows `first`..`last` (the
        visible ones; all by default). The order never changes: running clocks sort by
        deadline, which is the order of urgency at any moment."""
        self._now = self._clock()
        self._live = {}
        if not self._rows:
            return
        end = len(self._rows) - 1 if last is None else min(last, len(self._rows) - 1)
        if 0 <= first <= end:
            self.dataChanged.emit(self.index(first, Column.DEADLINE),
                                  self.index(end, Column.TIME_LEFT))

    def clock_of(self, row: Row) -> DeadlineStatus:
        """The row's deadline status at the last tick, worked out when first asked for."""
        cache = self._live if row.key.running else self._fixed
        status = cache.get(row.breach.id)
        if status is None:
            b = row.breach
            status = status_for(b.regime, b.aware_at, b.notified_at, b.status, self._now,
                                b.near_miss)
            cache[b.id] = status
        return status

    def state_counts(self) -> dict[DeadlineState, int]:
        """Breaches overdue, due soon, on time and without a clock, at the last tick."""
        counts = running_counts(self._deadlines, self._now)
        counts[DeadlineState.NO_CLOCK] = self._no_clock
        return counts

    def total(self) -> int:
        return len(self._all)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return list(self._rows)

    # -- filtering and sorting ---------------------------------------------------------
    def set_filter(self, status_key: str, search: str) -> None:
        """Show the breaches of a status filter key whose text holds every search word."""
        search = search.strip().casefold()
        if (status_key, search) == (self._status_filter, self._search):
            return
        self.beginResetModel()
        self._status_filter, self._search = status_key, search
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Row]:
        key, words = self._status_filter, self._search.split()
        rows = self._all
        if key == OPEN_FILTER:
            rows = [r for r in rows if r.breach.status is not BreachStatus.CLOSED]
        elif key != ALL_FILTER:
            rows = [r for r in rows if r.breach.status == key]
        for word in words:
            rows = [r for r in rows if word in r.haystack]
        return list(rows)

    @property
    def _descending(self) -> bool:
        return self._order == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's header click: reorder, keeping the selection on the same breaches."""
        self._sort_column, self._order = Column(column), order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].breach.id if i.isValid() and i.row() < len(self._rows)
               else None for i in persistent]
        self._all.sort(key=self._sort_function(), reverse=self._descending)
        self._rows = self._filtered()
        where = {r.breach.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [
            self.index(where[i], p.column()) if i in where else QModelIndex()
            for p, i in zip(persistent, ids, strict=True)])
        self.layoutChanged.emit()

    def _sort_function(self) -> Callable[[Row], tuple[Any, ...]]:
        column = self._sort_column

        def urgency(r: Row) -> tuple[Any, ...]:
            return (*r.key.sort_key(), r.breach.reference)

        match column:
            case Column.REFERENCE:
                return lambda r: (r.breach.reference,)
            case Column.TITLE:
                return lambda r: ((r.breach.title or UNTITLED).casefold(), r.breach.reference)
            case Column.REGIME:
                return lambda r: (SHORT_REGIME[r.breach.regime], *urgency(r))
            case Column.STATUS:
                return lambda r: (_STATUS_ORDER[r.breach.status], *urgency(r))
            case Column.AWARE:
                return lambda r: (r.breach.aware_at.timestamp() if r.breach.aware_at
                                  else float("inf"), r.breach.reference)
        return urgency

    # -- Qt model interface ------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.breach.id
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
                deadline = self.clock_of(row).deadline
                return (to_zone(deadline, self._zone).strftime("%a %d %b %H:%M")
                        if deadline is not None else "—")
        # The long "no clock" sentences live in the tooltip; the cell keeps the title room.
        return short_clock_text(self.clock_of(row))

    def _tooltip(self, row: Row, column: Column) -> str | None:
        if column in _CLOCK_COLUMNS:
            clock = self.clock_of(row)
            deadline = deadline_text(clock.deadline, self._zone)
            tip = f"{clock.text}. Deadline: {deadline}" if deadline else clock.text
            if clock.rule is not None:
                tip += f"\n{clock.rule.basis}"
            return tip
        if column == Column.TITLE:
            return row.breach.title or "No title yet: add one in the breach's triage."
        return None

    def _decoration(self, row: Row, column: Column, role: int) -> Any:
        if column == Column.TIME_LEFT:
            key = self.clock_of(row).colour_key
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
