"""Letters to the people affected, laid out for post: A4, the recipient's address where a
UK DL window envelope shows it, the sender, date and reference beside it, then the letter;
"Page x of y" counted per letter. Many letters go into one PDF (a mail-merge), streamed to
a temporary file that replaces the target only when every letter is done.

The envelope window. A DL envelope is 110 x 220 mm; its window (the usual UK one, 90 x 35
mm) sits 20 mm from the left edge and 15 mm from the bottom, i.e. 60-95 mm from the top.
An A4 sheet folded in three has a 99 mm top panel, so inside the 110 mm envelope it can
slide up to 11 mm down and 10 mm sideways. The address is therefore kept to the part of
the sheet the window shows wherever the sheet settles: 25-100 mm from the left and 60-84
mm from the top (75 x 24 mm, up to six lines). Fold marks at 99 and 198 mm help folding.
(The window size and position are common UK stock measurements, working knowledge not
checked against a Royal Mail specification here: see docs/letters.md.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from model.domain.people.printed import PrintedLetter
from model.domain.progress import NoProgress, ProgressSink
from reports.common import open_atomically
from reports.escape import escape
from reports.fonts import BOLD, REGULAR, register_fonts
from reports.styles import ACCENT, INK, MUTED, RULE, SHADE

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 20 * mm, 20 * mm, 22 * mm
# The address area: shown by the DL window wherever the folded sheet settles.
WINDOW_X, WINDOW_TOP, WINDOW_W, WINDOW_H = 25 * mm, 60 * mm, 75 * mm, 24 * mm
SIDE_X = 118 * mm               # the sender and the date/reference column
BODY_TOP_FIRST = 92 * mm        # where the letter starts on its first page
BODY_TOP_NOTICE = 58 * mm       # a notice has no address: it starts higher
FOLDS = (99 * mm, 198 * mm)
ADDRESS_SIZES = (10.5, 10, 9.5, 9, 8.5, 8)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    step: ParagraphStyle
    boxed: ParagraphStyle
    small: ParagraphStyle
    lines: dict[Any, Any]  # line breaks already worked out in this build


def _styles() -> Styles:
    register_fonts()

    def style(name: str, size: float, font: str = REGULAR, colour: Any = INK,
              before: float = 0, after: float = 0, indent: float = 0) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.38,
                              textColor=colour, spaceBefore=before, spaceAfter=after,
                              leftIndent=indent, firstLineIndent=-indent if indent else 0,
                              splitLongWords=True, keepWithNext=name == "heading")

    return Styles(title=style("title", 16, BOLD, ACCENT, after=8),
                  heading=style("heading", 12.5, BOLD, ACCENT, before=9, after=3),
                  body=style("body", 11, after=5),
                  step=style("step", 11, after=3.5, indent=5 * mm),
                  boxed=ParagraphStyle("boxed", parent=style("b", 11, after=9),
                                       backColor=SHADE, borderColor=ACCENT, borderWidth=0.6,
                                       borderPadding=(6, 8, 6, 8), leftIndent=8,
                                       rightIndent=8, spaceBefore=6),
                  small=style("small", 8.5, colour=MUTED, before=10), lines={})


class LetterStart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Takes no room: marks where letter `index` begins (the template reads it); the
    story ends with one more, index len(letters), closing the last letter."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class _Para(Paragraph):  # type: ignore[misc]
    """A paragraph whose line breaks are worked out once per text, style and width: a
    merge repeats the same paragraphs in every letter, and breaking lines is most of the
    cost of laying them out. `cache` belongs to one build; the parts of a paragraph split
    across pages (made by reportlab, without a cache) are broken as usual."""

    def __init__(self, text: Any, style: Any = None, cache: dict[Any, Any] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(text, style, **kwargs)
        self._cache = cache

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - reportlab's method
        if self._cache is None or not isinstance(self.text, str):
            return super().breakLines(width)
        key = (self.text, self.style.name, tuple(width) if isinstance(width, list) else width)
        lines = self._cache.get(key)
        if lines is None:
            lines = self._cache[key] = super().breakLines(width)
        return lines


def _clean(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


def _address_size(lines: Sequence[str]) -> float:
    for size in ADDRESS_SIZES:
        fits_wide = all(stringWidth(line, REGULAR, size) <= WINDOW_W for line in lines)
        if fits_wide and len(lines) * size * 1.2 <= WINDOW_H:
            return size
    return ADDRESS_SIZES[-1]


class MergeTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Pages of many letters: the first page of each has the envelope layout; every page
    has the letter's reference and its own "Page x of y" (y drawn as a PDF form that each
    letter defines once its last page is known)."""

    def __init__(self, out: Any, letters: Sequence[PrintedLetter],
                 progress: ProgressSink) -> None:
        super().__init__(out, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                         bottomMargin=BOTTOM, title=letters[0].title if letters else "",
                         author=letters[0].organisation if letters else "",
                         creator="Breach Desk", initialFontName=REGULAR)
        self.letters = letters
        self.progress = progress
        self.current = 0
        self.first_page = 1
        width = PAGE_W - LEFT - RIGHT
        notice = bool(letters) and letters[0].address is None
        top = BODY_TOP_NOTICE if notice else BODY_TOP_FIRST
        first = Frame(LEFT, BOTTOM, width, PAGE_H - top - BOTTOM, id="first",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = Frame(LEFT, BOTTOM, width, PAGE_H - TOP - BOTTOM, id="later",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate(id="first", frames=[first], onPageEnd=self._first_page,
                         autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[later], onPageEnd=self._later_page)])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's hook
        if not isinstance(flowable, LetterStart):
            return
        if flowable.index > 0:
            # The letter before ended on the page before this one (or, at the end, here).
            last = self.page - (flowable.index < len(self.letters))
            self._close_letter(self.current, last - self.first_page + 1)
        total = len(self.letters)
        if flowable.index < total:
            self.current, self.first_page = flowable.index, self.page
            self.progress.step(flowable.index, total, f"Letter {flowable.index + 1:,} of "
                                                      f"{total:,}")
        else:
            self.progress.step(total, total, "Writing the file")

    def _close_letter(self, index: int, pages: int) -> None:
        canvas = self.canv
        canvas.beginForm(f"pages{index}")
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(PAGE_W - RIGHT - 7 * mm, BOTTOM - 12 * mm, str(pages))
        canvas.endForm()


    # -- what every page shows -------------------------------------------------------------
    def _footer(self, canvas: Canvas) -> None:
        letter = self.letters[self.current]
        y = BOTTOM - 12 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, y + 4.5 * mm, PAGE_W - RIGHT, y + 4.5 * mm)
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(LEFT, y, _clean(f"{letter.organisation} · Reference "
                                          f"{letter.reference}").lstrip(" ·"))
        canvas.drawRightString(PAGE_W - RIGHT - 7 * mm,
                               y, f"Page {self.page - self.first_page + 1} of ")
        canvas.doForm(f"pages{self.current}")

    def _later_page(self, canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        self._footer(canvas)
        canvas.restoreState()

    def _first_page(self, canvas: Canvas, doc: Any) -> None:
        letter = self.letters[self.current]
        canvas.saveState()
        self._sender(canvas, letter)
        if letter.address is not None:
            self._address(canvas, letter.address)
            canvas.setStrokeColor(RULE)
            for fold in FOLDS:
                canvas.line(0, PAGE_H - fold, 5 * mm, PAGE_H - fold)
        self._date_and_reference(canvas, letter)
        self._footer(canvas)
        canvas.restoreState()

    def _sender(self, canvas: Canvas, letter: PrintedLetter) -> None:
        y = PAGE_H - 20 * mm
        for i, line in enumerate(letter.sender[:8]):
            canvas.setFont(BOLD if i == 0 else REGULAR, 11 if i == 0 else 9)
            canvas.setFillColor(ACCENT if i == 0 else INK)
            canvas.drawString(SIDE_X, y, _clean(line)[:60])
            y -= 5.2 * mm if i == 0 else 4.2 * mm

    def _address(self, canvas: Canvas, lines: Sequence[str]) -> None:
        shown = [_clean(line) for line in lines if _clean(line)]
        size = _address_size(shown)
        canvas.setFont(REGULAR, size)
        canvas.setFillColor(colors.black)
        y = PAGE_H - WINDOW_TOP - size
        for line in shown:
            canvas.drawString(WINDOW_X, y, line)
            y -= size * 1.2

    def _date_and_reference(self, canvas: Canvas, letter: PrintedLetter) -> None:
        y = PAGE_H - (WINDOW_TOP if letter.address is not None else 46 * mm) - 10
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, 10)
        prefix = "Published " if letter.address is None else ""
        canvas.drawString(SIDE_X, y, f"{prefix}{letter.date_text}")
        if letter.address is not None:
            canvas.setFont(REGULAR, 9)
            canvas.drawString(SIDE_X, y - 6 * mm, "Your reference (please quote it):")
            canvas.setFont(BOLD, 11)
            canvas.drawString(SIDE_X, y - 11 * mm, _clean(letter.reference))


