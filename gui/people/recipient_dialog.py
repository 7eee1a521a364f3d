"""Typing in one recipient (or correcting one): name, address lines, postcode, email and
the data about them that was involved. The service checks it as it checks a CSV row."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.kit.inputs import CheckList
from gui.kit.style import label
from model.domain.enums import DataCategory
from model.domain.errors import ValidationError
from model.domain.people.recipients import (
    MAX_EMAIL,
    MAX_LINE,
    MAX_LINES,
    MAX_NAME,
    Recipient,
    RecipientDraft,
    check_recipient,
)

CATEGORIES = [c for c in DataCategory if c not in (DataCategory.NONE,
                                                    DataCategory.NOT_YET_KNOWN)]


class RecipientDialog(QDialog):
    """Ask for one recipient; `draft()` is the checked entry after OK."""

    def __init__(self, recipient: Recipient | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit recipient" if recipient else "Add a recipient")
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.lines = [QLineEdit() for _ in range(MAX_LINES)]
        for edit in self.lines:
            edit.setMaxLength(MAX_LINE)
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(10)
        self.email = QLineEdit()
        self.email.setMaxLength(MAX_EMAIL)
        self.categories = CheckList(CATEGORIES, columns=2, short=True)
        self.error = label("", "error")
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Name", self.name)
        for i, edit in enumerate(self.lines, 1):
            form.addRow(f"Address line &{i}", edit)
        form.addRow("&Postcode", self.postcode)
        form.addRow("&Email (optional)", self.email)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Each letter goes to one address. A second person at an "
                               "address already listed is added to that letter.", "hint"))
        layout.addLayout(form)
        layout.addWidget(label("Data about this person that was involved (leave blank if "
                               "the same as the breach):", "hint"))
        layout.addWidget(self.categories)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if recipient is not None:
            self.name.setText(recipient.name)
            for edit, line in zip(self.lines, recipient.lines, strict=False):
                edit.setText(line)
            self.postcode.setText(recipient.postcode)
            self.email.setText(recipient.email)
            self.categories.set_values(recipient.categories)
        self._checked: RecipientDraft | None = None

    def entered(self) -> RecipientDraft:
        return RecipientDraft(self.name.text(), tuple(e.text() for e in self.lines),
                              self.postcode.text(), self.email.text(),
                              tuple(self.categories.values()))

    def draft(self) -> RecipientDraft:
        assert self._checked is not None, "only after OK"
        return self._checked

    def accept(self) -> None:
        try:
            self._checked = check_recipient(self.entered())
        except ValidationError as err:
            self.error.setText(f"Please check: {err}")
            self.error.show()
            return
        super().accept()
