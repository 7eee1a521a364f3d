"""The register as CSV and XLSX (formulas neutralised, UTF-8 with BOM) and PDF, with the
motivating case in it; a malformed import commits nothing and names the rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pypdf
import pytest

from model.domain.errors import ValidationError
from model.domain.facts import facts_from_document
from model.domain.register.importing import ImportField
from reports.pdf import write_document
from reports.spreadsheet import neutralise, write_sheet
from tests.lessons_helpers import action, complete_lessons

EVIL = '=HYPERLINK("http://x","y")'


def _register(ctx, seed_doc) -> int:  # type: ignore[no-untyped-def]
    breach = ctx.breaches.create(facts_from_document(seed_doc | {"title": EVIL}))
    complete_lessons(ctx, breach.id)
    ctx.lessons.add_action([breach.id], action("+SUM(A1) @risk -x"))
    return breach.id


def test_neutralise() -> None:
    for text in (EVIL, "+1", "-2", "@x", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
    assert neutralise("Plain text") == "Plain text"


def test_csv_has_bom_and_no_live_formula(ctx, seed_doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _register(ctx, seed_doc)
    path = write_sheet(tmp_path / "r.csv", ctx.register.sheets())
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    assert "Hardware/software misconfiguration" in text


def test_xlsx_cells_are_text_not_formulas(ctx, seed_doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _register(ctx, seed_doc)
    path = write_sheet(tmp_path / "r.xlsx", ctx.register.sheets())
    book = openpyxl.load_workbook(path)
    register, actions = book["Register"], book["Actions"]
    title = register["B2"]
    assert title.value == "'" + EVIL and title.data_type == "s"
    assert actions["D2"].value == "'+SUM(A1) @risk -x" and actions["D2"].data_type == "s"
    for sheet in (register, actions):
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_register_pdf_lists_the_case(ctx, seed_doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _register(ctx, seed_doc)
    path = write_document(ctx.register.register_document(), tmp_path / "r.pdf")
    page = pypdf.PdfReader(path).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = " ".join(page.extract_text().split())
    assert "BR-2026-" in text and "HYPERLINK" in text and "Third party" in text


def _write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_malformed_import_commits_nothing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write_csv(tmp_path / "old.csv", [
        "Ref,Title,Date discovered,ICO told,Type,Cause",
        "2025/01,Email to wrong school,2025-03-02 10:00,,Data emailed to incorrect recipient,"
        "Human error",
        "2025/02,,2025-04-01,,,",
        "2025/03,Lost bag,31/02/2025,,,",
        "2025/04,Portal bug,2025-05-01,2025-05-03,Not a real type,",
    ])
    table = ctx.register_import.read(path)
    mapping = {ImportField.REFERENCE: 0, ImportField.TITLE: 1, ImportField.DISCOVERED: 2,
               ImportField.ICO_TOLD: 3, ImportField.INCIDENT_TYPE: 4, ImportField.CAUSE: 5}
    preview = ctx.register_import.preview(table, mapping)
    assert [p.line for p in preview.bad] == [3, 4, 5] and not preview.can_commit
    assert "no title" in preview.bad[0].reason and "not a date" in preview.bad[1].reason
    with pytest.raises(ValidationError, match="nothing was imported.*row 3.*row 4.*row 5"):
        ctx.register_import.commit(table, mapping)
    assert ctx.breaches.count() == 0


def test_good_import_is_marked_imported(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write_csv(tmp_path / "old.csv", [
        "Ref;Incident;Discovered;Reported to ICO;Incident type;Root cause;Team",
        "2025/01;Email to wrong school;02/03/2025 10:00;04/03/2025 09:00;"
        "Data emailed to incorrect recipient;Human error;Schools",
        "2025/02;Bag left on bus;2025-04-01;;Loss/theft of paperwork or data left in insecure "
        "location;human_error;Schools",
    ])
    table = ctx.register_import.read(path)
    from model.domain.register.importing import guess_mapping

    mapping = guess_mapping(table.headers)
    assert mapping[ImportField.TITLE] == 1 and mapping[ImportField.ICO_TOLD] == 3
    references = ctx.register_import.commit(table, mapping, "DPO")
    assert references == ["BR-2025-0001", "BR-2025-0002"]
    rows = ctx.register.rows()
    assert all(r.imported for r in rows) and rows[0].notified
    assert rows[1].team == "Schools" and rows[1].primary_cause is not None
    assert "old.csv row 2" in ctx.breaches.get(rows[0].id).imported_from
