"""Small input widgets for facts where "not known" is a real answer: date-times, counts,
yes/no/not known, enum choices and checkable category lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from gui.style import label

NOT_KNOWN = "Not known"
MAX_COUNT = 2_000_000_000


def compact(widget: QWidget, width: int = 240) -> None:
    """Keep a choice at a readable width instead of stretching across the form."""
    widget.setMinimumWidth(width)
    widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)


def hint(text: str) -> QLabel:
    """The one-line plain-English hint shown under a field."""
    return label(text, "hint")


class OptionalDateTime(QWidget):
    """A date-time in the organisation's zone with a "Not known" tick box (None = unknown).

    The edit holds wall-clock time in `zone`; `value()` converts it to aware UTC.
    """

    changed = Signal()

    def __init__(self, zone: str, clock: Callable[[], datetime], allow_unknown: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = ZoneInfo(zone)
        self._clock = clock
        self._fold = 0
        self.edit = QDateTimeEdit()
        # The edit's own zone is UTC so Qt never shifts the wall time typed in.
        self.edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.edit.setDisplayFormat("ddd dd MMM yyyy  HH:mm")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumWidth(210)
        # At its minimum the edit shows a dash: that is how "not known" looks.
        self.edit.setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0),
                                               QTimeZone(QTimeZone.Initialization.UTC)))
        self.edit.setSpecialValueText("—")
        self.unknown = QCheckBox(NOT_KNOWN)
        self.unknown.setVisible(allow_unknown)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unknown)
        layout.addStretch(1)
        self.unknown.toggled.connect(self._unknown_toggled)
        self.edit.dateTimeChanged.connect(self.changed)
        self.set_value(None if allow_unknown else clock())

    def _unknown_toggled(self, unknown: bool) -> None:
        if not unknown and not self.edit.isEnabled():
            # A time just became known: start from now rather than an old leftover.
            self.set_now(self._clock())
        elif unknown:
            self.edit.setDateTime(self.edit.minimumDateTime())
        self.edit.setEnabled(not unknown)
        self.changed.emit()

    def set_now(self, now: datetime) -> None:
        """Show `now` in the edit (used as the starting point when a time becomes known)."""
        local = now.astimezone(self._zone)
        # 01:30 happens twice when clocks go back: remember which one was meant.
        self._fold = local.fold
        self.edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                        QTime(local.hour, local.minute, local.second),
                                        QTimeZone(QTimeZone.Initialization.UTC)))

    def set_value(self, value: datetime | None) -> None:
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.set_now(value)
        else:
            self.edit.setDateTime(self.edit.minimumDateTime())
        self.unknown.setChecked(value is None)
        self.edit.setEnabled(value is not None)

    def value(self) -> datetime | None:
        if self.unknown.isChecked():
            return None
        d, t = self.edit.date(), self.edit.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(),
                         tzinfo=self._zone, fold=self._fold)
        return local.astimezone(UTC)


class ChoiceCombo(QComboBox):
    """A choice of enum members, with a first "Not known" entry meaning None."""

    def __init__(self, enum: Iterable[StrEnum], none_text: str = NOT_KNOWN,
                 parent: QWidget | None = None, labels: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        compact(self)
        # Qt turns a StrEnum stored as item data into a plain str: keep the members here.
        self._members: list[StrEnum | None] = [None] if none_text else []
        if none_text:
            self.addItem(none_text)
        for member in enum:
            self._members.append(member)
            self.addItem((labels or {}).get(member.value) or member.label)  # type: ignore[attr-defined]

    def set_value(self, value: StrEnum | None) -> None:
        index = self._members.index(value) if value in self._members else 0
        self.setCurrentIndex(index)

    def value(self) -> StrEnum | None:
        index = self.currentIndex()
        return self._members[index] if 0 <= index < len(self._members) else None


class TriState(QComboBox):
    """Yes / No / Not known for a `bool | None` fact, with wording fitting the question."""

    def __init__(self, yes: str = "Yes", no: str = "No", none_text: str = NOT_KNOWN,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        compact(self)
        self.addItem(none_text, None)
        self.addItem(yes, True)
        self.addItem(no, False)

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])

    def value(self) -> bool | None:
        return self.currentData()  # type: ignore[no-any-return]


class CountInput(QWidget):
    """An approximate count: not yet known, about N, or a range from L to N."""

    changed = Signal()
    _UNKNOWN, _ABOUT, _RANGE = 0, 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.addItems(["Not yet known", "About", "Between"])
        self.low = QSpinBox()
        self.high = QSpinBox()
        for spin in (self.low, self.high):
            spin.setRange(0, MAX_COUNT)
            spin.setGroupSeparatorShown(True)
            spin.setMinimumWidth(110)
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
        self.high.setValue(high)
        if low is not None:
            self.low.setValue(low)
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
    """Tick boxes for enum members in a grid; keeps the order in which items were ticked."""

    changed = Signal()

    def __init__(self, members: Sequence[StrEnum], columns: int = 2, short: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._boxes: dict[StrEnum, QCheckBox] = {}
        self._order: list[StrEnum] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        rows = -(-len(members) // columns)
        for i, member in enumerate(members):
            text = member.label  # type: ignore[attr-defined]
            if short and " (" in text:
                # Examples in brackets go to the tooltip so two columns fit a narrow pane.
                box = QCheckBox(text.split(" (")[0])
                box.setToolTip(text)
            else:
                box = QCheckBox(text)
            box.toggled.connect(lambda on, m=member: self._toggled(m, on))
            self._boxes[member] = box
            grid.addWidget(box, i % rows, i // rows)

    def box(self, member: StrEnum) -> QCheckBox:
        return self._boxes[member]

    def _toggled(self, member: StrEnum, on: bool) -> None:
        if on and member not in self._order:
            self._order.append(member)
        elif not on and member in self._order:
            self._order.remove(member)
        self.changed.emit()

    def set_values(self, values: Iterable[StrEnum]) -> None:
        wanted = list(values)
        for member, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(member in wanted)
            box.blockSignals(False)
        self._order = [v for v in wanted if v in self._boxes]
        self.changed.emit()

    def values(self) -> tuple[StrEnum, ...]:
        return tuple(self._order)