def _section(s: Styles, heading: str, items: Sequence[tuple[bool, str]],
             boxed: bool) -> list[Flowable]:
    flow: list[Flowable] = [_Para(escape(heading), s.heading, s.lines)] if heading else []
    body: list[Flowable] = []
    for i, (step, text) in enumerate(items):
        if not step and i and items[i - 1][0]:
            body.append(Spacer(1, 3))  # a paragraph after a list needs air
        style = s.boxed if boxed else s.step if step else s.body
        body.append(_Para(f"•\u00a0\u00a0{escape(text)}" if step else escape(text), style,
                          s.lines))
    return [*flow, *body]


def letter_story(letter: PrintedLetter, s: Styles) -> list[Flowable]:
    """One letter's flowables: title, greeting, sections, signature, small print."""
    out: list[Flowable] = [Paragraph(escape(letter.title), s.title)]
    if letter.greeting:
        out.append(Paragraph(escape(letter.greeting), s.body))
    sections = list(letter.sections)
    closing = sections.pop() if sections and not sections[-1].heading else None
    for section in sections:
        out += _section(s, section.heading, section.items, section.boxed)
    # The closing words and the signature stay together: a page break first if they
    # would not fit (cheaper than KeepTogether, which lays everything out twice).
    sign: list[Flowable] = [CondPageBreak(48 * mm), Spacer(1, 4)]
    if closing is not None:
        sign += _section(s, "", closing.items, False)
    if letter.address is not None:
        sign += [Paragraph("Yours sincerely,", s.body), Spacer(1, 12 * mm),
                 Paragraph(f"<b>{escape(letter.signatory)}</b>", s.body)]
        role = ", ".join(x for x in (letter.signatory_role, letter.organisation) if x)
        if role:
            sign.append(Paragraph(escape(role), s.body))
    out += sign
    out.append(Paragraph(escape(letter.small_print), s.small))
    return out


