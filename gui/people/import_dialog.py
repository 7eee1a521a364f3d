"""Importing recipients from a CSV file: the columns matched to our fields (change any),
the first rows as they will be read, the rows that merge by address and every bad row
with its reason. Import is offered only when every row is valid: all rows or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.kit.errors import reporting
from gui.kit.style import label
from model.domain.errors import ValidationError
from model.domain.people.csv_import import FIELDS, REQUIRED, ImportPreview, Mapping
from model.services.context import AppContext

SHOWN_ROWS = 8
NOT_USED = "(not used)"


class ImportDialog(QDialog):
    """Preview and import one CSV file into a breach's recipients."""

    def __init__(self, ctx: AppContext, breach_id: int, path: Path, data: bytes,
                 actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.breach_id, self.path, self.data, self.actor = (
            ctx, breach_id, path, data, actor)
        self.setWindowTitle(f"Import recipients from {path.name}")
        self.resize(900, 620)
        self.result_text = ""
        self.preview: ImportPreview | None = None
        self.info = label("", "hint")
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for i, (key, caption) in enumerate(FIELDS.items()):
            combo = QComboBox()
            combo.setObjectName(f"column_{key}")
            combo.currentIndexChanged.connect(self._remap)
            self.combos[key] = combo
            grid.addWidget(label(caption + (" *" if key in REQUIRED else "")), i // 3 * 2,
                           i % 3)
            grid.addWidget(combo, i // 3 * 2 + 1, i % 3)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.summary = label("")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(label("Which column holds what (* is required):", "heading"))
        layout.addLayout(grid)
        layout.addWidget(label(f"The first {SHOWN_ROWS} recipients as they will be read:",
                               "hint"))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self._load()

    def _load(self) -> None:
        with reporting(self, "Reading the file") as outcome:
            self.preview = self.ctx.recipients.preview(self.breach_id, self.data)
        if outcome.failed or self.preview is None:
            self.import_button.setEnabled(False)
            return
        table = self.preview.table
        self.info.setText(f"{self.path.name}: {len(table.rows):,} rows, read as "
                          f"{table.encoding}, separated by "
                          f"{ {',': 'commas', ';': 'semicolons'}.get(table.delimiter, 'tabs')}.")
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.addItem(NOT_USED, -1)
            for i, header in enumerate(table.headers):
                combo.addItem(header or f"Column {i + 1}", i)
            combo.setCurrentIndex(self.preview.mapping.get(key, -1) + 1)
            combo.blockSignals(False)
        self._show(self.preview)

    def mapping(self) -> Mapping:
        return {key: int(c.currentData()) for key, c in self.combos.items()
                if c.currentData() is not None and int(c.currentData()) >= 0}

    def _remap(self) -> None:
        try:
            self.preview = self.ctx.recipients.preview(self.breach_id, self.data,
                                                       self.mapping())
        except ValidationError as err:
            self.preview = None
            self.summary.setText(str(err))
            self.problems.clear()
            self.table.setRowCount(0)
            self.import_button.setEnabled(False)
            return
        self._show(self.preview)

    def _show(self, preview: ImportPreview) -> None:
        heads = ("Row", "Name", "Address", "Postcode", "Email", "Data involved")
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        rows = preview.rows[:SHOWN_ROWS]
        self.table.setRowCount(len(rows))
        for r, item in enumerate(rows):
            d = item.draft
            cells = (str(item.row), d.name, ", ".join(d.lines), d.postcode, d.email,
                     "; ".join(c.label.split(" (")[0] for c in d.categories))
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(r, c, cell)
        header = self.table.horizontalHeader()
        for column in range(len(heads)):
            mode = (QHeaderView.ResizeMode.Stretch if column in (1, 2, 5)
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(column, mode)
        self.problems.clear()
        for problem in preview.problems:
            self.problems.addItem(f"Row {problem.row}: {problem.text}")
        for item in preview.rows:
            for row in item.merged_rows:
                self.problems.addItem(f"Row {row}: same address as row {item.row}; merged "
                                      "into one letter.")
            if item.existing is not None:
                self.problems.addItem(f"Row {item.row}: same address as recipient no. "
                                      f"{item.existing}, already listed; merged into it.")
        new = sum(i.existing is None for i in preview.rows)
        if preview.problems:
            bad = len(preview.problems)
            self.summary.setText(f"{bad} row{' is' if bad == 1 else 's are'} not valid. "
                                 "Correct the file and choose it again: nothing is imported "
                                 "until every row is valid.")
            self.summary.setProperty("role", "error")
        else:
            self.summary.setText(f"Ready: {new:,} new recipients, {preview.merged:,} rows "
                                 "merged by address.")
            self.summary.setProperty("role", "ok")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.import_button.setEnabled(preview.ok)

    def accept(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        with reporting(self, "Importing the recipients") as outcome:
            result = self.ctx.recipients.import_csv(self.breach_id, self.data, self.mapping(),
                                                    self.path.name, self.actor)
        if outcome.failed:
            return
        self.result_text = (f"{result.added:,} recipients added, {result.merged:,} rows "
                            "merged by address.")
        super().accept()


