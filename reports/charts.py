"""Charts drawn once with reportlab graphics: the same Drawing goes into a PDF and, as SVG,
onto the screen (QtSvg shows it). Built from model.domain.document.Chart."""

from __future__ import annotations

import re

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from model.domain.document import Chart
from reports.fonts import BOLD, REGULAR, register_fonts
from reports.styles import ACCENT, INK, MUTED, RULE

SERIES_COLOURS = (ACCENT, colors.HexColor("#e0a030"), colors.HexColor("#6b9bc8"),
                  colors.HexColor("#8a4b00"))
TITLE_SIZE = 9
TEXT_SIZE = 7


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _top(values: list[float]) -> float:
    """A round upper end for the value axis (whole numbers; at least 1)."""
    high = max(values + [1.0])
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if high / step <= 6:
            return step * -(-high // step)
    return high


def _step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return float(step)
    return top / 5


def _stacked_totals(chart: Chart) -> list[float]:
    return [sum(s.values[i] for s in chart.series) for i in range(len(chart.categories))]


def _legend(chart: Chart, x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = REGULAR, TEXT_SIZE
    legend.boxAnchor = "ne"
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.dx = legend.dy = 6
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], s.name)
                             for i, s in enumerate(chart.series)]
    return legend


def _style_bars(bars: VerticalBarChart | HorizontalBarChart, chart: Chart) -> None:
    bars.data = [list(s.values) for s in chart.series]
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        bars.bars[i].strokeColor = None
    if len(chart.series) > 1:
        bars.categoryAxis.style = "stacked"
    top = _top(_stacked_totals(chart))
    value = bars.valueAxis
    value.valueMin, value.valueMax, value.valueStep = 0, top, _step(top)
    value.labels.fontName, value.labels.fontSize = REGULAR, TEXT_SIZE
    value.labels.fillColor = MUTED
    value.labelTextFormat = "%d"
    value.strokeColor = RULE
    value.visibleGrid = True
    value.gridStrokeColor = RULE
    value.gridStrokeWidth = 0.3
    category = bars.categoryAxis
    category.labels.fontName, category.labels.fontSize = REGULAR, TEXT_SIZE
    category.labels.fillColor = INK
    category.strokeColor = RULE
    # Bar and gap widths are relative: with few categories, wider gaps keep bars slim.
    bars.barWidth = 10
    bars.barSpacing = 1
    bars.groupSpacing = 10 * max(0.4, (8 - len(chart.categories)) / 2.5)


def drawing(chart: Chart, width: float, height: float) -> Drawing:
    """`chart` as a Drawing of `width` × `height` points."""
    register_fonts()
    d = Drawing(width, height)
    d.add(String(0, height - TITLE_SIZE, _clip(chart.title, 80), fontName=BOLD,
                 fontSize=TITLE_SIZE, fillColor=ACCENT))
    if chart.is_empty:
        d.add(String(0, height - TITLE_SIZE - 18, chart.empty, fontName=REGULAR,
                     fontSize=TEXT_SIZE + 1, fillColor=MUTED))
        return d
    legend_room = 14 if len(chart.series) > 1 else 0
    plot_top = height - TITLE_SIZE - 8 - legend_room
    if len(chart.series) > 1:
        d.add(_legend(chart, width, height - TITLE_SIZE - 4))
    if chart.horizontal:
        names = [_clip(c, 48) for c in chart.categories]
        longest = max(stringWidth(n, REGULAR, TEXT_SIZE) for n in names)
        label_room = min(width * 0.5, longest + 8)
        bars: VerticalBarChart | HorizontalBarChart = HorizontalBarChart()
        bars.x, bars.y = label_room, 14
        bars.width, bars.height = width - label_room - 6, plot_top - 14
        bars.categoryAxis.categoryNames = [_clip(c, 48) for c in reversed(chart.categories)]
        _style_bars(bars, chart)
        bars.data = [list(reversed(s.values)) for s in chart.series]
        bars.categoryAxis.labels.boxAnchor = "e"
        bars.categoryAxis.labels.dx = -3
    else:
        bars = VerticalBarChart()
        many = len(chart.categories) > 8
        bottom = 30 if many else 16
        bars.x, bars.y = 24, bottom
        bars.width, bars.height = width - 30, plot_top - bottom
        bars.categoryAxis.categoryNames = [_clip(c, 14) for c in chart.categories]
        _style_bars(bars, chart)
        if many:
            bars.categoryAxis.labels.angle = 45
            bars.categoryAxis.labels.boxAnchor = "ne"
            bars.categoryAxis.labels.dy = -2
    d.add(bars)
    return d


# QtSvg (SVG Tiny 1.2) has no clipPath: it would paint the clipping rectangle black.
_CLIP_PATH = re.compile(r"<clipPath\b.*?</clipPath>", re.DOTALL)
_CLIP_STYLE = re.compile(r'\s*style="clip-path: url\(#clip\)"')


def svg(chart: Chart, width: float = 420, height: float = 220) -> bytes:
    """The chart as SVG (UTF-8), for the screen (QtSvg shows it)."""
    text = renderSVG.drawToString(drawing(chart, width, height))
    return _CLIP_STYLE.sub("", _CLIP_PATH.sub("", text)).encode("utf-8")
