"""Drafts: typed work kept inside the encrypted vault until it is saved or discarded, so a
crash, a kill or a power cut never loses it. One draft per editor scope, replaced on save."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from model.domain.errors import ValidationError
from model.domain.records import Draft
from model.services.unit import Database
from model.storage.orm import DraftRow

WIZARD_SCOPE = "wizard"


def breach_scope(breach_id: int, step: str) -> str:
    """The scope of one step's editor of one breach, e.g. 'breach:7:triage'."""
    return f"breach:{breach_id}:{step}"


def _to_draft(row: DraftRow) -> Draft:
    return Draft(scope=row.scope, label=row.label, payload=json.loads(row.payload),
                 saved_at=row.saved_at, breach_id=row.breach_id)


class DraftService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, scope: str, payload: dict[str, Any], label: str = "",
             breach_id: int | None = None) -> Draft:
        """Keep `payload` as the draft of `scope`, replacing the one before (one unit)."""
        try:
            text = json.dumps(payload, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as err:
            raise ValidationError("draft", f"cannot be kept: {err}") from None
        now = self._db.clock()
        with self._db.unit() as session:
            row = session.scalar(select(DraftRow).where(DraftRow.scope == scope))
            if row is None:
                row = DraftRow(scope=scope)
                session.add(row)
            row.breach_id, row.label, row.payload, row.saved_at = breach_id, label, text, now
            session.flush()
            return _to_draft(row)

    def get(self, scope: str) -> Draft | None:
        with self._db.unit() as session:
            row = session.scalar(select(DraftRow).where(DraftRow.scope == scope))
            return None if row is None else _to_draft(row)

    def discard(self, scope: str) -> None:
        with self._db.unit() as session:
            row = session.scalar(select(DraftRow).where(DraftRow.scope == scope))
            if row is not None:
                session.delete(row)

    def pending(self) -> list[Draft]:
        """Every kept draft, the most recent first (offered back after a restart)."""
        with self._db.unit() as session:
            rows = session.scalars(select(DraftRow).order_by(DraftRow.saved_at.desc())).all()
            return [_to_draft(r) for r in rows]

    def for_breach(self, breach_id: int) -> list[Draft]:
        """The drafts of one breach's steps (one unit of work, on opening it)."""
        with self._db.unit() as session:
            rows = session.scalars(select(DraftRow).where(DraftRow.breach_id == breach_id)
                                   .order_by(DraftRow.saved_at.desc())).all()
            return [_to_draft(r) for r in rows]
