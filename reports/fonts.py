"""Embedded fonts: DejaVu Sans (shipped in assets/fonts/), registered with reportlab once.

Helvetica, reportlab's default, has no glyphs for letters such as Ł, Č or Ś.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reports import ReportError

FONT_DIR = Path(__file__).resolve().parents[1] / "assets" / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
FAMILY = "DejaVuSans"
# CJK and other scripts DejaVu lacks (Apache 2.0, see LICENSE-DroidSansFallback.txt).
FALLBACK = "DroidSansFallback"
FALLBACK_FILE = "DroidSansFallbackFull.ttf"

_FILES: dict[str, str] = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    OBLIQUE: "DejaVuSans-Oblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the DejaVu Sans family with reportlab (first call only); return its name.

    Safe to call from any thread. A missing or damaged font file raises ReportError.
    """
    global _registered
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        for name, file_name in _FILES.items():
            path = FONT_DIR / file_name
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as err:
                raise ReportError(
                    f"The report font {file_name} is missing or damaged in {FONT_DIR} "
                    f"({err}). Reinstall Breach Desk.") from None
        # <b> and <i> inside a paragraph pick these faces; there is no bold oblique file,
        # so bold italic falls back to bold.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, OBLIQUE)
        addMapping(FAMILY, 1, 1, BOLD)
        _registered = True
        return FAMILY


_fallback_face: object | None = None
_fallback_tried = False


def register_fallback() -> object | None:
    """Register the fallback font (first call only) and return its face; None when the
    file is missing, so texts then show placeholders instead of failing."""
    global _fallback_face, _fallback_tried
    with _lock:
        if not _fallback_tried:
            _fallback_tried = True
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFError, TTFont

            try:
                font = TTFont(FALLBACK, str(FONT_DIR / FALLBACK_FILE))
                pdfmetrics.registerFont(font)
                _fallback_face = font.face
            except (OSError, TTFError):
                _fallback_face = None
        return _fallback_face
