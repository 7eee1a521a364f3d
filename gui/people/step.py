"""The People affected step: the letter (with live readability), the recipients, the
record of who was told and the public notice, in four tabs under one status line with
"Preview" and "Save letters…". The texts are saved with Ctrl+S (and kept as drafts);
recipients and contact records are saved as they are entered."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.kit.case_model import CaseModel
from gui.kit.errors import reporting
from gui.kit.inputs import OptionalDateTime
from gui.kit.step import StepPage
from gui.kit.style import label
from gui.people import merge
from gui.people.editor import LetterEditor
from gui.people.notice_view import NoticePanel, PublishDialog
from gui.people.panels import ContactsPanel, RecipientsPanel, record_contacts
from gui.people.preview import PreviewDialog
from model.domain.case import Case
from model.domain.clock import to_zone
from model.domain.enums import ExemptionGround
from model.domain.people import telling
from model.domain.people.letter import (
    LetterText,
    Problem,
    Variant,
    letter_from_document,
    letter_problems,
    letter_to_document,
    notice_problems,
)
from model.domain.people.prefill import current_text, default_variant, prefill
from model.domain.people.printed import SAMPLE, body_text, printed_letter
from model.domain.people.recipients import Recipient
from model.services.context import AppContext


class PeopleStep(StepPage):
    KEY = "people"
    TITLE = "People affected"

    def __init__(self, ctx: AppContext, case_model: CaseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_model, parent)
        self.letter = LetterEditor()
        self.recipients = RecipientsPanel(ctx, lambda: self.case)
        self.contacts = ContactsPanel()
        self.notice = NoticePanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.letter, "&Letter")
        self.tabs.addTab(self.recipients, "&Recipients")
        self.tabs.addTab(self.contacts, "&Who was told")
        self.tabs.addTab(self.notice, "Public &notice")
        self.status = label("", "hint")
        self.preview_button = QPushButton("&Preview")
        self.preview_button.setToolTip("The letter as it will print, for the recipient "
                                       "selected (or the first one)")
        self.merge_button = QPushButton("Save l&etters…")
        self.merge_button.setToolTip("One PDF with a letter for every recipient")
        self.dirty = label("", "pending")
        self._build()
        self.last_task: Any = None
        self._base_letter: LetterText | None = None
        self._base_notice: LetterText | None = None
        self.letter.changed.connect(self._letter_edited)
        self.notice.editor.changed.connect(self._notice_edited)
        self.letter.restart.connect(lambda: self.restart(notice=False))
        self.notice.editor.restart.connect(lambda: self.restart(notice=True))
        self.preview_button.clicked.connect(self.preview)
        self.merge_button.clicked.connect(self.save_letters)
        self.recipients.saved.connect(self.saved)
        self.recipients.record_requested.connect(self.record_told)
        self.contacts.record_requested.connect(self.record_told)
        self.notice.preview_requested.connect(self.preview_notice)
        self.notice.pdf_requested.connect(self.save_notice_pdf)
        self.notice.publish_requested.connect(self.publish_notice)
        self.notice.take_down_requested.connect(self.take_down)
        self.load(case_model.case)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(label(self.TITLE, "title"))
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        top.addWidget(self.dirty)
        top.addWidget(self.preview_button)
        top.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    @property
    def today(self) -> date:
        return to_zone(self.ctx.clock(), self.case.zone).date()

    # -- the step protocol ---------------------------------------------------------------
    def load(self, case: Case) -> None:
        on = to_zone(self.ctx.clock(), case.zone).date()
        letter_dirty, notice_dirty = self._letter_dirty(), self._notice_dirty()
        self._base_letter = current_text(case, False, on)
        self._base_notice = current_text(case, True, on)
        if not letter_dirty:
            self.letter.set_text(self._base_letter)
        if not notice_dirty:
            self.notice.editor.set_text(self._base_notice)
        self.recipients.load(case)
        self.contacts.load(case)
        self.notice.set_notices(case.notices, case.zone)
        self.tabs.setTabText(1, f"&Recipients ({len(case.recipients):,})")
        self.status.setText(telling.decision_line(case))
        self._check(case)

    def progress(self, case: Case) -> str:
        s = telling.status(case)
        if telling.everyone_told(case):
            return "✓"
        if s.total:
            return f"{s.told}/{s.total}"
        return "draft" if case.letters else "—"

    def _letter_dirty(self) -> bool:
        return self._base_letter is not None and self.letter.text() != self._base_letter

    def _notice_dirty(self) -> bool:
        return (self._base_notice is not None
                and self.notice.editor.text() != self._base_notice)

    def has_unsaved_changes(self) -> bool:
        return self._letter_dirty() or self._notice_dirty()

    def save(self) -> bool:
        if not self.has_unsaved_changes():
            return True
        with reporting(self, "Saving the letter") as outcome:
            for dirty, text in ((self._letter_dirty(), self.letter.text()),
                                (self._notice_dirty(), self.notice.editor.text())):
                if dirty:
                    self.ctx.people.save_letter(self.case.id, text, self.case.actor)
        if outcome.failed:
            return False
        self._base_letter, self._base_notice = self.letter.text(), self.notice.editor.text()
        self._mark()
        self.saved.emit()
        return True

    def discard(self) -> None:
        if self._base_letter is not None:
            self.letter.set_text(self._base_letter)
        if self._base_notice is not None:
            self.notice.editor.set_text(self._base_notice)
        self._check(self.case)
        self.edited.emit()

    def draft_state(self) -> dict[str, Any] | None:
        if not self.has_unsaved_changes():
            return None
        return {"letter": letter_to_document(self.letter.text()) if self._letter_dirty()
                else None,
                "notice": letter_to_document(self.notice.editor.text())
                if self._notice_dirty() else None}

    def restore_draft(self, state: dict[str, Any]) -> None:
        if state.get("letter"):
            self.letter.set_text(letter_from_document(state["letter"]))
        if state.get("notice"):
            self.notice.editor.set_text(letter_from_document(state["notice"]))
        self._check(self.case)

    def shown(self) -> None:
        self._check(self.case)

    # -- live checks -------------------------------------------------------------------------
    def _mark(self) -> None:
        self.dirty.setText("● Unsaved text (Ctrl+S saves)" if self.has_unsaved_changes()
                           else "")

    def _notes(self, case: Case, text: LetterText) -> str:
        decision = case.latest_decision
        wanted = default_variant(case)
        notes = []
        if decision is None:
            notes.append("No decision is recorded yet on telling the people affected "
                         "(Risk step).")
        elif not decision.notify_subjects:
            notes.append("The decision says the people affected need not be told; write to "
                         "them only if you choose to.")
        restricted = telling.restriction_note(case)
        if restricted:
            notes.append(f"{restricted}: the restricted letter says what is held back and "
                         "when it will be reviewed.")
        if text.variant != wanted:
            notes.append(f"This letter was written as \"{text.variant.label}\"; the case now "
                         f"calls for \"{wanted.label}\". Use \"Start again from the case\".")
        return "\n".join(notes)

    def _check(self, case: Case) -> None:
        on = to_zone(self.ctx.clock(), case.zone).date()
        text = self.letter.text()
        self.letter.show_problems(letter_problems(text, on), self._notes(case, text))
        self.letter.readability.set_text(body_text(case, text))
        notice = self.notice.editor.text()
        problems = notice_problems(notice, case.recipients, on)
        self.notice.editor.show_problems([Problem("", p) for p in problems])
        self.notice.editor.readability.set_text(body_text(case, notice))
        self._mark()

    def _letter_edited(self) -> None:
        self._check(self.case)
        self.edited.emit()

    def _notice_edited(self) -> None:
        self._check(self.case)
        self.edited.emit()

    def restart(self, notice: bool) -> None:
        answer = QMessageBox.question(self, "Start again", "Replace the text with a new "
                                      "first draft written from the case? Your edits to "
                                      "it are lost unless saved.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        case = self.case
        if notice:
            self.notice.editor.set_text(prefill(case, Variant.PUBLIC_NOTICE, self.today))
        else:
            self.letter.set_text(prefill(case, default_variant(case), self.today))
        self._check(case)
        self.edited.emit()

    # -- preview and the merge ---------------------------------------------------------------
    def _chosen(self) -> Recipient:
        selected = self.recipients.selected()
        return selected[0] if selected else (self.case.recipients[:1] or (SAMPLE,))[0]

    def preview(self) -> PreviewDialog | None:
        from reports.letters import render_letters

        case, recipient = self.case, self._chosen()
        with reporting(self, "Preparing the preview") as outcome:
            data = render_letters([printed_letter(case, self.letter.text(), recipient,
                                                  self.today)])
        if outcome.failed:
            return None
        who = "the sample recipient" if recipient is SAMPLE else \
            f"no. {recipient.number}, {recipient.name}"
        dialog = PreviewDialog("Letter preview", f"The letter for {who}, as it will print "
                               "(the text on screen, saved or not).", data,
                               ("Save letters…", lambda: self.save_letters()), self)
        dialog.open()
        return dialog

    def save_letters(self, path: Path | None = None) -> bool:
        """Save the text, then write every recipient's letter into one PDF."""
        case = self.case
        if not case.recipients:
            QMessageBox.information(self, "No recipients", "Add the recipients first "
                                    "(Recipients tab: import a CSV file or add them).")
            return False
        problems = letter_problems(self.letter.text(), self.today)
        if problems and path is None:
            listed = "\n".join(f"• {p.text}" for p in problems[:6])
            answer = QMessageBox.question(self, "The letter is not ready", "The letter still "
                                          f"has problems:\n\n{listed}\n\nSave the letters "
                                          "anyway?")
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not self._keep_letter():
            return False
        path = path or merge.ask_path(self, case)
        if path is None:
            return False
        text, recipients = self.letter.text(), self.case.recipients
        self.last_task = merge.start_merge(self, self.case, text, recipients, self.today,
                                           path, self._merged)
        return True

    def _keep_letter(self) -> bool:
        """Save the letter as it is on screen (also a first draft never edited), so the
        record of who was told points at the text that was sent."""
        text = self.letter.text()
        with reporting(self, "Saving the letter") as outcome:
            self.ctx.people.save_letter(self.case.id, text, self.case.actor)
        if outcome.failed:
            return False
        self._base_letter = text
        self._mark()
        self.saved.emit()
        return True

    def _merged(self, path: Path, pages: int) -> None:
        count = len(self.case.recipients)
        merge.tell_saved(self, path, count, pages)
        answer = QMessageBox.question(self, "Record the posting", f"Record now that the "
                                      f"{count:,} letters were posted?")
        if answer == QMessageBox.StandardButton.Yes:
            self.record_told()

    def record_told(self) -> None:
        if record_contacts(self, self.ctx, self.case, self.recipients.selected()):
            self.saved.emit()

    # -- the public notice -------------------------------------------------------------------
    def _notice_pdf(self) -> bytes:
        from reports.letters import render_letters

        return render_letters([printed_letter(self.case, self.notice.editor.text(), None,
                                              self.today)])

    def preview_notice(self) -> None:
        with reporting(self, "Preparing the preview") as outcome:
            data = self._notice_pdf()
        if not outcome.failed:
            PreviewDialog("Public notice preview", "The notice as it will print.", data,
                          None, self).open()

    def save_notice_pdf(self) -> None:
        from gui.kit.document_view import NOT_ENCRYPTED
        from reports import report_file_name
        from reports.letters import write_letters

        name = report_file_name(self.case.breach.reference, "public notice")
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the notice",
                                                str(Path.home() / name), "PDF (*.pdf)")
        if not chosen:
            return
        with reporting(self, "Saving the notice") as outcome:
            write_letters([printed_letter(self.case, self.notice.editor.text(), None,
                                          self.today)], Path(chosen))
        if not outcome.failed:
            QMessageBox.information(self, "Saved", f"Saved to {chosen}.\n\n{NOT_ENCRYPTED}")

    def publish_notice(self) -> None:
        if not self.save():
            return
        case = self.case
        claim = case.facts.exemption_claim
        reason = claim.explanation if claim is not None and \
            claim.ground is ExemptionGround.DISPROPORTIONATE_EFFORT else ""
        dialog = PublishDialog(case.zone, self.ctx.clock, reason, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with reporting(self, "Recording the publication") as outcome:
            self.ctx.people.publish_notice(case.id, dialog.where.text(),
                                           dialog.at.value() or self.ctx.clock(),
                                           dialog.reason.toPlainText(), case.actor)
        if not outcome.failed:
            self.saved.emit()

    def take_down(self, notice_id: int) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Record taken down")
        when = OptionalDateTime(self.case.zone, self.ctx.clock, allow_unknown=False,
                                follow_now=True)
        ok = QPushButton("Record")
        ok.clicked.connect(dialog.accept)
        box = QVBoxLayout(dialog)
        box.addWidget(label("When was the notice taken down?"))
        box.addWidget(when)
        box.addWidget(ok)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with reporting(self, "Recording the take-down") as outcome:
            self.ctx.people.take_down_notice(notice_id, when.value() or self.ctx.clock(),
                                             self.case.actor)
        if not outcome.failed:
            self.saved.emit()

