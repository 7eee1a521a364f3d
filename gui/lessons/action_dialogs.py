"""Dialogs for one corrective action: raise or edit it, mark it done with its evidence
(a note and files kept in the vault), decide not to do it, and review whether it worked.
Each checks nothing itself: the service refuses what breaks a rule and the dialog shows
why, keeping what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.kit.attachments import AttachmentsPanel
from gui.kit.dates import OptionalDate
from gui.kit.fact_inputs import long_text
from gui.kit.inputs import ChoiceCombo
from gui.kit.style import label
from model.domain.errors import BreachDeskError
from model.domain.lessons.records import ActionDraft, CorrectiveAction, action_owner
from model.domain.lessons.taxonomy import ActionArea, ActionKind, Priority, Verdict
from model.services.context import AppContext


class _Dialog(QDialog):
    """A form with OK/Cancel; each dialog's `submit()` does the work and may raise a user
    error."""

    submit: Callable[[], object]

    def __init__(self, title: str, intro: str, ok: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.error = label("", "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "heading"))
        if intro:
            layout.addWidget(label(intro, "hint"))
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_value: object = None

    def accept(self) -> None:
        try:
            self.result_value = self.submit()
        except BreachDeskError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        super().accept()


class ActionDialog(_Dialog):
    """Raise a new action for the breach, or edit one."""

    def __init__(self, save: Callable[[ActionDraft], CorrectiveAction],
                 current: CorrectiveAction | None = None,
                 parent: QWidget | None = None) -> None:
        title = f"Edit {current.reference}" if current else "New corrective action"
        super().__init__(title, "An owner and a due date for each action, so it is followed "
                         "up; the date promised to the ICO if the report gave one.",
                         "Save" if current else "Raise action", parent)
        self._save = save
        self.kind = ChoiceCombo(list(ActionKind), "")
        self.description = long_text("What will be done", 70)
        self.owner = QLineEdit()
        self.role = QLineEdit()
        self.priority = ChoiceCombo(list(Priority), "")
        self.area = ChoiceCombo(list(ActionArea), "Not said")
        self.addresses = QLineEdit()
        self.addresses.setPlaceholderText("The finding or cause it deals with")
        self.due = OptionalDate("Choose a date")
        self.promised = OptionalDate("None promised")
        self.review = OptionalDate("No review planned")
        for caption, widget in (("Type", self.kind), ("Action", self.description),
                                ("Owner", self.owner), ("Owner's role", self.role),
                                ("Priority", self.priority), ("Area", self.area),
                                ("Addresses", self.addresses), ("Due", self.due),
                                ("Promised to the ICO", self.promised),
                                ("Review effectiveness on", self.review)):
            self.form.addRow(caption, widget)
        draft = current.draft() if current else None
        self.kind.set_value(draft.kind if draft else ActionKind.CORRECTIVE)
        self.priority.set_value(draft.priority if draft else Priority.MEDIUM)
        if draft is not None:
            self.description.setPlainText(draft.description)
            self.owner.setText(draft.owner)
            self.role.setText(draft.owner_role)
            self.area.set_value(draft.area)
            self.addresses.setText(draft.addresses)
            self.due.set_value(draft.due_on)
            self.promised.set_value(draft.ico_promised_on)
            self.review.set_value(draft.review_on)

    def draft(self) -> ActionDraft:
        return ActionDraft(self.kind.value(), self.description.toPlainText(),
                           self.owner.text(), self.due.value(), self.priority.value(),
                           self.area.value(), self.role.text(), self.addresses.text(),
                           self.promised.value(), self.review.value())

    def submit(self) -> object:
        return self._save(self.draft())


class DoneDialog(_Dialog):
    """Done: when, what shows it, and files kept in the vault as evidence."""

    def __init__(self, ctx: AppContext, action: CorrectiveAction, breach_id: int, zone: str,
                 actor: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(f"{action.reference} done", action.description, "Mark done", parent)
        self._ctx, self._action = ctx, action
        self.completed = OptionalDate("Choose a date")
        self.completed.set_value(today)
        self.evidence = long_text("What shows it was done (a signed variation, a log, a "
                                  "training record)", 70)
        self.evidence.setPlainText(action.evidence_note)
        self.form.addRow("Completed on", self.completed)
        self.form.addRow("Evidence", self.evidence)
        self.files = AttachmentsPanel(ctx, zone, actor, owner=action_owner(action.id))
        self.files.setMinimumHeight(120)
        self.files.changed.connect(lambda: self._show_files(breach_id))
        self._show_files(breach_id)
        self.extra.addWidget(label("Evidence files (kept encrypted in the vault)", "hint"))
        self.extra.addWidget(self.files)

    def _show_files(self, breach_id: int) -> None:
        items = tuple(self._ctx.attachments.list(breach_id))
        self.files.show_items(breach_id, items)

    def submit(self) -> object:
        return self._ctx.lessons.complete_action(self._action.id, self.completed.value(),
                                                 self.evidence.toPlainText())


class WontDoDialog(_Dialog):
    def __init__(self, ctx: AppContext, action: CorrectiveAction, actor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"{action.reference} will not be done",
                         "Say why, and name the person who accepts the risk of not doing it "
                         "(closing the breach needs both).", "Record", parent)
        self._ctx, self._action, self._actor = ctx, action, actor
        self.reason = long_text("Why it will not be done", 70)
        self.accepted_by = QLineEdit()
        self.accepted_by.setPlaceholderText("Name and role, e.g. Deputy Chief Constable (SIRO)")
        self.form.addRow("Reason", self.reason)
        self.form.addRow("Risk accepted by", self.accepted_by)

    def submit(self) -> object:
        return self._ctx.lessons.wont_do(self._action.id, self.reason.toPlainText(),
                                         self.accepted_by.text(), self._actor)


class ReviewDialog(_Dialog):
    """Was it effective? 'Not effective' raises a follow-up action at once."""

    def __init__(self, ctx: AppContext, action: CorrectiveAction, actor: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"Review {action.reference}", "Check that the action did what it "
                         "was meant to. 'Not effective' raises a follow-up action (same owner, "
                         "due in 30 days).", "Record review", parent)
        self._ctx, self._action, self._actor = ctx, action, actor
        self.verdict = ChoiceCombo(list(Verdict), "")
        self.on = OptionalDate("Choose a date")
        self.on.set_value(today)
        self.reviewer = QLineEdit(actor)
        self.note = long_text("How it was checked and what was found", 60)
        for caption, widget in (("Verdict", self.verdict), ("Reviewed on", self.on),
                                ("Reviewer", self.reviewer), ("Findings", self.note)):
            self.form.addRow(caption, widget)

    def submit(self) -> object:
        return self._ctx.lessons.review_action(self._action.id, self.verdict.value(),
                                               self.on.value(), self.reviewer.text(),
                                               self.note.toPlainText(), self._actor)
