"""The page template: header, "Page x of y" footer, generation time in the user's zone."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pypdf
import pytest
from reportlab.platypus import Flowable, PageBreak, Paragraph

from reports import fonts
from reports.escape import escape
from reports.styles import stylesheet
from reports.template import FRAME_HEIGHT, PageHeading, render, render_fitted, story_height

HEADING = PageHeading("Northshire Constabulary", "Test document",
                      datetime(2026, 10, 12, 16, 30, tzinfo=UTC), "Europe/London",
                      "BR-2026-0001")


def texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_one_page_header_and_footer() -> None:
    rendered = render(lambda: [Paragraph("Hello", stylesheet().body)], HEADING)
    assert rendered.pages == 1
    [page] = texts(rendered.data)
    assert "Northshire Constabulary" in page
    assert "Test document" in page
    assert "Page 1 of 1" in page
    assert "Generated 12 Oct 2026 17:30 BST" in page
    assert "BR-2026-0001" in page


def test_every_page_knows_the_total() -> None:
    body = stylesheet().body

    def story() -> list[Flowable]:
        return [Paragraph("one", body), PageBreak(), Paragraph("two", body), PageBreak(),
                Paragraph("three", body)]

    rendered = render(story, HEADING)
    assert rendered.pages == 3
    pages = texts(rendered.data)
    assert [f"Page {n} of 3" in text for n, text in enumerate(pages, 1)] == [True] * 3


def test_generated_time_uses_the_given_zone() -> None:
    heading = PageHeading("Org", "Doc", datetime(2026, 1, 15, 16, 30, tzinfo=UTC),
                          "America/New_York")
    [page] = texts(render(lambda: [Paragraph("x", stylesheet().body)], heading).data)
    assert "Generated 15 Jan 2026 11:30 EST" in page


def test_a_very_long_organisation_name_is_cut_not_overprinted() -> None:
    heading = PageHeading("Ł" + "very long organisation name " * 20, "Doc",
                          datetime(2026, 1, 15, tzinfo=UTC), "Europe/London")
    [page] = texts(render(lambda: [Paragraph("x", stylesheet().body)], heading).data)
    assert "Łvery long organisation name" in page
    assert "…" in page


def test_pdf_metadata_and_embedded_font() -> None:
    data = render(lambda: [Paragraph(escape("Łódź"), stylesheet().body)], HEADING, "Subject").data
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Test document BR-2026-0001"
    assert reader.metadata.author == "Northshire Constabulary"
    fonts_used = {str(f["/BaseFont"]) for f in
                  reader.pages[0]["/Resources"]["/Font"].get_object().values()}
    assert any("DejaVuSans" in name for name in fonts_used)
    assert not any("Helvetica" in name for name in fonts_used)


def test_render_fitted_picks_the_largest_scale_that_fits() -> None:
    def story(scale: float) -> list[Paragraph]:
        style = stylesheet(scale).body
        return [Paragraph("line " * 40, style) for _ in range(40)]

    full = story_height(story(1.0))
    assert full > FRAME_HEIGHT  # the test needs a story too long at full size
    seen: list[float] = []

    def tracking(scale: float) -> list[Paragraph]:
        seen.append(scale)
        return story(scale)

    rendered = render_fitted(tracking, HEADING, (1.0, 0.9, 0.8, 0.7, 0.6))
    assert rendered.pages == 1
    chosen = seen[-1]
    assert story_height(story(chosen)) <= FRAME_HEIGHT
    assert chosen < 1.0


def test_render_fitted_flows_at_full_size_when_nothing_fits() -> None:
    body = stylesheet().body
    rendered = render_fitted(lambda s: [Paragraph("word " * 4000, body)], HEADING, (1.0, 0.9))
    assert rendered.pages > 1
    assert f"Page 2 of {rendered.pages}" in texts(rendered.data)[1]


def test_fonts_register_once() -> None:
    assert fonts.register_fonts() == fonts.register_fonts() == fonts.FAMILY


def test_a_missing_font_is_a_clear_error(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setattr(fonts, "FONT_DIR", tmp_path)
    with pytest.raises(fonts.ReportError, match="DejaVuSans.ttf is missing"):
        fonts.register_fonts()
