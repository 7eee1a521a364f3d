"""The ICO report's own records: the answers typed for the report (kept per breach), the
filing channels and report types, a filing to record, and a filed (frozen) version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class ReportType(StrEnum):
    INITIAL = "initial"
    FOLLOW_UP = "follow_up"

    @property
    def label(self) -> str:
        return "Initial report" if self is ReportType.INITIAL else "Follow-up report"


class Channel(StrEnum):
    """How a report reached the ICO (ico-report-form.md 1.2 and 1.6)."""

    ONLINE = "online"
    WORD_EMAIL = "word_email"
    PHONE = "phone"
    DSPT = "dspt"
    PECR = "pecr"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.ONLINE: "ICO online form",
    Channel.WORD_EMAIL: "Word form sent by email",
    Channel.PHONE: "ICO helpline (phone)",
    Channel.DSPT: "NHS DSPT incident reporting tool",
    Channel.PECR: "ICO PECR breach form",
}

MARKINGS: tuple[str, ...] = ("", "OFFICIAL", "OFFICIAL-SENSITIVE")


@dataclass(frozen=True)
class RecurrenceStep:
    """A step against a recurrence and when it is expected to be done (T2)."""

    text: str
    due: date | None = None
    done: bool = False


@dataclass(frozen=True)
class IcoAnswers:
    """What only the ICO report asks, typed once and kept with the breach.

    Everything else in the report is read from the facts, the organisation profile, the
    assessment, the decision and the timeline, so it is never typed twice.
    """

    why_reporting: str | None = None          # A1
    ico_staff: str = ""                       # A2
    case_reference: str = ""                  # A4, once the ICO has given one
    delay_reasons: str = ""                   # B6
    prior_measures: str = ""                  # B7
    data_other_detail: str = ""               # D1 "Other" details
    subjects_other_detail: str = ""           # D4 "Other" details
    harm_details: str = ""                    # D5: the impact described, any actual harm
    likelihood_override: str | None = None    # D6 when the DPO departs from the assessment
    likelihood_details: str = ""              # D6 "Please give details"
    systems_affected: str | None = None       # C1 yes / no / unknown
    systems_cia: tuple[str, ...] = ()         # C1 ticks
    cyber_impact: str | None = None           # C2
    recovery_time: str | None = None          # C3
    further_actions: str = ""                 # T1: proposed actions beyond the timeline
    recurrence: tuple[RecurrenceStep, ...] = ()  # T2
    told_override: str | None = None          # T3 when the DPO words it otherwise
    told_details: str = ""
    others_told: str | None = None            # T4 yes / no / unknown
    others_told_details: str = ""
    staff_involved: bool | None = None        # gate of S-T1
    staff_trained: str | None = None          # S-T1 yes / no / unknown
    training_description: str = ""            # S-T2
    training_followup: str = ""               # S-T3
    reporter_name: str = ""                   # Y3; empty: the DPO reports
    reporter_email: str = ""
    reporter_phone: str = ""
    contact: str = ""                         # Y5; empty: the person reporting
    organisation_size: str = ""               # Y6
    marking: str = ""                         # protective marking printed top and bottom


@dataclass(frozen=True)
class FilingDraft:
    """A filing about to be recorded."""

    channel: Channel
    report_type: ReportType
    filed_at: datetime
    case_reference: str = ""
    delay_reasons: str = ""   # replaces B6 when given (required when late)
    note: str = ""
    marking: str = ""


@dataclass(frozen=True)
class Filing:
    """One report as filed: frozen answers (canonical JSON + SHA-256) and the exact PDF's
    SHA-256 (its bytes are kept in the vault and read on demand)."""

    id: int
    breach_id: int
    version: int
    report_type: ReportType
    channel: Channel
    filed_at: datetime
    recorded_at: datetime
    recorded_by: str
    case_reference: str
    delay_reasons: str
    snapshot_text: str
    snapshot_sha256: str
    pdf_sha256: str
    pdf_size: int
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def owner(self) -> str:
        """The attachments owner for this filing's proof ("filing:3")."""
        return f"filing:{self.id}"
