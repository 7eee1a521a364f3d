"""The ICO notification step: every question of the ICO's form grouped as the ICO groups
them, pre-filled from what is recorded, the checks beside them, a preview of the exact PDF,
Save PDF…, Record filing… and the filed versions."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.ico.checks import ChecksPanel
from gui.ico.filing import FilingDialog
from gui.ico.form import IcoForm
from gui.ico.history import FilingHistory
from gui.ico.preview import PdfPreview, page_images
from gui.kit.case_model import CaseModel
from gui.kit.document_view import save_pdf
from gui.kit.errors import reporting
from gui.kit.fact_inputs import FormEnv
from gui.kit.inputs import ChoiceCombo
from gui.kit.step import StepPage
from gui.kit.style import label, set_role
from gui.kit.tasks import Progress, Task, run_with_progress
from model.domain.case import Case
from model.domain.document import Document
from model.domain.documents.call_sheet import call_sheet
from model.domain.enums import Regime, Sector
from model.domain.facts import facts_from_document, facts_to_document
from model.domain.ico.checks import Level
from model.domain.ico.codec import answers_from_document, answers_to_document
from model.domain.ico.records import ReportType
from model.domain.ico.report import Prepared, default_type, prepare
from model.domain.records import OrganisationProfile
from model.services.context import AppContext

# Narrower than this, the checks sit above the questions instead of beside them.
TWO_COLUMNS_FROM = 1000
REFRESH_MS = 250


def render(document: Document) -> bytes:
    from reports.pdf import render_document

    return render_document(document).data


class IcoStep(StepPage):
    KEY = "ico"
    TITLE = "ICO report"
    WIDE = True
    go_to = Signal(str)

    def __init__(self, ctx: AppContext, case_model: CaseModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_model, parent)
        case = case_model.case
        self.form = IcoForm(FormEnv(case.zone, ctx.clock))
        self.checks = ChecksPanel()
        self.preview = PdfPreview()
        self.preview_pages = 0  # pages of the last preview drawn
        self.last_task: Task | None = None  # the last filing recorded (tests wait on it)
        self.history = FilingHistory(ctx)
        self.report_type = ChoiceCombo(list(ReportType), none_text="",
                                       labels={t: t.label for t in ReportType})
        self.report_type.setMinimumWidth(170)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.form.changed.connect(self._typed)
        self.report_type.currentIndexChanged.connect(self._type_changed)
        self.checks.go_to.connect(self.go_to_check)
        self.history.changed.connect(self.saved)
        self.load(case, force=True)

    def _build(self) -> None:
        self.preview_button = QPushButton("Preview")
        self.preview_button.setToolTip("Show the report's pages exactly as they will print")
        self.pdf_button = QPushButton("Save PDF…")
        self.call_button = QPushButton("Call sheet…")
        self.call_button.setToolTip("One page to read from when reporting by phone")
        self.file_button = QPushButton("Record filing…")
        self.file_button.setToolTip("Record that the report was sent: freezes this version")
        self.save_button = QPushButton("Save answers")
        self.state = label("", "hint")
        top = QHBoxLayout()
        top.addWidget(label("Report", "hint"))
        top.addWidget(self.report_type)
        top.addWidget(self.state, 1)
        for button in (self.save_button, self.preview_button, self.pdf_button,
                       self.call_button, self.file_button):
            top.addWidget(button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 8, 0)
        inner_layout.addWidget(self.form)
        inner_layout.addStretch(1)
        scroll.setWidget(inner)
        self.scroller = scroll
        report = QWidget()
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, report)
        self.columns.setContentsMargins(0, 8, 0, 0)
        self.columns.addWidget(scroll, 2)
        self.columns.addWidget(self.checks, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(report, "Questions")
        self.tabs.addTab(self.preview, "Preview")
        self.tabs.addTab(self.history, "Filings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(label("ICO notification", "title"))
        layout.addWidget(label("Every question of the ICO's breach report, filled from what "
                               "you recorded. Type only what is new; check the list beside "
                               "the questions, preview, send, then record the filing.",
                               "hint"))
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.show_preview)
        self.pdf_button.clicked.connect(self.save_report_pdf)
        self.call_button.clicked.connect(self.save_call_sheet)
        self.file_button.clicked.connect(self.record_filing)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        wide = event.size().width() >= TWO_COLUMNS_FROM
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.BottomToTop)
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
            self.checks.setMaximumHeight(16_777_215 if wide else 170)
        super().resizeEvent(event)

    # -- the step protocol ---------------------------------------------------------------
    def load(self, case: Case, force: bool = False) -> None:
        self.history.load(case)
        self.tabs.setTabText(2, f"Filings ({len(case.filings)})")
        if self.has_unsaved_changes() and not force:
            self.form.show_derived(case)
            self.refresh()
            return
        self._facts, self._profile = case.facts, case.organisation
        self._answers = case.ico_answers
        self.report_type.blockSignals(True)
        self.report_type.set_value(default_type(case))
        self.report_type.blockSignals(False)
        self.form.load(case, case.facts, case.organisation, case.ico_answers)
        self.form.set_report_type(self.current_type())
        self.refresh()

    def current_type(self) -> ReportType:
        chosen: ReportType | None = self.report_type.value()
        return chosen or ReportType.INITIAL

    def progress(self, case: Case) -> str:
        if case.filings:
            return f"v{len(case.filings)} ✓"
        decision = case.latest_decision
        if decision is not None and not decision.notify_ico:
            return "n/a"
        missing = sum(c.level is Level.REQUIRED for c in self.prepared().checks)
        return f"{missing} to fix" if missing else "ready"

    def edited_case(self) -> Case:
        """The case as it would be with the edits on screen saved."""
        case = self.case
        facts = self.form.edited_facts(self._facts)
        return replace(case, breach=replace(case.breach, facts=facts),
                       organisation=self.form.edited_profile(self._profile),
                       ico_answers=self.form.edited_answers(self._answers))

    def has_unsaved_changes(self) -> bool:
        if not hasattr(self, "_answers"):
            return False
        return (self.form.edited_facts(self._facts) != self._facts
                or self.form.edited_profile(self._profile) != self._profile
                or self.form.edited_answers(self._answers) != self._answers)

    def save(self) -> bool:
        """Facts, the organisation and the report's answers, each through its own service."""
        facts = self.form.edited_facts(self._facts)
        profile = self.form.edited_profile(self._profile)
        answers = self.form.edited_answers(self._answers)
        actor = self.case.actor
        with reporting(self, "Saving the ICO report") as outcome:
            if facts != self._facts:
                self.ctx.breaches.save_changes(self.case.id, self._facts, facts, actor)
                self._facts = facts
            if profile != self._profile:
                self._profile = self.ctx.organisation.save(profile)
            if answers != self._answers:
                self._answers = self.ctx.ico.save_answers(self.case.id, answers, actor)
        self.saved.emit()
        return not outcome.failed

    def discard(self) -> None:
        self.load(self.case, force=True)
        self.edited.emit()

    def draft_state(self) -> dict[str, Any] | None:
        if not self.has_unsaved_changes():
            return None
        return {"report_type": self.current_type().value,
                "facts": [facts_to_document(self._facts),
                          facts_to_document(self.form.edited_facts(self._facts))],
                "profile": [profile_document(self._profile),
                            profile_document(self.form.edited_profile(self._profile))],
                "answers": [answers_to_document(self._answers),
                            answers_to_document(self.form.edited_answers(self._answers))]}

    def restore_draft(self, state: dict[str, Any]) -> None:
        facts = [facts_from_document(d, strict=False) for d in state["facts"]]
        profiles = [profile_from_document(d) for d in state["profile"]]
        answers = [answers_from_document(d) for d in state["answers"]]
        self.report_type.blockSignals(True)
        self.report_type.set_value(ReportType(state.get("report_type", "initial")))
        self.report_type.blockSignals(False)
        self._facts, self._profile, self._answers = facts[0], profiles[0], answers[0]
        self.form.load(self.case, facts[1], profiles[1], answers[1])
        self.form.set_report_type(self.current_type())
        self.refresh()

    # -- live checks -----------------------------------------------------------------------
    def _typed(self) -> None:
        self._timer.start()
        self._show_state()
        self.edited.emit()

    def _type_changed(self) -> None:
        self.form.set_report_type(self.current_type())
        self.refresh()
        self.edited.emit()

    def _show_state(self) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty)
        self.state.setText("● Unsaved answers (kept as a draft)" if dirty else "")
        set_role(self.state, "pending" if dirty else "hint")

    def prepared(self) -> Prepared:
        case = self.edited_case()
        return prepare(case, self.current_type(), self.ctx.clock(), case.ico_answers)

    def refresh(self) -> None:
        self._timer.stop()
        self.checks.show_checks(self.prepared().checks)
        case = self.case
        self.call_button.setVisible(case.facts.regime is not Regime.PECR)
        self._show_state()

    def go_to_check(self, target: str, field: str) -> None:
        if target in ("risk", "triage"):
            self.go_to.emit(target)
            return
        self.tabs.setCurrentIndex(0)
        row = self.form.focus(target, field)
        if row is not None:
            self.scroller.ensureWidgetVisible(row, 0, 40)
        self.form.focus(target, field)

    # -- documents -----------------------------------------------------------------------
    def document(self) -> Document:
        """The report as on screen (unsaved edits included); the PECR notice for PECR."""
        return self.prepared().document

    def show_preview(self) -> Task | None:
        """Lay the report out and draw its pages off the GUI thread (a long answer takes
        seconds); the Preview tab shows them when they are ready."""
        with reporting(self, "Preparing the preview") as outcome:
            document = self.document()  # the answers on screen, read here
        if outcome.failed:
            return None

        def work(progress: Progress) -> tuple[list[QImage], int]:
            progress.step(0, 0, "Laying out the report")
            return page_images(render(document))

        def done(result: tuple[list[QImage], int]) -> None:
            self.preview_pages = self.preview.show_pages(*result)
            self.tabs.setCurrentWidget(self.preview)

        return run_with_progress(self, "Preparing the preview", work, done)

    def save_report_pdf(self) -> None:
        save_pdf(self, self.document())

    def save_call_sheet(self) -> None:
        save_pdf(self, call_sheet(self.edited_case(), self.ctx.clock()))

    # -- filing ----------------------------------------------------------------------------
    def record_filing(self) -> bool:
        """Save the answers, ask how the report was sent, freeze it and mark it notified."""
        if self.has_unsaved_changes() and not self.save():
            return False
        case = self.case_model.reload()
        dialog = FilingDialog(case, case.ico_answers, self.current_type(), case.zone,
                              self.ctx.clock, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.last_task = self.file(dialog.draft(), dialog.proof())
        return True

    def file(self, draft, proof=None) -> Task:  # type: ignore[no-untyped-def]
        """Freeze and record the filing off the GUI thread (the report is laid out as
        sent, which takes seconds for a long one), then attach the proof."""
        case = self.case

        def work(progress: Progress) -> Any:
            progress.step(0, 0, "Laying out the report as sent")
            return self.ctx.ico.record_filing(case.id, draft, render, case.actor)

        def done(filing: Any) -> None:
            if proof is not None:
                with reporting(self, "Attaching the proof (the filing is recorded)"):
                    self.ctx.attachments.add_file(case.id, proof, case.actor,
                                                  owner=filing.owner)
            self.saved.emit()
            self.tabs.setCurrentWidget(self.history)

        return run_with_progress(self, "Recording the filing", work, done,
                                 cancellable=False)


def profile_document(profile: OrganisationProfile) -> dict[str, str]:
    return {f.name: str(getattr(profile, f.name).value if hasattr(getattr(profile, f.name),
                                                                   "value")
                        else getattr(profile, f.name)) for f in fields(profile)}


def profile_from_document(doc: dict[str, str]) -> OrganisationProfile:
    base = OrganisationProfile()
    values: dict[str, Any] = {f.name: doc.get(f.name, getattr(base, f.name))
                              for f in fields(base)}
    values["sector"] = Sector(values["sector"])
    values["default_regime"] = Regime(values["default_regime"])
    return OrganisationProfile(**values)
