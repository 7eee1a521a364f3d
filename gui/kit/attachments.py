"""Attachments on screen: the files kept in the vault for a breach (or one of its records),
with Attach…, Open (through a temporary copy removed afterwards) and Save a copy…."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import reporting
from model.domain.clock import format_local
from model.domain.records import Attachment
from model.services.context import AppContext

COPY_PREFIX = "breachdesk-open-"
_copies: list[Path] = []


def remove_open_copies() -> None:
    """Delete the temporary copies opened this session (at lock and at exit)."""
    while _copies:
        shutil.rmtree(_copies.pop(), ignore_errors=True)


def remove_stale_copies() -> None:
    """Delete copies a crashed session left behind (at start)."""
    root = Path(tempfile.gettempdir())
    for folder in root.glob(COPY_PREFIX + "*"):
        with contextlib.suppress(OSError):
            shutil.rmtree(folder)


atexit.register(remove_open_copies)


def temporary_copy(name: str, data: bytes) -> Path:
    """A private copy (folder 0700, file 0600) for another program to open."""
    folder = Path(tempfile.mkdtemp(prefix=COPY_PREFIX))
    _copies.append(folder)
    path = folder / name
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    return path


def size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size = size / 1024  # type: ignore[assignment]
    return f"{size} bytes"


class AttachmentsPanel(QWidget):
    """The attachments of one breach (optionally of one record of it, by `owner`)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, zone: str, actor: str = "", owner: str = "breach",
                 parent: QWidget | None = None,
                 opener: Callable[[QUrl], bool] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self._ctx, self._zone, self._actor, self._owner = ctx, zone, actor, owner
        self._opener = opener
        self._breach_id: int | None = None
        self._items: list[Attachment] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["File", "Size", "Added", "By"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        self.attach = QPushButton("Attach a file…")
        self.open = QPushButton("Open")
        self.save = QPushButton("Save a copy…")
        row = QHBoxLayout()
        row.addWidget(self.attach)
        row.addStretch(1)
        row.addWidget(self.open)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.attach.clicked.connect(self.choose_and_attach)
        self.open.clicked.connect(self.open_selected)
        self.save.clicked.connect(self.save_selected)

    def show_items(self, breach_id: int, items: tuple[Attachment, ...]) -> None:
        self._breach_id = breach_id
        self._items = [a for a in items if a.owner == self._owner or self._owner == "*"]
        self.table.setRowCount(len(self._items))
        for r, a in enumerate(self._items):
            for c, text in enumerate((a.name, size_text(a.size),
                                      format_local(a.added_at, self._zone), a.added_by)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{a.name}\nSHA-256 {a.sha256}")
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        has = bool(self._items)
        self.open.setEnabled(has)
        self.save.setEnabled(has)

    def selected(self) -> Attachment | None:
        row = self.table.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def attach_file(self, path: Path) -> Attachment | None:
        with reporting(self, "Attaching the file") as outcome:
            added = self._ctx.attachments.add_file(self._breach_id, path, self._actor,
                                                   self._owner)
        if outcome.failed:
            return None
        self.changed.emit()
        return added

    def choose_and_attach(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Attach a file", str(Path.home()))
        if chosen:
            self.attach_file(Path(chosen))

    def open_selected(self) -> Path | None:
        item = self.selected()
        if item is None:
            return None
        with reporting(self, "Opening the file") as outcome:
            path = temporary_copy(item.name, self._ctx.attachments.content(item.id))
        if outcome.failed:
            return None
        self._opener(QUrl.fromLocalFile(str(path)))
        return path

    def save_selected(self) -> Path | None:
        item = self.selected()
        if item is None:
            return None
        chosen, _ = QFileDialog.getSaveFileName(self, "Save a copy",
                                                str(Path.home() / item.name))
        if not chosen:
            return None
        with reporting(self, "Saving a copy") as outcome:
            Path(chosen).write_bytes(self._ctx.attachments.content(item.id))
        if outcome.failed:
            return None
        QMessageBox.information(self, "Saved", f"Saved to {chosen}. The copy is not "
                                "encrypted: keep it only where your organisation allows.")
        return Path(chosen)
