"""Reading recipients from a CSV file as spreadsheets write them: any of the usual
encodings (UTF-8 with or without a BOM, Excel's Windows-1252, UTF-16 "Unicode text"), comma,
semicolon or tab separated, quoted cells with line breaks. The columns are matched to our
fields (a guess the DPO confirms), every row is checked, and rows for one address merge."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from model.domain.errors import ValidationError
from model.domain.people.recipients import (
    RecipientDraft,
    address_key,
    check_recipient,
    merge,
    parse_categories,
)

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
FIELDS: dict[str, str] = {
    "name": "Name", "surname": "Surname (added to the name)", "line1": "Address line 1",
    "line2": "Address line 2", "line3": "Address line 3 (town)", "line4": "Address line 4",
    "postcode": "Postcode", "email": "Email (optional)",
    "categories": "Data involved (optional)",
}
REQUIRED = ("name", "line1", "postcode")
_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "fullname", "recipient", "addressee", "contact name",
             "first name", "forename", "given name"),
    "surname": ("surname", "last name", "family name"),
    "line1": ("address line 1", "address1", "address 1", "line 1", "line1", "street",
              "address", "house", "addr1"),
    "line2": ("address line 2", "address2", "address 2", "line 2", "line2", "locality",
              "addr2"),
    "line3": ("address line 3", "address3", "address 3", "line 3", "line3", "town",
              "city", "post town", "town city"),
    "line4": ("address line 4", "address4", "address 4", "line 4", "line4", "county"),
    "postcode": ("postcode", "post code", "postal code", "zip", "zip code"),
    "email": ("email", "e mail", "email address", "e mail address"),
    "categories": ("categories", "data categories", "data", "data involved",
                   "information involved", "data category"),
}

Mapping = dict[str, int]  # field -> column index


@dataclass(frozen=True)
class Table:
    """The file as read: how it was decoded and split, the header and the data rows
    (each with its row number as a spreadsheet shows it: the header is row 1)."""

    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class RowProblem:
    row: int
    text: str


@dataclass(frozen=True)
class ImportedRow:
    """A recipient to add, or to merge into one already in the list (`existing`)."""

    row: int
    draft: RecipientDraft
    merged_rows: tuple[int, ...] = ()
    existing: int | None = None  # the number of the stored recipient it merges into


@dataclass(frozen=True)
class ImportPreview:
    table: Table
    mapping: Mapping
    rows: tuple[ImportedRow, ...]
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def merged(self) -> int:
        """Rows that join another: a repeated address in the file or one already stored."""
        return sum(len(r.merged_rows) + (r.existing is not None) for r in self.rows)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"PK\x03\x04"):
        raise ValidationError("file", "this is an Excel workbook, not a CSV file. In Excel "
                              "choose File > Save As > \"CSV UTF-8 (comma delimited)\".")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16 (Excel \"Unicode text\")"
    if b"\x00" in data:
        raise ValidationError("file", "is not a text file (it holds binary data)")
    try:
        encoding = "UTF-8 with BOM" if data.startswith(b"\xef\xbb\xbf") else "UTF-8"
        return data.decode("utf-8-sig"), encoding
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252 (Excel \"CSV comma delimited\")"
    except UnicodeDecodeError:
        raise ValidationError("file", "is not UTF-8 or Windows-1252 text; save it as "
                              "\"CSV UTF-8\"") from None


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(data: bytes) -> Table:
    """Decode and split a CSV file; ValidationError when it is not one we can read."""
    if not data.strip():
        raise ValidationError("file", "is empty")
    if len(data) > MAX_BYTES:
        raise ValidationError("file", f"is larger than {MAX_BYTES // 2**20} MB")
    text, encoding = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = text.partition("\n")
    delimiter = _delimiter(first)
    if re.fullmatch(r"sep=.", first.strip()):  # Excel's own hint line
        delimiter, text = first.strip()[4], rest
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        records = [row for row in reader]
    except csv.Error as err:
        raise ValidationError("file", f"cannot be read as CSV: {err}") from None
    if not records:
        raise ValidationError("file", "is empty")
    headers = tuple(h.strip() for h in records[0])
    rows = tuple((i + 2, tuple(row)) for i, row in enumerate(records[1:])
                 if any(cell.strip() for cell in row))
    if len(rows) > MAX_ROWS:
        raise ValidationError("file", f"has {len(rows):,} rows; at most {MAX_ROWS:,} at once")
    return Table(encoding, delimiter, headers, rows)


def _norm(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def guess_mapping(headers: tuple[str, ...]) -> Mapping:
    """Match column headings to fields; unmatched fields are left out."""
    names = [_norm(h) for h in headers]
    mapping: Mapping = {}
    for field_name, candidates in _HEADERS.items():
        for wanted in candidates:
            column = next((i for i, n in enumerate(names)
                           if n == wanted and i not in mapping.values()), None)
            if column is not None:
                mapping[field_name] = column
                break
    return mapping


def check_mapping(mapping: Mapping, headers: tuple[str, ...]) -> None:
    missing = [FIELDS[f] for f in REQUIRED if f not in mapping]
    if missing:
        raise ValidationError("columns", "choose the column for " + ", ".join(missing))
    for field_name, column in mapping.items():
        if field_name not in FIELDS or not 0 <= column < len(headers):
            raise ValidationError("columns", f"no column {column + 1} for {field_name}")
    if len(set(mapping.values())) != len(mapping):
        raise ValidationError("columns", "one column is chosen for two fields")


def _cell(cells: tuple[str, ...], mapping: Mapping, field_name: str) -> str:
    column = mapping.get(field_name)
    return cells[column] if column is not None and column < len(cells) else ""


def _draft(cells: tuple[str, ...], mapping: Mapping) -> RecipientDraft:
    name = " ".join(x.strip() for x in (_cell(cells, mapping, "name"),
                                        _cell(cells, mapping, "surname")) if x.strip())
    lines = tuple(_cell(cells, mapping, f"line{i}") for i in range(1, 5))
    categories = parse_categories(_cell(cells, mapping, "categories"))
    return check_recipient(RecipientDraft(name, lines, _cell(cells, mapping, "postcode"),
                                          _cell(cells, mapping, "email"), categories))


def preview(table: Table, mapping: Mapping,
            existing: dict[str, int] | None = None) -> ImportPreview:
    """Every row checked; rows for one address merged (into the first such row, or into
    the stored recipient whose address key is in `existing`: key -> number)."""
    check_mapping(mapping, table.headers)
    known = existing or {}
    problems: list[RowProblem] = []
    by_key: dict[str, ImportedRow] = {}
    for row, cells in table.rows:
        try:
            draft = _draft(cells, mapping)
        except ValidationError as err:
            problems.append(RowProblem(row, str(err)))
            continue
        key = address_key(draft.lines, draft.postcode)
        first = by_key.get(key)
        if first is None:
            by_key[key] = ImportedRow(row, draft, (), known.get(key))
        else:
            by_key[key] = ImportedRow(first.row, merge(first.draft, draft),
                                      (*first.merged_rows, row), first.existing)
    return ImportPreview(table, dict(mapping), tuple(by_key.values()), tuple(problems))
