"""The one escape function: user text is shown literally, never interpreted as markup."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from reports.escape import escape
from reports.styles import stylesheet

HOSTILE = ('<b>bold</b> & <a href="http://x">link</a> <img src="/etc/passwd"/> '
           '<font color="red" size="40">big</font> &amp; &nbsp; <br/> Łódź Čapek Śląsk')


def paragraph_text(text: str) -> str:
    """What reportlab will draw for `text` after escaping (the joined text fragments)."""
    para = Paragraph(escape(text), stylesheet().body)
    return "".join(getattr(frag, "text", "") for frag in para.frags)


def test_markup_characters_are_escaped() -> None:
    assert escape("a < b > c & d") == "a &lt; b &gt; c &amp; d"
    assert escape("&amp;") == "&amp;amp;"


def test_line_breaks_become_br_and_other_controls_are_dropped() -> None:
    assert escape("one\ntwo\r\nthree\rfour") == "one<br/>two<br/>three<br/>four"
    assert escape("a\x00b\x07c\x1bd\x7f") == "abcd"
    assert escape("a\tb") == "a    b"


def test_none_and_non_text_values() -> None:
    assert escape(None) == ""
    assert escape(61) == "61"


def test_lone_surrogates_are_dropped() -> None:
    assert escape("a\ud800b") == "ab"


@pytest.mark.parametrize("text", [HOSTILE, "<", "&", "<<>>", "&#x41;", "<para>", "</b>",
                                  '<link href="x">', "<onDraw name=x/>", "<seq/>"])
def test_reportlab_draws_exactly_the_text(text: str) -> None:
    assert paragraph_text(text) == text


def test_reportlab_keeps_the_line_break() -> None:
    para = Paragraph(escape("first\nsecond"), stylesheet().body)
    para.wrap(400, 100)
    assert len(para.blPara.lines) == 2
