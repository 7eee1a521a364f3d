"""The breach workspace: a header with the live clock and status actions, the steps in a
side list (Triage, Risk, ICO notification, People affected, Lessons) and the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.deadline_view import badge_style, clock_style, deadline_line
from gui.errors import reporting
from gui.risk_step import RiskStep
from gui.status_actions import StatusButtons, StatusChangeDialog
from gui.style import label
from gui.timeline_widget import TimelineWidget
from gui.triage.editor import TriageEditor
from gui.workspace_steps import PlannedStepPage, Step, StepList
from model.domain.deadlines import breach_deadline_status
from model.domain.enums import BreachStatus
from model.domain.records import Breach
from model.domain.validation import triage_completeness

TICK_MS = 30_000


class BreachWorkspace(QWidget):
    """Everything about one breach. Emits `closed` (back to the list) and `changed`."""

    closed = Signal()
    changed = Signal()

    def __init__(self, ctx, breach_id: int, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self.breach_id = breach_id
        profile = ctx.organisation.get()
        self._zone, self._actor = profile.time_zone, profile.dpo_name
        self.breach: Breach = ctx.breaches.get(breach_id)
        self._build_header()
        self.steps = StepList()
        self.pages = QStackedWidget()
        self.triage = TriageEditor(ctx, breach_id)
        self.risk = RiskStep(ctx, breach_id)
        self.pages.addWidget(self._margined(self.triage))
        self.pages.addWidget(self.risk)
        for step in (Step.ICO, Step.PEOPLE, Step.LESSONS):
            page = PlannedStepPage(step)
            page.go_to.connect(self.steps.setCurrentRow)
            self.pages.addWidget(page)
        self.timeline = TimelineWidget(ctx, breach_id)
        self._build_body()
        self.steps.currentRowChanged.connect(self._step_changed)
        self.triage.saved.connect(self._facts_saved)
        self.triage.forms.edited.connect(self._update_triage_progress)
        self.risk.changed.connect(self._risk_changed)
        self.timeline.changed.connect(self._something_changed)
        self.status_buttons.requested.connect(self.request_status)
        self.back.clicked.connect(self.close_workspace)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.update_header)
        self.timer.start(TICK_MS)
        self.update_header()
        self._update_steps()

    @staticmethod
    def _margined(widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(widget)
        return box

    def _build_header(self) -> None:
        self.back = QPushButton("← Breaches")
        self.reference = label("", "title", wrap=False)
        self.title = label("", "heading")
        self.badge = QLabel()
        self.clock = QLabel()
        self.status_buttons = StatusButtons()
        self.show_timeline = QPushButton("Timeline")
        self.show_timeline.setCheckable(True)
        self.show_timeline.setChecked(True)
        self.show_timeline.setToolTip("Show or hide the timeline beside the step")
        self.header = QWidget()
        self.header.setObjectName("workspaceHeader")
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(8)
        top.addWidget(self.reference)
        top.addWidget(self.badge)
        top.addWidget(self.title, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.clock)
        bottom.addStretch(1)
        bottom.addWidget(self.status_buttons)
        bottom.addSpacing(12)
        bottom.addWidget(self.show_timeline)
        column = QVBoxLayout(self.header)
        column.setContentsMargins(12, 10, 12, 8)
        column.addLayout(top)
        column.addLayout(bottom)

    def _build_body(self) -> None:
        timeline_box = self._margined(self.timeline)
        timeline_box.setMinimumWidth(300)
        self.show_timeline.toggled.connect(timeline_box.setVisible)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pages)
        splitter.addWidget(timeline_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([680, 320])
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.steps)
        body.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    # -- refreshing --------------------------------------------------------------------
    def update_header(self) -> None:
        """Reference, title, status badge and the live deadline line."""
        b = self.breach
        self.reference.setText(b.reference)
        self.title.setText(b.title or "(untitled — add a title in Triage)")
        self.badge.setText(b.status.label)
        self.badge.setStyleSheet(badge_style(b.status))
        status = breach_deadline_status(b.facts.regime, b.facts.aware_at, b.notified_at, b.status,
                            self._ctx.clock())
        self.clock.setText(deadline_line(status, self._zone))
        self.clock.setStyleSheet(clock_style(status.colour_key))
        self.clock.setToolTip(status.rule.basis if status.rule else "")
        self.status_buttons.show_for(b.status)

    def _update_triage_progress(self) -> None:
        done, total = triage_completeness(self.triage.forms.facts())
        self.steps.set_progress(Step.TRIAGE, f"{done}/{total}")

    def _update_steps(self) -> None:
        self._update_triage_progress()
        latest = self._ctx.assessments.latest(self.breach_id)
        decided = self._ctx.assessments.latest_decision(self.breach_id) is not None
        risk = "—" if latest is None else f"v{latest.version}" + (" ✓" if decided else "")
        self.steps.set_progress(Step.RISK, risk)
        for step in (Step.ICO, Step.PEOPLE, Step.LESSONS):
            self.steps.set_progress(step, "—")

    def _reload(self) -> None:
        self.breach = self._ctx.breaches.get(self.breach_id)
        self.update_header()
        self.timeline.refresh()
        self._update_steps()

    def _facts_saved(self) -> None:
        self._reload()
        self.risk.refresh()
        self.changed.emit()

    def _risk_changed(self) -> None:
        # The risk step may save facts the triage forms also show: keep them current,
        # unless the DPO is midway through editing them there.
        if not self.triage.dirty:
            self.triage.reload()
        self._something_changed()

    def _something_changed(self) -> None:
        self._reload()
        self.changed.emit()

    def _step_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        # The risk step needs its two columns; the timeline stays a click away.
        self.show_timeline.setChecked(row != Step.RISK)
        if row == Step.RISK:
            self.risk.refresh()

    # -- status workflow ---------------------------------------------------------------
    def request_status(self, new: BreachStatus) -> bool:
        """Ask for the reason (and notification time), then move the breach."""
        if new is BreachStatus.NOT_NOTIFIABLE:
            # That decision carries its reasoning and the assessment it rests on: it is
            # recorded in the Risk step, not by a bare status change.
            self.steps.setCurrentRow(Step.RISK)
            self.risk.focus_decision()
            return False
        dialog = StatusChangeDialog(self.breach.status, new, self._zone, self._ctx.clock, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.change_status(new, dialog.note(), dialog.when())

    def change_status(self, new: BreachStatus, note: str = "", at=None) -> bool:  # type: ignore[no-untyped-def]
        with reporting(self, "Changing the status") as outcome:
            self._ctx.breaches.change_status(self.breach_id, new, self._actor, note, at)
        if outcome.failed:
            return False
        self._something_changed()
        return True

    def close_workspace(self) -> None:
        """Back to the list; unsaved triage edits are saved or dropped on purpose only."""
        if self.triage.dirty:
            buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                       | QMessageBox.StandardButton.Cancel)
            answer = QMessageBox.question(self, "Unsaved triage",
                                          "Save the changes to the triage before leaving?",
                                          buttons)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.triage.save_facts():
                return
        self.timer.stop()
        self.closed.emit()
