"""The main window shell, the lock cycle, the register page and the error mapping."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from gui import app as app_module
from gui.kit.errors import UNEXPECTED_TEXT, describe, reporting, show_error
from gui.kit.vault_dialogs import UnlockDialog
from gui.main_window import DEMO_TITLE, TITLE, MainWindow
from model.domain.errors import NewerSchemaError, ValidationError
from model.domain.facts import BreachFacts
from model.services import vaults
from tests.conftest import PASSPHRASE, open_demo


@pytest.fixture
def window(qtbot, ctx, standins):  # type: ignore[no-untyped-def]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def _add_breach(ctx, title: str, aware: datetime | None = None):  # type: ignore[no-untyped-def]
    return ctx.breaches.create(BreachFacts(title=title, aware_at=aware), actor="DPO")


# -- the window --------------------------------------------------------------------------
def test_title_and_status_bar(window, ctx) -> None:  # type: ignore[no-untyped-def]
    assert window.windowTitle() == TITLE
    assert str(ctx.data_dir) in window.statusBar().findChildren(type(window.keyring_label))[0] \
        .text()
    assert "passphrase is needed at each start" in window.keyring_label.text()
    assert window.lock_action.isEnabled()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"


def test_demo_title(qtbot, standins, clock) -> None:  # type: ignore[no-untyped-def]
    demo = open_demo(clock)
    try:
        win = MainWindow(demo)
        qtbot.addWidget(win)
        assert win.windowTitle() == DEMO_TITLE
        assert not win.lock_action.isEnabled()
        assert win.settings.change_button.isHidden()
    finally:
        demo.close()


def test_side_bar_switches_pages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.pages.currentWidget() is window.breaches
    for name, page in (("Register", window.register), ("Settings", window.settings),
                       ("Breaches", window.breaches)):
        row = ["Breaches", "Register", "Settings"].index(name)
        rect = window.sidebar.visualItemRect(window.sidebar.item(row))
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        assert window.pages.currentWidget() is page
        assert window.current_page() == name


def test_open_breach_then_back_to_the_list(window, standins) -> None:  # type: ignore[no-untyped-def]
    view = window.breaches.view
    view.open_breach.emit(7)
    workspace = window.breaches.currentWidget()
    assert isinstance(workspace, standins.workspace) and workspace.breach_id == 7
    before = view.reloads
    workspace.closed.emit()
    assert window.breaches.currentWidget() is view
    assert view.reloads == before + 1
    assert window.breaches.workspace is None


def test_register_activation_opens_in_breaches(qtbot, window, ctx, standins) -> None:  # type: ignore[no-untyped-def]
    breach = _add_breach(ctx, "Lost laptop")
    window.show_page("Register")
    qtbot.waitUntil(lambda: not window.register.loading, timeout=20_000)
    index = window.register.model.index(0, 0)
    window.register.table.activated.emit(index)  # Enter or a double click
    assert window.current_page() == "Breaches"
    assert window.breaches.workspace.breach_id == breach.id


def test_new_breach_accepted_opens_it(window, standins) -> None:  # type: ignore[no-untyped-def]
    standins.wizard.outcome = QDialog.DialogCode.Accepted
    standins.wizard.created = 12
    window.show_page("Settings")
    window.new_action.trigger()
    assert window.current_page() == "Breaches"
    assert window.breaches.workspace.breach_id == 12


def test_new_breach_cancelled_changes_nothing(window, standins) -> None:  # type: ignore[no-untyped-def]
    window.breaches.view.new_breach_requested.emit()
    assert len(standins.wizard.instances) == 1
    assert window.breaches.workspace is None


def test_opening_a_missing_breach_shows_the_error(window, ctx, message_boxes,
                                                  monkeypatch, standins) -> None:  # type: ignore[no-untyped-def]
    def broken(*_args):  # type: ignore[no-untyped-def]
        ctx.breaches.get(999)

    monkeypatch.setattr(standins.workspace, "__init__", broken)
    window.open_breach(999)
    assert window.breaches.workspace is None
    assert "No breach with id 999" in message_boxes.texts()[0]


# -- lock --------------------------------------------------------------------------------
class _Spy:
    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        self.closed = 0
        original = ctx.close

        def close() -> None:
            self.closed += 1
            original()

        ctx.close = close


def _unlock_with(qtbot, passphrase: str | None):  # type: ignore[no-untyped-def]
    """UnlockDialog.exec replacement: type the passphrase and press Unlock (None: Quit)."""
    def fake_exec(dialog: UnlockDialog) -> int:
        dialog.show()
        if passphrase is None:
            dialog.cancel_button.click()
        else:
            dialog.passphrase.setText(passphrase)
            dialog.ok_button.click()
            qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
        return dialog.result()
    return fake_exec


def test_lock_closes_the_context_and_unlocks_again(qtbot, tmp_path, clock, standins,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vault"
    first = vaults.create(folder, PASSPHRASE, clock=clock)
    spy = _Spy(first)
    controller = app_module.AppController(first, folder)
    old_window = controller.show_window()
    monkeypatch.setattr(UnlockDialog, "exec", _unlock_with(qtbot, PASSPHRASE))
    with qtbot.assertNotEmitted(controller.finished):
        old_window.lock_action.trigger()
    assert spy.closed == 1
    assert not isValid(old_window) or not old_window.isVisible()  # closed and let go
    assert controller.ctx is not None and controller.ctx is not first
    assert controller.window is not None and controller.window.isVisible()
    assert controller.window.ctx is controller.ctx
    controller.window.close()
    assert controller.ctx is None


def test_cancelling_the_unlock_after_lock_quits(qtbot, tmp_path, clock, standins,
                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vault"
    first = vaults.create(folder, PASSPHRASE, clock=clock)
    spy = _Spy(first)
    controller = app_module.AppController(first, folder)
    controller.show_window()
    monkeypatch.setattr(UnlockDialog, "exec", _unlock_with(qtbot, None))
    with qtbot.waitSignal(controller.finished, timeout=1000):
        controller.window.request_lock()
    assert spy.closed == 1 and controller.ctx is None and controller.window is None


def test_quit_closes_the_context(qtbot, ctx, standins) -> None:  # type: ignore[no-untyped-def]
    spy = _Spy(ctx)
    controller = app_module.AppController(ctx, ctx.data_dir)
    win = controller.show_window()
    with qtbot.waitSignal(controller.finished, timeout=1000):
        win.close()
    assert spy.closed == 1


def test_lock_keeps_unsaved_settings_as_a_draft(window, ctx, message_boxes) -> None:  # type: ignore[no-untyped-def]
    window.settings.name.setText("Changed Ltd")
    seen: list[bool] = []
    window.lock_requested.connect(lambda: seen.append(True))
    window.request_lock()
    assert seen == [True] and message_boxes.boxes == []  # no question: nothing is lost
    draft = ctx.drafts.get("settings")
    assert draft is not None and draft.payload["name"] == "Changed Ltd"
    assert ctx.organisation.get().name != "Changed Ltd"  # kept aside, not saved


# -- error mapping -----------------------------------------------------------------------
def test_domain_error_shows_its_own_message(message_boxes) -> None:  # type: ignore[no-untyped-def]
    err = NewerSchemaError("This vault was written by a newer Breach Desk.")
    show_error(None, err)
    assert message_boxes.boxes == [{"title": "Newer vault",
                                    "text": "This vault was written by a newer Breach Desk.",
                                    "detail": ""}]


def test_validation_message_and_doing_prefix(message_boxes) -> None:  # type: ignore[no-untyped-def]
    show_error(None, ValidationError("dpo_email", "is not an email address"), "Saving")
    assert message_boxes.texts() == ["Saving failed.\n\ndpo_email: is not an email address"]


def test_unexpected_error_gets_something_went_wrong_with_detail(message_boxes) -> None:  # type: ignore[no-untyped-def]
    with reporting(None) as outcome:
        raise RuntimeError("disk exploded")
    assert outcome.failed and isinstance(outcome.error, RuntimeError)
    box = message_boxes.boxes[0]
    assert box["title"] == "Something went wrong" and box["text"].startswith(UNEXPECTED_TEXT)
    assert "keeps running" in box["text"] and "log" in box["text"]
    assert "RuntimeError: disk exploded" in box["detail"]
    assert not describe(RuntimeError("x")).expected


def test_reporting_passes_success_through(message_boxes) -> None:  # type: ignore[no-untyped-def]
    with reporting(None) as outcome:
        value = 1 + 1
    assert value == 2 and not outcome.failed and message_boxes.boxes == []


def test_real_breaches_list_plugs_into_the_shell(qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("gui.breaches.view")
    demo = open_demo(clock)
    try:
        win = MainWindow(demo)
        qtbot.addWidget(win)
        win.show()
        assert win.pages.currentWidget() is win.breaches
        assert win.breaches.currentWidget() is win.breaches.view
    finally:
        demo.close()
