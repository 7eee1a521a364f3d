"""The motivating case as a DPO enters it: typed into the wizard key by key (thousands of
keystrokes), locked halfway with nothing saved, unlocked, every word found again; then the
plain-words answers ("no evidence it was viewed", "we took it down") lead to high risk:
notify the ICO and tell the people affected."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard

import gui.kit.autosave
import gui.kit.errors
from gui import app as app_module
from gui import restore
from gui.kit.vault_dialogs import UnlockDialog
from gui.triage.wizard import TriageWizard
from model.domain.enums import Access, BreachType, Consequence, DataCategory, Exposure, Regime
from model.domain.enums import SubjectCategory as People
from model.services import vaults
from tests.conftest import PASSPHRASE

TEXTS = {
    "title": "ASB case list published on the force website",
    "summary": ("Names and addresses from 61 anti-social behaviour cases appeared on the "
                "force's local-priorities pages of the national police website after an "
                "upload error in the case-management system run by our supplier. An officer "
                "found the pages on the fifth day and we took it down at once. We do not "
                "know who looked at the pages while they were up: there is no evidence it "
                "was viewed, but the supplier keeps no access logs for those pages. The "
                "cases name complainants, neighbours and the people complained about; some "
                "are vulnerable adults and some disputes involve threats. ") * 4,
    "how_found": "An officer checking the local-priorities pages saw the case list",
    "found_by": "Neighbourhood officer, North sector",
    "aware_note": "The web team confirmed the file was public and held case data",
    "processor_name": "Case-management supplier",
}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def controller(tmp_path, clock, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(gui.kit.autosave, "DELAY_MS", 50)
    errors: list[str] = []
    monkeypatch.setattr(gui.kit.errors, "show_error",
                        lambda parent, err, doing="": errors.append(f"{doing}: {err}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    folder = tmp_path / "vault"
    ctx = vaults.create(folder, PASSPHRASE, use_keyring=False, clock=clock)
    control = app_module.AppController(ctx, folder)
    control.errors = errors  # type: ignore[attr-defined]
    yield control
    if control.window is not None:
        control.window.close_for_lock()
    control.shutdown()


def _type_like_a_dpo(wizard: TriageWizard, qtbot) -> int:  # type: ignore[no-untyped-def]
    """Key by key, field by field, as the wizard's pages come; returns the keys pressed."""
    keys = 0
    for key in ("title", "summary", "how_found", "found_by"):
        widget = wizard.forms.input(key).widget
        widget.setFocus()
        qtbot.keyClicks(widget, TEXTS[key])
        keys += len(TEXTS[key])
    wizard.forms.input("breach_types").widget.box(BreachType.CONFIDENTIALITY).click()
    wizard.next()
    for key in ("aware_note", "processor_name"):
        qtbot.keyClicks(wizard.forms.input(key).widget, TEXTS[key])
        keys += len(TEXTS[key])
    return keys


def test_typed_case_survives_a_lock_and_reaches_high_risk(controller, clock, qtbot,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock.now = at(10, 9)
    window = controller.show_window(offer_drafts=False)
    wizard = TriageWizard(controller.ctx, window)
    window.wizard = wizard
    wizard.show()
    keys = _type_like_a_dpo(wizard, qtbot)
    assert keys > 2_000  # a real first hour's typing, not a token string

    # Lock with nothing saved: the words go into the vault as a draft, then the passphrase.
    def unlock(dialog: UnlockDialog) -> int:
        dialog.passphrase.setText(PASSPHRASE)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
        return int(dialog.result())

    monkeypatch.setattr(UnlockDialog, "exec", unlock)
    reopened: list[TriageWizard] = []
    monkeypatch.setattr(restore, "ask_restore", lambda *a: "restore")
    monkeypatch.setattr(TriageWizard, "exec",
                        lambda self: reopened.append(self) or QDialog.DialogCode.Rejected)
    window.request_lock()
    assert controller.ctx.breaches.count() == 0  # nothing was saved by the lock
    qtbot.waitUntil(lambda: bool(reopened), timeout=10_000)  # offered back after unlocking
    restored = reopened[0]
    restored.show()
    for key, text in TEXTS.items():
        assert restored.forms.input(key).value() == text.strip(), key  # every word

    # The rest of the case in the DPO's plain words, then save.
    f = restored.forms
    for key, value in (("occurred_at", at(4, 8)), ("discovered_at", at(9, 9, 30)),
                       ("aware_at", at(9, 11)), ("ended_at", at(9, 11, 30))):
        f.input(key).set_value(value)
    f.input("ongoing").set_value(False)  # "we took it down"
    f.input("processor_found_by_us").set_value(True)  # the supplier did not tell us
    f.input("regime").set_value(Regime.DPA2018_PART3)
    for member in (DataCategory.BASIC_IDENTIFIERS, DataCategory.CRIMINAL_OFFENCE):
        f.input("data_categories").widget.box(member).click()
    for member in (People.VICTIMS, People.SUSPECTS, People.VULNERABLE_ADULTS):
        f.input("data_subject_categories").widget.box(member).click()
    f.input("subjects_count").widget.mode.setCurrentIndex(1)
    f.input("subjects_count").widget.high.setValue(61)
    f.input("confidentiality.exposure").set_value(Exposure.PUBLIC)
    # "No evidence it was viewed" is not a finding: nobody checked, there are no logs.
    access = f.input("confidentiality.access")
    options = {o.value: o.label for o in access.spec.options}
    assert "no evidence" in options[Access.UNKNOWN].lower()
    access.set_value(Access.UNKNOWN)
    f.input("confidentiality.exposure_hours").set_value(122)
    f.input("consequences").widget.box(Consequence.HARASSMENT_OR_RETALIATION).click()
    entry = restored.action_list.entry
    qtbot.keyClicks(entry.what, "We took the pages down and stopped the supplier's uploads")
    qtbot.keyClick(entry.what, Qt.Key.Key_Return)
    restored.button(QWizard.WizardButton.FinishButton).click()
    assert controller.errors == []
    assert restored.created_breach_id is not None

    # The workspace's Risk step: high risk, notify the ICO, tell the people affected.
    workspace = controller.window.open_breach(restored.created_breach_id)
    risk = workspace.show_step("risk")
    result = risk.result
    assert result.badge.text().strip() == "High risk"
    recommend = result.recommend.text()
    assert "Notify the ICO: yes" in recommend
    assert "Tell the people affected: yes" in recommend
    assert "s.67" in result.reasons.text() and "Art. 33" not in result.reasons.text()
    assert controller.ctx.drafts.pending() == []  # saved: no draft left behind
