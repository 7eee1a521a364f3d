"""Reusable triage forms, one per group of facts, shared by the wizard and the workspace.

Each form shows part of a BreachFacts: `load(facts)` fills it, `apply(facts)` returns the
facts with this form's fields replaced, so forms compose without knowing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.deadline_view import clock_style, deadline_line
from gui.style import label
from gui.triage.inputs import CheckList, ChoiceCombo, OptionalDateTime, TriState, hint
from model.domain.deadlines import DeadlineState, deadline_status
from model.domain.enums import BreachType, Regime, YesNoUnknown
from model.domain.errors import ValidationError
from model.domain.facts import BreachFacts

# Screen names of the facts, for messages about a field ("When it was discovered: ...").
FIELD_LABELS: dict[str, str] = {
    "title": "Title", "summary": "What happened", "how_found": "How it was found",
    "found_by": "Found by", "breach_types": "Type of breach",
    "cyber_incident": "Cyber incident", "malicious": "Deliberate",
    "occurred_at": "When it began", "ended_at": "When it ended", "ongoing": "Still going on",
    "discovered_at": "When it was discovered", "aware_at": "When you became aware",
    "processor_notified_at": "When the processor told you",
    "subjects_count": "Number of people", "subjects_count_low": "Number of people (lowest)",
    "records_count": "Number of records", "records_count_low": "Number of records (lowest)",
    "confidentiality.exposure_hours": "Hours exposed",
    "availability.restore_hours": "Hours to restore",
}


def problem_text(error: ValidationError) -> str:
    """One readable line for an impossible fact."""
    return f"{FIELD_LABELS.get(error.field, error.field)}: {error.rule}"


@dataclass(frozen=True)
class FormEnv:
    """What every form needs: the display zone and the clock (injectable for tests)."""

    zone: str
    clock: Callable[[], datetime]


class FactsForm(QWidget):
    """Base of the triage forms: a form layout with hints and a problems line."""

    edited = Signal()
    TITLE = ""
    FIELDS: tuple[str, ...] = ()

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(6)
        self.outer.addLayout(self.form)
        self.problems = label("", "error")
        self.problems.hide()
        self.outer.addWidget(self.problems)

    def add_row(self, caption: str, widget: QWidget, help_text: str = "") -> QLabel | None:
        """A labelled field with its one-line hint underneath (returned, to change later)."""
        if not help_text:
            self.form.addRow(caption, widget)
            return None
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        column.addWidget(widget)
        note = hint(help_text)
        column.addWidget(note)
        self.form.addRow(caption, box)
        return note

    def watch(self, *signals: object) -> None:
        for signal in signals:
            signal.connect(self.edited)  # type: ignore[attr-defined]

    def show_problems(self, errors: list[ValidationError]) -> None:
        """Show the impossible facts that concern this form's fields (others are ignored)."""
        mine = [e for e in errors if e.field in self.FIELDS]
        self.problems.setText("\n".join("⚠ " + problem_text(e) for e in mine))
        self.problems.setVisible(bool(mine))

    # Every form defines both; the base only states the contract.
    def load(self, facts: BreachFacts) -> None:
        raise TypeError(f"{type(self).__name__} must define load(facts)")

    def apply(self, facts: BreachFacts) -> BreachFacts:
        raise TypeError(f"{type(self).__name__} must define apply(facts)")


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


class WhatForm(FactsForm):
    """What happened, how it was found, the kind of breach."""

    TITLE = "What happened"
    FIELDS = ("title", "summary", "how_found", "found_by", "breach_types", "cyber_incident",
              "malicious")

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.title = _line("e.g. Payroll spreadsheet emailed to the wrong person")
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("What went wrong, and how. Do not name the people "
                                        "affected.")
        self.summary.setMinimumHeight(90)
        self.summary.setMaximumHeight(130)
        self.how_found = _line("e.g. The recipient replied to say it was not for them")
        self.found_by = _line("Name or role")
        self.breach_types = CheckList(list(BreachType), columns=1)
        self.cyber = ChoiceCombo(YesNoUnknown, none_text="Not answered yet")
        self.malicious = TriState("Yes, deliberate", "No, accidental")
        self.add_row("Title", self.title, "A few words to find this breach in the list.")
        self.add_row("What happened", self.summary,
                     "Plain facts as known now; you can add to it as you learn more.")
        self.add_row("How it was found", self.how_found,
                     "The ICO asks how you found out: a complaint, an alert, a report…")
        self.add_row("Found by", self.found_by, "Who noticed it first.")
        self.add_row("Type of breach", self.breach_types,
                     "Tick all that apply: seen by the wrong people, altered, or lost.")
        self.add_row("Cyber incident", self.cyber,
                     "Was it caused by an attack on your systems (hacking, malware, phishing)?")
        self.add_row("Deliberate", self.malicious,
                     "Did someone cause it on purpose, inside or outside the organisation?")
        self.watch(self.title.textChanged, self.summary.textChanged, self.how_found.textChanged,
                   self.found_by.textChanged, self.breach_types.changed,
                   self.cyber.currentIndexChanged, self.malicious.currentIndexChanged)

    def load(self, facts: BreachFacts) -> None:
        self.title.setText(facts.title)
        self.summary.setPlainText(facts.summary)
        self.how_found.setText(facts.how_found)
        self.found_by.setText(facts.found_by)
        self.breach_types.set_values(facts.breach_types)
        self.cyber.set_value(facts.cyber_incident)
        self.malicious.set_value(facts.malicious)

    def apply(self, facts: BreachFacts) -> BreachFacts:
        return replace(
            facts, title=self.title.text().strip(), summary=self.summary.toPlainText().strip(),
            how_found=self.how_found.text().strip(), found_by=self.found_by.text().strip(),
            breach_types=self.breach_types.values(), cyber_incident=self.cyber.value(),
            malicious=self.malicious.value())


