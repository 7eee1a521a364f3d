"""Small input widgets for facts where "not known" is a real answer: date-times (to the
minute), counts, hours, yes/no/not known, choices and checkable lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from gui.kit.style import label
from model.domain.clock import to_minute

NOT_KNOWN = "Not known"
MAX_COUNT = 2_000_000_000
MAX_HOURS = 100_000
_UTC = QTimeZone(QTimeZone.Initialization.UTC)


def compact(widget: QWidget, width: int = 240) -> None:
    """Keep a choice at a readable width instead of stretching across the form."""
    widget.setMinimumWidth(width)
    widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


def hint(text: str) -> QLabel:
    """The one-line plain-English hint shown under a field."""
    return label(text, "hint")


class OptionalDateTime(QWidget):
    """A date-time in the organisation's zone, to the minute, with a "Not known" box.

    The edit holds wall-clock time in `zone`; `value()` converts it to aware UTC. With
    `follow_now`, the field shows and means "now" until the user changes it, so a default
    time is taken when the form is saved, not when it was opened.
    """

    changed = Signal()

    def __init__(self, zone: str, clock: Callable[[], datetime], allow_unknown: bool = True,
                 follow_now: bool = False, parent: QWidget | None = None,
                 compact_now: bool = False) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(zone)
        self._clock = clock
        self._fold = 0
        self._given: datetime | None = None
        self._setting = False
        self.following = False
        self.edit = QDateTimeEdit()
        # The edit's own zone is UTC so Qt never shifts the wall time typed in.
        self.edit.setTimeZone(_UTC)
        self.edit.setDisplayFormat("ddd dd MMM yyyy  HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumWidth(210)
        # At its minimum the edit shows a dash: that is how "not known" looks.
        self.edit.setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0), _UTC))
        self.edit.setSpecialValueText("—")
        self.unknown = QCheckBox(NOT_KNOWN)
        self.unknown.setVisible(allow_unknown)
        self.now_note = hint("now")
        self.now_note.setVisible(follow_now)
        self._compact_now = compact_now  # a narrow pane: "now" only in the tooltip
        if follow_now:
            self.edit.setToolTip("Now, unless you change it: taken when it is saved")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unknown)
        layout.addWidget(self.now_note)
        layout.addStretch(1)
        self.unknown.toggled.connect(self._unknown_toggled)
        self.edit.dateTimeChanged.connect(self._edited)
        self.set_value(None if allow_unknown else clock())
        if follow_now:
            self.follow_now()
            self._tick = QTimer(self)
            self._tick.timeout.connect(self._follow)
            self._tick.start(15_000)

    def _edited(self) -> None:
        if not self._setting:
            self.following = False  # the user chose a time: stop following the clock
            self.now_note.hide()
        self.changed.emit()

    def _follow(self) -> None:
        if self.following:
            self._show(self._clock())

    def _unknown_toggled(self, unknown: bool) -> None:
        if not unknown and not self.edit.isEnabled():
            # A time just became known: start from now (to the minute), not a leftover.
            self._show(self._clock())
        elif unknown:
            self._set_edit(self.edit.minimumDateTime())
        self.edit.setEnabled(not unknown)
        self.changed.emit()

    def _set_edit(self, value: QDateTime) -> None:
        self._setting = True
        try:
            self.edit.setDateTime(value)
        finally:
            self._setting = False

    def _show(self, moment: datetime) -> None:
        local = to_minute(moment.astimezone(self._zone))
        # 01:30 happens twice when clocks go back: remember which one was meant.
        self._fold = local.fold
        self._set_edit(QDateTime(QDate(local.year, local.month, local.day),
                                 QTime(local.hour, local.minute), _UTC))

    def set_now(self, now: datetime) -> None:
        """Show `now` (to the minute) as a chosen time."""
        self._show(now)

    def set_value(self, value: datetime | None) -> None:
        """Show `value` as chosen (None: not known); the field no longer follows "now"."""
        self.following = False
        self.now_note.hide()
        # A stored time finer than a minute (an imported one) is kept as it is unless the
        # minute shown is changed: opening a form must not make it look edited.
        self._given = value
        self.edit.setEnabled(value is not None)
        if value is not None:
            self._show(value)
        else:
            self._set_edit(self.edit.minimumDateTime())
        self.unknown.blockSignals(True)
        self.unknown.setChecked(value is None)
        self.unknown.blockSignals(False)
        self.edit.setEnabled(value is not None)

    def follow_now(self) -> None:
        """Mean "now" again until the user edits (after an action was added)."""
        self.following = True
        self.now_note.setVisible(not self._compact_now)
        self._show(self._clock())

    def value(self) -> datetime | None:
        if self.unknown.isChecked():
            return None
        if self.following:
            return to_minute(self._clock().astimezone(UTC))
        d, t = self.edit.date(), self.edit.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(),
                         tzinfo=self._zone, fold=self._fold)
        chosen = local.astimezone(UTC)
        given = self._given
        if given is not None and to_minute(given.astimezone(UTC)) == chosen:
            return given
        return chosen


class ChoiceCombo(QComboBox):
    """A choice among values (labels given), with a first "not known" entry meaning None."""

    def __init__(self, options: Iterable[Any], none_text: str = NOT_KNOWN,
                 parent: QWidget | None = None, labels: dict[Any, str] | None = None) -> None:
        super().__init__(parent)
        compact(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Qt turns a StrEnum stored as item data into a plain str: keep the members here.
        self._members: list[Any] = [None] if none_text else []
        if none_text:
            self.addItem(none_text)
        for member in options:
            self._members.append(member)
            text = (labels or {}).get(member) or str(getattr(member, "label", member))
            self.addItem(text)

    def set_value(self, value: Any) -> None:
        index = self._members.index(value) if value in self._members else 0
        self.setCurrentIndex(index)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._members[index] if 0 <= index < len(self._members) else None


class TriState(QComboBox):
    """Yes / No / Not known for a `bool | None` fact, with wording fitting the question."""

    def __init__(self, yes: str = "Yes", no: str = "No", none_text: str = NOT_KNOWN,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        compact(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.addItem(none_text, None)
        self.addItem(yes, True)
        self.addItem(no, False)

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])

    def value(self) -> bool | None:
        return self.currentData()  # type: ignore[no-any-return]


class Hours(QDoubleSpinBox):
    """Hours, with the minimum shown as "Not known" (None)."""

    def __init__(self, unknown: str = NOT_KNOWN, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, MAX_HOURS)
        self.setDecimals(1)
        self.setSpecialValueText(unknown)
        self.setSuffix(" h")
        self.setValue(-1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        compact(self, 140)

    def set_value(self, value: float | None) -> None:
        self.setValue(-1 if value is None else value)

    def value_or_none(self) -> float | None:
        return None if self.value() < 0 else self.value()


class CountInput(QWidget):
    """An approximate count: not yet known, about N, or a range from L to N."""

    changed = Signal()
    _UNKNOWN, _ABOUT, _RANGE = 0, 1, 2

    def __init__(self, unknown: str = "Not yet known", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.addItems([unknown, "About", "Between"])
        self.mode.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.low = QSpinBox()
        self.high = QSpinBox()
        for spin in (self.low, self.high):
            spin.setRange(0, MAX_COUNT)
            spin.setGroupSeparatorShown(True)
            spin.setMinimumWidth(110)
            spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            spin.valueChanged.connect(self.changed)
        self._and = QLabel("and")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mode, self.low, self._and, self.high):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        mode = self.mode.currentIndex()
        self.low.setVisible(mode == self._RANGE)
        self._and.setVisible(mode == self._RANGE)
        self.high.setVisible(mode != self._UNKNOWN)
        self.changed.emit()

    def set_value(self, low: int | None, high: int | None) -> None:
        """`high` is the count (or the top of the range); `low` the bottom of a range."""
        if high is None:
            self.mode.setCurrentIndex(self._UNKNOWN)
            return
        self.high.setValue(min(high, MAX_COUNT))
        if low is not None:
            self.low.setValue(min(low, MAX_COUNT))
        self.mode.setCurrentIndex(self._RANGE if low is not None else self._ABOUT)

    def value(self) -> tuple[int | None, int | None]:
        """(low, high): (None, None) not known, (None, N) about N, (L, N) a range."""
        mode = self.mode.currentIndex()
        if mode == self._UNKNOWN:
            return None, None
        if mode == self._ABOUT:
            return None, self.high.value()
        return self.low.value(), self.high.value()


class CheckList(QWidget):
    """Tick boxes for values in a grid; keeps the order in which items were ticked."""

    changed = Signal()

    def __init__(self, members: Sequence[Any], columns: int = 2, short: bool = False,
                 parent: QWidget | None = None, labels: dict[Any, str] | None = None,
                 tips: dict[Any, str] | None = None,
                 exclusive: frozenset[Any] = frozenset()) -> None:
        super().__init__(parent)
        self._boxes: dict[Any, QCheckBox] = {}
        self._order: list[Any] = []
        self._exclusive = exclusive
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        rows = max(1, -(-len(members) // columns))
        for i, member in enumerate(members):
            text = (labels or {}).get(member) or str(getattr(member, "label", member))
            tip = (tips or {}).get(member, "")
            if short and " (" in text:
                # Examples in brackets go to the tooltip so two columns fit a narrow pane.
                box = QCheckBox(text.split(" (")[0])
                box.setToolTip(f"{text}\n{tip}".strip())
            else:
                box = QCheckBox(text)
                box.setToolTip(tip)
            box.toggled.connect(lambda on, m=member: self._toggled(m, on))
            self._boxes[member] = box
            grid.addWidget(box, i % rows, i // rows)

    def box(self, member: Any) -> QCheckBox:
        return self._boxes[member]

    def _toggled(self, member: Any, on: bool) -> None:
        if on and member not in self._order:
            self._order.append(member)
            # An answer that stands alone clears the others, and the others clear it.
            clear = ([m for m in self._order if m != member] if member in self._exclusive
                     else [m for m in self._order if m in self._exclusive])
            for other in clear:
                self._boxes[other].blockSignals(True)
                self._boxes[other].setChecked(False)
                self._boxes[other].blockSignals(False)
                self._order.remove(other)
        elif not on and member in self._order:
            self._order.remove(member)
        self.changed.emit()

    def set_values(self, values: Iterable[Any]) -> None:
        wanted = list(values)
        for member, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(member in wanted)
            box.blockSignals(False)
        self._order = [v for v in wanted if v in self._boxes]
        self.changed.emit()

    def values(self) -> tuple[Any, ...]:
        return tuple(self._order)

    def show_only(self, members: Iterable[Any]) -> None:
        """Hide the boxes not in `members` (ticked ones always stay visible)."""
        keep = set(members) | set(self._order)
        for member, box in self._boxes.items():
            box.setVisible(member in keep)
