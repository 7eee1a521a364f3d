"""Recipients of the letters: a CSV import (previewed, then all or nothing), entries typed
one by one, edits and removal. A second entry for one address merges into the first.
Each public call is one unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.domain import audit
from model.domain.errors import NotFoundError, ValidationError, WorkflowError
from model.domain.people.csv_import import (
    ImportPreview,
    Mapping,
    RowProblem,
    guess_mapping,
    preview,
    read_table,
)
from model.domain.people.recipients import (
    Recipient,
    RecipientDraft,
    address_key,
    check_recipient,
    merge,
)
from model.services import journal
from model.services.unit import Database, breach_row
from model.storage import mapping_people as m
from model.storage.orm_people import ContactRow, RecipientRow


class ImportRefusedError(ValidationError):
    """Some rows are not valid: nothing was imported. `problems` lists every bad row."""

    def __init__(self, problems: tuple[RowProblem, ...]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more rows)" if len(problems) > 1 else ""
        super().__init__("file", f"row {first.row}: {first.text}{more}. Nothing was "
                         "imported: correct the file and import it again.")


@dataclass(frozen=True)
class ImportResult:
    added: int
    merged: int      # rows joined to another entry (in the file or already stored)


_breach = breach_row


def _keys(session: Session, breach_id: int) -> dict[str, int]:
    rows = session.execute(select(RecipientRow.address_key, RecipientRow.number)
                           .where(RecipientRow.breach_id == breach_id)).all()
    return {key: number for key, number in rows}


def _next_number(session: Session, breach_id: int) -> int:
    top = session.scalar(select(func.max(RecipientRow.number))
                         .where(RecipientRow.breach_id == breach_id))
    return int(top or 0) + 1


def _by_number(session: Session, breach_id: int, number: int) -> RecipientRow:
    row = session.scalar(select(RecipientRow).where(RecipientRow.breach_id == breach_id,
                                                    RecipientRow.number == number))
    assert row is not None, "address key without a row"
    return row


def _values(row: RecipientRow) -> dict[str, object]:
    return audit.record_values(m.to_recipient(row), skip=("id", "breach_id", "merged"))


def _audit(session: Session, row: RecipientRow, action: str, before: dict[str, object],
           now: datetime) -> None:
    """The audit event of a recipient added, merged into or edited."""
    breach = _breach(session, row.breach_id)
    journal.audit(session, "recipient", f"{breach.reference}-{row.number:03d}", action,
                  now=now, breach=breach, changes=audit.changes_between(before, _values(row)))


class RecipientService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def preview(self, breach_id: int, data: bytes,
                mapping: Mapping | None = None) -> ImportPreview:
        """The file read, its columns matched (or as `mapping` says), every row checked;
        nothing is written."""
        table = read_table(data)
        chosen = guess_mapping(table.headers) if mapping is None else mapping
        with self._db.unit() as session:
            _breach(session, breach_id)
            return preview(table, chosen, _keys(session, breach_id))

    def import_csv(self, breach_id: int, data: bytes, mapping: Mapping, source: str = "",
                   actor: str = "") -> ImportResult:
        """Import every row, or none: any bad row refuses the whole file."""
        table = read_table(data)
        now = self._db.clock()
        with self._db.unit() as session:
            breach = _breach(session, breach_id)
            result = preview(table, mapping, _keys(session, breach_id))
            if result.problems:
                raise ImportRefusedError(result.problems)
            if not result.rows:
                raise ValidationError("file", "has no recipients")
            number = _next_number(session, breach_id)
            label = f"CSV {source}".strip()
            for item in result.rows:
                merged_in = tuple(f"row {r} of {label}" for r in item.merged_rows)
                if item.existing is not None:
                    row = _by_number(session, breach_id, item.existing)
                    m.store_recipient(row, merge(m.draft_of(row), item.draft))
                    row.merged = "\n".join(x for x in (row.merged, f"row {item.row} of "
                                                       f"{label}", *merged_in) if x)
                    continue
                row = RecipientRow(breach_id=breach_id, number=number, source=label,
                                   merged="\n".join(merged_in), added_at=now, added_by=actor)
                m.store_recipient(row, item.draft)
                session.add(row)
                number += 1
            added = sum(i.existing is None for i in result.rows)
            journal.audit(session, "recipients", breach.reference, "imported", now=now,
                          breach=breach, changes=audit.changes_between({}, {
                              "source": label, "added": added, "merged": result.merged}))
            journal.record(session, breach, at=now, kind="people", actor=actor, now=now,
                           text=f"Recipients imported from {label}: {added} added, "
                                f"{result.merged} merged by address.")
            return ImportResult(added, result.merged)

    def add(self, breach_id: int, draft: RecipientDraft,
            actor: str = "") -> tuple[Recipient, bool]:
        """Add one typed recipient; (the recipient, True) when it merged into one already
        at that address."""
        checked = check_recipient(draft)
        now = self._db.clock()
        with self._db.unit() as session:
            breach = _breach(session, breach_id)
            number = _keys(session, breach_id).get(address_key(checked.lines,
                                                               checked.postcode))
            before: dict[str, object] = {}
            if number is not None:
                row = _by_number(session, breach_id, number)
                before = _values(row)
                m.store_recipient(row, merge(m.draft_of(row), checked))
                row.merged = "\n".join(x for x in (row.merged, f"{checked.name} (typed in)")
                                       if x)
                text = f"Recipient {checked.name} merged into no. {number} (same address)."
            else:
                row = RecipientRow(breach_id=breach_id, number=_next_number(session,
                                                                            breach_id),
                                   source="typed in", merged="", added_at=now, added_by=actor)
                m.store_recipient(row, checked)
                session.add(row)
                session.flush()
                text = f"Recipient no. {row.number} added: {checked.name}."
            session.flush()
            _audit(session, row, "merged" if number is not None else "added", before, now)
            journal.record(session, breach, at=now, kind="people", actor=actor, now=now,
                           text=text)
            return m.to_recipient(row), number is not None

    def update(self, recipient_id: int, draft: RecipientDraft, actor: str = "") -> Recipient:
        checked = check_recipient(draft)
        now = self._db.clock()
        with self._db.unit() as session:
            row = session.get(RecipientRow, recipient_id)
            if row is None:
                raise NotFoundError(f"No recipient with id {recipient_id}.")
            other = _keys(session, row.breach_id).get(address_key(checked.lines,
                                                                  checked.postcode))
            if other is not None and other != row.number:
                raise ValidationError("address", f"is the address of recipient no. {other}: "
                                      "one letter goes to one address, so add this name "
                                      "to that entry instead")
            before = _values(row)
            m.store_recipient(row, checked)
            _audit(session, row, "changed", before, now)
            journal.record(session, _breach(session, row.breach_id), at=now, kind="people",
                           actor=actor, now=now,
                           text=f"Recipient no. {row.number} edited: {checked.name}.")
            return m.to_recipient(row)

    def remove(self, recipient_id: int, actor: str = "") -> None:
        """Remove an entry made in error; one with a contact record stays (it is evidence)."""
        now = self._db.clock()
        with self._db.unit() as session:
            row = session.get(RecipientRow, recipient_id)
            if row is None:
                raise NotFoundError(f"No recipient with id {recipient_id}.")
            told = session.scalar(select(func.count(ContactRow.id))
                                  .where(ContactRow.recipient_id == recipient_id))
            if told:
                raise WorkflowError(f"Recipient no. {row.number} has a record of being "
                                    "contacted, which is kept as evidence, so it stays on "
                                    "the list.")
            breach = _breach(session, row.breach_id)
            journal.audit(session, "recipient", f"{breach.reference}-{row.number:03d}",
                          "removed", now=now, breach=breach,
                          changes=audit.changes_between(_values(row), {}))
            session.delete(row)
            journal.record(session, breach, at=now, kind="people", actor=actor, now=now,
                           text=f"Recipient no. {row.number} removed: {row.name}.")
