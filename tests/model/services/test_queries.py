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
from model.storage.orm import BreachRow, BreachTagRow

N = 10_000
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


@contextmanager
def statements(ctx) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """The SQL statements the vault's engine runs inside the block."""
    seen: list[str] = []

    def record(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)


@pytest.fixture
def ten_thousand(ctx):  # type: ignore[no-untyped-def]
    """10,000 breaches written straight into the tables (the services take minutes)."""
    cats = list(DataCategory)
    with ctx.db.unit() as session:
        session.execute(insert(BreachRow), [
            {"id": i, "reference": f"BR-2026-{i:05d}", "title": f"Breach {i}",
             "status": "open", "regime": "uk_gdpr", "facts_json": '{"_v": 1}',
             "created_at": STAMP, "updated_at": STAMP} for i in range(1, N + 1)])
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
