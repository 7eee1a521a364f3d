"""The case read model: everything a breach screen or document needs, read in one unit of
work and handed out frozen. Steps and documents read from a Case; none fetches its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from model.domain.deadlines import DeadlineStatus, breach_deadline_status
from model.domain.facts import BreachFacts
from model.domain.ico.records import Filing, IcoAnswers
from model.domain.lessons.records import CorrectiveAction, Lessons
from model.domain.people.contacts import ContactRecord, PublicNotice
from model.domain.people.letter import SavedLetter
from model.domain.people.recipients import Recipient
from model.domain.records import (
    AssessmentRecord,
    Attachment,
    Breach,
    DecisionRecord,
    OrganisationProfile,
    TimelineEvent,
)


@dataclass(frozen=True)
class Case:
    """One breach with everything recorded about it, as of one read."""

    breach: Breach
    organisation: OrganisationProfile
    timeline: tuple[TimelineEvent, ...] = ()
    assessments: tuple[AssessmentRecord, ...] = ()  # oldest first
    decisions: tuple[DecisionRecord, ...] = ()      # oldest first
    attachments: tuple[Attachment, ...] = ()        # without their content
    ico_answers: IcoAnswers = IcoAnswers()          # what only the ICO report asks
    filings: tuple[Filing, ...] = ()                # ICO reports as filed, oldest first
    lessons: Lessons | None = None
    corrective_actions: tuple[CorrectiveAction, ...] = ()  # by reference
    # Telling the people affected (model.domain.people): the saved letter and notice
    # texts, the recipients (in number order), the contact log and published notices.
    letters: tuple[SavedLetter, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    contacts: tuple[ContactRecord, ...] = ()        # oldest first
    notices: tuple[PublicNotice, ...] = ()          # oldest first

    @property
    def id(self) -> int:
        return self.breach.id

    @property
    def facts(self) -> BreachFacts:
        return self.breach.facts

    @property
    def zone(self) -> str:
        return self.organisation.time_zone

    @property
    def actor(self) -> str:
        """Who acts by default: the user named in Settings (the DPO when none is)."""
        return self.organisation.user

    @property
    def latest_assessment(self) -> AssessmentRecord | None:
        return self.assessments[-1] if self.assessments else None

    @property
    def latest_decision(self) -> DecisionRecord | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def last_filing(self) -> Filing | None:
        return self.filings[-1] if self.filings else None

    def assessment(self, assessment_id: int) -> AssessmentRecord | None:
        return next((a for a in self.assessments if a.id == assessment_id), None)

    def actions(self) -> tuple[TimelineEvent, ...]:
        """Containment and recovery actions, in the order they happened."""
        return tuple(sorted((e for e in self.timeline if e.kind == "action"),
                            key=lambda e: (e.at, e.id)))

    def events(self, kind: str) -> tuple[TimelineEvent, ...]:
        return tuple(e for e in self.timeline if e.kind == kind)

    def deadline(self, now: datetime) -> DeadlineStatus:
        b = self.breach
        return breach_deadline_status(b.facts.regime, b.facts.aware_at, b.notified_at,
                                      b.status, now, b.near_miss)

    def assessment_is_stale(self) -> bool:
        """The facts changed since the latest assessment (a decision should wait)."""
        latest = self.latest_assessment
        return latest is not None and latest.facts != self.breach.facts
