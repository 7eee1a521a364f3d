"""Reading recipients from CSV files as spreadsheets really write them."""

from __future__ import annotations

import pytest

from model.domain.enums import DataCategory
from model.domain.errors import ValidationError
from model.domain.people.csv_import import guess_mapping, preview, read_table
from model.domain.people.recipients import address_key

HEADER = "Name,Address line 1,Address line 2,Town,Postcode,Email,Data involved"
ROWS = ["Ann Lee,2 Park Road,,Northtown,NT2 2AA,ann@example.org,name; criminal",
        "Bob Ray,Flat 1,5 High Street,Northtown,NT1 1AB,,",
        "Cat Moss,9 Mill Lane,,Southtown,NT3 3AB,,health"]


def csv(*rows: str, header: str = HEADER, newline: str = "\r\n") -> str:
    return newline.join([header, *rows]) + newline


def read(data: bytes):  # type: ignore[no-untyped-def]
    table = read_table(data)
    return preview(table, guess_mapping(table.headers))


def test_excel_utf8_with_bom() -> None:
    result = read(("\ufeff" + csv(*ROWS)).encode("utf-8"))
    assert result.ok and result.table.encoding == "UTF-8 with BOM"
    assert [r.draft.name for r in result.rows] == ["Ann Lee", "Bob Ray", "Cat Moss"]
    ann = result.rows[0].draft
    assert ann.lines == ("2 Park Road", "Northtown") and ann.email == "ann@example.org"
    assert ann.categories == (DataCategory.BASIC_IDENTIFIERS, DataCategory.CRIMINAL_OFFENCE)


def test_excel_windows_1252_with_semicolons() -> None:
    text = csv("Zoë Brontë;1 Café Row;;Northtown;NT1 1AB;;", header=HEADER.replace(",", ";"))
    result = read(text.encode("cp1252"))
    assert result.ok and result.table.delimiter == ";"
    assert result.table.encoding.startswith("Windows-1252")
    assert result.rows[0].draft.name == "Zoë Brontë"


def test_excel_unicode_text_is_utf16_tab_separated() -> None:
    text = csv(*(r.replace(",", "\t") for r in ROWS), header=HEADER.replace(",", "\t"))
    result = read(text.encode("utf-16"))
    assert result.ok and result.table.delimiter == "\t" and len(result.rows) == 3


def test_sep_hint_line_quotes_and_blank_rows() -> None:
    text = ('sep=;\r\nName;Address;Postcode\r\n"Lee; Ann";"2 Park Road\nBack door";NT2 2AA\r\n'
            ';;\r\n"Ray ""Bobby"" Bob";5 High St;NT1 1AB\r\n')
    result = read(text.encode())
    assert result.ok
    assert result.rows[0].draft.name == "Lee; Ann"
    assert result.rows[0].draft.lines == ("2 Park Road Back door",)
    assert result.rows[1].draft.name == 'Ray "Bobby" Bob' and result.rows[1].row == 4


def test_first_and_last_name_columns_join() -> None:
    result = read(csv("Ann,Lee,2 Park Road,NT2 2AA", header="First name,Surname,Street,Postcode")
                  .encode())
    assert result.rows[0].draft.name == "Ann Lee"


def test_bad_rows_listed_with_reasons_and_row_numbers() -> None:
    result = read(csv(ROWS[0], "No Postcode,1 Road,,Town,,,", "Bad Data,1 Road,,Town,NT1 1AB,,"
                      "shoe size", ",1 Road,,Town,NT1 1AB,,").encode())
    assert not result.ok
    assert [(p.row, p.text.split(":")[0]) for p in result.problems] == [
        (3, "postcode"), (4, "categories"), (5, "name")]


def test_duplicate_addresses_merge_into_the_first_row() -> None:
    result = read(csv(ROWS[0], "Dan Lee,2 park road.,,Northtown,nt22aa,,health", ROWS[1])
                  .encode())
    assert len(result.rows) == 2 and result.merged == 1
    first = result.rows[0]
    assert first.merged_rows == (3,) and first.draft.name == "Ann Lee and Dan Lee"
    assert DataCategory.HEALTH in first.draft.categories


def test_rows_for_a_stored_address_merge_into_it() -> None:
    table = read_table(csv(*ROWS).encode())
    stored = {address_key(("5 High Street",), "NT1 1AB"): 7,
              address_key(("Flat 1", "5 High Street"), "NT1 1AB"): 9}
    result = preview(table, guess_mapping(table.headers), stored)
    assert [r.existing for r in result.rows] == [None, 9, None]


@pytest.mark.parametrize(("data", "says"), [
    (b"", "empty"), (b"PK\x03\x04rest", "Excel workbook"), (b"a\x00b", "binary"),
    (b"\x81\x8d\x8f\x90\x9d", "not UTF-8"),
])
def test_files_that_are_not_csv_are_refused(data: bytes, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        read_table(data)


def test_required_columns_must_be_chosen() -> None:
    table = read_table(b"Who,Where\nAnn,Park Road\n")
    with pytest.raises(ValidationError, match="Name, Address line 1, Postcode"):
        preview(table, guess_mapping(table.headers))
    with pytest.raises(ValidationError, match="two fields"):
        preview(table, {"name": 0, "line1": 0, "postcode": 1})


def test_a_large_file_reads_quickly() -> None:
    rows = [f"Person {i},{i} Long Road,,Town,NT1 {i % 9}AB,,name" for i in range(20_000)]
    result = read(csv(*rows).encode())
    assert result.ok and len(result.rows) == 20_000
