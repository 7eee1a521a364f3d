"""The Recipients and Who-was-told tabs: tables over the case, and the actions that add
recipients (CSV import, typed in), correct or remove one, and record who was told. Each
action writes through the services and then emits `saved` (the workspace reloads)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import reporting
from gui.kit.style import label
from gui.people.contacts_view import ContactDialog, ContactsModel
from gui.people.import_dialog import ImportDialog
from gui.people.recipient_dialog import RecipientDialog
from gui.people.recipients_view import RecipientsModel
from model.domain.case import Case
from model.domain.people.contacts import Channel, Outcome, latest_by_recipient
from model.domain.people.csv_import import MAX_BYTES
from model.domain.people.recipients import Recipient
from model.domain.people.telling import status
from model.services.context import AppContext


def _table(model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


class RecipientsPanel(QWidget):
    """The recipients table and its buttons."""

    saved = Signal()
    preview_requested = Signal()
    record_requested = Signal()

    def __init__(self, ctx: AppContext, case: Callable[[], Case],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self._case = ctx, case
        self.model = RecipientsModel()
        self.table = _table(self.model)
        self.import_button = QPushButton("&Import CSV…")
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.remove_button = QPushButton("Re&move")
        self.record_button = QPushButton("Record who was &told…")
        self.import_button.clicked.connect(self.import_csv)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.record_button.clicked.connect(self.record_requested)
        self.table.doubleClicked.connect(self.edit)
        self.summary = label("", "hint")
        row = QHBoxLayout()
        for b in (self.import_button, self.add_button, self.edit_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def load(self, case: Case) -> None:
        self.model.set_recipients(case.recipients, case.contacts, case.zone)
        self.table.resizeColumnsToContents()
        for column, width in ((1, 220), (2, 260), (5, 180)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        s = status(case)
        self.summary.setText(
            f"{s.total:,} recipients (one letter per address). {s.line().capitalize()}."
            if s.total else "No recipients yet: import a CSV file (name, address lines, "
            "postcode; optional email and data involved) or add them one by one.")
        has = bool(case.recipients)
        for b in (self.edit_button, self.remove_button, self.record_button):
            b.setEnabled(has)

    def selected(self) -> list[Recipient]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.record(self.model.index(row, 0)) for row in rows) if r]

    # -- actions ---------------------------------------------------------------------------
    def import_csv(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import recipients", str(Path.home()),
                                                "CSV files (*.csv *.txt);;All files (*)")
        if chosen:
            self.import_path(Path(chosen))

    def import_path(self, path: Path) -> ImportDialog | None:
        with reporting(self, "Reading the file") as outcome:
            if path.stat().st_size > MAX_BYTES:
                raise ValueError(f"{path.name} is larger than {MAX_BYTES // 2**20} MB")
            data = path.read_bytes()
        if outcome.failed:
            return None
        case = self._case()
        dialog = ImportDialog(self.ctx, case.id, path, data, case.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            QMessageBox.information(self, "Recipients imported", dialog.result_text)
            self.saved.emit()
        return dialog

    def add(self) -> None:
        dialog = RecipientDialog(parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        case = self._case()
        with reporting(self, "Adding the recipient") as outcome:
            recipient, merged = self.ctx.recipients.add(case.id, dialog.draft(), case.actor)
        if outcome.failed:
            return
        if merged:
            QMessageBox.information(self, "Same address", f"That address is already on the "
                                    f"list as no. {recipient.number}: the letter now goes to "
                                    f"{recipient.name}.")
        self.saved.emit()

    def edit(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = RecipientDialog(chosen[0], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with reporting(self, "Saving the recipient") as outcome:
            self.ctx.recipients.update(chosen[0].id, dialog.draft(), self._case().actor)
        if not outcome.failed:
            self.saved.emit()

    def remove(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        names = ", ".join(f"no. {r.number} ({r.name})" for r in chosen[:5])
        answer = QMessageBox.question(self, "Remove recipients", f"Remove {names}"
                                      f"{' and others' if len(chosen) > 5 else ''} from "
                                      "the list? Use this for entries made in error.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        with reporting(self, "Removing recipients"):
            for r in chosen:
                self.ctx.recipients.remove(r.id, self._case().actor)
        self.saved.emit()  # those removed before any failure are gone: show the list again


class ContactsPanel(QWidget):
    """The contact log table and its button."""

    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ContactsModel()
        self.table = _table(self.model)
        self.summary = label("", "heading")
        self.record_button = QPushButton("Record who was &told…")
        self.record_button.clicked.connect(self.record_requested)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(label("The evidence the ICO asks for: every attempt to tell each "
                               "recipient, how, when, by whom and with what outcome. Entries "
                               "are never changed.", "hint"))
        layout.addWidget(self.table, 1)

    def load(self, case: Case) -> None:
        self.model.set_log(case.contacts, case.recipients, case.zone)
        self.table.resizeColumnsToContents()
        line = status(case).line()
        self.summary.setText(line[0].upper() + line[1:] if line else "Nobody recorded yet")
        self.record_button.setEnabled(bool(case.recipients))


def record_contacts(parent: QWidget, ctx: AppContext, case: Case, selected: list[Recipient],
                    channel: Channel = Channel.POST) -> bool:
    """Ask who was told and how, then record it; True when something was recorded."""
    latest = latest_by_recipient(case.contacts)
    not_told = [r for r in case.recipients
                if r.id not in latest or latest[r.id].outcome is not Outcome.DELIVERED]
    dialog = ContactDialog(selected, not_told, case.recipients, case.zone, ctx.clock,
                           case.actor, channel, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    when = dialog.at.value() or ctx.clock()
    with reporting(parent, "Recording who was told") as outcome:
        ctx.people.record_contacts(case.id, [r.id for r in dialog.recipients()],
                                   Channel(dialog.channel.currentData()), when,
                                   dialog.by.text(), Outcome(dialog.outcome.currentData()),
                                   dialog.note.toPlainText(), case.actor)
    return not outcome.failed
