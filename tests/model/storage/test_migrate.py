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
