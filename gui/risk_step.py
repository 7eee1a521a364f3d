"""Risk step of the breach workspace (owned by the risk-step work; this first version only
shows the heading so the workspace can embed it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class RiskStep(QWidget):
    changed = Signal()

    def __init__(self, ctx, breach_id: int, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._breach_id = breach_id
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Risk assessment"))

    def refresh(self) -> None:
        """Reload from the services (called when the workspace shows this step)."""
