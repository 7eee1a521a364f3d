"""Input that does what the user means: the wheel scrolls the page, focus and Tab, Enter in
the action entry, Enter after a wrong passphrase, times to the minute typed, default times
taken when saved, and the keyboard reaching every page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from gui.kit.actions import ActionEntry
from gui.kit.inputs import ChoiceCombo, OptionalDateTime
from gui.kit.vault_dialogs import UnlockDialog
from gui.kit.wheel import install_wheel_guard
from gui.main_window import MainWindow
from gui.triage.wizard import PageId, TriageWizard
from model.domain.enums import Exposure

ZONE = "Europe/London"


@pytest.fixture(autouse=True)
def _answer_yes(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


def _wheel(widget: QWidget) -> None:
    event = QWheelEvent(QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))),
                        QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_page_not_an_unfocused_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    install_wheel_guard(QApplication.instance())  # type: ignore[arg-type]
    area = QScrollArea()
    body = QWidget()
    column = QVBoxLayout(body)
    combo = ChoiceCombo(list(Exposure))
    column.addSpacing(1500)
    column.addWidget(combo)
    column.addSpacing(1500)
    area.setWidget(body)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    area.ensureWidgetVisible(combo)
    before = area.verticalScrollBar().value()
    _wheel(combo)
    assert combo.currentIndex() == 0  # the answer did not change under the pointer
    assert area.verticalScrollBar().value() != before  # the page moved instead
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1  # a focused choice still takes the wheel


def test_wizard_opens_on_the_first_field_and_tab_leaves_the_summary(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    title = wizard.forms.input("title").widget
    qtbot.waitUntil(title.hasFocus)
    summary = wizard.forms.input("summary").widget
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_Tab)
    assert "\t" not in summary.toPlainText()
    assert not summary.hasFocus()


def test_enter_in_the_action_entry_adds_it_and_stays_on_the_page(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(PageId.CONTAINMENT):
        wizard.next()
    assert wizard.currentId() == PageId.CONTAINMENT
    entry = wizard.action_list.entry
    entry.what.setFocus()
    qtbot.keyClicks(entry.what, "Pages taken down")
    qtbot.keyClick(entry.what, Qt.Key.Key_Return)
    assert [a.text for a in wizard.action_list.drafts] == ["Pages taken down"]
    assert wizard.currentId() == PageId.CONTAINMENT and wizard.isVisible()
    assert entry.what.text() == ""


def test_times_are_kept_to_the_minute_typed(qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 10, 10, 9, 0, 13, tzinfo=UTC)
    widget = OptionalDateTime(ZONE, clock)
    qtbot.addWidget(widget)
    widget.unknown.setChecked(False)  # a time becomes known: now, to the minute
    assert widget.value() == datetime(2026, 10, 10, 9, 0, tzinfo=UTC)


def test_a_stored_time_with_seconds_reads_back_unchanged_until_edited(qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    # An imported time may carry seconds; showing it to the minute is not an edit.
    stored = datetime(2026, 10, 9, 11, 30, 57, tzinfo=UTC)
    widget = OptionalDateTime(ZONE, clock)
    qtbot.addWidget(widget)
    widget.set_value(stored)
    assert widget.value() == stored
    widget.edit.setDateTime(widget.edit.dateTime().addSecs(60))  # the user moves a minute
    assert widget.value() == datetime(2026, 10, 9, 11, 31, tzinfo=UTC)


def test_an_action_takes_its_time_when_added_not_when_the_form_opened(qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    entry = ActionEntry(ZONE, clock, "DPO")
    qtbot.addWidget(entry)
    added = []
    entry.submitted.connect(added.append)
    clock.now += timedelta(minutes=47, seconds=30)  # the DPO typed for a while
    entry.what.setText("Supplier called")
    entry.submit()
    assert added[0].at == clock.now.replace(second=0)
    entry.reset()
    entry.when.set_value(datetime(2026, 10, 10, 8, 15, tzinfo=UTC))  # chosen by hand
    clock.now += timedelta(hours=2)
    entry.what.setText("Logs requested")
    entry.submit()
    assert added[1].at == datetime(2026, 10, 10, 8, 15, tzinfo=UTC)


def test_enter_unlocks_again_after_a_wrong_passphrase(vault_dir, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import PASSPHRASE

    dialog = UnlockDialog(vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "wrong passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=10000)
    assert dialog.ok_button.isDefault()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=10000)
    dialog.context.close()


def test_the_keyboard_reaches_every_page_and_saves(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    from model.domain.facts import BreachFacts

    breach = ctx.breaches.create(BreachFacts(title="Lost laptop"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for key, page in ((Qt.Key.Key_2, "Register"), (Qt.Key.Key_3, "Settings"),
                      (Qt.Key.Key_1, "Breaches")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == page
    assert window.sidebar.focusPolicy() != Qt.FocusPolicy.NoFocus
    # Enter on a row of the list opens it; Ctrl+S saves the step being edited.
    view = window.breaches.view
    view.table.setFocus()
    view.table.selectRow(0)
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    workspace = window.workspace()
    assert workspace is not None and workspace.breach_id == breach.id
    triage = workspace.step("triage")
    qtbot.keyClicks(triage.forms.input("found_by").widget, "Guard")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ctx.breaches.get(breach.id).facts.found_by == "Guard"
    # Back to the list: Alt+Left (QTest's simulated Alt is taken by the menu bar, so the
    # action behind the shortcut is triggered directly).
    back = next(a for a in window.findChildren(QAction) if a.text() == "Back to the list")
    assert back.shortcut().toString() == "Alt+Left"
    back.trigger()
    assert window.workspace() is None
