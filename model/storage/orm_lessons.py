"""Tables of lessons learned and of corrective actions (one action may serve several
breaches, through the action_breach link table)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from model.storage.orm import Base


class LessonsRow(Base):
    """The lessons of one breach. The columns the register filters and counts on
    (incident type, primary cause, team) are plain columns; no query parses JSON."""

    __tablename__ = "lessons"

    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id", ondelete="CASCADE"),
                                           primary_key=True)
    incident_type: Mapped[str | None] = mapped_column(String(40), index=True)
    taxonomy_version: Mapped[str] = mapped_column(String(40))
    primary_cause: Mapped[str | None] = mapped_column(String(32), index=True)
    contributing: Mapped[str] = mapped_column(Text, default="")  # values joined by ","
    team: Mapped[str] = mapped_column(Text, default="")
    learning_response: Mapped[str | None] = mapped_column(String(32))
    response_reason: Mapped[str] = mapped_column(Text, default="")
    five_whys: Mapped[str] = mapped_column(Text, default="[]")  # a JSON list of answers
    narrative: Mapped[str] = mapped_column(Text, default="")
    went_well: Mapped[str] = mapped_column(Text, default="")
    needed_sooner: Mapped[str] = mapped_column(Text, default="")
    do_differently: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text, default="")


class ActionRow(Base):
    """A corrective or preventive action, its progress and its effectiveness review."""

    __tablename__ = "corrective_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    area: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    owner_role: Mapped[str] = mapped_column(Text, default="")
    addresses: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(16), default="medium")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    raised_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    ico_promised_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    evidence_note: Mapped[str] = mapped_column(Text, default="")
    wont_do_reason: Mapped[str] = mapped_column(Text, default="")
    risk_accepted_by: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[date | None] = mapped_column(Date)
    verdict: Mapped[str | None] = mapped_column(String(16))
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    reviewed_by: Mapped[str] = mapped_column(Text, default="")
    review_note: Mapped[str] = mapped_column(Text, default="")
    follow_up_of: Mapped[int | None] = mapped_column(ForeignKey("corrective_action.id"))
    created_by: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ActionBreachRow(Base):
    """Which breaches an action serves."""

    __tablename__ = "action_breach"
    __table_args__ = (Index("ix_action_breach_breach", "breach_id"),)

    action_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("corrective_action.id", ondelete="CASCADE"), primary_key=True)
    breach_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("breach.id", ondelete="CASCADE"), primary_key=True)
