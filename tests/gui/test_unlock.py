"""Create-vault, unlock and change-passphrase dialogs, the start flow and the task helper."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gui.kit import tasks
from gui.kit import vault_dialogs as unlock
from gui.kit.vault_dialogs import (
    WRONG_PASSPHRASE,
    ChangePassphraseDialog,
    CreateVaultDialog,
    UnlockDialog,
    open_vault,
)
from model.domain.errors import WrongKeyError
from model.services import vaults
from tests.conftest import PASSPHRASE


def _wait_done(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.busy and tasks.running_tasks() == 0, timeout=10000)


# -- the background helper --------------------------------------------------------------
def test_task_delivers_result_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}
    main = threading.get_ident()

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"], seen["callback"] = result, threading.get_ident()

    tasks.run_in_background(work, done, lambda err: seen.setdefault("error", err))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42 and "error" not in seen
    assert seen["worker"] != main and seen["callback"] == main
    assert tasks.running_tasks() == 0


def test_task_delivers_the_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work() -> None:
        raise WrongKeyError("no")

    tasks.run_in_background(work, lambda _r: pytest.fail("no result expected"), errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], WrongKeyError)


# -- create ------------------------------------------------------------------------------
def test_create_enabled_only_for_a_valid_matching_passphrase(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = CreateVaultDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.passphrase.setText("short")
    assert not dialog.ok_button.isEnabled()
    assert "at least 10 characters" in dialog.problem.text()
    assert dialog.problem.property("role") == "error"
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "x")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem.text() == "The two passphrases differ."
    dialog.repeat.setText(PASSPHRASE)
    assert dialog.ok_button.isEnabled()
    assert dialog.problem.property("role") == "ok"
    assert dialog.meter.text.text() not in ("Empty", "Very weak")


def test_create_says_plainly_when_there_is_no_keyring(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = CreateVaultDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    assert "need it each time Breach Desk starts" in dialog.keyring_text.text()


def test_create_names_the_keyring_when_there_is_one(qtbot, tmp_path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    dialog = CreateVaultDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    assert "will also be kept in the OS keyring" in dialog.keyring_text.text()


def test_create_makes_the_vault(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "new"
    dialog = CreateVaultDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.context is not None
    assert vaults.vault_exists(folder)
    assert dialog.context.breaches.list() == []
    dialog.context.close()


def test_create_failure_is_shown_and_dialog_stays(qtbot, vault_dir, message_boxes) -> None:  # type: ignore[no-untyped-def]
    dialog = CreateVaultDialog(vault_dir)  # a vault is already there
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    assert dialog.context is None and dialog.isVisible()
    assert any("already exists" in text for text in message_boxes.texts())


# -- unlock ------------------------------------------------------------------------------
def test_wrong_passphrase_then_right_one(qtbot, vault_dir) -> None:  # type: ignore[no-untyped-def]
    dialog = UnlockDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    dialog.passphrase.setText("not the passphrase at all")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, dialog)
    assert dialog.isVisible() and dialog.context is None
    assert dialog.message.isVisible() and dialog.message.text() == WRONG_PASSPHRASE
    assert dialog.passphrase.text() == ""
    assert dialog.focusWidget() is dialog.passphrase
    dialog.passphrase.setText("still wrong, again")  # retries are unlimited
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    assert dialog.isVisible()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.context is not None and dialog.context.breaches.list() == []
    dialog.context.close()


def test_damaged_key_file_is_explained_and_ends(qtbot, vault_dir, message_boxes) -> None:  # type: ignore[no-untyped-def]
    key_file = vault_dir / "breachdesk.key"
    assert key_file.exists()
    key_file.write_text("garbage")
    dialog = UnlockDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.fatal is not None
    assert message_boxes.boxes and "damaged" in message_boxes.texts()[0]


def test_open_vault_creates_on_first_run(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fake_exec(dialog: CreateVaultDialog) -> int:
        dialog.context = vaults.create(dialog.data_dir, PASSPHRASE, PASSPHRASE)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(CreateVaultDialog, "exec", fake_exec)
    monkeypatch.setattr(UnlockDialog, "exec", lambda _d: pytest.fail("no unlock on first run"))
    ctx = open_vault(tmp_path / "first")
    assert ctx is not None and vaults.vault_exists(tmp_path / "first")
    ctx.close()


def test_open_vault_is_silent_when_the_keyring_holds_the_key(qtbot, tmp_path, memory_keyring,
                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    vaults.create(tmp_path / "v", PASSPHRASE).close()
    monkeypatch.setattr(UnlockDialog, "exec", lambda _d: pytest.fail("should not ask"))
    ctx = open_vault(tmp_path / "v")
    assert ctx is not None and ctx.key_in_keyring
    ctx.close()


def test_open_vault_asks_without_keyring(qtbot, vault_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[UnlockDialog] = []

    def fake_exec(dialog: UnlockDialog) -> int:
        asked.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(UnlockDialog, "exec", fake_exec)
    assert open_vault(vault_dir) is None
    assert len(asked) == 1 and not asked[0].remember.isVisible()


def test_backup_notice(qtbot, ctx, monkeypatch, message_boxes) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(type(ctx), "backup_made", property(lambda _c: "/tmp/b/vault-old.db"))
    unlock.tell_about_backup(None, ctx)
    assert "/tmp/b/vault-old.db" in message_boxes.texts()[0]


# -- change passphrase ------------------------------------------------------------------
def test_change_passphrase(qtbot, vault_dir) -> None:  # type: ignore[no-untyped-def]
    dialog = ChangePassphraseDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    new = "a brand new passphrase 7"
    dialog.old.setText("wrong old passphrase")
    dialog.new.setText(new)
    assert not dialog.ok_button.isEnabled()
    dialog.repeat.setText(new)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    assert dialog.isVisible() and "not correct" in dialog.problem.text()
    assert dialog.old.text() == ""
    dialog.old.setText(PASSPHRASE)
    dialog.ok_button.click()
    _wait_done(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with pytest.raises(WrongKeyError):
        vaults.unlock(vault_dir, PASSPHRASE, remember=False)
    vaults.unlock(vault_dir, new, remember=False).close()
