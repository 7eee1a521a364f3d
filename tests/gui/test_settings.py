"""The settings page: organisation profile round trip, inline validation, security part."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from gui.kit.vault_dialogs import ChangePassphraseDialog
from gui.settings.page import SettingsPage, keyring_status
from model.domain.enums import Regime, Sector
from model.domain.records import OrganisationProfile
from tests.conftest import open_demo


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _fill(page: SettingsPage) -> None:
    page.name.setText("  Northfield Health Trust ")
    page.address.setPlainText("1 High Street\nNorthfield\nNF1 2AB")
    page.sector.setCurrentIndex(page.sector.findData(Sector.HEALTH))
    page.ico.setText("Z1234567")
    page.dpo_name.setText("Alex Morgan")
    page.dpo_email.setText("dpo@northfield.example")
    page.dpo_phone.setText("01632 960000")
    page.regime.setCurrentIndex(page.regime.findData(Regime.PECR))
    page.zone.setCurrentText("Europe/Dublin")


def test_starts_clean_with_the_stored_profile(page) -> None:  # type: ignore[no-untyped-def]
    assert page.form_profile() == OrganisationProfile()
    assert not page.has_unsaved_changes()
    assert not page.save_button.isEnabled()
    assert page.state.text() == ""


def test_save_round_trips_through_the_service(page, ctx) -> None:  # type: ignore[no-untyped-def]
    _fill(page)
    assert page.has_unsaved_changes() and page.save_button.isEnabled()
    assert "Unsaved changes" in page.state.text()
    page.save_button.click()
    stored = ctx.organisation.get()
    assert stored == OrganisationProfile(
        name="Northfield Health Trust", address="1 High Street\nNorthfield\nNF1 2AB",
        sector=Sector.HEALTH, ico_registration="Z1234567", dpo_name="Alex Morgan",
        dpo_email="dpo@northfield.example", dpo_phone="01632 960000",
        default_regime=Regime.PECR, time_zone="Europe/Dublin")
    assert page.state.text().startswith("Saved ")
    assert not page.has_unsaved_changes() and not page.save_button.isEnabled()
    again = SettingsPage(ctx)  # a fresh page shows what was stored
    assert again.form_profile() == stored
    again.deleteLater()


def test_bad_email_is_shown_inline_and_nothing_is_saved(page, ctx, message_boxes) -> None:  # type: ignore[no-untyped-def]
    _fill(page)
    page.save_button.click()
    page.dpo_email.setText("not an email")
    page.name.setText("Renamed Ltd")
    assert page.save() is False
    assert page.state.text() == "Not saved. DPO email is not an email address."
    assert page.state.property("role") == "error"
    assert page.dpo_email.property("invalid") is True
    assert ctx.organisation.get().dpo_email == "dpo@northfield.example"
    assert ctx.organisation.get().name == "Northfield Health Trust"
    assert page.has_unsaved_changes()  # the user's edit is kept to fix
    assert message_boxes.boxes == []
    page.dpo_email.setText("dpo@renamed.example")
    assert page.save() is True
    assert page.dpo_email.property("invalid") is False
    assert ctx.organisation.get().name == "Renamed Ltd"


def test_unknown_time_zone_is_refused(page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.zone.setCurrentText("Europe/Atlantis")
    assert page.save() is False
    assert "Display time zone" in page.state.text() and "Europe/Atlantis" in page.state.text()
    assert ctx.organisation.get().time_zone == "Europe/London"


def test_storage_failure_gets_a_dialog(page, ctx, monkeypatch, message_boxes) -> None:  # type: ignore[no-untyped-def]
    from model.services.unit import SaveError

    def fail(_profile):  # type: ignore[no-untyped-def]
        raise SaveError("Not saved: the disk is full. The previous version is unchanged.")

    monkeypatch.setattr(ctx.organisation, "save", fail)
    page.name.setText("Anything")
    assert page.save() is False
    assert "the disk is full" in message_boxes.texts()[0]
    assert page.has_unsaved_changes()


def test_discard_changes(page) -> None:  # type: ignore[no-untyped-def]
    page.dpo_name.setText("Someone")
    page.revert_button.click()
    assert page.dpo_name.text() == "" and not page.has_unsaved_changes()


def test_keyring_line(page, ctx) -> None:  # type: ignore[no-untyped-def]
    assert page.keyring_text.text() == keyring_status(ctx)
    assert "needed at each start" in page.keyring_text.text()
    assert not page.change_button.isHidden()


def test_change_passphrase_button_opens_the_dialog(page, monkeypatch, message_boxes) -> None:  # type: ignore[no-untyped-def]
    opened: list[ChangePassphraseDialog] = []

    def fake_exec(dialog: ChangePassphraseDialog) -> int:
        opened.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ChangePassphraseDialog, "exec", fake_exec)
    page.change_button.click()
    assert len(opened) == 1 and opened[0].data_dir == page._ctx.data_dir
    assert message_boxes.boxes[0]["title"] == "Passphrase changed"


def test_demo_hides_the_passphrase_change(qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    demo = open_demo(clock)
    try:
        widget = SettingsPage(demo)
        qtbot.addWidget(widget)
        assert widget.change_button.isHidden()
        assert "Demo vault" in widget.keyring_text.text()
    finally:
        demo.close()
