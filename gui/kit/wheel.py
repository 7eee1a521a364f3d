"""The mouse wheel scrolls the page: it never changes a choice or a number that does not
have focus (scrolling past a combo box once changed an answer, and the result, unnoticed).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    """An application-wide filter: a wheel over an unfocused combo or spin box is passed
    on to the scroll area around it instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.Wheel
                and isinstance(watched, QComboBox | QAbstractSpinBox)
                and isinstance(watched, QWidget) and not watched.hasFocus()):
            # Ignored and filtered: Qt hands the wheel to the parent widgets in turn.
            event.ignore()
            return True
        return False


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard once per application."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard
