"""Writing the planned register into the vault: rows made by the app's own mapping functions
(store_facts and its tags, store_lessons, store_action, store_recipient, answers_dumps...)
and inserted in large batches, in one unit of work per table."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table

from bench.synth_actions import ActionPlan
from bench.synth_base import AS_OF, ORGANISATION, START, local_day
from bench.synth_case import Extra
from bench.synth_ico import filing_draft
from bench.synth_life import Life
from bench.synth_people import SOURCE, People, recipient_drafts
from model.domain.lessons.checks import clean_lessons
from model.domain.lessons.records import Lessons, action_reference
from model.domain.lessons.taxonomy import ActionStatus
from model.domain.people.contacts import Channel
from model.domain.snapshot import sha256_hex
from model.services.organisation import validate_profile
from model.services.unit import Database
from model.storage import mapping, mapping_ico, mapping_lessons, mapping_people
from model.storage.orm import (
    AssessmentRow,
    BreachFactsRow,
    BreachRow,
    BreachTagRow,
    DecisionRow,
    OrganisationRow,
    TimelineRow,
)
from model.storage.orm_ico import IcoFilingRow, IcoReportRow
from model.storage.orm_lessons import ActionBreachRow, ActionRow, LessonsRow
from model.storage.orm_people import ContactRow, LetterRow, RecipientRow

CHUNK = 10_000
Row = dict[str, Any]
Entry = tuple[datetime, datetime, int, str, str, str]  # recorded, at, breach, kind, text, actor


def columns(row: Any) -> Row:
    """An ORM object's column values, the column default where none was set."""
    out: Row = {}
    for c in type(row).__table__.columns:
        value = getattr(row, c.key)
        if value is None and c.default is not None and c.default.is_scalar:
            value = c.default.arg
        out[c.key] = value
    return out


def insert(db: Database, table: Table, rows: Iterable[Row],
           done: Callable[[int], None] | None = None) -> int:
    """Insert in chunks inside one unit of work; the number of rows written."""
    count = 0
    with db.unit() as session:
        conn = session.connection()
        chunk: list[Row] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                conn.execute(table.insert(), chunk)
                count += len(chunk)
                chunk = []
                if done:
                    done(count)
        if chunk:
            conn.execute(table.insert(), chunk)
            count += len(chunk)
    if done:
        done(count)
    return count


def organisation_row() -> Row:
    """The profile as OrganisationService.save writes it."""
    validate_profile(ORGANISATION)
    row = OrganisationRow(id=1, updated_at=START)
    for f in fields(ORGANISATION):
        value = getattr(ORGANISATION, f.name)
        setattr(row, f.name, value.value if hasattr(value, "value") else value)
    return columns(row)


def lessons_changed(lessons: Lessons) -> list[str]:
    """What LessonsService.save lists in the timeline for a first save."""
    return [f.name.replace("_", " ") for f in fields(Lessons)
            if f.name not in ("updated_at", "updated_by", "taxonomy_version")
            and getattr(Lessons(), f.name) != getattr(lessons, f.name)]


def _life_entries(life: Life, extra: Extra, pdf_sha: str) -> Iterator[Entry]:
    for e in life.events:
        yield e.rec, e.at, life.id, e.kind, e.text, e.actor
    old = None
    for m in life.moves:
        before = old.label if old else "Open"
        yield m.rec, m.at, life.id, "status", f"Status: {before} → {m.new.label}. " \
                                              f"{m.note}".strip(), m.actor
        old = m.new
    for plan in life.filings:
        draft = filing_draft(plan)
        yield plan.rec, plan.filed_at, life.id, "ico_filing", (
            f"{draft.report_type.label} filed with the ICO via {draft.channel.label} "
            f"(version {plan.version}; PDF SHA-256 {pdf_sha[:12]}…)."), plan.actor
    if life.lessons is not None and life.lessons_at is not None:
        changed = lessons_changed(clean_lessons(life.lessons).content())
        yield life.lessons_at, life.lessons_at, life.id, "lessons", \
            "Lessons updated: " + ", ".join(changed) + ".", life.lessons_by
    people = extra.people
    if people is not None and people.count:
        yield people.letter_at, people.letter_at, life.id, "people", \
            f"The letter to the people affected saved ({extra.variant_label}).", \
            people.letter_by
        yield people.import_at, people.import_at, life.id, "people", (
            f"Recipients imported from CSV {SOURCE}: {people.count} added, 0 merged by "
            "address."), people.import_by
        for b in people.batches:
            n = len(b.numbers)
            yield b.rec, b.at, life.id, "people_contact", (
                f"{n} recipient{'s' if n != 1 else ''} by {b.channel.label.lower()} "
                f"({b.outcome.label.lower()}), by {b.by}."), b.actor


def _action_entries(plan: ActionPlan) -> Iterator[Entry]:
    d, ref = plan.draft, action_reference(plan.id)
    assert d.due_on is not None
    notes = [(plan.raised, f"Action {ref} raised ({d.kind.label.split(' (')[0].lower()}, "
              f"owner {d.owner}, due {d.due_on:%d %b %Y}): {d.description}", plan.raised_by)]
    if plan.started is not None and plan.started <= AS_OF:
        notes.append((plan.started, f"Action {ref} work started.", plan.raised_by))
    if plan.settled <= AS_OF:
        text = (f"Action {ref} done on {plan.completed_on:%d %b %Y}. Evidence: "
                f"{plan.evidence}" if plan.completed_on else
                f"Action {ref} will not be done: {plan.wont[0]} Risk accepted by "
                f"{plan.wont[1]}.")
        notes.append((plan.settled, text, plan.settled_by))
        if plan.completed_on and plan.review_at and plan.review_at <= AS_OF and plan.verdict:
            text = (f"Action {ref} reviewed on {local_day(plan.review_at):%d %b %Y} by "
                    f"{plan.reviewer}: {plan.verdict.label.split(' (')[0]}."
                    + (f" {plan.review_note}" if plan.review_note else ""))
            notes.append((plan.review_at, text, plan.settled_by))
    for at, text, who in notes:
        for life in plan.breaches:
            yield at, at, life.id, "capa", text, who


def timeline(lives: list[Life], extras: list[Extra], actions: list[ActionPlan],
             pdf_sha: str) -> list[Entry]:
    """Every timeline entry, in the order they were recorded (which gives their ids)."""
    entries = [e for life, extra in zip(lives, extras, strict=True)
               for e in _life_entries(life, extra, pdf_sha)]
    entries += [e for plan in actions for e in _action_entries(plan)]
    order = sorted(range(len(entries)), key=lambda i: (entries[i][0], entries[i][2], i))
    return [entries[i] for i in order]  # ties keep the order written (created first)


def breach_rows(lives: list[Life], updated: dict[int, datetime],
                tags: list[Row], facts: list[Row]) -> Iterator[Row]:
    """Each breach row through mapping.store_facts (query columns, tags and the facts
    document, kept in breach_facts) and the register's copies of the assessment and the
    decision (mapping_lessons)."""
    for life in lives:
        row = BreachRow(id=life.id, reference=life.reference, status=life.status.value,
                        created_at=life.created, updated_at=updated[life.id],
                        notified_at=life.notified_at, near_miss=life.near_miss)
        mapping.store_facts(row, life.facts)
        if life.assessment is not None:
            mapping_lessons.store_assessment_columns(row, life.assessment.risk.value)
        d = life.decision
        if d is not None:
            mapping_lessons.store_decision_columns(row, d.notify_ico, d.notify_subjects,
                                                   d.notify_ico_reason.strip(),
                                                   d.notify_subjects_reason.strip())
        tags.extend({"breach_id": life.id, "kind": t.kind, "value": t.value}
                    for t in row.tags)
        facts.append({"breach_id": life.id, "facts_json": row.document.facts_json})
        yield columns(row)


def assessment_rows(lives: list[Life], extras: list[Extra]) -> Iterator[Row]:
    for life, extra in zip(lives, extras, strict=True):
        if life.assessment is None:
            continue
        yield {"id": extra.assessment_id, "breach_id": life.id, "version": 1,
               "method_version": life.assessment.method_version,
               "facts_json": json.dumps(extra.facts_doc, ensure_ascii=False, sort_keys=True),
               "result_json": json.dumps(extra.result_doc, ensure_ascii=False),
               "created_at": life.assessed_at, "created_by": life.assessor,
               "sha256": extra.assessment_sha}


def decision_rows(lives: list[Life], extras: list[Extra]) -> Iterator[Row]:
    for life, extra in zip(lives, extras, strict=True):
        d = life.decision
        if d is None:
            continue
        r = d.restriction
        yield {"id": extra.decision_id, "breach_id": life.id,
               "assessment_id": extra.assessment_id, "notify_ico": d.notify_ico,
               "notify_ico_reason": d.notify_ico_reason.strip(),
               "notify_subjects": d.notify_subjects,
               "notify_subjects_reason": d.notify_subjects_reason.strip(),
               "restriction_ground": r.ground if r else None,
               "restriction_reasoning": r.reasoning.strip() if r else "",
               "restriction_review_on": r.review_on if r else None,
               "decided_by": d.decided_by.strip(), "decided_at": d.decided_at,
               "recorded_at": life.decided_rec}


def ico_rows(lives: list[Life], extras: list[Extra], pdf: bytes,
             reports: list[Row]) -> Iterator[Row]:
    """Filings (answers snapshot and the one PDF); the report answers as last saved."""
    pdf_sha = sha256_hex(pdf)
    for life, extra in zip(lives, extras, strict=True):
        if life.answers:
            at, _, answers, who = life.answers[-1]
            reports.append({"breach_id": life.id, "answers_json":
                            mapping_ico.answers_dumps(answers), "updated_at": at,
                            "updated_by": who})
        for plan in life.filings:
            snap, draft = extra.snapshots[plan.version], filing_draft(plan)
            yield {"id": plan.id, "breach_id": life.id, "version": plan.version,
                   "report_type": plan.report_type.value, "channel": plan.channel.value,
                   "filed_at": plan.filed_at, "recorded_at": plan.rec,
                   "recorded_by": plan.actor, "case_reference": plan.answers.case_reference,
                   "delay_reasons": draft.delay_reasons.strip(), "note": "",
                   "snapshot_json": snap.text, "snapshot_sha256": snap.sha256, "pdf": pdf,
                   "pdf_sha256": pdf_sha, "pdf_size": len(pdf)}


def lessons_rows(lives: list[Life]) -> Iterator[Row]:
    for life in lives:
        if life.lessons is None:
            continue
        row = LessonsRow(breach_id=life.id, updated_at=life.lessons_at,
                         updated_by=life.lessons_by)
        mapping_lessons.store_lessons(row, clean_lessons(life.lessons).content())
        yield columns(row)


def action_rows(actions: list[ActionPlan], links: list[Row]) -> Iterator[Row]:
    """Each action as it stands at AS_OF (ActionRow via mapping_lessons.store_action)."""
    for plan in actions:
        status = plan.status_at(AS_OF)
        done, wont = status is ActionStatus.DONE, status is ActionStatus.WONT_DO
        reviewed = done and plan.verdict is not None and plan.review_at is not None \
            and plan.review_at <= AS_OF
        moments = [plan.raised] + [m for m in (plan.started, plan.settled, plan.review_at)
                                   if m is not None and m <= AS_OF]
        row = ActionRow(id=plan.id, status=status.value, raised_on=local_day(plan.raised),
                        created_by=plan.raised_by, created_at=plan.raised,
                        updated_at=max(moments), follow_up_of=plan.parent.id
                        if plan.parent else None,
                        completed_on=plan.completed_on if done else None,
                        evidence_note=plan.evidence if done else "",
                        wont_do_reason=plan.wont[0] if wont else "",
                        risk_accepted_by=plan.wont[1] if wont else "",
                        verdict=plan.verdict.value if reviewed and plan.verdict else None,
                        reviewed_on=local_day(plan.review_at) if reviewed and plan.review_at
                        else None, reviewed_by=plan.reviewer if reviewed else "",
                        review_note=plan.review_note if reviewed else "")
        mapping_lessons.store_action(row, plan.draft)
        links.extend({"action_id": plan.id, "breach_id": life.id} for life in plan.breaches)
        yield columns(row)


def people_rows(groups: list[People], extras: dict[int, Extra],
                contacts: list[Row], letters: list[Row]) -> Iterator[Row]:
    """Recipients (mapping_people.store_recipient), their contact log and letters."""
    contact_id = 0
    for g in sorted(groups, key=lambda g: g.first_id):
        extra = extras[g.life.id]
        if not g.count or extra.letter is None:
            continue
        letters.append({"id": len(letters) + 1, "breach_id": g.life.id, "kind": "letter",
                        "text_json": extra.letter.text, "sha256": extra.letter.sha256,
                        "saved_at": g.letter_at, "saved_by": g.letter_by})
        for number, draft in enumerate(recipient_drafts(g), 1):
            row = RecipientRow(id=g.first_id + number - 1, breach_id=g.life.id,
                               number=number, source=f"CSV {SOURCE}", merged="",
                               added_at=g.import_at, added_by=g.import_by)
            mapping_people.store_recipient(row, draft)
            yield columns(row)
        for b in g.batches:
            sha = extra.letter.sha256 if b.channel in (Channel.POST, Channel.EMAIL) else ""
            for x in sorted(b.numbers):
                contact_id += 1
                contacts.append({"id": contact_id, "breach_id": g.life.id,
                                 "recipient_id": g.first_id + x - 1,
                                 "channel": b.channel.value, "at": b.at, "by": b.by,
                                 "outcome": b.outcome.value, "note": b.note,
                                 "letter_sha256": sha, "recorded_at": b.rec,
                                 "recorded_by": b.actor})


TABLES: dict[str, Table] = {name: cast(Table, row.__table__) for name, row in (
    ("breach", BreachRow), ("facts", BreachFactsRow), ("tag", BreachTagRow),
    ("timeline", TimelineRow),
    ("assessment", AssessmentRow), ("decision", DecisionRow), ("report", IcoReportRow),
    ("filing", IcoFilingRow), ("lessons", LessonsRow), ("action", ActionRow),
    ("link", ActionBreachRow), ("letter", LetterRow), ("recipient", RecipientRow),
    ("contact", ContactRow), ("organisation", OrganisationRow))}
