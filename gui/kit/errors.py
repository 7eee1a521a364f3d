"""The one place that turns exceptions into dialogs.

A BreachDeskError carries a message the user can act on and is shown as is; anything else
is a bug and gets a "something went wrong" dialog with the technical detail to copy.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from model.domain.errors import (
    BreachDeskError,
    NewerSchemaError,
    NotFoundError,
    ValidationError,
    VaultError,
    WorkflowError,
)
from model.services.logs import log_unexpected

UNEXPECTED_TEXT = ("Something went wrong that Breach Desk did not expect. Nothing more was "
                   "changed; the last saved state is kept. If it happens again, copy the "
                   "details below for support.")


@dataclass(frozen=True)
class ErrorMessage:
    """What a dialog shows for an exception."""

    title: str
    text: str
    detail: str = ""
    expected: bool = True


def _title(err: BreachDeskError) -> str:
    if isinstance(err, NewerSchemaError):
        return "Newer vault"
    if isinstance(err, VaultError):
        return "Vault problem"
    if isinstance(err, ValidationError):
        return "Please check the input"
    if isinstance(err, WorkflowError):
        return "Not allowed now"
    if isinstance(err, NotFoundError):
        return "Not found"
    return "Breach Desk"


def describe(err: BaseException) -> ErrorMessage:
    """The title, text and detail a dialog shows for `err` (pure; tested without dialogs)."""
    if isinstance(err, BreachDeskError):
        return ErrorMessage(_title(err), str(err) or "The action could not be completed.")
    detail = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    return ErrorMessage("Something went wrong", UNEXPECTED_TEXT, detail, expected=False)


def show_error(parent: QWidget | None, err: BaseException, doing: str = "") -> None:
    """Show `err` in a modal message box; `doing` ("Saving the settings") prefixes it."""
    message = describe(err)
    text = message.text
    if not message.expected:  # a bug: its kind and code locations go to the log
        text += (f"\n\nThe log names where it happened (never what you typed): "
                 f"{log_unexpected(err)}\n\nBreach Desk keeps running.")
    box = QMessageBox(parent)
    box.setWindowTitle(message.title)
    box.setIcon(QMessageBox.Icon.Warning if message.expected else QMessageBox.Icon.Critical)
    box.setText(f"{doing} failed.\n\n{text}" if doing else text)
    if message.detail:
        box.setDetailedText(message.detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class Outcome:
    """Set by `reporting()`: whether the guarded block failed and with what."""

    def __init__(self) -> None:
        self.error: BaseException | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None


@contextmanager
def reporting(parent: QWidget | None, doing: str = "") -> Iterator[Outcome]:
    """Run a block; any exception is shown in a dialog and recorded on the Outcome.

        with reporting(self, "Saving the settings") as outcome:
            ctx.organisation.save(profile)
        if outcome.failed: ...
    """
    outcome = Outcome()
    try:
        yield outcome
    except Exception as err:  # every failure must reach the user
        outcome.error = err
        show_error(parent, err, doing)


def install_excepthook() -> None:
    """Exceptions escaping a Qt slot would only reach stderr: show them instead."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], err: BaseException,
             tb: TracebackType | None) -> None:
        previous(kind, err, tb)
        if QApplication.instance() is None or isinstance(err, KeyboardInterrupt):
            return
        with suppress(Exception):  # the last-resort handler must never raise itself
            show_error(QApplication.activeWindow(), err)

    sys.excepthook = hook
