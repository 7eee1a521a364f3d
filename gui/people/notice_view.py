"""The public notice: its text (no personal data), a preview, and the record of where and
when it was published and taken down, with the SHA-256 of what was published and why
writing to each person would have been disproportionate."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import long_text
from gui.kit.inputs import OptionalDateTime
from gui.kit.style import label
from gui.kit.table_model import RecordTableModel
from gui.people.editor import LetterEditor
from model.domain.clock import format_local
from model.domain.decision import MIN_REASON
from model.domain.people.contacts import PublicNotice

Index = QModelIndex | QPersistentModelIndex


class NoticesModel(RecordTableModel[PublicNotice]):
    HEADERS = ("Published", "Taken down", "Where", "SHA-256 of what was published")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = "Europe/London"

    def set_notices(self, notices: Sequence[PublicNotice], zone: str) -> None:
        self._zone = zone
        self._reset(notices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        n = self.record(index)
        if n is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{n.sha256}\nWhy not individual letters: {n.reason}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        down = format_local(n.taken_down_at, self._zone, with_zone=False) \
            if n.taken_down_at else "Still up"
        return (format_local(n.published_at, self._zone, with_zone=False), down, n.where,
                n.sha256)[index.column()]


class PublishDialog(QDialog):
    """Where and when the saved notice was published, and why not individual letters."""

    def __init__(self, zone: str, clock: Callable[[], datetime], reason: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record that the notice was published")
        self.setMinimumWidth(560)
        self.where = QLineEdit()
        self.where.setPlaceholderText("e.g. https://www.example.police.uk/notice, or the "
                                      "Northtown Echo, page 4")
        self.where.setMaxLength(500)
        self.at = OptionalDateTime(zone, clock, allow_unknown=False, follow_now=True)
        self.reason = long_text("Why writing to each person would be disproportionate, "
                                "e.g. no addresses are held for 40 of them", 80)
        self.reason.setPlainText(reason)
        self.error = label("", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Where", self.where)
        form.addRow("&When", self.at)
        form.addRow("Why not &letters", self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label("The saved notice is frozen with where and when it went up; "
                               "its SHA-256 shows later that it is exactly what was "
                               "published.", "hint"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.where.text().strip():
            self.error.setText("Say where it was published.")
        elif len(" ".join(self.reason.toPlainText().split())) < MIN_REASON:
            self.error.setText(f"Say why letters would be disproportionate (at least "
                               f"{MIN_REASON} characters): the ICO may ask.")
        else:
            super().accept()
            return
        self.error.show()


class NoticePanel(QWidget):
    """The notice tab: editor, actions, and the notices published."""

    preview_requested = Signal()
    pdf_requested = Signal()
    publish_requested = Signal()
    take_down_requested = Signal(int)  # notice id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = LetterEditor(notice=True)
        self.preview_button = QPushButton("Preview notice")
        self.pdf_button = QPushButton("Save notice as PDF…")
        self.publish_button = QPushButton("Record publication…")
        self.down_button = QPushButton("Record taken down…")
        self.model = NoticesModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFixedHeight(96)
        self.preview_button.clicked.connect(self.preview_requested)
        self.pdf_button.clicked.connect(self.pdf_requested)
        self.publish_button.clicked.connect(self.publish_requested)
        self.down_button.clicked.connect(self._take_down)
        row = QHBoxLayout()
        for button in (self.preview_button, self.pdf_button, self.publish_button,
                       self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(label("Use a public notice where writing to each person is not "
                               "possible (no address, very many people). Save it, publish "
                               "it on an official channel, then record it here.", "hint"))
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.editor, 1)

    def set_notices(self, notices: Sequence[PublicNotice], zone: str) -> None:
        self.model.set_notices(notices, zone)
        self.table.setVisible(bool(notices))
        self.down_button.setEnabled(any(n.taken_down_at is None for n in notices))

    def _take_down(self) -> None:
        index = self.table.currentIndex()
        notice = self.model.record(index) if index.isValid() else None
        live = [n for n in self.model._rows if n.taken_down_at is None]
        target = notice if notice is not None and notice.taken_down_at is None else (
            live[-1] if live else None)
        if target is not None:
            self.take_down_requested.emit(target.id)
