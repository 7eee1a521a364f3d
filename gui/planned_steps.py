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


class PlannedPeople(PlannedStep):
    KEY = "people"
    TITLE = "People affected"
    HOLDS = ("This step will hold the message to the people affected when the risk to them "
             "is high: in plain language, what happened, who to contact, the likely "
             "consequences, what you have done and what they can do to protect themselves.")
    MEANWHILE = ("The Risk step says whether the risk is high; once they are told, use "
                 "\"Record people told\" above.")

