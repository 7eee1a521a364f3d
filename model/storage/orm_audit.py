"""The audit trail's table: append-only (triggers refuse UPDATE and DELETE) and
hash-chained (model.domain.audit). Written only by model.services.journal.audit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from model.storage.orm import Base

AUDIT_TABLE = "audit_event"


class AuditRow(Base):
    __tablename__ = AUDIT_TABLE
    # AUTOINCREMENT: sqlite_sequence remembers the highest id ever used, so removing the
    # newest events is detectable too (the counter runs ahead of the last row).
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime]
    user: Mapped[str] = mapped_column(Text, default="")
    breach_id: Mapped[int | None] = mapped_column(Integer, index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32))
    changes_json: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    prev_sha256: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
