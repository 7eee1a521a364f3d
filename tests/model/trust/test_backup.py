"""Backups and the restore drill: an encrypted copy (never a plaintext step), checked before
it is kept, restored into a new folder only after it opens and verifies; a restore never
overwrites a vault without keeping it."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.domain.errors import VaultError, VaultExistsError, WrongKeyError
from model.domain.facts import BreachFacts
from model.services import vaults
from tests.conftest import PASSPHRASE

SENTINEL = "SENTINEL-backup-Quokka-4411"


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _no_plaintext(folder: Path) -> None:
    for path in _files(folder):
        data = path.read_bytes()
        assert SENTINEL.encode() not in data, f"plaintext in {path.name}"
        assert not data.startswith(b"SQLite format 3"), f"{path.name} is plain SQLite"


def test_restore_drill(tmp_path: Path, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Back up, lose the vault, restore from the backup with the passphrase: all there."""
    created: list[str] = []
    import model.storage.backup as backup_module

    real_open = backup_module.os.open

    def watching_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        created.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(backup_module.os, "open", watching_open)
    ctx = vaults.create(tmp_path / "v", PASSPHRASE, clock=clock)
    breach = ctx.breaches.create(BreachFacts(title=SENTINEL, summary=SENTINEL))
    ctx.breaches.add_event(breach.id, clock(), f"Contained by {SENTINEL}")
    written = ctx.backups.to_file(tmp_path / "drill.db")
    events = ctx.audit.count()
    ctx.close()
    assert created, "the backup went through its own owner-only temporary file"
    assert (tmp_path / "drill.db.key").is_file()
    assert (written.stat().st_mode & 0o777) == 0o600
    _no_plaintext(tmp_path)
    assert not list(tmp_path.glob(".*tmp*")), "no temporary file is left behind"

    restored = vaults.restore(written, tmp_path / "new", PASSPHRASE)
    assert restored.report.ok and restored.report.events == events
    again = vaults.unlock(tmp_path / "new", PASSPHRASE)
    try:
        assert again.breaches.get(breach.id).title == SENTINEL
        assert again.backups.check().ok
    finally:
        again.close()
    _no_plaintext(tmp_path)


def test_restore_refuses_an_existing_vault_and_keeps_it_with_replace(tmp_path, clock):  # type: ignore[no-untyped-def]
    ctx = vaults.create(tmp_path / "v", PASSPHRASE, clock=clock)
    ctx.breaches.create(BreachFacts(title="in the backup"))
    backup = ctx.backups.back_up_now()
    ctx.breaches.create(BreachFacts(title="after the backup"))
    ctx.close()
    current = (tmp_path / "v" / "breachdesk.db").read_bytes()
    with pytest.raises(VaultExistsError, match="already holds a vault"):
        vaults.restore(backup, tmp_path / "v", PASSPHRASE)
    assert (tmp_path / "v" / "breachdesk.db").read_bytes() == current
    restored = vaults.restore(backup, tmp_path / "v", PASSPHRASE, replace=True)
    assert restored.kept is not None and restored.kept.read_bytes() == current
    reopened = vaults.unlock(tmp_path / "v", PASSPHRASE)
    try:
        assert [b.title for b in reopened.breaches.list()] == ["in the backup"]
    finally:
        reopened.close()


def test_a_damaged_or_wrongly_keyed_backup_is_not_restored(tmp_path, clock):  # type: ignore[no-untyped-def]
    ctx = vaults.create(tmp_path / "v", PASSPHRASE, clock=clock)
    for i in range(30):
        ctx.breaches.create(BreachFacts(title=f"breach {i}", summary="x" * 2000))
    backup = ctx.backups.back_up_now()
    ctx.close()
    with pytest.raises(WrongKeyError):
        vaults.restore(backup, tmp_path / "a", "not the passphrase")
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x10
    backup.write_bytes(bytes(data))
    with pytest.raises(VaultError, match="does not pass its checks"):
        vaults.restore(backup, tmp_path / "b", PASSPHRASE)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_automatic_backups_keep_the_newest_n(tmp_path, clock):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    ctx = vaults.create(tmp_path / "v", PASSPHRASE, clock=clock)
    try:
        for _ in range(5):
            ctx.backups.automatic(keep=3)
            clock.now += timedelta(minutes=1)
        autos = sorted(p.name for p in ctx.backups.folder.glob("auto-*.db"))
        assert len(autos) == 3 and autos[-1] == "auto-20261010T090400Z.db"
        assert len(list(ctx.backups.folder.glob("auto-*.db.key"))) == 3
        assert (ctx.backups.folder.stat().st_mode & 0o777) == 0o700
    finally:
        ctx.close()


def test_a_backup_into_a_missing_folder_is_one_clear_error(tmp_path, clock):  # type: ignore[no-untyped-def]
    ctx = vaults.create(tmp_path / "v", PASSPHRASE, clock=clock)
    try:
        with pytest.raises(VaultError, match="does not exist"):
            ctx.backups.to_file(tmp_path / "nowhere" / "b.db")
        with pytest.raises(VaultError, match="is a folder"):
            ctx.backups.to_file(tmp_path)
    finally:
        ctx.close()
