"""The ICO report's questions on screen, grouped as the ICO groups them. Facts already
recorded are shown in their own inputs (an edit here is an edit of the same fact
everywhere); what only the report asks is typed here; derived answers are shown read-only
with where they come from."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.ico.fields import (
    AnswerInput,
    ChoiceAnswer,
    LineAnswer,
    LongAnswer,
    StepsAnswer,
    TicksAnswer,
    YesNoAnswer,
)
from gui.kit.fact_inputs import FactInput, FormEnv, make_input
from gui.kit.style import label
from model.domain.case import Case
from model.domain.catalogue import spec_for
from model.domain.enums import YesNoUnknown
from model.domain.facts import BreachFacts
from model.domain.ico import form as f
from model.domain.ico.content import told_value
from model.domain.ico.records import IcoAnswers, ReportType
from model.domain.records import OrganisationProfile

_SOURCES = {
    f.Source.FACT: "From Triage: editing it here changes it everywhere.",
    f.Source.PROFILE: "From Settings (the organisation): editing it here changes it there.",
    f.Source.ASSESSMENT: "From the latest risk assessment; you may word it otherwise here.",
    f.Source.DECISION: "From the decision and the record of who was told.",
    f.Source.TIMELINE: "The actions in the timeline, then anything typed here.",
    f.Source.REPORT: "For this report only.",
}
PROFILE_FIELDS = ("name", "address", "dpo_name", "dpo_email", "dpo_phone", "ico_registration")


class IcoForm(QWidget):
    """Every question of the form; emits `changed` on any edit."""

    changed = Signal()

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.facts: dict[str, FactInput] = {}
        self.answers: dict[str, AnswerInput] = {}
        self.profile: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.rows: dict[str, QWidget] = {}
        self.groups: dict[f.Part, QGroupBox] = {}
        self.derived: dict[str, QLabel] = {}
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, part in enumerate(f.PARTS, start=1):
            box = QGroupBox(f"{number}  {part.value}")
            column = QVBoxLayout(box)
            column.setSpacing(10)
            self.groups[part] = box
            for q in f.in_part(part):
                if q.id == "A3":
                    continue  # the report type is chosen at the top of the step
                row = self._row(q)
                self.rows[q.id] = row
                column.addWidget(row)
            layout.addWidget(box)
        self.cyber_note = label("Asked only when the breach was caused by a cyber incident "
                                "(B2).", "hint")
        cyber_layout = self.groups[f.Part.CYBER].layout()
        if cyber_layout is not None:
            cyber_layout.addWidget(self.cyber_note)

    # -- building ------------------------------------------------------------------------
    def _fact(self, key: str) -> FactInput:
        widget = make_input(spec_for(key), self.env)
        widget.changed.connect(self._edited)
        self.facts[key] = widget
        return widget

    def _answer(self, widget: AnswerInput) -> AnswerInput:
        widget.changed.connect(self._edited)
        self.answers[widget.key] = widget
        return widget

    def _profile(self, key: str, multi: bool = False,
                 placeholder: str = "") -> QLineEdit | QPlainTextEdit:
        edit: QLineEdit | QPlainTextEdit
        if multi:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        else:
            edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._edited)
        self.profile[key] = edit
        return edit

    def _show(self, qid: str) -> QLabel:
        shown = label("", "hint")
        shown.setWordWrap(True)
        self.derived[qid] = shown
        return shown

    def _inputs(self, q: f.Question) -> list[QWidget]:
        """The inputs of one question: its facts, profile fields or report answers."""
        found = self._inputs_report(q.id) or self._inputs_later(q.id)
        return found or [self._fact(key) for key in q.keys if not key.endswith("_low")]

    def _inputs_report(self, qid: str) -> list[QWidget]:  # noqa: C901 - a case per question
        """Parts 1 to 3: about the report, the breach, the data and people."""
        A, L = self._answer, label
        match qid:
            case "A1":
                return [A(ChoiceAnswer("why_reporting", f.WHY_REPORTING))]
            case "A2":
                return [A(LineAnswer("ico_staff", "Name of the ICO adviser, if any"))]
            case "A4":
                return [A(LineAnswer("case_reference", "The reference the ICO gave"))]
            case "B3":
                return [self._fact("how_found"), L("Found by", "hint"), self._fact("found_by")]
            case "B4":
                return [self._fact("discovered_at"),
                        L("You became aware (not on the form; the law's clock runs from "
                          "it)", "hint"), self._fact("aware_at"),
                        L("Why then (explains any gap; printed in B6)", "hint"),
                        self._fact("aware_note")]
            case "B6":
                return [A(LongAnswer("delay_reasons", "Why the report is late, if it is"))]
            case "B7":
                return [A(LongAnswer("prior_measures", "Policies, training, technical "
                                     "controls in place before"))]
            case "D1":
                return [self._fact("data_categories"), A(LineAnswer(
                    "data_other_detail", "Details for 'Other'"))]
            case "D4":
                return [self._fact("data_subject_categories"), A(LineAnswer(
                    "subjects_other_detail", "Details for 'Other': who the people are"))]
            case "D5":
                return [self._fact("consequences"), A(LongAnswer(
                    "harm_details", "The possible impact, and whether any actual harm has "
                    "happened so far"))]
            case "D6":
                return [self._show("D6"), A(ChoiceAnswer("likelihood_override", f.LIKELIHOOD,
                                                         "As assessed")),
                        A(LongAnswer("likelihood_details", "Details (the assessment's "
                                     "summary is used when empty)", 50))]
        return []

    def _inputs_later(self, qid: str) -> list[QWidget]:  # noqa: C901 - a case per question
        """Parts 4 to 7: cyber, action, staff and training, about you."""
        A, L = self._answer, label
        match qid:
            case "C1":
                return [A(ChoiceAnswer("systems_affected", f.YES_NO_DK)),
                        A(TicksAnswer("systems_cia", f.SYSTEMS_CIA))]
            case "C2":
                return [A(ChoiceAnswer("cyber_impact", f.CYBER_IMPACT))]
            case "C3":
                return [A(ChoiceAnswer("recovery_time", f.RECOVERY_TIME))]
            case "T1":
                return [self._show("T1"), A(LongAnswer(
                    "further_actions", "Actions proposed or not in the timeline"))]
            case "T2":
                return [A(StepsAnswer())]
            case "T3":
                return [self._show("T3"), A(ChoiceAnswer("told_override", f.TOLD_SUBJECTS,
                                                         "As recorded")),
                        A(LineAnswer("told_details", "Details (how, when, how many)"))]
            case "T4":
                return [A(ChoiceAnswer("others_told", f.YES_NO_DK)), A(LongAnswer(
                    "others_told_details", "Who (police, other regulators, insurers, the "
                    "processor…) and when", 50))]
            case "S-T1":
                return [L("Was a member of staff involved?", "hint"),
                        A(YesNoAnswer("staff_involved", "Yes", "No")),
                        L("Trained in data protection in the last two years?", "hint"),
                        A(ChoiceAnswer("staff_trained", f.YES_NO_DK))]
            case "S-T2":
                return [A(LongAnswer("training_description", "Content and frequency"))]
            case "S-T3":
                return [A(LongAnswer("training_followup", "Further training or guidance"))]
            case "Y1":
                return [self._profile("name")]
            case "Y2":
                return [self._profile("address", multi=True)]
            case "Y3":
                return [L("Leave empty when the DPO reports", "hint"),
                        A(LineAnswer("reporter_name", "Name")),
                        A(LineAnswer("reporter_email", "Email")),
                        A(LineAnswer("reporter_phone", "Phone"))]
            case "Y4":
                return [self._profile("dpo_name", placeholder="DPO name"),
                        self._profile("dpo_email", placeholder="DPO email"),
                        self._profile("dpo_phone", placeholder="DPO phone")]
            case "Y5":
                return [A(LineAnswer("contact", "Empty: the person reporting"))]
            case "Y6":
                return [self._show("Y6"),
                        self._profile("ico_registration", placeholder="ICO registration "
                                      "number"),
                        A(LineAnswer("organisation_size", "Organisation size (may not be "
                                     "asked)"))]
        return []

    def _row(self, q: f.Question) -> QWidget:
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        need = " *" if q.required or q.minimum else ""
        column.addWidget(label(f"{q.id}  {q.caption}{need}", "heading"))
        wording = label(q.ico)
        wording.setToolTip(f"Wording confidence: {q.conf}")
        column.addWidget(wording)
        for widget in self._inputs(q):
            column.addWidget(widget)
        column.addWidget(label(_SOURCES[q.source], "hint"))
        return row

    # -- values --------------------------------------------------------------------------
    def _edited(self) -> None:
        if not self._loading:
            self._update_cyber()
            self.changed.emit()

    def load(self, case: Case, facts: BreachFacts, profile: OrganisationProfile,
             answers: IcoAnswers) -> None:
        self._loading = True
        try:
            for widget in self.facts.values():
                widget.read(facts)
            for key, edit in self.profile.items():
                value = getattr(profile, key)
                if isinstance(edit, QPlainTextEdit):
                    if edit.toPlainText() != value:
                        edit.setPlainText(value)
                elif edit.text() != value:
                    edit.setText(value)
            for answer in self.answers.values():
                answer.read(answers)
            for key in ("reporter_name", "reporter_email", "reporter_phone"):
                line = self.answers[key].widget
                if isinstance(line, QLineEdit):
                    attr = key.replace("reporter", "dpo")
                    line.setPlaceholderText(getattr(profile, attr) or key.split("_")[1])
            self.show_derived(case)
        finally:
            self._loading = False
        self._update_cyber()

    def show_derived(self, case: Case) -> None:
        latest = case.latest_assessment
        likelihood = latest.result.likelihood if latest else None
        option = f.question("D6").option(likelihood)
        self.derived["D6"].setText(
            f"Assessment v{latest.version}: {option.ico if option else 'Not yet known'}. "
            f"{latest.result.summary}" if latest else "No risk assessment recorded yet: "
            "record one in the Risk step.")
        actions = case.actions()
        self.derived["T1"].setText("\n".join(f"• {a.text}" for a in actions) if actions else
                                   "No action in the timeline yet (add them there).")
        told = f.question("T3").option(told_value(case))
        self.derived["T3"].setText(f"As recorded: {told.ico if told else 'Not known'}")
        sector = case.facts.controller_sector or case.organisation.sector
        self.derived["Y6"].setText(f"Sector: {sector.label}")

    def edited_facts(self, base: BreachFacts) -> BreachFacts:
        for widget in self.facts.values():
            base = widget.apply(base)
        return base

    def edited_profile(self, base: OrganisationProfile) -> OrganisationProfile:
        values = {k: (e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text()).strip()
                  for k, e in self.profile.items()}
        return replace(base, **values)  # type: ignore[arg-type]  # text fields only

    def edited_answers(self, base: IcoAnswers) -> IcoAnswers:
        for widget in self.answers.values():
            base = widget.apply(base)
        return base

    def set_report_type(self, report_type: ReportType) -> None:
        for q in f.QUESTIONS:
            row = self.rows.get(q.id)
            if row is None:
                continue
            if q.applies is f.Applies.INITIAL:
                row.setVisible(report_type is ReportType.INITIAL)
            elif q.applies is f.Applies.FOLLOW_UP:
                row.setVisible(report_type is ReportType.FOLLOW_UP)

    def _update_cyber(self) -> None:
        cyber = self.facts["cyber_incident"].value()
        asked = cyber is not YesNoUnknown.NO
        for q in f.in_part(f.Part.CYBER):
            self.rows[q.id].setVisible(asked)
        self.cyber_note.setVisible(not asked)

    def focus(self, qid: str, field: str = "") -> QWidget | None:
        """Put the cursor in the input for `field` (or the question's first input)."""
        target: QWidget | None = None
        if field in self.facts:
            target = self.facts[field].widget
        elif field in self.answers:
            target = self.answers[field].widget
        elif field in self.profile:
            target = self.profile[field]
        row = self.rows.get(qid)
        if target is None and row is not None:
            target = row
        if target is not None:
            target.setFocus()
        return row or target
