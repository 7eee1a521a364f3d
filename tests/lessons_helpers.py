"""Helpers for tests that need a breach with complete lessons (closing requires them)."""

from __future__ import annotations

from datetime import date

from model.domain.lessons.records import ActionDraft, Lessons
from model.domain.lessons.taxonomy import (
    ActionKind,
    Cause,
    IncidentType,
    LearningResponse,
    Priority,
)

SEED_LESSONS = Lessons(
    incident_type=IncidentType.MISCONFIGURATION, primary_cause=Cause.THIRD_PARTY,
    contributing=(Cause.PROCESS_GAP, Cause.TECHNOLOGY), team="Neighbourhood policing",
    learning_response=LearningResponse.AFTER_ACTION,
    five_whys=("The case list was published on the public pages",
               "The supplier's upload job sent the export to the public site",
               "The job's target was changed during a release",
               "No one checked the target after the release",
               "The contract has no release check for personal data"),
    narrative="A supplier release changed where an export went; nobody checked it.",
    went_well="An officer spotted it and the pages came down within the hour.",
    needed_sooner="The supplier's release notes.",
    do_differently="Check every supplier release that touches case data before go-live.")


def complete_lessons(ctx, breach_id: int, lessons: Lessons = SEED_LESSONS) -> None:  # type: ignore[no-untyped-def]
    ctx.lessons.save(breach_id, lessons, actor="Tester")


def action(description: str = "Add a release check to the supplier contract",
           due: date = date(2026, 11, 30), kind: ActionKind = ActionKind.CORRECTIVE,
           **changes) -> ActionDraft:  # type: ignore[no-untyped-def]
    return ActionDraft(kind=kind, description=description, owner=changes.pop("owner", "J. Lee"),
                       due_on=due, priority=changes.pop("priority", Priority.HIGH), **changes)
