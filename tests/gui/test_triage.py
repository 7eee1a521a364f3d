"""The triage wizard and its forms: the seed case typed in matches the imported one,
impossible facts are refused with nothing saved, incomplete triage saves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QMessageBox, QWizard

import gui.kit.errors
from gui.breaches.table import BreachTableModel, Column
from gui.kit.fact_inputs import FormEnv
from gui.kit.inputs import CountInput, OptionalDateTime
from gui.triage.formset import FormSet
from gui.triage.wizard import PageId, TriageWizard
from model.domain.enums import (
    Access,
    BreachType,
    Consequence,
    DataCategory,
    Exposure,
    Identifiability,
    ProtectionMethod,
    Regime,
    Sector,
    SubjectCategory,
    YesNoUnknown,
)
from model.domain.facts import facts_from_document

ZONE = "Europe/London"


@pytest.fixture(autouse=True)
def _no_blocking_questions(monkeypatch):  # type: ignore[no-untyped-def]
    """Closing a wizard with typed text asks first; at teardown the answer is Yes."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def errors(monkeypatch):  # type: ignore[no-untyped-def]
    """Capture error dialogs instead of blocking on them."""
    shown: list[str] = []
    monkeypatch.setattr(gui.kit.errors, "show_error",
                        lambda parent, err, doing="": shown.append(str(err)))
    return shown


def type_time(widget: OptionalDateTime, text: str) -> None:
    """Untick "Not known" and type a wall-clock time, as a user would."""
    widget.unknown.setChecked(False)
    day, clock = text.split()
    y, m, d = (int(p) for p in day.split("-"))
    hh, mm = (int(p) for p in clock.split(":"))
    widget.edit.setDateTime(QDateTime(QDate(y, m, d), QTime(hh, mm),
                                      QTimeZone(QTimeZone.Initialization.UTC)))


def w(forms, key: str):  # type: ignore[no-untyped-def]
    """The Qt widget a user types in or picks from, for one fact."""
    return forms.input(key).widget


def tick(check_list, *members) -> None:  # type: ignore[no-untyped-def]
    for member in members:
        check_list.box(member).click()


def enter_seed_case(wizard: TriageWizard) -> None:
    """The motivating case, page by page, through the form widgets."""
    f = wizard.forms
    assert wizard.currentId() == PageId.WHAT
    w(f, "summary").setPlainText(
        "Names and addresses from 61 anti-social behaviour cases appeared on the force's "
        "local-priorities pages of a national public police website after an upload error "
        "in a case-management system run by an external supplier. An officer found the "
        "pages on the fifth day; the force removed the data at once and began identifying "
        "the cases.")
    tick(w(f, "breach_types"), BreachType.CONFIDENTIALITY)
    w(f, "cyber_incident").set_value(YesNoUnknown.NO)
    w(f, "malicious").setCurrentIndex(2)  # "No, accidental"
    wizard.next()
    assert wizard.currentId() == PageId.WHEN
    type_time(w(f, "occurred_at"), "2026-10-04 09:00")
    type_time(w(f, "discovered_at"), "2026-10-09 10:30")
    type_time(w(f, "aware_at"), "2026-10-09 12:00")
    wizard.next()
    tick(w(f, "data_categories"), DataCategory.BASIC_IDENTIFIERS, DataCategory.CRIMINAL_OFFENCE)
    tick(w(f, "data_subject_categories"), SubjectCategory.OTHER, SubjectCategory.VULNERABLE_ADULTS)
    for count in (w(f, "subjects_count"), w(f, "records_count")):
        count.mode.setCurrentIndex(1)  # "About"
        count.high.setValue(61)
    wizard.next()
    assert wizard.currentId() == PageId.EFFECTS
    w(f, "confidentiality.exposure").set_value(Exposure.PUBLIC)
    w(f, "confidentiality.access").set_value(Access.UNKNOWN)
    w(f, "confidentiality.exposure_hours").setValue(120)
    w(f, "protection.method").set_value(ProtectionMethod.NONE)
    w(f, "protection.state_of_the_art").set_value(False)
    w(f, "protection.key_compromised").set_value(False)
    w(f, "identifiability").set_value(Identifiability.MAXIMUM)
    tick(w(f, "consequences"), Consequence.HARASSMENT_OR_RETALIATION, Consequence.DISTRESS,
         Consequence.REPUTATIONAL_DAMAGE)
    wizard.next()
    assert wizard.currentId() == PageId.CONTAINMENT
    w(f, "confidentiality.recipient_deleted").set_value(False)
    wizard.next()
    assert wizard.currentId() == PageId.REVIEW
    w(f, "regime").set_value(Regime.DPA2018_PART3)
    w(f, "controller_sector").set_value(Sector.LAW_ENFORCEMENT)


