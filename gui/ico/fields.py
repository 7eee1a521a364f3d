"""Inputs for what only the ICO report asks: each reads and writes one answer of an
IcoAnswers record, with the form's options (our labels) and "not answered" as None."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import long_text
from gui.kit.inputs import ChoiceCombo, TriState
from model.domain.ico.form import IcoOption
from model.domain.ico.records import IcoAnswers, RecurrenceStep


class AnswerInput(QWidget):
    """One answer's widget; `read(answers)` shows it, `apply(answers)` writes it back."""

    changed = Signal()

    def __init__(self, key: str, widget: QWidget) -> None:
        super().__init__()
        self.key, self.widget = key, widget
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)

    def value(self) -> Any:
        raise TypeError(f"{type(self).__name__} must define value()")

    def set_value(self, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} must define set_value()")

    def read(self, answers: IcoAnswers) -> None:
        self.blockSignals(True)
        try:
            self.set_value(getattr(answers, self.key))
        finally:
            self.blockSignals(False)

    def apply(self, answers: IcoAnswers) -> IcoAnswers:
        return replace(answers, **{self.key: self.value()})


class LineAnswer(AnswerInput):
    def __init__(self, key: str, placeholder: str = "") -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        super().__init__(key, self.edit)
        self.edit.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText(value or "")


class LongAnswer(AnswerInput):
    def __init__(self, key: str, placeholder: str = "", height: int = 70) -> None:
        self.edit: QPlainTextEdit = long_text(placeholder, height)
        self.edit.setMaximumHeight(140)
        super().__init__(key, self.edit)
        self.edit.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.edit.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        if self.edit.toPlainText() != (value or ""):
            self.edit.setPlainText(value or "")


class ChoiceAnswer(AnswerInput):
    def __init__(self, key: str, options: tuple[IcoOption, ...],
                 none_text: str = "Not answered") -> None:
        self.edit = ChoiceCombo([o.value for o in options], none_text=none_text,
                                labels={o.value: o.label for o in options})
        self.edit.setMinimumWidth(260)
        super().__init__(key, self.edit)
        self.edit.currentIndexChanged.connect(self.changed)

    def value(self) -> str | None:
        return self.edit.value()  # type: ignore[no-any-return]

    def set_value(self, value: Any) -> None:
        self.edit.set_value(value)


class YesNoAnswer(AnswerInput):
    def __init__(self, key: str, yes: str, no: str, none_text: str = "Not answered") -> None:
        self.edit = TriState(yes, no, none_text)
        super().__init__(key, self.edit)
        self.edit.currentIndexChanged.connect(self.changed)

    def value(self) -> bool | None:
        return self.edit.value()

    def set_value(self, value: Any) -> None:
        self.edit.set_value(value)


class TicksAnswer(AnswerInput):
    def __init__(self, key: str, options: tuple[IcoOption, ...]) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes = {o.value: QCheckBox(o.label) for o in options}
        for check in self.boxes.values():
            row.addWidget(check)
            check.toggled.connect(lambda _on: self.changed.emit())
        row.addStretch(1)
        super().__init__(key, box)

    def value(self) -> tuple[str, ...]:
        return tuple(v for v, b in self.boxes.items() if b.isChecked())

    def set_value(self, value: Any) -> None:
        for v, check in self.boxes.items():
            check.setChecked(v in (value or ()))


class StepsAnswer(AnswerInput):
    """T2: steps against a recurrence, each with its expected completion date."""

    NO_DATE = QDate(2000, 1, 1)

    def __init__(self, key: str = "recurrence") -> None:
        box = QWidget()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Step", "Expected by", "Done"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(170)
        self.add = QPushButton("Add step")
        self.remove = QPushButton("Remove step")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(buttons)
        super().__init__(key, box)
        self.add.clicked.connect(lambda: self._add_row(RecurrenceStep("")))
        self.remove.clicked.connect(self._remove_row)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())

    def _add_row(self, step: RecurrenceStep) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(step.text))
        due = QDateEdit()
        due.setCalendarPopup(True)
        due.setDisplayFormat("dd MMM yyyy")
        due.setMinimumDate(self.NO_DATE)
        due.setSpecialValueText("not set")
        due.setDate(QDate(step.due.year, step.due.month, step.due.day) if step.due
                    else self.NO_DATE)
        due.dateChanged.connect(lambda _d: self.changed.emit())
        self.table.setCellWidget(row, 1, due)
        done = QCheckBox()
        done.setChecked(step.done)
        done.toggled.connect(lambda _on: self.changed.emit())
        self.table.setCellWidget(row, 2, done)
        self.changed.emit()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def value(self) -> tuple[RecurrenceStep, ...]:
        steps = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            text = item.text().strip() if item else ""
            due_edit = self.table.cellWidget(row, 1)
            done_box = self.table.cellWidget(row, 2)
            qdate = due_edit.date() if isinstance(due_edit, QDateEdit) else self.NO_DATE
            due = None if qdate == self.NO_DATE else date(qdate.year(), qdate.month(),
                                                          qdate.day())
            if text:
                steps.append(RecurrenceStep(text, due, isinstance(done_box, QCheckBox)
                                            and done_box.isChecked()))
        return tuple(steps)

    def set_value(self, value: Any) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for step in value or ():
            self._add_row(step)
        self.table.blockSignals(False)
