"""Statistics for a year: headline figures and the charts, drawn once by reportlab and
shown here as SVG; the annual report from the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.kit.style import label
from model.domain.deadlines import format_span
from model.domain.document import Chart
from model.domain.register import charts
from model.domain.register.stats import Statistics, percent

CHART_SIZE = (420, 230)


def figures_text(s: Statistics) -> str:
    a = s.actions
    median = s.reporting.median
    return (f"{s.breaches} breaches and {s.near_misses} near misses · {s.reported} reported to "
            f"the ICO ({percent(s.share_reported)}), {s.reported_in_time} within the deadline "
            f"· people told in {s.people_told} ({percent(s.share_told)}) · median awareness "
            f"to report {format_span(median) if median else '—'} · actions: {a.open} open, "
            f"{a.overdue} overdue, {a.effective} of {a.reviewed} reviewed effective · "
            f"{s.repeats} repeat incidents")


@dataclass(frozen=True)
class DrawnStatistics:
    """A year's statistics with their charts already drawn as SVG (off the GUI thread:
    reportlab takes a noticeable moment for five charts)."""

    statistics: Statistics
    charts: tuple[tuple[Chart, bytes], ...]


def draw_statistics(s: Statistics) -> DrawnStatistics:
    from reports.charts import svg

    return DrawnStatistics(s, tuple((c, svg(c, *CHART_SIZE)) for c in charts.all_charts(s)))


def chart_widget(chart: Chart, image: bytes) -> QSvgWidget:
    widget = QSvgWidget()
    widget.load(QByteArray(image))
    widget.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    widget.setMinimumSize(360, 200)
    widget.setToolTip(chart.title)
    return widget


class StatsView(QWidget):
    year_changed = Signal(int)
    annual_requested = Signal(int)

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(2018, 2100)
        self.year.setValue(year)
        self.year.setPrefix("Year ")
        self.annual = QPushButton("Annual report…")
        self.figures = label("")
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.figures)
        column.addLayout(self.grid)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.annual)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.year.valueChanged.connect(self.year_changed)
        self.annual.clicked.connect(lambda: self.annual_requested.emit(self.year.value()))
        self.charts: list[QSvgWidget] = []

    def show_statistics(self, drawn: DrawnStatistics | Statistics) -> None:
        if isinstance(drawn, Statistics):
            drawn = draw_statistics(drawn)
        self.figures.setText(figures_text(drawn.statistics))
        for widget in self.charts:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.charts = [chart_widget(c, image) for c, image in drawn.charts]
        for i, widget in enumerate(self.charts):
            self.grid.addWidget(widget, i // 2, i % 2)
