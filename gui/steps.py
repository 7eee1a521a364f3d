"""The steps of a breach's workspace, in order. Adding a step is adding it here: the
workspace iterates this list and knows nothing of any step in particular."""

from __future__ import annotations

from gui.ico.step import IcoStep
from gui.kit.step import StepPage
from gui.lessons.step import LessonsStep
from gui.people.step import PeopleStep
from gui.risk.step import RiskStep
from gui.triage.step import TriageStep

STEPS: tuple[type[StepPage], ...] = (TriageStep, RiskStep, IcoStep, PeopleStep, LessonsStep)
