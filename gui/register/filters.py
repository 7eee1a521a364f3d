"""The register's filter bar: dates, regime, status, incident type, cause, notified,
within the deadline, near misses, actions, and a text search."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.kit.dates import OptionalDate
from gui.kit.inputs import ChoiceCombo
from gui.kit.style import label
from model.domain.enums import BreachStatus, Regime
from model.domain.lessons.taxonomy import SHORT_CAUSE, Cause, IncidentType
from model.domain.register.rows import ActionsFilter, Choice, RegisterFilter

_CHOICES = {Choice.ANY: "Either", Choice.YES: "Yes", Choice.NO: "No"}
_ACTIONS = {ActionsFilter.ANY: "Any", ActionsFilter.OPEN: "Some open",
            ActionsFilter.OVERDUE: "Some overdue", ActionsFilter.NONE_OPEN: "None open"}


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_from = OptionalDate("From any date")
        self.date_to = OptionalDate("To any date")
        self.regime = ChoiceCombo(list(Regime), "Any regime")
        self.status = ChoiceCombo(list(BreachStatus), "Any status")
        self.incident_type = ChoiceCombo(list(IncidentType), "Any incident type")
        self.cause = ChoiceCombo(list(Cause), "Any cause", labels=dict(SHORT_CAUSE))
        self.notified = ChoiceCombo(list(Choice), "", labels=dict(_CHOICES))
        self.in_time = ChoiceCombo(list(Choice), "", labels=dict(_CHOICES))
        self.near_miss = ChoiceCombo(list(Choice), "", labels=dict(_CHOICES))
        self.actions_filter = ChoiceCombo(list(ActionsFilter), "", labels=dict(_ACTIONS))
        for combo, width in ((self.regime, 150), (self.status, 130), (self.cause, 150),
                             (self.incident_type, 200), (self.notified, 90),
                             (self.in_time, 90), (self.near_miss, 90), (self.actions_filter, 120)):
            combo.setMinimumWidth(width)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search reference, title, team, processor, reason…")
        self.search.setClearButtonEnabled(True)
        self.clear = QPushButton("Clear filters")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        first, second, third = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        for widget in (self.date_from, self.date_to, self.regime, self.status,
                       self.incident_type, self.cause):
            first.addWidget(widget)
        first.addStretch(1)
        for caption, widget in (("ICO told", self.notified), ("In time", self.in_time),
                                ("Near miss", self.near_miss), ("Actions", self.actions_filter)):
            second.addWidget(label(caption, wrap=False))
            second.addWidget(widget)
            second.addSpacing(10)
        second.addStretch(1)
        third.addWidget(self.search, 1)
        third.addWidget(self.clear)
        for row in (first, second, third):
            rows.addLayout(row)
        for combo in (self.regime, self.status, self.incident_type, self.cause,
                      self.notified, self.in_time, self.near_miss, self.actions_filter):
            combo.currentIndexChanged.connect(self.changed)
        self.date_from.changed.connect(self.changed)
        self.date_to.changed.connect(self.changed)
        self.search.textChanged.connect(self.changed)
        self.clear.clicked.connect(self.reset)

    def reset(self) -> None:
        self.blockSignals(True)
        try:
            self.date_from.set_value(None)
            self.date_to.set_value(None)
            for combo in (self.regime, self.status, self.incident_type, self.cause,
                          self.notified, self.in_time, self.near_miss, self.actions_filter):
                combo.setCurrentIndex(0)
            self.search.clear()
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def value(self) -> RegisterFilter:
        return RegisterFilter(
            date_from=self.date_from.value(), date_to=self.date_to.value(),
            regime=self.regime.value(), status=self.status.value(),
            incident_type=self.incident_type.value(), cause=self.cause.value(),
            near_miss=self.near_miss.value(), notified=self.notified.value(),
            within_deadline=self.in_time.value(), actions=self.actions_filter.value(),
            text=self.search.text())
