"""The lessons form: what happened in the ICO's terms, why (cause and factors, the five
whys and the narrative), the learning response, and what worked and what did not."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import long_text
from gui.kit.inputs import CheckList, ChoiceCombo, hint
from model.domain.lessons.fivewhys import add_to_narrative, why_prompt
from model.domain.lessons.records import Lessons
from model.domain.lessons.taxonomy import (
    ICO_TAXONOMY_LABEL,
    INCIDENT_TYPE_LISTS,
    Cause,
    LearningResponse,
)

NOT_CHOSEN = "Not chosen yet"


class LessonsForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._version = next(iter(INCIDENT_TYPE_LISTS))
        self.incident_type = ChoiceCombo(INCIDENT_TYPE_LISTS[self._version], NOT_CHOSEN)
        self.incident_type.setMinimumWidth(320)
        self.cause = ChoiceCombo(list(Cause), NOT_CHOSEN)
        self.cause.setMinimumWidth(320)
        self.contributing = CheckList(list(Cause), columns=2)
        self.team = QLineEdit()
        self.team.setPlaceholderText("e.g. Neighbourhood policing, North site")
        self.response = ChoiceCombo(list(LearningResponse), NOT_CHOSEN)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why no learning response is needed")
        self.whys = [QLineEdit() for _ in range(5)]
        self.add_whys = QPushButton("Add the five whys to the narrative")
        self.narrative = long_text("Why it happened, in a few sentences", 90)
        self.went_well = long_text("e.g. An officer spotted it and it was down in an hour", 60)
        self.sooner = long_text("What information or help was needed sooner", 60)
        self.differently = long_text("What you would do differently next time", 60)
        for edit in (self.went_well, self.sooner, self.differently):
            edit.setMaximumHeight(110)
        self.narrative.setMaximumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._what_box())
        layout.addWidget(self._why_box())
        layout.addWidget(self._learned_box())
        for signal in (self.incident_type.currentIndexChanged, self.cause.currentIndexChanged,
                       self.contributing.changed, self.team.textChanged,
                       self.response.currentIndexChanged, self.reason.textChanged,
                       self.narrative.textChanged, self.went_well.textChanged,
                       self.sooner.textChanged, self.differently.textChanged,
                       *(w.textChanged for w in self.whys)):
            signal.connect(self._edited)
        self.add_whys.clicked.connect(self._whys_to_narrative)

    def _what_box(self) -> QGroupBox:
        box = QGroupBox("What happened, in the ICO's terms")
        form = QFormLayout(box)
        form.addRow("ICO incident type", self.incident_type)
        form.addRow("", hint(f"From the {ICO_TAXONOMY_LABEL}; the list's version is kept "
                             "with the breach so statistics line up with the ICO's."))
        form.addRow("Team or site", self.team)
        return box

    def _why_box(self) -> QGroupBox:
        box = QGroupBox("Why it happened")
        form = QFormLayout(box)
        form.addRow("Primary cause", self.cause)
        form.addRow("Contributing", self.contributing)
        row = QHBoxLayout()
        row.addWidget(self.response)
        row.addWidget(self.reason, 1)
        form.addRow("Learning response", row)
        whys = QVBoxLayout()
        for i, edit in enumerate(self.whys):
            edit.setPlaceholderText(f"{i + 1}. " + why_prompt(i, ""))
            whys.addWidget(edit)
        whys.addWidget(self.add_whys)
        form.addRow("Five whys", whys)
        form.addRow("Narrative", self.narrative)
        return box

    def _learned_box(self) -> QGroupBox:
        box = QGroupBox("What worked, and what would change")
        form = QFormLayout(box)
        form.addRow("Worked well", self.went_well)
        form.addRow("Needed sooner", self.sooner)
        form.addRow("Do differently", self.differently)
        return box

    def _edited(self) -> None:
        self.reason.setVisible(self.response.value() is LearningResponse.NONE)
        for i in range(1, 5):
            self.whys[i].setPlaceholderText(f"{i + 1}. " + why_prompt(
                i, self.whys[i - 1].text()))
        self.changed.emit()

    def _whys_to_narrative(self) -> None:
        whys = tuple(w.text() for w in self.whys)
        self.narrative.setPlainText(add_to_narrative(self.narrative.toPlainText(), whys))

    def set_lessons(self, lessons: Lessons) -> None:
        self.blockSignals(True)
        try:
            self._version = lessons.taxonomy_version
            self.incident_type.set_value(lessons.incident_type)
            self.cause.set_value(lessons.primary_cause)
            self.contributing.set_values(lessons.contributing)
            self.team.setText(lessons.team)
            self.response.set_value(lessons.learning_response)
            self.reason.setText(lessons.response_reason)
            for i, edit in enumerate(self.whys):
                edit.setText(lessons.five_whys[i] if i < len(lessons.five_whys) else "")
            self.narrative.setPlainText(lessons.narrative)
            self.went_well.setPlainText(lessons.went_well)
            self.sooner.setPlainText(lessons.needed_sooner)
            self.differently.setPlainText(lessons.do_differently)
        finally:
            self.blockSignals(False)
        self.reason.setVisible(self.response.value() is LearningResponse.NONE)

    def lessons(self) -> Lessons:
        """What the form holds, trimmed as the service will store it."""
        whys = tuple(w.text().strip() for w in self.whys)
        while whys and not whys[-1]:
            whys = whys[:-1]
        response = self.response.value()
        return Lessons(
            incident_type=self.incident_type.value(), taxonomy_version=self._version,
            primary_cause=self.cause.value(),
            contributing=tuple(c for c in self.contributing.values() if c != self.cause.value()),
            team=self.team.text().strip(), learning_response=response,
            response_reason=self.reason.text().strip() if response is LearningResponse.NONE
            else "", five_whys=whys, narrative=self.narrative.toPlainText().strip(),
            went_well=self.went_well.toPlainText().strip(),
            needed_sooner=self.sooner.toPlainText().strip(),
            do_differently=self.differently.toPlainText().strip())

    def state(self) -> dict[str, Any]:
        lessons = self.lessons()
        return {"incident_type": lessons.incident_type.value if lessons.incident_type else None,
                "primary_cause": lessons.primary_cause.value if lessons.primary_cause else None,
                "contributing": [c.value for c in lessons.contributing], "team": lessons.team,
                "learning_response": lessons.learning_response.value
                if lessons.learning_response else None,
                "response_reason": lessons.response_reason,
                "five_whys": list(lessons.five_whys), "narrative": lessons.narrative,
                "went_well": lessons.went_well, "needed_sooner": lessons.needed_sooner,
                "do_differently": lessons.do_differently, "version": self._version}

    def restore(self, state: dict[str, Any]) -> None:
        from model.domain.lessons.taxonomy import IncidentType

        def enum(kind: Any, value: Any) -> Any:
            return kind(value) if value in kind._value2member_map_ else None

        self.set_lessons(Lessons(
            incident_type=enum(IncidentType, state.get("incident_type")),
            taxonomy_version=str(state.get("version") or self._version),
            primary_cause=enum(Cause, state.get("primary_cause")),
            contributing=tuple(c for c in (enum(Cause, v) for v in state.get("contributing",
                                                                             [])) if c),
            team=str(state.get("team", "")),
            learning_response=enum(LearningResponse, state.get("learning_response")),
            response_reason=str(state.get("response_reason", "")),
            five_whys=tuple(str(w) for w in state.get("five_whys", [])),
            narrative=str(state.get("narrative", "")),
            went_well=str(state.get("went_well", "")),
            needed_sooner=str(state.get("needed_sooner", "")),
            do_differently=str(state.get("do_differently", ""))))
