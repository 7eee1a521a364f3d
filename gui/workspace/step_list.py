"""The workspace's side list of steps, each with its completeness ("Triage 14/18")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWidget


class StepList(QListWidget):
    """One row per step; keyboard-reachable (arrows move between steps)."""

    def __init__(self, titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFixedWidth(220)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._titles = list(titles)
        for title in titles:
            self.addItem(title)
        self.setCurrentRow(0)

    def set_progress(self, row: int, progress: str) -> None:
        text = f"{self._titles[row]}   {progress}" if progress else self._titles[row]
        if self.item(row).text() != text:
            self.item(row).setText(text)

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
