"""The app's home: every breach, the most pressing deadline first, with a live countdown,
a status filter, a search box and the New breach button."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.breaches.table import (
    ALL_FILTER,
    ID_ROLE,
    OPEN_FILTER,
    WIDEST,
    BreachTableModel,
    Column,
)
from gui.kit.style import label
from model.domain.deadlines import DeadlineState
from model.domain.enums import BreachStatus

TICK_MS = 30_000


def _summary_text(total: int, counts: dict[DeadlineState, int]) -> str:
    parts = [f"{total} breach{'es' if total != 1 else ''}"]
    for state, words in ((DeadlineState.OVERDUE, "overdue"),
                         (DeadlineState.DUE_SOON, "due within 24 hours"),
                         (DeadlineState.ON_TIME, "on time"),
                         (DeadlineState.NO_CLOCK, "without an awareness time")):
        if counts.get(state):
            parts.append(f"{counts[state]} {words}")
    return " · ".join(parts)


class BreachesView(QWidget):
    """The breaches table. Emits `open_breach(id)` and `new_breach_requested()`."""

    open_breach = Signal(int)
    new_breach_requested = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self.model = BreachTableModel(ctx.clock, ctx.organisation.get().time_zone, self)
        self.model.set_filter(OPEN_FILTER, "")  # as the status box starts
        self.summary = label("", "hint")
        self.new_button = QPushButton("New breach…")
        self.new_button.setDefault(True)
        self.new_button.setMinimumHeight(32)
        self.status_filter = QComboBox()
        self.status_filter.addItem("All open", OPEN_FILTER)
        for status in BreachStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.addItem("All, including closed", ALL_FILTER)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search reference, title, regime or status")
        self.search.setClearButtonEnabled(True)
        self.table = self._make_table()
        self.empty = label("No breaches recorded yet.\n\nWhen something goes wrong, press "
                           "New breach to start the triage: the notification clock is "
                           "shown as soon as you record when you became aware.", "hint")
        self.no_match = label("No breach matches this filter and search.", "hint")
        for message in (self.empty, self.no_match):
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for page in (self.table, self.empty, self.no_match):
            self.stack.addWidget(page)
        self._layout()
        self.new_button.clicked.connect(self.new_breach_requested)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.search.textChanged.connect(self._filter_changed)
        self.table.activated.connect(self._activated)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self.reload()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(30)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        table.sortByColumn(Column.TIME_LEFT, Qt.SortOrder.AscendingOrder)
        return table

    def _layout(self) -> None:
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(label("Breaches", "title"))
        titles.addWidget(self.summary)
        top.addLayout(titles, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        filters = QHBoxLayout()
        filters.addWidget(label("Show", wrap=False))
        filters.addWidget(self.status_filter)
        filters.addSpacing(12)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)

    def reload(self) -> None:
        """Fetch the breaches again (after one was created, edited or changed status)."""
        zone = self._ctx.organisation.get().time_zone
        self.model.set_breaches(self._ctx.breaches.list(), zone)
        self._update_state()

    def tick(self) -> None:
        """Advance the countdown: only the rows on screen are worked out again."""
        first, last = self.visible_rows()
        self.model.tick(first, last)
        self._update_state()

    def visible_rows(self) -> tuple[int, int]:
        """The first and last rows on screen (0, -1 when none)."""
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        if first < 0:
            return 0, -1
        last = self.table.rowAt(viewport.height() - 1)
        return first, last if last >= 0 else self.model.rowCount() - 1

    def _fit_columns(self) -> None:
        # Widths from the widest text each column can show (not a scan of every row); the
        # title takes whatever width is left.
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        for column, widest in WIDEST.items():
            width = QFontMetrics(bold).horizontalAdvance(widest) if column is \
                Column.TIME_LEFT else metrics.horizontalAdvance(widest)
            self.table.setColumnWidth(column, width + 18)

    def _filter_changed(self) -> None:
        self.model.set_filter(self.status_filter.currentData(), self.search.text())
        self._update_state()

    def _update_state(self) -> None:
        total = self.model.total()
        self.summary.setText(_summary_text(total, self.model.state_counts()) if total else "")
        self._fit_columns()
        if not total:
            self.stack.setCurrentWidget(self.empty)
        elif self.model.rowCount() == 0:
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.table)

    def _activated(self, index: QModelIndex) -> None:
        breach_id = index.data(ID_ROLE)
        if breach_id is not None:
            self.open_breach.emit(int(breach_id))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def visible_references(self) -> list[str]:
        """References in the order shown (for tests and the status bar)."""
        return [self.model.index(r, Column.REFERENCE).data()
                for r in range(self.model.rowCount())]
