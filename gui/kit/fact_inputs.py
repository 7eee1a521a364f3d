"""One input widget per kind of fact, built from its catalogue entry: the same caption,
options and meaning wherever a fact is asked (triage, the Risk step, the ICO form).

Every FactInput offers `changed`, `read(facts)` (show the fact) and `apply(facts)`
(facts with this input's answer), so forms compose without knowing each fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from gui.kit.inputs import CheckList, ChoiceCombo, CountInput, Hours, OptionalDateTime, TriState
from gui.kit.style import label
from model.domain.catalogue import FactSpec, Kind, fact_value, with_fact
from model.domain.enums import Regime
from model.domain.facts import BreachFacts
from model.domain.law import fill


@dataclass(frozen=True)
class FormEnv:
    """What every input needs: the display zone and the clock (injectable for tests)."""

    zone: str
    clock: Callable[[], datetime]


def long_text(placeholder: str = "", height: int = 90) -> QPlainTextEdit:
    """A multi-line field that Tab leaves (it never types a tab character)."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class FactInput(QWidget):
    """The input of one fact; `widget` is the Qt widget the user types in or picks from."""

    changed = Signal()

    def __init__(self, spec: FactSpec, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widget = widget
        self._regime = Regime.UK_GDPR
        self.meaning = label("", "hint")  # what the chosen answer means for the result
        self.meaning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.meaning)
        self.changed.connect(self._show_meaning)

    # Each kind below answers both; the base only states the contract.
    def value(self) -> Any:
        raise TypeError(f"{type(self).__name__} must define value()")

    def set_value(self, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} must define set_value()")

    def read(self, facts: BreachFacts) -> None:
        self.relabel(facts)
        self.blockSignals(True)
        try:
            self.set_value(fact_value(facts, self.spec.key))
        finally:
            self.blockSignals(False)
        self._show_meaning()

    def relabel(self, facts: BreachFacts) -> None:
        """Word the answers for the breach's regime (the law each one cites)."""
        self._regime = facts.regime

    @classmethod
    def build(cls, spec: FactSpec, env: FormEnv) -> FactInput:
        """The input of `spec` for this kind (each kind's __init__ takes spec and env)."""
        return cls(spec, env)  # type: ignore[arg-type]

    def apply(self, facts: BreachFacts) -> BreachFacts:
        return with_fact(facts, self.spec.key, self.value())

    def _show_meaning(self) -> None:
        option = self.spec.option(self.value()) if self.spec.options else None
        text = fill(option.help, self._regime) if option is not None else ""
        self.meaning.setText(text)
        self.meaning.setVisible(bool(text))


class TextInput(FactInput):
    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(spec.placeholder)
        super().__init__(spec, self.edit)
        self.edit.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText(value or "")


class LongTextInput(FactInput):
    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        self.edit = long_text(spec.placeholder)
        self.edit.setMaximumHeight(120)
        super().__init__(spec, self.edit)
        self.edit.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.edit.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value or "")


class DateTimeInput(FactInput):
    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        self.edit = OptionalDateTime(env.zone, env.clock)
        super().__init__(spec, self.edit)
        self.edit.changed.connect(self.changed)

    def value(self) -> datetime | None:
        return self.edit.value()

    def set_value(self, value: Any) -> None:
        self.edit.set_value(value)


class CountFactInput(FactInput):
    """A count with an optional lowest estimate (two facts: `key` and `low_key`)."""

    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        self.edit = CountInput(spec.unknown)
        super().__init__(spec, self.edit)
        self.edit.changed.connect(self.changed)

    def value(self) -> tuple[int | None, int | None]:
        return self.edit.value()

    def set_value(self, value: Any) -> None:
        low, high = value if isinstance(value, tuple) else (None, value)
        self.edit.set_value(low, high)

    def read(self, facts: BreachFacts) -> None:
        low = fact_value(facts, self.spec.low_key) if self.spec.low_key else None
        self.blockSignals(True)
        try:
            self.set_value((low, fact_value(facts, self.spec.key)))
        finally:
            self.blockSignals(False)

    def apply(self, facts: BreachFacts) -> BreachFacts:
        low, high = self.value()
        facts = with_fact(facts, self.spec.key, high)
        return with_fact(facts, self.spec.low_key, low) if self.spec.low_key else facts


class HoursInput(FactInput):
    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        self.edit = Hours(spec.unknown)
        super().__init__(spec, self.edit)
        self.edit.valueChanged.connect(self.changed)

    def value(self) -> float | None:
        return self.edit.value_or_none()

    def set_value(self, value: Any) -> None:
        self.edit.set_value(value)


class ChoiceInput(FactInput):
    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        self.edit = ChoiceCombo([o.value for o in spec.options], none_text=spec.unknown,
                                labels={o.value: o.label for o in spec.options})
        self.edit.setMinimumWidth(300)
        super().__init__(spec, self.edit)
        self.edit.currentIndexChanged.connect(self.changed)

    def value(self) -> Any:
        return self.edit.value()

    def set_value(self, value: Any) -> None:
        self.edit.set_value(value)

    def relabel(self, facts: BreachFacts) -> None:
        super().relabel(facts)
        first = 1 if self.spec.unknown else 0
        for i, option in enumerate(self.spec.options):
            text = fill(option.label, facts.regime)
            if self.edit.itemText(first + i) != text:
                self.edit.setItemText(first + i, text)


class YesNoInput(FactInput):
    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        yes = spec.option(True)
        no = spec.option(False)
        self.edit = TriState(yes.label if yes else "Yes", no.label if no else "No",
                             spec.unknown)
        super().__init__(spec, self.edit)
        self.edit.currentIndexChanged.connect(self.changed)

    def value(self) -> bool | None:
        return self.edit.value()

    def set_value(self, value: Any) -> None:
        self.edit.set_value(value)


class MultiInput(FactInput):
    def __init__(self, spec: FactSpec, env: FormEnv) -> None:
        few = len(spec.options) <= 4  # a short list reads best as one full-width column
        self.edit = CheckList([o.value for o in spec.options], columns=1 if few else 2,
                              short=not few, labels={o.value: o.label for o in spec.options},
                              tips={o.value: o.help for o in spec.options},
                              exclusive=frozenset(o.value for o in spec.options
                                                  if o.exclusive))
        super().__init__(spec, self.edit)
        self.edit.changed.connect(self.changed)

    def value(self) -> tuple[Any, ...]:
        return self.edit.values()

    def set_value(self, value: Any) -> None:
        self.edit.set_values(value or ())


_WIDGETS: dict[Kind, type[FactInput]] = {
    Kind.TEXT: TextInput, Kind.LONG_TEXT: LongTextInput, Kind.DATETIME: DateTimeInput,
    Kind.COUNT: CountFactInput, Kind.HOURS: HoursInput, Kind.CHOICE: ChoiceInput,
    Kind.YES_NO: YesNoInput, Kind.MULTI: MultiInput,
}


def make_input(spec: FactSpec, env: FormEnv) -> FactInput:
    """The input widget for `spec`, by its kind."""
    return _WIDGETS[spec.kind].build(spec, env)
