"""The app's log: a rotating file in the vault folder (logs/breachdesk.log, owner-only)
holding references and kinds of events only, never personal data.

Messages name ids, references, file names and event kinds. An unexpected error is logged
as its type and the code locations of its traceback: never its message or local values,
which may quote what the user typed.
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOGGER = "breachdesk"
FOLDER = "logs"
FILE = "breachdesk.log"
MAX_BYTES = 512 * 1024
KEPT = 3
_installed: list[logging.Handler] = []


class _PrivateFileHandler(RotatingFileHandler):
    """A rotating handler whose files are created owner-only (0600)."""

    def _open(self):  # type: ignore[no-untyped-def]
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return os.fdopen(descriptor, "a", encoding=self.encoding or "utf-8")


class _NoDetail(logging.Formatter):
    """Never prints an exception's message: only its type and where it was raised."""

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]  # noqa: N802
        kind, _err, tb = ei
        frames = traceback.extract_tb(tb)
        where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                            for f in reversed(frames))
        return f"{getattr(kind, '__name__', 'Exception')} at {where}"


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER / FILE


def configure_logging(data_dir: Path | None) -> Path | None:
    """Send the app's log to `data_dir`/logs (replacing where it went before); None leaves
    the log off. Returns the log file."""
    root = logging.getLogger(LOGGER)
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    if data_dir is None:
        return None
    folder = Path(data_dir) / FOLDER
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # delay: the file appears with the first event, not for a refused command
        handler = _PrivateFileHandler(folder / FILE, maxBytes=MAX_BYTES, backupCount=KEPT,
                                      encoding="utf-8", delay=True)
    except OSError:
        return None  # a read-only folder: the app works without its log
    handler.setFormatter(_NoDetail("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _installed.append(handler)
    return folder / FILE


def current_log() -> Path | None:
    for handler in _installed:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def log_unexpected(err: BaseException) -> str:
    """Log an unexpected error (type and code locations only); where it was logged."""
    logging.getLogger(LOGGER).error("unexpected error", exc_info=(type(err), err,
                                                                   err.__traceback__))
    where = current_log()
    return str(where) if where is not None else "no log (the vault folder is not open)"
