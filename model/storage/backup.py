"""Encrypted backups: SQLCipher's sqlcipher_export writes a copy of the database into an
attached database keyed with the same raw key, so no step is ever plaintext (temporary
storage stays in memory). The copy is written under a temporary name, checked, synced and
renamed; the key file is copied beside it (FILE.key), so either the passphrase or the OS
keyring's key opens it."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from model.domain.errors import VaultError
from model.storage.engine import connect
from model.storage.integrity import Report, check_database


def key_file_of(backup: Path) -> Path:
    """Where a backup's key file lives: beside it, named FILE.key."""
    return backup.with_name(backup.name + ".key")


def _sync(path: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_copy(db_path: Path, key: bytes, target: Path, key_file: Path) -> Report:
    """Write an encrypted, checked copy of `db_path` at `target` (and its key file); the
    target is replaced only once the copy is complete and passes every check."""
    target = Path(target)
    if target.is_dir():
        raise VaultError(f"{target} is a folder: give a file name for the backup.")
    if not target.parent.is_dir():
        raise VaultError(f"The folder {target.parent} does not exist.")
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        # Created owner-only before SQLCipher writes its first (encrypted) page.
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        _export(db_path, key, temp)
        report = check_database(temp, key)
        if not report.ok:
            raise VaultError("The backup did not pass its checks, so it was not kept: "
                             + report.problems[0])
        _sync(temp)
        key_temp = temp.with_name(temp.name + ".key")
        shutil.copyfile(key_file, key_temp)
        os.chmod(key_temp, 0o600)
        _sync(key_temp)
        os.replace(key_temp, key_file_of(target))
        os.replace(temp, target)
        _sync(target.parent)
        return report
    except OSError as err:
        raise VaultError(f"The backup could not be written to {target}: "
                         f"{err.strerror or err}. Nothing was replaced.") from None
    finally:
        for leftover in (temp, temp.with_name(temp.name + ".key"),
                         temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _export(db_path: Path, key: bytes, target: Path) -> None:
    conn = connect(db_path, key)
    try:
        conn.execute(f"ATTACH DATABASE {_quoted(target)} AS backup KEY \"x'{key.hex()}'\"")
        try:
            # One read transaction: the copy is one consistent moment of the vault.
            conn.execute("BEGIN")
            conn.execute("SELECT sqlcipher_export('backup')")
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA backup.user_version = {int(version)}")
            conn.execute("COMMIT")
        except sqlcipher.Error:
            with contextlib.suppress(sqlcipher.Error):
                conn.execute("ROLLBACK")
            raise
        finally:
            with contextlib.suppress(sqlcipher.Error):
                conn.execute("DETACH DATABASE backup")
    except sqlcipher.Error as err:
        text = "the disk is full" if "full" in str(err) else str(err)
        raise VaultError(f"The backup could not be written: {text}. Nothing was "
                         "replaced.") from None
    finally:
        conn.close()
