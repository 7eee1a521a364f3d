"""The triage wizard for a new breach: thin pages over the shared triage forms.

Nothing is required to finish (the first hour is messy); the last page lists what is still
missing, and impossible facts are refused by the services with the wizard left open. What is
typed is kept as a draft in the vault a few seconds after each change, so a crash, a kill or
a power cut loses nothing: the next start offers it back.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget, QWizard, QWizardPage

from gui.kit.actions import ActionDraftList, DraftAction
from gui.kit.autosave import Autosaver
from gui.kit.errors import reporting
from gui.kit.fact_inputs import FormEnv
from gui.kit.style import label
from gui.triage.forms import FactsForm
from gui.triage.formset import FormSet
from gui.triage.missing import MissingPanel
from gui.triage.step import REFRESH_MS, scrolled
from model.domain.clock import iso_utc, parse_iso
from model.domain.facts import BreachFacts, facts_from_document, facts_to_document
from model.services.breaches import NewEvent
from model.services.context import AppContext
from model.services.drafts import WIZARD_SCOPE


class PageId(IntEnum):
    WHAT = 0
    WHEN = 1
    DATA = 2
    EFFECTS = 3
    CONTAINMENT = 4
    REVIEW = 5


class FormPage(QWizardPage):
    """One wizard page wrapping one triage form (plus optional extra widgets below)."""

    def __init__(self, title: str, subtitle: str, form: FactsForm,
                 extra: list[QWidget] | None = None) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = form
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 12, 4)
        column.addWidget(form)
        for widget in extra or []:
            column.addWidget(widget)
        column.addStretch(1)
        # Any page may save: a first note is worth keeping before everything is known.
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(body))


def _action_doc(a: DraftAction) -> dict[str, str]:
    return {"at": iso_utc(a.at), "text": a.text, "actor": a.actor}


class TriageWizard(QWizard):
    """Record a new breach. `created_breach_id` is set once Finish has saved it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 draft: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.created_breach_id: int | None = None
        profile = ctx.organisation.get()
        self._actor = profile.dpo_name
        self._base = BreachFacts(regime=profile.default_regime,
                                 controller_sector=profile.sector)
        self.forms = FormSet(FormEnv(profile.time_zone, ctx.clock), self._base)
        self.action_list = ActionDraftList(profile.time_zone, ctx.clock, profile.dpo_name)
        self.missing = MissingPanel()
        self.autosave = Autosaver(ctx, WIZARD_SCOPE, self.draft_state, self._draft_label,
                                  parent=self)
        self.notice = label("", "warning")
        self.notice.hide()
        self.autosave.failed.connect(self._draft_failed)
        self.setWindowTitle("New breach — triage")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Save breach")
        self._add_pages()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh)
        self.forms.edited.connect(self._typed)
        self.action_list.changed.connect(self._typed)
        self.currentIdChanged.connect(lambda _id: self._page_changed())
        self.resize(940, 700)
        if draft is not None:
            self.restore_draft(draft)
        self._refresh()

    def _add_pages(self) -> None:
        f = self.forms
        actions_intro = label("Actions taken so far", "heading")
        actions_hint = label("Each action goes into the breach's timeline with its time and "
                             "who did it. Press Enter to add one. Add more later in the "
                             "workspace.", "hint")
        pages = {
            PageId.WHAT: FormPage("What happened", "Describe the breach in plain words. "
                                  "Everything can be completed later.", f.what),
            PageId.WHEN: FormPage("When", "The key moments. Times are in your organisation's "
                                  f"time zone ({f.env.zone}).", f.when),
            PageId.DATA: FormPage("Data and people", "What kinds of personal data, whose, "
                                  "and roughly how much.", f.data),
            PageId.EFFECTS: FormPage("Effects", "What the breach did to the data, and what "
                                     "it could mean for the people.", f.impact),
            PageId.CONTAINMENT: FormPage("Containment", "What has been done to stop it and "
                                         "get the data back.", f.containment,
                                         [actions_intro, actions_hint, self.action_list]),
            PageId.REVIEW: FormPage("Regime and review", "Check the law that applies, then "
                                    "save. Missing items can be filled in later.", f.regime,
                                    [self.notice, self.missing]),
        }
        self.action_list.setMinimumHeight(240)
        self.missing.setMinimumHeight(260)
        for page_id, page in pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.WHAT)

    def _draft_failed(self, text: str) -> None:
        """Said on screen, never in a modal box that would interrupt typing."""
        self.notice.setText(f"⚠ {text}")
        self.notice.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.focus_first_field()

    def focus_first_field(self) -> None:
        page = self.currentPage()
        if isinstance(page, FormPage) and page.form.inputs:
            next(iter(page.form.inputs.values())).widget.setFocus()

    def _page_changed(self) -> None:
        self._refresh()
        self.focus_first_field()
        self.autosave.schedule()

    def _typed(self) -> None:
        self._refresh_timer.start()
        self.autosave.schedule()

    def _refresh(self) -> None:
        self._refresh_timer.stop()
        self.missing.show_facts(self.forms.facts(), self.forms.problems())

    def facts(self) -> BreachFacts:
        return self.forms.facts()

    def has_unsaved_changes(self) -> bool:
        return self.created_breach_id is None and (self.facts() != self._base or
                                                   bool(self.action_list.drafts))

    # -- drafts ----------------------------------------------------------------------------
    def _draft_label(self) -> str:
        title = self.facts().title
        return f"New breach: {title}" if title else "New breach (triage wizard)"

    def draft_state(self) -> dict[str, Any] | None:
        if not self.has_unsaved_changes():
            return None
        return {"facts": facts_to_document(self.facts()),
                "actions": [_action_doc(a) for a in self.action_list.drafts],
                "page": self.currentId()}

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.forms.load(facts_from_document(state["facts"], strict=False))
        self.action_list.set_actions([DraftAction(parse_iso(a["at"]), a["text"], a["actor"])
                                  for a in state.get("actions", [])])
        self.autosave.adopt()
        page = state.get("page")
        if isinstance(page, int) and page in self.pageIds():
            self.setStartId(page)

    def keep_draft(self) -> bool:
        """Write the draft now (before a lock or a close); False if it was refused."""
        return self.autosave.flush()

    def close_keeping_draft(self) -> None:
        """Close for a lock: what was typed stays as a draft, offered back after unlocking."""
        self.keep_draft()
        QWizard.done(self, QWizard.DialogCode.Rejected)

    # -- finishing -------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Finish saves (the wizard stays open when the services refuse); Cancel with
        something typed asks first, so a slip does not lose the first hour's notes."""
        if result == QWizard.DialogCode.Accepted:
            if not self._create():
                return
        elif self.has_unsaved_changes():
            answer = QMessageBox.question(
                self, "Discard this triage?", "Nothing has been saved yet. Close the wizard "
                "and discard what you typed?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.autosave.forget()
        super().done(result)

    def _create(self) -> bool:
        if self.created_breach_id is not None:
            return True
        events = [NewEvent(a.at, a.text, a.actor) for a in self.action_list.drafts]
        with reporting(self, "Saving the breach") as outcome:
            breach = self._ctx.breaches.create(self.facts(), actor=self._actor,
                                               actions=events)
        if outcome.failed:
            self._refresh()
            return False
        self.created_breach_id = breach.id
        return True
