"""The People affected step as the DPO uses it: the letter with its live readability,
drafts and saving, the CSV import preview, recording who was told, a 1,000-letter merge
with its progress bar, a cancelled merge, and the layout at laptop size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QPushButton

from gui.kit import tasks
from gui.people.contacts_view import ContactDialog
from gui.people.import_dialog import ImportDialog
from gui.people.step import PeopleStep
from model.domain.people.contacts import Channel, Outcome
from tests.gui.conftest import host_step
from tests.model.services.people_helpers import recipients_csv, seed_breach


@pytest.fixture(autouse=True)
def _scores_finish(qtbot: Any) -> Any:
    """Readability is scored on pool threads: let the last score land before the next
    test (and before the process ends)."""
    yield
    QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=20_000)


def scored(step: PeopleStep, qtbot: Any) -> float:
    qtbot.waitUntil(lambda: step.letter.readability.result is not None, timeout=20_000)
    result = step.letter.readability.result
    assert result is not None
    return result.flesch


def test_the_first_draft_reads_easily(ctx: Any, seed_doc: dict[str, Any], qtbot: Any,
                                      message_boxes: Any) -> None:
    step = host_step(ctx, PeopleStep, seed_breach(ctx, seed_doc), qtbot)
    assert scored(step, qtbot) >= 60
    assert "color: #1e7b34" in step.letter.readability.flesch.styleSheet()  # green
    assert not step.has_unsaved_changes() and step.draft_state() is None
    assert step.letter.variant_label.text().startswith("Letter to the people affected")


def test_jargon_is_flagged_as_the_dpo_types(ctx: Any, seed_doc: dict[str, Any],
                                            qtbot: Any) -> None:
    step = host_step(ctx, PeopleStep, seed_breach(ctx, seed_doc), qtbot)
    scored(step, qtbot)
    edit = step.letter.sections["happened"].edit
    step.letter.readability.result = None
    edit.setPlainText("Personal data pertaining to data subjects was exfiltrated by an "
                      "unauthorised third party pursuant to a misconfiguration of the "
                      "processor's infrastructure.")
    scored(step, qtbot)
    items = [step.letter.readability.jargon.item(i).text()
             for i in range(step.letter.readability.jargon.count())]
    assert any("exfiltrated" in i and "copied and taken" in i for i in items)
    assert any("data subject" in i for i in items)


def test_edit_draft_save_and_discard(ctx: Any, seed_doc: dict[str, Any], qtbot: Any) -> None:
    breach_id = seed_breach(ctx, seed_doc)
    step = host_step(ctx, PeopleStep, breach_id, qtbot)
    edit = step.letter.sections["closing"].edit
    edit.setPlainText("We are very sorry.")
    assert step.has_unsaved_changes() and "Unsaved" in step.dirty.text()
    state = step.draft_state()
    assert state is not None and state["notice"] is None
    other = host_step(ctx, PeopleStep, breach_id, qtbot)
    other.restore_draft(state)
    assert other.letter.text().text("closing") == "We are very sorry."
    assert other.has_unsaved_changes()
    other.discard()
    assert not other.has_unsaved_changes()
    assert step.save() and not step.has_unsaved_changes()
    saved = ctx.cases.load(breach_id).letters
    assert saved[0].text.text("closing") == "We are very sorry."


def test_empty_required_section_is_listed_before_sending(ctx: Any, seed_doc: dict[str, Any],
                                                         qtbot: Any) -> None:
    step = host_step(ctx, PeopleStep, seed_breach(ctx, seed_doc), qtbot)
    assert step.letter.problems.isHidden()
    step.letter.sections["meaning"].edit.setPlainText("")
    assert not step.letter.problems.isHidden()
    assert "What this could mean for you is empty" in step.letter.problems.text()
    assert step.letter.sections["meaning"].edit.property("invalid") == "true"


def test_tab_moves_from_section_to_section(ctx: Any, seed_doc: dict[str, Any],
                                           qtbot: Any) -> None:
    step = host_step(ctx, PeopleStep, seed_breach(ctx, seed_doc), qtbot)
    first = step.letter.sections["happened"].edit
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert step.letter.sections["involved"].edit.hasFocus()
    assert "\t" not in first.toPlainText()


def test_import_preview_lists_bad_rows_and_imports_nothing_until_fixed(
        ctx: Any, seed_doc: dict[str, Any], qtbot: Any, tmp_path: Path) -> None:
    breach_id = seed_breach(ctx, seed_doc)
    path = tmp_path / "people.csv"
    bad = recipients_csv(10, bad=1)
    dialog = ImportDialog(ctx, breach_id, path, bad, "Alex")
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ["Row 12: postcode: is missing"]
    assert "UTF-8 with BOM" in dialog.info.text()
    dialog.accept()
    assert ctx.cases.load(breach_id).recipients == ()
    good = ImportDialog(ctx, breach_id, path, recipients_csv(10), "Alex")
    qtbot.addWidget(good)
    assert good.import_button.isEnabled() and good.table.rowCount() == 8
    good.combos["line3"].setCurrentIndex(0)  # "(not used)": the town is left out
    assert good.table.item(0, 2).text() == "1 Mill Lane"
    good.accept()
    assert good.result() == QDialog.DialogCode.Accepted
    assert len(ctx.cases.load(breach_id).recipients) == 10


def test_record_who_was_told(ctx: Any, seed_doc: dict[str, Any], qtbot: Any,
                             monkeypatch: pytest.MonkeyPatch, message_boxes: Any) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=4)
    step = host_step(ctx, PeopleStep, breach_id, qtbot)
    step.recipients.table.selectRow(1)

    def answer(dialog: ContactDialog) -> int:
        assert [b.text() for b in dialog.choice.buttons()][0].endswith("(1)")
        dialog.outcome.setCurrentIndex(list(Outcome).index(Outcome.RETURNED))
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ContactDialog, "exec", answer)
    step.record_told()
    assert message_boxes.texts() == []
    case = ctx.cases.load(breach_id)
    assert [(c.channel, c.outcome) for c in case.contacts] == [(Channel.POST,
                                                                Outcome.RETURNED)]
    assert case.contacts[0].recipient_id == case.recipients[1].id
    assert "1 returned" in step.contacts.summary.text()
    assert step.recipients.model.told(case.recipients[1]).startswith("Returned")


def test_a_thousand_letters_merge_with_a_progress_bar(
        ctx: Any, seed_doc: dict[str, Any], qtbot: Any, tmp_path: Path,
        message_boxes: Any) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=1000)
    step = host_step(ctx, PeopleStep, breach_id, qtbot)
    seen: list[tuple[int, int]] = []
    shown: list[int] = []
    out = tmp_path / "out"
    out.mkdir()
    target = out / "letters.pdf"
    assert step.save_letters(target)
    task = step.last_task
    task.progressed.connect(lambda done, total, _: seen.append((done, total)))
    # After the helper's own slot has moved the bar: what the DPO sees.
    task.progressed.connect(lambda *_: shown.append(task.dialog.value()))
    qtbot.waitUntil(lambda: task.finished, timeout=120_000)
    assert tasks.running_tasks() == 0
    assert seen and seen[-1] == (1000, 1000) and all(t == 1000 for _, t in seen)
    assert task.dialog.maximum() == 1000 and max(shown) == 1000 and len(set(shown)) > 100
    assert len(PdfReader(str(target)).pages) == 2000
    assert any("1,000 letters (2,000 pages) saved" in t for t in message_boxes.texts())
    assert sorted(p.name for p in out.iterdir()) == ["letters.pdf"]
    assert ctx.cases.load(breach_id).letters  # the letter sent was saved first


def test_a_cancelled_merge_leaves_nothing(ctx: Any, seed_doc: dict[str, Any], qtbot: Any,
                                          tmp_path: Path, message_boxes: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    breach_id = seed_breach(ctx, seed_doc, recipients=200)
    step = host_step(ctx, PeopleStep, breach_id, qtbot)
    out = tmp_path / "out"
    out.mkdir()
    (out / "letters.pdf").write_bytes(b"last week's letters")
    step_as_shipped = tasks.Progress.step
    reached: list[int] = []

    def press_cancel_at_letter_20(self: tasks.Progress, done: int, total: int,
                                  text: str = "") -> None:
        reached.append(done)
        if done >= 20:
            self.cancel()  # what the dialog's Cancel button does, at a known moment
        step_as_shipped(self, done, total, text)

    monkeypatch.setattr(tasks.Progress, "step", press_cancel_at_letter_20)
    assert step.save_letters(out / "letters.pdf")
    task = step.last_task
    assert task.dialog.findChild(QPushButton) is not None  # the Cancel button is offered
    qtbot.waitUntil(lambda: task.finished, timeout=60_000)
    assert max(reached) == 20
    assert [p.name for p in out.iterdir()] == ["letters.pdf"]
    assert (out / "letters.pdf").read_bytes() == b"last week's letters"
    assert not any("saved" in t for t in message_boxes.texts())


def test_the_step_fits_a_laptop_screen(ctx: Any, seed_doc: dict[str, Any], qtbot: Any) -> None:
    from gui.steps import STEPS
    from gui.workspace.workspace import BreachWorkspace

    breach_id = seed_breach(ctx, seed_doc, recipients=61)
    ws = BreachWorkspace(ctx, breach_id, STEPS)
    qtbot.addWidget(ws)
    ws.resize(1229, 700)
    ws.show()
    step = ws.show_step("people")
    assert isinstance(step, PeopleStep)
    qtbot.waitUntil(lambda: step.isVisible())
    for index in range(step.tabs.count()):
        step.tabs.setCurrentIndex(index)
        page = step.tabs.currentWidget()
        qtbot.waitUntil(page.isVisible)
        hint = page.minimumSizeHint()
        assert hint.width() <= page.width() and hint.height() <= page.height(), index
    assert step.width() + ws.steps.width() <= 1229
    for button in (step.preview_button, step.merge_button):
        assert button.isVisible() and button.width() >= button.sizeHint().width()
    assert not hasattr(ws, "people_told")  # the stop-gap button is gone
    assert ws.told.text() == "" or ws.told.text().startswith("People told")
