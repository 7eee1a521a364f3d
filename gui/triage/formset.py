"""The set of triage forms over one draft of facts, shared by the wizard and the Triage step.

It keeps the forms in step (the answers decide which questions apply, the regime sets the
clock) and turns the forms back into one BreachFacts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.kit.fact_inputs import FactInput, FormEnv
from gui.triage.forms import FactsForm, WhenForm
from model.domain.catalogue import Group
from model.domain.errors import ValidationError
from model.domain.facts import BreachFacts
from model.domain.validation import impossible_facts


class FormSet(QObject):
    """All triage forms; `facts()` is the draft they show, over the last loaded facts."""

    edited = Signal()

    def __init__(self, env: FormEnv, base: BreachFacts) -> None:
        super().__init__()
        self.env = env
        self.what = FactsForm(Group.WHAT, env)
        self.when = WhenForm(env)
        self.data = FactsForm(Group.DATA, env)
        self.impact = FactsForm(Group.EFFECTS, env)
        self.containment = FactsForm(Group.CONTAINMENT, env)
        self.regime = FactsForm(Group.REGIME, env)
        self._base = base
        for form in self.forms():
            form.edited.connect(self._edited)
        self.load(base)

    def forms(self) -> list[FactsForm]:
        return [self.what, self.when, self.data, self.impact, self.containment, self.regime]

    def input(self, key: str) -> FactInput:
        """The input of one fact, whichever form holds it."""
        for form in self.forms():
            if key in form.inputs:
                return form.inputs[key]
        raise KeyError(key)

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
        return None

    def _sync(self) -> None:
        facts = self.facts()
        for form in self.forms():
            form.update_visibility(facts)
        self.when.set_regime(facts)

    def _edited(self) -> None:
        self._sync()
        self.edited.emit()
