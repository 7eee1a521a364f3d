"""Editing the letter (or the public notice) section by section: each section shows what
the law asks of it, the checks still failing are listed above, and the readability of the
whole text is scored as the DPO types (gui/people/readability_view.py)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.kit.fact_inputs import long_text
from gui.kit.style import label
from gui.people.readability_view import ReadabilityPanel
from model.domain.people.letter import (
    PLACEHOLDERS,
    LetterText,
    Problem,
    SectionSpec,
    Variant,
)

# Below this width the readability panel moves above the sections (one column).
TWO_COLUMNS_FROM = 800
MAX_EDIT_HEIGHT = 420


class SectionEdit(QWidget):
    """One section: its heading, what it must say, and the text."""

    def __init__(self, spec: SectionSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        heading = spec.heading or "Closing words (before the signature)"
        self.title = label(heading, "heading")
        self.hint = label(spec.asks + ("" if spec.required else " (optional)"), "hint")
        self.edit: QPlainTextEdit = long_text(height=60)
        self.edit.setAccessibleName(heading)
        self.edit.document().contentsChanged.connect(self._fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.edit)

    def _fit(self) -> None:
        """Grow with the text (up to a limit) so a section reads as a page, not a box."""
        metrics = self.edit.fontMetrics()
        margin = int(self.edit.document().documentMargin() * 2) + 4
        width = max(self.edit.viewport().width() - margin, 80)
        text = self.edit.toPlainText() or " "
        needed = metrics.boundingRect(QRect(0, 0, width, 1_000_000),
                                      int(Qt.TextFlag.TextWordWrap), text).height()
        height = needed + metrics.lineSpacing() + margin + 6
        self.edit.setFixedHeight(min(max(height, 56), MAX_EDIT_HEIGHT))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()


class LetterEditor(QWidget):
    """The sections of one letter or notice, the signatory and the readability panel.
    `changed` fires on every edit; `restart` asks for a fresh draft from the case."""

    changed = Signal()
    restart = Signal()

    def __init__(self, notice: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        self._variant: Variant | None = None
        self.sections: dict[str, SectionEdit] = {}
        self.variant_label = label("", "heading")
        self.restart_button = QPushButton("Start again from the case…")
        self.restart_button.setToolTip("Replace the text with a new first draft written from "
                                       "the facts, the assessment and the decision")
        self.restart_button.clicked.connect(self.restart)
        self.notes = label("", "warning")
        self.notes.hide()
        self.problems = label("", "warning")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.hide()
        self.readability = ReadabilityPanel()
        self.readability.setMinimumWidth(250)
        self.readability.setMaximumWidth(340)
        self._body = QVBoxLayout()
        self._body.setSpacing(4)
        self.signatory = QLineEdit()
        self.signatory.setPlaceholderText("Name of an accountable person")
        self.role = QLineEdit()
        self.role.setPlaceholderText("Job title, e.g. Data Protection Officer")
        for edit in (self.signatory, self.role):
            edit.setMaxLength(120)
            edit.textChanged.connect(self.changed)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self._content())
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(12)
        self.columns.addWidget(self.scroller, 1)
        self.columns.addWidget(self.readability, 0, Qt.AlignmentFlag.AlignTop)

    def _content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 8)
        top = QHBoxLayout()
        top.addWidget(self.variant_label, 1)
        top.addWidget(self.restart_button)
        layout.addLayout(top)
        names = ", ".join("{" + k + "}" for k in PLACEHOLDERS)
        layout.addWidget(label(
            "The public notice holds no personal data: no names, addresses or placeholders."
            if self.notice else f"Each recipient's letter fills in {names}. A blank line "
            "starts a new paragraph; a line starting with '- ' is a step in a list.", "hint"))
        layout.addWidget(self.notes)
        layout.addWidget(self.problems)
        layout.addLayout(self._body)
        if not self.notice:
            form = QFormLayout()
            form.addRow("Signed by", self.signatory)
            form.addRow("Job title", self.role)
            layout.addWidget(label("Signature", "heading"))
            layout.addLayout(form)
        layout.addStretch(1)
        return content

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        wide = event.size().width() >= TWO_COLUMNS_FROM
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.BottomToTop)
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
            self.readability.setMaximumWidth(340 if wide else 16_777_215)
            self.readability.set_compact(not wide)
        super().resizeEvent(event)

    # -- the text ----------------------------------------------------------------------
    def _build_sections(self, variant: Variant, specs: tuple[SectionSpec, ...]) -> None:
        for edit in self.sections.values():
            self._body.removeWidget(edit)
            edit.deleteLater()
        self.sections = {}
        for spec in specs:
            edit = SectionEdit(spec)
            edit.edit.textChanged.connect(self.changed)
            self._body.addWidget(edit)
            self.sections[spec.key] = edit
        self._variant = variant
        self.variant_label.setText(variant.label)
        # Tab goes from one section to the next, then to the signature.
        widgets: list[QWidget] = [e.edit for e in self.sections.values()]
        if not self.notice:
            widgets += [self.signatory, self.role]
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def set_text(self, letter: LetterText) -> None:
        """Show `letter` (no `changed` signal)."""
        self.blockSignals(True)
        try:
            if letter.variant != self._variant:
                self._build_sections(letter.variant, letter.specs())
            for key, text in letter.sections:
                edit = self.sections[key].edit
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            self.signatory.setText(letter.signatory)
            self.role.setText(letter.signatory_role)
        finally:
            self.blockSignals(False)

    def text(self) -> LetterText:
        assert self._variant is not None, "set_text() first"
        return LetterText(self._variant,
                          tuple((k, e.edit.toPlainText()) for k, e in self.sections.items()),
                          self.signatory.text().strip(), self.role.text().strip())

    def show_problems(self, problems: list[Problem], notes: str = "") -> None:
        self.notes.setText(notes)
        self.notes.setVisible(bool(notes))
        for key, edit in self.sections.items():
            broken = any(p.section == key for p in problems)
            edit.edit.setProperty("invalid", "true" if broken else "false")
            edit.edit.style().unpolish(edit.edit)
            edit.edit.style().polish(edit.edit)
        text = "\n".join(f"• {p.text}" for p in problems)
        self.problems.setText(f"Before sending:\n{text}" if problems else "")
        self.problems.setVisible(bool(problems))

    def focus_section(self, key: str) -> None:
        edit = self.sections.get(key)
        if edit is not None:
            self.scroller.ensureWidgetVisible(edit)
            edit.edit.setFocus()
