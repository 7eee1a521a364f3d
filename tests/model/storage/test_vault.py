"""The vault: encryption at rest, keys, passphrases, keyring, refusing bad files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from model.domain.errors import (
    DamagedVaultError,
    NewerSchemaError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WrongKeyError,
)
from model.domain.facts import BreachFacts
from model.services import vaults
from model.storage import keystore
from model.storage.keyfile import read_keyfile
from model.storage.vault import Vault, VaultPaths
from tests.conftest import PASSPHRASE

SQLITE_MAGIC = b"SQLite format 3"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under `folder` with its hash and mtime (ns)."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                         p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_vault(folder: Path) -> VaultPaths:
    vaults.create(folder, PASSPHRASE).close()
    return VaultPaths(folder)


def test_files_are_not_plain_sqlite(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v")
    assert paths.db.read_bytes()[:16] != SQLITE_MAGIC + b"\0"
    assert not paths.db.read_bytes().startswith(SQLITE_MAGIC)
    assert not paths.key.read_bytes().startswith(SQLITE_MAGIC)
    assert paths.db.stat().st_mode & 0o077 == 0
    assert paths.key.stat().st_mode & 0o077 == 0


def test_sentinel_text_never_reaches_disk(tmp_path: Path) -> None:
    sentinel = "SENTINEL-7f3a9c-Zebra-Quokka"
    folder = tmp_path / "v"
    ctx = vaults.create(folder, PASSPHRASE)
    breach = ctx.breaches.create(BreachFacts(title=sentinel, summary=sentinel * 3))
    ctx.breaches.add_event(breach.id, ctx.clock(), f"Contained by {sentinel}")
    ctx.close()
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} == {"breachdesk.db", "breachdesk.key"}
    for path in files:
        data = path.read_bytes()
        for needle in (sentinel.encode(), sentinel.encode("utf-16-le"), b"Zebra-Quokka"):
            assert needle not in data, f"plaintext found in {path.name}"
    # ...and it is really stored: reopen and read it back.
    again = vaults.unlock(folder, PASSPHRASE)
    assert again.breaches.get(breach.id).title == sentinel
    again.close()


def test_wrong_passphrase_refused_and_changes_nothing(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v")
    before = snapshot(paths.data_dir)
    for attempt in ("wrong one", PASSPHRASE + " ", PASSPHRASE.upper()):
        with pytest.raises(WrongKeyError, match="passphrase is not correct"):
            vaults.unlock(paths.data_dir, attempt)
    assert snapshot(paths.data_dir) == before
    vaults.unlock(paths.data_dir, PASSPHRASE).close()  # unlimited retries


def test_change_passphrase_rewraps_without_touching_database(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v")
    db_before = paths.db.read_bytes()
    key_before = paths.key.read_bytes()
    vaults.change_passphrase(paths.data_dir, PASSPHRASE, "a brand new passphrase")
    assert paths.db.read_bytes() == db_before
    assert paths.key.read_bytes() != key_before
    with pytest.raises(WrongKeyError):
        vaults.unlock(paths.data_dir, PASSPHRASE)
    vaults.unlock(paths.data_dir, "a brand new passphrase").close()


def test_change_passphrase_with_wrong_old_keeps_key_file(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v")
    before = snapshot(paths.data_dir)
    with pytest.raises(WrongKeyError):
        vaults.change_passphrase(paths.data_dir, "not it at all", "another passphrase")
    assert snapshot(paths.data_dir) == before


def test_failed_key_file_write_keeps_old_key_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    paths = make_vault(tmp_path / "v")
    before = paths.key.read_bytes()

    def full_disk(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("model.storage.keyfile.os.fsync", full_disk)
    with pytest.raises(VaultError, match="disk is full"):
        vaults.change_passphrase(paths.data_dir, PASSPHRASE, "another passphrase")
    assert paths.key.read_bytes() == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["breachdesk.db",
                                                                "breachdesk.key"]
    vaults.unlock(paths.data_dir, PASSPHRASE).close()


def test_key_file_holds_no_key_in_clear(tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    paths = make_vault(tmp_path / "v")
    keyfile = read_keyfile(paths.key)
    key_hex = memory_keyring.get_password(keystore.SERVICE, keyfile.vault_id)
    assert key_hex and len(key_hex) == 64
    assert key_hex.encode() not in paths.key.read_bytes()
    assert bytes.fromhex(key_hex) not in paths.key.read_bytes()


def test_keyring_unlocks_silently_and_passphrase_survives_lost_entry(
        tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    paths = make_vault(tmp_path / "v")
    ctx = vaults.unlock_silently(paths.data_dir)
    assert ctx is not None and ctx.key_in_keyring
    ctx.close()
    memory_keyring.store.clear()  # the keyring entry is lost
    assert vaults.unlock_silently(paths.data_dir) is None
    ctx = vaults.unlock(paths.data_dir, PASSPHRASE)  # passphrase restores the entry
    ctx.close()
    assert vaults.unlock_silently(paths.data_dir) is not None


def test_no_keyring_means_passphrase_only(tmp_path: Path) -> None:
    assert vaults.keyring_backend() is None
    folder = tmp_path / "v"
    ctx = vaults.create(folder, PASSPHRASE)
    assert not ctx.key_in_keyring
    ctx.close()
    assert vaults.unlock_silently(folder) is None


def test_missing_and_damaged_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        vaults.unlock(tmp_path / "nothing", PASSPHRASE)
    paths = make_vault(tmp_path / "v")
    key = paths.key.read_bytes()
    paths.key.unlink()
    with pytest.raises(VaultError, match="key file .* is missing"):
        vaults.unlock(paths.data_dir, PASSPHRASE)
    paths.key.write_text("{not json")
    with pytest.raises(VaultError, match="not a Breach Desk key file"):
        vaults.unlock(paths.data_dir, PASSPHRASE)
    paths.key.write_bytes(key)
    vaults.unlock(paths.data_dir, PASSPHRASE).close()


def test_foreign_database_or_other_vaults_key_refused(tmp_path: Path) -> None:
    one = make_vault(tmp_path / "one")
    two = make_vault(tmp_path / "two")
    two.key.write_bytes(one.key.read_bytes())  # key file of another vault
    with pytest.raises(DamagedVaultError, match="does not open"):
        vaults.unlock(two.data_dir, PASSPHRASE)
    one.db.write_bytes(b"SQLite format 3\0" + bytes(4080))  # a plain, foreign file
    before = snapshot(one.data_dir)
    with pytest.raises(DamagedVaultError):
        vaults.unlock(one.data_dir, PASSPHRASE)
    assert snapshot(one.data_dir) == before


def test_create_refuses_existing_vault(tmp_path: Path) -> None:
    paths = make_vault(tmp_path / "v")
    before = snapshot(paths.data_dir)
    with pytest.raises(VaultExistsError):
        Vault.create(paths, "another passphrase")
    assert snapshot(paths.data_dir) == before


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    ctx = vaults.create(folder, PASSPHRASE)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_future'"))
    ctx.close()
    before = snapshot(folder)
    with pytest.raises(NewerSchemaError, match="newer version"):
        vaults.unlock(folder, PASSPHRASE)
    assert snapshot(folder) == before
