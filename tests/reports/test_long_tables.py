"""A long table starts under its heading on the page it is given, with its header row once
per page; each date, reference and header word of the printed register keeps to one line."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pypdf
from reportlab.pdfbase.pdfmetrics import stringWidth

from model.domain import document as d
from model.domain.documents.register import PRINT_HEADERS, WIDTHS
from reports.fonts import BOLD, REGULAR, register_fonts
from reports.pdf import render_document
from reports.template import LANDSCAPE

PADDING = 7.0  # the list style's left and right padding together, at full size


def _document(rows: int) -> d.Document:
    table = d.Table(("Reference", "Title"),
                    tuple((f"REF-{i:04d}", f"Entry number {i}") for i in range(rows)))
    lead = d.Fields(((d.Field("Entries", str(rows)),),))
    return d.Document(kind="test", title="A long list", subtitle="", running_title="List",
                      organisation="Org", reference="", zone="Europe/London",
                      generated_at=datetime(2026, 12, 2, 12, tzinfo=UTC), lead=(lead,),
                      sections=(d.Section("Entries", (table,)),))


def test_a_long_table_starts_on_the_first_page() -> None:
    rendered = render_document(_document(120))
    pages = pypdf.PdfReader(io.BytesIO(rendered.data)).pages
    first = pages[0].extract_text()
    assert "Entries" in first and "REF-0000" in first
    for page in pages:
        assert page.extract_text().count("Reference") == 1


def test_register_columns_fit_their_longest_word() -> None:
    register_fonts()
    scale = LANDSCAPE.frame_width / sum(WIDTHS)
    widths = dict(zip(PRINT_HEADERS, (w * scale for w in WIDTHS), strict=True))
    samples = {"Reference": "BR-2026-0001", "Discovered": "30 Sep 2026",
               "ICO told": "30 Sep 2026", "People told": "30 Sep 2026",
               "Regime": "DPA Part 3", "Cause": "Technology", "Risk": "Unlikely"}
    for header, sample in samples.items():
        assert stringWidth(sample, REGULAR, 8) + PADDING <= widths[header], header
    for header in PRINT_HEADERS:
        longest = max(stringWidth(word, BOLD, 7.5) for word in header.split())
        assert longest + PADDING <= widths[header], header
