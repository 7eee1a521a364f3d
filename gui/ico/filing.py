"""Record filing…: how and when the report reached the ICO, its case reference, the reasons
for a late report and the proof (the ICO's emailed copy or acknowledgement)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import long_text
from gui.kit.inputs import ChoiceCombo, OptionalDateTime
from gui.kit.style import label
from model.domain.case import Case
from model.domain.errors import ValidationError
from model.domain.ico.content import is_late
from model.domain.ico.records import MARKINGS, Channel, FilingDraft, IcoAnswers, ReportType
from model.domain.ico.report import check_filing

_FIELDS = {"filed_at": "Filed at", "report_type": "Report type",
           "case_reference": "ICO case reference", "delay_reasons": "Reasons for the delay",
           "channel": "Sent by"}
FREEZES = ("Recording the filing freezes the report as it stands now: every answer and the "
           "exact PDF, each with its SHA-256. It cannot be changed afterwards; anything new "
           "goes into a follow-up report.")


class FilingDialog(QDialog):
    """Ask for the filing; `draft()` and `proof()` give what was entered once accepted."""

    def __init__(self, case: Case, answers: IcoAnswers, report_type: ReportType, zone: str,
                 clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case, self.answers, self.clock = case, answers, clock
        self.setWindowTitle("Record filing with the ICO")
        self.setMinimumWidth(600)
        self.report_type = ChoiceCombo(list(ReportType), none_text="",
                                       labels={t: t.label for t in ReportType})
        self.report_type.set_value(report_type)
        self.channel = ChoiceCombo(list(Channel), none_text="",
                                   labels={c: c.label for c in Channel})
        self.at = OptionalDateTime(zone, clock, allow_unknown=False, follow_now=True)
        self.reference = QLineEdit(answers.case_reference)
        self.reference.setPlaceholderText("Required for a follow-up")
        self.reference.setToolTip("The ICO usually gives it within about a week of an "
                                  "initial report; add it then, before a follow-up.")
        self.reasons = long_text("Why the report is later than the deadline", 70)
        self.reasons.setPlainText(answers.delay_reasons)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(list(MARKINGS))
        self.marking.setCurrentText(answers.marking)
        marking_line = self.marking.lineEdit()
        if marking_line is not None:
            marking_line.setPlaceholderText("None")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Optional: e.g. submitted by the deputy DPO")
        self.proof_path = QLineEdit()
        self.proof_path.setReadOnly(True)
        self.proof_path.setPlaceholderText("The ICO's emailed copy or acknowledgement "
                                           "(you can attach it later)")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose)
        proof_row = QHBoxLayout()
        proof_row.addWidget(self.proof_path, 1)
        proof_row.addWidget(choose)
        self.error = label("", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow("Report type", self.report_type)
        form.addRow("Sent by", self.channel)
        form.addRow("Filed at", self.at)
        form.addRow("ICO case reference", self.reference)
        self.reasons_label = label("Reasons for the delay (required: after the deadline)")
        form.addRow(self.reasons_label, self.reasons)
        form.addRow("Protective marking", self.marking)
        form.addRow("Note", self.note)
        form.addRow("Proof", proof_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record filing")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label("The report has been sent to the ICO", "heading"))
        layout.addWidget(label(FREEZES, "hint"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.at.changed.connect(self._update_late)
        self._update_late()

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "The ICO's copy or acknowledgement",
                                                str(Path.home()))
        if chosen:
            self.proof_path.setText(chosen)

    def _update_late(self) -> None:
        late = is_late(self.case, self.at.value() or self.clock())
        self.reasons.setVisible(late)
        self.reasons_label.setVisible(late)

    def draft(self) -> FilingDraft:
        return FilingDraft(
            channel=self.channel.value(), report_type=self.report_type.value(),
            filed_at=self.at.value() or self.clock(),
            case_reference=self.reference.text().strip(),
            delay_reasons=self.reasons.toPlainText().strip() if self.reasons.isVisible()
            else "", note=self.note.text().strip(), marking=self.marking.currentText().strip())

    def proof(self) -> Path | None:
        text = self.proof_path.text().strip()
        return Path(text) if text else None

    def accept(self) -> None:
        draft = self.draft()
        try:
            check_filing(self.case, draft, self.clock(), is_late(self.case, draft.filed_at),
                         self.answers)
        except ValidationError as err:
            self.error.setText(f"{_FIELDS.get(err.field, err.field)}: {err.rule}")
            self.error.show()
            return
        super().accept()
