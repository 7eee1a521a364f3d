"""The recipients of the letters: a table with each one's latest contact, and the
buttons to import a CSV, type one in, edit or remove one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gui.kit.style import COLOURS
from gui.kit.table_model import RecordTableModel
from model.domain.clock import format_local
from model.domain.people.contacts import ContactRecord, Outcome, latest_by_recipient
from model.domain.people.recipients import Recipient

Index = QModelIndex | QPersistentModelIndex
_OUTCOME_COLOURS = {Outcome.DELIVERED: COLOURS["ok"], Outcome.RETURNED: COLOURS["bad"],
                    Outcome.NO_CONTACT: COLOURS["warn"]}


class RecipientsModel(RecordTableModel[Recipient]):
    """Recipients in number order, with where telling each one stands."""

    HEADERS = ("No.", "Name", "Address", "Postcode", "Email", "Data involved", "Told")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._latest: dict[int, ContactRecord] = {}
        self._zone = "Europe/London"

    def set_recipients(self, recipients: Sequence[Recipient],
                       contacts: Sequence[ContactRecord], zone: str) -> None:
        self._latest = latest_by_recipient(contacts)
        self._zone = zone
        self._reset(recipients)

    def told(self, recipient: Recipient) -> str:
        c = self._latest.get(recipient.id)
        if c is None:
            return "Not yet"
        return (f"{c.outcome.label} ({c.channel.label.lower()}, "
                f"{format_local(c.at, self._zone, with_zone=False)[:11]})")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.record(index)
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(r.number), r.name, ", ".join(r.lines), r.postcode, r.email,
                    "; ".join(c.label.split(" (")[0] for c in r.categories) or "(as breach)",
                    self.told(r))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 6:
            c = self._latest.get(r.id)
            return QColor(_OUTCOME_COLOURS[c.outcome]) if c else None
        if role == Qt.ItemDataRole.ToolTipRole:
            merged = "\nMerged in: " + "; ".join(r.merged) if r.merged else ""
            return f"{r.name}\n" + "\n".join(r.lines) + f"\n{r.postcode}\nFrom: {r.source}" \
                + merged
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
