"""The report's completeness and quality checks beside its questions: each line says what
is wrong and leads to the place to fix it (a question here, or another step)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gui.kit.style import COLOURS, label
from model.domain.ico.checks import Check, Level

_COLOURS = {Level.REQUIRED: COLOURS["bad"], Level.WARNING: COLOURS["warn"],
            Level.INFO: COLOURS["text_muted"]}
TARGET_ROLE = Qt.ItemDataRole.UserRole


class ChecksPanel(QWidget):
    """Emits `go_to(target, field)` when a check is activated."""

    go_to = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("", "heading")
        self.note = label("Double-click (or Enter on) a line to go to the place to fix it.",
                          "hint")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self._shown: tuple[Check, ...] | None = None

    def _activated(self, item: QListWidgetItem) -> None:
        target, field = item.data(TARGET_ROLE)
        self.go_to.emit(target, field)

    def show_checks(self, checks: tuple[Check, ...]) -> None:
        if checks == self._shown:
            return
        self._shown = checks
        self.list.clear()
        for check in checks:
            item = QListWidgetItem(f"{check.level.symbol}  {check.text}")
            item.setData(TARGET_ROLE, (check.target, check.field))
            item.setForeground(QColor(_COLOURS[check.level]))
            item.setToolTip(check.text)
            self.list.addItem(item)
        required = sum(c.level is Level.REQUIRED for c in checks)
        warnings = sum(c.level is Level.WARNING for c in checks)
        if required:
            self.heading.setText(f"{required} required, {warnings} to check")
        elif warnings:
            self.heading.setText(f"Complete; {warnings} to check")
        else:
            self.heading.setText("Complete: nothing to fix")

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
