"""The filed versions of the ICO report: when and how each was sent, its PDF's SHA-256,
the PDF itself (opened or saved from the vault, checked against that digest), its proof,
and for each follow-up what changed since the version before."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.kit.attachments import AttachmentsPanel, temporary_copy
from gui.kit.document_view import NOT_ENCRYPTED
from gui.kit.errors import reporting
from gui.kit.style import label
from model.domain.case import Case
from model.domain.clock import format_local
from model.domain.ico.changes import changes_since, content_from_document
from model.domain.ico.form import question
from model.domain.ico.records import Filing
from model.services.context import AppContext

HEADERS = ("Version", "Report", "Filed", "Sent by", "ICO case ref.", "PDF SHA-256")


def changes_html(before: Filing, after: Filing) -> str:
    """What `after` said differently from `before`, question by question."""
    old = content_from_document(json.loads(before.snapshot_text)["content"])
    new = content_from_document(json.loads(after.snapshot_text)["content"])
    changes = changes_since(old, new)
    if not changes:
        return f"<p>No answer changed since version {before.version}.</p>"
    rows = "".join(f"<tr><td><b>{escape(c.id)}</b> {escape(question(c.id).caption)}</td>"
                   f"<td>{escape(c.before or 'Not asked')}</td><td>{escape(c.after)}</td></tr>"
                   for c in changes)
    return (f"<p><b>Version {after.version}: changes since version {before.version}</b></p>"
            "<table cellpadding='4' border='1' cellspacing='0'><tr><th>Question</th>"
            f"<th>Before</th><th>Now</th></tr>{rows}</table>")


class FilingHistory(QWidget):
    """Emits `changed` after a proof was attached (the case is read again)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: Case | None = None
        self.filings: list[Filing] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMaximumHeight(150)
        self.open_pdf = QPushButton("Open PDF")
        self.save_pdf = QPushButton("Save PDF…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_pdf)
        buttons.addWidget(self.save_pdf)
        buttons.addStretch(1)
        self.empty = label("Nothing filed yet. Once the report is sent, use \"Record "
                           "filing…\": each filed version is kept here, frozen.", "hint")
        self.changes = QTextBrowser()
        self.proof_box = QGroupBox("Proof of filing (the ICO's copy or acknowledgement)")
        self.proof_layout = QVBoxLayout(self.proof_box)
        self.proof: AttachmentsPanel | None = None
        lower = QHBoxLayout()
        lower.addWidget(self.changes, 1)
        lower.addWidget(self.proof_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(lower, 1)
        self.table.itemSelectionChanged.connect(self._selected)
        self.open_pdf.clicked.connect(self.open_selected)
        self.save_pdf.clicked.connect(self.save_selected)

    def load(self, case: Case) -> None:
        self.case = case
        self.filings = list(reversed(case.filings))
        self.table.setRowCount(len(self.filings))
        for row, filing in enumerate(self.filings):
            cells = (str(filing.version), filing.report_type.label,
                     format_local(filing.filed_at, case.zone), filing.channel.label,
                     filing.case_reference or "—", filing.pdf_sha256)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"PDF SHA-256 {filing.pdf_sha256}\nAnswers SHA-256 "
                                f"{filing.snapshot_sha256}\nRecorded "
                                f"{format_local(filing.recorded_at, case.zone)} by "
                                f"{filing.recorded_by or '—'}")
                self.table.setItem(row, col, item)
        has = bool(self.filings)
        for widget in (self.table, self.open_pdf, self.save_pdf, self.changes, self.proof_box):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            self.table.selectRow(0)
            self._selected()

    def selected(self) -> Filing | None:
        row = self.table.currentRow()
        return self.filings[row] if 0 <= row < len(self.filings) else None

    def _selected(self) -> None:
        filing, case = self.selected(), self.case
        if filing is None or case is None:
            return
        earlier = [f for f in case.filings if f.version < filing.version]
        self.changes.setHtml(changes_html(earlier[-1], filing) if earlier else
                             f"<p>Version {filing.version} is the first report filed.</p>")
        if self.proof is not None:
            self.proof_layout.removeWidget(self.proof)
            self.proof.hide()
            self.proof.setParent(None)
            self.proof.deleteLater()
        self.proof = AttachmentsPanel(self.ctx, case.zone, case.actor, owner=filing.owner)
        self.proof.attach.setText("Attach proof…")
        self.proof.show_items(case.id, case.attachments)
        self.proof.changed.connect(self.changed)
        self.proof_layout.addWidget(self.proof)

    def open_selected(self) -> Path | None:
        filing = self.selected()
        if filing is None:
            return None
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        with reporting(self, "Opening the filed PDF") as outcome:
            path = temporary_copy(self._name(filing), self.ctx.ico.filed_pdf(filing.id))
        if outcome.failed:
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def _name(self, filing: Filing) -> str:
        reference = self.case.breach.reference if self.case else "breach"
        return f"{reference} ICO {filing.report_type.value.replace('_', '-')} v{filing.version}.pdf"

    def save_selected(self) -> Path | None:
        filing = self.selected()
        if filing is None:
            return None
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the filed PDF",
                                                str(Path.home() / self._name(filing)),
                                                "PDF (*.pdf)")
        if not chosen:
            return None
        from reports.common import write_atomically

        with reporting(self, "Saving the filed PDF") as outcome:
            write_atomically(Path(chosen), self.ctx.ico.filed_pdf(filing.id))
        if outcome.failed:
            return None
        QMessageBox.information(self, "Saved", f"Saved to {chosen}. It is the exact PDF "
                                f"filed (SHA-256 {filing.pdf_sha256}).\n\n{NOT_ENCRYPTED}")
        return Path(chosen)