def finish(wizard: TriageWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_seed_case_through_wizard_matches_import(ctx, seed_doc, qtbot, errors):  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    enter_seed_case(wizard)
    assert wizard.forms.when.clock_label.text() == (
        "ICO deadline: Mon 12 Oct 2026 12:00 BST — 2 d 02 h left")
    finish(wizard)
    assert errors == []
    assert wizard.result() == QWizard.DialogCode.Accepted
    typed = ctx.breaches.get(wizard.created_breach_id)
    imported = ctx.breaches.import_document(seed_doc)
    assert typed.facts == imported.facts

    model = BreachTableModel(ctx.clock, ZONE)
    model.set_breaches(ctx.breaches.list())
    shown = {model.index(r, Column.REFERENCE).data(): (
        model.index(r, Column.DEADLINE).data(), model.index(r, Column.TIME_LEFT).data())
        for r in range(model.rowCount())}
    assert shown[typed.reference] == shown[imported.reference] == (
        "Mon 12 Oct 12:00", "2 d 02 h left")


def test_discovered_before_it_began_is_refused(ctx, qtbot, errors):  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    w(wizard.forms, "title").setText("Lost USB stick")
    wizard.next()
    type_time(w(wizard.forms, "occurred_at"), "2026-10-09 10:00")
    type_time(w(wizard.forms, "discovered_at"), "2026-10-08 10:00")
    # Problems follow typing after a short pause, not on every keystroke.
    qtbot.waitUntil(lambda: "When it was discovered" in wizard.forms.when.problems.text())
    assert wizard.forms.when.problems.isVisibleTo(wizard)
    finish(wizard)
    assert len(errors) == 1 and "cannot be before the breach began" in errors[0]
    assert wizard.isVisible() and wizard.created_breach_id is None
    assert ctx.breaches.count() == 0
    assert w(wizard.forms, "title").text() == "Lost USB stick"  # nothing lost
    assert any("cannot be before" in m for m in wizard.missing.messages())
    # Corrected, the same wizard saves.
    type_time(w(wizard.forms, "discovered_at"), "2026-10-09 11:00")
    finish(wizard)
    assert wizard.created_breach_id is not None and ctx.breaches.count() == 1


def test_future_awareness_is_refused(ctx, qtbot, errors):  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    type_time(w(wizard.forms, "aware_at"), "2026-10-11 09:00")
    finish(wizard)
    assert errors and "in the future" in errors[0]
    assert ctx.breaches.count() == 0


def test_incomplete_triage_saves_and_lists_missing(ctx, qtbot, errors):  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(w(wizard.forms, "title"), "Phone call: maybe a lost file")
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish_button.isEnabled()  # may save from the first page
    qtbot.waitUntil(lambda: not any(m.startswith("A short title")
                                    for m in wizard.missing.messages()))
    messages = wizard.missing.messages()
    assert any(m.startswith("What happened") for m in messages)
    assert any(m.startswith("When you became aware") for m in messages)
    assert not any(m.startswith("A short title") for m in messages)
    finish(wizard)
    assert errors == []
    breach = ctx.breaches.get(wizard.created_breach_id)
    assert breach.title == "Phone call: maybe a lost file"
    assert breach.facts.aware_at is None and breach.facts.breach_types == ()


def test_containment_actions_become_timeline_events(ctx, qtbot, errors):  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    entry = wizard.action_list.entry
    assert not entry.add.isEnabled()
    entry.what.setText("Pages taken down")
    type_time(entry.when, "2026-10-09 12:30")
    entry.who.setText("Web team")
    entry.add.click()
    assert entry.what.text() == "" and len(wizard.action_list.drafts) == 1
    finish(wizard)
    events = ctx.breaches.timeline(wizard.created_breach_id)
    actions = [e for e in events if e.kind == "action"]
    assert [(a.text, a.actor, a.at) for a in actions] == [
        ("Pages taken down", "Web team", datetime(2026, 10, 9, 11, 30, tzinfo=UTC))]


def test_cancel_with_typed_text_asks_first(ctx, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    w(wizard.forms, "title").setText("Something")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    wizard.reject()
    assert wizard.isVisible()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    wizard.reject()
    assert not wizard.isVisible() and ctx.breaches.count() == 0


def test_defaults_come_from_the_organisation(ctx, qtbot):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    ctx.organisation.save(replace(ctx.organisation.get(), default_regime=Regime.PECR,
                                  sector=Sector.TELECOMS))
    wizard = TriageWizard(ctx)
    qtbot.addWidget(wizard)
    assert wizard.facts().regime is Regime.PECR
    assert wizard.facts().controller_sector is Sector.TELECOMS


def test_forms_round_trip_every_fact(seed_doc, qtbot, clock):  # type: ignore[no-untyped-def]
    doc = dict(seed_doc, title="Seed", ongoing=False, ended_at="2026-10-09T12:30:00+01:00",
               subjects_count_low=40, how_found="Officer", found_by="PC Walker",
               aware_note="Pages seen", processor={"name": "Supplier",
                                                   "notified_at": "2026-10-09T13:00:00+01:00"},
               recovery_note="Pages removed", mitigated=True)
    facts = facts_from_document(doc)
    forms = FormSet(FormEnv(ZONE, clock), facts)
    for form in forms.forms():
        qtbot.addWidget(form)
    assert forms.facts() == facts


def test_date_time_input_uses_the_zone_and_clock_change(qtbot, clock):  # type: ignore[no-untyped-def]
    widget = OptionalDateTime(ZONE, clock)
    qtbot.addWidget(widget)
    assert widget.value() is None
    widget.unknown.setChecked(False)
    assert widget.value() == clock.now  # a time becoming known starts from now
    summer = datetime(2026, 10, 9, 11, 0, tzinfo=UTC)
    widget.set_value(summer)
    assert widget.edit.time().hour() == 12  # shown in BST
    assert widget.value() == summer
    for utc_hour in (0, 1):  # 01:30 happens twice on 25 Oct 2026
        moment = datetime(2026, 10, 25, utc_hour, 30, tzinfo=UTC)
        widget.set_value(moment)
        assert widget.edit.time().hour() == 1
        assert widget.value() == moment


def test_count_input_modes(qtbot):  # type: ignore[no-untyped-def]
    count = CountInput()
    qtbot.addWidget(count)
    assert count.value() == (None, None)
    count.set_value(100, 250)
    assert count.value() == (100, 250)
    count.set_value(None, 7)
    assert count.value() == (None, 7)
    count.mode.setCurrentIndex(0)
    assert count.value() == (None, None)
