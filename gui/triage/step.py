"""The workspace's Triage step: the wizard's forms in tabs, what is still missing, Save.

Unsaved edits survive everything: they are kept as a draft in the vault a few seconds after
each change, and the shell asks before anything would drop them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
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

from gui.kit.case_model import CaseModel
from gui.kit.errors import reporting
from gui.kit.fact_inputs import FormEnv
from gui.kit.step import StepPage
from gui.kit.style import label, set_role
from gui.triage.forms import FactsForm
from gui.triage.formset import FormSet
from gui.triage.missing import MissingPanel
from model.domain.case import Case
from model.domain.facts import BreachFacts, facts_from_document, facts_to_document
from model.domain.validation import triage_completeness
from model.services.context import AppContext

REFRESH_MS = 250  # the missing list follows typing after a short pause, not per keystroke


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


class TriageStep(StepPage):
    """Edit a saved breach's facts; incomplete facts save, impossible ones are refused."""

    KEY = "triage"
    TITLE = "Triage"

    def __init__(self, ctx: AppContext, case_model: CaseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_model, parent)
        case = case_model.case
        self.forms = FormSet(FormEnv(case.zone, ctx.clock), case.facts)
        self._saved_facts = self.forms.facts()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        for form in self.forms.forms():
            self.tabs.addTab(scrolled(padded(form)), form.TITLE)
        self.missing = MissingPanel()
        self.state = label("", "hint")
        self.revert = QPushButton("Undo changes")
        self.save_button = QPushButton("Save triage")
        self.save_button.setToolTip("Save the triage (Ctrl+S)")
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.missing)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh)
        self.forms.edited.connect(self._typed)
        self.missing.field_activated.connect(self.go_to_field)
        self.save_button.clicked.connect(self.save)
        self.revert.clicked.connect(self.undo)
        self._refresh()

    # -- the step protocol ---------------------------------------------------------------
    def load(self, case: Case) -> None:
        if self.has_unsaved_changes():
            return  # the DPO is midway through an edit here: keep it
        self.forms.load(case.facts)
        self._saved_facts = self.forms.facts()
        self._refresh()

    def progress(self, case: Case) -> str:
        done, total = triage_completeness(self.forms.facts() if self.has_unsaved_changes()
                                          else case.facts)
        return f"{done}/{total}"

    def has_unsaved_changes(self) -> bool:
        return self.forms.facts() != self._saved_facts

    def save(self) -> bool:
        """Save through the services; on refusal the form keeps what was typed."""
        with reporting(self, "Saving the triage") as outcome:
            self.ctx.breaches.save_changes(self.case.id, self._saved_facts,
                                           self.forms.facts(), self.case.actor)
        if outcome.failed:
            return False
        self._saved_facts = self.forms.facts()
        self.saved.emit()  # the workspace reloads the case, and load() shows it
        self._refresh()
        return True

    def discard(self) -> None:
        self.forms.load(self.case.facts)
        self._saved_facts = self.forms.facts()
        self._refresh()
        self.edited.emit()

    def draft_state(self) -> dict[str, Any] | None:
        if not self.has_unsaved_changes():
            return None
        return {"base": facts_to_document(self._saved_facts),
                "edited": facts_to_document(self.forms.facts())}

    def restore_draft(self, state: dict[str, Any]) -> None:
        base = facts_from_document(state["base"], strict=False)
        edited = facts_from_document(state["edited"], strict=False)
        self.forms.load(edited)
        self._saved_facts = base
        self._refresh()

    # -- on screen -----------------------------------------------------------------------
    def go_to_field(self, field: str) -> None:
        form = self.forms.form_for(field)
        if form is not None:
            self.tabs.setCurrentIndex(self.forms.forms().index(form))
            if field in form.inputs:
                form.inputs[field].widget.setFocus()

    def _typed(self) -> None:
        self._refresh_timer.start()
        self._show_state()
        self.edited.emit()

    def _refresh(self) -> None:
        self._refresh_timer.stop()
        self.missing.show_facts(self.forms.facts(), self.forms.problems())
        self._show_state()

    def _show_state(self) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty)
        self.revert.setEnabled(dirty)
        self.state.setText("● Unsaved changes (kept as a draft until you save)" if dirty
                           else "All changes saved")
        set_role(self.state, "pending" if dirty else "hint")

    def undo(self) -> None:
        answer = QMessageBox.question(self, "Undo changes",
                                      "Discard the changes made since the last save?")
        if answer == QMessageBox.StandardButton.Yes:
            self.discard()

    @property
    def saved_facts(self) -> BreachFacts:
        return self._saved_facts
