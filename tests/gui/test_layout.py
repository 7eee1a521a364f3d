"""Fits a laptop: at 1229x700 (a 1366x768 screen) and 1280x800, no page and no step of the
workspace needs a horizontal scroll bar, and the window stays the size it was given."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from gui.kit.style import app_icon, icon
from gui.main_window import MainWindow
from tests.conftest import open_demo


def sideways(widget: QWidget) -> list[str]:
    """Visible scroll areas that need a horizontal scroll bar (a sign of clipping)."""
    found = []
    for area in widget.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible() and bar.maximum() > 0:
            found.append(f"{type(area).__name__} in {type(area.parentWidget()).__name__}")
    return found


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("size", [(1229, 700), (1280, 800)])
def test_every_screen_fits_a_laptop(qtbot, clock, size) -> None:  # type: ignore[no-untyped-def]
    demo = open_demo(clock)
    try:
        window = MainWindow(demo)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        problems: list[str] = []
        for page in ("Breaches", "Register", "Settings"):
            window.show_page(page)
            settle()
            problems += [f"{page}: {p}" for p in sideways(window)]
        window.show_page("Breaches")
        for summary in demo.breaches.list()[-3:]:
            workspace = window.open_breach(summary.id)
            assert workspace is not None
            for step in workspace.step_pages:
                workspace.show_step(step.KEY)
                settle()
                problems += [f"{summary.reference} {step.KEY}: {p}" for p in sideways(window)]
        assert window.width() == size[0], "something forced the window wider"
        assert problems == []
        window.close_for_lock()
    finally:
        demo.close()


def test_the_icons_are_found() -> None:
    assert not app_icon().isNull()
    for name in ("new", "lock"):
        assert not icon(name).isNull() and icon(name).availableSizes() != [] \
            or not icon(name).pixmap(16, 16).isNull()
