"""Previewing a Document on screen (the same structure reports/ prints), and saving it as a
PDF with the reminder that the file leaves the encrypted vault."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.kit.style import COLOURS
from gui.kit.tasks import Progress, Task, run_with_progress
from model.domain import document as d

NOT_ENCRYPTED = ("The file is not encrypted: it holds personal data, so keep it only where "
                 "your organisation allows, and delete it when it is no longer needed.")
_TONES = {d.Tone.MUTED: COLOURS["text_muted"], d.Tone.ACCENT: COLOURS["accent"],
          d.Tone.GOOD: COLOURS["ok"], d.Tone.WARN: COLOURS["warn"], d.Tone.BAD: COLOURS["bad"]}


def _rich(text: d.Rich | str) -> str:
    if isinstance(text, str):
        return escape(text).replace("\n", "<br>")
    out = []
    for span in text:
        piece = escape(span.text).replace("\n", "<br>")
        if span.tone in _TONES:
            piece = f"<span style='color:{_TONES[span.tone]}'>{piece}</span>"
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        out.append(piece)
    return "".join(out)


def _chart_html(chart: d.Chart, images: list[d.Chart]) -> str:
    if chart.is_empty:
        return f"<p><b>{escape(chart.title)}</b><br><i>{escape(chart.empty)}</i></p>"
    images.append(chart)
    return f"<p><img src='chart:{len(images) - 1}'></p>"


def _figures_html(block: d.Figures) -> str:
    cells = "".join(f"<td style='padding:6px 14px 6px 0'><span style='font-size:16pt; "
                    f"color:{_TONES.get(f.tone, COLOURS['accent'])}'><b>{escape(f.value)}</b>"
                    f"</span><br><span style='color:{COLOURS['text_muted']}'>"
                    f"{escape(f.label)}</span></td>" for f in block.items)
    return f"<table><tr>{cells}</tr></table>"


def _block(block: d.Block, images: list[d.Chart]) -> str:  # noqa: C901 - a case per kind
    match block:
        case d.Chart():
            return _chart_html(block, images)
        case d.Charts(charts=charts):
            return "".join(_chart_html(c, images) for c in charts)
        case d.Figures():
            return _figures_html(block)
        case d.Paragraph(text=text):
            return f"<p>{_rich(text)}</p>"
        case d.Callout(text=text):
            return (f"<table width='100%' cellpadding='6' style='background:"
                    f"{COLOURS['accent_light']}'><tr><td>{_rich(text)}</td></tr></table>")
        case d.Note(text=text, tone=tone):
            colour = _TONES.get(tone, COLOURS["text_muted"])
            return f"<p style='color:{colour}'><i>{escape(text)}</i></p>"
        case d.Fields(rows=rows):
            cells = "".join(
                "<tr>" + "".join(f"<td style='color:{COLOURS['text_muted']}'><b>"
                                 f"{escape(f.label)}</b></td><td>{_rich(f.value)}</td>"
                                 for f in row) + "</tr>" for row in rows)
            return f"<table cellpadding='3' cellspacing='0'>{cells}</table>"
        case d.Table(headers=headers, rows=rows, empty=empty):
            if not rows:
                return f"<p><i>{escape(empty)}</i></p>"
            head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>"
                           for r in rows)
            return f"<table cellpadding='3' cellspacing='0'><tr>{head}</tr>{body}</table>"
        case d.MarkedList(legend=legend, items=items, empty=empty):
            if not items:
                return f"<p><i>{escape(empty)}</i></p>"
            lines = "".join(f"<li><span style='color:{_TONES.get(m.tone, '')}'>"
                            f"{escape(m.symbol)}</span> <b>{escape(m.title)}.</b> "
                            f"{escape(m.text)}</li>" for m in items)
            return f"<p><b>{escape(legend)}</b></p><ul>{lines}</ul>"
        case d.Bullets(items=items, title=title):
            head = f"<p><b>{escape(title)}</b></p>" if title else ""
            return head + "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
        case d.Question(number=number, question=question, answer=answer, answered=answered,
                        note=note, note_tone=tone):
            shown = _rich(answer) if answered else f"<i>{_rich(answer) or 'Not answered'}</i>"
            if note:
                colour = _TONES.get(tone, COLOURS["text_muted"])
                shown += f"<br><span style='color:{colour}'><i>{escape(note)}</i></span>"
            return f"<p><b>{escape(number)} {escape(question)}</b><br>{shown}</p>"
        case d.SignOff(labels=labels):
            return "<p>" + " &nbsp; ".join(f"{escape(x)}: ________" for x in labels) + "</p>"
    return ""


def document_html(doc: d.Document, images: list[d.Chart] | None = None) -> str:
    """The document as simple HTML for a QTextBrowser (user text escaped). Charts become
    <img src='chart:N'>, N indexing `images` (filled here) for the caller to draw."""
    images = [] if images is None else images
    parts = [f"<h2 style='color:{COLOURS['accent']}'>{escape(doc.title)}</h2>"]
    if doc.subtitle:
        parts.append(f"<p><b>{escape(doc.subtitle)}</b></p>")
    if doc.status:
        parts.append(f"<p style='color:{COLOURS['text_muted']}'>{escape(doc.status)}</p>")
    parts += [_block(b, images) for b in doc.lead]
    for section in doc.sections:
        heading = f"{section.number}  {section.heading}" if section.number else section.heading
        parts.append(f"<h3 style='color:{COLOURS['accent']}'>{escape(heading)}</h3>")
        parts += [_block(b, images) for b in section.blocks]
    return "".join(parts)


def chart_image(chart: d.Chart, width: int = 640, height: int = 320) -> QImage:
    """The chart drawn by reports/charts as SVG, rendered for the screen."""
    from reports.charts import svg

    renderer = QSvgRenderer(QByteArray(svg(chart, width * 0.75, height * 0.75)))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def save_pdf(parent: QWidget, doc: d.Document, folder: Path | None = None) -> Task | None:
    """Ask where, then lay the PDF out and write it off the GUI thread (a long document
    must not freeze the window); then say where it went and that it is not encrypted.
    Returns the running task (None when the user chose no file)."""
    from reports import report_file_name

    name = report_file_name(doc.reference or "breach", doc.kind)
    chosen, _ = QFileDialog.getSaveFileName(parent, f"Save the {doc.kind}",
                                            str((folder or Path.home()) / name), "PDF (*.pdf)")
    if not chosen:
        return None

    def work(progress: Progress) -> Path:
        from reports.pdf import write_document

        progress.step(0, 0, f"Laying out the {doc.kind}")
        return write_document(doc, Path(chosen))

    def saved(path: Path) -> None:
        QMessageBox.information(parent, "Saved", f"Saved to {path}.\n\n{NOT_ENCRYPTED}")

    return run_with_progress(parent, f"Saving the {doc.kind}", work, saved)


class DocumentDialog(QDialog):
    """A document to read, copy or save as PDF."""

    def __init__(self, doc: d.Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = doc
        self.setWindowTitle(doc.title)
        self.resize(820, 640)
        self.view = QTextBrowser()
        charts: list[d.Chart] = []
        html = document_html(doc, charts)
        for index, chart in enumerate(charts):
            self.view.document().addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{index}"),
                chart_image(chart))
        self.view.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy text", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(doc.text()))
        pdf = buttons.addButton("Save as PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        pdf.clicked.connect(lambda: save_pdf(self, doc))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
