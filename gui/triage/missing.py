"""The "still to find out" panel: impossible facts first (they block saving), then what
triage has not established yet, each with why it matters."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gui.kit.style import COLOURS, label
from gui.triage.forms import problem_text
from model.domain.errors import ValidationError
from model.domain.facts import BreachFacts
from model.domain.validation import missing_items, triage_completeness

FIELD_ROLE = Qt.ItemDataRole.UserRole


class MissingPanel(QWidget):
    """Lists impossible facts and missing items; activating one names its field."""

    field_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[tuple[str, str, bool]] = []
        self.heading = label("", "heading")
        self.note = label("", "hint")
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

    def _activated(self, item: QListWidgetItem) -> None:
        field = item.data(FIELD_ROLE)
        if field:
            self.field_activated.emit(field)

    def show_facts(self, facts: BreachFacts, problems: list[ValidationError]) -> None:
        """Show what is impossible and what is missing; the list is rebuilt only when its
        entries change, not on every keystroke."""
        missing = missing_items(facts)
        entries = [("⚠ " + problem_text(e), e.field, True) for e in problems]
        entries += [(f"{m.label} — {m.why}", m.field, False) for m in missing]
        if entries != self._entries:
            self._entries = entries
            self.list.clear()
            for text, field, bad in entries:
                item = QListWidgetItem(text)
                item.setData(FIELD_ROLE, field)
                item.setToolTip(text)
                if bad:
                    item.setForeground(QColor(COLOURS["bad"]))
                self.list.addItem(item)
        done, total = triage_completeness(facts)
        if problems:
            self.heading.setText(f"{len(problems)} impossible fact"
                                 f"{'s' if len(problems) > 1 else ''} to correct")
            self.note.setText("These cannot all be true; correct them before saving. "
                              f"Triage answered: {done} of {total}.")
        elif missing:
            self.heading.setText(f"Still to find out: {len(missing)} (answered {done} of "
                                 f"{total})")
            self.note.setText("You can save now and come back: the first hours are messy. "
                              "Double-click an item to go to it.")
        else:
            self.heading.setText(f"Triage complete ({done} of {total})")
            self.note.setText("Everything triage asks for is recorded.")
        self.list.setVisible(bool(problems or missing))

    def messages(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
