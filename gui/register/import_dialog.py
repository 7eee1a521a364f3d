"""Importing an existing register: choose a CSV or XLSX file, map its columns, preview
(bad rows listed with the reason), then import every row or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import reporting
from gui.kit.style import label
from model.domain.register.importing import ImportField, ImportPreview, Mapping, guess_mapping
from model.services.context import AppContext
from model.services.register_import import SourceTable

NOT_USED = "(not used)"


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._actor = ctx, actor
        self.table: SourceTable | None = None
        self.preview_result: ImportPreview | None = None
        self.imported: list[str] = []
        self.setWindowTitle("Import a register")
        self.resize(760, 640)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        choose = QPushButton("Choose file…")
        choose.clicked.connect(self.choose)
        self.combos: dict[ImportField, QComboBox] = {}
        form_widget = QWidget()
        self.form = QFormLayout(form_widget)
        for target in ImportField:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[target] = combo
            self.form.addRow(target.label, combo)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.preview_button = QPushButton("Preview")
        self.preview_button.clicked.connect(self.preview)
        self.summary = label("Choose a CSV or XLSX file with one row per breach.", "hint")
        self.problems = QListWidget()
        self.problems.setMaximumHeight(140)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Import an existing register", "heading"))
        layout.addWidget(label("Each row becomes a breach marked as imported. Map the "
                               "columns, preview, then import: a row that cannot be read "
                               "stops the whole import, so nothing is half-imported.", "hint"))
        layout.addLayout(row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import a register", str(Path.home()),
                                                "Spreadsheets (*.csv *.xlsx)")
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        with reporting(self, "Reading the file") as outcome:
            table = self._ctx.register_import.read(path)
        if outcome.failed:
            return
        self.table = table
        self.file.setText(str(path))
        guessed = guess_mapping(table.headers)
        for target, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_USED, None)
            for i, header in enumerate(table.headers):
                combo.addItem(header or f"Column {i + 1}", i)
            combo.setCurrentIndex(guessed[target] + 1 if target in guessed else 0)
            combo.blockSignals(False)
        self.summary.setText(f"{len(table.rows):,} rows read from {table.name}. Check the "
                             "mapping, then Preview.")
        self._mapping_changed()

    def mapping(self) -> Mapping:
        return {t: c.currentData() for t, c in self.combos.items()
                if c.currentData() is not None}

    def _mapping_changed(self) -> None:
        self.preview_result = None
        self.import_button.setEnabled(False)
        self.problems.clear()

    def preview(self) -> ImportPreview | None:
        if self.table is None:
            return None
        with reporting(self, "Previewing the import") as outcome:
            result = self._ctx.register_import.preview(self.table, self.mapping())
        if outcome.failed:
            return None
        self.preview_result = result
        self.problems.clear()
        for p in result.bad:
            self.problems.addItem(f"Row {p.line}: {p.reason}")
        for note in result.notes:
            self.problems.addItem(note)
        self.summary.setText(
            f"{len(result.good):,} rows ready; {len(result.bad):,} cannot be read"
            + (" (fix them in the file, or change the mapping, then preview again)."
               if result.bad else "."))
        self.import_button.setEnabled(result.can_commit)
        return result

    def commit(self) -> None:
        if self.table is None or self.preview_result is None or not self.preview_result.can_commit:
            return
        with reporting(self, "Importing the register") as outcome:
            self.imported = self._ctx.register_import.commit(self.table, self.mapping(),
                                                             self._actor)
        if not outcome.failed:
            self.accept()
