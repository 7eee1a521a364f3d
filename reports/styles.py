"""The one stylesheet for every report: fonts, sizes, colours and table styles.

`stylesheet(scale)` gives the same look at a smaller size, so a builder can fit a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from reports.fonts import BOLD, OBLIQUE, REGULAR, register_fonts

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#1c4e80")
RULE = colors.HexColor("#c5ced8")
SHADE = colors.HexColor("#eef2f6")
WARN_INK = colors.HexColor("#8a4b00")
WARN_SHADE = colors.HexColor("#fff4e0")
GOOD_INK = colors.HexColor("#2f6b2f")
MARKING = colors.HexColor("#a4262c")


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of one report, all at one scale."""

    scale: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    heading_loose: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    note: ParagraphStyle
    reason: ParagraphStyle
    warning: ParagraphStyle
    flag: ParagraphStyle

    def space(self, points: float) -> float:
        """A vertical gap scaled like the text."""
        return points * self.scale


def stylesheet(scale: float = 1.0) -> Styles:
    """The report styles; `scale` (e.g. 0.9) shrinks every size and gap together."""
    register_fonts()

    def style(name: str, size: float, font: str = REGULAR, colour: colors.Color = INK,
              before: float = 0, after: float = 0, leading: float = 1.25,
              keep_with_next: bool = False, hang: float = 0) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size * scale, leading=size * scale * leading,
            textColor=colour, spaceBefore=before * scale, spaceAfter=after * scale,
            alignment=TA_LEFT, splitLongWords=True, keepWithNext=keep_with_next,
            leftIndent=hang * scale, firstLineIndent=-hang * scale)

    return Styles(
        scale=scale,
        title=style("title", 14, BOLD, ACCENT, after=1, leading=1.2),
        subtitle=style("subtitle", 9.5, BOLD, INK, after=1),
        heading=style("heading", 9, BOLD, ACCENT, before=5, after=2, keep_with_next=True),
        heading_loose=style("heading_loose", 9, BOLD, ACCENT, before=5, after=2),
        body=style("body", 8, leading=1.3),
        label=style("label", 7.5, BOLD, MUTED, leading=1.2),
        caption=style("caption", 7.5, BOLD, MUTED, leading=1.2, after=1, keep_with_next=True),
        cell=style("cell", 8, leading=1.18),
        cell_bold=style("cell_bold", 8, BOLD, leading=1.18),
        note=style("note", 7, OBLIQUE, MUTED),
        warning=style("warning", 8, BOLD, WARN_INK),
        flag=style("flag", 7, BOLD, WARN_INK),
        reason=style("reason", 8, leading=1.18, after=2.2, hang=9),
    )


def grid_style(styles: Styles, label_columns: tuple[int, ...] = (0,)) -> TableStyle:
    """A compact key/value table: shaded label columns, hairlines between rows."""
    pad = 1.3 * styles.scale
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * styles.scale),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5 * styles.scale),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
    ]
    commands += [("BACKGROUND", (col, 0), (col, -1), SHADE) for col in label_columns]
    return TableStyle(commands)


def list_style(styles: Styles) -> TableStyle:
    """A compact list table with a shaded header row."""
    pad = 1.3 * styles.scale
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * styles.scale),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5 * styles.scale),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
    ])


def box_style(styles: Styles, ink: colors.Color = WARN_INK,
              shade: colors.Color = WARN_SHADE) -> TableStyle:
    """A single-cell call-out box (a warning or the decision statement)."""
    pad = 3 * styles.scale
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), shade),
        ("BOX", (0, 0), (-1, -1), 0.6, ink),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 6 * styles.scale),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6 * styles.scale),
    ])


def signature_style(styles: Styles) -> TableStyle:
    """Rows to fill in by hand: tall, with a rule under each blank to write on."""
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 9 * styles.scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * styles.scale),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * styles.scale),
        ("LEFTPADDING", (2, 0), (2, -1), 10 * styles.scale),
        ("LEFTPADDING", (4, 0), (4, -1), 10 * styles.scale),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * styles.scale),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, MUTED),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, MUTED),
        ("LINEBELOW", (5, 0), (5, -1), 0.6, MUTED),
    ])


def columns_style(styles: Styles, gutter: float) -> TableStyle:
    """Two columns of running text: rules above and below, a gutter on the left one."""
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * styles.scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), gutter),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
    ])
