"""The one place rows become records and records become rows.

Facts are written only through `store_facts`, which also keeps the breach's query columns
and tags in step with them, so the register counts and filters without parsing JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from model.domain.deadlines import deadline_for
from model.domain.enums import BreachStatus, Regime, Sector
from model.domain.facts import BreachFacts
from model.domain.records import (
    AssessmentRecord,
    Attachment,
    Breach,
    BreachSummary,
    DecisionRecord,
    OrganisationProfile,
    Restriction,
    TimelineEvent,
)
from model.domain.risk.stored import result_from_document
from model.storage import facts_codec
from model.storage.orm import (
    AssessmentRow,
    AttachmentRow,
    BreachFactsRow,
    BreachRow,
    BreachTagRow,
    DecisionRow,
    OrganisationRow,
    TimelineRow,
)

# The many-valued facts kept as tags: tag kind -> BreachFacts attribute.
TAGGED: dict[str, str] = {
    "breach_type": "breach_types",
    "data_category": "data_categories",
    "subject_category": "data_subject_categories",
    "consequence": "consequences",
}
# The columns a breaches list needs, in BreachSummary order after id.
SUMMARY_COLUMNS = (BreachRow.id, BreachRow.reference, BreachRow.title, BreachRow.status,
                   BreachRow.regime, BreachRow.aware_at, BreachRow.notified_at,
                   BreachRow.created_at, BreachRow.updated_at, BreachRow.near_miss)


def facts_of(row: BreachRow) -> BreachFacts:
    return facts_codec.loads(row.document.facts_json)


def store_facts(row: BreachRow, facts: BreachFacts) -> None:
    """Write `facts` into `row`: the document, the query columns and the tags."""
    text = facts_codec.dumps(facts)
    if row.id is None or row.document is None:
        row.document = BreachFactsRow(facts_json=text)
    else:
        row.document.facts_json = text
    row.title = facts.title
    row.regime = facts.regime.value
    row.aware_at = facts.aware_at
    row.occurred_at = facts.occurred_at
    row.discovered_at = facts.discovered_at
    row.deadline_at = deadline_for(facts.regime, facts.aware_at) if facts.aware_at else None
    row.subjects_count = facts.subjects_count
    row.records_count = facts.records_count
    row.cyber_incident = facts.cyber_incident.value if facts.cyber_incident else None
    row.processor_name = facts.processor_name
    wanted = {(kind, item.value) for kind, attr in TAGGED.items()
              for item in getattr(facts, attr)}
    current = {(t.kind, t.value): t for t in row.tags} if row.id is not None else {}
    for key in current.keys() - wanted:
        row.tags.remove(current[key])
    for kind, value in sorted(wanted - current.keys()):
        row.tags.append(BreachTagRow(kind=kind, value=value))


def to_breach(row: BreachRow) -> Breach:
    return Breach(id=row.id, reference=row.reference, status=BreachStatus(row.status),
                  facts=facts_of(row), notified_at=row.notified_at,
                  created_at=row.created_at, updated_at=row.updated_at,
                  near_miss=bool(row.near_miss), imported_from=row.imported_from or "")


# The list as one plain statement: 10,000 rows through SQLAlchemy's result processing took
# three times as long as reading them (the values are parsed once, here, below).
SUMMARY_SQL = ("SELECT " + ", ".join(c.key for c in SUMMARY_COLUMNS)
               + " FROM breach ORDER BY id")
_STATUSES = {s.value: s for s in BreachStatus}
_REGIMES = {r.value: r for r in Regime}


def _moment(text: str | None) -> datetime | None:
    # Stored by orm.UtcDateTime as ISO text with +00:00: parsing gives an aware UTC time.
    return None if text is None else datetime.fromisoformat(text)


def summaries(raw_rows: Iterable[tuple[Any, ...]]) -> list[BreachSummary]:
    """List rows from the plain tuples of SUMMARY_SQL."""
    return [BreachSummary(id=i, reference=ref, title=title, status=_STATUSES[status],
                          regime=_REGIMES[regime], aware_at=_moment(aware),
                          notified_at=_moment(notified), created_at=datetime.fromisoformat(created),
                          updated_at=datetime.fromisoformat(updated), near_miss=bool(near))
            for i, ref, title, status, regime, aware, notified, created, updated, near
            in raw_rows]


def to_summary(row: Any) -> BreachSummary:
    """A list row from an ORM row or from a SUMMARY_COLUMNS select."""
    return BreachSummary(id=row.id, reference=row.reference, title=row.title,
                         status=BreachStatus(row.status), regime=Regime(row.regime),
                         aware_at=row.aware_at, notified_at=row.notified_at,
                         created_at=row.created_at, updated_at=row.updated_at,
                         near_miss=bool(row.near_miss))


def to_event(row: TimelineRow) -> TimelineEvent:
    return TimelineEvent(id=row.id, breach_id=row.breach_id, at=row.at, kind=row.kind,
                         text=row.text, actor=row.actor, recorded_at=row.recorded_at)


def to_assessment(row: AssessmentRow) -> AssessmentRecord:
    return AssessmentRecord(
        id=row.id, breach_id=row.breach_id, version=row.version,
        method_version=row.method_version, facts=facts_codec.loads(row.facts_json),
        result=result_from_document(json.loads(row.result_json)),
        created_at=row.created_at, created_by=row.created_by, sha256=row.sha256 or "")


def to_decision(row: DecisionRow, version: int) -> DecisionRecord:
    restriction = None
    if row.restriction_ground is not None and row.restriction_review_on is not None:
        restriction = Restriction(row.restriction_ground, row.restriction_reasoning,
                                  row.restriction_review_on)
    return DecisionRecord(
        id=row.id, breach_id=row.breach_id, assessment_id=row.assessment_id,
        assessment_version=version, notify_ico=row.notify_ico,
        notify_ico_reason=row.notify_ico_reason, notify_subjects=row.notify_subjects,
        notify_subjects_reason=row.notify_subjects_reason, restriction=restriction,
        decided_by=row.decided_by, decided_at=row.decided_at, recorded_at=row.recorded_at)


def to_profile(row: OrganisationRow | None) -> OrganisationProfile:
    if row is None:
        return OrganisationProfile()
    return OrganisationProfile(
        name=row.name, address=row.address, sector=Sector(row.sector),
        ico_registration=row.ico_registration, dpo_name=row.dpo_name,
        dpo_email=row.dpo_email, dpo_phone=row.dpo_phone,
        default_regime=Regime(row.default_regime), time_zone=row.time_zone,
        user_name=row.user_name or "", lock_after_minutes=row.lock_after_minutes or 10,
        backups_kept=row.backups_kept if row.backups_kept is not None else 10)


def to_attachment(row: AttachmentRow) -> Attachment:
    return Attachment(id=row.id, breach_id=row.breach_id, owner=row.owner, name=row.name,
                      media_type=row.media_type, size=row.size, sha256=row.sha256,
                      added_by=row.added_by, added_at=row.added_at, note=row.note)
