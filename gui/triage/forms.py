"""The triage forms, one per catalogue group, shared by the wizard and the Triage step.

Each form is built from the fact catalogue: a row per fact with its caption, input and help,
shown only while the fact applies. `load(facts)` fills it; `apply(facts)` returns the facts
with this form's answers, so forms compose without knowing each other.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from gui.kit.deadline_view import clock_style, deadline_line
from gui.kit.fact_inputs import FactInput, FormEnv, MultiInput, make_input
from gui.kit.inputs import hint
from gui.kit.style import label
from model.domain.catalogue import GROUP_TITLES, FactSpec, Group, message_name, specs_in
from model.domain.deadlines import DeadlineState, deadline_status
from model.domain.errors import ValidationError
from model.domain.facts import BreachFacts

# The Effects form in boxes, by the first part of each fact's key.
_BOXES: tuple[tuple[str, str], ...] = (
    ("confidentiality", "Confidentiality: seen by the wrong people"),
    ("integrity", "Integrity: data altered"),
    ("availability", "Availability: data lost or out of reach"),
    ("protection", "Protection (encryption with a safe key can make harm unlikely)"),
    ("", "For the people: how identifiable, and what could happen"),
)


def problem_text(error: ValidationError) -> str:
    """One readable line for an impossible fact."""
    return f"{message_name(error.field)}: {error.rule}"


class FactsForm(QWidget):
    """The facts of one catalogue group, with hints and a line for impossible facts."""

    edited = Signal()

    def __init__(self, group: Group, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group, self.env = group, env
        self.TITLE = GROUP_TITLES[group]
        self.inputs: dict[str, FactInput] = {}
        self._rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self._hints: dict[str, QLabel] = {}
        self._visible: dict[str, bool] = {}
        self._boxes: dict[str, QGroupBox] = {}
        self._facts = BreachFacts()
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        specs = specs_in(group)
        if group is Group.EFFECTS:
            self._build_boxes(specs)
        else:
            self.outer.addLayout(self._form(specs))
        self.problems = label("", "error")
        self.problems.hide()
        self.outer.addWidget(self.problems)

    @property
    def FIELDS(self) -> tuple[str, ...]:  # noqa: N802 - the forms' field list, by key
        keys = list(self.inputs)
        keys += [i.spec.low_key for i in self.inputs.values() if i.spec.low_key]
        return tuple(keys)

    def _form(self, specs: tuple[FactSpec, ...], min_caption: int = 0) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        for spec in specs:
            self._add(form, spec, min_caption)
        return form

    def _add(self, form: QFormLayout, spec: FactSpec, min_caption: int) -> None:
        widget = make_input(spec, self.env)
        self.inputs[spec.key] = widget
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        column.addWidget(widget)
        if spec.help:
            self._hints[spec.key] = hint(spec.help_for(self._facts))
            column.addWidget(self._hints[spec.key])
        caption_label = QLabel(spec.caption)
        caption_label.setMinimumWidth(min_caption)
        caption_label.setBuddy(widget.widget)
        form.addRow(caption_label, box)
        self._rows[spec.key] = (form, box)
        widget.changed.connect(self.edited)

    def _build_boxes(self, specs: tuple[FactSpec, ...]) -> None:
        for prefix, title in _BOXES:
            mine = tuple(s for s in specs if s.key.split(".")[0] == prefix or
                         (not prefix and "." not in s.key))
            if not mine:
                continue
            box = QGroupBox(title)
            box.setLayout(self._form(mine, min_caption=140))
            self._boxes[prefix] = box
            self.outer.addWidget(box)

    def input(self, key: str) -> FactInput:
        return self.inputs[key]

    def load(self, facts: BreachFacts) -> None:
        self._facts = facts
        for widget in self.inputs.values():
            widget.read(facts)
        self.update_visibility(facts)

    def apply(self, facts: BreachFacts) -> BreachFacts:
        for widget in self.inputs.values():
            facts = widget.apply(facts)
        return facts

    def update_visibility(self, facts: BreachFacts) -> None:
        """Show the rows (and answers) that apply to the facts as they stand."""
        self._facts = facts
        for key, (form, box) in self._rows.items():
            spec = self.inputs[key].spec
            visible = spec.applies(facts)
            if self._visible.get(key) != visible:  # no relayout while nothing changes
                form.setRowVisible(box, visible)
                self._visible[key] = visible
            widget = self.inputs[key]
            if isinstance(widget, MultiInput):
                widget.edit.show_only(o.value for o in spec.options_for(facts))
            if key in self._hints:
                self._hints[key].setText(spec.help_for(facts))
        for prefix, box in self._boxes.items():
            shown = [k for k in self._rows if self.inputs[k].spec.key.split(".")[0] == prefix
                     or (not prefix and "." not in k)]
            box.setVisible(any(self.inputs[k].spec.applies(facts) for k in shown))

    def show_problems(self, errors: list[ValidationError]) -> None:
        """Show the impossible facts that concern this form's fields (others are ignored)."""
        mine = [e for e in errors if e.field in self.FIELDS]
        self.problems.setText("\n".join("⚠ " + problem_text(e) for e in mine))
        self.problems.setVisible(bool(mine))


class WhenForm(FactsForm):
    """The When group plus the live notification clock once awareness is set."""

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(Group.WHEN, env, parent)
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.outer.insertWidget(1, self.clock_label)
        self.edited.connect(self.update_clock)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.update_clock)
        self._timer.start(30_000)
        self.update_clock()

    def set_regime(self, facts: BreachFacts) -> None:
        self._facts = facts
        self.update_clock()

    def update_clock(self) -> None:
        """The live 72-hour clock, shown once awareness is set."""
        aware = self.inputs["aware_at"].value()
        if aware is None:
            self.clock_label.setText("Set when you became aware to start the notification "
                                     "clock.")
            self.clock_label.setStyleSheet(clock_style("grey"))
            return
        status = deadline_status(self._facts.regime, aware, None, self.env.clock())
        text = deadline_line(status, self.env.zone)
        if status.state is DeadlineState.OVERDUE:
            text += " — notify now and give the reasons for the delay"
        self.clock_label.setText(text)
        self.clock_label.setStyleSheet(clock_style(status.colour_key))
