"""One copy of the desktop app per vault: a lock file in the data folder holding the PID.

The file is locked with the OS (flock on POSIX, msvcrt on Windows) while the app runs. The
OS drops that lock when the process ends, however it ends, so a lock file left by a crash
or a kill is stale by construction: the next start takes it over (and says so).
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path
from typing import IO

from model.domain.errors import VaultError, VaultLockedError

LOCK_NAME = "breachdesk.lock"


def _try_lock(handle: IO[str]) -> bool:
    try:
        if os.name == "nt":  # pragma: no cover - Windows only
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    """Held while one app has the vault open; `release()` (or process exit) frees it."""

    def __init__(self, path: Path, handle: IO[str], stale_pid: int | None) -> None:
        self.path = path
        self._handle: IO[str] | None = handle
        self.stale_pid = stale_pid  # the PID of a crashed holder taken over, if any

    @classmethod
    def acquire(cls, data_dir: Path) -> InstanceLock:
        """Take the lock, or raise VaultLockedError naming the process that holds it."""
        path = Path(data_dir) / LOCK_NAME
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as err:
            raise VaultError(f"Cannot create the lock file {path}: "
                             f"{err.strerror or err}.") from None
        handle = os.fdopen(descriptor, "r+", encoding="utf-8")
        if not _try_lock(handle):
            holder = handle.read().strip()
            handle.close()
            pid = holder.split()[0] if holder else "unknown"
            raise VaultLockedError(
                f"This vault is already open in another copy of Breach Desk (process {pid}). "
                "Switch to that window, or close it first; two copies must not edit one "
                "vault.")
        previous = handle.read().strip()
        stale = int(previous.split()[0]) if previous[:1].isdigit() else None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {socket.gethostname()}\n")
        handle.flush()
        return cls(path, handle, stale if stale != os.getpid() else None)

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
        handle.close()  # closing drops the OS lock; the (empty) file stays, so no other
        # process can be left holding a lock on a file that was unlinked under it

    @property
    def held(self) -> bool:
        return self._handle is not None
