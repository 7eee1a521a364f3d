"""Slow work runs off the GUI thread: while the register is exported the window keeps
handling events (a timer keeps firing, with no long gap), and the file is written."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from gui.register import exports
from gui.register.page import RegisterPage
from tests.conftest import open_demo

CELL_DELAY = 0.0005  # seconds added to every cell written: a long export on a small vault


def test_the_window_keeps_working_during_a_long_export(qtbot, clock, tmp_path: Path,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import reports.spreadsheet as spreadsheet

    demo = open_demo(clock)
    try:
        page = RegisterPage(demo)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: not page.loading, timeout=20_000)
        target = tmp_path / "register.xlsx"
        told: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (str(target), "")))
        monkeypatch.setattr(exports.QMessageBox, "information",
                            lambda parent, title, text: told.append(text))
        real_cell = spreadsheet._cell

        def slow_cell(value):  # type: ignore[no-untyped-def]
            time.sleep(CELL_DELAY)
            return real_cell(value)

        monkeypatch.setattr(spreadsheet, "_cell", slow_cell)
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(10)
        start = time.perf_counter()
        page.export("xlsx")
        task = page.last_task
        assert task is not None and not task.finished  # export() returned at once
        qtbot.waitUntil(lambda: task.finished, timeout=60_000)
        took = time.perf_counter() - start
        timer.stop()
        assert took > 0.3  # it really was long
        gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
        assert len(ticks) >= 0.4 * took / 0.010  # the event loop kept running...
        assert sorted(gaps)[len(gaps) // 2] < 0.05  # ...at its pace...
        assert max(gaps) < 0.5  # ...and never stalled (showing the progress dialog is the
        # longest step: a few hundred ms on a busy 2-core machine; the export took longer)
        with zipfile.ZipFile(target) as book:
            assert "xl/workbook.xml" in book.namelist()
        assert told and "not encrypted" in told[0]
    finally:
        demo.close()
