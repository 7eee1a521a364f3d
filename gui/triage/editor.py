"""The workspace's Triage step: the wizard's forms in tabs, what is still missing, Save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.errors import reporting
from gui.style import label
from gui.triage.forms import FactsForm, FormEnv
from gui.triage.formset import FormSet
from gui.triage.missing import MissingPanel


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area that resizes it to the width available."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def padded(form: FactsForm) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.addWidget(form)
    layout.addStretch(1)
    return page


class TriageEditor(QWidget):
    """Edit a saved breach's facts; incomplete facts save, impossible ones are refused."""

    saved = Signal()

    def __init__(self, ctx, breach_id: int, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._breach_id = breach_id
        zone = ctx.organisation.get().time_zone
        self._actor = ctx.organisation.get().dpo_name
        breach = ctx.breaches.get(breach_id)
        self.forms = FormSet(FormEnv(zone, ctx.clock), breach.facts)
        self._saved_facts = self.forms.facts()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for form in self.forms.forms():
            self.tabs.addTab(scrolled(padded(form)), form.TITLE)
        self.missing = MissingPanel()
        self.state = label("", "hint")
        self.revert = QPushButton("Undo changes")
        self.save = QPushButton("Save triage")
        self.save.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        bottom_layout.addWidget(self.missing, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.forms.edited.connect(self._refresh)
        self.missing.field_activated.connect(self.go_to_field)
        self.save.clicked.connect(self.save_facts)
        self.revert.clicked.connect(self.undo)
        self._refresh()

    @property
    def dirty(self) -> bool:
        return self.forms.facts() != self._saved_facts

    def go_to_field(self, field: str) -> None:
        form = self.forms.form_for(field)
        if form is not None:
            self.tabs.setCurrentIndex(self.forms.forms().index(form))

    def _refresh(self) -> None:
        problems = self.forms.problems()
        self.missing.show_facts(self.forms.facts(), problems)
        dirty = self.dirty
        self.save.setEnabled(dirty)
        self.revert.setEnabled(dirty)
        self.state.setText("Unsaved changes" if dirty else "All changes saved")

    def save_facts(self) -> bool:
        """Save through the services; on refusal the form keeps what was typed."""
        with reporting(self, "Saving the triage") as outcome:
            breach = self._ctx.breaches.save_changes(self._breach_id, self._saved_facts,
                                                     self.forms.facts(), self._actor)
        if outcome.failed:
            return False
        self.forms.load(breach.facts)
        self._saved_facts = self.forms.facts()
        self._refresh()
        self.saved.emit()
        return True

    def undo(self) -> None:
        answer = QMessageBox.question(self, "Undo changes",
                                      "Discard the changes made since the last save?")
        if answer == QMessageBox.StandardButton.Yes:
            self.reload()

    def reload(self) -> None:
        self.forms.load(self._ctx.breaches.get(self._breach_id).facts)
        self._saved_facts = self.forms.facts()
        self._refresh()
