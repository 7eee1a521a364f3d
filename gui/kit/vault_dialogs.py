"""Passphrase dialogs (create the vault, unlock it, change the passphrase) and the start flow.

The slow part (scrypt, migrations) runs through gui.kit.tasks, so the dialog stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import show_error
from gui.kit.style import COLOURS, label, set_role
from gui.kit.tasks import run_in_background
from model.domain.errors import WrongKeyError
from model.domain.passphrase import passphrase_problem, strength
from model.services import vaults
from model.services.context import AppContext

WRONG_PASSPHRASE = "The passphrase is not correct. Check Caps Lock and try again."
LOSS_WARNING = ("If you lose the passphrase, the data is gone: nobody can recover it, not even "
                "with Breach Desk. Write it down and keep it somewhere safe.")
_BAR_COLOURS = [COLOURS["bad"], COLOURS["bad"], COLOURS["warn"], COLOURS["ok"], COLOURS["ok"]]


def keyring_line(backend: str | None) -> str:
    """Plain words on whether the OS keyring will hold the key."""
    if backend is None:
        return ("No OS keyring is available on this computer, so the key is kept only under "
                "your passphrase: you will need it each time Breach Desk starts.")
    return (f"The key will also be kept in the OS keyring ({backend}), so Breach Desk opens "
            "without asking on this computer. Lock (Ctrl+L) always asks for the passphrase.")


def _password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMinimumWidth(320)
    return field


def _folder_label(folder: Path) -> QLabel:
    text = label(str(folder), "hint", wrap=False)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return text


def _passphrase_form(fields: list[tuple[str, QWidget]], meter: QWidget,
                     problem: QWidget) -> QFormLayout:
    form = QFormLayout()
    form.setVerticalSpacing(10)
    for caption, field in fields:
        form.addRow(caption, field)
    form.addRow("Strength:", meter)
    form.addRow("", problem)
    return form


def _dialog_layout(dialog: QDialog, title: str) -> QVBoxLayout:
    layout = QVBoxLayout(dialog)
    layout.setSpacing(12)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.addWidget(label(title, "title"))
    return layout


class StrengthMeter(QWidget):
    """A five-step bar and its label: a hint, never a rule."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.text = label("", "hint", wrap=False)
        self.text.setMinimumWidth(90)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.text)
        self.show_for("")

    def show_for(self, passphrase: str) -> None:
        score, text = strength(passphrase)
        self.bar.setValue(score if passphrase else 0)
        self.bar.setStyleSheet(
            f"QProgressBar::chunk {{ background: {_BAR_COLOURS[score]}; border-radius: 3px; }}")
        self.text.setText(text)


class _BusyDialog(QDialog):
    """A dialog whose OK button starts a background call and waits for it."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        # A plain button: a standard Cancel gets a theme icon that Create/Unlock lack.
        self.cancel_button = self.buttons.addButton("Cancel",
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        # Only OK answers Enter: a focused Cancel must never become the default.
        self.cancel_button.setAutoDefault(False)
        self._ok_label = ok_text
        self.ok_button.clicked.connect(self._start)
        self.cancel_button.clicked.connect(self.reject)
        self.busy = False

    def _start(self) -> None:
        raise TypeError(f"{type(self).__name__} must define _start()")

    def _run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None], busy_text: str) -> None:
        self._set_busy(True, busy_text)

        def done(result: Any) -> None:
            self._set_busy(False)
            on_done(result)

        def failed(err: BaseException) -> None:
            self._set_busy(False)
            on_error(err)

        run_in_background(work, done, failed)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for child in self.findChildren(QLineEdit) + self.findChildren(QCheckBox):
            child.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.ok_button.setText(text if busy else self._ok_label)
        self._update_ok()
        if not busy:
            # Disabled while busy, the button lost its default status: Enter must retry.
            self.ok_button.setDefault(True)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.busy)

    def reject(self) -> None:
        if not self.busy:  # a running unlock cannot be abandoned half way
            super().reject()


class CreateVaultDialog(_BusyDialog):
    """First run: choose a passphrase (twice) and create the encrypted vault."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__("Create your vault", "Create vault", parent)
        self.data_dir = Path(data_dir)
        self.context: AppContext | None = None
        self.passphrase = _password_field("At least 10 characters; several words work well")
        self.repeat = _password_field("Type it again")
        self.meter = StrengthMeter()
        self.problem = label("", "hint")
        form = _passphrase_form([("Passphrase:", self.passphrase), ("Repeat:", self.repeat)],
                                self.meter, self.problem)
        layout = _dialog_layout(self, "Create your vault")
        intro = QVBoxLayout()
        intro.setSpacing(4)
        intro.addWidget(label("Breach Desk keeps every breach record in an encrypted vault "
                              "in this folder:"))
        intro.addWidget(_folder_label(self.data_dir))
        intro.addSpacing(6)
        intro.addWidget(label("Choose a passphrase to protect it."))
        layout.addLayout(intro)
        layout.addLayout(form)
        self.keyring_text = label(keyring_line(vaults.keyring_backend()), "hint")
        layout.addWidget(self.keyring_text)
        layout.addWidget(label(LOSS_WARNING, "warning"))
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._changed)
        self.repeat.textChanged.connect(self._changed)
        self.cancel_button.setText("Quit")
        self.setMinimumWidth(560)
        self._changed()

    def problem_text(self) -> str | None:
        return passphrase_problem(self.passphrase.text(), self.repeat.text())

    def _changed(self) -> None:
        self.meter.show_for(self.passphrase.text())
        problem = self.problem_text()
        self.problem.setText(problem or "The passphrases match.")
        typed = bool(self.passphrase.text())
        set_role(self.problem, "ok" if problem is None else "error" if typed else "hint")
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.busy and self.problem_text() is None)

    def _start(self) -> None:
        if self.problem_text() is not None:
            return
        secret, repeat = self.passphrase.text(), self.repeat.text()
        self._run(lambda: vaults.create(self.data_dir, secret, repeat),
                  self._created, lambda err: show_error(self, err, "Creating the vault"),
                  "Creating…")

    def _created(self, ctx: AppContext) -> None:
        self.context = ctx
        self.accept()


