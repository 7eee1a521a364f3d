"""Importing an existing register from CSV or XLSX: read the file, preview the rows under
a column mapping, then commit them all in one unit of work, or none (a bad row anywhere
stops the whole import). Imported breaches say where they came from."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from model.domain import audit
from model.domain.clock import DEFAULT_ZONE
from model.domain.enums import BreachStatus
from model.domain.errors import ValidationError
from model.domain.lessons.records import Lessons
from model.domain.progress import NoProgress, ProgressSink
from model.domain.register.importing import (
    MAX_ROWS,
    ImportedBreach,
    ImportPreview,
    Mapping,
    Value,
    preview,
)
from model.services import journal
from model.services.breaches import BreachService, facts_values
from model.services.unit import Database
from model.storage import mapping, mapping_lessons
from model.storage.orm import BreachRow, OrganisationRow
from model.storage.orm_lessons import LessonsRow

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceTable:
    """A spreadsheet's first sheet: its header row and data rows."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("file", "is not text in UTF-8 or Windows-1252")


def _read_csv(data: bytes) -> list[list[Value]]:
    text = _decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text), dialect)]


def _read_xlsx(data: bytes) -> list[list[Value]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a damaged file
        raise ValidationError("file", f"cannot be read as XLSX ({type(err).__name__})") \
            from None
    try:
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_table(path: Path) -> SourceTable:
    """The first sheet of a .csv or .xlsx file (header row first)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError("file", f"{path.name}: choose a .csv or .xlsx file")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError("file", f"{path.name} is larger than 20 MB")
        data = path.read_bytes()
    except OSError as err:
        raise ValidationError("file", f"cannot read {path}: {err.strerror or err}") from None
    rows = _read_csv(data) if suffix == ".csv" else _read_xlsx(data)
    rows = [r for r in rows if any(v not in (None, "") for v in r)] if rows else []
    if not rows:
        raise ValidationError("file", f"{path.name} is empty")
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError("file", f"{path.name} has more than {MAX_ROWS:,} rows")
    width = max(len(r) for r in rows)
    headers = tuple(str(h).strip() if h is not None else "" for h in rows[0]) + ("",) * (
        width - len(rows[0]))
    return SourceTable(path.name, headers, tuple(tuple(r) for r in rows[1:]))


class RegisterImportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _zone(self) -> str:
        with self._db.unit() as session:
            org = session.get(OrganisationRow, 1)
            return org.time_zone if org is not None else DEFAULT_ZONE

    def read(self, path: Path) -> SourceTable:
        return read_table(path)

    def preview(self, table: SourceTable, column_map: Mapping) -> ImportPreview:
        """Every row parsed under the mapping; bad rows listed with their reason."""
        return preview(table.rows, column_map, self._zone(), self._db.clock())

    def commit(self, table: SourceTable, column_map: Mapping, actor: str = "",
               progress: ProgressSink | None = None) -> list[str]:
        """Store every row as an imported breach, in one unit of work; refused (nothing
        stored) if any row is bad. Returns the new references."""
        result = self.preview(table, column_map)
        if result.bad:
            listed = "; ".join(f"row {p.line}: {p.reason}" for p in result.bad[:10])
            more = f" (and {len(result.bad) - 10} more)" if len(result.bad) > 10 else ""
            raise ValidationError("import", f"nothing was imported: {len(result.bad)} row"
                                  f"{'s' if len(result.bad) != 1 else ''} cannot be read: "
                                  f"{listed}{more}")
        if not result.good:
            raise ValidationError("import", "nothing to import: the file has no data rows")
        sink = progress or NoProgress()
        now = self._db.clock()
        references = []
        with self._db.unit() as session:
            for i, item in enumerate(result.good):
                sink.step(i, len(result.good), f"Importing row {item.line}")
                references.append(self._store(session, item, table.name, actor, now))
        return references

    @staticmethod
    def _store(session, item: ImportedBreach, source: str, actor: str, now) -> str:  # type: ignore[no-untyped-def]
        logged = item.facts.discovered_at or now
        status = item.status
        if item.ico_told_at is not None and status in (BreachStatus.OPEN,
                                                       BreachStatus.NOT_NOTIFIABLE):
            status = BreachStatus.NOTIFIED
        row = BreachRow(reference=BreachService._next_reference(session, logged),
                        status=status.value, created_at=now, updated_at=now,
                        near_miss=item.near_miss, notified_at=item.ico_told_at)
        mapping.store_facts(row, item.facts)
        theirs = f", their reference {item.reference}" if item.reference else ""
        row.imported_from = f"{source} row {item.line}{theirs}"
        if item.ico_told_at is not None or item.decision_reason:
            mapping_lessons.store_decision_columns(row, item.ico_told_at is not None, False,
                                                   item.decision_reason, "")
            row.notify_subjects = item.people_told_at is not None
        session.add(row)
        session.flush()
        journal.audit(session, "breach", row.reference, "created", now=now, breach=row,
                      changes=audit.created({**facts_values(item.facts),
                                             "status": status.value,
                                             "imported_from": row.imported_from}),
                      summary="Breach imported from a register file.")
        journal.record(session, row, at=now, kind="created", actor=actor, now=now,
                       text=f"Imported as {row.reference} from {row.imported_from}, status "
                       f"{status.label.lower()}.")
        if item.people_told_at is not None:
            journal.record(session, row, at=item.people_told_at, kind="people_told",
                           text="People affected told (from the imported register).",
                           actor=actor, now=now)
        if item.incident_type or item.cause or item.team:
            lessons = LessonsRow(breach_id=row.id, updated_at=now, updated_by=actor)
            mapping_lessons.store_lessons(lessons, Lessons(
                incident_type=item.incident_type, primary_cause=item.cause, team=item.team))
            session.add(lessons)
        return row.reference
