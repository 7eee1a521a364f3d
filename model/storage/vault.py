"""The vault: one encrypted database plus its key file, created, opened and re-keyed here."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from model.domain.errors import VaultError, VaultExistsError, VaultNotFoundError
from model.storage import keystore
from model.storage.backup import export_copy
from model.storage.engine import build_engine, check_key
from model.storage.integrity import Report, check_database
from model.storage.keyfile import (
    KdfParams,
    new_data_key,
    read_keyfile,
    unwrap_key,
    unwrap_key_as,
    wrap_key,
    write_keyfile,
)
from model.storage.migrate import ensure_current

DB_NAME = "breachdesk.db"
KEY_NAME = "breachdesk.key"


def default_data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/BreachDesk on Linux)."""
    return platformdirs.user_data_path("BreachDesk", appauthor=False)


@dataclass(frozen=True)
class VaultPaths:
    data_dir: Path

    @property
    def db(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def key(self) -> Path:
        return self.data_dir / KEY_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    def exists(self) -> bool:
        return self.db.exists() or self.key.exists()

    def check_folder(self) -> None:
        """Refuse a data folder that is a file (a mistyped --data-dir)."""
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise VaultError(f"{self.data_dir} is a file, not a folder: give the folder that "
                             "holds (or will hold) the vault.")


def tighten(paths: VaultPaths) -> None:
    """Owner-only access: the folder and backups/ 0700, the files in them 0600. A folder
    made by an older version or copied in with looser modes is tightened on each open."""
    if os.name != "posix":
        return
    for folder in (paths.data_dir, paths.backups):
        _chmod(folder, 0o700, stat.S_ISDIR)
    folders = [paths.data_dir, paths.backups]
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in folder.iterdir():
                _chmod(entry, 0o600, stat.S_ISREG)


def _chmod(path: Path, mode: int, kind: Callable[[int], bool]) -> None:
    with contextlib.suppress(OSError):
        info = path.lstat()
        if kind(info.st_mode) and info.st_uid == os.getuid() \
                and stat.S_IMODE(info.st_mode) & 0o077:
            path.chmod(stat.S_IMODE(info.st_mode) & mode)


def _os_error(err: OSError, doing: str) -> VaultError:
    if err.errno == errno.ENOSPC:
        return VaultError(f"The disk is full: could not {doing}. Nothing was changed.")
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultError(f"Permission denied: could not {doing} ({err.filename}).")
    return VaultError(f"Could not {doing}: {err.strerror or err}.")


class Vault:
    """An open vault. `engine` is keyed; `close()` disposes of it."""

    def __init__(self, paths: VaultPaths, vault_id: str, engine: Engine,
                 key_in_keyring: bool, backup_made: str | None = None,
                 key: bytes = b"") -> None:
        self.paths = paths
        self._key = key  # already in memory in the engine; kept for backups and checks
        self.vault_id = vault_id
        self.engine = engine
        self.key_in_keyring = key_in_keyring
        self.backup_made = backup_made

    @classmethod
    def create(cls, paths: VaultPaths, passphrase: str, use_keyring: bool = True,
               kdf: KdfParams | None = None) -> Vault:
        """A new, empty vault; refuses to overwrite anything already there."""
        paths.check_folder()
        if paths.exists():
            raise VaultExistsError(f"A vault already exists in {paths.data_dir}.")
        key = new_data_key()
        keyfile = wrap_key(key, passphrase, kdf=kdf)
        try:
            paths.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            tighten(paths)
            write_keyfile(paths.key, keyfile)
            # Create the file owner-only before SQLCipher writes its first page.
            paths.db.touch(mode=0o600, exist_ok=False)
            vault = cls._open(paths, keyfile.vault_id, key, create=True)
        except OSError as err:
            cls._remove_partial(paths)
            raise _os_error(err, "create the vault") from None
        except (DBAPIError, sqlcipher.Error) as err:
            cls._remove_partial(paths)
            orig = getattr(err, "orig", err)
            if "full" in str(orig) or "I/O" in str(orig):
                raise VaultError("The disk is full (or refused the write): could not create "
                                 "the vault. Nothing was left behind.") from None
            raise VaultError(f"Could not create the vault: {orig}.") from None
        except BaseException:
            cls._remove_partial(paths)
            raise
        if use_keyring:
            vault.key_in_keyring = keystore.store_key(keyfile.vault_id, key)
        return vault

    @staticmethod
    def _remove_partial(paths: VaultPaths) -> None:
        for path in (paths.db, paths.key, paths.db.with_name(paths.db.name + "-journal")):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    @classmethod
    def _open(cls, paths: VaultPaths, vault_id: str, key: bytes,
              create: bool = False) -> Vault:
        engine = build_engine(paths.db, key)
        try:
            backup = ensure_current(engine, paths.db, paths.backups, create=create)
        except BaseException:
            engine.dispose()
            raise
        return cls(paths, vault_id, engine, key_in_keyring=False, backup_made=backup, key=key)

    @classmethod
    def _require(cls, paths: VaultPaths) -> None:
        paths.check_folder()
        if not paths.key.exists() and not paths.db.exists():
            raise VaultNotFoundError(f"No vault in {paths.data_dir}.")
        if not paths.db.exists():
            raise VaultError(f"The database {paths.db} is missing; restore it from a backup.")
        tighten(paths)

    @classmethod
    def open_with_passphrase(cls, paths: VaultPaths, passphrase: str,
                             remember: bool = True) -> Vault:
        """Unwrap the key with the passphrase; a wrong one changes nothing on disk."""
        cls._require(paths)
        keyfile = read_keyfile(paths.key)
        key, normalised = unwrap_key_as(keyfile, passphrase)
        check_key(paths.db, key)
        vault = cls._open(paths, keyfile.vault_id, key)
        if not normalised:
            # Wrapped before passphrases were NFC-normalised: rewrap under the NFC form, so
            # the same passphrase opens the vault whichever way its accents are typed.
            with contextlib.suppress(OSError):
                write_keyfile(paths.key, wrap_key(key, passphrase, vault_id=keyfile.vault_id,
                                                  kdf=keyfile.kdf))
        if remember:
            vault.key_in_keyring = keystore.store_key(keyfile.vault_id, key)
        else:
            vault.key_in_keyring = keystore.load_key(keyfile.vault_id) == key
        return vault

    @classmethod
    def open_from_keyring(cls, paths: VaultPaths) -> Vault | None:
        """Open silently with the key the OS keyring holds; None when it holds none."""
        cls._require(paths)
        keyfile = read_keyfile(paths.key)
        key = keystore.load_key(keyfile.vault_id)
        if key is None:
            return None
        check_key(paths.db, key)
        vault = cls._open(paths, keyfile.vault_id, key)
        vault.key_in_keyring = True
        return vault

    @staticmethod
    def change_passphrase(paths: VaultPaths, old: str, new: str,
                          kdf: KdfParams | None = None) -> None:
        """Rewrap the data key under `new`; the database itself is not re-encrypted."""
        keyfile = read_keyfile(paths.key)
        key = unwrap_key(keyfile, old)
        try:
            write_keyfile(paths.key, wrap_key(key, new, vault_id=keyfile.vault_id, kdf=kdf))
        except OSError as err:
            raise _os_error(err, "save the new passphrase") from None

    @staticmethod
    def key_in_os_keyring(paths: VaultPaths) -> bool:
        try:
            return keystore.load_key(read_keyfile(paths.key).vault_id) is not None
        except VaultError:
            return False

    def backup_to(self, target: Path) -> Report:
        """An encrypted, checked copy of the vault at `target`, its key file beside it."""
        return export_copy(self.paths.db, self._key, target, self.paths.key)

    def check(self) -> Report:
        """Every integrity check on the open vault's database."""
        return check_database(self.paths.db, self._key)

    def forget_keyring(self) -> None:
        keystore.forget_key(self.vault_id)
        self.key_in_keyring = False

    def close(self) -> None:
        self.engine.dispose()
