"""Risk step of the breach workspace: the questions (left), the live result (right), the
stored assessment versions and the DPO's decision resting on the latest one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.decision_form import DecisionForm, recorded_text
from gui.errors import reporting, show_error
from gui.risk_questions import RiskQuestions
from gui.risk_result import RISK_COLOURS, LiveResult
from gui.style import label
from gui.table_model import RecordTableModel
from model.domain.clock import DEFAULT_ZONE, format_local
from model.domain.decision import DecisionRefusedError
from model.domain.enums import RiskLevel
from model.domain.facts import BreachFacts
from model.domain.records import AssessmentRecord, Breach
from model.domain.risk import what_would_change

Index = QModelIndex | QPersistentModelIndex


# Short enough for a narrow column; the full wording is in the live result.
SHORT_RISK = {RiskLevel.UNLIKELY: "Unlikely", RiskLevel.RISK: "Risk",
              RiskLevel.HIGH_RISK: "High risk"}


class VersionsModel(RecordTableModel[AssessmentRecord]):
    """The stored assessment versions of one breach, newest first."""

    HEADERS = ("Version", "Recorded", "Risk", "Severity", "By")

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone

    def set_versions(self, versions: list[AssessmentRecord], zone: str) -> None:
        self._zone = zone
        self._reset(sorted(versions, key=lambda v: -v.version))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        v = self.record(index)
        if v is None:
            return None
        col = index.column()
        risk = RiskLevel(v.result["risk"])
        if role == Qt.ItemDataRole.DisplayRole:
            sev = v.result.get("severity", {})
            return (str(v.version), format_local(v.created_at, self._zone, with_zone=False),
                    SHORT_RISK[risk],
                    f"{sev.get('score', 0):g} ({str(sev.get('band', '')).replace('_', ' ')})",
                    v.created_by)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            colour = RISK_COLOURS[risk][1]
            return QColor("#9a6700" if risk is RiskLevel.RISK else colour)
        if role == Qt.ItemDataRole.UserRole:
            return v.id
        return None


class RegisterRecordDialog(QDialog):
    """The one-page register record of a breach decided not notifiable, to copy or save."""

    def __init__(self, text: str, save_pdf: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Register record")
        self.resize(760, 620)
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        pdf = buttons.addButton("Save as PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        pdf.clicked.connect(save_pdf)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)


class RiskStep(QWidget):
    """Assess a breach and record the decision. `changed` fires after anything is saved."""

    changed = Signal()

    def __init__(self, ctx, breach_id: int, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._breach_id = breach_id
        self._breach: Breach | None = None
        self._latest: AssessmentRecord | None = None
        self._zone = DEFAULT_ZONE
        self._actor = ""
        self.questions = RiskQuestions()
        self.result = LiveResult()
        self.versions = VersionsModel()
        self.decision = DecisionForm(self._zone_now(), ctx.clock)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self._build_content())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.questions.changed.connect(self._update_live)
        self.save_button.clicked.connect(self.save_answers)
        self.assess_button.clicked.connect(self.record_assessment)
        self.decision.record_requested.connect(self.record_decision)
        self.register_button.clicked.connect(self.show_register_record)
        self.refresh()

    def focus_decision(self) -> None:
        """Bring the decision form into view (the workspace's 'Decide' buttons land here)."""
        self.scroll.ensureWidgetVisible(self.decision)
        self.decision.ico.yes.setFocus()

    def _zone_now(self) -> str:
        return self._ctx.organisation.get().time_zone or DEFAULT_ZONE

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(label("Risk assessment", "title"))
        layout.addWidget(label("Answer what triage left open; the result on the right follows "
                               "every answer. Record an assessment to keep it, then record "
                               "your decision on the two questions.", "hint"))
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.questions)
        self.save_button = QPushButton("Save answers")
        self.dirty = label("", "pending")
        row = QHBoxLayout()
        row.addWidget(self.dirty, 1)
        row.addWidget(self.save_button)
        left.addLayout(row)
        left.addWidget(self._build_versions())
        left.addWidget(self._build_decision())
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(self.result, 1)
        layout.addLayout(columns)
        return content

    def _build_versions(self) -> QGroupBox:
        box = QGroupBox("Assessment versions")
        layout = QVBoxLayout(box)
        self.table = QTableView()
        self.table.setModel(self.versions)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.
                                                           ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFixedHeight(110)
        layout.addWidget(self.table)
        layout.addWidget(label("Each assessment is kept: recording again after new facts adds "
                               "a version and never overwrites an earlier one.", "hint"))
        self.assess_button = QPushButton("Record assessment")
        self.assess_button.setToolTip("Saves your answers, then stores the result as a new "
                                      "version.")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.assess_button)
        layout.addLayout(row)
        return box

    def _build_decision(self) -> QGroupBox:
        box = QGroupBox("Decision")
        layout = QVBoxLayout(box)
        layout.addWidget(self.decision)
        self.recorded_box = QGroupBox("Recorded decision")
        recorded = QVBoxLayout(self.recorded_box)
        self.recorded = label("")
        self.register_button = QPushButton("Register record…")
        self.register_button.setToolTip("The one-page record of a breach not notified to the "
                                        "ICO, with the reasoning the ICO would ask for.")
        recorded.addWidget(self.recorded)
        recorded.addWidget(self.register_button)
        layout.addWidget(self.recorded_box)
        return box

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the services (called when the workspace shows this step)."""
        with reporting(self, "Loading the risk assessment") as outcome:
            org = self._ctx.organisation.get()
            breach = self._ctx.breaches.get(self._breach_id)
            versions = self._ctx.assessments.versions(self._breach_id)
            decision = self._ctx.assessments.latest_decision(self._breach_id)
        if outcome.failed:
            return
        self._zone, self._actor, self._breach = org.time_zone, org.dpo_name, breach
        self._latest = versions[-1] if versions else None
        self.questions.load(breach.facts, org.sector)
        self.versions.set_versions(versions, self._zone)
        self.assess_button.setText(f"Record assessment (version {len(versions) + 1})")
        stale = self._latest is not None and self._latest.facts != breach.facts
        regime = self._latest.facts.regime if self._latest else breach.facts.regime
        self.decision.set_assessment(self._latest, regime, stale, org.dpo_name)
        self.recorded_box.setVisible(decision is not None)
        if decision is not None:
            self.recorded.setText(recorded_text(decision, self._zone))
            self.register_button.setVisible(not decision.notify_ico)
        self._update_live()

    def current_facts(self) -> BreachFacts:
        assert self._breach is not None
        return self.questions.apply(self._breach.facts)

    def _update_live(self) -> None:
        if self._breach is None:
            return
        facts = self.current_facts()
        unsaved = facts != self._breach.facts
        self.dirty.setText("Unsaved answers: the result shows them; save to keep them."
                           if unsaved else "")
        self.save_button.setEnabled(unsaved)
        with reporting(self, "Working out the result"):
            result = self._ctx.assessments.preview(facts)
            self.result.show_result(result, what_would_change(facts), self._zone)

    # -- actions -------------------------------------------------------------------------
    def save_answers(self) -> bool:
        """Save the answers into the breach's facts; True when saved (or nothing to save)."""
        if self._breach is None:
            return False
        facts = self.current_facts()
        if facts == self._breach.facts:
            return True
        with reporting(self, "Saving the answers") as outcome:
            self._ctx.breaches.save_changes(self._breach_id, self._breach.facts, facts,
                                            self._actor)
        if outcome.failed:
            return False
        self.refresh()
        self.changed.emit()
        return True

    def record_assessment(self) -> None:
        if not self.save_answers():
            return
        with reporting(self, "Recording the assessment") as outcome:
            self._ctx.assessments.assess(self._breach_id, self._actor)
        if not outcome.failed:
            self.refresh()
            self.changed.emit()

    def record_decision(self) -> None:
        if self._latest is None:
            return
        self.decision.clear_refusal()
        try:
            self._ctx.assessments.record_decision(self._breach_id, self._latest.id,
                                                  self.decision.draft())
        except DecisionRefusedError as err:
            self.decision.show_refusal(list(err.errors))  # inline: the user fixes the form
            return
        except Exception as err:  # every other failure is shown, nothing was saved
            show_error(self, err, "Recording the decision")
            return
        self.refresh()
        self.changed.emit()

    def show_register_record(self) -> None:
        with reporting(self, "Preparing the register record") as outcome:
            record = self._ctx.assessments.register_record(self._breach_id)
        if not outcome.failed:
            RegisterRecordDialog(record.as_text(), self.save_register_pdf, self).exec()

    def save_register_pdf(self) -> Path | None:
        """Ask where, then write the one-page PDF of the register record."""
        from reports.exports import export_not_notifiable, not_notifiable_file_name

        assert self._breach is not None
        name = not_notifiable_file_name(self._breach.reference)
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the register record",
                                                str(Path.home() / name), "PDF (*.pdf)")
        if not chosen:
            return None
        with reporting(self, "Saving the register record") as outcome:
            path = export_not_notifiable(self._ctx, self._breach_id, Path(chosen))
        return None if outcome.failed else path
