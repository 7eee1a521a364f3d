"""The atomic writer and the small text helpers shared by report builders."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from model.domain.enums import DataCategory
from reports import ReportError, common, report_file_name
from reports.common import count, day, labels, when, write_atomically, yes_no

ROOT = Path(__file__).resolve().parents[2]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "record.pdf"
    assert write_atomically(target, b"%PDF-new") == target
    assert target.read_bytes() == b"%PDF-new"
    assert leftovers(tmp_path) == []


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "record.pdf"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                step: str) -> None:
    target = tmp_path / "record.pdf"
    target.write_bytes(b"previous record")

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(common.os, step, disk_full)
    with pytest.raises(ReportError, match="disk is full") as err:
        write_atomically(target, b"half a record")
    assert "unchanged" in str(err.value)
    assert target.read_bytes() == b"previous record"
    assert leftovers(tmp_path) == []


def test_an_interrupted_write_removes_its_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "record.pdf"
    target.write_bytes(b"previous")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(common.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"previous"
    assert leftovers(tmp_path) == []


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, which ignores folder permissions: simulate the refusal.
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(common, "_temp_file", refused)
    with pytest.raises(ReportError, match="do not have permission"):
        write_atomically(tmp_path / "record.pdf", b"x")


def test_replacing_a_file_held_open_elsewhere(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "record.pdf"
    target.write_bytes(b"previous")

    def locked(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(common.os, "replace", locked)
    with pytest.raises(ReportError, match="open in another program"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"previous"


def test_missing_folder_and_folder_as_target(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        write_atomically(tmp_path / "nowhere" / "record.pdf", b"x")
    with pytest.raises(ReportError, match="that is a folder"):
        write_atomically(tmp_path, b"x")


def test_the_saved_file_is_readable_by_others(tmp_path: Path) -> None:
    target = write_atomically(tmp_path / "record.pdf", b"x")
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644


def test_report_error_is_a_user_error() -> None:
    from model.domain.errors import BreachDeskError

    assert issubclass(ReportError, BreachDeskError)


def test_file_names_are_safe_everywhere() -> None:
    assert report_file_name("BR-2026-0007", "not notifiable record") == \
        "BR-2026-0007 not notifiable record.pdf"
    assert report_file_name('a/b\\c:d*?"<>|\x01', "x") == "a-b-c-d------- x.pdf"
    assert report_file_name(" . ", "x") == "breach x.pdf"


def test_text_helpers() -> None:
    assert when(None, "Europe/London") == "Not recorded"
    assert when(datetime(2026, 10, 9, 11, 0, tzinfo=UTC), "Europe/London") == \
        "09 Oct 2026 12:00 BST"
    assert day(date(2026, 11, 10)) == "10 Nov 2026"
    assert yes_no(None) == "Not known" and yes_no(True) == "Yes" and yes_no(False) == "No"
    assert labels([DataCategory.HEALTH, DataCategory.LOCATION]) == "Health; Location data"
    assert labels([]) == "Not recorded"
    assert count(None) == "Not known"
    assert count(1200) == "1,200"
    assert count(61, 40) == "between 40 and 61"
    assert count(None, 40) == "at least 40"


def test_importing_reports_does_not_load_reportlab() -> None:
    """The GUI imports report builders only when exporting; the package itself is cheap."""
    code = ("import sys, reports, reports.common, reports.escape; "
            "sys.exit(1 if any(m.startswith('reportlab') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_reports_respect_the_layers() -> None:
    """reports/ never imports Qt or the storage layer."""
    for path in (ROOT / "reports").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("PySide6", "model.storage", "from gui", "import gui"):
            assert banned not in text, f"{path.name} mentions {banned}"
