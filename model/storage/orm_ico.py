"""Tables of the ICO notification: the report's own answers (one row per breach) and the
filed versions, which the database itself refuses to change (see revision 0004)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from model.storage.orm import Base


class IcoReportRow(Base):
    """What only the ICO report asks, as a versioned JSON document (mapping_ico)."""

    __tablename__ = "ico_report"

    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), primary_key=True)
    answers_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(Text, default="")


class IcoFilingRow(Base):
    """One report as filed: never updated or deleted (triggers refuse it)."""

    __tablename__ = "ico_filing"
    __table_args__ = (UniqueConstraint("breach_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    report_type: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    filed_at: Mapped[datetime]
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(Text, default="")
    case_reference: Mapped[str] = mapped_column(Text, default="")
    delay_reasons: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The answers as filed: canonical JSON (model.domain.snapshot) and its SHA-256.
    snapshot_json: Mapped[str] = mapped_column(Text)
    snapshot_sha256: Mapped[str] = mapped_column(String(64))
    # The exact PDF produced at filing, and its SHA-256.
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    pdf_size: Mapped[int] = mapped_column(BigInteger)
