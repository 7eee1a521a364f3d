"""Application-level events: one instance per main window, passed down (not a global), so
the list and the register learn that a breach changed wherever it was edited."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    breach_changed = Signal(int)  # a breach was created, edited or moved (its id)
    settings_changed = Signal()   # the organisation profile (e.g. the display zone) changed
