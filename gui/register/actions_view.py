"""Every corrective action across all breaches: overdue first, then open, by owner."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.kit.style import COLOURS, label
from gui.kit.table_model import RecordTableModel
from model.domain.lessons.records import CorrectiveAction
from model.domain.lessons.texts import due_text, effect_text

Index = QModelIndex | QPersistentModelIndex
BREACH_ROLE = Qt.ItemDataRole.UserRole + 1


class AllActionsModel(RecordTableModel[CorrectiveAction]):
    HEADERS = ("Ref", "Breaches", "Owner", "Action", "Due", "Status", "Effectiveness")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_actions(self, actions: list[CorrectiveAction], today: date) -> None:
        self.today = today
        self._reset(actions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.record(index)
        if a is None:
            return None
        col = index.column()
        overdue = a.overdue(self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            status = "Overdue" if overdue else a.status.label.split(" (")[0]
            return (a.reference, ", ".join(a.breach_refs), a.owner,
                    " ".join(a.description.split()), due_text(a), status,
                    effect_text(a, self.today))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.description
        if role == BREACH_ROLE:
            return a.breach_ids[0] if a.breach_ids else None
        if role == Qt.ItemDataRole.ForegroundRole and overdue and col in (4, 5):
            return QColor(COLOURS["bad"])
        return None


class ActionsView(QWidget):
    open_breach = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[CorrectiveAction] = []
        self.model = AllActionsModel(self)
        self.summary = label("", "hint")
        self.open_only = QCheckBox("Open actions only")
        self.open_only.setChecked(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.open_only.toggled.connect(self._show)

    def set_actions(self, actions: list[CorrectiveAction], today: date) -> None:
        self._all = actions
        self.model.today = today
        self._show()

    def _show(self) -> None:
        today = self.model.today
        shown = [a for a in self._all if a.is_open or not self.open_only.isChecked()]
        self.model.set_actions(shown, today)
        overdue = sum(a.overdue(today) for a in self._all)
        open_count = sum(a.is_open for a in self._all)
        effective = sum(1 for a in self._all if a.verdict is not None
                        and a.verdict.value == "effective")
        self.summary.setText(f"{len(self._all)} actions: {open_count} open, {overdue} "
                             f"overdue, {effective} reviewed as effective. Overdue first, "
                             "then by owner; double-click to open the breach.")

    def _activated(self, index: QModelIndex) -> None:
        breach_id = self.model.data(index, BREACH_ROLE)
        if breach_id is not None:
            self.open_breach.emit(int(breach_id))
