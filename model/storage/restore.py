"""Checking and restoring vault files that are not open: the key of a vault or a backup
(from the OS keyring or the passphrase), `verify` on it, and restoring a backup into a
folder, which never overwrites a vault without keeping it."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from model.domain.errors import VaultError, VaultExistsError, WrongKeyError
from model.storage import keystore
from model.storage.backup import key_file_of
from model.storage.engine import check_key
from model.storage.instance_lock import InstanceLock
from model.storage.integrity import Report, check_database
from model.storage.keyfile import read_keyfile, unwrap_key
from model.storage.vault import Vault, VaultPaths, tighten


def key_for(key_file: Path, passphrase: str | None) -> bytes:
    """The data key: from the OS keyring when no passphrase is given, else unwrapped."""
    keyfile = read_keyfile(key_file)
    if passphrase is None:
        key = keystore.load_key(keyfile.vault_id)
        if key is None:
            raise WrongKeyError("The OS keyring does not hold this vault's key: give the "
                                "passphrase (--passphrase-file FILE).")
        return key
    return unwrap_key(keyfile, passphrase)


def verify(paths: VaultPaths, passphrase: str | None) -> Report:
    """Every check on a vault's database, without opening it as the app does (so a
    damaged vault is still examined and nothing is migrated or written)."""
    paths.check_folder()
    if not paths.db.is_file():
        raise VaultError(f"No database at {paths.db}.")
    return check_database(paths.db, key_for(paths.key, passphrase))


@dataclass(frozen=True)
class Restored:
    paths: VaultPaths
    report: Report
    kept: Path | None  # where the vault that was replaced now is


def _set_aside(paths: VaultPaths) -> Path:
    """Move the vault in `paths` into its backups/ folder (replaced-<time>.db and .key)."""
    paths.backups.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = paths.backups / f"replaced-{stamp}.db"
    if paths.db.exists():
        os.replace(paths.db, kept)
    if paths.key.exists():
        os.replace(paths.key, key_file_of(kept))
    return kept


def _copy_in(source: Path, target: Path) -> None:
    temp = target.with_name(f".{target.name}.restoring")
    try:
        with open(source, "rb") as src, open(os.open(temp, os.O_WRONLY | os.O_CREAT
                                                     | os.O_TRUNC, 0o600), "wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def restore(backup: Path, target_dir: Path, passphrase: str | None,
            replace: bool = False) -> Restored:
    """Check that `backup` opens and verifies, then make it the vault in `target_dir`.
    A vault already there is refused, or with `replace` first moved into its backups/."""
    backup = Path(backup)
    if not backup.is_file():
        raise VaultError(f"No backup file at {backup}.")
    key_file = key_file_of(backup)
    if not key_file.is_file():
        raise VaultError(f"The backup's key file {key_file} is missing (a backup is the "
                         "database and its key file beside it).")
    key = key_for(key_file, passphrase)
    check_key(backup, key)
    report = check_database(backup, key)
    if not report.ok:
        raise VaultError("The backup does not pass its checks, so nothing was restored: "
                         + report.problems[0])
    paths = VaultPaths(Path(target_dir))
    paths.check_folder()
    kept = None
    lock = None
    try:
        if paths.exists():
            if not replace:
                raise VaultExistsError(
                    f"{paths.data_dir} already holds a vault. Restore into a new folder, or "
                    "use --replace to move that vault into its backups/ folder first.")
            lock = InstanceLock.acquire(paths.data_dir)  # refused while the app has it open
            kept = _set_aside(paths)
        paths.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        tighten(paths)
        _copy_in(key_file, paths.key)
        _copy_in(backup, paths.db)
    except OSError as err:
        raise VaultError(f"Could not restore into {paths.data_dir}: "
                         f"{err.strerror or err}.") from None
    finally:
        if lock is not None:
            lock.release()
    Vault._open(paths, read_keyfile(paths.key).vault_id, key).close()  # migrate if older
    return Restored(paths, report, kept)
