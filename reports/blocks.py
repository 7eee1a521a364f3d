"""Building blocks of report pages: escaped paragraphs, headings, key/value grids.

Every piece of user text reaches a Paragraph through `escape`, here and nowhere else.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from reports.escape import escape
from reports.styles import Styles, grid_style
from reports.template import FRAME_WIDTH

LABEL_WIDTH = 32 * mm
# Rows holding user text may split across pages, leaving at least this much (points) on
# each side: a row taller than a page would otherwise stop the layout.
SPLIT_IN_ROW = 20


class Blocks:
    """Makes flowables in one stylesheet (one scale); user text always goes through `escape`."""

    def __init__(self, styles: Styles, width: float = FRAME_WIDTH) -> None:
        self.s = styles
        self.width = width

    def p(self, text: object, style: str = "cell") -> Paragraph:
        return Paragraph(escape(text), getattr(self.s, style))

    def rich(self, markup: str, style: str = "cell") -> Paragraph:
        """A paragraph of our own markup; callers escape any user text inside it."""
        return Paragraph(markup, getattr(self.s, style))

    def heading(self, text: str) -> Paragraph:
        return self.p(text, "heading")

    def grid(self, rows: list[list[Any]], four: bool = True) -> Table:
        """Key/value rows: [label, value, label, value], or [label, value] spanning the width."""
        label = LABEL_WIDTH
        if four:
            value = (self.width - 2 * label) / 2
            widths = [label, value, label, value]
        else:
            widths = [label, self.width - label]
        cells, spans = [], []
        for r, row in enumerate(rows):
            if four and len(row) == 2:
                row = [*row, "", ""]
                spans.append(("SPAN", (1, r), (3, r)))
            cells.append([self.p(c, "label") if i % 2 == 0 and isinstance(c, str)
                          else (c if isinstance(c, Flowable) else self.p(c))
                          for i, c in enumerate(row)])
        table = Table(cells, colWidths=widths, splitInRow=SPLIT_IN_ROW)
        style = grid_style(self.s, (0, 2) if four else (0,))
        for span in spans:
            style.add(*span)
            style.add("BACKGROUND", (2, span[1][1]), (3, span[1][1]), "white")
        table.setStyle(style)
        return table
