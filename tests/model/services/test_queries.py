"""Storage that answers questions: the breaches list selects columns (no facts parsed), a
count by data category over 10,000 breaches is one SQL query, and opening a breach in the
workspace is at most two units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, insert

from model.domain.enums import DataCategory
from model.storage.orm import BreachFactsRow, BreachRow, BreachTagRow

N = 10_000
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


@contextmanager
def statements(ctx) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """The SQL statements SQLite runs inside the block (SQLite's own trace, so a statement
    sent straight to the driver, as the breaches list does, is seen too)."""
    seen: list[str] = []
    traced: list[object] = []

    def checkout(dbapi_conn, _record, _proxy) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.set_trace_callback(seen.append)
        traced.append(dbapi_conn)

    event.listen(ctx.db.engine, "checkout", checkout)
    try:
        yield seen
    finally:
        event.remove(ctx.db.engine, "checkout", checkout)
        for conn in traced:
            conn.set_trace_callback(None)  # type: ignore[attr-defined]


@pytest.fixture
def ten_thousand(ctx):  # type: ignore[no-untyped-def]
    """10,000 breaches written straight into the tables (the services take minutes)."""
    cats = list(DataCategory)
    with ctx.db.unit() as session:
        session.execute(insert(BreachRow), [
            {"id": i, "reference": f"BR-2026-{i:05d}", "title": f"Breach {i}",
             "status": "open", "regime": "uk_gdpr",
             "created_at": STAMP, "updated_at": STAMP} for i in range(1, N + 1)])
        session.execute(insert(BreachFactsRow), [
            {"breach_id": i, "facts_json": '{"_v": 1}'} for i in range(1, N + 1)])
        session.execute(insert(BreachTagRow), [
            {"breach_id": i, "kind": "data_category", "value": cats[i % len(cats)].value}
            for i in range(1, N + 1)])
    return ctx


def _selects(seen: list[str]) -> list[str]:
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def test_the_breaches_list_selects_columns_not_the_facts(ten_thousand) -> None:  # type: ignore[no-untyped-def]
    with statements(ten_thousand) as seen:
        rows = ten_thousand.breaches.list()
    assert len(rows) == N
    [query] = _selects(seen)
    assert "facts_json" not in query and "reference" in query
    # SQLite answers it from the covering index alone: no breach page is read (decrypted).
    with ten_thousand.db.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + query))
    assert "COVERING INDEX ix_breach_list" in plan


def test_a_count_by_data_category_is_one_query(ten_thousand) -> None:  # type: ignore[no-untyped-def]
    with statements(ten_thousand) as seen:
        counts = ten_thousand.breaches.count_by("data_category")
    assert sum(counts.values()) == N
    assert len(_selects(seen)) == 1
    assert "facts_json" not in _selects(seen)[0]


def test_opening_a_breach_is_at_most_two_units_of_work(ctx, seed_doc, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.steps import STEPS
    from gui.workspace.workspace import BreachWorkspace
    from model.domain.facts import facts_from_document

    breach = ctx.breaches.create(facts_from_document(seed_doc))
    ctx.assessments.assess(breach.id)
    units: list[int] = []
    original = ctx.db.unit

    @contextmanager
    def counted():  # type: ignore[no-untyped-def]
        units.append(1)
        with original() as session:
            yield session

    monkeypatch.setattr(ctx.db, "unit", counted)
    workspace = BreachWorkspace(ctx, breach.id, STEPS)
    qtbot.addWidget(workspace)
    assert len(units) <= 2, f"{len(units)} units of work to open one breach"


def test_the_register_is_read_once_until_something_is_written(ctx, seed_doc) -> None:  # type: ignore[no-untyped-def]
    from model.domain.facts import facts_from_document

    facts = facts_from_document(seed_doc)
    ctx.breaches.create(facts)
    with statements(ctx) as reads:
        first = ctx.register.rows()
    register_query = [s for s in _selects(reads) if "decision_reason" in s]
    assert len(register_query) == 1
    with statements(ctx) as seen:
        again = ctx.register.rows()
        ctx.register.repeats()
        ctx.register.sheets()
    assert again == first
    assert not [s for s in _selects(seen) if "decision_reason" in s]
    ctx.breaches.create(facts)  # a write: the next read sees it
    assert len(ctx.register.rows()) == len(first) + 1
    ctx.lessons.save(first[0].id, _lessons(), actor="Tester")  # a write elsewhere counts too
    assert ctx.register.rows()[0].incident_type is not None


def _lessons():  # type: ignore[no-untyped-def]
    from tests.lessons_helpers import SEED_LESSONS

    return SEED_LESSONS
