"""The breach register: a read-only table of every breach in the vault, closed ones too.

UK GDPR Art. 33(5) asks the controller to document every breach; this is that list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from gui.kit.errors import show_error
from gui.kit.style import label
from gui.kit.table_model import RecordTableModel
from model.domain.clock import DEFAULT_ZONE, format_local
from model.domain.enums import BreachStatus
from model.domain.records import BreachSummary
from model.services.context import AppContext

COLUMNS = ["Reference", "Title", "Regime", "Status", "Aware", "Notified"]
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def _time_key(value: datetime | None) -> float:
    return value.timestamp() if value is not None else float("-inf")


def count_line(rows: Sequence[BreachSummary]) -> str:
    """'4 breaches: 1 open, 2 notified, 1 closed' (statuses in workflow order)."""
    if not rows:
        return "No breaches recorded yet."
    counts = Counter(row.status for row in rows)
    parts = [f"{counts[s]} {s.label.lower()}" for s in BreachStatus if counts[s]]
    noun = "breach" if len(rows) == 1 else "breaches"
    return f"{len(rows)} {noun}: " + ", ".join(parts)


class RegisterModel(RecordTableModel[BreachSummary]):
    """BreachSummary records as rows; times shown in the organisation's zone."""

    HEADERS = tuple(COLUMNS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = DEFAULT_ZONE

    def set_rows(self, rows: Sequence[BreachSummary], zone: str = DEFAULT_ZONE) -> None:
        self._zone = zone
        self._reset(rows)

    def summary(self, row: int) -> BreachSummary:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.record(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.title
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ID_ROLE:
            return row.id
        return None

    def _text(self, row: BreachSummary, column: int) -> str | None:
        texts = [row.reference, row.title or "(untitled)", row.regime.label, row.status.label,
                 format_local(row.aware_at, self._zone) or "not recorded",
                 format_local(row.notified_at, self._zone) or "—"]
        return texts[column] if 0 <= column < len(texts) else None

    def _sort_key(self, row: BreachSummary, column: int) -> Any:
        if column == 4:
            return _time_key(row.aware_at)
        if column == 5:
            return _time_key(row.notified_at)
        if column == 3:
            return list(BreachStatus).index(row.status)
        return (self._text(row, column) or "").casefold()


class RegisterPage(QWidget):
    """The register screen; reloads each time it is shown."""

    open_breach = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RegisterModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Enter or a double click opens the breach.
        self.table.activated.connect(self._activated)
        self.counts = label("", "heading")
        self.zone_hint = label("", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(label("Breach register", "title"))
        layout.addWidget(self.zone_hint)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        try:
            zone = self._ctx.organisation.get().time_zone
            rows = self._ctx.breaches.list()
        except Exception as err:  # the table keeps what it showed; the user is told why
            show_error(self, err, "Loading the register")
            return
        self.model.set_rows(rows, zone)
        self.counts.setText(count_line(rows))
        self.zone_hint.setText("Every breach recorded in this vault, including closed ones. "
                               f"Times are shown in {zone}. Double-click a row, or press "
                               "Enter, to open it.")

    def mark_stale(self) -> None:
        """A breach changed: reload now if shown (it reloads whenever it is shown anyway)."""
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.reload()
        super().showEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        breach_id = self.proxy.data(index, ID_ROLE)
        if breach_id is not None:
            self.open_breach.emit(int(breach_id))
