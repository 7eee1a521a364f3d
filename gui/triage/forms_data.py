"""Triage forms for the data and the people (ICO form part 3) and for the breach's effects
(who could see the data, whether it can be restored, how it was protected)."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QWidget

from gui.triage.forms import FactsForm, FormEnv
from gui.triage.inputs import CheckList, ChoiceCombo, CountInput, TriState, compact
from model.domain.enums import (
    Access,
    AvailabilityLoss,
    BreachType,
    Consequence,
    DataCategory,
    Exposure,
    Identifiability,
    ProtectionMethod,
    ServiceImpact,
    SubjectCategory,
)
from model.domain.facts import Availability, BreachFacts, Confidentiality, Integrity, Protection


def merge(current: Any, kind: type, **changes: Any) -> Any:
    """`current` (or a fresh `kind`) with `changes`; None when nothing in it is known."""
    result = replace(current if current is not None else kind(), **changes)
    if all(getattr(result, f.name) is None for f in fields(result)):
        return None
    return result


class DataPeopleForm(FactsForm):
    """Kinds of personal data, who the people are, and how many (ICO form part 3)."""

    TITLE = "Data and people"
    FIELDS = ("data_categories", "data_subject_categories", "subjects_count",
              "subjects_count_low", "records_count", "records_count_low")

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        # Captions above the fields: the category grids need the full width.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.data_categories = CheckList(list(DataCategory), columns=2, short=True)
        self.subject_categories = CheckList(list(SubjectCategory), columns=2)
        self.subjects = CountInput()
        self.records = CountInput()
        self.add_row("Kinds of data", self.data_categories,
                     "The ICO's categories: tick every kind involved, or \"Not yet known\". "
                     "Point at one to see examples.")
        self.add_row("Who the people are", self.subject_categories,
                     "The groups of people whose data it was.")
        self.add_row("People affected", self.subjects,
                     "The most people who could be affected; a range is fine early on.")
        self.add_row("Records", self.records, "How many records or files were involved.")
        self.watch(self.data_categories.changed, self.subject_categories.changed,
                   self.subjects.changed, self.records.changed)

    def load(self, facts: BreachFacts) -> None:
        self.data_categories.set_values(facts.data_categories)
        self.subject_categories.set_values(facts.data_subject_categories)
        self.subjects.set_value(facts.subjects_count_low, facts.subjects_count)
        self.records.set_value(facts.records_count_low, facts.records_count)

    def apply(self, facts: BreachFacts) -> BreachFacts:
        s_low, s_high = self.subjects.value()
        r_low, r_high = self.records.value()
        return replace(
            facts, data_categories=self.data_categories.values(),
            data_subject_categories=self.subject_categories.values(),
            subjects_count=s_high, subjects_count_low=s_low,
            records_count=r_high, records_count_low=r_low)


def _hours() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(-1, 100_000)
    spin.setDecimals(1)
    spin.setSpecialValueText("Not known")  # shown at the minimum, which means None
    spin.setSuffix(" h")
    spin.setValue(-1)
    compact(spin, 140)
    return spin


def _hours_value(spin: QDoubleSpinBox) -> float | None:
    return None if spin.value() < 0 else spin.value()


class ImpactForm(FactsForm):
    """What the breach did to the data; groups follow the ticked breach types."""

    TITLE = "Effects"
    FIELDS = ("confidentiality.exposure", "confidentiality.access",
              "confidentiality.exposure_hours", "integrity.altered", "integrity.recoverable",
              "availability.loss", "availability.backup_available",
              "availability.restore_hours", "availability.service_impact", "protection.method",
              "identifiability", "consequences")

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.exposure = ChoiceCombo(Exposure)
        self.access = ChoiceCombo(Access)
        self.exposure_hours = _hours()
        self.altered = TriState()
        self.recoverable = TriState("Yes, it can be restored", "No")
        self.loss = ChoiceCombo(AvailabilityLoss)
        self.backup = TriState()
        self.restore_hours = _hours()
        self.service = ChoiceCombo(ServiceImpact)
        self.method = ChoiceCombo(ProtectionMethod)
        self.state_of_art = TriState()
        self.key_compromised = TriState()
        self.identifiability = ChoiceCombo(Identifiability)
        self.consequences = CheckList(list(Consequence), columns=2)
        self._groups = {
            BreachType.CONFIDENTIALITY: self._group("Confidentiality: seen by the wrong people", [
                ("Who could see it", self.exposure), ("Viewed or taken", self.access),
                ("Hours exposed", self.exposure_hours)]),
            BreachType.INTEGRITY: self._group("Integrity: data altered", [
                ("Data altered", self.altered), ("Can be restored", self.recoverable)]),
            BreachType.AVAILABILITY: self._group("Availability: data lost or out of reach", [
                ("Loss", self.loss), ("Backup available", self.backup),
                ("Hours to restore", self.restore_hours), ("Effect on services", self.service)]),
        }
        protection = self._group("Protection (encryption with a safe key can make harm "
                                 "unlikely)", [
            ("Protected by", self.method), ("State of the art", self.state_of_art),
            ("Key compromised", self.key_compromised)])
        people = self._group("For the people: how identifiable, and what could happen", [
            ("Identifiable", self.identifiability), ("Consequences", self.consequences)])
        for box in reversed([*self._groups.values(), protection, people]):
            self.outer.insertWidget(0, box)
        for combo in (self.exposure, self.access, self.altered, self.recoverable, self.loss,
                      self.backup, self.service, self.method, self.state_of_art,
                      self.key_compromised, self.identifiability):
            combo.currentIndexChanged.connect(self.edited)
        self.watch(self.exposure_hours.valueChanged, self.restore_hours.valueChanged,
                   self.consequences.changed)
        self.set_breach_types(())

    def _group(self, title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for caption, widget in rows:
            # The same label width in every group keeps the fields in one column.
            caption_label = QLabel(caption)
            caption_label.setMinimumWidth(130)
            layout.addRow(caption_label, widget)
        return box

    def set_breach_types(self, types: tuple[BreachType, ...]) -> None:
        """Show only the groups that apply; all of them while the type is not known."""
        for kind, box in self._groups.items():
            box.setVisible(not types or kind in types)

    def load(self, facts: BreachFacts) -> None:
        c, i = facts.confidentiality or Confidentiality(), facts.integrity or Integrity()
        a, p = facts.availability or Availability(), facts.protection or Protection()
        self.exposure.set_value(c.exposure)
        self.access.set_value(c.access)
        self.exposure_hours.setValue(-1 if c.exposure_hours is None else c.exposure_hours)
        self.altered.set_value(i.altered)
        self.recoverable.set_value(i.recoverable)
        self.loss.set_value(a.loss)
        self.backup.set_value(a.backup_available)
        self.restore_hours.setValue(-1 if a.restore_hours is None else a.restore_hours)
        self.service.set_value(a.service_impact)
        self.method.set_value(p.method)
        self.state_of_art.set_value(p.state_of_the_art)
        self.key_compromised.set_value(p.key_compromised)
        self.identifiability.set_value(facts.identifiability)
        self.consequences.set_values(facts.consequences)
        self.set_breach_types(facts.breach_types)

    def apply(self, facts: BreachFacts) -> BreachFacts:
        return replace(
            facts,
            confidentiality=merge(facts.confidentiality, Confidentiality,
                                  exposure=self.exposure.value(), access=self.access.value(),
                                  exposure_hours=_hours_value(self.exposure_hours)),
            integrity=merge(facts.integrity, Integrity, altered=self.altered.value(),
                            recoverable=self.recoverable.value()),
            availability=merge(facts.availability, Availability, loss=self.loss.value(),
                               backup_available=self.backup.value(),
                               restore_hours=_hours_value(self.restore_hours),
                               service_impact=self.service.value()),
            protection=merge(facts.protection, Protection, method=self.method.value(),
                             state_of_the_art=self.state_of_art.value(),
                             key_compromised=self.key_compromised.value()),
            identifiability=self.identifiability.value(),
            consequences=self.consequences.values())
