"""A walk through the Lessons step with the motivating case: fill the lessons (five whys
into the narrative), save with Ctrl+S's path, raise two actions through the dialog, mark
them done, review one effective, close the breach and open the lessons report."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.lessons.action_dialogs import ActionDialog, DoneDialog, ReviewDialog
from gui.lessons.step import LessonsStep
from model.domain.decision import DecisionDraft
from model.domain.enums import BreachStatus
from model.domain.facts import facts_from_document
from model.domain.lessons.taxonomy import Cause, IncidentType, LearningResponse, Verdict
from tests.conftest import file_report
from tests.gui.conftest import host_step

REFUSED: list[str] = []


def _in_modal(fill) -> None:  # type: ignore[no-untyped-def]
    """Run `fill(dialog)` on the next modal dialog, then accept it; a dialog that refuses
    (it stays open showing why) is closed and its message kept in REFUSED."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        fill(dialog)
        dialog.accept()
        if dialog.isVisible():
            REFUSED.append(dialog.error.text())
            dialog.reject()
    QTimer.singleShot(0, act)


def test_walk_through_to_a_closed_breach(ctx, seed_doc, qtbot, message_boxes) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc), actor="DPO")
    assessment = ctx.assessments.assess(breach.id)
    ctx.assessments.record_decision(breach.id, assessment.id, DecisionDraft(
        notify_ico=True, notify_subjects=True, decided_by="Alex Morgan",
        decided_at=ctx.clock()))
    file_report(ctx, breach.id)
    ctx.breaches.add_event(breach.id, ctx.clock(), "Letters to 61 households",
                           kind="people_told")
    REFUSED.clear()
    step = host_step(ctx, LessonsStep, breach.id, qtbot, size=(1229, 700))
    assert step.progress(step.case) == "0/5" and step.blocking.isVisible()

    form = step.form
    form.incident_type.set_value(IncidentType.MISCONFIGURATION)
    form.cause.set_value(Cause.THIRD_PARTY)
    form.contributing.box(Cause.PROCESS_GAP).setChecked(True)
    form.response.set_value(LearningResponse.FIVE_WHYS)
    for edit, text in zip(form.whys, ("Pages were public", "Export went to the web",
                                      "Release changed the target"), strict=False):
        qtbot.keyClicks(edit, text)
    form.add_whys.click()
    assert "Root cause (the third why): Release changed the target." in \
        form.narrative.toPlainText()
    qtbot.keyClicks(form.went_well, "An officer spotted it")
    qtbot.keyClicks(form.differently, "Check supplier releases")
    assert step.has_unsaved_changes() and step.draft_state() is not None
    assert step.save() and not step.has_unsaved_changes()
    assert step.progress(step.case) == "✓"

    def raise_action(text: str, due: date):  # type: ignore[no-untyped-def]
        def fill(dialog: ActionDialog) -> None:
            dialog.description.setPlainText(text)
            dialog.owner.setText("J. Lee")
            dialog.due.set_value(due)
        return fill

    _in_modal(raise_action("Take the pages down", date(2026, 10, 10)))
    step.action_panel.add()
    _in_modal(raise_action("Release check in the supplier contract", date(2026, 11, 30)))
    step.action_panel.add()
    assert step.action_panel.model.rowCount() == 2 and step.progress(step.case) == "2 open"

    for row in (0, 1):
        step.action_panel.table.selectRow(row)
        _in_modal(lambda d: isinstance(d, DoneDialog) and d.evidence.setPlainText(
            "Checked and on file"))
        step.action_panel.done()
    assert not step.blocking.isVisible() or "lessons" not in step.blocking.text()
    ctx.breaches.change_status(breach.id, BreachStatus.CLOSED)
    ctx.clock.now += timedelta(days=60)
    step.case_model_ref.reload()
    step.action_panel.table.selectRow(1)
    def review(dialog: ReviewDialog) -> None:
        dialog.verdict.set_value(Verdict.EFFECTIVE)
        dialog.reviewer.setText("Audit team")

    _in_modal(review)
    step.action_panel.review()
    assert REFUSED == []
    case = step.case
    assert case.breach.status is BreachStatus.CLOSED
    assert [a.verdict for a in case.corrective_actions] == [None, Verdict.EFFECTIVE]
    assert step.action_panel.model.data(step.action_panel.model.index(1, 6)) == "Effective"
    document = ctx.register.lessons_document(breach.id)
    assert "Release check in the supplier contract" in document.text()


def test_draft_round_trip_and_near_miss(ctx, seed_doc, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc))
    step = host_step(ctx, LessonsStep, breach.id, qtbot)
    qtbot.keyClicks(step.form.team, "North site")
    state = step.draft_state()
    step.discard()
    assert not step.has_unsaved_changes()
    step.restore_draft(state)
    assert step.form.team.text() == "North site" and step.has_unsaved_changes()
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("The attachment was never opened.", True))
    step.toggle_near_miss()
    assert step.case.breach.near_miss and step.near_button.text() == "Not a near miss…"
