"""Trust in the GUI: the idle lock (through an open modal dialog, keeping unsaved work as
a draft offered back after unlocking), the History tab, Back up now / Check the vault, one
app per vault, and an unexpected error that shows a dialog naming the log."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from shiboken6 import isValid

import gui.app as app_module
from gui.kit.tasks import running_tasks
from gui.kit.vault_dialogs import UnlockDialog
from model.services import vaults
from tests.conftest import PASSPHRASE
from tests.gui.test_shell import _Spy, _unlock_with


def test_idle_lock_passes_an_open_dialog_and_keeps_unsaved_work(qtbot, tmp_path, clock,  # type: ignore[no-untyped-def]
                                                                standins, monkeypatch,
                                                                message_boxes) -> None:
    folder = tmp_path / "vault"
    first = vaults.create(folder, PASSPHRASE, clock=clock)
    spy = _Spy(first)
    controller = app_module.AppController(first, folder)
    window = controller.show_window(offer_drafts=False)
    window.settings.name.setText("Typed, not saved")  # unsaved work on the Settings page
    dialog = QDialog(window)  # any modal dialog left open by someone who walked away
    field = QLineEdit("half-typed")
    QVBoxLayout(dialog).addWidget(field)
    monkeypatch.setattr(UnlockDialog, "exec", _unlock_with(qtbot, PASSPHRASE))
    monkeypatch.setattr("gui.restore.ask_restore", lambda *_args: "restore")
    controller.idle.set_minutes(0.3 / 60)  # 300 ms
    controller.idle.start()
    QTimer.singleShot(0, dialog.exec)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window is not window,
                    timeout=10000)
    assert spy.closed == 1  # the database was closed
    assert not isValid(dialog) or not dialog.isVisible()
    assert not isValid(window) or not window.isVisible()
    qtbot.waitUntil(lambda: controller.window.settings.name.text() == "Typed, not saved",
                    timeout=5000)  # offered back after unlocking, and restored
    controller.window.close()


def test_clear_screen_closes_every_window_and_owned_clipboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    other = QDialog()
    qtbot.addWidget(other)
    other.show()
    QApplication.clipboard().setText("copied from a breach")
    owned = QApplication.clipboard().ownsClipboard()  # False on the offscreen platform
    app_module.clear_screen()
    assert not other.isVisible()
    assert not owned or QApplication.clipboard().text() == ""


def test_idle_input_restarts_the_countdown(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from gui.kit.idle import IdleWatcher

    watcher = IdleWatcher(1)
    watcher.set_minutes(0.5 / 60)
    fired: list[int] = []
    watcher.idle.connect(lambda: fired.append(1))
    watcher.start()
    target = QLineEdit()
    qtbot.addWidget(target)
    for _ in range(4):
        qtbot.wait(200)
        QApplication.sendEvent(target, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(1, 1), QPointF(1, 1), Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert not fired  # 800 ms of activity, 500 ms idle limit
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)
    watcher.remove()


def test_history_tab_shows_old_and_new(qtbot, ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    breach = ctx.breaches.import_document(seed_doc)
    ctx.breaches.update_facts(breach.id, replace(breach.facts, subjects_count=62))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    workspace = window.open_breach(breach.id)
    workspace.show_history()
    lines = workspace.history.lines()
    assert any("61 → 62" in line for line in lines), lines
    assert any("Breach" in line and "created" in line for line in lines)


def test_back_up_now_and_check_the_vault(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from gui.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.security.backup_button.click()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10000)
    assert "Backed up to" in page.security.state.text()
    assert list(ctx.backups.folder.glob("backup-*.db"))
    page.security.check_button.click()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10000)
    assert "passed every check" in page.security.state.text()


def test_settings_save_the_user_name_lock_minutes_and_backups_kept(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from gui.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.user_name.setText("Sam Lee")
    page.lock_minutes.setValue(3)
    page.backups_kept.setValue(4)
    assert page.save()
    saved = ctx.organisation.get()
    assert (saved.user_name, saved.lock_after_minutes, saved.backups_kept) == ("Sam Lee", 3, 4)
    assert ctx.audit.settings_history()[0].user == "Sam Lee"


def test_a_second_copy_of_the_app_is_refused(tmp_path, clock, message_boxes) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vault"
    vaults.create(folder, PASSPHRASE, clock=clock).close()
    held = vaults.lock_instance(folder)
    try:
        assert app_module.run_gui(folder) == 1
    finally:
        held.release()
    assert any("already open in another copy" in t for t in message_boxes.texts())


def test_closing_makes_an_automatic_backup(qtbot, ctx, standins) -> None:  # type: ignore[no-untyped-def]
    controller = app_module.AppController(ctx, ctx.data_dir)
    window = controller.show_window(offer_drafts=False)
    with qtbot.waitSignal(controller.finished, timeout=5000):
        window.close()
    assert len(list((ctx.data_dir / "backups").glob("auto-*.db"))) == 1


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_a_dialog_naming_the_log_and_the_app_goes_on(
        qtbot, ctx, standins, message_boxes) -> None:  # type: ignore[no-untyped-def]
    from gui.kit.errors import install_excepthook
    from model.services.logs import configure_logging

    log = configure_logging(ctx.data_dir)
    previous = sys.excepthook
    install_excepthook()
    try:
        controller = app_module.AppController(ctx, ctx.data_dir)
        window = controller.show_window(offer_drafts=False)

        def boom() -> None:
            raise RuntimeError("bug near SENTINEL-personal-data")

        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: bool(message_boxes.boxes), timeout=5000)
        assert str(log) in message_boxes.boxes[0]["text"]
        window.show_page("Settings")  # still running and usable
        assert window.current_page() == "Settings" and window.isVisible()
    finally:
        sys.excepthook = previous
        configure_logging(None)
    assert "SENTINEL" not in log.read_text() and "RuntimeError" in log.read_text()
    controller.window.close()
