"""The steps of a breach's workspace, in order. Adding a step is adding it here: the
workspace iterates this list and knows nothing of any step in particular."""

from __future__ import annotations

from gui.kit.step import StepPage
from gui.people.step import PeopleStep
from gui.planned_steps import PlannedIco, PlannedLessons
from gui.risk.step import RiskStep
from gui.triage.step import TriageStep

STEPS: tuple[type[StepPage], ...] = (TriageStep, RiskStep, PlannedIco, PeopleStep,
                                     PlannedLessons)
