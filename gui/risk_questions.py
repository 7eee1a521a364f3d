"""The risk step's questions: what the engine needs beyond triage, pre-filled from the facts.

Facts triage already answered are shown as a read-only summary and not asked again (a tick
box lets the DPO edit them here too); only unknown or risk-only facts are asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gui.style import label
from gui.triage.inputs import CheckList, ChoiceCombo, TriState
from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    Exposure,
    Identifiability,
    ProtectionMethod,
    Sector,
    ServiceImpact,
)
from model.domain.facts import Availability, BreachFacts, Confidentiality, Integrity, Protection

_NESTED = {"confidentiality": Confidentiality, "integrity": Integrity,
           "availability": Availability, "protection": Protection}


def fact_value(facts: BreachFacts, key: str) -> Any:
    """The value of a (dotted) fact; None when it or its group is unknown."""
    head, _, tail = key.partition(".")
    value = getattr(facts, head)
    if tail:
        value = None if value is None else getattr(value, tail)
    return value if value != () else None


def with_fact(facts: BreachFacts, key: str, value: Any) -> BreachFacts:
    """`facts` with one (dotted) fact replaced; a group with nothing known becomes None."""
    head, _, tail = key.partition(".")
    if not tail:
        return replace(facts, **{head: () if value is None and head == "consequences"
                                 else value})
    group = replace(getattr(facts, head) or _NESTED[head](), **{tail: value})
    if all(getattr(group, f.name) is None for f in fields(group)):
        group = None
    return replace(facts, **{head: group})


def shown(value: Any) -> str:
    """A fact's value as the summary shows it."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, StrEnum):
        return value.label  # type: ignore[attr-defined,no-any-return]
    if isinstance(value, float):
        return f"{value:g} hours"
    if isinstance(value, tuple):
        return "; ".join(shown(v) for v in value)
    return str(value)


def _combo(enum: type[StrEnum]) -> ChoiceCombo:
    combo = ChoiceCombo(list(enum))
    combo.enum_type = enum  # type: ignore[attr-defined]
    return combo


class Hours(QDoubleSpinBox):
    """Hours, with the minimum shown as "Not known" (None)."""

    def __init__(self) -> None:
        super().__init__()
        self.setRange(-1, 100_000)
        self.setDecimals(1)
        self.setSpecialValueText("Not known")
        self.setSuffix(" h")
        self.setValue(-1)

    def set_value(self, value: float | None) -> None:
        self.setValue(-1 if value is None else value)

    def value_or_none(self) -> float | None:
        return None if self.value() < 0 else self.value()


@dataclass
class Question:
    key: str
    caption: str
    widget: QWidget
    group: str
    triage: bool  # triage asks it: shown in the summary once answered
    applies: Callable[[BreachFacts], bool] = lambda facts: True


def _has(kind: BreachType) -> Callable[[BreachFacts], bool]:
    return lambda f: not f.breach_types or kind in f.breach_types


_CONF, _INTEG, _AVAIL = (_has(BreachType.CONFIDENTIALITY), _has(BreachType.INTEGRITY),
                         _has(BreachType.AVAILABILITY))
GROUPS = ("Who could see the data", "Altered data", "Lost data", "Protection",
          "People and harm")


