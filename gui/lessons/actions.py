"""The corrective actions of one breach: a table (overdue in red) and the buttons that
raise, edit, progress, settle, review and link them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import reporting
from gui.kit.style import COLOURS
from gui.kit.table_model import RecordTableModel
from gui.lessons.action_dialogs import ActionDialog, DoneDialog, ReviewDialog, WontDoDialog
from model.domain.case import Case
from model.domain.lessons.records import CorrectiveAction
from model.domain.lessons.taxonomy import ActionStatus
from model.domain.lessons.texts import due_text, effect_text
from model.services.context import AppContext

Index = QModelIndex | QPersistentModelIndex


class ActionsModel(RecordTableModel[CorrectiveAction]):
    HEADERS = ("Ref", "Action", "Type", "Owner", "Due", "Status", "Effectiveness")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_actions(self, actions: tuple[CorrectiveAction, ...], today: date) -> None:
        self.today = today
        self._reset(actions)

    def action_at(self, row: int) -> CorrectiveAction | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.record(index)
        if a is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            status = ("Overdue" if a.overdue(self.today) else a.status.label.split(" (")[0])
            return (a.reference, " ".join(a.description.split()),
                    a.kind.label.split(" (")[0], a.owner, due_text(a), status,
                    effect_text(a, self.today))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.description
        if role == Qt.ItemDataRole.ForegroundRole and col in (4, 5) and a.overdue(self.today):
            return QColor(COLOURS["bad"])
        if role == Qt.ItemDataRole.ForegroundRole and col == 5 and a.settled:
            return QColor(COLOURS["ok"])
        return None


class ActionsPanel(QWidget):
    """Emits `changed` after any action was written (the step reloads the case)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case: Case | None = None
        self.model = ActionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.edit())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("add", "New action…", self.add), ("edit", "Edit…", self.edit),
                                ("start", "Start", self.start), ("done", "Done…", self.done),
                                ("wont", "Won't do…", self.wont_do),
                                ("review", "Review…", self.review),
                                ("reopen", "Reopen…", self.reopen),
                                ("link", "Also serves…", self.link)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self._enable()

    def show_case(self, case: Case, today: date) -> None:
        selected = self.selected()
        self._case = case
        self.model.set_actions(case.corrective_actions, today)
        if selected is not None:
            for r, a in enumerate(case.corrective_actions):
                if a.id == selected.id:
                    self.table.selectRow(r)
        self._enable()

    def selected(self) -> CorrectiveAction | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.action_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        a = self.selected()
        closed = self._case is not None and self._case.breach.status.value == "closed"
        self.buttons["add"].setEnabled(not closed)
        has = a is not None
        for key in ("edit", "link"):
            self.buttons[key].setEnabled(has)
        self.buttons["start"].setEnabled(has and a.status is ActionStatus.OPEN)  # type: ignore[union-attr]
        self.buttons["done"].setEnabled(has and a.is_open)  # type: ignore[union-attr]
        self.buttons["wont"].setEnabled(has and a.is_open)  # type: ignore[union-attr]
        self.buttons["review"].setEnabled(has and a.status is ActionStatus.DONE)  # type: ignore[union-attr]
        self.buttons["reopen"].setEnabled(has and not a.is_open)  # type: ignore[union-attr]

    @property
    def _actor(self) -> str:
        return self._case.actor if self._case else ""

    def _run(self, dialog: QDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()

    def add(self) -> None:
        if self._case is None:
            return
        breach_id = self._case.id
        self._run(ActionDialog(lambda d: self._ctx.lessons.add_action(
            [breach_id], d, self._actor), None, self))

    def edit(self) -> None:
        a = self.selected()
        if a is not None:
            self._run(ActionDialog(lambda d: self._ctx.lessons.edit_action(
                a.id, d, self._actor), a, self))

    def _call(self, doing: str, work: Callable[[], object]) -> None:
        with reporting(self, doing) as outcome:
            work()
        if not outcome.failed:
            self.changed.emit()

    def start(self) -> None:
        a = self.selected()
        if a is not None:
            self._call("Starting the action", lambda: self._ctx.lessons.start_action(
                a.id, self._actor))

    def done(self) -> None:
        a = self.selected()
        if a is not None and self._case is not None:
            self._run(DoneDialog(self._ctx, a, self._case.id, self._case.zone, self._actor,
                                 self.model.today, self))

    def wont_do(self) -> None:
        a = self.selected()
        if a is not None:
            self._run(WontDoDialog(self._ctx, a, self._actor, self))

    def review(self) -> None:
        a = self.selected()
        if a is not None:
            self._run(ReviewDialog(self._ctx, a, self._actor, self.model.today, self))

    def reopen(self) -> None:
        a = self.selected()
        if a is None:
            return
        reason, ok = QInputDialog.getText(self, f"Reopen {a.reference}", "Why is it reopened?")
        if ok:
            self._call("Reopening the action", lambda: self._ctx.lessons.reopen_action(
                a.id, reason, self._actor))

    def link(self) -> None:
        a = self.selected()
        if a is None:
            return
        reference, ok = QInputDialog.getText(
            self, f"{a.reference} also serves…", "Reference of the other breach "
            "(e.g. BR-2026-0003):")
        if ok and reference.strip():
            self._call("Linking the action", lambda: self._ctx.lessons.link_action(
                a.id, self._ctx.breaches.get_by_reference(reference).id, self._actor))
