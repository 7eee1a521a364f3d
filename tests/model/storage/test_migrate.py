"""Migrations: a backup before upgrading an older vault; the upgrade really runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from model.services import vaults
from model.storage import migrate
from tests.conftest import PASSPHRASE

NEXT_REVISION = '''"""Test-only second revision."""
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("breach", sa.Column("test_only", sa.Text, nullable=True))


def downgrade() -> None:
    op.drop_column("breach", "test_only")
'''


def test_upgrade_backs_up_the_old_file_first(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "v"
    vaults.create(folder, PASSPHRASE).close()
    old_bytes = (folder / "breachdesk.db").read_bytes()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts)
    head = migrate.head_revision()
    (scripts / "versions" / "0099_test.py").write_text(NEXT_REVISION.format(head=head))
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)

    ctx = vaults.unlock(folder, PASSPHRASE)
    try:
        assert ctx.backup_made is not None
        backup = Path(ctx.backup_made)
        assert backup.parent == folder / "backups"
        assert backup.read_bytes() == old_bytes  # the encrypted file as it was
        with ctx.db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == "0099"
            conn.execute(text("SELECT test_only FROM breach")).all()
    finally:
        ctx.close()
    # Reopening at head makes no further backup.
    again = vaults.unlock(folder, PASSPHRASE)
    assert again.backup_made is None
    again.close()


def test_head_read_from_the_scripts_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate._config()) \
        .get_current_head()


def test_opening_a_current_vault_imports_no_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "v"
    vaults.create(folder, PASSPHRASE).close()
    code = ("import sys; from pathlib import Path; from model.services import vaults; "
            f"vaults.unlock(Path({str(folder)!r}), {PASSPHRASE!r}, remember=False).close(); "
            "print(any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules))")
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                         text=True, check=True, env={"PYTHON_KEYRING_BACKEND":
                                                     "keyring.backends.fail.Keyring",
                                                     "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False"


def test_facts_move_out_of_the_breach_row_and_back(tmp_path: Path, seed_doc) -> None:  # type: ignore[no-untyped-def]
    """0009 carries every breach's facts into breach_facts; its downgrade brings them back."""
    from alembic import command

    from model.domain.facts import facts_from_document

    folder = tmp_path / "v"
    ctx = vaults.create(folder, PASSPHRASE)
    try:
        breach = ctx.breaches.create(facts_from_document(seed_doc))
        cfg = migrate._config()
        with ctx.db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0008")
        with ctx.db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = "
                                     "'breach_facts'")).scalar() == 0
            assert conn.execute(text("SELECT facts_json FROM breach")).scalar()
        with ctx.db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        assert ctx.breaches.get(breach.id).facts == breach.facts
        with ctx.db.engine.connect() as conn:
            columns = [r[1] for r in conn.execute(text("PRAGMA table_info(breach)"))]
            assert "facts_json" not in columns
    finally:
        ctx.close()


def test_people_told_is_read_from_indexes_and_0010_goes_both_ways(tmp_path: Path) -> None:
    """0010's indexes serve the register's "people told" query (no scan of every contact
    attempt or timeline event); its downgrade removes them and upgrading adds them back."""
    from alembic import command
    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from model.services.register_rows import _told_query

    def indexes(conn) -> set[str]:  # type: ignore[no-untyped-def]
        return {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN "
            "('ix_people_contact_told', 'ix_timeline_event_kind')"))}

    ctx = vaults.create(tmp_path / "v", PASSPHRASE)
    try:
        sql = str(select(_told_query()).compile(dialect=sqlite.dialect(),
                                                compile_kwargs={"literal_binds": True}))
        with ctx.db.engine.connect() as conn:
            assert indexes(conn) == {"ix_people_contact_told", "ix_timeline_event_kind"}
            plan = " | ".join(r[3] for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
        assert "SCAN people_contact" not in plan and "SCAN timeline_event" not in plan, plan
        cfg = migrate._config()
        with ctx.db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")
            assert indexes(conn) == set()
            command.upgrade(cfg, "head")
            assert len(indexes(conn)) == 2
    finally:
        ctx.close()
