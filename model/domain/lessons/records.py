"""Frozen records of lessons learned and of corrective and preventive actions (CAPA)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from model.domain.lessons.taxonomy import (
    ICO_TAXONOMY_VERSION,
    OPEN_STATUSES,
    ActionArea,
    ActionKind,
    ActionStatus,
    Cause,
    IncidentType,
    LearningResponse,
    Priority,
    Verdict,
)


@dataclass(frozen=True)
class Lessons:
    """What one breach taught: what happened (ICO type), why (causes), how it was learned
    from, and what worked, what was needed sooner and what would be done differently."""

    incident_type: IncidentType | None = None
    taxonomy_version: str = ICO_TAXONOMY_VERSION
    primary_cause: Cause | None = None
    contributing: tuple[Cause, ...] = ()
    team: str = ""                 # the team, department or site where it happened
    learning_response: LearningResponse | None = None
    response_reason: str = ""      # why no learning response was needed
    five_whys: tuple[str, ...] = ()
    narrative: str = ""            # why it happened, in a few paragraphs
    went_well: str = ""
    needed_sooner: str = ""
    do_differently: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""

    def content(self) -> Lessons:
        """The same lessons without who saved them and when (to compare edits)."""
        return Lessons(self.incident_type, self.taxonomy_version, self.primary_cause,
                       self.contributing, self.team, self.learning_response,
                       self.response_reason, self.five_whys, self.narrative, self.went_well,
                       self.needed_sooner, self.do_differently)


@dataclass(frozen=True)
class ActionDraft:
    """What the DPO types for a new action, or an edit of one."""

    kind: ActionKind
    description: str
    owner: str
    due_on: date | None
    priority: Priority = Priority.MEDIUM
    area: ActionArea | None = None
    owner_role: str = ""
    addresses: str = ""            # the finding or cause it deals with
    ico_promised_on: date | None = None
    review_on: date | None = None  # when to check that it worked


@dataclass(frozen=True, slots=True)  # tens of thousands are held at once
class CorrectiveAction:
    """One corrective or preventive action; it may serve several breaches."""

    id: int
    kind: ActionKind
    description: str
    owner: str
    due_on: date | None
    status: ActionStatus
    raised_on: date
    priority: Priority = Priority.MEDIUM
    area: ActionArea | None = None
    owner_role: str = ""
    addresses: str = ""
    ico_promised_on: date | None = None
    completed_on: date | None = None
    evidence_note: str = ""
    wont_do_reason: str = ""
    risk_accepted_by: str = ""
    review_on: date | None = None
    verdict: Verdict | None = None
    reviewed_on: date | None = None
    reviewed_by: str = ""
    review_note: str = ""
    follow_up_of: int | None = None
    breach_ids: tuple[int, ...] = ()
    breach_refs: tuple[str, ...] = ()
    created_by: str = ""

    @property
    def reference(self) -> str:
        return action_reference(self.id)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue(self, today: date) -> bool:
        """Still open after its due date."""
        return self.is_open and self.due_on is not None and self.due_on < today

    @property
    def settled(self) -> bool:
        """Done, or not to be done with a reason and a named person accepting the risk."""
        if self.status is ActionStatus.DONE:
            return True
        return (self.status is ActionStatus.WONT_DO and bool(self.wont_do_reason.strip())
                and bool(self.risk_accepted_by.strip()))

    def review_due(self, today: date) -> bool:
        """Done, not yet reviewed, and its review date has come."""
        return (self.status is ActionStatus.DONE and self.verdict is None
                and self.review_on is not None and self.review_on <= today)

    def draft(self) -> ActionDraft:
        return ActionDraft(self.kind, self.description, self.owner, self.due_on, self.priority,
                           self.area, self.owner_role, self.addresses, self.ico_promised_on,
                           self.review_on)


def action_reference(action_id: int) -> str:
    """'A-0007': how an action is named on screen, in reports and in the timeline."""
    return f"A-{action_id:04d}"


def action_owner(action_id: int) -> str:
    """The attachments owner string of an action's evidence."""
    return f"action:{action_id}"
