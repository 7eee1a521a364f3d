"""Lessons step of the breach workspace: how the breach unfolded (from the timeline), the
lessons form, the corrective actions, what still blocks closing, near misses and the
lessons-learned report."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.kit.case_model import CaseModel
from gui.kit.document_view import DocumentDialog
from gui.kit.errors import reporting
from gui.kit.step import StepPage
from gui.kit.style import label, set_role
from gui.lessons.actions import ActionsPanel
from gui.lessons.form import LessonsForm
from model.domain.case import Case
from model.domain.clock import format_local, to_zone
from model.domain.closing import close_problems
from model.domain.lessons.checks import lessons_missing
from model.domain.lessons.milestones import detection_text, intervals, milestones
from model.domain.lessons.records import Lessons
from model.services.context import AppContext


def unfolded_text(case: Case) -> tuple[str, str]:
    """How it unfolded: the moments, and the time between them with how it was detected
    (times in the organisation's zone)."""
    lines = [f"{m.label}: {format_local(m.at, case.zone) if m.at else 'not recorded'}"
             for m in milestones(case)]
    spans = [f"{i.label}: {i.text}" for i in intervals(case)]
    return "\n".join(lines), "\n".join(spans) + f"\nDetected: {detection_text(case)}"


class LessonsStep(StepPage):
    KEY = "lessons"
    TITLE = "Lessons"
    WIDE = True

    def __init__(self, ctx: AppContext, case_model: CaseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_model, parent)
        self._base = Lessons()
        self.form = LessonsForm()
        self.action_panel = ActionsPanel(ctx)
        self.near_miss = label("", "hint")
        self.near_button = QPushButton()
        self.unfolded = label("")
        self.spans = label("")
        self.blocking = label("", "warning")
        self.dirty = label("", "pending")
        self.save_button = QPushButton("Save lessons")
        self.save_button.setToolTip("Save the lessons (Ctrl+S)")
        self.report_button = QPushButton("Lessons report…")
        self.report_button.setToolTip("The lessons-learned report for a board or a police "
                                      "and crime commissioner")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._content())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.form.changed.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.action_panel.changed.connect(self.saved)
        self.report_button.clicked.connect(self.show_report)
        self.near_button.clicked.connect(self.toggle_near_miss)
        self.load(case_model.case, force=True)

    def _content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        top = QHBoxLayout()
        top.addWidget(label("Lessons learned", "title"), 1)
        top.addWidget(self.report_button)
        layout.addLayout(top)
        layout.addWidget(label("What went wrong and why, what worked, and the actions that "
                               "stop it happening again. Closing the breach needs the lessons "
                               "complete and every action done or explicitly accepted.",
                               "hint"))
        near = QHBoxLayout()
        near.addWidget(self.near_miss, 1)
        near.addWidget(self.near_button)
        layout.addLayout(near)
        layout.addWidget(self.blocking)
        box = QGroupBox("How it unfolded (from triage and the timeline)")
        columns = QHBoxLayout(box)
        columns.addWidget(self.unfolded, 1)
        columns.addWidget(self.spans, 1)
        layout.addWidget(box)
        layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.dirty, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        actions = QGroupBox("Corrective and preventive actions")
        inner = QVBoxLayout(actions)
        inner.addWidget(label("One action may serve several breaches (Also serves…). Evidence "
                              "files are kept in the vault; 'not effective' raises a "
                              "follow-up.", "hint"))
        inner.addWidget(self.action_panel)
        layout.addWidget(actions)
        layout.addStretch(1)
        return content

    # -- the step protocol ---------------------------------------------------------------
    def load(self, case: Case, force: bool = False) -> None:
        stored = (case.lessons or Lessons()).content()
        if force or not self.has_unsaved_changes():
            self._base = stored
            self.form.set_lessons(stored)
        today = to_zone(self.ctx.clock(), case.zone).date()
        self.action_panel.show_case(case, today)
        moments, spans = unfolded_text(case)
        self.unfolded.setText(moments)
        self.spans.setText(spans)
        near = case.breach.near_miss
        self.near_miss.setText(
            "Recorded as a near miss: no personal data was actually compromised, so there "
            "is no clock and nothing to notify; lessons and actions as usual." if near else
            "A near miss (no personal data actually compromised) takes a short path: no "
            "clock and no notification.")
        set_role(self.near_miss, "ok" if near else "hint")
        self.near_button.setText("Not a near miss…" if near else "Record as a near miss…")
        problems = close_problems(case)
        self.blocking.setText("Still needed before closing:\n• " + "\n• ".join(problems)
                              if problems else "")
        self.blocking.setVisible(bool(problems) and case.breach.status.value != "closed")
        self._edited(emit=False)

    def progress(self, case: Case) -> str:
        missing = len(lessons_missing(case.lessons))
        open_actions = sum(1 for a in case.corrective_actions if not a.settled)
        if missing:
            return f"{5 - missing}/5"
        return f"{open_actions} open" if open_actions else "✓"

    def has_unsaved_changes(self) -> bool:
        return self.form.lessons() != self._base

    def save(self) -> bool:
        if not self.has_unsaved_changes():
            return True
        lessons = self.form.lessons()
        with reporting(self, "Saving the lessons") as outcome:
            self.ctx.lessons.save(self.case.id, lessons, self.case.actor)
        if outcome.failed:
            return False
        self._base = lessons
        self._edited(emit=False)
        self.saved.emit()
        return True

    def discard(self) -> None:
        self.load(self.case, force=True)
        self.edited.emit()

    def draft_state(self) -> dict[str, Any] | None:
        return self.form.state() if self.has_unsaved_changes() else None

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.form.restore(state)
        self._edited()

    def _edited(self, emit: bool = True) -> None:
        dirty = self.has_unsaved_changes()
        self.dirty.setText("● Unsaved lessons: save to keep them." if dirty else "")
        self.save_button.setEnabled(dirty)
        if emit:
            self.edited.emit()

    # -- actions -------------------------------------------------------------------------
    def show_report(self) -> None:
        if self.has_unsaved_changes() and not self.save():
            return
        with reporting(self, "Preparing the lessons report") as outcome:
            document = self.ctx.register.lessons_document(self.case.id)
        if not outcome.failed:
            DocumentDialog(document, self).exec()

    def toggle_near_miss(self) -> None:
        making = not self.case.breach.near_miss
        title = "Record as a near miss" if making else "Not a near miss"
        prompt = ("Why was no personal data actually compromised? (kept in the timeline)"
                  if making else "Why is it handled as a breach after all?")
        reason, ok = QInputDialog.getMultiLineText(self, title, prompt)
        if not ok:
            return
        with reporting(self, title) as outcome:
            self.ctx.lessons.set_near_miss(self.case.id, making, reason, self.case.actor)
        if not outcome.failed:
            self.saved.emit()