AWARE_HELP = ("You are aware when you are reasonably sure that personal data has been "
              "compromised, not when you first hear of a possible incident: a short "
              "investigation may come first. If a processor tells you, you are normally aware "
              "from then. The notification clock starts here.")


class WhenForm(FactsForm):
    """When it began, ended, was discovered and became known; the processor; the clock."""

    TITLE = "When"
    FIELDS = ("occurred_at", "ended_at", "ongoing", "discovered_at", "aware_at", "aware_note",
              "processor_name", "processor_notified_at")

    def __init__(self, env: FormEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.regime = Regime.UK_GDPR
        self.occurred = OptionalDateTime(env.zone, env.clock)
        self.ongoing = TriState("Yes, still going on", "No, it has stopped")
        self.ended = OptionalDateTime(env.zone, env.clock)
        self.discovered = OptionalDateTime(env.zone, env.clock)
        self.aware = OptionalDateTime(env.zone, env.clock)
        self.aware_note = _line("e.g. IT confirmed the files were on the public site")
        self.processor = _line("Leave empty if no processor is involved")
        self.processor_told = OptionalDateTime(env.zone, env.clock)
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.add_row("It began", self.occurred, "When the breach started, as far as known.")
        self.add_row("Still going on", self.ongoing, "Is data still exposed or lost now?")
        self.add_row("It ended", self.ended, "When it stopped (not needed while ongoing).")
        self.add_row("Discovered", self.discovered, "When anyone first noticed something.")
        self.add_row("You became aware", self.aware, AWARE_HELP)
        self.add_row("Why this moment", self.aware_note,
                     "What made you reasonably sure; this explains when the clock started.")
        self.add_row("Processor", self.processor,
                     "A supplier handling the data for you, if the breach happened there.")
        self.add_row("Processor told you", self.processor_told,
                     "When the processor informed you; record both moments.")
        self.form.addRow("", self.clock_label)
        self.watch(self.occurred.changed, self.ongoing.currentIndexChanged, self.ended.changed,
                   self.discovered.changed, self.aware.changed, self.aware_note.textChanged,
                   self.processor.textChanged, self.processor_told.changed)
        self.edited.connect(self._sync)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.update_clock)
        self._timer.start(30_000)
        self._sync()

    def _sync(self) -> None:
        self.ended.setEnabled(self.ongoing.value() is not True)
        self.update_clock()

    def set_regime(self, regime: Regime) -> None:
        self.regime = regime
        self.update_clock()

    def update_clock(self) -> None:
        """The live 72-hour clock, shown once awareness is set."""
        aware = self.aware.value()
        if aware is None:
            self.clock_label.setText("Set when you became aware to start the notification "
                                     "clock.")
            self.clock_label.setStyleSheet(clock_style("grey"))
            return
        status = deadline_status(self.regime, aware, None, self.env.clock())
        text = deadline_line(status, self.env.zone)
        if status.state is DeadlineState.OVERDUE:
            text += " — notify now and give the reasons for the delay"
        self.clock_label.setText(text)
        self.clock_label.setStyleSheet(clock_style(status.colour_key))

    def load(self, facts: BreachFacts) -> None:
        self.occurred.set_value(facts.occurred_at)
        self.ongoing.set_value(facts.ongoing)
        self.ended.set_value(facts.ended_at)
        self.discovered.set_value(facts.discovered_at)
        self.aware.set_value(facts.aware_at)
        self.aware_note.setText(facts.aware_note)
        self.processor.setText(facts.processor_name)
        self.processor_told.set_value(facts.processor_notified_at)
        self.regime = facts.regime
        self._sync()

    def apply(self, facts: BreachFacts) -> BreachFacts:
        ongoing = self.ongoing.value()
        return replace(
            facts, occurred_at=self.occurred.value(), ongoing=ongoing,
            ended_at=None if ongoing is True else self.ended.value(),
            discovered_at=self.discovered.value(), aware_at=self.aware.value(),
            aware_note=self.aware_note.text().strip(),
            processor_name=self.processor.text().strip(),
            processor_notified_at=self.processor_told.value())
