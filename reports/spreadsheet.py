"""The register (or any model.domain.register.sheet.Sheet) as CSV or XLSX, with every text
cell that a spreadsheet would run as a formula neutralised.

CSV is UTF-8 with a byte-order mark so Excel reads the accents; XLSX is written with
openpyxl, every text cell stored as text (never a formula). Files are written atomically.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

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


def _text(ws: Any, value: str) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"  # text, never a formula
    return cell


def xlsx_bytes(sheets: list[Sheet], progress: ProgressSink | None = None) -> bytes:
    """A workbook streamed row by row (openpyxl's write-only mode: memory and time grow
    with the rows, not faster)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sink = progress or NoProgress()
    book = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for sheet in sheets:
        ws = book.create_sheet(sheet.name[:31])
        # Widths, frozen header and filter are set before the first row is written.
        for col, header in enumerate(sheet.headers, start=1):
            longest = max([len(header)] + [len(str(r[col - 1] or "")) for r in sheet.rows[:200]])
            ws.column_dimensions[get_column_letter(col)].width = min(max(10, longest + 2), 60)
        ws.freeze_panes = "B2"
        last = get_column_letter(max(1, len(sheet.headers)))
        ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
        heads = [_text(ws, neutralise(h)) for h in sheet.headers]
        for cell in heads:
            cell.font, cell.alignment = bold, wrap
        ws.append(heads)
        for i, row in enumerate(sheet.rows):
            if i % 500 == 0:
                sink.step(i, len(sheet.rows), f"Writing the {sheet.name.lower()} sheet")
            values = [_cell(c) for c in row]
            ws.append([_text(ws, v) if isinstance(v, str) else v for v in values])
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
