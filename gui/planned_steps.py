"""Steps not built yet: each says what it will hold and points to what helps meanwhile.
They follow the step protocol, so replacing one is replacing its entry in gui/steps.py."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.kit.case_model import CaseModel
from gui.kit.step import StepPage
from gui.kit.style import label
from model.services.context import AppContext


class PlannedStep(StepPage):
    """A step still to come: its purpose, and buttons to Triage and Risk."""

    HOLDS = ""
    MEANWHILE = ""
    go_to = Signal(str)

    def __init__(self, ctx: AppContext, case_model: CaseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_model, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(label(self.TITLE, "title"))
        layout.addWidget(label("Coming in a later version", "hint"))
        layout.addSpacing(8)
        layout.addWidget(label(self.HOLDS))
        layout.addSpacing(8)
        layout.addWidget(label("Meanwhile", "heading"))
        layout.addWidget(label(self.MEANWHILE))
        row = QHBoxLayout()
        for key, title in (("triage", "Triage"), ("risk", "Risk")):
            button = QPushButton(f"Go to {title}")
            button.clicked.connect(lambda _=False, k=key: self.go_to.emit(k))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)


class PlannedIco(PlannedStep):
    KEY = "ico"
    TITLE = "ICO notification"
    HOLDS = ("This step will prepare the report to the ICO in the six parts of its form: "
             "about your report (initial or follow-up, case reference); about the breach "
             "(what happened, how you found out, when, reasons for any delay); data and "
             "people; cyber incidents; staff and training; and the actions taken, with your "
             "organisation's details. You will check it, print it as a PDF and record when "
             "it was sent.")
    MEANWHILE = ("Most of the report comes from Triage and Risk: completing them now saves "
                 "time later. If you have already notified the ICO, record it with \"Record "
                 "ICO notification\" above so the clock stops.")


class PlannedLessons(PlannedStep):
    KEY = "lessons"
    TITLE = "Lessons"
    HOLDS = ("This step will hold what went wrong and why, the actions to stop it happening "
             "again with an owner and a due date for each, and the register entry the law "
             "asks you to keep for every breach, notified or not.")
    MEANWHILE = "Note remedial actions in the timeline as they happen; they will be carried over."
