"""Render any model.domain.document.Document as an A4 PDF: the title block, the sections and
each kind of block, in the one stylesheet. User text is escaped here, span by span.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, Paragraph, Spacer, Table

from model.domain import document as d
from reports.blocks import SPLIT_IN_ROW, Blocks
from reports.common import write_atomically
from reports.escape import escape
from reports.styles import (
    ACCENT,
    GOOD_INK,
    MUTED,
    RULE,
    SHADE,
    WARN_INK,
    WARN_SHADE,
    box_style,
    columns_style,
    list_style,
    signature_style,
    stylesheet,
)
from reports.template import LANDSCAPE, PORTRAIT, Geometry, PageHeading, Rendered, render_fitted

# A one-page document is set at the largest of these scales that fits (0.85 makes 8 pt
# text 6.8 pt); below that, legibility wins and it flows onto more pages at full size.
# An answer longer than this (characters) flows outside a table cell (see _long_question).
LONG_ANSWER = 3000
CHUNK = 150  # rows per table of a long list
KEEP_ROWS = 6  # a heading is kept with a table of at most this many rows
ONE_PAGE_SCALES = (1.0, 0.98, 0.96, 0.94, 0.92, 0.9, 0.88, 0.86, 0.85)
_TONE_COLOURS: dict[d.Tone, Any] = {
    d.Tone.PLAIN: None, d.Tone.MUTED: MUTED, d.Tone.ACCENT: ACCENT, d.Tone.GOOD: GOOD_INK,
    d.Tone.WARN: WARN_INK, d.Tone.BAD: WARN_INK,
}


def _hex(colour: Any) -> str:
    return "#" + str(colour.hexval())[2:]


def markup(text: d.Rich | str) -> str:
    """reportlab paragraph markup for a rich text; every span's words escaped."""
    if isinstance(text, str):
        return escape(text)
    out = []
    for span in text:
        piece = escape(span.text)
        colour = _TONE_COLOURS.get(span.tone)
        if colour is not None:
            piece = f'<font color="{_hex(colour)}">{piece}</font>'
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


