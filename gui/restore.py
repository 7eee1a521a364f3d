"""Offering back the unsaved work kept in the vault when the app last stopped (a crash, a
kill, a power cut, or a lock): "Restore the draft of 14:32?"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from gui.kit.errors import reporting
from model.domain.clock import format_local
from model.domain.records import Draft
from model.services.drafts import WIZARD_SCOPE

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def restore_question(drafts: list[Draft], zone: str) -> str:
    """The question, naming each kept draft and when it was kept."""
    if len(drafts) == 1:
        d = drafts[0]
        when = format_local(d.saved_at, zone, with_zone=False)[-5:]
        return (f"Breach Desk kept unsaved work when it last stopped: {d.label}.\n\n"
                f"Restore the draft of {when}?")
    lines = "\n".join(f"• {d.label} (kept {format_local(d.saved_at, zone)})" for d in drafts)
    return f"Breach Desk kept unsaved work when it last stopped:\n\n{lines}\n\nRestore it?"


def ask_restore(window: MainWindow, drafts: list[Draft], zone: str) -> str:
    """'restore', 'discard' or 'later' (kept drafts are offered again next time)."""
    box = QMessageBox(window)
    box.setWindowTitle("Unsaved work")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(restore_question(drafts, zone))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText("Restore")
    box.button(QMessageBox.StandardButton.Cancel).setText("Later")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Yes:
        return "restore"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "later"


def offer_drafts(window: MainWindow) -> None:
    """Ask once; restoring opens the newest breach with kept work (its steps restore their
    drafts on opening), the settings, and the wizard of a new breach."""
    ctx = window.ctx
    with reporting(window, "Looking for unsaved work") as outcome:
        drafts = ctx.drafts.pending()
        zone = ctx.organisation.get().time_zone
    if outcome.failed or not drafts:
        return
    choice = ask_restore(window, drafts, zone)
    if choice == "later":
        return
    if choice == "discard":
        with reporting(window, "Discarding unsaved work"):
            for draft in drafts:
                ctx.drafts.discard(draft.scope)
        return
    settings = next((d for d in drafts if d.scope == "settings"), None)
    if settings is not None:
        window.settings.restore_draft(settings.payload)
    breach = next((d for d in drafts if d.breach_id is not None), None)
    if breach is not None and breach.breach_id is not None:
        window.open_breach(breach.breach_id)
    elif settings is not None:
        window.show_page("Settings")
    wizard = next((d for d in drafts if d.scope == WIZARD_SCOPE), None)
    if wizard is not None:
        window.new_breach(draft=wizard.payload)
