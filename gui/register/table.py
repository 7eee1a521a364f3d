"""The register as a lazy Qt table: rows are plain records; a cell's text is made only
when Qt asks for it, and rows are handed to the view in batches as it scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from gui.kit.style import COLOURS
from model.domain.documents.register import HEADERS, register_cells
from model.domain.register.rows import RegisterRow

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
BATCH = 500
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, ID_ROLE, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole})
_TIME_KEYS: dict[int, Callable[[RegisterRow], Any]] = {
    2: lambda r: r.logged_at.timestamp(),
    9: lambda r: r.notified_at.timestamp() if r.notified_at else float("inf"),
    11: lambda r: r.people_told_at.timestamp() if r.people_told_at else float("inf"),
    6: lambda r: r.subjects_count if r.subjects_count is not None else -1,
    12: lambda r: (r.actions_overdue, r.actions_open),
}


class RegisterTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._shown = 0
        self._zone = "Europe/London"
        self._repeats: dict[int, tuple[str, ...]] = {}
        self._cells: dict[int, list[str]] = {}  # a row's texts, made once when first asked

    def set_rows(self, rows: list[RegisterRow], zone: str,
                 repeats: dict[int, tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows, self._zone, self._repeats = list(rows), zone, repeats
        self._cells = {}
        self._shown = min(BATCH, len(self._rows))
        self.endResetModel()

    def _texts(self, row: RegisterRow) -> list[str]:
        cells = self._cells.get(row.id)
        if cells is None:
            cells = self._cells[row.id] = list(register_cells(row, self._zone))
        return cells

    def rows(self) -> list[RegisterRow]:
        return list(self._rows)

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts(row)[col]
            return " ".join(text.split()) if col == 8 else text
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._texts(row)[col]
            repeats = self._repeats.get(row.id)
            if col == 1 and repeats:
                tip += "\nRepeat: " + "; ".join(repeats) + "."
            return tip
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 12 and row.actions_overdue:
                return QColor(COLOURS["bad"])
            if col == 10 and row.within_deadline is False:
                return QColor(COLOURS["warn"])
            if row.near_miss and col in (0, 1):
                return QColor(COLOURS["text_muted"])
        if role == Qt.ItemDataRole.FontRole and col == 1 and row.id in self._repeats:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        def text_key(row: RegisterRow) -> Any:
            return self._texts(row)[column].casefold()

        key = _TIME_KEYS.get(column) or text_key
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
