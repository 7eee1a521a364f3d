"""A breach's append-only timeline (what, when, who) with an "Add action" form, and the
same form as a draft list for the triage wizard, before the breach exists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.errors import reporting
from gui.style import COLOURS, label
from gui.triage.inputs import OptionalDateTime
from model.domain.clock import format_local

KIND_LABELS = {"action": "Action", "status": "Status", "created": "Recorded", "edit": "Edited",
               "note": "Note"}


@dataclass(frozen=True)
class DraftAction:
    """A containment action typed in the wizard, saved once the breach exists."""

    at: datetime
    text: str
    actor: str


class ActionEntry(QWidget):
    """What was done, when (default now) and by whom, with an Add button."""

    submitted = Signal(object)  # DraftAction

    def __init__(self, zone: str, clock: Callable[[], datetime], actor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._actor = actor
        self.what = QLineEdit()
        self.what.setPlaceholderText("e.g. Pages taken down; supplier asked to check logs")
        self.when = OptionalDateTime(zone, clock, allow_unknown=False)
        self.who = QLineEdit(actor)
        self.who.setPlaceholderText("Name or role")
        self.add = QPushButton("Add action")
        self.add.setEnabled(False)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("What", self.what)
        form.addRow("When", self.when)
        row = QHBoxLayout()
        row.addWidget(self.who, 1)
        row.addWidget(self.add)
        form.addRow("Who", row)
        self.what.textChanged.connect(lambda text: self.add.setEnabled(bool(text.strip())))
        self.what.returnPressed.connect(self._submit)
        self.add.clicked.connect(self._submit)

    def _submit(self) -> None:
        text = self.what.text().strip()
        if not text:
            return
        at = self.when.value()
        assert at is not None  # no "not known" for an action's time
        self.submitted.emit(DraftAction(at, text, self.who.text().strip()))

    def reset(self) -> None:
        """Clear after a successful add; the time goes back to now."""
        self.what.clear()
        self.when.set_value(self._clock())


def event_list() -> QListWidget:
    """A list whose two-line entries wrap to its width instead of scrolling sideways."""
    widget = QListWidget()
    widget.setWordWrap(True)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setStyleSheet(LIST_STYLE)
    return widget


LIST_STYLE = ("QListWidget::item { padding: 6px 4px; border-bottom: 1px solid #e3e6ea; }"
              "QListWidget::item:selected { background: #e8eff7; color: black; }")


def _event_item(when: str, kind: str, actor: str, text: str) -> QListWidgetItem:
    head = f"{when}  ·  {actor}" if actor else when
    # Status texts already say "Status: Open → Assessed."; others get their kind in front.
    body = text if kind == "status" else f"{KIND_LABELS.get(kind, kind.title())}: {text}"
    item = QListWidgetItem(f"{head}\n{body}")
    if kind == "status":
        item.setForeground(QColor(COLOURS["accent"]))
    return item


class ActionDraftList(QWidget):
    """The wizard's containment actions: entered now, written to the timeline on Finish."""

    def __init__(self, zone: str, clock: Callable[[], datetime], actor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.actions: list[DraftAction] = []
        self.list = event_list()
        self.entry = ActionEntry(zone, clock, actor)
        self.remove = QPushButton("Remove selected")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entry)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignRight)
        self.entry.submitted.connect(self.add_action)
        self.remove.clicked.connect(self._remove_selected)

    def add_action(self, action: DraftAction) -> None:
        self.actions.append(action)
        self.actions.sort(key=lambda a: a.at)
        self._fill()
        self.entry.reset()

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.actions):
            del self.actions[row]
            self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for a in self.actions:
            self.list.addItem(_event_item(format_local(a.at, self._zone), "action", a.actor,
                                          a.text))


class TimelineWidget(QWidget):
    """The saved timeline of one breach, oldest first, and the form to append to it."""

    changed = Signal()

    def __init__(self, ctx, breach_id: int, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._breach_id = breach_id
        profile = ctx.organisation.get()
        self._zone = profile.time_zone
        self.list = event_list()
        self.entry = ActionEntry(self._zone, ctx.clock, profile.dpo_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label("Timeline", "heading"))
        layout.addWidget(label("Every action and status change, with when and who. Entries "
                               "are never edited or removed.", "hint"))
        layout.addWidget(self.list, 1)
        layout.addWidget(label("Add an action", "heading"))
        layout.addWidget(self.entry)
        self.entry.submitted.connect(self._add)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for event in self._ctx.breaches.timeline(self._breach_id):
            item = _event_item(format_local(event.at, self._zone), event.kind, event.actor,
                               event.text)
            if event.recorded_at is not None:
                item.setToolTip(f"Recorded {format_local(event.recorded_at, self._zone)}")
            self.list.addItem(item)
        self.list.scrollToBottom()

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add(self, action: DraftAction) -> None:
        with reporting(self, "Adding the action") as outcome:
            self._ctx.breaches.add_event(self._breach_id, action.at, action.text,
                                         action.actor, kind="action")
        if outcome.failed:
            return
        self.entry.reset()
        self.refresh()
        self.changed.emit()
