"""A breach's History: every audit event about it, newest first, each with who, when, what
and, under it, each field's old value → new value (read on demand, not with the case)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from gui.kit.actions import event_list
from gui.kit.errors import reporting
from gui.kit.style import label
from model.domain.audit import AuditEvent, Change
from model.domain.catalogue import caption
from model.domain.clock import format_local, parse_iso
from model.services.context import AppContext

SHOWN = 120  # characters of a value shown in a row (the tooltip holds all of it)
ENTITY_NAMES = {
    "breach": "Breach", "status": "Status", "timeline": "Timeline entry", "assessment":
    "Assessment", "decision": "Decision", "filing": "ICO filing", "ico_report": "ICO report",
    "lessons": "Lessons", "action": "Action", "attachment": "Attachment", "letter": "Letter",
    "settings": "Settings",
}


def field_name(change: Change) -> str:
    """A fact's caption from the catalogue; otherwise the field name in words."""
    name = caption(change.field)
    return name if name != change.field else \
        change.field.replace("_", " ").replace(".", ": ").capitalize()


def value_text(value: object) -> str:
    """A stored value as a reader sees it ('—' for nothing)."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = " ".join(str(value).split())
    if len(text) >= 19 and text[4:5] == "-" and text[10:11] == "T":
        try:
            return format_local(parse_iso(text))
        except ValueError:
            return text
    return text


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def change_line(change: Change) -> str:
    """'Field: old → new', or 'Field: value' for what a new record holds."""
    if change.old is None:
        return f"{field_name(change)}: {_short(value_text(change.new))}"
    return (f"{field_name(change)}: {_short(value_text(change.old))} → "
            f"{_short(value_text(change.new))}")


def event_head(event: AuditEvent, zone: str) -> str:
    """Two lines: when and who; what was done to which record."""
    who = event.user or "(no user name set)"
    what = ENTITY_NAMES.get(event.entity, event.entity.capitalize())
    ident = f" {event.entity_id}" if event.entity_id and event.entity not in (
        "breach", "status", "lessons", "ico_report") else ""
    return f"{format_local(event.at, zone)}  ·  {who}\n{what}{ident} {event.action}"


class HistoryWidget(QWidget):
    """The audit trail of one breach, read when shown or refreshed."""

    def __init__(self, ctx: AppContext, breach_id: int, zone: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._breach_id, self._zone = ctx, breach_id, zone
        self.list = event_list()
        # Long entries wrap over several lines: measured in full, never cut short.
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setUniformItemSizes(False)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.load)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label("Every change: when, who, and each field's old value → new "
                               "value, in a hash chain (Settings › Check the vault).", "hint"))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.refresh_button)
        self.loaded = False

    def load(self) -> None:
        with reporting(self, "Reading the history") as outcome:
            events = self._ctx.audit.for_breach(self._breach_id)
        if outcome.failed:
            return
        self.list.clear()
        for event in events:
            text = "\n".join([event_head(event, self._zone)]
                             + [f"• {change_line(c)}" for c in event.changes])
            item = QListWidgetItem(text)
            item.setToolTip("\n".join(
                [f"{event.summary} (event {event.seq}, SHA-256 {event.sha256[:16]}…)"]
                + [f"{field_name(c)}: {value_text(c.old)[:1000]} → {value_text(c.new)[:1000]}"
                   for c in event.changes]))
            self.list.addItem(item)
        self.loaded = True
        QTimer.singleShot(0, self.list.doItemsLayout)  # re-measure at the width shown

    def lines(self) -> list[str]:
        """Every line shown, events and their changes (for tests and screen readers)."""
        return [line for i in range(self.list.count())
                for line in self.list.item(i).text().splitlines()]
