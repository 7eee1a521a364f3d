"""Entering actions (what was done, when, by whom) and showing timeline entries: shared by
the triage wizard (before the breach exists) and the workspace's timeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
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

from gui.kit.inputs import OptionalDateTime
from gui.kit.style import COLOURS
from model.domain.clock import format_local

KIND_LABELS = {"action": "Action", "status": "Status", "created": "Recorded", "edit": "Edited",
               "note": "Note", "assessment": "Assessment", "decision": "Decision",
               "ico_filing": "ICO report filed", "attachment": "File",
               "people": "People affected", "people_contact": "People told",
               "people_notice": "Public notice", "people_told": "People told"}
LIST_STYLE = ("QListWidget::item { padding: 6px 4px; border-bottom: 1px solid #e3e6ea; }"
              "QListWidget::item:selected { background: #e8eff7; color: black; }")


@dataclass(frozen=True)
class DraftAction:
    """An action typed before it is saved (in the wizard, or in the entry form)."""

    at: datetime
    text: str
    actor: str


class _EnterAdds(QObject):
    """Enter in the "what" field adds the action and stays put: the key never reaches the
    dialog's default button (which would jump to the wizard's last page)."""

    def __init__(self, entry: ActionEntry) -> None:
        super().__init__(entry)
        self._entry = entry

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._entry.submit()
            event.accept()
            return True
        return False


class ActionEntry(QWidget):
    """What was done, when (now, unless changed) and by whom, with an Add button."""

    submitted = Signal(object)  # DraftAction

    def __init__(self, zone: str, clock: Callable[[], datetime], actor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = QLineEdit()
        self.what.setPlaceholderText("e.g. Pages taken down; supplier asked to check logs")
        self.when = OptionalDateTime(zone, clock, allow_unknown=False, follow_now=True,
                                     compact_now=True)
        self.when.edit.setMinimumWidth(170)
        self.who = QLineEdit(actor)
        self.who.setPlaceholderText("Name or role")
        self.add = QPushButton("Add action")
        self.add.setEnabled(False)
        self.add.setAutoDefault(False)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("What", self.what)
        form.addRow("When", self.when)
        row = QHBoxLayout()
        row.addWidget(self.who, 1)
        row.addWidget(self.add)
        form.addRow("Who", row)
        self.what.textChanged.connect(lambda text: self.add.setEnabled(bool(text.strip())))
        self.what.installEventFilter(_EnterAdds(self))
        self.add.clicked.connect(self.submit)

    def submit(self) -> None:
        text = self.what.text().strip()
        if not text:
            return
        at = self.when.value()
        assert at is not None  # no "not known" for an action's time
        self.submitted.emit(DraftAction(at, text, self.who.text().strip()))

    def reset(self) -> None:
        """Clear after a successful add; the time means "now" again."""
        self.what.clear()
        self.when.follow_now()
        self.what.setFocus()


def event_list() -> QListWidget:
    """A list whose two-line entries wrap to its width instead of scrolling sideways."""
    widget = QListWidget()
    widget.setWordWrap(True)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setStyleSheet(LIST_STYLE)
    return widget


def event_item(when: str, kind: str, actor: str, text: str) -> QListWidgetItem:
    head = f"{when}  ·  {actor}" if actor else when
    # Status texts already say "Status: Open → Assessed."; others get their kind in front.
    body = text if kind == "status" else f"{KIND_LABELS.get(kind, kind.title())}: {text}"
    item = QListWidgetItem(f"{head}\n{body}")
    if kind == "status":
        item.setForeground(QColor(COLOURS["accent"]))
    return item


class ActionDraftList(QWidget):
    """The wizard's containment actions: entered now, saved with the breach on Finish."""

    changed = Signal()

    def __init__(self, zone: str, clock: Callable[[], datetime], actor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.drafts: list[DraftAction] = []
        self.list = event_list()
        self.entry = ActionEntry(zone, clock, actor)
        self.remove = QPushButton("Remove selected")
        self.remove.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entry)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignRight)
        self.entry.submitted.connect(self.add_action)
        self.remove.clicked.connect(self._remove_selected)

    def add_action(self, action: DraftAction) -> None:
        self.drafts.append(action)
        self.drafts.sort(key=lambda a: a.at)
        self._fill()
        self.entry.reset()
        self.changed.emit()

    def set_actions(self, actions: list[DraftAction]) -> None:
        self.drafts = sorted(actions, key=lambda a: a.at)
        self._fill()

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.drafts):
            del self.drafts[row]
            self._fill()
            self.changed.emit()

    def _fill(self) -> None:
        self.list.clear()
        for a in self.drafts:
            self.list.addItem(event_item(format_local(a.at, self._zone), "action", a.actor,
                                         a.text))
