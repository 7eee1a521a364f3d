"""The live result of the risk step: risk level, severity, the two recommendations, what
would change the outcome, the reasons and the assumptions. It only shows an Assessment."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from gui.kit.style import COLOURS, label
from model.domain.enums import RiskLevel
from model.domain.risk import Assessment, Effect, recommendations
from model.domain.risk.registry import factor_title

# Foreground and background of the risk badge.
RISK_COLOURS: dict[RiskLevel, tuple[str, str]] = {
    RiskLevel.HIGH_RISK: ("#ffffff", COLOURS["bad"]),
    RiskLevel.RISK: ("#3d2a00", "#f3c969"),
    RiskLevel.UNLIKELY: ("#ffffff", COLOURS["ok"]),
}
# Mark and colour for each reason's effect.
EFFECT_MARKS: dict[Effect, tuple[str, str]] = {
    Effect.RAISES: ("▲", COLOURS["bad"]),
    Effect.LOWERS: ("▼", COLOURS["ok"]),
    Effect.NEUTRAL: ("●", COLOURS["text_muted"]),
}


def _rich(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText)
    return widget


def _items(lines: list[str]) -> str:
    rows = "".join(f"<tr><td width='16' valign='top'>{mark}</td><td>{text}</td></tr>"
                   for mark, text in (line.split("\x00", 1) for line in lines))
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>"


def reason_lines(a: Assessment) -> str:
    lines = []
    for r in a.reasons:
        mark, colour = EFFECT_MARKS[r.effect]
        lines.append(f"<span style='color:{colour}'>{mark}</span>\x00"
                     f"<b>{escape(factor_title(r.factor))}</b>: {escape(r.text)}")
    return _items(lines)


class LiveResult(QWidget):
    """Shows one Assessment; `show_result(None)` shows a placeholder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self._column = layout
        layout.setContentsMargins(0, 0, 0, 0)
        self.badge = QLabel()
        self.badge.setMinimumHeight(40)
        self.summary = label("", "heading")
        self.likelihood = label("", "")
        self.severity = label("", "")
        self.recommend = _rich()
        head = QGroupBox("Live result")
        head_layout = QVBoxLayout(head)
        for widget in (self.badge, self.summary, self.likelihood, self.severity,
                       self.recommend):
            head_layout.addWidget(widget)
        layout.addWidget(head)
        self.changes_box, self.changes = self._section("What would change the outcome")
        self.changes_box.setStyleSheet(
            f"QGroupBox {{ background: {COLOURS['accent_light']}; border: 1px solid "
            f"{COLOURS['border']}; border-radius: 4px; margin-top: 14px; padding-top: 10px; }}"
            "QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }")
        self.reasons_box, self.reasons = self._section("Reasons")
        self.assumptions_box, self.assumptions = self._section("Assumptions (unknown facts "
                                                               "taken at their worst)")
        layout.addStretch(1)

    def _section(self, title: str) -> tuple[QGroupBox, QLabel]:
        box = QGroupBox(title)
        text = _rich()
        QVBoxLayout(box).addWidget(text)
        self._column.addWidget(box)
        return box, text

    def show_result(self, a: Assessment | None, hints: tuple[str, ...] = (),
                    zone: str = "Europe/London") -> None:
        if a is None:
            self.badge.setText("No result")
            for box in (self.changes_box, self.reasons_box, self.assumptions_box):
                box.hide()
            return
        fg, bg = RISK_COLOURS[a.risk]
        self.badge.setText(f"  {a.risk.label}")
        self.badge.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; font-size: 14pt; "
                                 "font-weight: 600; border-radius: 4px; padding: 4px 8px; }")
        self.summary.setText(a.summary)
        self.summary.setVisible(bool(a.summary))
        self.likelihood.setText("<b>Likelihood</b> of significant consequences (as the ICO "
                                f"form asks): {escape(a.likelihood.label)}")
        sev = a.severity
        self.severity.setText(f"<b>Severity</b> if they happen: {sev.score:g} "
                              f"({escape(sev.band.label.lower())}), SE = DPC × EI + CB = "
                              f"{escape(sev.formula)}")
        recs = recommendations(a, zone)
        first = "".join(f"<p style='margin:2px 0'><b>{escape(r)}</b></p>" for r in recs[:2])
        rest = "".join(f"<p style='margin:2px 0; color:{COLOURS['text_muted']}'>{escape(r)}"
                       "</p>" for r in recs[2:])
        self.recommend.setText(first + rest)
        self.changes.setText(_items([f"→\x00{escape(h)}" for h in hints]) if hints else
                             "No single fact among those checked would change the outcome.")
        self.changes_box.show()
        self.reasons.setText(reason_lines(a))
        self.reasons_box.show()
        self.assumptions.setText(_items([f"•\x00{escape(t)}" for t in a.assumptions]))
        self.assumptions_box.setVisible(bool(a.assumptions))
