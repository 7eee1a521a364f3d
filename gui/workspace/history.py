"""A breach's History: every audit event about it, newest first, each with who, when, what
and, under it, each field's old value → new value (read on demand, not with the case)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from gui.kit.errors import reporting
from gui.kit.style import label
from model.domain.audit import AuditEvent, Change
from model.domain.catalogue import caption
from model.domain.clock import format_local
from model.services.context import AppContext

SHOWN = 160  # characters of a value shown in a row (the tooltip holds all of it)
ENTITY_NAMES = {
    "breach": "Breach", "status": "Status", "timeline": "Timeline", "assessment":
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
    return " ".join(str(value).split())


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def change_line(change: Change) -> str:
    return (f"{field_name(change)}: {_short(value_text(change.old))} → "
            f"{_short(value_text(change.new))}")


def event_head(event: AuditEvent, zone: str) -> str:
    who = event.user or "(no user name set)"
    what = ENTITY_NAMES.get(event.entity, event.entity.capitalize())
    ident = f" {event.entity_id}" if event.entity_id and event.entity != "breach" else ""
    return f"{format_local(event.at, zone)} · {who} — {what}{ident} {event.action}"


class HistoryWidget(QWidget):
    """The audit trail of one breach, read when shown or refreshed."""

    def __init__(self, ctx: AppContext, breach_id: int, zone: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._breach_id, self._zone = ctx, breach_id, zone
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.load)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label("History", "heading"))
        layout.addWidget(label("Every change to this breach: when, who, and each field's old "
                               "value → new value. Kept in a hash chain: Settings › Check the "
                               "vault shows it is unbroken.", "hint"))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.refresh_button)
        self.loaded = False

    def load(self) -> None:
        with reporting(self, "Reading the history") as outcome:
            events = self._ctx.audit.for_breach(self._breach_id)
        if outcome.failed:
            return
        self.tree.clear()
        for event in events:
            item = QTreeWidgetItem([event_head(event, self._zone)])
            item.setToolTip(0, f"{event.summary}\nEvent {event.seq}, SHA-256 "
                               f"{event.sha256[:16]}…")
            for change in event.changes:
                child = QTreeWidgetItem([change_line(change)])
                child.setToolTip(0, f"{field_name(change)}\nBefore: "
                                    f"{value_text(change.old)[:2000]}\nAfter: "
                                    f"{value_text(change.new)[:2000]}")
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)
        self.loaded = True

    def lines(self) -> list[str]:
        """Every row's text, events and their changes (for tests and screen readers)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            out.append(item.text(0))
            for j in range(item.childCount()):
                child = item.child(j)
                if child is not None:
                    out.append(child.text(0))
        return out
