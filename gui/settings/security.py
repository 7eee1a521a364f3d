"""Settings' "Vault security" group: where the key is kept, the passphrase, backups (on
demand; automatic ones on close) and the integrity check of the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import show_error
from gui.kit.style import label, set_role
from gui.kit.tasks import run_in_background
from gui.kit.vault_dialogs import ChangePassphraseDialog
from model.domain.clock import format_local
from model.services import vaults
from model.services.context import AppContext


def keyring_status(ctx: AppContext) -> str:
    """One line on where the vault key is kept, for the settings page and the status bar."""
    if ctx.demo:
        return "Demo vault: a throwaway folder, deleted when Breach Desk closes."
    backend = vaults.keyring_backend()
    if ctx.key_in_keyring:
        return f"The OS keyring ({backend}) holds the key: this computer opens the vault " \
               "without the passphrase until you lock it."
    if backend is None:
        return "No OS keyring is available: the passphrase is needed at each start."
    return f"The OS keyring ({backend}) does not hold the key: the passphrase is needed " \
           "at each start."


class SecurityGroup(QGroupBox):
    """Key, passphrase, backups and the integrity check, each one click away."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Vault security", parent)
        self._ctx = ctx
        box = QVBoxLayout(self)
        box.setSpacing(8)
        box.addWidget(label(f"Vault folder: {ctx.data_dir}", "hint"))
        self.keyring_text = label(keyring_status(ctx))
        box.addWidget(self.keyring_text)
        self.change_button = QPushButton("Change passphrase…")
        self.backup_button = QPushButton("Back up now")
        self.backup_button.setToolTip("An encrypted copy of the vault, with its key file, in "
                                      "the backups folder")
        self.check_button = QPushButton("Check the vault")
        self.check_button.setToolTip("SQLCipher's and SQLite's integrity checks, and the "
                                     "audit trail's hash chain")
        self.change_button.clicked.connect(self.change_passphrase)
        self.backup_button.clicked.connect(self.back_up)
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        for button in (self.change_button, self.backup_button, self.check_button):
            button.setVisible(not ctx.demo)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.state = label("", "hint")
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.state)
        self.show_latest()

    def show_latest(self) -> None:
        if self._ctx.demo:
            return
        latest = self._ctx.backups.latest()
        self.state.setText(
            "No backup yet: one is made each time Breach Desk closes." if latest is None else
            f"Latest backup: {latest[0].name}, {format_local(latest[1])} (in "
            f"{self._ctx.backups.folder}).")
        set_role(self.state, "hint")

    def _busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy)

    def back_up(self) -> None:
        self._busy(True)
        self.state.setText("Backing up…")
        run_in_background(self._ctx.backups.back_up_now, self._backed_up, self._failed)

    def _backed_up(self, path: object) -> None:
        self._busy(False)
        self.show_latest()
        self.state.setText(f"Backed up to {path} (encrypted; its key file beside it).")
        set_role(self.state, "ok")

    def check(self) -> None:
        self._busy(True)
        self.state.setText("Checking the vault…")
        run_in_background(self._ctx.backups.check, self._checked, self._failed)

    def _checked(self, report: object) -> None:
        self._busy(False)
        problems = getattr(report, "problems", ())
        if problems:
            self.state.setText("The check found problems:\n" + "\n".join(problems[:5]))
            set_role(self.state, "error")
            return
        self.state.setText(f"The vault passed every check: pages, integrity, links, and "
                           f"{getattr(report, 'events', 0):,} audit events in an unbroken "
                           "chain.")
        set_role(self.state, "ok")

    def _failed(self, err: BaseException) -> None:
        self._busy(False)
        self.state.setText("")
        show_error(self, err, "The vault action")

    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self._ctx.data_dir, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            QMessageBox.information(self, "Passphrase changed",
                                    "The passphrase is changed. Use the new one from now on; "
                                    "the old one no longer opens the vault.")