class Renderer:
    """Turns blocks into flowables at one scale and width."""

    def __init__(self, blocks: Blocks) -> None:
        self.pg = blocks

    def block(self, block: d.Block) -> list[Flowable]:
        pg = self.pg
        match block:
            case d.Paragraph(text=text, tone=tone):
                style = "note" if tone is d.Tone.MUTED else "body"
                return [pg.rich(markup(text), style), Spacer(1, pg.s.space(2))]
            case d.Callout(text=text, tone=tone):
                return [self._callout(text, tone)]
            case d.Note(text=text, tone=tone):
                style = "warning" if tone in (d.Tone.WARN, d.Tone.BAD) else "note"
                return [Spacer(1, pg.s.space(2)), pg.p(text, style)]
            case d.Fields():
                return [self._fields(block)]
            case d.Table():
                return self._table(block)
            case d.MarkedList():
                return self._marked(block)
            case d.Bullets(items=items, title=title):
                head = [pg.p(title, "caption")] if title else []
                return [*head, *(pg.rich(f"•\u00a0{escape(i)}", "reason") for i in items)]
            case d.Question():
                return self._question(block)
            case d.SignOff(labels=labels):
                return [self._signoff(labels)]
            case d.Chart() | d.Charts() | d.Figures():
                from reports.pdf_figures import figure_flowables

                return figure_flowables(pg, block)
        return []

    def _callout(self, text: d.Rich | str, tone: d.Tone) -> Table:
        box = Table([[self.pg.rich(markup(text))]], colWidths=[self.pg.width])
        if tone in (d.Tone.WARN, d.Tone.BAD):
            box.setStyle(box_style(self.pg.s, WARN_INK, WARN_SHADE))
        else:
            box.setStyle(box_style(self.pg.s, ACCENT, SHADE))
        return box

    def _value(self, value: d.Rich | str) -> Flowable:
        return self.pg.rich(markup(value))

    def _fields(self, block: d.Fields) -> Table:
        rows: list[list[Any]] = []
        for row in block.rows:
            cells: list[Any] = []
            for f in row:
                cells += [f.label, self._value(f.value)]
            rows.append(cells)
        four = block.pairs and any(len(row) > 1 for row in block.rows)
        return self.pg.grid(rows, four=four)

    def _table(self, block: d.Table) -> list[Flowable]:
        pg = self.pg
        if not block.rows:
            return [pg.p(block.empty, "note")]
        weights = block.widths or tuple(1.0 for _ in block.headers)
        unit = pg.width / sum(weights)
        header = [pg.p(h, "label") for h in block.headers]
        parts: list[Flowable] = []
        # Long lists as tables of CHUNK rows: reportlab splits a long table in time that
        # grows with its square, so a 10,000-row register would take minutes as one.
        for start in range(0, len(block.rows), CHUNK):
            rows = [header] + [[pg.p(cell) for cell in row]
                               for row in block.rows[start:start + CHUNK]]
            table = Table(rows, colWidths=[w * unit for w in weights], repeatRows=1,
                          splitInRow=SPLIT_IN_ROW)
            table.setStyle(list_style(pg.s))
            parts.append(table)
        return parts

    def _marked(self, block: d.MarkedList) -> list[Flowable]:
        pg = self.pg
        if not block.items:
            return [pg.p(block.empty, "note")]
        paras = []
        for item in block.items:
            colour = _hex(_TONE_COLOURS.get(item.tone) or MUTED)
            paras.append(pg.rich(f'<font color="{colour}"><b>{escape(item.symbol)}</b></font>'
                                 f"\u00a0<b>{escape(item.title)}.</b> {escape(item.text)}",
                                 "reason"))
        legend: list[Flowable] = [Spacer(1, pg.s.space(3)), pg.p(block.legend, "caption")]
        if block.columns < 2:
            return [*legend, *paras]
        gutter = 8 * mm
        width = (pg.width - gutter) / 2
        limit = PORTRAIT.frame_height
        heights = [p.wrap(width, limit)[1] + p.getSpaceAfter() for p in paras]
        if sum(heights) > limit:
            return [*legend, *paras]  # too long for a table cell, which cannot split
        split = min(range(1, len(paras) + 1),
                    key=lambda i: max(sum(heights[:i]), sum(heights[i:])))
        table = Table([[paras[:split], paras[split:] or ""]], colWidths=[width + gutter, width])
        table.setStyle(columns_style(pg.s, gutter))
        return [*legend, table]

    def _question(self, block: d.Question) -> list[Flowable]:
        if len(d.rich_text(block.answer)) > LONG_ANSWER:
            return self._long_question(block)
        return [self._short_question(block)]

    def _long_question(self, block: d.Question) -> list[Flowable]:
        """A long answer flows as paragraphs under its question, not inside a table cell:
        splitting one huge cell page after page costs time that grows with its square."""
        pg = self.pg
        number_width = 11 * mm
        head = Table([[pg.p(block.number, "label"), pg.p(block.question, "cell_bold")]],
                     colWidths=[number_width, pg.width - number_width])
        head.setStyle(list_style(pg.s))
        head.setStyle([("BACKGROUND", (0, 0), (-1, 0), "white"),
                       ("LINEBELOW", (0, 0), (-1, 0), 0, "white")])
        head.keepWithNext = True
        indent = ParagraphStyle("long_answer", parent=pg.s.cell,
                                leftIndent=number_width + 3.5 * mm * pg.s.scale)
        out: list[Flowable] = [head]
        for line in d.rich_text(block.answer).split("\n"):
            out.append(Paragraph(escape(line) or "\u00a0", indent))
        if block.note:
            warn = block.note_tone in (d.Tone.WARN, d.Tone.BAD)
            out.append(Paragraph(escape(block.note), ParagraphStyle(
                "long_note", parent=pg.s.flag if warn else pg.s.note,
                leftIndent=indent.leftIndent)))
        out.append(HRFlowable(width="100%", thickness=0.4, color=RULE, spaceBefore=2,
                              spaceAfter=1))
        return out

    def _short_question(self, block: d.Question) -> Flowable:
        pg = self.pg
        answer = (self._value(block.answer) if block.answered else
                  pg.rich(f"<i>{markup(block.answer) or 'Not answered'}</i>", "note"))
        cells: list[Any] = [pg.p(block.question, "cell_bold"), answer]
        if block.note:
            warn = block.note_tone in (d.Tone.WARN, d.Tone.BAD)
            cells.append(pg.p(block.note, "flag" if warn else "note"))
        number_width = 11 * mm
        table = Table([[pg.p(block.number, "label"), cells]],
                      colWidths=[number_width, pg.width - number_width], splitInRow=SPLIT_IN_ROW)
        table.setStyle(list_style(pg.s))
        table.setStyle([("BACKGROUND", (0, 0), (-1, 0), "white"),
                        ("LINEABOVE", (0, 0), (-1, 0), 0, "white")])
        return table

    def _signoff(self, labels: tuple[str, ...]) -> Table:
        pg = self.pg
        row: list[Any] = []
        for text in labels:
            row += [pg.p(text, "label"), ""]
        label_width = 24 * mm
        blank = (pg.width - label_width * len(labels)) / max(len(labels), 1)
        table = Table([row], colWidths=[w for _ in labels for w in (label_width, blank)])
        table.setStyle(signature_style(pg.s))
        return table


def story(doc: d.Document, scale: float, geometry: Geometry) -> list[Flowable]:
    """The flowables of `doc` at `scale`."""
    pg = Blocks(stylesheet(scale), geometry.frame_width)
    r = Renderer(pg)
    out: list[Flowable] = [pg.p(doc.title, "title")]
    if doc.subtitle:
        out.append(pg.p(doc.subtitle, "subtitle"))
    if doc.status:
        out.append(pg.p(doc.status, "caption"))
    out.append(Spacer(1, pg.s.space(2)))
    for block in doc.lead:
        out += r.block(block)
    for section in doc.sections:
        heading = f"{section.number}  {section.heading}" if section.number else section.heading
        flow: list[Flowable] = [pg.heading(heading)]
        if section.blocks and _long_table(section.blocks[0]):
            # Kept with a long table, a heading would carry the whole table to a new page
            # (and reportlab would repeat its header row mid-page); a few rows' room is enough.
            flow = [CondPageBreak(pg.s.space(90)), pg.p(heading, "heading_loose")]
        for block in section.blocks:
            flow += r.block(block)
        out += flow  # the heading style keeps a heading with what follows
    return out


def _long_table(block: d.Block) -> bool:
    return isinstance(block, d.Table) and len(block.rows) > KEEP_ROWS


def render_document(doc: d.Document) -> Rendered:
    """Lay `doc` out on A4 pages; a one-page document shrinks a little to fit if it can."""
    geometry = LANDSCAPE if doc.landscape else PORTRAIT
    heading = PageHeading(doc.organisation, doc.running_title, doc.generated_at, doc.zone,
                          doc.reference, doc.marking)
    scales = ONE_PAGE_SCALES if doc.one_page else (1.0,)
    return render_fitted(lambda scale: story(doc, scale, geometry), heading, scales,
                         doc.running_title, geometry)


def write_document(doc: d.Document, path: Path) -> Path:
    """Render `doc` and write it to `path` atomically (a failure keeps any previous file)."""
    return write_atomically(Path(path), render_document(doc).data)