def _story(letters: Sequence[PrintedLetter]) -> list[Flowable]:
    s = _styles()
    story: list[Flowable] = []
    for i, letter in enumerate(letters):
        if i:
            story += [NextPageTemplate("first"), PageBreak()]
        story.append(LetterStart(i))
        story += letter_story(letter, s)
    story.append(LetterStart(len(letters)))
    return story


def _build(out: Any, letters: Sequence[PrintedLetter], progress: ProgressSink) -> int:
    if not letters:
        raise ValueError("no letters to lay out")
    doc = MergeTemplate(out, letters, progress)
    doc.build(_story(letters))
    return int(doc.page)


def render_letters(letters: Sequence[PrintedLetter],
                   progress: ProgressSink | None = None) -> bytes:
    """The PDF of `letters` in memory (a preview of one letter, a test)."""
    import io

    buffer = io.BytesIO()
    _build(buffer, letters, progress or NoProgress())
    return buffer.getvalue()


def write_letters(letters: Sequence[PrintedLetter], path: Path,
                  progress: ProgressSink | None = None) -> int:
    """Write the merge to `path`; returns the page count. A Cancel (progress raising
    Cancelled) or any failure leaves no file behind and any earlier file unchanged."""
    with open_atomically(Path(path)) as out:
        return _build(out, letters, progress or NoProgress())
