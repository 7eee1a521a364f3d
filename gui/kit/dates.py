"""A calendar date that may be left empty (a due date, the date promised to the ICO)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QWidget

_EMPTY = QDate(1900, 1, 1)


class OptionalDate(QDateEdit):
    """A date edit whose lowest value shows as '—' and means no date."""

    changed = Signal()

    def __init__(self, empty_text: str = "—", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("ddd dd MMM yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText(empty_text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(150)
        self.setDate(_EMPTY)
        self.dateChanged.connect(self.changed)

    def value(self) -> date | None:
        d = self.date()
        return None if d == _EMPTY else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(_EMPTY if value is None else QDate(value.year, value.month, value.day))
