"""PDF reports built with reportlab from frozen records; one builder module per document.

Importing this package is cheap: reportlab loads only when a builder module is imported.
"""

from __future__ import annotations

from model.domain.errors import BreachDeskError


class ReportError(BreachDeskError):
    """A report could not be written (folder missing or read-only, disk full, bad input)."""


def report_file_name(reference: str, kind: str) -> str:
    """A default file name such as 'BR-2026-0001 not notifiable record.pdf'.

    Characters that are unsafe in file names on Windows, macOS or Linux become '-'.
    """
    safe = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in reference)
    return f"{safe.strip(' .') or 'breach'} {kind}.pdf"
