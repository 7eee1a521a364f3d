"""The register (or any model.domain.register.sheet.Sheet) as CSV or XLSX, with every text
cell that a spreadsheet would run as a formula neutralised.

CSV is UTF-8 with a byte-order mark so Excel reads the accents; XLSX is written with
openpyxl, every text cell stored as text (never a formula). Files are written atomically.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from model.domain.progress import NoProgress, ProgressSink
from model.domain.register.sheet import Cell, Sheet
from reports import ReportError
from reports.common import write_atomically

# A cell starting with one of these is run by Excel, LibreOffice or Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Text a spreadsheet shows as written: a leading formula character gets a "'" before
    it, which spreadsheets treat as 'this is text'."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(value: Cell) -> str | int:
    if value is None:
        return ""
    return value if isinstance(value, int) else neutralise(value)


def csv_bytes(sheet: Sheet, progress: ProgressSink | None = None) -> bytes:
    sink = progress or NoProgress()
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in sheet.headers])
    for i, row in enumerate(sheet.rows):
        if i % 500 == 0:
            sink.step(i, len(sheet.rows), "Writing the CSV")
        writer.writerow([_cell(c) for c in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(sheets: list[Sheet], progress: ProgressSink | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sink = progress or NoProgress()
    book = Workbook(write_only=False)
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name[:31])
        ws.append([neutralise(h) for h in sheet.headers])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for i, row in enumerate(sheet.rows):
            if i % 500 == 0:
                sink.step(i, len(sheet.rows), f"Writing the {sheet.name.lower()} sheet")
            ws.append([_cell(c) for c in row])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, never a formula
        ws.freeze_panes = "B2"
        for col, header in enumerate(sheet.headers, start=1):
            longest = max([len(header)] + [len(str(r[col - 1] or "")) for r in sheet.rows[:200]])
            ws.column_dimensions[get_column_letter(col)].width = min(max(10, longest + 2), 60)
        ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_sheet(path: Path, sheets: list[Sheet], progress: ProgressSink | None = None) -> Path:
    """Write `sheets` to `path` as CSV (the first sheet) or XLSX (every sheet), by suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return write_atomically(Path(path), csv_bytes(sheets[0], progress))
    if suffix == ".xlsx":
        return write_atomically(Path(path), xlsx_bytes(sheets, progress))
    raise ReportError(f"Cannot write {Path(path).name}: the name must end in .csv or .xlsx.")
