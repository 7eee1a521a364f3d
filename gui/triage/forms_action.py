"""Triage forms for containment (recovery, deletion by recipients) and the legal regime."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QWidget

from gui.triage.forms import FactsForm, FormEnv
from gui.triage.forms_data import merge
from gui.triage.inputs import ChoiceCombo, TriState
from model.domain.enums import Regime, Sector
from model.domain.facts import BreachFacts, Confidentiality

REGIME_HELP = {
    Regime.UK_GDPR: "Most organisations: notify the ICO within 72 hours of becoming aware "
                    "unless the breach is unlikely to result in a risk.",
    Regime.DPA2018_PART3: "Police and other competent authorities processing for law "
                          "enforcement: the same 72 hours; telling people may be restricted "
                          "or delayed under s.68.",
    Regime.PECR: "Telecoms and internet service providers: breaches of communications "
                 "services are reported to the ICO under PECR.",
}


class ContainmentForm(FactsForm):
    """Whether the data came back or was deleted, and whether the risk was reduced.

    Actions taken (what, when, who) are timeline events, entered beside this form.
    """

    TITLE = "Containment"
    FIELDS = ("confidentiality.recipient_deleted", "recovery_note", "mitigated")

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.deleted = TriState("Yes, recovered or deleted", "No, not confirmed")
        self.recovery = QLineEdit()
        self.recovery.setPlaceholderText("e.g. Recipient confirmed deletion by email at 14:10")
        self.mitigated = TriState("Yes, risk reduced", "No, not yet")
        self.add_row("Data recovered or deleted", self.deleted,
                     "Did the people who got the data give it back or confirm they deleted it?")
        self.add_row("How", self.recovery, "What was recovered or deleted, and what proves it.")
        self.add_row("Risk reduced", self.mitigated,
                     "Have the measures taken made harm to the people less likely?")
        self.watch(self.deleted.currentIndexChanged, self.recovery.textChanged,
                   self.mitigated.currentIndexChanged)

    def load(self, facts: BreachFacts) -> None:
        conf = facts.confidentiality or Confidentiality()
        self.deleted.set_value(conf.recipient_deleted)
        self.recovery.setText(facts.recovery_note)
        self.mitigated.set_value(facts.mitigated)

    def apply(self, facts: BreachFacts) -> BreachFacts:
        return replace(
            facts,
            confidentiality=merge(facts.confidentiality, Confidentiality,
                                  recipient_deleted=self.deleted.value()),
            recovery_note=self.recovery.text().strip(), mitigated=self.mitigated.value())


class RegimeForm(FactsForm):
    """The law the breach falls under (it sets the clock) and the controller's sector."""

    TITLE = "Regime"
    FIELDS = ("regime", "controller_sector")

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.regime = ChoiceCombo(Regime, none_text="")
        self.sector = ChoiceCombo(Sector)
        self.regime_hint = self.add_row("Regime", self.regime, "Which law applies.")
        self.add_row("Sector", self.sector, "Your organisation's sector, as the ICO form asks.")
        self.regime.currentIndexChanged.connect(self._regime_changed)
        self.watch(self.regime.currentIndexChanged, self.sector.currentIndexChanged)
        self._regime_changed()

    def _regime_changed(self) -> None:
        regime = self.regime.value()
        text = REGIME_HELP.get(regime, "") if regime else ""  # type: ignore[call-overload]
        if self.regime_hint is not None:
            self.regime_hint.setText("Which law the processing falls under sets who you "
                                     "notify and how long you have. " + text)

    def load(self, facts: BreachFacts) -> None:
        self.regime.set_value(facts.regime)
        self.sector.set_value(facts.controller_sector)

    def apply(self, facts: BreachFacts) -> BreachFacts:
        return replace(facts, regime=self.regime.value() or facts.regime,
                       controller_sector=self.sector.value())
