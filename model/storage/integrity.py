"""Checking a vault's database below the ORM, so a damaged file is still examined:
SQLCipher's page check (every page's HMAC), SQLite's integrity check, foreign keys, and
the audit trail's hash chain (model.domain.audit). Each problem is one line of text."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from model.domain.audit import AuditEvent, changes_from_json, first_broken
from model.domain.errors import VaultError
from model.storage.engine import connect
from model.storage.orm_audit import AUDIT_TABLE

MAX_LISTED = 20  # problems of one kind listed before "and N more"


@dataclass(frozen=True)
class Report:
    problems: tuple[str, ...]
    events: int        # audit events checked
    head: str          # SHA-256 of the newest audit event ("" when none)

    @property
    def ok(self) -> bool:
        return not self.problems


def _listed(kind: str, rows: list[str]) -> list[str]:
    out = [f"{kind}: {r}" for r in rows[:MAX_LISTED]]
    if len(rows) > MAX_LISTED:
        out.append(f"{kind}: and {len(rows) - MAX_LISTED} more")
    return out


def _pragma(conn: sqlcipher.Connection, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in conn.execute(sql).fetchall()]


def _check(conn: sqlcipher.Connection, kind: str, sql: str,
           line: Callable[[tuple[object, ...]], str | None]) -> list[str]:
    """One check's problems; a check that cannot finish is a problem itself."""
    try:
        rows = _pragma(conn, sql)
    except sqlcipher.DatabaseError as err:
        return [f"{kind}: could not finish ({err})"]
    return _listed(kind, [text for text in map(line, rows) if text])


def _database_problems(conn: sqlcipher.Connection) -> list[str]:
    return (_check(conn, "SQLCipher page check", "PRAGMA cipher_integrity_check",
                   lambda r: str(r[0]))
            + _check(conn, "SQLite integrity check", "PRAGMA integrity_check",
                     lambda r: None if r[0] == "ok" else str(r[0]))
            + _check(conn, "foreign key check", "PRAGMA foreign_key_check",
                     lambda r: f"table {r[0]} row {r[1]} points to a missing {r[2]} row"))


def read_events(conn: sqlcipher.Connection) -> list[AuditEvent]:
    rows = conn.execute(
        f"SELECT id, at, user, breach_id, entity, entity_id, action, changes_json, summary, "
        f"prev_sha256, sha256 FROM {AUDIT_TABLE} ORDER BY id").fetchall()
    return [AuditEvent(int(r[0]), datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6],
                       changes_from_json(json.loads(r[7])), r[8], r[9], r[10]) for r in rows]


def _chain_problems(conn: sqlcipher.Connection) -> tuple[list[str], int, str]:
    exists = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                          "name = ?", (AUDIT_TABLE,)).fetchone()[0]
    if not exists:
        return ["audit trail: the audit_event table is missing"], 0, ""
    try:
        events = read_events(conn)
    except (ValueError, TypeError, IndexError, KeyError) as err:
        return [f"audit trail: an event cannot be read ({type(err).__name__})"], 0, ""
    problems = []
    broken = first_broken(events)
    if broken:
        problems.append(f"audit trail: first broken link: {broken}")
    counter = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?",
                           (AUDIT_TABLE,)).fetchone()
    last = events[-1].seq if events else 0
    if counter is not None and int(counter[0]) > last:
        problems.append(f"audit trail: the newest events {last + 1} to {counter[0]} were "
                        "removed")
    return problems, len(events), events[-1].sha256 if events else ""


def check_database(db_path: Path, key: bytes) -> Report:
    """Every check on the database at `db_path` opened with `key`; never raises for what it
    finds (a file that does not open at all is one problem)."""
    try:
        conn = connect(db_path, key)
    except VaultError as err:
        return Report((f"database: {err}",), 0, "")
    try:
        problems = _database_problems(conn)
        try:
            chain, events, head = _chain_problems(conn)
        except sqlcipher.DatabaseError as err:
            chain, events, head = [f"audit trail: cannot be read ({err})"], 0, ""
        return Report(tuple(problems + chain), events, head)
    except sqlcipher.DatabaseError as err:
        return Report((f"database: the checks stopped: {err}",), 0, "")
    finally:
        conn.close()
