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
    breaks as <br/>.
    """
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _UNSAFE.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")
