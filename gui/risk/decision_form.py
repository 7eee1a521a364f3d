"""The decision form of the risk step: the two questions with the recommendation, reasons
that become required on a departure, the decider, and the s.68 restriction (Part 3 only).

The rules come from model.domain.decision; this form only shows their messages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import long_text
from gui.kit.inputs import ChoiceCombo, OptionalDateTime
from gui.kit.style import label, set_role
from model.domain.clock import format_local, to_minute, to_zone
from model.domain.decision import (
    DecisionDraft,
    RestrictionGround,
    decision_problems,
    recommendation_of,
    restriction_allowed,
)
from model.domain.enums import Regime
from model.domain.errors import ValidationError
from model.domain.records import AssessmentRecord, DecisionRecord, Restriction
from model.domain.risk.stored import AssessmentResult

FIELD_NAMES = {"decided_by": "Decided by", "decided_at": "Decided at",
               "restriction": "Restriction", "restriction.ground": "Ground",
               "restriction.reasoning": "Reasoning", "restriction.review_on": "Review date",
               "notify_ico_reason": "Reason (ICO)", "notify_subjects_reason": "Reason (people)",
               "assessment": "Assessment"}


def _text(height: int, placeholder: str) -> QPlainTextEdit:
    edit = long_text(placeholder, height)
    edit.setFixedHeight(height)
    return edit


class Question(QWidget):
    """One yes/no question with the recommendation, a reason field and its inline message."""

    changed = Signal()

    def __init__(self, text: str, yes: str, no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes, self.no = QRadioButton(yes), QRadioButton(no)
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.recommended = label("", "hint")
        self.reason = _text(64, "Reason: why you decide differently from the recommendation "
                            "(required when you depart from it)")
        self.message = label("", "error")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(label(text, "heading"))
        layout.addWidget(self.recommended)
        buttons = QHBoxLayout()
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())
        self.reason.textChanged.connect(self.changed)

    def set_recommendation(self, value: bool, text: str) -> None:
        self.recommended.setText(f"Recommended: {text}")
        (self.yes if value else self.no).setChecked(True)
        self.reason.clear()

    def value(self) -> bool:
        return self.yes.isChecked()

    def show_message(self, text: str) -> None:
        self.message.setText(f"⚠ {text}" if text else "")
        self.message.setVisible(bool(text))
        self.reason.setProperty("invalid", bool(text))
        self.reason.style().unpolish(self.reason)
        self.reason.style().polish(self.reason)


class DecisionForm(QWidget):
    """Builds a DecisionDraft; `record_requested` asks the screen to record it."""

    record_requested = Signal()

    def __init__(self, zone: str, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone, self._clock = zone, clock
        self._result: AssessmentResult | None = None
        self._defaults: dict[str, Any] = {}
        self._regime = Regime.UK_GDPR
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rests_on = label("", "hint")
        self.stale = label("", "warning")
        self.stale.hide()
        self.ico = Question("Notify the ICO?", "Yes, notify the ICO", "No, do not notify")
        self.subjects = Question("Tell the people affected?", "Yes, tell them",
                                 "No, do not tell them")
        for widget in (self.rests_on, self.stale, self.ico, self.subjects):
            layout.addWidget(widget)
        layout.addWidget(self._build_restriction())
        layout.addLayout(self._build_who())
        self.problems = label("", "error")
        self.problems.hide()
        layout.addWidget(self.problems)
        self.record = QPushButton("Record decision")
        self.record.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record)
        layout.addLayout(row)
        self.record.clicked.connect(self.record_requested)
        for signal in (self.ico.changed, self.subjects.changed, self.decided_by.textChanged,
                       self.decided_at.changed, self.restrict.toggled,
                       self.ground.currentIndexChanged, self.reasoning.textChanged,
                       self.review_on.dateChanged):
            signal.connect(self._check)

    def _build_restriction(self) -> QGroupBox:
        box = QGroupBox("Restrict or delay what people are told (DPA 2018 s.68)")
        box.setCheckable(True)
        box.setChecked(False)
        self.restrict = box
        self.ground = ChoiceCombo(list(RestrictionGround), none_text="Choose a ground…")
        self.reasoning = _text(64, "Why restricting is necessary and proportionate")
        self.review_on = QDateEdit()
        self.review_on.setCalendarPopup(True)
        self.review_on.setDisplayFormat("ddd dd MMM yyyy")
        self.restriction_message = label("", "error")
        self.restriction_message.hide()
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Ground", self.ground)
        form.addRow("Reasoning", self.reasoning)
        form.addRow("Review on", self.review_on)
        form.addRow(self.restriction_message)
        return box

    def _build_who(self) -> QFormLayout:
        self.decided_by = QLineEdit()
        self.decided_by.setPlaceholderText("Name of the person deciding")
        # "Now" until the DPO changes it: the decision time is taken when it is recorded.
        self.decided_at = OptionalDateTime(self._zone, self._clock, allow_unknown=False,
                                           follow_now=True)
        self.who_message = label("", "error")
        self.who_message.hide()
        form = QFormLayout()
        form.addRow("Decided by", self.decided_by)
        form.addRow("Decided at", self.decided_at)
        form.addRow(self.who_message)
        return form

    # -- state -------------------------------------------------------------------------
    def set_assessment(self, assessment: AssessmentRecord | None, regime: Regime,
                       stale: bool, decider: str) -> None:
        """Reset the form for a decision resting on `assessment` (None: nothing to decide)."""
        self._result = assessment.result if assessment else None
        self._regime = regime
        self.setEnabled(assessment is not None)
        if assessment is None:
            self.rests_on.setText("Record an assessment first: a decision rests on one.")
            self.stale.hide()
            return
        rec = recommendation_of(assessment.result)
        self.rests_on.setText(
            f"Rests on assessment version {assessment.version} of "
            f"{format_local(assessment.created_at, self._zone)}: {rec.risk.label.lower()}.")
        self.stale.setText("The facts have changed since this assessment. Record a new "
                           "assessment before deciding, so the decision rests on them.")
        self.stale.setVisible(stale)
        self.ico.set_recommendation(rec.notify_ico, "yes" if rec.notify_ico else "no")
        people = "yes" if rec.notify_subjects else "no"
        if rec.exemption and not rec.notify_subjects:
            people += f" (exemption: {rec.exemption.replace('_', ' ')})"
        self.subjects.set_recommendation(rec.notify_subjects, people)
        self.restrict.setVisible(restriction_allowed(regime))
        self.restrict.setChecked(False)
        self.ground.set_value(None)
        self.reasoning.clear()
        now = to_zone(self._clock(), self._zone)
        review = now.date() + timedelta(days=28)
        self.review_on.setDate(QDate(review.year, review.month, review.day))
        self.decided_by.setText(decider)
        self.decided_at.follow_now()
        self.problems.hide()
        self._defaults = self.state()
        self._check()

    # -- unsaved work ------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """What the DPO has chosen and typed (kept in a draft until recorded)."""
        review = self.review_on.date()
        at = self.decided_at.value()
        return {
            "ico": self.ico.value(), "ico_reason": self.ico.reason.toPlainText(),
            "subjects": self.subjects.value(),
            "subjects_reason": self.subjects.reason.toPlainText(),
            "restrict": self.restrict.isChecked(),
            "ground": (self.ground.value() or ""), "reasoning": self.reasoning.toPlainText(),
            "review_on": date(review.year(), review.month(), review.day()).isoformat(),
            "decided_by": self.decided_by.text(),
            "decided_at": None if self.decided_at.following or at is None else at.isoformat(),
        }

    def touched(self) -> bool:
        """Whether anything differs from how the form was set for this assessment."""
        return bool(self._defaults) and self.state() != self._defaults

    def restore(self, state: dict[str, Any]) -> None:
        (self.ico.yes if state.get("ico") else self.ico.no).setChecked(True)
        self.ico.reason.setPlainText(state.get("ico_reason", ""))
        (self.subjects.yes if state.get("subjects") else self.subjects.no).setChecked(True)
        self.subjects.reason.setPlainText(state.get("subjects_reason", ""))
        self.restrict.setChecked(bool(state.get("restrict")))
        ground = state.get("ground") or None
        self.ground.set_value(RestrictionGround(ground) if ground else None)
        self.reasoning.setPlainText(state.get("reasoning", ""))
        review = date.fromisoformat(state.get("review_on") or date.today().isoformat())
        self.review_on.setDate(QDate(review.year, review.month, review.day))
        self.decided_by.setText(state.get("decided_by", ""))
        if state.get("decided_at"):
            self.decided_at.set_value(datetime.fromisoformat(state["decided_at"]))
        self._check()

    def draft(self) -> DecisionDraft:
        restriction = None
        if self.restrict.isVisible() and self.restrict.isChecked():
            ground = self.ground.value()
            d = self.review_on.date()
            restriction = Restriction(RestrictionGround(ground).value if ground else "",
                                      self.reasoning.toPlainText().strip(),
                                      date(d.year(), d.month(), d.day()))
        return DecisionDraft(
            notify_ico=self.ico.value(), notify_subjects=self.subjects.value(),
            decided_by=self.decided_by.text().strip(),
            decided_at=self.decided_at.value() or to_minute(self._clock()),
            notify_ico_reason=self.ico.reason.toPlainText().strip(),
            notify_subjects_reason=self.subjects.reason.toPlainText().strip(),
            restriction=restriction)

    def _check(self) -> None:
        """Show the rules the draft breaks right now, next to their fields."""
        if self._result is None:
            return
        errors = decision_problems(self.draft(), self._result, self._regime, self._clock(),
                                   self._zone)
        self.show_inline(errors)

    def show_inline(self, errors: list[ValidationError]) -> None:
        by_field = {e.field: e.rule for e in errors}
        self.ico.show_message(by_field.get("notify_ico_reason", ""))
        self.subjects.show_message(by_field.get("notify_subjects_reason", ""))
        for message, prefix in ((self.restriction_message, "restriction"),
                                (self.who_message, "decided_")):
            mine = [f"⚠ {FIELD_NAMES.get(e.field, e.field)}: {e.rule}" for e in errors
                    if e.field.startswith(prefix)]
            message.setText("\n".join(mine))
            message.setVisible(bool(mine))

    def show_refusal(self, errors: list[ValidationError]) -> None:
        """After a refused record: the problems inline and a summary above the button."""
        self.show_inline(errors)
        lines = [f"• {FIELD_NAMES.get(e.field, e.field)}: {e.rule}" for e in errors]
        self.problems.setText("Not recorded. Nothing was saved:\n" + "\n".join(lines))
        set_role(self.problems, "error")
        self.problems.show()

    def clear_refusal(self) -> None:
        self.problems.hide()


def recorded_text(decision: DecisionRecord, zone: str) -> str:
    """Plain lines describing a recorded decision (for the recorded-decision panel)."""
    yes = {True: "yes", False: "no"}
    lines = [f"Rests on assessment version {decision.assessment_version}.",
             f"Notify the ICO: {yes[decision.notify_ico]}."
             + (f" Reason: {decision.notify_ico_reason}" if decision.notify_ico_reason else ""),
             f"Tell the people affected: {yes[decision.notify_subjects]}."
             + (f" Reason: {decision.notify_subjects_reason}"
                if decision.notify_subjects_reason else "")]
    if decision.restriction is not None:
        r = decision.restriction
        lines.append(f"Restricted under s.68: {RestrictionGround(r.ground).label}. {r.reasoning} "
                     f"Review on {r.review_on:%d %b %Y}.")
    lines.append(f"Decided by {decision.decided_by}, {format_local(decision.decided_at, zone)};"
                 f" recorded {format_local(decision.recorded_at, zone)}.")
    return "\n".join(lines)

