"""The mouse wheel scrolls the page: it never changes a choice or a number that does not
have focus (scrolling past a combo box once changed an answer, and the result, unnoticed).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """An application-wide filter: a wheel over an unfocused combo or spin box scrolls the
    scroll area around it instead (or nothing, outside one)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.Wheel
                and isinstance(watched, QComboBox | QAbstractSpinBox)
                and not watched.hasFocus()):
            area = _scroll_area_around(watched)
            if area is not None:
                QApplication.sendEvent(area.verticalScrollBar(), event)
            return True  # the choice under the pointer never takes it
        return False


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard once per application."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard
