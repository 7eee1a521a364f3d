"""Figures a DPO feels on screen, measured in this process on an offscreen window: the
breaches list, a keystroke in its search box, the register page with its statistics and
charts, and opening one breach's workspace."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from bench.measure import median_ms, timed_ms
from gui.main_window import MainWindow
from model.services.context import AppContext

SEARCH = "phone 20"  # typed one key at a time: matches narrow as it goes


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _until(done: Callable[[], bool], limit_s: float = 120) -> None:
    app, end = _app(), time.monotonic() + limit_s
    while not done():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the window did not finish its work in time")
        time.sleep(0.001)


def list_load_ms(ctx: AppContext, runs: int = 5) -> float:
    """Reading every breach and filling the table (what start-up and Back do)."""
    from gui.breaches.view import BreachesView

    app = _app()
    view = BreachesView(ctx)
    view.resize(1229, 600)
    view.show()
    app.processEvents()

    def load() -> None:
        view.reload()
        app.processEvents()

    took = median_ms(load, runs)
    view.close()
    view.deleteLater()
    return took


def keystroke_ms(ctx: AppContext) -> tuple[float, float]:
    """(median, slowest) ms for one key typed into the list's search box to show its
    matches, over every breach (closed ones included)."""
    from gui.breaches.view import BreachesView

    app = _app()
    view = BreachesView(ctx)
    view.resize(1229, 600)
    view.show()
    view.status_filter.setCurrentIndex(view.status_filter.findData("all"))
    app.processEvents()
    times = []
    for _ in range(2):
        for char in SEARCH:
            times.append(timed_ms(partial(_type, view.search, char)))
        view.search.clear()
        app.processEvents()
    view.close()
    view.deleteLater()
    return statistics.median(times), max(times)


def register_page_ms(ctx: AppContext, runs: int = 3) -> float:
    """The register page from a fresh read (as after any change) to its table, actions
    and the year's statistics with their charts on screen."""
    from gui.register.page import RegisterPage

    app = _app()
    page = RegisterPage(ctx)
    page.resize(1229, 700)
    page.show()
    _until(lambda: not page.loading)

    def load() -> None:
        page.reload()
        _until(lambda: not page.loading)
        page.tabs.setCurrentWidget(page.stats)
        app.processEvents()

    def cold() -> None:
        ctx.db.generation += 1  # as after a write: nothing kept from the last read
        page.tabs.setCurrentIndex(0)
        app.processEvents()

    took = median_ms(load, runs, before=cold)
    page.close()
    page.deleteLater()
    return took


def open_breach_ms(ctx: AppContext, breach_ids: list[int]) -> float:
    """Opening a breach from the list to its workspace on screen (median over breaches)."""
    app = _app()
    window = MainWindow(ctx)
    window.resize(1229, 700)
    window.show()
    app.processEvents()
    times = []
    for breach_id in breach_ids:
        times.append(timed_ms(partial(_open, window, breach_id)))
        workspace = window.workspace()
        if workspace is not None:
            workspace.close_workspace()
            app.processEvents()
    window.close_for_lock()
    window.deleteLater()
    app.processEvents()
    return statistics.median(times)



def _type(box: QWidget, char: str) -> None:
    QTest.keyClicks(box, char)
    _app().processEvents()


def _open(window: MainWindow, breach_id: int) -> None:
    window.open_breach(breach_id)
    _app().processEvents()
