"""The breach register: every breach and near miss with the Art. 33(5) columns, filters and
search, the actions across all breaches, statistics with charts, exports and import.

UK GDPR Art. 33(5) (DPA 2018 s.67(6)) asks the controller to document every breach; this
is that record. Rows come from query columns in one SQL read; filtering is in memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import show_error
from gui.kit.style import label
from gui.kit.tasks import Task, run_in_background
from gui.register.actions_view import ActionsView
from gui.register.filters import FilterBar
from gui.register.stats_view import DrawnStatistics, StatsView, draw_statistics
from gui.register.table import ID_ROLE, RegisterTableModel
from model.domain.documents.register import HEADERS
from model.domain.lessons.records import CorrectiveAction
from model.domain.register.rows import RegisterRow, apply_filter
from model.services.context import AppContext


def count_line(rows: list[RegisterRow], total: int) -> str:
    """'12 of 40 entries: 10 breaches, 2 near misses; 1 with overdue actions'."""
    if not total:
        return "No breaches recorded yet."
    kinds = Counter(r.near_miss for r in rows)
    overdue = sum(1 for r in rows if r.actions_overdue)
    text = (f"{len(rows):,} of {total:,} entries: {kinds[False]:,} breaches, "
            f"{kinds[True]:,} near misses")
    return text + (f"; {overdue} with overdue actions" if overdue else "")


# Shown on request (right-click the header): the screen keeps to what fits a laptop.
HIDDEN_AT_FIRST = ("Regime", "Cause", "People", "Decision and reason", "In time",
                   "People told")


@dataclass(frozen=True)
class _Loaded:
    """What one read of the register brings back from the worker thread."""

    rows: list[RegisterRow]
    zone: str
    repeats: dict[int, tuple[str, ...]]
    statistics: DrawnStatistics


class RegisterPage(QWidget):
    open_breach = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._task: Task | None = None
        self._stats_task: Task | None = None
        self._again = False
        self._actions_task: Task | None = None
        self._actions_stale = True  # the Actions tab reads them when it is first shown
        self.last_task: Task | None = None  # the last export started (tests wait on it)
        self._repeats: dict[int, tuple[str, ...]] = {}
        self._all: list[RegisterRow] = []
        self._zone = "Europe/London"
        self.model = RegisterTableModel(self)
        self.filters = FilterBar()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self._setup_columns()
        self.table.activated.connect(self._activated)
        self.counts = label("", "hint")
        self.actions_view = ActionsView()
        self.stats = StatsView(ctx.clock().year)
        self.tabs = QTabWidget()
        register_tab = QWidget()
        column = QVBoxLayout(register_tab)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.counts)
        column.addWidget(self.table, 1)
        self.tabs.addTab(register_tab, "Register")
        self.tabs.addTab(self.actions_view, "Actions")
        self.tabs.addTab(self.stats, "Statistics")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export")
        menu = QMenu(self.export_button)
        for kind, text in (("pdf", "Register as PDF…"), ("csv", "Register as CSV…"),
                           ("xlsx", "Register as XLSX…")):
            menu.addAction(text, partial(self.export, kind))
        self.export_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(label("Breach register", "title"), 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(label("Every breach and near miss, notified or not (UK GDPR Art. "
                               "33(5), DPA 2018 s.67(6)). Double-click or press Enter to open "
                               "one. Bold titles repeat an earlier incident's processor, or "
                               "its cause in the same team, within 12 months.", "hint"))
        layout.addWidget(self.tabs, 1)
        self.filters.changed.connect(self._refilter)
        self.actions_view.open_breach.connect(self.open_breach)
        self.stats.year_changed.connect(self._show_stats)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.stats.annual_requested.connect(self.annual)
        self.import_button.clicked.connect(self.import_register)

    @property
    def loading(self) -> bool:
        """A read of the register is under way (tests wait for it to end)."""
        return self._task is not None or self._actions_task is not None

    def reload(self) -> None:
        """Read the register off the GUI thread (seconds on a large vault the first time);
        the page says it is loading meanwhile. A reload asked for during one follows it."""
        if self._task is not None:
            self._again = True
            return
        self.counts.setText("Loading the register…")
        register, year = self._ctx.register, self.stats.year.value()

        def work() -> _Loaded:
            return _Loaded(register.rows(), register.organisation().time_zone,
                           register.repeats(),
                           draw_statistics(register.statistics(date(year, 1, 1),
                                                               date(year, 12, 31))))

        self._task = run_in_background(work, self._loaded, self._failed)

    def _loaded(self, data: _Loaded) -> None:
        self._task = None
        self._all, self._zone, self._repeats = data.rows, data.zone, data.repeats
        self._refilter()
        self._actions_stale = True
        self._tab_shown()
        self.stats.show_statistics(data.statistics)
        self.loaded.emit()
        self._follow_up()

    def _tab_shown(self) -> None:
        """Tens of thousands of actions are read only when their tab is looked at."""
        if (self.tabs.currentWidget() is not self.actions_view or not self._actions_stale
                or self._actions_task is not None):
            return
        self._actions_stale = False
        register = self._ctx.register

        def work() -> tuple[list[CorrectiveAction], date]:
            return register.actions(), register.today()

        def done(result: tuple[list[CorrectiveAction], date]) -> None:
            self._actions_task = None
            self.actions_view.set_actions(*result)
            self._tab_shown()  # a reload while reading: read again

        def failed(err: BaseException) -> None:
            self._actions_task = None
            show_error(self, err, "Reading the actions")

        self._actions_task = run_in_background(work, done, failed)

    def _failed(self, err: BaseException) -> None:
        self._task = None
        self.counts.setText("The register could not be read.")
        show_error(self, err, "Loading the register")
        self._follow_up()

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.reload()

    def _refilter(self) -> None:
        rows = apply_filter(self._all, self.filters.value(), self._zone)
        self.model.set_rows(rows, self._zone, self._repeats)
        self.counts.setText(count_line(rows, len(self._all)))
        self.table.resizeColumnsToContents()
        for column, cap in ((1, 320), (8, 320), (4, 220)):
            if self.table.columnWidth(column) > cap:
                self.table.setColumnWidth(column, cap)

    def _show_stats(self, year: int) -> None:
        register = self._ctx.register

        def work() -> DrawnStatistics:
            return draw_statistics(register.statistics(date(year, 1, 1), date(year, 12, 31)))

        def failed(err: BaseException) -> None:
            show_error(self, err, "Working out the statistics")

        self._stats_task = run_in_background(work, self.stats.show_statistics, failed)

    def _setup_columns(self) -> None:
        """Eight columns fit a laptop; the rest (and every column in the exports) are a
        right-click on the header away."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(80)  # measure a sample, not 10,000 rows
        header.setSectionResizeMode(HEADERS.index("Title"), QHeaderView.ResizeMode.Stretch)
        for name, width in (("ICO incident type", 170), ("Decision and reason", 240)):
            header.setSectionResizeMode(HEADERS.index(name), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(HEADERS.index(name), width)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for name in HIDDEN_AT_FIRST:
            self.table.setColumnHidden(HEADERS.index(name), True)

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for i, name in enumerate(HEADERS):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(partial(self._show_column, i))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)

    def mark_stale(self) -> None:
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.reload()
        super().showEvent(event)

    def _activated(self, index: QModelIndex) -> None:
        breach_id = self.model.data(index, ID_ROLE)
        if breach_id is not None:
            self.open_breach.emit(int(breach_id))

    def export(self, kind: str) -> None:
        from gui.register.exports import export_register

        self.last_task = export_register(self, self._ctx, kind, self.filters.value())

    def annual(self, year: int) -> None:
        from gui.register.exports import export_annual

        self.last_task = export_annual(self, self._ctx, year)

    def import_register(self) -> None:
        from gui.register.import_dialog import ImportDialog

        actor = self._ctx.organisation.get().dpo_name
        dialog = ImportDialog(self._ctx, actor, self)
        if dialog.exec() and dialog.imported:
            self.reload()
