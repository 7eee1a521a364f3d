"""The workspace's step list (with each step's completeness) and the pages of the steps
not built yet, which say what they will hold and point to what can be done now."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from gui.style import label


class Step(IntEnum):
    TRIAGE = 0
    RISK = 1
    ICO = 2
    PEOPLE = 3
    LESSONS = 4


STEP_NAMES = {Step.TRIAGE: "Triage", Step.RISK: "Risk", Step.ICO: "ICO notification",
              Step.PEOPLE: "People affected", Step.LESSONS: "Lessons"}


@dataclass(frozen=True)
class PlannedStep:
    title: str
    holds: str
    meanwhile: str


PLANNED: dict[Step, PlannedStep] = {
    Step.ICO: PlannedStep(
        "ICO notification",
        "This step will prepare the report to the ICO in the six parts of its form: about "
        "your report (initial or follow-up, case reference); about the breach (what "
        "happened, how you found out, when, reasons for any delay); data and people; cyber "
        "incidents; staff and training; and the actions taken, with your organisation's "
        "details. You will check it, print it as a PDF and record when it was sent.",
        "Most of the report comes from Triage and Risk: completing them now saves time "
        "later. If you have already notified the ICO, record it with \"Record ICO "
        "notification\" above so the clock stops."),
    Step.PEOPLE: PlannedStep(
        "People affected",
        "This step will hold the message to the people affected when the risk to them is "
        "high (Art. 34): in plain language, what happened, who to contact, the likely "
        "consequences, what you have done and what they can do to protect themselves. It "
        "will also record why telling them is not needed (Art. 34(3)) or, under DPA 2018 "
        "Part 3, a restriction with its ground, reasoning and review date (s.68).",
        "The Risk step says whether the risk is high; record any contact with the people "
        "as an action in the timeline."),
    Step.LESSONS: PlannedStep(
        "Lessons",
        "This step will hold what went wrong and why, the actions to stop it happening "
        "again with an owner and a due date for each, and the entry for the breach register "
        "that Art. 33(5) asks you to keep for every breach, notified or not.",
        "Note remedial actions in the timeline as they happen; they will be carried over."),
}


class PlannedStepPage(QWidget):
    """What a step will hold, and buttons to the steps that help meanwhile."""

    go_to = Signal(int)

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        info = PLANNED[step]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(label(info.title, "title"))
        layout.addWidget(label("Coming in a later version", "hint"))
        layout.addSpacing(8)
        layout.addWidget(label(info.holds))
        layout.addSpacing(8)
        layout.addWidget(label("Meanwhile", "heading"))
        layout.addWidget(label(info.meanwhile))
        row = QHBoxLayout()
        for target in (Step.TRIAGE, Step.RISK):
            button = QPushButton(f"Go to {STEP_NAMES[target]}")
            button.clicked.connect(lambda _=False, t=target: self.go_to.emit(int(t)))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)


class StepList(QListWidget):
    """The side list of steps, each with its completeness ("Triage 14/18", "Risk —")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFixedWidth(210)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for step in Step:
            self.addItem(STEP_NAMES[step])
        self.setCurrentRow(Step.TRIAGE)

    def set_progress(self, step: Step, progress: str) -> None:
        self.item(step).setText(f"{STEP_NAMES[step]}   {progress}")

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
