"""Helpers shared by report builders: the atomic file write and plain-text formatting.

No reportlab here, so the writer is testable on its own and cheap to import.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from model.domain.clock import format_local
from reports import ReportError

NOT_RECORDED = "Not recorded"

_ERRNO_TEXT: dict[int, str] = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.EROFS: "the folder is on a read-only disk",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
}


def _problem(err: OSError) -> str:
    return _ERRNO_TEXT.get(err.errno or 0, err.strerror or str(err))


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then replace.

    A failure at any point leaves an existing file at `path` untouched and removes the
    temporary file; it raises ReportError with a message the user can act on.
    """
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise ReportError(f"Cannot save the report as {path}: that is a folder.")
    if not folder.is_dir():
        raise ReportError(f"Cannot save the report in {folder}: the folder does not exist.")
    try:
        handle, temp_name = _temp_file(folder, path.stem)
    except OSError as err:
        raise ReportError(f"Cannot save the report in {folder}: {_problem(err)}.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except OSError as err:
        _remove_quietly(temp_name)
        if isinstance(err, PermissionError) and path.exists():
            raise ReportError(
                f"Cannot replace {path}: {_problem(err)}, or the file is open in another "
                "program. Close it and try again.") from None
        raise ReportError(f"Cannot save the report as {path}: {_problem(err)}. "
                          "Any previous file there is unchanged.") from None
    except BaseException:
        _remove_quietly(temp_name)
        raise
    return path


def _temp_file(folder: Path, stem: str) -> tuple[int, str]:
    """A new temporary file beside the target, created with mode 0666 less the user's umask
    (as any program saving a file would), never with a mode forced on the user."""
    for _attempt in range(100):
        name = str(folder / f".{stem}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


@contextlib.contextmanager
def open_atomically(path: Path) -> Iterator[BinaryIO]:
    """A file to stream a long export into: a temporary file in the target folder (so a
    folder that cannot be written is found before the work starts), moved into place only
    when the block ends normally. Any exception (a Cancel included) deletes it, and an
    existing file at `path` is left as it was."""
    path = Path(path)
    if path.is_dir():
        raise ReportError(f"Cannot save as {path}: that is a folder.")
    if not path.parent.is_dir():
        raise ReportError(f"Cannot save in {path.parent}: the folder does not exist.")
    try:
        handle, temp_name = _temp_file(path.parent, path.stem)
    except OSError as err:
        raise ReportError(f"Cannot save in {path.parent}: {_problem(err)}.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except OSError as err:
        _remove_quietly(temp_name)
        raise ReportError(f"Cannot save as {path}: {_problem(err)}. Any previous file "
                          "there is unchanged.") from None
    except BaseException:
        _remove_quietly(temp_name)
        raise


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def when(value: datetime | None, zone: str) -> str:
    """A moment in the user's zone, or 'Not recorded'."""
    return format_local(value, zone) if value is not None else NOT_RECORDED


def day(value: date | None) -> str:
    """A calendar date as '12 Jan 2027', or 'Not recorded'."""
    return value.strftime("%d %b %Y") if value is not None else NOT_RECORDED


def yes_no(value: bool | None) -> str:
    """'Yes', 'No' or 'Not known'."""
    return "Not known" if value is None else ("Yes" if value else "No")


def labels(items: Iterable[StrEnum], empty: str = NOT_RECORDED) -> str:
    """Enum members as their labels, joined with '; '."""
    texts = [str(getattr(item, "label", item)) for item in items]
    return "; ".join(texts) if texts else empty


def count(value: int | None, low: int | None = None) -> str:
    """'61', 'between 40 and 61', or 'Not known'."""
    if value is None:
        return "Not known" if low is None else f"at least {low:,}"
    if low is not None and low != value:
        return f"between {low:,} and {value:,}"
    return f"{value:,}"