class UnlockDialog(_BusyDialog):
    """Ask for the passphrase; a wrong one is said inline and can be retried at will."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__("Unlock Breach Desk", "Unlock", parent)
        self.data_dir = Path(data_dir)
        self.context: AppContext | None = None
        self.fatal: BaseException | None = None
        self.passphrase = _password_field("Passphrase")
        self.message = label("", "error")
        self.message.hide()
        backend = vaults.keyring_backend()
        self.remember = QCheckBox(f"Keep the key in the OS keyring ({backend}) so the next "
                                  "start does not ask")
        self.remember.setChecked(True)
        self.remember.setVisible(backend is not None)
        layout = _dialog_layout(self, "Unlock your vault")
        layout.addWidget(label("Enter the passphrase of the vault in this folder:"))
        layout.addWidget(_folder_label(self.data_dir))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.remember)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.cancel_button.setText("Quit")
        self.setMinimumWidth(520)
        self.passphrase.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.busy and bool(self.passphrase.text()))

    def _start(self) -> None:
        secret, remember = self.passphrase.text(), self.remember.isChecked()
        if not secret:
            return
        self.message.hide()
        self._run(lambda: vaults.unlock(self.data_dir, secret, remember=remember),
                  self._unlocked, self._failed, "Unlocking…")

    def _unlocked(self, ctx: AppContext) -> None:
        self.context = ctx
        self.accept()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, WrongKeyError):
            self.message.setText(WRONG_PASSPHRASE)
            self.message.show()
            self.passphrase.clear()
            self.passphrase.setFocus()
            return
        # Damaged files, a newer schema...: retrying cannot help, so say why and stop.
        self.fatal = err
        show_error(self, err, "Opening the vault")
        self.reject()


class ChangePassphraseDialog(_BusyDialog):
    """Rewrap the vault key under a new passphrase (the data itself is not re-encrypted)."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__("Change passphrase", "Change passphrase", parent)
        self.data_dir = Path(data_dir)
        self.old = _password_field("Current passphrase")
        self.new = _password_field("At least 10 characters")
        self.repeat = _password_field("Type the new one again")
        self.meter = StrengthMeter()
        self.problem = label("", "hint")
        form = _passphrase_form([("Current passphrase:", self.old),
                                 ("New passphrase:", self.new), ("Repeat new:", self.repeat)],
                                self.meter, self.problem)
        layout = _dialog_layout(self, "Change the passphrase")
        layout.addLayout(form)
        layout.addWidget(label(LOSS_WARNING, "warning"))
        layout.addWidget(self.buttons)
        for field in (self.old, self.new, self.repeat):
            field.textChanged.connect(self._changed)
        self.setMinimumWidth(560)
        self._changed()

    def problem_text(self) -> str | None:
        if not self.old.text():
            return "Enter the current passphrase."
        return passphrase_problem(self.new.text(), self.repeat.text())

    def _changed(self) -> None:
        self.meter.show_for(self.new.text())
        problem = self.problem_text()
        self.problem.setText(problem or "Ready to change.")
        set_role(self.problem, "ok" if problem is None else
                 "error" if self.new.text() else "hint")
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.busy and self.problem_text() is None)

    def _start(self) -> None:
        if self.problem_text() is not None:
            return
        old, new, repeat = self.old.text(), self.new.text(), self.repeat.text()
        self._run(lambda: vaults.change_passphrase(self.data_dir, old, new, repeat),
                  lambda _none: self.accept(), self._failed, "Changing…")

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, WrongKeyError):
            self.old.clear()
            self.old.setFocus()
            self.problem.setText("The current passphrase is not correct.")
            set_role(self.problem, "error")
            return
        show_error(self, err, "Changing the passphrase")


def tell_about_backup(parent: QWidget | None, ctx: AppContext) -> None:
    if ctx.backup_made:
        QMessageBox.information(
            parent, "Vault upgraded",
            "This version of Breach Desk upgraded the vault's format. A backup of the vault "
            f"as it was before was made first:\n\n{ctx.backup_made}")


def ask_passphrase(data_dir: Path, parent: QWidget | None = None) -> AppContext | None:
    """The unlock dialog; None when the user quits or the vault cannot be opened."""
    dialog = UnlockDialog(data_dir, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.context is None:
        return None
    tell_about_backup(parent, dialog.context)
    return dialog.context


def open_vault(data_dir: Path, parent: QWidget | None = None) -> AppContext | None:
    """Start-up: create the vault on first run, else open silently or ask the passphrase."""
    if not vaults.vault_exists(data_dir):
        dialog = CreateVaultDialog(data_dir, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.context if accepted else None
    try:
        ctx = vaults.unlock_silently(data_dir)
    except WrongKeyError:
        ctx = None  # the keyring holds a stale key: the passphrase still opens the vault
    except Exception as err:  # shown, then the app exits: nothing can be done without it
        show_error(parent, err, "Opening the vault")
        return None
    if ctx is None:
        return ask_passphrase(data_dir, parent)
    tell_about_backup(parent, ctx)
    return ctx
