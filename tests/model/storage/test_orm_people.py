"""The people tables as migration 0007 creates them match the ORM (a missed column or
index would only show up on a real vault)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from model.storage.orm import Base

PEOPLE = {"people_letter", "people_recipient", "people_contact", "people_notice"}


def _table_of(diff: Any) -> str:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:
        name = getattr(part, "name", None) or getattr(getattr(part, "table", None), "name",
                                                      None)
        if isinstance(part, str) and part in PEOPLE:
            return part
        if name in PEOPLE:
            return str(name)
    return ""


def test_migration_matches_the_orm(ctx: Any) -> None:
    with ctx.db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diffs if _table_of(d)]
    assert ours == []
    with ctx.db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'")}
    assert names >= PEOPLE
