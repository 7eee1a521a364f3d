"""Risk step of the breach workspace: the questions (left), the live result (right), the
stored assessment versions and the DPO's decision resting on the latest one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.kit.case_model import CaseModel
from gui.kit.document_view import DocumentDialog
from gui.kit.errors import reporting, show_error
from gui.kit.fact_inputs import FormEnv
from gui.kit.step import StepPage
from gui.kit.style import label
from gui.kit.table_model import RecordTableModel
from gui.risk.decision_form import DecisionForm, recorded_text
from gui.risk.questions import RiskQuestions
from gui.risk.result import RISK_COLOURS, LiveResult
from model.domain.case import Case
from model.domain.clock import DEFAULT_ZONE, format_local
from model.domain.decision import DecisionRefusedError
from model.domain.enums import RiskLevel
from model.domain.facts import BreachFacts, facts_from_document, facts_to_document
from model.domain.records import AssessmentRecord
from model.domain.risk import what_would_change
from model.services.context import AppContext

Index = QModelIndex | QPersistentModelIndex
# Below this width the result moves under the questions instead of beside them.
TWO_COLUMNS_FROM = 940

# Short enough for a narrow column; the full wording is in the live result.
SHORT_RISK = {RiskLevel.UNLIKELY: "Unlikely", RiskLevel.RISK: "Risk",
              RiskLevel.HIGH_RISK: "High risk"}


class VersionsModel(RecordTableModel[AssessmentRecord]):
    """The stored assessment versions of one breach, newest first."""

    HEADERS = ("Version", "Recorded", "Risk", "Severity", "By")

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone

    def set_versions(self, versions: tuple[AssessmentRecord, ...], zone: str) -> None:
        self._zone = zone
        self._reset(sorted(versions, key=lambda v: -v.version))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        v = self.record(index)
        if v is None:
            return None
        col = index.column()
        risk = v.result.risk
        if role == Qt.ItemDataRole.DisplayRole:
            sev = v.result.severity
            return (str(v.version), format_local(v.created_at, self._zone, with_zone=False),
                    SHORT_RISK[risk], f"{sev.score:g} ({sev.band.label.lower()})",
                    v.created_by)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            colour = RISK_COLOURS[risk][1]
            return QColor("#9a6700" if risk is RiskLevel.RISK else colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"SHA-256 of the frozen version: {v.sha256}" if v.sha256 else None
        if role == Qt.ItemDataRole.UserRole:
            return v.id
        return None


class RiskStep(StepPage):
    """Assess a breach and record the decision."""

    KEY = "risk"
    TITLE = "Risk"
    WIDE = True

    def __init__(self, ctx: AppContext, case_model: CaseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_model, parent)
        case = case_model.case
        self._base: BreachFacts = case.facts
        self._decision_base: int | None = None
        env = FormEnv(case.zone, ctx.clock)
        self.questions = RiskQuestions(env)
        self.result = LiveResult()
        self.versions = VersionsModel()
        self.decision = DecisionForm(case.zone, ctx.clock)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self._build_content())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        self.questions.changed.connect(self._answers_edited)
        self.save_button.clicked.connect(self.save)
        self.assess_button.clicked.connect(self.record_assessment)
        self.decision.record_requested.connect(self.record_decision)
        for signal in (self.decision.ico.changed, self.decision.subjects.changed,
                       self.decision.decided_by.textChanged, self.decision.reasoning.textChanged):
            signal.connect(self.edited)
        self.register_button.clicked.connect(self.show_register_record)
        self.load(case, force=True)

    def focus_decision(self) -> None:
        """Bring the decision form into view (the workspace's 'Decide' buttons land here)."""
        self.scroller.ensureWidgetVisible(self.decision)
        self.decision.ico.yes.setFocus()

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(label("Risk assessment", "title"))
        layout.addWidget(label("Answer what triage left open; the result follows every "
                               "answer. Record an assessment to keep it, then record your "
                               "decision on the two questions.", "hint"))
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.questions)
        self.save_button = QPushButton("Save answers")
        self.save_button.setToolTip("Save the answers into the breach's facts (Ctrl+S)")
        self.dirty = label("", "pending")
        row = QHBoxLayout()
        row.addWidget(self.dirty, 1)
        row.addWidget(self.save_button)
        left.addLayout(row)
        left.addWidget(self._build_versions())
        left.addWidget(self._build_decision())
        left.addStretch(1)
        self.columns.addLayout(left, 1)
        self.columns.addWidget(self.result, 1)
        layout.addLayout(self.columns)
        return content

    def _build_versions(self) -> QGroupBox:
        box = QGroupBox("Assessment versions")
        layout = QVBoxLayout(box)
        self.table = QTableView()
        self.table.setModel(self.versions)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setFixedHeight(110)
        layout.addWidget(self.table)
        layout.addWidget(label("Each assessment is kept, frozen: recording again after new "
                               "facts adds a version and never overwrites one.", "hint"))
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
        self.register_button.setToolTip("The record of a breach not notified to the ICO, with "
                                        "the reasoning the ICO would ask for.")
        recorded.addWidget(self.recorded)
        recorded.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recorded_box)
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Two columns where there is room; the result under the questions on a laptop."""
        wide = event.size().width() >= TWO_COLUMNS_FROM
        # Narrow: one column with the live result on top, where each answer shows its effect.
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.BottomToTop)
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)

    # -- the step protocol ---------------------------------------------------------------
    def load(self, case: Case, force: bool = False) -> None:
        answers_dirty = self.answers_dirty()
        if not answers_dirty or force:
            self._base = case.facts
            self.questions.load(case.facts)
        self.versions.set_versions(case.assessments, case.zone)
        latest = case.latest_assessment
        self.assess_button.setText(f"Record assessment (version {len(case.assessments) + 1})")
        if force or not self.decision.touched() or self._decision_base != (
                latest.id if latest else None):
            regime = latest.facts.regime if latest else case.facts.regime
            self.decision.set_assessment(latest, regime, case.assessment_is_stale(),
                                         case.actor)
            self._decision_base = latest.id if latest else None
        decision = case.latest_decision
        self.recorded_box.setVisible(decision is not None)
        if decision is not None:
            self.recorded.setText(recorded_text(decision, case.zone))
            self.register_button.setVisible(not decision.notify_ico)
        self._update_live()

    def progress(self, case: Case) -> str:
        latest = case.latest_assessment
        if latest is None:
            return "—"
        return f"v{latest.version}" + (" ✓" if case.latest_decision is not None else "")

    def answers_dirty(self) -> bool:
        return self.current_facts() != self._base

    def has_unsaved_changes(self) -> bool:
        return self.answers_dirty() or self.decision.touched()

    def save(self) -> bool:
        """Save the answers into the breach's facts; True when saved (or nothing to save).

        A decision is never recorded by Save: it is recorded on purpose, with its button.
        """
        if not self.answers_dirty():
            return True
        with reporting(self, "Saving the answers") as outcome:
            self.ctx.breaches.save_changes(self.case.id, self._base, self.current_facts(),
                                           self.case.actor)
        if outcome.failed:
            return False
        self._base = self.current_facts()
        self.saved.emit()
        return True

    def discard(self) -> None:
        self.load(self.case, force=True)
        self.edited.emit()

    def draft_state(self) -> dict[str, Any] | None:
        if not self.has_unsaved_changes():
            return None
        return {"base": facts_to_document(self._base),
                "edited": facts_to_document(self.current_facts()),
                "decision": self.decision.state() if self.decision.touched() else None}

    def restore_draft(self, state: dict[str, Any]) -> None:
        self._base = facts_from_document(state["base"], strict=False)
        self.questions.load(facts_from_document(state["edited"], strict=False))
        if state.get("decision"):
            self.decision.restore(state["decision"])
        self._update_live()

    def shown(self) -> None:
        self._update_live()

    # -- live result ---------------------------------------------------------------------
    def current_facts(self) -> BreachFacts:
        return self.questions.apply(self._base)

    def _answers_edited(self) -> None:
        self._update_live()
        self.edited.emit()

    def _update_live(self) -> None:
        facts = self.current_facts()
        unsaved = facts != self._base
        self.dirty.setText("● Unsaved answers: the result shows them; save to keep them."
                           if unsaved else "")
        self.save_button.setEnabled(unsaved)
        with reporting(self, "Working out the result"):
            result = self.ctx.assessments.preview(facts)
            self.result.show_result(result, what_would_change(facts), self.case.zone)
            self.questions.set_high_risk(result.risk is RiskLevel.HIGH_RISK)

    # -- actions -------------------------------------------------------------------------
    def record_assessment(self) -> None:
        if not self.save():
            return
        with reporting(self, "Recording the assessment") as outcome:
            self.ctx.assessments.assess(self.case.id, self.case.actor)
        if not outcome.failed:
            self.saved.emit()

    def record_decision(self) -> None:
        latest = self.case.latest_assessment
        if latest is None:
            return
        self.decision.clear_refusal()
        try:
            self.ctx.assessments.record_decision(self.case.id, latest.id, self.decision.draft())
        except DecisionRefusedError as err:
            self.decision.show_refusal(list(err.errors))  # inline: the user fixes the form
            return
        except Exception as err:  # every other failure is shown, nothing was saved
            show_error(self, err, "Recording the decision")
            return
        self._decision_base = None  # reset the form on the next load
        self.decision.set_assessment(latest, latest.facts.regime, False, self.case.actor)
        self.saved.emit()

    def show_register_record(self) -> None:
        with reporting(self, "Preparing the register record") as outcome:
            document = self.ctx.documents.not_notifiable(self.case.id)
        if not outcome.failed:
            DocumentDialog(document, self).exec()
