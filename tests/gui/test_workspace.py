"""The breach workspace: header clock, step completeness, triage editing, the timeline and
the status workflow with its reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import gui.kit.errors
from gui.steps import STEPS
from gui.workspace.status_actions import StatusChangeDialog
from gui.workspace.workspace import BreachWorkspace
from model.domain.enums import BreachStatus, BreachType, DataCategory
from model.domain.facts import BreachFacts
from tests.conftest import decide_not_notifiable

ZONE = "Europe/London"


@pytest.fixture(autouse=True)
def _answer_questions_yes(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture(autouse=True)
def errors(monkeypatch):  # type: ignore[no-untyped-def]
    """Error dialogs are recorded instead of blocking the test."""
    shown: list[str] = []
    monkeypatch.setattr(gui.kit.errors, "show_error",
                        lambda parent, err, doing="": shown.append(str(err)))
    return shown


@pytest.fixture
def breach_id(ctx, clock):  # type: ignore[no-untyped-def]
    aware = clock.now - timedelta(hours=20)
    facts = BreachFacts(title="Laptop left on a train", summary="A laptop was lost.",
                        breach_types=(BreachType.CONFIDENTIALITY,),
                        data_categories=(DataCategory.BASIC_IDENTIFIERS,),
                        occurred_at=aware - timedelta(hours=2), discovered_at=aware,
                        aware_at=aware)
    return ctx.breaches.create(facts, actor="Alex").id


@pytest.fixture
def workspace(ctx, breach_id, qtbot, errors):  # type: ignore[no-untyped-def]
    ws = BreachWorkspace(ctx, breach_id, STEPS)
    assert errors == []  # the workspace and its embedded steps open cleanly
    qtbot.addWidget(ws)
    ws.resize(1200, 780)
    ws.show()
    return ws


def _texts(ws: BreachWorkspace) -> list[str]:
    return ws.timeline.texts()


def row(ws: BreachWorkspace, key: str) -> int:
    return [p.KEY for p in ws.step_pages].index(key)


def w(step, key: str):  # type: ignore[no-untyped-def]
    return step.forms.input(key).widget


def test_header_shows_reference_status_and_live_clock(workspace, clock):  # type: ignore[no-untyped-def]
    assert workspace.reference.text() == "BR-2026-0001"
    assert workspace.badge.text() == "Open"
    assert workspace.clock.text() == "ICO deadline: Mon 12 Oct 2026 14:00 BST — 2 d 04 h left"
    clock.now += timedelta(hours=29)
    workspace.timer.timeout.emit()
    assert workspace.clock.text().endswith("— Due in 23 h")
    clock.now += timedelta(hours=24, minutes=5)
    workspace.timer.timeout.emit()
    assert workspace.clock.text().endswith("— Overdue by 1 h 05 m")


def test_steps_are_built_when_needed_and_all_soon_after_opening(ctx, breach_id, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = BreachWorkspace(ctx, breach_id, STEPS)
    qtbot.addWidget(ws)
    # Opening builds only the step on screen; the others follow while it is read.
    assert [p.KEY for p in ws.built_steps()] == [STEPS[0].KEY]
    assert ws.unsaved_steps() == []
    ws.show()
    qtbot.waitUntil(lambda: len(ws.built_steps()) == len(STEPS), timeout=5_000)
    assert [p.KEY for p in ws.built_steps()] == [f.KEY for f in STEPS]
    # A step asked for before its turn is built on the spot, in its place.
    early = BreachWorkspace(ctx, breach_id, STEPS)
    qtbot.addWidget(early)
    page = early.show_step("lessons")
    assert early.pages.currentWidget() is page and page.KEY == "lessons"
    assert early.pages.indexOf(page) == [f.KEY for f in STEPS].index("lessons")


def test_steps_show_completeness_and_every_step_is_built(workspace, qtbot):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(workspace.built_steps()) == len(STEPS), timeout=5_000)
    texts = workspace.steps.texts()
    assert texts[row(workspace, "triage")].startswith("Triage")
    assert "/" in texts[row(workspace, "triage")]
    assert texts[row(workspace, "risk")].endswith("—")
    from PySide6.QtWidgets import QLabel

    for key in ("triage", "risk", "ico", "people", "lessons"):
        workspace.show_step(key)
        page = workspace.pages.currentWidget()
        assert key == page.KEY
        words = " ".join(w.text() for w in page.findChildren(QLabel))
        assert "Coming in a later version" not in words


def test_status_transitions_write_timeline_events(workspace, ctx):  # type: ignore[no-untyped-def]
    # "Mark assessed" is not offered: recording an assessment does it, with its reasons.
    assert set(workspace.status_buttons.buttons) == {BreachStatus.NOTIFIED}
    changed: list[int] = []
    workspace.changed.connect(lambda breach_id: changed.append(breach_id))
    assert workspace.change_status(BreachStatus.ASSESSED, "Risk assessed with the team")
    assert workspace.badge.text() == "Assessed"
    assert set(workspace.status_buttons.buttons) == {
        BreachStatus.NOTIFIED, BreachStatus.NOT_NOTIFIABLE, BreachStatus.OPEN}
    assert any("Status: Open → Assessed. Risk assessed with the team" in t
               for t in _texts(workspace))
    assert changed
    assert ctx.breaches.get(workspace.breach_id).status is BreachStatus.ASSESSED


def test_notification_through_the_dialog_stops_the_clock(workspace, ctx, qtbot):  # type: ignore[no-untyped-def]
    from gui.ico.filing import FilingDialog
    from model.domain.ico.records import Channel

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FilingDialog)  # "Record filing…" opens the ICO step's
        dialog.channel.set_value(Channel.PHONE)
        dialog.at.set_value(datetime(2026, 10, 10, 8, 0, tzinfo=UTC))
        dialog.accept()

    QTimer.singleShot(0, fill_dialog)
    assert workspace.request_status(BreachStatus.NOTIFIED)
    assert workspace.current_step().KEY == "ico"
    task = workspace.current_step().last_task  # the report is laid out off the GUI thread
    qtbot.waitUntil(lambda: task.finished, timeout=20_000)
    breach = ctx.breaches.get(workspace.breach_id)
    assert breach.status is BreachStatus.NOTIFIED
    assert breach.notified_at == datetime(2026, 10, 10, 8, 0, tzinfo=UTC)
    assert "Notified 2 d 05 h before the deadline" in workspace.clock.text()
    assert any("Open → Notified" in t for t in _texts(workspace))


def test_reason_demanded_where_required(workspace, ctx, clock, qtbot):  # type: ignore[no-untyped-def]
    decide_not_notifiable(ctx, workspace.breach_id)
    dialog = StatusChangeDialog(BreachStatus.NOT_NOTIFIABLE, BreachStatus.NOTIFIED, ZONE,
                                clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert "needs a reason" in dialog.error.text()
    dialog.reason.setPlainText("The ICO advised us to report after all")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_deciding_not_notifiable_leads_to_the_risk_step(workspace, ctx):  # type: ignore[no-untyped-def]
    workspace.change_status(BreachStatus.ASSESSED, "Assessed")
    assert not workspace.request_status(BreachStatus.NOT_NOTIFIABLE)
    assert workspace.steps.currentRow() == row(workspace, "risk")
    assert ctx.breaches.get(workspace.breach_id).status is BreachStatus.ASSESSED


def test_cancelled_dialog_changes_nothing(workspace, ctx):  # type: ignore[no-untyped-def]
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert not workspace.request_status(BreachStatus.ASSESSED)
    assert ctx.breaches.get(workspace.breach_id).status is BreachStatus.OPEN
    assert not any(t for t in _texts(workspace) if "Status:" in t)


def test_refused_move_is_shown_not_raised(workspace, ctx, errors):  # type: ignore[no-untyped-def]
    assert not workspace.change_status(BreachStatus.CLOSED)
    assert errors == [errors[0]] and "cannot become closed" in errors[0]
    assert ctx.breaches.get(workspace.breach_id).status is BreachStatus.OPEN


def test_triage_editor_saves_and_lists_missing(workspace, ctx, qtbot):  # type: ignore[no-untyped-def]
    editor = workspace.step("triage")
    assert not editor.save_button.isEnabled()
    assert any(m.startswith("How it was found") for m in editor.missing.messages())
    before = workspace.steps.texts()[row(workspace, "triage")]
    qtbot.keyClicks(w(editor, "how_found"), "A passenger phoned")
    assert editor.has_unsaved_changes() and editor.save_button.isEnabled()
    # Completeness follows typing (after a short pause).
    qtbot.waitUntil(lambda: workspace.steps.texts()[row(workspace, "triage")] != before)
    assert editor.save()
    assert ctx.breaches.get(workspace.breach_id).facts.how_found == "A passenger phoned"
    assert not any(m.startswith("How it was found") for m in editor.missing.messages())
    assert not editor.has_unsaved_changes() and not editor.save_button.isEnabled()
    assert any("Facts updated: how_found." in t for t in _texts(workspace))


def test_impossible_edit_is_refused_and_nothing_changes(workspace, ctx, errors, qtbot):  # type: ignore[no-untyped-def]
    editor = workspace.step("triage")
    w(editor, "discovered_at").set_value(datetime(2026, 10, 1, 9, 0, tzinfo=UTC))
    editor.forms.input("discovered_at").changed.emit()
    qtbot.waitUntil(lambda: any("cannot be before" in m for m in editor.missing.messages()))
    assert not editor.save()
    assert len(errors) == 1 and "cannot be before the breach began" in errors[0]
    stored = ctx.breaches.get(workspace.breach_id).facts
    assert stored.discovered_at == stored.aware_at  # the saved version is intact
    assert editor.has_unsaved_changes()  # and what was typed is still there to correct


def test_add_action_to_timeline(workspace, ctx, qtbot):  # type: ignore[no-untyped-def]
    entry = workspace.timeline.entry
    qtbot.keyClicks(entry.what, "Remote wipe requested")
    entry.add.click()
    events = ctx.breaches.timeline(workspace.breach_id)
    assert [e.text for e in events if e.kind == "action"] == ["Remote wipe requested"]
    assert entry.what.text() == ""
    assert any("Action: Remote wipe requested" in t for t in _texts(workspace))


def test_back_with_unsaved_changes_saves_on_request(workspace, ctx, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    qtbot.keyClicks(w(workspace.step("triage"), "found_by"), "Guard")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    closed: list[int] = []
    workspace.closed.connect(lambda: closed.append(1))
    workspace.back.click()
    assert closed == []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Save)
    workspace.back.click()
    assert closed == [1]
    assert ctx.breaches.get(workspace.breach_id).facts.found_by == "Guard"


def test_triage_and_risk_edits_never_undo_each_other(workspace, ctx):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from model.domain.enums import Identifiability

    bid = workspace.breach_id
    # Not editing triage: a save from the Risk step shows up in the triage forms at once.
    triage, risk = workspace.step("triage"), workspace.step("risk")
    stored = ctx.breaches.get(bid).facts
    ctx.breaches.update_facts(bid, replace(stored, identifiability=Identifiability.LIMITED))
    risk.saved.emit()
    assert triage.forms.facts().identifiability is Identifiability.LIMITED
    assert not triage.has_unsaved_changes()
    # Midway through a triage edit, the Risk step saves again; saving triage keeps both.
    w(triage, "title").setText("Laptop left on a train at Leeds")
    stored = ctx.breaches.get(bid).facts
    ctx.breaches.update_facts(bid, replace(stored, identifiability=Identifiability.SIGNIFICANT))
    risk.saved.emit()
    assert triage.has_unsaved_changes()  # the typed title is not thrown away
    assert triage.save()
    saved = ctx.breaches.get(bid).facts
    assert saved.title == "Laptop left on a train at Leeds"
    assert saved.identifiability is Identifiability.SIGNIFICANT


@pytest.mark.parametrize("doc", ["seed", "blank"])
def test_opening_a_breach_leaves_nothing_unsaved(ctx, seed_doc, qtbot, doc) -> None:  # type: ignore[no-untyped-def]
    """No step may report unsaved work it did not get from the DPO (a default filled in
    on opening once did, and every Back asked to save)."""
    from model.domain.facts import facts_from_document

    facts = facts_from_document(seed_doc) if doc == "seed" else BreachFacts(title="Blank")
    breach = ctx.breaches.create(facts)
    ctx.assessments.assess(breach.id)
    ws = BreachWorkspace(ctx, breach.id, STEPS)
    qtbot.addWidget(ws)
    ws.resize(1229, 650)
    ws.show()
    for page in ws.step_pages:
        ws.show_step(page.KEY)
        assert not page.has_unsaved_changes(), page.KEY
        assert page.draft_state() is None, page.KEY