class RiskQuestions(QWidget):
    """Summary of triage answers plus the questions still open; emits `changed` on edits."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facts = BreachFacts()
        self._loading = False
        self.questions = self._build_questions()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.summary_box = QGroupBox("From triage")
        self.summary = QFormLayout(self.summary_box)
        self.summary.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addWidget(self.summary_box)
        self.edit_all = QCheckBox("Also change triage answers here")
        self.edit_all.toggled.connect(self._fill_summary)
        self.edit_all.toggled.connect(self._update_visibility)
        outer.addWidget(self.edit_all)
        self.none_left = label("Triage answered every question the assessment needs.",
                               "hint")
        outer.addWidget(self.none_left)
        self._forms: dict[str, tuple[QGroupBox, QFormLayout]] = {}
        for title in GROUPS:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self._forms[title] = (box, form)
            outer.addWidget(box)
        for q in self.questions.values():
            self._forms[q.group][1].addRow(q.caption, q.widget)
            self._connect(q.widget)

    def _build_questions(self) -> dict[str, Question]:
        qs = [
            Question("confidentiality.exposure", "Who could see it", _combo(Exposure),
                     GROUPS[0], True, _CONF),
            Question("confidentiality.access", "Viewed or taken", _combo(Access),
                     GROUPS[0], True, _CONF),
            Question("confidentiality.exposure_hours", "Hours exposed", Hours(), GROUPS[0],
                     True, _CONF),
            Question("confidentiality.recipient_deleted", "Recipient deleted or returned it",
                     TriState("Yes, confirmed", "No"), GROUPS[0], True, _CONF),
            Question("integrity.altered", "Data altered", TriState(), GROUPS[1], True, _INTEG),
            Question("integrity.recoverable", "Can be restored",
                     TriState("Yes, it can be restored", "No"), GROUPS[1], True, _INTEG),
            Question("availability.loss", "Loss", _combo(AvailabilityLoss), GROUPS[2],
                     True, _AVAIL),
            Question("availability.backup_available", "Backup available", TriState(),
                     GROUPS[2], True, _AVAIL),
            Question("availability.restore_hours", "Hours to restore", Hours(), GROUPS[2],
                     True, _AVAIL),
            Question("availability.service_impact", "Effect on services",
                     _combo(ServiceImpact), GROUPS[2], True, _AVAIL),
            Question("protection.method", "Protected by", _combo(ProtectionMethod),
                     GROUPS[3], True),
            Question("protection.state_of_the_art", "Current standard", TriState(), GROUPS[3],
                     True),
            Question("protection.key_compromised", "Key or secret exposed", TriState(),
                     GROUPS[3], True),
            Question("identifiability", "How easy to identify people",
                     _combo(Identifiability), GROUPS[4], True),
            Question("consequences", "Possible consequences", CheckList(list(Consequence)),
                     GROUPS[4], True),
            Question("malicious", "Deliberate", TriState("Yes, deliberate",
                                                         "No, an accident or error"),
                     GROUPS[4], True),
            Question("controller_sector", "Your sector", _combo(Sector), GROUPS[4], True),
            Question("mitigated", "High risk removed since",
                     TriState("Yes, measures since make it unlikely", "No"), GROUPS[4], True),
        ]
        return {q.key: q for q in qs}

    def _connect(self, widget: QWidget) -> None:
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._edited)
        elif isinstance(widget, Hours):
            widget.valueChanged.connect(self._edited)
        elif isinstance(widget, CheckList):
            widget.changed.connect(self._edited)

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    # -- facts in and out ------------------------------------------------------------
    def load(self, facts: BreachFacts, default_sector: Sector | None = None) -> None:
        """Fill from the stored facts; the summary/questions split follows what is known."""
        self._loading = True
        try:
            self._facts = facts
            for q in self.questions.values():
                value = fact_value(facts, q.key)
                if q.key == "controller_sector" and value is None:
                    value = default_sector
                self._set(q.widget, value)
        finally:
            self._loading = False
        self._fill_summary()
        self._update_visibility()

    @staticmethod
    def _set(widget: QWidget, value: Any) -> None:
        if isinstance(widget, CheckList):
            widget.set_values(value or ())
        elif isinstance(widget, Hours):
            widget.set_value(value)
        else:
            widget.set_value(value)  # type: ignore[attr-defined]

    @staticmethod
    def _get(widget: QWidget) -> Any:
        if isinstance(widget, CheckList):
            return widget.values() or None
        if isinstance(widget, Hours):
            return widget.value_or_none()
        value = widget.value()  # type: ignore[attr-defined]
        enum = getattr(widget, "enum_type", None)
        # Qt hands item data back as plain str: turn it into the enum member again.
        return enum(value) if enum is not None and value is not None else value

    def apply(self, facts: BreachFacts) -> BreachFacts:
        """`facts` with every applicable question's answer."""
        for q in self.questions.values():
            if q.applies(facts):
                facts = with_fact(facts, q.key, self._get(q.widget))
        return facts

    def asked(self) -> list[str]:
        """The keys of the questions on screen now."""
        return [q.key for q in self.questions.values() if self._is_asked(q)]

    def _is_asked(self, q: Question) -> bool:
        if not q.applies(self._facts):
            return False
        known = fact_value(self._facts, q.key) is not None
        return not q.triage or not known or self.edit_all.isChecked()

    # -- layout ----------------------------------------------------------------------
    def _fill_summary(self) -> None:
        while self.summary.rowCount():
            self.summary.removeRow(0)
        f = self._facts
        rows = [("Rules", f.regime.label), ("Type of breach", shown(f.breach_types) or "—"),
                ("Kinds of data", shown(f.data_categories) or "—"),
                ("People", shown(f.data_subject_categories) or "—"),
                ("Number of people", "Not known" if f.subjects_count is None
                 else f"{f.subjects_count:,}")]
        for q in self.questions.values():
            value = fact_value(f, q.key)
            if q.triage and q.applies(f) and value is not None and not self.edit_all.isChecked():
                rows.append((q.caption, shown(value)))
        for caption, text in rows:
            value_label = QLabel(text)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary.addRow(label(caption, "hint", wrap=False), value_label)

    def _update_visibility(self) -> None:
        any_asked = False
        for title, (box, form) in self._forms.items():
            visible = [q for q in self.questions.values() if q.group == title]
            asked = [q for q in visible if self._is_asked(q)]
            for q in visible:
                form.setRowVisible(q.widget, q in asked)
            box.setVisible(bool(asked))
            any_asked = any_asked or bool(asked)
        self.none_left.setVisible(not any_asked)
