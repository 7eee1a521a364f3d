"""Typed ORM tables. ORM objects never leave model/: services turn them into records."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as fixed-width UTC ISO text; a naive value is refused."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError("expected a datetime")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime refused: store timezone-aware UTC times only")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value).astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UtcDateTime()}


class OrganisationRow(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    sector: Mapped[str] = mapped_column(String(32), default="general")
    ico_registration: Mapped[str] = mapped_column(String(64), default="")
    dpo_name: Mapped[str] = mapped_column(Text, default="")
    dpo_email: Mapped[str] = mapped_column(Text, default="")
    dpo_phone: Mapped[str] = mapped_column(Text, default="")
    default_regime: Mapped[str] = mapped_column(String(32), default="uk_gdpr")
    time_zone: Mapped[str] = mapped_column(String(64), default="Europe/London")
    updated_at: Mapped[datetime | None]
    # Who uses Breach Desk on this vault (named in the audit trail; the DPO when empty),
    # minutes without input before the app locks itself, automatic backups kept.
    user_name: Mapped[str] = mapped_column(Text, default="")
    lock_after_minutes: Mapped[int] = mapped_column(Integer, default=10)
    backups_kept: Mapped[int] = mapped_column(Integer, default=10)


class BreachRow(Base):
    __tablename__ = "breach"
    # The breaches list reads only this index (mapping.SUMMARY_COLUMNS), never the table.
    __table_args__ = (Index("ix_breach_list", "id", "reference", "title", "status", "regime",
                            "aware_at", "notified_at", "created_at", "updated_at",
                            "near_miss"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(32), default="open", index=True)
    regime: Mapped[str] = mapped_column(String(32), default="uk_gdpr")
    aware_at: Mapped[datetime | None]
    notified_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # Copies of facts the register filters, sorts and counts on, kept in step with the
    # facts document by model.storage.mapping (the only writer), so no query parses JSON.
    occurred_at: Mapped[datetime | None]
    discovered_at: Mapped[datetime | None]
    deadline_at: Mapped[datetime | None] = mapped_column(index=True)
    subjects_count: Mapped[int | None] = mapped_column(BigInteger)
    records_count: Mapped[int | None] = mapped_column(BigInteger)
    cyber_incident: Mapped[str | None] = mapped_column(String(16))
    processor_name: Mapped[str] = mapped_column(Text, default="")
    # The register's columns from the latest assessment and decision, kept in step by
    # model.storage.mapping_lessons (called where assessments and decisions are written).
    risk_level: Mapped[str | None] = mapped_column(String(16))
    notify_ico: Mapped[bool | None] = mapped_column(Boolean)
    notify_subjects: Mapped[bool | None] = mapped_column(Boolean)
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    # A near miss has no clock and no notification; imported rows name their source.
    near_miss: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    imported_from: Mapped[str | None] = mapped_column(Text)

    events: Mapped[list[TimelineRow]] = relationship(
        back_populates="breach", order_by="TimelineRow.at", cascade="all, delete-orphan")
    tags: Mapped[list[BreachTagRow]] = relationship(cascade="all, delete-orphan")
    document: Mapped[BreachFactsRow] = relationship(cascade="all, delete-orphan")


class BreachFactsRow(Base):
    """The facts of a breach as a storage document (model.storage.facts_codec), JSON text.
    Kept beside the breach row, not in it: lists and the register scan the narrow breach
    rows, and on an encrypted vault every page a scan touches is decrypted."""

    __tablename__ = "breach_facts"

    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id", ondelete="CASCADE"),
                                           primary_key=True)
    facts_json: Mapped[str] = mapped_column(Text)


class BreachTagRow(Base):
    """One value of a many-valued fact (a data category, a breach type, a kind of person),
    so counts by category are one SQL query."""

    __tablename__ = "breach_tag"
    __table_args__ = (Index("ix_breach_tag_kind_value", "kind", "value"),)

    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id", ondelete="CASCADE"),
                                           primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)


class TimelineRow(Base):
    """Append-only: the services never update or delete a row."""

    __tablename__ = "timeline_event"
    __table_args__ = (Index("ix_timeline_event_kind", "kind", "breach_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]

    breach: Mapped[BreachRow] = relationship(back_populates="events")


class AssessmentRow(Base):
    """One version of a breach's risk assessment: the facts it saw and what it said."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("breach_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    method_version: Mapped[str] = mapped_column(String(32))
    facts_json: Mapped[str] = mapped_column(Text)
    result_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(Text, default="")
    # SHA-256 of the frozen snapshot {"facts": ..., "result": ...} (model.domain.snapshot).
    sha256: Mapped[str | None] = mapped_column(String(64))


class DecisionRow(Base):
    """The DPO's decision on the two questions, resting on one assessment version."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id"))
    notify_ico: Mapped[bool] = mapped_column(Boolean)
    notify_ico_reason: Mapped[str] = mapped_column(Text, default="")
    notify_subjects: Mapped[bool] = mapped_column(Boolean)
    notify_subjects_reason: Mapped[str] = mapped_column(Text, default="")
    restriction_ground: Mapped[str | None] = mapped_column(String(64))
    restriction_reasoning: Mapped[str] = mapped_column(Text, default="")
    restriction_review_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime]
    recorded_at: Mapped[datetime]


class DraftRow(Base):
    """Unsaved work kept inside the vault: one per editor (`scope`), replaced on each
    autosave, removed once the work is saved or discarded on purpose."""

    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(120), unique=True)
    breach_id: Mapped[int | None] = mapped_column(ForeignKey("breach.id", ondelete="CASCADE"),
                                                  index=True)
    label: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime]


class AttachmentRow(Base):
    """A file kept inside the encrypted database, never beside it."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int | None] = mapped_column(ForeignKey("breach.id"), index=True)
    owner: Mapped[str] = mapped_column(String(64), default="breach", index=True)
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    added_by: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")

# Feature tables live in their own modules; importing them here lets Alembic see them.
from model.storage import orm_audit, orm_ico, orm_lessons, orm_people  # noqa: E402, F401
