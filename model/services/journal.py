"""The one write path for a breach's history and the audit trail, inside the caller's unit
of work: `record` appends a timeline row, `audit` an event of the hash-chained audit trail
(when, who, what, which fields with old and new values). Every service that changes
something calls `audit` (or `record`, which audits the entry it adds):

    journal.audit(session, "letter", letter.id, "created", now=now, breach=row,
                  changes=audit.created(audit.record_values(letter)))
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.domain.audit import GENESIS, Change, digest, event_document
from model.domain.clock import require_aware
from model.domain.snapshot import canonical
from model.storage.orm import BreachRow, OrganisationRow, TimelineRow
from model.storage.orm_audit import AuditRow

_HEAD = "breach_desk.audit_head"  # (seq, sha256) of the last event, per session
log = logging.getLogger("breachdesk.audit")


def record(session: Session, breach: BreachRow, *, at: datetime, kind: str, text: str,
           actor: str, now: datetime) -> TimelineRow:
    """Append a timeline entry to `breach` and mark the breach updated at `now`."""
    row = TimelineRow(breach_id=breach.id, at=require_aware(at), kind=kind, text=text,
                      actor=actor, recorded_at=now)
    session.add(row)
    breach.updated_at = now
    audit(session, "timeline", "", "added", now=now, breach=breach,
          changes=[Change("at", None, require_aware(at).isoformat(timespec="seconds")),
                   Change("kind", None, kind), Change("text", None, text),
                   Change("actor", None, actor)],
          summary=f"Timeline entry added ({kind}).")
    return row


def current_user(session: Session) -> str:
    """Who is using the app: the user name in Settings, or else the DPO named there."""
    org = session.get(OrganisationRow, 1)
    if org is None:
        return ""
    return (org.user_name or "").strip() or (org.dpo_name or "").strip()


def _head(session: Session) -> tuple[int, str]:
    cached = session.info.get(_HEAD)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    last = session.execute(select(AuditRow.id, AuditRow.sha256)
                           .order_by(AuditRow.id.desc()).limit(1)).first()
    return (int(last[0]), str(last[1])) if last is not None else (0, GENESIS)


def audit(session: Session, entity: str, entity_id: object, action: str, *,
          now: datetime, changes: Iterable[Change] = (), breach: BreachRow | int | None = None,
          summary: str = "") -> AuditRow:
    """Append one event to the audit trail (in the caller's unit of work, so it is kept
    exactly when the change is)."""
    seq, prev = _head(session)
    seq += 1
    breach_id = breach.id if isinstance(breach, BreachRow) else breach
    items = tuple(changes)
    user = current_user(session)
    at = require_aware(now)
    document = event_document(seq, at, user, breach_id, entity, str(entity_id), action,
                              items, summary, prev)
    sha = digest(document)
    row = AuditRow(id=seq, at=at, user=user, breach_id=breach_id, entity=entity,
                   entity_id=str(entity_id), action=action,
                   changes_json=canonical(document["changes"]), summary=summary,
                   prev_sha256=prev, sha256=sha)
    session.add(row)
    session.info[_HEAD] = (seq, sha)
    # References and kinds only: never a value (they may hold personal data).
    log.debug("audit %s %s %s breach=%s fields=%d", seq, entity, action, breach_id, len(items))
    return row


def loads_changes(text: str) -> list[list[object]]:
    rows = json.loads(text)
    return rows if isinstance(rows, list) else []
