"""Saving the register (PDF, CSV or XLSX) and the annual report, off the GUI thread with
progress; each tells where the file went and that it is not encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.kit.document_view import NOT_ENCRYPTED
from gui.kit.tasks import Progress, run_with_progress
from model.domain.register.rows import RegisterFilter
from model.services.context import AppContext

FORMATS = {"pdf": "PDF (*.pdf)", "csv": "CSV, UTF-8 (*.csv)", "xlsx": "Excel workbook (*.xlsx)"}


def write_register(ctx: AppContext, path: Path, register_filter: RegisterFilter,
                   progress: Any = None) -> Path:
    """The register as PDF, CSV or XLSX by the file's suffix."""
    if path.suffix.lower() == ".pdf":
        from reports.pdf import write_document

        return write_document(ctx.register.register_document(register_filter), path)
    from reports.spreadsheet import write_sheet

    sheets = ctx.register.sheets(register_filter, with_actions=path.suffix.lower() != ".csv")
    return write_sheet(path, sheets, progress)


def _saved(parent: QWidget, path: Path) -> None:
    QMessageBox.information(parent, "Saved", f"Saved to {path}.\n\n{NOT_ENCRYPTED}")


def export_register(parent: QWidget, ctx: AppContext, kind: str,
                    register_filter: RegisterFilter) -> Any:
    default = Path.home() / f"breach register.{kind}"
    chosen, _ = QFileDialog.getSaveFileName(parent, "Save the register", str(default),
                                            FORMATS[kind])
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(path.name + f".{kind}")

    def work(progress: Progress) -> Path:
        return write_register(ctx, path, register_filter, progress)

    return run_with_progress(parent, "Saving the register", work, lambda p: _saved(parent, p))


def export_annual(parent: QWidget, ctx: AppContext, year: int) -> Any:
    """Build the year's report off the GUI thread, then show it to read or save."""
    from gui.kit.document_view import DocumentDialog

    def work(progress: Progress) -> Any:
        progress.step(0, 0, f"Working out {year}'s figures")
        return ctx.register.annual_document(year)

    def show(document: Any) -> None:
        dialog = DocumentDialog(document, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return run_with_progress(parent, "Preparing the annual report", work, show)
