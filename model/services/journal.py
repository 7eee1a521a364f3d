"""The one write path for a breach's history: every timeline row is added here, inside the
caller's unit of work (the audit trail hooks the same place)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from model.domain.clock import require_aware
from model.storage.orm import BreachRow, TimelineRow


def record(session: Session, breach: BreachRow, *, at: datetime, kind: str, text: str,
           actor: str, now: datetime) -> TimelineRow:
    """Append a timeline entry to `breach` and mark the breach updated at `now`."""
    row = TimelineRow(breach_id=breach.id, at=require_aware(at), kind=kind, text=text,
                      actor=actor, recorded_at=now)
    session.add(row)
    breach.updated_at = now
    return row
