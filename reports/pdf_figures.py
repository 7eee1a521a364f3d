"""PDF flowables for the figure blocks: a chart (drawn by reports.charts), charts side by
side, and a row of headline numbers."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from model.domain import document as d
from reports.blocks import Blocks
from reports.charts import drawing
from reports.escape import escape
from reports.fonts import BOLD
from reports.styles import ACCENT, GOOD_INK, RULE, SHADE, WARN_INK

CHART_HEIGHT = 54 * mm
_TONE = {d.Tone.GOOD: GOOD_INK, d.Tone.WARN: WARN_INK, d.Tone.BAD: WARN_INK}


def _charts(pg: Blocks, block: d.Charts) -> list[Flowable]:
    per_row = max(1, block.per_row)
    gutter = 8 * mm
    width = (pg.width - gutter * (per_row - 1)) / per_row
    rows: list[list[Any]] = []
    for start in range(0, len(block.charts), per_row):
        group = block.charts[start:start + per_row]
        row: list[Any] = [drawing(c, width, CHART_HEIGHT * pg.s.scale) for c in group]
        rows.append(row + [""] * (per_row - len(row)))
    widths = [width + gutter] * (per_row - 1) + [width]
    table = Table(rows, colWidths=widths)
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm)])
    return [table]


def _figures(pg: Blocks, block: d.Figures) -> list[Flowable]:
    per_row = max(1, block.per_row)
    width = pg.width / per_row
    size = 17 * pg.s.scale
    cells: list[Any] = []
    for f in block.items:
        style = ParagraphStyle("figure", fontName=BOLD, fontSize=size, leading=size * 1.15,
                               textColor=_TONE.get(f.tone, ACCENT))
        cells.append([Paragraph(escape(f.value), style), Spacer(1, 2), pg.p(f.label, "label")])
    rows: list[list[Any]] = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[width] * per_row)
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                    ("LINEAFTER", (0, 0), (-2, -1), 2, "white"),
                    ("LINEBELOW", (0, 0), (-1, -2), 2, "white"),
                    ("BOX", (0, 0), (-1, -1), 0.4, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm)])
    return [table, Spacer(1, pg.s.space(4))]


def figure_flowables(pg: Blocks, block: d.Chart | d.Charts | d.Figures) -> list[Flowable]:
    if isinstance(block, d.Figures):
        return _figures(pg, block)
    if isinstance(block, d.Chart):
        return _charts(pg, d.Charts((block,), per_row=1))
    return _charts(pg, block)
