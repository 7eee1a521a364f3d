"""Shared look: one application stylesheet, the app icon and small label helpers.

Screens use these helpers instead of inline colours so the whole app reads as one piece.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QWidget

ICONS = Path(__file__).resolve().parents[2] / "assets" / "icons"

# Colour keys used across screens (deadline states reuse ok/warn/bad).
COLOURS = {
    "accent": "#1f4e79",
    "accent_light": "#e8eff7",
    "text_muted": "#5a6270",
    "ok": "#1e7b34",
    "warn": "#9a6700",
    "bad": "#b3261e",
    "border": "#d0d5dc",
    "sidebar": "#f2f4f7",
}

STYLESHEET = f"""
QLabel[role="title"] {{ font-size: 15pt; font-weight: 600; color: {COLOURS['accent']}; }}
QLabel[role="heading"] {{ font-size: 12pt; font-weight: 600; }}
QLabel[role="hint"] {{ color: {COLOURS['text_muted']}; }}
QLabel[role="error"] {{ color: {COLOURS['bad']}; }}
QLabel[role="ok"] {{ color: {COLOURS['ok']}; }}
QLabel[role="pending"] {{ color: {COLOURS['warn']}; font-weight: 600; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 1px solid {COLOURS['bad']}; border-radius: 3px;
}}
QLabel[role="warning"] {{
    color: #5c3c00; background: #fff4d6; border: 1px solid #f0d58c;
    border-radius: 4px; padding: 8px;
}}
QListWidget#sidebar {{
    background: {COLOURS['sidebar']}; border: none;
    border-right: 1px solid {COLOURS['border']}; font-size: 11pt; padding-top: 8px;
}}
QListWidget#sidebar::item {{ padding: 10px 16px; border-radius: 4px; margin: 2px 8px; }}
QListWidget#sidebar::item:selected {{ background: {COLOURS['accent']}; color: white; }}
QListWidget#sidebar::item:hover:!selected {{ background: {COLOURS['accent_light']}; }}
QToolBar {{ spacing: 6px; padding: 4px 8px; }}
QToolBar QToolButton {{ padding: 4px 10px; }}
QGroupBox {{ font-weight: 600; margin-top: 14px; padding-top: 10px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
QTableView {{ gridline-color: {COLOURS['border']}; }}
QHeaderView::section {{ padding: 4px 6px; font-weight: 600; }}
QStatusBar QLabel {{ color: {COLOURS['text_muted']}; padding: 0 6px; }}
"""


def icon(name: str) -> QIcon:
    """An icon from assets/icons (drawn for this project as plain SVG)."""
    return QIcon(str(ICONS / f"{name}.svg"))


def app_icon() -> QIcon:
    return icon("breach-desk")


def apply_style(app: QApplication) -> None:
    """Fusion style (the same on every desktop), a readable base font, the stylesheet."""
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def label(text: str = "", role: str = "", parent: QWidget | None = None,
          wrap: bool = True) -> QLabel:
    """A QLabel with a stylesheet role: title, heading, hint, error, ok, pending, warning."""
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def set_role(widget: QLabel, role: str) -> None:
    """Change a label's role at run time (the style must be re-polished to notice)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
