"""Frozen records handed out by the services: the GUI and reports see only these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from model.domain.clock import DEFAULT_ZONE
from model.domain.enums import BreachStatus, Regime, Sector
from model.domain.facts import BreachFacts
from model.domain.risk.stored import AssessmentResult


@dataclass(frozen=True)
class OrganisationProfile:
    """The controller, as the ICO form's "About you" part needs it."""

    name: str = ""
    address: str = ""
    sector: Sector = Sector.GENERAL
    ico_registration: str = ""
    dpo_name: str = ""
    dpo_email: str = ""
    dpo_phone: str = ""
    default_regime: Regime = Regime.UK_GDPR
    time_zone: str = DEFAULT_ZONE
    user_name: str = ""           # who uses the app (the audit trail's "who"); DPO if empty
    lock_after_minutes: int = 10  # idle minutes before the app locks itself
    backups_kept: int = 10        # automatic backups kept (made on close)

    @property
    def user(self) -> str:
        """The name the audit trail and new entries give: the user, else the DPO."""
        return self.user_name.strip() or self.dpo_name.strip()


@dataclass(frozen=True)
class TimelineEvent:
    """One append-only entry of a breach's timeline (containment, status changes, notes)."""

    id: int
    breach_id: int
    at: datetime
    kind: str  # "action", "status", "note", "created", ...
    text: str
    actor: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class BreachSummary:
    """One row of the breaches list."""

    id: int
    reference: str
    title: str
    status: BreachStatus
    regime: Regime
    aware_at: datetime | None
    notified_at: datetime | None
    created_at: datetime
    updated_at: datetime
    near_miss: bool = False  # no personal data was actually compromised: no clock


@dataclass(frozen=True)
class Breach:
    """A breach with its facts; timeline and assessments are fetched separately."""

    id: int
    reference: str
    status: BreachStatus
    facts: BreachFacts
    notified_at: datetime | None
    created_at: datetime
    updated_at: datetime
    near_miss: bool = False    # no personal data was actually compromised: no clock
    imported_from: str = ""    # the register file and row it was imported from

    @property
    def title(self) -> str:
        return self.facts.title


@dataclass(frozen=True)
class AssessmentRecord:
    """One stored version of a breach's risk assessment.

    `facts` is the snapshot the engine saw and `result` what it said; `sha256` is the
    digest of that frozen snapshot.
    """

    id: int
    breach_id: int
    version: int
    method_version: str
    facts: BreachFacts
    result: AssessmentResult
    created_at: datetime
    created_by: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Restriction:
    """DPA 2018 s.68: restricting or delaying what people are told, and why."""

    ground: str  # a model.domain.decision.RestrictionGround value
    reasoning: str
    review_on: date


@dataclass(frozen=True)
class DecisionRecord:
    """The DPO's decision on notifying the ICO and telling the people affected."""

    id: int
    breach_id: int
    assessment_id: int
    assessment_version: int
    notify_ico: bool
    notify_ico_reason: str
    notify_subjects: bool
    notify_subjects_reason: str
    restriction: Restriction | None
    decided_by: str
    decided_at: datetime
    recorded_at: datetime


@dataclass(frozen=True)
class Draft:
    """Unsaved work kept in the vault for one editor (`scope`), e.g. "wizard" or
    "breach:7:triage". `payload` is the editor's own JSON-able state."""

    scope: str
    label: str
    payload: dict[str, object]
    saved_at: datetime
    breach_id: int | None = None


@dataclass(frozen=True)
class Attachment:
    """A file kept inside the vault (e.g. the ICO's acknowledgement, a screenshot, a
    supplier's report). `owner` says what it belongs to: "breach", or e.g. "filing:3"."""

    id: int
    breach_id: int | None
    owner: str
    name: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime
    note: str = ""
