"""The one escape function: user text becomes inert reportlab Paragraph text.

Every piece of user text passes through `escape` before it reaches a Paragraph.
"""

from __future__ import annotations

import re

# Control characters other than tab and newline upset reportlab's parser or render as
# boxes; lone surrogates cannot be encoded into the PDF at all.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def escape(value: object) -> str:
    """Paragraph text that shows `value` literally, never as markup; None gives ''.

    Escapes &, < and > so no tag, entity, link, image or font change is ever interpreted
    (reportlab has no markup without them), drops control characters, and keeps line
    breaks as <br/>. Characters DejaVu lacks are set in the fallback font (CJK) or shown
    as "[character not printable: U+1F600]" (emoji), never silently dropped.
    """
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _UNSAFE.sub("", text)
    if text.isascii():
        return _inert(text)
    from reports.glyphs import FALLBACK, placeholder, runs

    out = []
    for kind, run in runs(text):
        if kind == "main":
            out.append(_inert(run))
        elif kind == "fallback":
            out.append(f'<font name="{FALLBACK}">{_inert(run)}</font>')
        else:
            out.append(_inert("".join(placeholder(ch) for ch in run)))
    return "".join(out)


def _inert(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")
