"""Reading the audit trail: a breach's history (newest first) and the chain's state."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from model.domain.audit import AuditEvent, changes_from_json
from model.services.unit import Database
from model.storage.orm_audit import AuditRow


def _event(row: AuditRow) -> AuditEvent:
    return AuditEvent(row.id, row.at, row.user, row.breach_id, row.entity, row.entity_id,
                      row.action, changes_from_json(json.loads(row.changes_json)),
                      row.summary, row.prev_sha256, row.sha256)


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def for_breach(self, breach_id: int, limit: int = 2_000) -> list[AuditEvent]:
        """What was changed about one breach, newest first (at most `limit` events)."""
        with self._db.read() as session:
            rows = session.scalars(select(AuditRow).where(AuditRow.breach_id == breach_id)
                                   .order_by(AuditRow.id.desc()).limit(limit)).all()
            return [_event(r) for r in rows]

    def settings_history(self, limit: int = 500) -> list[AuditEvent]:
        """Changes not about one breach (settings), newest first."""
        with self._db.read() as session:
            rows = session.scalars(select(AuditRow).where(AuditRow.breach_id.is_(None))
                                   .order_by(AuditRow.id.desc()).limit(limit)).all()
            return [_event(r) for r in rows]

    def count(self) -> int:
        with self._db.read() as session:
            return int(session.scalar(select(func.count()).select_from(AuditRow)) or 0)
