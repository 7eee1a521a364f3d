"""The set of triage forms over one draft of facts, shared by the wizard and the editor.

It keeps the forms in step (breach types choose the effect groups, the regime sets the
clock) and turns the forms back into one BreachFacts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.triage.forms import FactsForm, FormEnv, WhatForm, WhenForm
from gui.triage.forms_action import ContainmentForm, RegimeForm
from gui.triage.forms_data import DataPeopleForm, ImpactForm
from model.domain.errors import ValidationError
from model.domain.facts import BreachFacts
from model.domain.validation import impossible_facts


class FormSet(QObject):
    """All triage forms; `facts()` is the draft they show, over the last loaded facts."""

    edited = Signal()

    def __init__(self, env: FormEnv, base: BreachFacts) -> None:
        super().__init__()
        self.env = env
        self.what = WhatForm(env)
        self.when = WhenForm(env)
        self.data = DataPeopleForm(env)
        self.impact = ImpactForm(env)
        self.containment = ContainmentForm(env)
        self.regime = RegimeForm(env)
        self._base = base
        for form in self.forms():
            form.edited.connect(self._edited)
        self.load(base)

    def forms(self) -> list[FactsForm]:
        return [self.what, self.when, self.data, self.impact, self.containment, self.regime]

    def load(self, facts: BreachFacts) -> None:
        self._base = facts
        for form in self.forms():
            form.blockSignals(True)
            form.load(facts)
            form.blockSignals(False)
        self._sync()

    def facts(self) -> BreachFacts:
        facts = self._base
        for form in self.forms():
            facts = form.apply(facts)
        return facts

    def problems(self) -> list[ValidationError]:
        """Impossible facts in the draft, now; each form shows those about its fields."""
        errors = impossible_facts(self.facts(), self.env.clock())
        for form in self.forms():
            form.show_problems(errors)
        return errors

    def form_for(self, field: str) -> FactsForm | None:
        for form in self.forms():
            if field in form.FIELDS or field.split(".")[0] in form.FIELDS:
                return form
        if field.startswith(("confidentiality", "integrity", "availability", "protection")):
            return self.impact
        return None

    def _sync(self) -> None:
        self.impact.set_breach_types(self.what.breach_types.values())  # type: ignore[arg-type]
        regime = self.regime.regime.value()
        if regime is not None:
            self.when.set_regime(regime)  # type: ignore[arg-type]

    def _edited(self) -> None:
        self._sync()
        self.edited.emit()
