"""How the notification clock looks on screen: colours, short regime names, one-line texts.

Shared by the breaches table, the workspace header and the wizard's When page, so a
breach shows the same deadline and countdown wherever it appears.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QColor

from gui.kit.style import COLOURS
from model.domain.clock import format_local, to_zone
from model.domain.deadlines import DeadlineState, DeadlineStatus
from model.domain.enums import BreachStatus, Regime

SHORT_REGIME: dict[Regime, str] = {
    Regime.UK_GDPR: "UK GDPR",
    Regime.DPA2018_PART3: "Part 3",
    Regime.PECR: "PECR",
}

# Text colour and a light background tint for each deadline colour key.
_FOREGROUND = {"green": COLOURS["ok"], "amber": COLOURS["warn"], "red": COLOURS["bad"],
               "grey": COLOURS["text_muted"]}
_BACKGROUND = {"green": "#e6f4ea", "amber": "#fff4d6", "red": "#fde7e6", "grey": "#f2f4f7"}

STATUS_COLOURS: dict[BreachStatus, tuple[str, str]] = {
    BreachStatus.OPEN: ("#1f4e79", "#e8eff7"),
    BreachStatus.ASSESSED: ("#6b3fa0", "#f1eaf9"),
    BreachStatus.NOTIFIED: ("#1e7b34", "#e6f4ea"),
    BreachStatus.NOT_NOTIFIABLE: ("#5a6270", "#eef0f3"),
    BreachStatus.CLOSED: ("#3c4048", "#e4e6ea"),
}


def foreground(colour_key: str) -> QColor:
    return QColor(_FOREGROUND.get(colour_key, COLOURS["text_muted"]))


def background(colour_key: str) -> QColor:
    return QColor(_BACKGROUND.get(colour_key, "#ffffff"))


def deadline_text(deadline: datetime | None, zone: str) -> str:
    """'Mon 12 Oct 2026 12:00 BST', or '' without a deadline."""
    if deadline is None:
        return ""
    return f"{to_zone(deadline, zone).strftime('%a')} {format_local(deadline, zone)}"


def deadline_line(status: DeadlineStatus, zone: str) -> str:
    """'ICO deadline: Mon 12 Oct 2026 12:00 BST — 2 d 21 h left' (or the no-clock text)."""
    if status.deadline is None:
        return status.text
    if status.state is DeadlineState.NOT_REQUIRED:
        return (f"No ICO deadline: notification not required (it would have been "
                f"{deadline_text(status.deadline, zone)})")
    return f"ICO deadline: {deadline_text(status.deadline, zone)} — {status.text}"


def badge_style(status: BreachStatus) -> str:
    """Stylesheet for a rounded status badge label."""
    fg, bg = STATUS_COLOURS[status]
    return (f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg};"
            " border-radius: 9px; padding: 2px 10px; font-weight: 600; }")


def clock_style(colour_key: str) -> str:
    """Stylesheet for a label carrying a countdown in its deadline colour."""
    return (f"QLabel {{ color: {_FOREGROUND.get(colour_key, '#000')};"
            f" background: {_BACKGROUND.get(colour_key, '#fff')};"
            " border-radius: 4px; padding: 4px 8px; font-weight: 600; }")
