"""Alembic migrations run from code on the open, keyed engine (no ini file can name it)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from model.domain.errors import NewerSchemaError

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def ensure_current(engine: Engine, db_path: Path, backup_dir: Path) -> str | None:
    """Bring the schema to head. Refuse a newer database; back up before changing an old one.

    Returns the path of the backup made, or None when none was needed.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is not None and not is_known(current):
        raise NewerSchemaError(
            f"This vault was written by a newer version of Breach Desk (schema {current}). "
            "Install that version to open it; this one will not touch it.")
    backup: Path | None = None
    if current is not None:
        engine.dispose()
        backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_dir / f"{db_path.stem}-before-{head}-{stamp}{db_path.suffix}"
        shutil.copy2(db_path, backup)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return str(backup) if backup else None
