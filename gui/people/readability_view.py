"""The live readability indicator: Flesch reading ease coloured green from 60, average and
longest sentence, and the jargon found with plain words to use instead. Scores are worked
out off the GUI thread a moment after typing stops, so a long paste never freezes it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QListWidget, QVBoxLayout, QWidget

from gui.kit import tasks
from gui.kit.style import COLOURS, label
from model.domain.people.readability import (
    FAIR,
    GOOD,
    LONG_AVERAGE,
    LONG_SENTENCE,
    Readability,
    score,
)

DELAY_MS = 350
_BAND = {"good": (COLOURS["ok"], "Easy to read"), "fair": (COLOURS["warn"], "Fairly hard"),
         "poor": (COLOURS["bad"], "Hard to read")}


class ReadabilityPanel(QFrame):
    """Shows the score of the text it is given (`set_text`); `scored` fires with it."""

    scored = Signal(object)  # Readability

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readability")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.result: Readability | None = None
        self._text = ""
        self._asked = 0        # the newest request: older answers are dropped
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._start)
        self.flesch = QLabel("…")
        self.flesch.setObjectName("fleschScore")
        self.band = label("Working out the score…", "hint")
        self.sentences = label("", "hint")
        self.longest = label("", "hint")
        self.jargon = QListWidget()
        self.jargon.setObjectName("jargon")
        self.jargon.setMaximumHeight(150)
        self.jargon.setToolTip("Words a reader may stumble on, and what to say instead")
        score = QVBoxLayout()
        score.addWidget(label("Readability", "heading"))
        score.addWidget(self.flesch)
        score.addWidget(self.band)
        self.aim = label(f"Flesch reading ease: aim for {GOOD:.0f} or more (green); "
                         f"{FAIR:.0f}-{GOOD - 1:.0f} is amber.", "hint")
        score.addWidget(self.aim)
        details = QVBoxLayout()
        details.addWidget(self.sentences)
        details.addWidget(self.longest)
        details.addWidget(label("Jargon to replace", "hint"))
        details.addWidget(self.jargon)
        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.columns.setContentsMargins(10, 8, 10, 10)
        self.columns.addLayout(score)
        self.columns.addLayout(details, 1)

    def set_compact(self, compact: bool) -> None:
        """Side by side and short (above the letter on a narrow screen), or a tall panel."""
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if compact
                                  else QBoxLayout.Direction.TopToBottom)
        self.jargon.setMaximumHeight(64 if compact else 150)

    def set_text(self, text: str) -> None:
        """Score `text` shortly (each call restarts the wait)."""
        self._text = text
        self._timer.start()

    def score_now(self, text: str) -> None:
        self._text = text
        self._timer.stop()
        self._start()

    def _start(self) -> None:
        self._asked += 1
        asked, text = self._asked, self._text
        tasks.run_in_background(lambda: score(text), lambda r: self._show(asked, r),
                                lambda err: self._failed(asked, err))

    def _current(self, asked: int) -> bool:
        """The answer is to the newest question and the panel still exists (a step can
        close while a score is being worked out)."""
        return shiboken6.isValid(self) and asked == self._asked

    def _failed(self, asked: int, err: BaseException) -> None:
        if self._current(asked):
            self.band.setText(f"Could not score the text: {err}")

    def _show(self, asked: int, result: Readability) -> None:
        if not self._current(asked):
            return  # typing went on (a newer score is on its way), or the panel is gone
        self.result = result
        if not result.scored:
            self.flesch.setText("—")
            self.band.setText("No text to score yet.")
            self.sentences.setText("")
            self.longest.setText("")
            self.jargon.clear()
            self.scored.emit(result)
            return
        colour, words = _BAND[result.band]
        self.flesch.setText(f"{result.flesch:.0f}")
        self.flesch.setStyleSheet(f"font-size: 26pt; font-weight: 700; color: {colour};")
        self.band.setText(f"{words} ({result.words:,} words)")
        avg_note = " — too long" if result.average > LONG_AVERAGE else ""
        self.sentences.setText(f"Average sentence: {result.average:.0f} words (aim for "
                               f"{LONG_AVERAGE} or fewer){avg_note}")
        long_note = " — split it" if result.longest > LONG_SENTENCE else ""
        self.longest.setText(f"Longest sentence: {result.longest} words{long_note}")
        self.longest.setToolTip(result.longest_text)
        self.jargon.clear()
        for hit in result.jargon:
            self.jargon.addItem(f"“{hit.phrase}” → {hit.instead}")
        if not result.jargon:
            self.jargon.addItem("None found")
        self.scored.emit(result)
