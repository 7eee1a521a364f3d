"""PDF pages shown inside the app: the exact bytes the report prints, rendered to images
with pypdfium2 (no Qt PDF add-on needed)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from gui.kit.style import label

# A preview shows this many pages at most: a report with a pasted-in log can run to
# hundreds, which Save PDF… writes in full.
MAX_PAGES = 20


# PDFium is not thread-safe, and previews are drawn on worker threads.
_PDFIUM = threading.Lock()


def page_images(data: bytes, scale: float = 1.25,
                limit: int = MAX_PAGES) -> tuple[list[QImage], int]:
    """The first `limit` pages of a PDF as images, and the page count (any thread)."""
    with _PDFIUM:
        return _page_images(data, scale, limit)


def _page_images(data: bytes, scale: float, limit: int) -> tuple[list[QImage], int]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        images = []
        for index in range(min(len(document), limit)):
            page = document[index]
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()
            images.append(image)
            page.close()
        return images, len(document)
    finally:
        document.close()


class PdfPreview(QScrollArea):
    """The pages one under the other, on a grey desk, each with its number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._body.setStyleSheet("background: #d9dde3;")
        self._column = QVBoxLayout(self._body)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._column.setSpacing(12)
        self.setWidget(self._body)
        self.pages: list[QLabel] = []
        self.empty = label("Press Preview to see the report exactly as it will print.",
                           "hint")
        self._column.addWidget(self.empty)

    def show_pdf(self, data: bytes) -> int:
        """Show the pages of `data` (the first MAX_PAGES); returns the page count."""
        return self.show_pages(*page_images(data))

    def show_pages(self, images: list[QImage], total: int) -> int:
        """Show pages drawn by page_images (perhaps on a worker thread)."""
        for page in self.pages:
            self._column.removeWidget(page)
            page.deleteLater()
        self.pages = []
        self.empty.setText(f"Showing the first {len(images)} of {total} pages: Save PDF… "
                           "writes them all.")
        self.empty.setVisible(total > len(images))
        for number, image in enumerate(images, start=1):
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setToolTip(f"Page {number} of {total}")
            page.setStyleSheet("background: white; border: 1px solid #b8bec7;")
            self._column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)
        return total
