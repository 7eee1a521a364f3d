"""The Risk step's questions: what the engine reads beyond triage, pre-filled from the facts.

Facts triage already answered are shown as a read-only summary and not asked again (a tick
box lets the DPO edit them here too); only unknown or risk-only facts are asked. Captions,
options and their meaning come from the fact catalogue, as in triage.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import FactInput, FormEnv, make_input
from gui.kit.style import label
from model.domain.catalogue import NOT_IN_TRIAGE, FactSpec, fact_value, risk_specs
from model.domain.enums import ExemptionGround
from model.domain.facts import BreachFacts, ExemptionClaim

# Facts the summary always shows (the engine reads them; triage asks them).
SUMMARY_ONLY = ("breach_types", "data_categories", "data_subject_categories",
                "subjects_count")
EXEMPTION = "exemption_claim"
GROUPS: tuple[tuple[str, str], ...] = (
    ("confidentiality", "Who could see the data"), ("integrity", "Altered data"),
    ("availability", "Lost data"), ("protection", "Protection"), ("", "People and harm"),
    (EXEMPTION, "Not telling the people: an exemption?"),
)


def _group_of(spec: FactSpec) -> str:
    prefix = spec.key.split(".")[0] if "." in spec.key else ""
    return dict(GROUPS)[prefix]


def with_legacy_claim(facts: BreachFacts) -> BreachFacts:
    """An older "mitigated" answer shown as the claim it was read as, awaiting its reason."""
    if facts.mitigated and facts.exemption_claim is None:
        return replace(facts, exemption_claim=ExemptionClaim(
            ExemptionGround.SUBSEQUENT_MEASURES, ""))
    return facts


class RiskQuestions(QWidget):
    """Summary of triage answers plus the questions still open; emits `changed` on edits."""

    changed = Signal()

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facts = BreachFacts()
        self._loading = False
        self._high_risk = False
        self.inputs: dict[str, FactInput] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.summary_toggle = QToolButton()
        self.summary_toggle.setCheckable(True)
        self.summary_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.summary_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.summary_toggle.setStyleSheet("QToolButton { border: none; font-weight: 600; }")
        self.summary_toggle.toggled.connect(self._summary_toggled)
        outer.addWidget(self.summary_toggle)
        self.summary_box = QGroupBox()
        self.summary = QFormLayout(self.summary_box)
        self.summary.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.summary_box.hide()  # what triage answered: a click away, not in the way
        outer.addWidget(self.summary_box)
        self.edit_all = QCheckBox("Also change triage answers here")
        self.edit_all.toggled.connect(self._fill_summary)
        self.edit_all.toggled.connect(self._update_visibility)
        outer.addWidget(self.edit_all)
        self.none_left = label("Triage answered every question the assessment needs.",
                               "hint")
        outer.addWidget(self.none_left)
        self._forms: dict[str, tuple[QGroupBox, QFormLayout]] = {}
        for _prefix, title in GROUPS:
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self._forms[title] = (box, form)
            outer.addWidget(box)
        for spec in risk_specs():
            if spec.key in SUMMARY_ONLY:
                continue
            widget = make_input(spec, env)
            widget.setToolTip(spec.help)
            self.inputs[spec.key] = widget
            caption = QLabel(spec.caption)
            caption.setBuddy(widget.widget)
            self._forms[_group_of(spec)][1].addRow(caption, widget)
            widget.changed.connect(self._edited)

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    # -- facts in and out ------------------------------------------------------------
    def load(self, facts: BreachFacts) -> None:
        """Fill from the stored facts; the summary/questions split follows what is known."""
        self._loading = True
        try:
            self._facts = facts
            shown = with_legacy_claim(facts)
            # No defaults here: what the step shows is what the engine assesses (a sector
            # not recorded stays "not known" and is asked; new breaches get the profile's).
            for widget in self.inputs.values():
                widget.read(shown)
        finally:
            self._loading = False
        self._fill_summary()
        self._update_visibility()

    def apply(self, facts: BreachFacts) -> BreachFacts:
        """`facts` with every applicable question's answer."""
        stored, before = facts.exemption_claim, with_legacy_claim(facts)
        for widget in self.inputs.values():
            if widget.spec.applies(facts):
                facts = widget.apply(facts)
        if facts.exemption_claim != before.exemption_claim:
            facts = replace(facts, mitigated=None)  # the claim replaces the older answer
        elif facts.exemption_claim != stored:
            # An older answer shown as a claim but not touched: nothing was edited.
            facts = replace(facts, exemption_claim=stored)
        return facts

    def set_high_risk(self, high: bool) -> None:
        """The exemption questions matter only while the result is a high risk."""
        if high != self._high_risk:
            self._high_risk = high
            self._update_visibility()

    def asked(self) -> list[str]:
        """The keys of the questions on screen now."""
        return [key for key, widget in self.inputs.items() if self._is_asked(widget.spec)]

    def _known(self, spec: FactSpec) -> bool:
        value = fact_value(self._facts, spec.key)
        return value is not None and value != ()

    def _is_asked(self, spec: FactSpec) -> bool:
        if not spec.applies(self._facts):
            return False
        if spec.key.startswith(EXEMPTION):
            return self._high_risk or with_legacy_claim(self._facts).exemption_claim is not None
        return (spec.key in NOT_IN_TRIAGE or not self._known(spec)
                or self.edit_all.isChecked())

    # -- layout ----------------------------------------------------------------------
    def _fill_summary(self) -> None:
        while self.summary.rowCount():
            self.summary.removeRow(0)
        f = self._facts
        rows = [("Rules", f.regime.label)]
        for spec in risk_specs():
            if spec.key in SUMMARY_ONLY:
                rows.append((spec.caption, spec.label_of(fact_value(f, spec.key))))
        for key, widget in self.inputs.items():
            spec = widget.spec
            if key.startswith(EXEMPTION):
                continue  # always asked here, never summarised
            if spec.applies(f) and self._known(spec) and not self.edit_all.isChecked():
                rows.append((spec.caption, spec.label_of(fact_value(f, key))))
        self.summary_toggle.setText(f"What triage answered ({len(rows)})")
        for caption, text in rows:
            value_label = QLabel(text)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary.addRow(label(caption, "hint", wrap=False), value_label)

    def _summary_toggled(self, shown: bool) -> None:
        self.summary_box.setVisible(shown)
        self.summary_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                         else Qt.ArrowType.RightArrow)

    def _update_visibility(self) -> None:
        any_asked = False
        for title, (box, form) in self._forms.items():
            mine = [w for w in self.inputs.values() if _group_of(w.spec) == title]
            asked = [w for w in mine if self._is_asked(w.spec)]
            for widget in mine:
                form.setRowVisible(widget, widget in asked)
            box.setVisible(bool(asked))
            any_asked = any_asked or bool(asked)
        self.none_left.setVisible(not any_asked)
