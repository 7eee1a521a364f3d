"""The record of who was told: each attempt (channel, when, by whom, outcome) in a table,
and the dialog that records one attempt for the chosen recipients at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import long_text
from gui.kit.inputs import OptionalDateTime
from gui.kit.style import label
from gui.kit.table_model import RecordTableModel
from model.domain.clock import format_local
from model.domain.people.contacts import Channel, ContactRecord, Outcome
from model.domain.people.recipients import Recipient

Index = QModelIndex | QPersistentModelIndex


class ContactsModel(RecordTableModel[ContactRecord]):
    """The contact log, newest first."""

    HEADERS = ("When", "No.", "Recipient", "Channel", "Outcome", "By", "Note")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: dict[int, Recipient] = {}
        self._zone = "Europe/London"

    def set_log(self, contacts: Sequence[ContactRecord], recipients: Sequence[Recipient],
                zone: str) -> None:
        self._names = {r.id: r for r in recipients}
        self._zone = zone
        self._reset(sorted(contacts, key=lambda c: (c.at, c.id), reverse=True))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.record(index)
        if c is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._names.get(c.recipient_id)
        cells = (format_local(c.at, self._zone, with_zone=False),
                 str(r.number) if r else "?", r.name if r else "(removed)", c.channel.label,
                 c.outcome.label, c.by, c.note)
        if role == Qt.ItemDataRole.ToolTipRole:
            sha = f"\nLetter sent: SHA-256 {c.letter_sha256}" if c.letter_sha256 else ""
            return f"{cells[2]}: {c.outcome.label} by {c.channel.label.lower()}{sha}"
        return cells[index.column()]


class ContactDialog(QDialog):
    """Record one attempt to tell the chosen recipients: who, how, when, by whom, outcome."""

    def __init__(self, selected: Sequence[Recipient], not_told: Sequence[Recipient],
                 everyone: Sequence[Recipient], zone: str, clock: Callable[[], datetime],
                 actor: str, channel: Channel = Channel.POST,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record who was told")
        self.setMinimumWidth(540)
        self._groups = {"selected": list(selected), "not_told": list(not_told),
                        "all": list(everyone)}
        self.choice = QButtonGroup(self)
        options = QVBoxLayout()
        for key, text in (("selected", f"The recipients selected ({len(selected)})"),
                          ("not_told", f"Everyone not yet told ({len(not_told)})"),
                          ("all", f"Everyone on the list ({len(everyone)})")):
            button = QRadioButton(text)
            button.setProperty("key", key)
            button.setEnabled(bool(self._groups[key]))
            self.choice.addButton(button)
            options.addWidget(button)
        first = next((b for b in self.choice.buttons() if b.isEnabled()), None)
        if first is not None:
            first.setChecked(True)
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(c.label, c)
        self.channel.setCurrentIndex(list(Channel).index(channel))
        self.outcome = QComboBox()
        for o in Outcome:
            self.outcome.addItem(o.label, o)
        self.at = OptionalDateTime(zone, clock, allow_unknown=False, follow_now=True)
        self.by = QLineEdit(actor)
        self.by.setMaxLength(120)
        self.note = long_text("e.g. posted second class; spoke to her daughter", 60)
        form = QFormLayout()
        form.addRow("Who", options)
        form.addRow("&How", self.channel)
        form.addRow("&When", self.at)
        form.addRow("&By whom", self.by)
        form.addRow("&Outcome", self.outcome)
        form.addRow("N&ote", self.note)
        self.error = label("", "error")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Each entry is kept as evidence and never changed: a letter "
                               "that comes back is a new entry (Returned).", "hint"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def recipients(self) -> list[Recipient]:
        button = self.choice.checkedButton()
        return self._groups[str(button.property("key"))] if button is not None else []

    def accept(self) -> None:
        if not self.recipients():
            self.error.setText("Choose who was told.")
        elif not self.by.text().strip():
            self.error.setText("Say who told them.")
        else:
            super().accept()
            return
        self.error.show()
