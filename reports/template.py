"""The one page template: A4, a header with organisation and document title, a footer with
the generation time (in the user's zone) and "Page x of y".

`render` lays out a story and returns the PDF bytes and the page count; nothing touches disk.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from model.domain.clock import format_local
from reports.fonts import BOLD, REGULAR, register_fonts
from reports.glyphs import printable
from reports.styles import ACCENT, MARKING, MUTED, RULE

LEFT = RIGHT = 16 * mm
TOP = 19 * mm  # room for the header above the frame
BOTTOM = 14 * mm  # room for the footer below the frame


@dataclass(frozen=True)
class Geometry:
    """An A4 page, upright or on its side, and the frame the content flows in."""

    width: float
    height: float

    @property
    def frame_width(self) -> float:
        return float(self.width - LEFT - RIGHT)

    @property
    def frame_height(self) -> float:
        return float(self.height - TOP - BOTTOM)


PORTRAIT = Geometry(*A4)
LANDSCAPE = Geometry(*landscape(A4))
PAGE_WIDTH, PAGE_HEIGHT = A4
FRAME_WIDTH = PORTRAIT.frame_width
FRAME_HEIGHT = PORTRAIT.frame_height

_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class PageHeading:
    """What every page shows around the content."""

    organisation: str
    title: str
    generated_at: datetime
    zone: str
    reference: str = ""
    marking: str = ""  # a protective marking such as OFFICIAL-SENSITIVE, top and bottom


@dataclass(frozen=True)
class Rendered:
    """A laid-out document: the PDF bytes and how many pages it took."""

    data: bytes
    pages: int


def _fit(text: str, font: str, size: float, width: float) -> str:
    """One line of canvas text no wider than `width`, cut with an ellipsis if needed."""
    text = printable(_CONTROL.sub(" ", text).strip())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_marking(canvas: Canvas, geometry: Geometry, marking: str) -> None:
    text = _fit(marking, BOLD, 9, geometry.frame_width / 2)
    canvas.setFont(BOLD, 9)
    canvas.setFillColor(MARKING)
    canvas.drawCentredString(geometry.width / 2, geometry.height - 5.5 * mm, text)
    canvas.drawCentredString(geometry.width / 2, 3.2 * mm, text)


def _draw_page(canvas: Canvas, page: int, total: int, heading: PageHeading,
               geometry: Geometry = PORTRAIT) -> None:
    canvas.saveState()
    if heading.marking.strip():
        _draw_marking(canvas, geometry, heading.marking)
    page_width, frame_width = geometry.width, geometry.frame_width
    top = geometry.height - 10 * mm
    half = frame_width / 2 - 6 * mm
    canvas.setFont(BOLD, 8.5)
    canvas.setFillColor(ACCENT)
    canvas.drawString(LEFT, top, _fit(heading.organisation or "Organisation not named",
                                      BOLD, 8.5, half))
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(page_width - RIGHT, top, _fit(heading.title, REGULAR, 8.5, half))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, top - 3 * mm, page_width - RIGHT, top - 3 * mm)

    bottom = 8 * mm
    canvas.line(LEFT, bottom + 4 * mm, page_width - RIGHT, bottom + 4 * mm)
    canvas.setFont(REGULAR, 7.5)
    when = format_local(heading.generated_at, heading.zone)
    left = f"Generated {when} by Breach Desk"
    if heading.reference:
        left = f"{heading.reference} · {left}"
    canvas.drawString(LEFT, bottom, _fit(left, REGULAR, 7.5, frame_width - 30 * mm))
    canvas.drawRightString(page_width - RIGHT, bottom, f"Page {page} of {total}")
    canvas.restoreState()


def story_height(story: list[Flowable], geometry: Geometry = PORTRAIT) -> float:
    """The height `story` needs in one frame (an estimate: page breaks are not simulated)."""
    total = 0.0
    for flowable in story:
        total += flowable.wrap(geometry.frame_width, geometry.frame_height * 10)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
        if total > geometry.frame_height:
            break  # already more than a page: the rest cannot change the answer
    return total


class _ChromeLast(Canvas):  # type: ignore[misc]
    """A canvas that draws each page's header and footer when the document is saved, so
    "Page x of y" knows y after one layout (a long register is laid out once, not twice)."""

    def __init__(self, *args: Any, chrome: Callable[[Canvas, int, int], None],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._chrome = chrome
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._chrome(self, number, total)
            super().showPage()
        super().save()


def _build(story: list[Flowable], heading: PageHeading, subject: str,
           geometry: Geometry) -> Rendered:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=(geometry.width, geometry.height), leftMargin=LEFT,
        rightMargin=RIGHT, topMargin=TOP,
        bottomMargin=BOTTOM, title=f"{heading.title} {heading.reference}".strip(),
        author=heading.organisation, subject=subject, creator="Breach Desk",
        initialFontName=REGULAR)
    frame = Frame(LEFT, BOTTOM, geometry.frame_width, geometry.frame_height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def chrome(canvas: Canvas, page: int, total: int) -> None:
        _draw_page(canvas, page, total, heading, geometry)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=partial(_ChromeLast, chrome=chrome))
    return Rendered(buffer.getvalue(), doc.page)


def render(make_story: Callable[[], list[Flowable]], heading: PageHeading,
           subject: str = "", geometry: Geometry = PORTRAIT) -> Rendered:
    """Lay a story out on A4 pages with the header and footer; return bytes and page count.

    A story maker, because a layout marks its flowables: a story is never laid out twice.
    """
    register_fonts()
    return _build(make_story(), heading, subject, geometry)


def render_fitted(make_story: Callable[[float], list[Flowable]], heading: PageHeading,
                  scales: Sequence[float], subject: str = "",
                  geometry: Geometry = PORTRAIT) -> Rendered:
    """The story at the largest of `scales` that fits one page; if none does, at the first
    scale over as many pages as it needs. `make_story(scale)` builds a fresh story."""
    if len(scales) == 1:  # nothing to choose: one layout
        return render(partial(make_story, scales[0]), heading, subject, geometry)
    for scale in scales:
        if story_height(make_story(scale), geometry) > geometry.frame_height:
            continue  # a cheap estimate first; only a real layout decides
        rendered = render(partial(make_story, scale), heading, subject, geometry)
        if rendered.pages == 1:
            return rendered
    return render(lambda: make_story(scales[0]), heading, subject, geometry)
