"""Opening and creating vaults, for the GUI and the CLI (which never touch storage)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from model.domain.clock import Clock, utc_now
from model.domain.errors import ValidationError
from model.domain.passphrase import passphrase_problem
from model.services.context import AppContext
from model.services.ico import Render
from model.storage import keystore
from model.storage import restore as restoring
from model.storage.instance_lock import InstanceLock
from model.storage.integrity import Report
from model.storage.vault import Vault, VaultPaths
from model.storage.vault import default_data_dir as _default_data_dir


def default_data_dir() -> Path:
    return _default_data_dir()


def vault_exists(data_dir: Path) -> bool:
    return VaultPaths(Path(data_dir)).exists()


def keyring_backend() -> str | None:
    """The usable OS keyring's name, or None when the key can only be kept by passphrase."""
    return keystore.keyring_name()


def create(data_dir: Path, passphrase: str, repeat: str | None = None,
           use_keyring: bool = True, clock: Clock = utc_now) -> AppContext:
    problem = passphrase_problem(passphrase, repeat)
    if problem:
        raise ValidationError("passphrase", problem)
    vault = Vault.create(VaultPaths(Path(data_dir)), passphrase, use_keyring=use_keyring)
    return AppContext(vault, clock)


def unlock_silently(data_dir: Path, clock: Clock = utc_now) -> AppContext | None:
    """Open with the key held by the OS keyring; None when the keyring holds none."""
    vault = Vault.open_from_keyring(VaultPaths(Path(data_dir)))
    return None if vault is None else AppContext(vault, clock)


def unlock(data_dir: Path, passphrase: str, remember: bool = True,
           clock: Clock = utc_now) -> AppContext:
    """Open with the passphrase (WrongKeyError if wrong; nothing on disk changes)."""
    vault = Vault.open_with_passphrase(VaultPaths(Path(data_dir)), passphrase, remember)
    return AppContext(vault, clock)


def change_passphrase(data_dir: Path, old: str, new: str, repeat: str | None = None) -> None:
    problem = passphrase_problem(new, repeat)
    if problem:
        raise ValidationError("new passphrase", problem)
    Vault.change_passphrase(VaultPaths(Path(data_dir)), old, new)


def lock_instance(data_dir: Path) -> InstanceLock:
    """Hold the vault for this app (VaultLockedError while another copy has it open)."""
    paths = VaultPaths(Path(data_dir))
    paths.check_folder()
    paths.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    return InstanceLock.acquire(paths.data_dir)


def verify(data_dir: Path, passphrase: str | None = None) -> Report:
    """Every integrity check of the vault in `data_dir` (key from the keyring without a
    passphrase); nothing is written."""
    return restoring.verify(VaultPaths(Path(data_dir)), passphrase)


def restore(backup: Path, data_dir: Path, passphrase: str | None = None,
            replace: bool = False) -> restoring.Restored:
    """Make a checked backup the vault in `data_dir` (a new folder, or with `replace` the
    vault there is first moved into its backups/ folder)."""
    return restoring.restore(Path(backup), Path(data_dir), passphrase, replace)


class DemoContext(AppContext):
    """A throwaway vault in a temporary folder, removed on close."""

    def close(self) -> None:
        super().close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def open_demo(render: Render, clock: Clock = utc_now) -> AppContext:
    """A throwaway vault filled with sample breaches; no passphrase, no keyring.

    `render` turns a document into PDF bytes (the sample breaches have filed reports, and a
    filing keeps the PDF as sent); the caller gives it, since model/ renders nothing."""
    from model.services.demo import fill_demo
    from model.storage.keyfile import KdfParams, new_data_key

    folder = Path(tempfile.mkdtemp(prefix="breachdesk-demo-"))
    # A random passphrase nobody needs, with a cheap KDF: the folder dies with the app.
    vault = Vault.create(VaultPaths(folder), new_data_key().hex(), use_keyring=False,
                         kdf=KdfParams(n=2**12, r=8, p=1))
    ctx = DemoContext(vault, clock, demo=True)
    fill_demo(ctx, render)
    return ctx
