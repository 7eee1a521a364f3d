"""Documents built once, rendered twice: a typed structure the domain builds from records,
which reports/ lays out as PDF and gui/ previews on screen.

Text in a document is plain user-visible text: renderers escape it. Emphasis is carried by
`Span`s, never by markup inside the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Tone(StrEnum):
    """How a span, note or mark is coloured: the renderers map these to their palettes."""

    PLAIN = "plain"
    MUTED = "muted"
    ACCENT = "accent"
    GOOD = "good"      # lowers a risk, done
    WARN = "warn"      # raises a risk, needs attention
    BAD = "bad"


@dataclass(frozen=True)
class Span:
    """A run of text with emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    tone: Tone = Tone.PLAIN


Rich = tuple[Span, ...]


def plain(text: str) -> Rich:
    return (Span(text),)


def rich_text(value: Rich | str) -> str:
    """The words of a rich text, without emphasis (for tests, search and plain views)."""
    return value if isinstance(value, str) else "".join(s.text for s in value)


@dataclass(frozen=True)
class Paragraph:
    text: Rich | str
    tone: Tone = Tone.PLAIN


@dataclass(frozen=True)
class Callout:
    """A boxed statement (the decision, a warning the reader must not miss)."""

    text: Rich | str
    tone: Tone = Tone.ACCENT


@dataclass(frozen=True)
class Note:
    """A small remark under a block; WARN tone for something to check."""

    text: str
    tone: Tone = Tone.MUTED


@dataclass(frozen=True)
class Field:
    label: str
    value: Rich | str


@dataclass(frozen=True)
class Fields:
    """Label/value rows. With `pairs`, two fields share a row where both are short."""

    rows: tuple[tuple[Field, ...], ...]
    pairs: bool = True


@dataclass(frozen=True)
class Table:
    """A list with a header row; `widths` are relative (None: equal)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None = None
    empty: str = "None recorded."


@dataclass(frozen=True)
class Mark:
    """One marked item: a symbol with its tone, a bold title and the text."""

    symbol: str
    tone: Tone
    title: str
    text: str


@dataclass(frozen=True)
class MarkedList:
    """Marked items (e.g. the assessment's reasons), in two columns where they fit."""

    legend: str
    items: tuple[Mark, ...]
    empty: str = "None recorded."
    columns: int = 2


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class Question:
    """A numbered question of a form and its answer (the ICO report)."""

    number: str
    question: str
    answer: Rich | str
    answered: bool = True
    note: str = ""
    note_tone: Tone = Tone.MUTED  # WARN for a note the reader must not miss ("Changed")


@dataclass(frozen=True)
class SignOff:
    """Blanks to sign and date by hand."""

    labels: tuple[str, ...]


@dataclass(frozen=True)
class Series:
    """One set of values of a chart, one per category."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn once (reportlab graphics) for the PDF and, as SVG, the screen.

    `horizontal` bars suit long category names; several series are stacked."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    unit: str = ""            # what the values count, e.g. "breaches"
    empty: str = "Nothing to chart."

    @property
    def is_empty(self) -> bool:
        return not self.categories or not any(v for s in self.series for v in s.values)


@dataclass(frozen=True)
class Figure:
    """One headline number with what it counts ('12', 'breaches reported to the ICO')."""

    value: str
    label: str
    tone: Tone = Tone.ACCENT


@dataclass(frozen=True)
class Figures:
    """A row (or rows) of headline numbers, for a page of figures."""

    items: tuple[Figure, ...]
    per_row: int = 4


@dataclass(frozen=True)
class Charts:
    """Charts side by side (two to a row where they fit)."""

    charts: tuple[Chart, ...]
    per_row: int = 2


Block = (Paragraph | Callout | Note | Fields | Table | MarkedList | Bullets | Question
         | SignOff | Chart | Charts | Figures)


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    number: str = ""


@dataclass(frozen=True)
class Document:
    """A whole document: what every page carries, the title block and the sections."""

    kind: str                    # e.g. "not notifiable record"; names the file too
    title: str                   # the big title on the first page
    subtitle: str
    running_title: str           # the header on every page
    organisation: str
    reference: str
    generated_at: datetime
    zone: str
    sections: tuple[Section, ...]
    lead: tuple[Block, ...] = ()  # blocks under the title, before the first section
    marking: str = ""            # protective marking, printed top and bottom
    one_page: bool = False       # shrink a little to fit one page where possible
    landscape: bool = False
    status: str = ""             # e.g. "Draft" or "Filed 12 Oct 2026 14:05 BST"
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def text(self) -> str:
        """Every word of the document as plain lines (search, tests, the clipboard)."""
        lines = [self.title, self.subtitle, *(_block_text(b) for b in self.lead)]
        for section in self.sections:
            lines.append(f"{section.number}  {section.heading}".strip())
            lines.extend(_block_text(b) for b in section.blocks)
        return "\n".join(line for line in lines if line)


def _block_text(block: Block) -> str:
    match block:
        case Paragraph(text=t) | Callout(text=t):
            return rich_text(t)
        case Note(text=t):
            return t
        case Fields(rows=rows):
            return "\n".join(f"{f.label}: {rich_text(f.value)}" for row in rows for f in row)
        case Table(headers=h, rows=rows, empty=empty):
            body = ["  ".join(r) for r in rows] or [empty]
            return "\n".join(["  ".join(h), *body])
        case MarkedList(legend=legend, items=items, empty=empty):
            body = [f"{m.symbol} {m.title}. {m.text}" for m in items] or [empty]
            return "\n".join([legend, *body])
        case Bullets(items=items, title=title):
            return "\n".join([title, *(f"• {i}" for i in items)] if title else
                             [f"• {i}" for i in items])
        case Question(number=n, question=q, answer=a):
            return f"{n} {q}\n{rich_text(a)}"
        case SignOff(labels=labels):
            return "  ".join(labels)
        case Chart():
            return chart_text(block)
        case Charts(charts=charts):
            return "\n".join(chart_text(c) for c in charts)
        case Figures(items=items):
            return "\n".join(f"{f.value} {f.label}" for f in items)
    return ""


def chart_text(chart: Chart) -> str:
    """A chart's numbers as lines ('Malware: 3'; with several series, 'Jan: 2, 1')."""
    if chart.is_empty:
        return f"{chart.title}\n{chart.empty}"
    lines = [chart.title]
    if len(chart.series) > 1:
        lines.append("(" + ", ".join(s.name for s in chart.series) + ")")
    for i, category in enumerate(chart.categories):
        values = ", ".join(f"{s.values[i]:g}" for s in chart.series)
        lines.append(f"{category}: {values}")
    return "\n".join(lines)
