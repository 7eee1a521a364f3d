"""The triage wizard for a new breach: thin pages over the shared triage forms.

Nothing is required to finish (the first hour is messy); the last page lists what is still
missing, and impossible facts are refused by the services with the wizard left open.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtWidgets import (
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gui.errors import reporting
from gui.style import label
from gui.timeline_widget import ActionDraftList
from gui.triage.editor import scrolled
from gui.triage.forms import FactsForm, FormEnv
from gui.triage.formset import FormSet
from gui.triage.missing import MissingPanel
from model.domain.errors import BreachDeskError
from model.domain.facts import BreachFacts


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


class TriageWizard(QWizard):
    """Record a new breach. `created_breach_id` is set once Finish has saved it."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self.created_breach_id: int | None = None
        profile = ctx.organisation.get()
        self._actor = profile.dpo_name
        self._base = BreachFacts(regime=profile.default_regime,
                                 controller_sector=profile.sector)
        env = FormEnv(profile.time_zone, ctx.clock)
        self.forms = FormSet(env, self._base)
        self.actions = ActionDraftList(profile.time_zone, ctx.clock, profile.dpo_name)
        self.missing = MissingPanel()
        self.setWindowTitle("New breach — triage")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Save breach")
        self._add_pages()
        self.forms.edited.connect(self._refresh)
        self.currentIdChanged.connect(lambda _id: self._refresh())
        self.resize(940, 760)
        self._refresh()

    def _add_pages(self) -> None:
        f = self.forms
        actions_intro = label("Actions taken so far", "heading")
        actions_hint = label("Each action goes into the breach's timeline with its time and "
                             "who did it. Add more later in the workspace.", "hint")
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
                                         [actions_intro, actions_hint, self.actions]),
            PageId.REVIEW: FormPage("Regime and review", "Check the law that applies, then "
                                    "save. Missing items can be filled in later.", f.regime,
                                    [self.missing]),
        }
        self.actions.setMinimumHeight(260)
        self.missing.setMinimumHeight(300)
        for page_id, page in pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.WHAT)

    def _refresh(self) -> None:
        problems = self.forms.problems()
        self.missing.show_facts(self.forms.facts(), problems)

    def facts(self) -> BreachFacts:
        return self.forms.facts()

    def done(self, result: int) -> None:
        """Finish saves (the wizard stays open when the services refuse); Cancel with
        something typed asks first, so a slip does not lose the first hour's notes."""
        if result == QWizard.DialogCode.Accepted:
            if not self._create():
                return
        elif self.created_breach_id is None and self.facts() != self._base:
            answer = QMessageBox.question(
                self, "Discard this triage?", "Nothing has been saved yet. Close the wizard "
                "and discard what you typed?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().done(result)

    def _create(self) -> bool:
        if self.created_breach_id is not None:
            return True
        with reporting(self, "Saving the breach") as outcome:
            breach = self._ctx.breaches.create(self.facts(), actor=self._actor)
        if outcome.failed:
            self._refresh()
            return False
        self.created_breach_id = breach.id
        self._save_actions(breach.id, breach.reference)
        return True

    def _save_actions(self, breach_id: int, reference: str) -> None:
        failed: list[str] = []
        for action in self.actions.actions:
            try:
                self._ctx.breaches.add_event(breach_id, action.at, action.text, action.actor,
                                             kind="action")
            except BreachDeskError as err:
                failed.append(f"• {action.text}: {err}")
        if failed:
            QMessageBox.warning(
                self, "Some actions were not recorded",
                f"{reference} was saved, but these actions could not be added to its "
                "timeline:\n\n" + "\n".join(failed) + "\n\nAdd them from the workspace.")
