"""The one question asked before unsaved work would be left behind: Save, Discard or
Cancel, naming what is unsaved."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, what: Sequence[str], doing: str = "leaving") -> Choice:
    """Ask what to do with unsaved work before `doing`; Cancel keeps everything as it is."""
    items = "\n".join(f"• {item}" for item in what)
    answer = QMessageBox.question(
        parent, "Unsaved changes",
        f"These have unsaved changes:\n\n{items}\n\nSave them before {doing}?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL
