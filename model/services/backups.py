"""Backups of the open vault: on demand, automatically on close (the newest N kept), or
to a chosen file. Each is an encrypted, checked copy with the key file beside it."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from model.domain.clock import Clock
from model.storage.backup import key_file_of
from model.storage.integrity import Report
from model.storage.vault import Vault

AUTO_PREFIX = "auto-"
MANUAL_PREFIX = "backup-"
log = logging.getLogger("breachdesk.backup")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    automatic: bool
    size: int


class BackupService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self._vault = vault
        self._clock = clock

    @property
    def folder(self) -> Path:
        return self._vault.paths.backups

    def _named(self, prefix: str) -> Path:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = self._clock().strftime("%Y%m%dT%H%M%SZ")
        path = self.folder / f"{prefix}{stamp}.db"
        number = 1
        while path.exists():
            number += 1
            path = self.folder / f"{prefix}{stamp}-{number}.db"
        return path

    def back_up_now(self) -> Path:
        """A backup in the vault's backups/ folder (kept until you delete it)."""
        return self.to_file(self._named(MANUAL_PREFIX))

    def to_file(self, target: Path) -> Path:
        """An encrypted copy at `target` (its key file beside it as TARGET.key)."""
        report: Report = self._vault.backup_to(Path(target))
        log.info("backup written: %s (%d audit events)", Path(target).name, report.events)
        return Path(target)

    def automatic(self, keep: int) -> Path:
        """The backup made on close; only the newest `keep` automatic ones are kept."""
        path = self.to_file(self._named(AUTO_PREFIX))
        for old in [b.path for b in self.list() if b.automatic][max(keep, 1):]:
            for doomed in (old, key_file_of(old)):
                with contextlib.suppress(OSError):
                    doomed.unlink()
            log.info("old automatic backup removed: %s", old.name)
        return path

    def list(self) -> list[BackupFile]:
        """Backups in the backups/ folder, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*.db"):
            with contextlib.suppress(OSError):
                found.append((path.stat().st_mtime_ns, path.name, BackupFile(
                    path, path.name.startswith(AUTO_PREFIX), path.stat().st_size)))
        return [b for _m, _n, b in sorted(found, key=lambda t: (t[0], t[1]), reverse=True)]

    def latest(self) -> tuple[Path, datetime] | None:
        items = self.list()
        if not items:
            return None
        path = items[0].path
        return path, datetime.fromtimestamp(path.stat().st_mtime, UTC)

    def check(self) -> Report:
        """Every integrity check of the open vault (SQLCipher, SQLite, keys, audit chain)."""
        return self._vault.check()
