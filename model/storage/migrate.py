"""Alembic migrations run from code on the open, keyed engine (no ini file can name it).

Opening a vault already at the newest schema, the usual case, imports no Alembic: the
head is read from the scripts' text and the vault's revision from its table. Alembic (a
fifth of the start-up time) loads only when there is something to upgrade.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from model.domain.errors import DamagedVaultError, NewerSchemaError, VaultError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION_LINE = re.compile(r'^(down_)?revision\s*=\s*"([^"]*)"', re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision: the one no other script revises."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (revised if down else revisions).add(value)
    heads = revisions - revised
    if len(heads) != 1:
        raise VaultError(f"The schema scripts have {len(heads)} newest revisions, not one.")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'alembic_version'")).first() is None:
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(value) if value is not None else None


def is_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def _refuse_unversioned(engine: Engine, db_path: Path, backup_dir: Path) -> None:
    """Only creating a vault may build a schema: an empty database (a failed copy, a sync
    conflict) or one whose version table was dropped is refused, never rebuilt empty."""
    with engine.connect() as conn:
        tables = conn.execute(text("SELECT count(*) FROM sqlite_master "
                                   "WHERE type = 'table'")).scalar()
    where = f" Backups are kept in {backup_dir}." if backup_dir.is_dir() else ""
    if not tables:
        raise DamagedVaultError(
            f"The database {db_path} is empty although its key file exists: it was "
            "truncated or replaced. Nothing was changed. Restore it from a backup with "
            f"'restore'.{where}")
    raise DamagedVaultError(
        f"The database {db_path} holds tables but no schema version (alembic_version is "
        "missing), so Breach Desk cannot tell which version wrote it. Nothing was changed. "
        f"Restore it from a backup with 'restore'.{where}")


def ensure_current(engine: Engine, db_path: Path, backup_dir: Path,
                   create: bool = False) -> str | None:
    """Bring the schema to head. Refuse a newer database; back up before changing an old one.
    Only `create` may build the schema of an empty database.

    Returns the path of the backup made, or None when none was needed.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is None and not create:
        _refuse_unversioned(engine, db_path, backup_dir)
    if current is not None and not is_known(current):
        raise NewerSchemaError(
            f"This vault was written by a newer version of Breach Desk (schema {current}). "
            "Install that version to open it; this one will not touch it.")
    backup: Path | None = None
    if current is not None:
        engine.dispose()
        backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_dir / f"{db_path.stem}-before-{head}-{stamp}{db_path.suffix}"
        shutil.copy2(db_path, backup)
        backup.chmod(0o600)
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return str(backup) if backup else None
