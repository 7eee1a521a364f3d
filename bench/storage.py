"""The same storage workload on the encrypted vault and on a plain SQLite file.

Both go through the app's own services over the same SQLite library (SQLCipher without a
key is plain SQLite), with the same pragmas and transactions, so the ratio is the price of
the encryption alone: writing breaches (with their audit events), assessing some, listing,
opening each one and reading the register cold.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from functools import partial
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine

from model.domain.facts import BreachFacts, facts_from_document
from model.services.assessments import AssessmentService
from model.services.breaches import BreachService
from model.services.cases import CaseService
from model.services.register import RegisterService
from model.services.unit import Database
from model.storage.engine import build_engine, with_transactions
from model.storage.migrate import ensure_current

ROOT = Path(__file__).resolve().parents[1]
KEY = bytes(range(32))


def seed_facts() -> BreachFacts:
    return facts_from_document(json.loads((ROOT / "tests/data/seed-case.json").read_text()))


def _plain_connect(path: Path) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=10)
    for pragma in ("foreign_keys = ON", "temp_store = MEMORY", "secure_delete = ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def plain_engine(path: Path) -> Engine:
    return with_transactions(create_engine(f"sqlite:///{path}", module=sqlcipher,
                                           creator=lambda: _plain_connect(path)))


class Side:
    """One database and the services over it, with the time its steps took."""

    def __init__(self, engine: Engine, path: Path) -> None:
        ensure_current(engine, path, path.parent / "backups", create=True)
        self.engine = engine
        self.db = Database(engine)
        self.breaches = BreachService(self.db)
        self.cases = CaseService(self.db)
        self.assessments = AssessmentService(self.db)
        self.register = RegisterService(self.db, self.cases)
        self.ids: list[int] = []
        self.seconds = 0.0

    def timed(self, step: Callable[[Side], object]) -> None:
        start = time.perf_counter()
        step(self)
        self.seconds += time.perf_counter() - start


def _steps(breaches: int) -> Iterator[Callable[[Side], object]]:
    """The workload as small steps: writing breaches (with their audit events), assessing
    some, listing, opening each one, and reading the register as after a write."""
    seed = seed_facts()
    aware = seed.aware_at
    assert aware is not None
    for i in range(breaches):
        yield partial(_create, replace(seed, title=f"Breach {i}",
                                       aware_at=aware + timedelta(hours=i)))
    for n in range(0, breaches, max(1, breaches // 50)):
        yield partial(_assess, n)
    for _ in range(10):
        yield _list
    for n in range(breaches):
        yield partial(_load, n)
    for _ in range(3):
        yield _register_cold


def _create(facts: BreachFacts, side: Side) -> None:
    side.ids.append(side.breaches.create(facts, actor="Bench").id)


def _assess(n: int, side: Side) -> None:
    side.assessments.assess(side.ids[n], actor="Bench")


def _list(side: Side) -> None:
    side.breaches.list()


def _load(n: int, side: Side) -> None:
    side.cases.load(side.ids[n])


def _register_cold(side: Side) -> None:
    side.db.generation += 1  # as after a write elsewhere: the register is read again
    side.register.rows()


def encrypted_over_plain(folder: Path, breaches: int = 400) -> tuple[float, float]:
    """(encrypted seconds, plain seconds) for the workload. Each step runs on one database
    and then the other (the first one alternating), so both see the same machine: on a
    busy 2-core machine, timing one whole run after the other measures the noise."""
    encrypted = Side(build_engine(folder / "encrypted.db", KEY), folder / "encrypted.db")
    plain = Side(plain_engine(folder / "plain.db"), folder / "plain.db")
    try:
        for n, step in enumerate(_steps(breaches)):
            first, second = (encrypted, plain) if n % 2 == 0 else (plain, encrypted)
            first.timed(step)
            second.timed(step)
    finally:
        encrypted.engine.dispose()
        plain.engine.dispose()
    return encrypted.seconds, plain.seconds
