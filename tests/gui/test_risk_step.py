"""The risk step: live result, questions only for what triage left open, versions, and the
walk-through from a triaged breach to a recorded decision (with a refused departure)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from gui.kit import document_view
from gui.risk import step as risk_step_module
from gui.risk.step import RiskStep, VersionsModel
from gui.triage.wizard import TriageWizard
from model.domain.enums import Access, BreachStatus, DataCategory, Exposure, Regime, Sector
from model.domain.facts import BreachFacts, Confidentiality, facts_from_document
from model.domain.records import OrganisationProfile
from tests.conftest import file_report
from tests.gui.conftest import host_step

REASON = "The force is contacting each household in person with neighbourhood officers."


@pytest.fixture
def dpo(ctx):  # type: ignore[no-untyped-def]
    ctx.organisation.save(OrganisationProfile(name="Northshire Police", dpo_name="Alex Patel",
                                              sector=Sector.LAW_ENFORCEMENT))
    return ctx


@pytest.fixture(autouse=True)
def errors(monkeypatch):  # type: ignore[no-untyped-def]
    """Dialogs the step would show, captured instead of blocking the test."""
    shown: list[str] = []
    monkeypatch.setattr(risk_step_module, "show_error",
                        lambda parent, err, doing="": shown.append(str(err)))
    import gui.kit.errors

    monkeypatch.setattr(gui.kit.errors, "show_error",
                        lambda parent, err, doing="": shown.append(str(err)))
    return shown


def triaged_breach(ctx, seed_doc, qtbot):  # type: ignore[no-untyped-def]
    """The seed case, entered through the triage wizard and saved with its Finish button."""
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.forms.load(facts_from_document(seed_doc))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.created_breach_id is not None
    breach = ctx.breaches.get(wizard.created_breach_id)
    assert breach.facts == facts_from_document(seed_doc)
    return breach


def open_step(ctx, breach_id, qtbot) -> RiskStep:  # type: ignore[no-untyped-def]
    return host_step(ctx, RiskStep, breach_id, qtbot)


def test_walk_through_from_triage_to_a_recorded_decision(dpo, seed_doc, qtbot, errors) -> None:  # type: ignore[no-untyped-def]
    ctx = dpo
    breach = triaged_breach(ctx, seed_doc, qtbot)
    step = open_step(ctx, breach.id, qtbot)

    # The live result for the seed case: high risk, both recommendations, a what-if hint.
    assert step.result.badge.text().strip() == "High risk"
    assert "Notify the ICO: yes" in step.result.recommend.text()
    assert "Tell the people affected: yes" in step.result.recommend.text()
    assert "encrypted" in step.result.changes.text()
    assert "Type of breach" in step.result.reasons.text()
    # Triage answers are summarised, not asked again; only what triage did not ask is.
    assert "confidentiality.exposure" not in step.questions.asked()
    # An exemption from telling them is claimed here, with its reason, never in triage.
    assert "exemption_claim.ground" in step.questions.asked()
    assert not step.decision.isEnabled()  # nothing to decide on before an assessment

    assert step.assess_button.text() == "Record assessment (version 1)"
    qtbot.mouseClick(step.assess_button, Qt.MouseButton.LeftButton)
    assert step.versions.rowCount() == 1
    assert ctx.breaches.get(breach.id).status is BreachStatus.ASSESSED
    assert step.assess_button.text() == "Record assessment (version 2)"
    form = step.decision
    assert form.isEnabled()
    assert "version 1" in form.rests_on.text()
    assert form.decided_by.text() == "Alex Patel"

    # Depart from "tell the people affected" without a reason: flagged, then refused.
    form.subjects.no.setChecked(True)
    assert form.subjects.message.isVisibleTo(step)
    assert "recommends to tell the people affected" in form.subjects.message.text()
    qtbot.mouseClick(form.record, Qt.MouseButton.LeftButton)
    assert form.problems.isVisibleTo(step)
    assert "Not recorded" in form.problems.text()
    assert "at least 20 characters" in form.problems.text()
    assert ctx.assessments.decisions(breach.id) == []
    assert errors == []

    # With a reason it is recorded, resting on assessment version 1.
    qtbot.keyClicks(form.subjects.reason, REASON)
    assert not form.subjects.message.isVisibleTo(step)
    qtbot.mouseClick(form.record, Qt.MouseButton.LeftButton)
    [decision] = ctx.assessments.decisions(breach.id)
    assert decision.assessment_version == 1
    assert (decision.notify_ico, decision.notify_subjects) == (True, False)
    assert decision.notify_subjects_reason == REASON
    assert decision.decided_by == "Alex Patel"
    assert decision.decided_at == ctx.clock()
    assert step.recorded_box.isVisibleTo(step)
    assert "Rests on assessment version 1" in step.recorded.text()
    assert not step.register_button.isVisibleTo(step)  # notified: no register record
    assert errors == []


def test_answers_change_the_live_result_and_save_before_assessing(dpo, seed_doc, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = dpo
    breach = triaged_breach(ctx, seed_doc, qtbot)
    step = open_step(ctx, breach.id, qtbot)
    qtbot.mouseClick(step.assess_button, Qt.MouseButton.LeftButton)
    assert not step.save_button.isEnabled()
    step.questions.edit_all.setChecked(True)
    assert "confidentiality.access" in step.questions.asked()
    access = step.questions.inputs["confidentiality.access"].widget
    access.set_value(Access.NONE)
    assert step.result.badge.text().strip() == "Risk"
    assert step.save_button.isEnabled() and "Unsaved" in step.dirty.text()
    assert ctx.breaches.get(breach.id).facts.confidentiality.access is Access.UNKNOWN
    # Recording saves the answers first, then stores version 2; version 1 is kept.
    qtbot.mouseClick(step.assess_button, Qt.MouseButton.LeftButton)
    assert ctx.breaches.get(breach.id).facts.confidentiality.access is Access.NONE
    versions = ctx.assessments.versions(breach.id)
    assert [(v.version, v.result.risk) for v in versions] == [(1, "high_risk"), (2, "risk")]
    assert step.versions.rowCount() == 2
    assert step.versions.index(0, 0).data() == "2"  # newest first
    assert "version 2" in step.decision.rests_on.text()
    assert not step.decision.stale.isVisibleTo(step)


def test_stale_assessment_is_flagged(dpo, seed_doc, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = dpo
    breach = triaged_breach(ctx, seed_doc, qtbot)
    ctx.assessments.assess(breach.id)
    ctx.breaches.update_facts(breach.id, replace(breach.facts, subjects_count=75))
    step = open_step(ctx, breach.id, qtbot)
    assert step.decision.stale.isVisibleTo(step)


def test_unknown_facts_are_asked_known_ones_summarised(dpo, qtbot, errors) -> None:  # type: ignore[no-untyped-def]
    facts = BreachFacts(title="Laptop", data_categories=(DataCategory.HEALTH,),
                        confidentiality=Confidentiality(exposure=Exposure.PUBLIC))
    breach = dpo.breaches.create(facts)
    step = open_step(dpo, breach.id, qtbot)
    asked = step.questions.asked()
    assert "confidentiality.exposure" not in asked
    for key in ("confidentiality.access", "integrity.recoverable", "availability.loss",
                "protection.method", "identifiability", "malicious"):
        assert key in asked
    summary = [step.questions.summary.itemAt(i).widget().text()
               for i in range(step.questions.summary.count())]
    assert "Anyone: published or publicly reachable" in summary
    assert errors == []


def test_not_notifiable_decision_offers_the_register_record(dpo, seed_doc, qtbot, monkeypatch,
                                                            tmp_path, errors) -> None:  # type: ignore[no-untyped-def]
    ctx = dpo
    breach = triaged_breach(ctx, seed_doc, qtbot)
    step = open_step(ctx, breach.id, qtbot)
    qtbot.mouseClick(step.assess_button, Qt.MouseButton.LeftButton)
    form = step.decision
    form.ico.no.setChecked(True)
    form.subjects.no.setChecked(True)
    qtbot.keyClicks(form.ico.reason, REASON)
    qtbot.keyClicks(form.subjects.reason, REASON)
    qtbot.mouseClick(form.record, Qt.MouseButton.LeftButton)
    assert ctx.breaches.get(breach.id).status is BreachStatus.NOT_NOTIFIABLE
    assert step.register_button.isVisibleTo(step)
    shown: list[document_view.DocumentDialog] = []
    monkeypatch.setattr(document_view.DocumentDialog, "exec", lambda self: shown.append(self))
    qtbot.mouseClick(step.register_button, Qt.MouseButton.LeftButton)
    text = shown[0].view.toPlainText()
    assert breach.reference in text and REASON in text
    assert errors == []
    # Saving it as PDF says where it went and that the file is not encrypted.
    target = tmp_path / "record.pdf"
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    monkeypatch.setattr(document_view.QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    task = document_view.save_pdf(step, shown[0].document)
    assert task is not None
    qtbot.waitUntil(lambda: task.finished, timeout=20_000)  # laid out off the GUI thread
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in told[0] and "not encrypted" in told[0]


def test_restriction_for_part3_only_and_recorded(dpo, seed_doc, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = dpo
    breach = triaged_breach(ctx, seed_doc, qtbot)
    ctx.assessments.assess(breach.id)
    step = open_step(ctx, breach.id, qtbot)
    form = step.decision
    assert form.restrict.isVisibleTo(step)
    form.subjects.no.setChecked(True)
    form.restrict.setChecked(True)
    assert form.restriction_message.isVisibleTo(step)  # ground and reasoning missing
    assert not form.subjects.message.isVisibleTo(step)  # the restriction is the reason
    form.ground.setCurrentIndex(2)
    qtbot.keyClicks(form.reasoning, "Telling them now would alert suspects before arrest.")
    assert not form.restriction_message.isVisibleTo(step)
    qtbot.mouseClick(form.record, Qt.MouseButton.LeftButton)
    decision = ctx.assessments.latest_decision(breach.id)
    assert decision is not None and decision.restriction is not None
    assert decision.restriction.ground == "crime"
    assert "s.68" in step.recorded.text()

    other = ctx.breaches.create(replace(breach.facts, regime=Regime.UK_GDPR))
    ctx.assessments.assess(other.id)
    gdpr_step = open_step(ctx, other.id, qtbot)
    assert not gdpr_step.decision.restrict.isVisibleTo(gdpr_step)


def test_a_workflow_refusal_is_shown_and_saves_nothing(dpo, seed_doc, qtbot, errors) -> None:  # type: ignore[no-untyped-def]
    ctx = dpo
    breach = triaged_breach(ctx, seed_doc, qtbot)
    ctx.assessments.assess(breach.id)
    file_report(ctx, breach.id)
    step = open_step(ctx, breach.id, qtbot)
    step.decision.ico.no.setChecked(True)
    qtbot.keyClicks(step.decision.ico.reason, REASON)
    qtbot.mouseClick(step.decision.record, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "cannot be undone" in errors[0]
    assert ctx.assessments.decisions(breach.id) == []


def test_versions_model(dpo, seed_doc, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    breach = triaged_breach(dpo, seed_doc, qtbot)
    dpo.assessments.assess(breach.id, actor="Alex Patel")
    dpo.assessments.assess(breach.id, actor="Sam Lee")
    model = VersionsModel()
    model.set_versions(dpo.assessments.versions(breach.id), "Europe/London")
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 5
    assert [model.index(r, 4).data() for r in range(2)] == ["Sam Lee", "Alex Patel"]
    assert model.index(0, 1).data() == "10 Oct 2026 10:00"
    assert model.index(0, 2).data() == "High risk"
    assert model.index(0, 3).data() == "4.5 (very high)"


def test_an_older_mitigated_answer_opens_without_unsaved_changes(dpo, seed_doc, qtbot) -> None:  # type: ignore[no-untyped-def]
    # "Mitigated" from before exemption claims is shown as a claim awaiting its reason; only
    # writing that reason is an edit.
    facts = replace(facts_from_document(seed_doc), mitigated=True, exemption_claim=None)
    breach_id = dpo.breaches.create(facts, actor="DPO").id
    step = open_step(dpo, breach_id, qtbot)
    assert not step.has_unsaved_changes()
    assert step.current_facts() == dpo.breaches.get(breach_id).facts
