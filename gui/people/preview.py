"""Previewing a letter as it will print: the PDF is rendered page by page (PDFium, via
pypdfium2) so the DPO sees the address in the window, the page breaks and the signature
before saving hundreds of letters."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.kit.style import label

SCALE = 1.35  # 1 pt = 1.35 px: an A4 page about 800 px wide


def pdf_pages(data: bytes, scale: float = SCALE) -> list[QImage]:
    """Each page of a PDF as an image."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    images = []
    try:
        for i in range(len(document)):
            bitmap = document[i].render(scale=scale, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before PDFium frees them
    finally:
        document.close()
    return images


class PreviewDialog(QDialog):
    """The pages of one letter (or the notice), with an optional action button."""

    def __init__(self, title: str, note: str, data: bytes,
                 action: tuple[str, Callable[[], object]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 760)
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setSpacing(14)
        self.images = pdf_pages(data)
        for image in self.images:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("border: 1px solid #c5ced8; background: white;")
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #e9edf1; }")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if action is not None:
            button = buttons.addButton(action[0], QDialogButtonBox.ButtonRole.ActionRole)
            run = action[1]
            button.clicked.connect(lambda _checked=False: run())  # not run(checked)
        layout = QVBoxLayout(self)
        layout.addWidget(label(note, "hint"))
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
