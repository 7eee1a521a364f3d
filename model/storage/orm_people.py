"""Tables for telling the people affected: the saved letter and notice texts, the
recipients, the contact log (append-only) and the public notices published."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from model.storage.orm import Base


class LetterRow(Base):
    """The letter (kind 'letter') or public notice (kind 'notice') of a breach as last
    saved: the variant, section texts and signatory as JSON, and the digest of that JSON."""

    __tablename__ = "people_letter"
    __table_args__ = (UniqueConstraint("breach_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text_json: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[datetime]
    saved_by: Mapped[str] = mapped_column(Text, default="")


class RecipientRow(Base):
    """One addressee. `address_key` finds a second entry for the same address."""

    __tablename__ = "people_recipient"
    __table_args__ = (UniqueConstraint("breach_id", "number"),
                      Index("ix_people_recipient_key", "breach_id", "address_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    lines_json: Mapped[str] = mapped_column(Text)
    postcode: Mapped[str] = mapped_column(String(16))
    email: Mapped[str] = mapped_column(Text, default="")
    categories: Mapped[str] = mapped_column(Text, default="")  # values joined with ","
    address_key: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(Text, default="")
    merged: Mapped[str] = mapped_column(Text, default="")  # what was merged in, one a line
    added_at: Mapped[datetime]
    added_by: Mapped[str] = mapped_column(Text, default="")


class ContactRow(Base):
    """One attempt to tell one recipient. Append-only: never updated or deleted."""

    __tablename__ = "people_contact"
    __table_args__ = (Index("ix_people_contact_told", "outcome", "breach_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("people_recipient.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    letter_sha256: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(Text, default="")


class NoticeRow(Base):
    """A public notice as published: the frozen text and its SHA-256, where and when."""

    __tablename__ = "people_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    where: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime]
    taken_down_at: Mapped[datetime | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(Text, default="")
