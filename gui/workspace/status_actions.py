"""Status workflow on screen: one button per allowed move, and the dialog that asks for the
reason (required where the workflow says so) and, for a notification, when it was made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.kit.inputs import OptionalDateTime
from gui.kit.style import label
from model.domain.case import Case
from model.domain.closing import close_problems
from model.domain.enums import BreachStatus
from model.domain.errors import WorkflowError
from model.domain.workflow import allowed_transitions, check_transition, reason_required

_S = BreachStatus

_BUTTONS: dict[tuple[BreachStatus, BreachStatus], str] = {
    (_S.OPEN, _S.ASSESSED): "Mark assessed",
    (_S.OPEN, _S.NOTIFIED): "Record filing…",
    (_S.ASSESSED, _S.NOTIFIED): "Record filing…",
    (_S.ASSESSED, _S.NOT_NOTIFIABLE): "Decide: not notifiable…",
    (_S.ASSESSED, _S.OPEN): "Back to open",
    (_S.NOTIFIED, _S.CLOSED): "Close breach",
    (_S.NOT_NOTIFIABLE, _S.CLOSED): "Close breach",
    (_S.OPEN, _S.CLOSED): "Close near miss",
    (_S.ASSESSED, _S.CLOSED): "Close near miss",
    (_S.NOT_NOTIFIABLE, _S.ASSESSED): "Reconsider…",
    (_S.NOT_NOTIFIABLE, _S.NOTIFIED): "Record filing…",
    (_S.CLOSED, _S.OPEN): "Reopen…",
}

_EXPLAIN: dict[BreachStatus, str] = {
    _S.ASSESSED: "The risk has been assessed; next, decide whether to notify the ICO.",
    _S.NOTIFIED: "Record the report filed with the ICO (ICO step): how and when it was sent, "
                 "the proof, and the report frozen as sent. The first filing stops the clock.",
    _S.NOT_NOTIFIABLE: "Opens the decision in the Risk step: a decision not to notify the "
                       "ICO is recorded there with its reasoning and the assessment it "
                       "rests on (Art. 33(5)).",
    _S.CLOSED: "Close the breach: containment and follow-up are done.",
    _S.OPEN: "Open the breach again, for example because new facts came to light.",
}


def button_text(old: BreachStatus, new: BreachStatus) -> str:
    return _BUTTONS.get((old, new), f"Mark {new.label.lower()}")


class StatusChangeDialog(QDialog):
    """Confirm one status move; the model's workflow rule decides whether it may go ahead."""

    def __init__(self, old: BreachStatus, new: BreachStatus, zone: str,
                 clock: Callable[[], datetime], parent: QWidget | None = None,
                 near_miss: bool = False) -> None:
        super().__init__(parent)
        self.old, self.new, self.near_miss = old, new, near_miss
        self.setWindowTitle(f"{old.label} → {new.label}")
        self.setMinimumWidth(520)
        needed = reason_required(old, new)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("Why, in a sentence or two (kept in the timeline)")
        self.reason.setFixedHeight(90)
        self.at = OptionalDateTime(zone, clock, allow_unknown=False, follow_now=True)
        self.error = label("", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow("Reason" + (" (required)" if needed else " (optional)"), self.reason)
        if new is BreachStatus.NOTIFIED:
            form.addRow("Notified at", self.at)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(button_text(old, new)
                                                                   .rstrip("…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(f"Move this breach from {old.label.lower()} to "
                               f"{new.label.lower()}.", "heading"))
        layout.addWidget(label(_EXPLAIN.get(new, ""), "hint"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def note(self) -> str:
        return self.reason.toPlainText().strip()

    def when(self) -> datetime | None:
        return self.at.value() if self.new is BreachStatus.NOTIFIED else None

    def accept(self) -> None:
        try:
            check_transition(self.old, self.new, self.note(), self.near_miss)
        except WorkflowError as err:
            self.error.setText(str(err))
            self.error.show()
            self.reason.setFocus()
            return
        super().accept()


def offered_moves(case: Case) -> tuple[BreachStatus, ...]:
    """The moves worth a button: those the workflow allows, less those only another step
    can make (an assessment marks a breach assessed; a decision makes it not notifiable)."""
    status = case.breach.status
    moves = [new for new in allowed_transitions(status, case.breach.near_miss)
             if not (new is _S.ASSESSED and status is _S.OPEN)]
    decided_not = case.latest_decision is not None and not case.latest_decision.notify_ico
    if _S.NOT_NOTIFIABLE in moves and decided_not:
        moves.remove(_S.NOT_NOTIFIABLE)  # recording the decision already moved it
    return tuple(moves)


class StatusButtons(QWidget):
    """A button for each move offered; emits the chosen status. Close says, in its
    tooltip, what is still missing when the breach cannot be closed yet."""

    requested = Signal(object)  # BreachStatus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[BreachStatus, QPushButton] = {}
        self._shown: tuple[BreachStatus, tuple[BreachStatus, ...], str] | None = None

    def show_for(self, case: Case) -> None:
        status = case.breach.status
        moves = offered_moves(case)
        blocked = " ".join(close_problems(case))
        if self._shown == (status, moves, blocked):
            return  # the header refreshes every 30 s: keep focus and hover where they are
        self._shown = (status, moves, blocked)
        for button in self.buttons.values():
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for new in moves:
            button = QPushButton(button_text(status, new))
            tip = _EXPLAIN.get(new, "")
            if new is _S.CLOSED and blocked:
                tip = f"Not yet: {blocked}"
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, s=new: self.requested.emit(s))
            self._row.addWidget(button)
            self.buttons[new] = button
