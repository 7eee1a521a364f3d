"""Characters DejaVu Sans cannot draw: CJK text goes to the shipped fallback font (Droid Sans
Fallback), anything neither font has (emoji) becomes a visible placeholder, never a gap.

The fallback font (4 MB) is read only when a text needs it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from reports.fonts import FALLBACK, REGULAR, register_fallback, register_fonts

_lock = threading.Lock()
_main: frozenset[int] | None = None
_fallback: frozenset[int] | None = None


def placeholder(ch: str) -> str:
    return f"[character not printable: U+{ord(ch):04X}]"


def _main_chars() -> frozenset[int]:
    global _main
    if _main is None:
        with _lock:
            if _main is None:
                register_fonts()
                from reportlab.pdfbase import pdfmetrics

                face: Any = getattr(pdfmetrics.getFont(REGULAR), "face", None)
                _main = frozenset(face.charToGlyph) if face is not None else frozenset()
    return _main


def _fallback_chars() -> frozenset[int]:
    global _fallback
    if _fallback is None:
        with _lock:
            if _fallback is None:
                fallback: Any = register_fallback()
                _fallback = (frozenset(fallback.charToGlyph) if fallback is not None
                             else frozenset())
    return _fallback


def runs(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) runs: 'main' for DejaVu, 'fallback' for the CJK font, 'missing'."""
    if text.isascii():
        yield "main", text
        return
    main = _main_chars()
    kind, start = "", 0
    for i, ch in enumerate(text):
        code = ord(ch)
        if code in main or ch in "\n\t\r":
            now = "main"
        elif code in _fallback_chars():
            now = "fallback"
        else:
            now = "missing"
        if now != kind:
            if kind:
                yield kind, text[start:i]
            kind, start = now, i
    if kind:
        yield kind, text[start:]


def printable(text: str) -> str:
    """Plain text for the canvas (headers, footers): unprintable characters named."""
    if text.isascii():
        return text
    main = _main_chars()
    return "".join(ch if ord(ch) in main else placeholder(ch) for ch in text)


__all__ = ["FALLBACK", "placeholder", "printable", "runs"]
