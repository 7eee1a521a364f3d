"""Saving the letters: one PDF with a letter for every recipient, written in the background
with a progress bar and Cancel (a cancelled merge leaves no file), then where it went and
that it is not encrypted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.kit import tasks
from gui.kit.document_view import NOT_ENCRYPTED
from model.domain.case import Case
from model.domain.people.letter import LetterText
from model.domain.people.printed import printed_letter
from model.domain.people.recipients import Recipient
from model.domain.progress import ProgressSink


def merge_work(case: Case, text: LetterText, recipients: Sequence[Recipient], on: date,
               path: Path) -> Callable[[ProgressSink], int]:
    """The background work: lay out every letter and write the file (pages written)."""
    def work(progress: ProgressSink) -> int:
        from reports.letters import write_letters

        letters = [printed_letter(case, text, r, on) for r in recipients]
        return write_letters(letters, path, progress)
    return work


def start_merge(parent: QWidget, case: Case, text: LetterText,
                recipients: Sequence[Recipient], on: date, path: Path,
                on_done: Callable[[Path, int], None]) -> tasks.Task:
    """Write the letters to `path` with a progress dialog; `on_done(path, pages)` after."""
    count = len(recipients)
    return tasks.run_with_progress(
        parent, f"Writing {count:,} letter{'s' if count != 1 else ''}",
        merge_work(case, text, recipients, on, path), lambda pages: on_done(path, pages))


def ask_path(parent: QWidget, case: Case, folder: Path | None = None) -> Path | None:
    from reports import report_file_name

    name = report_file_name(case.breach.reference, "letters")
    chosen, _ = QFileDialog.getSaveFileName(parent, "Save the letters",
                                            str((folder or Path.home()) / name), "PDF (*.pdf)")
    return Path(chosen) if chosen else None


def tell_saved(parent: QWidget, path: Path, count: int, pages: int) -> None:
    QMessageBox.information(parent, "Letters saved",
                            f"{count:,} letters ({pages:,} pages) saved to {path}.\n\n"
                            f"{NOT_ENCRYPTED}")
