"""The ICO step: the form pre-filled from the records, edits saved to the same facts
everywhere, live checks that lead to the fix, preview, filing and the filed versions."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QBoxLayout

import gui.kit.errors
from gui.ico.step import IcoStep
from model.domain.enums import BreachStatus
from model.domain.ico.records import Channel, FilingDraft, ReportType
from model.domain.records import OrganisationProfile
from tests.gui.conftest import host_step


@pytest.fixture(autouse=True)
def errors(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(gui.kit.errors, "show_error",
                        lambda parent, err, doing="": shown.append(str(err)))
    return shown


@pytest.fixture
def breach_id(ctx, seed_doc):  # type: ignore[no-untyped-def]
    ctx.organisation.save(OrganisationProfile(name="Northshire Constabulary",
                                              dpo_name="Alex Morgan",
                                              dpo_email="dpo@northshire.example"))
    breach = ctx.breaches.import_document(seed_doc, actor="Alex Morgan")
    ctx.breaches.add_event(breach.id, ctx.clock() - timedelta(hours=2),
                           "Pages taken down.", "Web team")
    return breach.id


@pytest.fixture
def step(ctx, breach_id, qtbot):  # type: ignore[no-untyped-def]
    return host_step(ctx, IcoStep, breach_id, qtbot, size=(1030, 640))


def test_prefilled_from_the_records_and_checks_lead_to_the_fix(step) -> None:  # type: ignore[no-untyped-def]
    assert "61 anti-social" in step.form.facts["summary"].value()
    assert step.current_type() is ReportType.INITIAL
    assert step.form.rows["A4"].isHidden()  # follow-up only
    assert step.form.rows["C1"].isHidden()  # not a cyber incident
    texts = step.checks.texts()
    assert any("D4: 'Other' is ticked" in t for t in texts)
    assert any("No risk assessment" in t for t in texts)
    item = next(step.checks.list.item(i) for i in range(step.checks.list.count())
                if "D4" in step.checks.list.item(i).text())
    step.checks.list.itemActivated.emit(item)
    assert step.form.answers["subjects_other_detail"].widget.hasFocus() or \
        step.focusWidget() is step.form.answers["subjects_other_detail"].widget
    wanted: list[str] = []
    step.go_to.connect(wanted.append)
    step.go_to_check("risk", "")
    assert wanted == ["risk"]


def test_an_edit_here_is_an_edit_of_the_same_fact_everywhere(step, ctx, breach_id, qtbot) -> None:  # type: ignore[no-untyped-def]
    step.form.facts["summary"].edit.setPlainText("Case data was published by mistake.")
    step.form.answers["why_reporting"].edit.set_value("threshold_met")
    step.form.answers["subjects_other_detail"].edit.setText("Complainants and witnesses")
    step.form.profile["address"].setPlainText("1 Station Road, Northtown")
    assert step.has_unsaved_changes()
    state = step.draft_state()
    assert state is not None and state["answers"][1]["why_reporting"] == "threshold_met"
    assert step.save()
    case = ctx.cases.load(breach_id)
    assert case.facts.summary == "Case data was published by mistake."
    assert case.organisation.address == "1 Station Road, Northtown"
    assert case.ico_answers.why_reporting == "threshold_met"
    assert not step.has_unsaved_changes()
    assert not any("D4: 'Other'" in t for t in step.checks.texts())
    # A kept draft comes back as unsaved work.
    step.restore_draft(state)
    assert step.has_unsaved_changes()
    step.discard()
    assert not step.has_unsaved_changes()


def test_preview_shows_the_rendered_pages(step, qtbot) -> None:  # type: ignore[no-untyped-def]
    task = step.show_preview()  # laid out and drawn off the GUI thread
    assert task is not None
    qtbot.waitUntil(lambda: task.finished, timeout=20_000)
    pages = step.preview_pages
    assert pages >= 2 and len(step.preview.pages) == pages
    assert step.tabs.currentWidget() is step.preview
    assert not step.preview.pages[0].pixmap().isNull()


def test_filing_freezes_a_version_and_the_history_shows_it(step, ctx, breach_id, qtbot,
                                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    proof = tmp_path / "ICO acknowledgement.eml"
    proof.write_text("Thank you for your report. Case reference IC-2026-1234.")
    draft = FilingDraft(Channel.ONLINE, ReportType.INITIAL, ctx.clock(),
                        case_reference="IC-2026-1234")
    task = step.file(draft, proof)  # laid out and recorded off the GUI thread
    qtbot.waitUntil(lambda: task.finished, timeout=20_000)
    case = ctx.cases.load(breach_id)
    assert case.breach.status is BreachStatus.NOTIFIED
    filing = case.filings[0]
    assert step.tabs.currentWidget() is step.history
    assert step.history.table.item(0, 5).text() == filing.pdf_sha256
    assert [a.owner for a in case.attachments] == [filing.owner]
    assert step.history.proof is not None and step.history.proof.table.rowCount() == 1
    assert step.current_type() is ReportType.FOLLOW_UP
    assert not step.form.rows["A4"].isHidden()
    assert step.form.answers["case_reference"].value() == "IC-2026-1234"
    assert step.progress(case) == "v1 ✓"


def test_checks_go_above_the_questions_on_a_narrow_screen(step, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert step.columns.direction() is QBoxLayout.Direction.LeftToRight
    step.resize(900, 640)
    qtbot.waitUntil(lambda: step.columns.direction() is QBoxLayout.Direction.BottomToTop)
