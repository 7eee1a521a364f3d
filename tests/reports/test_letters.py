"""Letters for post: what a resident reads (extracted from the PDF), the address where the
DL window shows it, page numbers per letter, escaping, and a cancelled merge that leaves
nothing behind."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from model.domain.case import Case
from model.domain.enums import Regime
from model.domain.people.letter import Variant
from model.domain.people.prefill import prefill
from model.domain.people.printed import PrintedLetter, printed_letter
from model.domain.people.readability import score
from model.domain.people.recipients import Recipient
from model.domain.progress import Cancelled
from reports import ReportError
from reports.letters import (
    PAGE_H,
    WINDOW_H,
    WINDOW_TOP,
    WINDOW_W,
    WINDOW_X,
    render_letters,
    write_letters,
)
from tests.model.domain.people.conftest import RESTRICTION, TODAY, make_case


def recipients(n: int) -> list[Recipient]:
    return [Recipient(i, 1, i, f"Resident {i}", (f"Flat {i}, {i} Long Terrace Road",
                                                 "Northtown"), "NT1 1AB") for i in range(1, n + 1)]


def letters_for(case: Case, people: list[Recipient],
                variant: Variant | None = None) -> list[PrintedLetter]:
    text = prefill(case, variant or Variant.PART3, TODAY)
    return [printed_letter(case, text, r, TODAY) for r in people]


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("regime", "variant", "law"), [
    (Regime.DPA2018_PART3, Variant.PART3, "DPA 2018 s.68"),
    (Regime.UK_GDPR, Variant.UK_GDPR, "UK GDPR Art. 34"),
    (Regime.PECR, Variant.PECR, "PECR reg. 5A"),
])
def test_the_letter_holds_every_item_the_law_asks_for(regime: Regime, variant: Variant,
                                                      law: str) -> None:
    """Art. 34(2) / s.68(2): plain language, the nature, the contact point, the likely
    consequences and the measures; and what to do and whom to call."""
    case = make_case(regime)
    data = render_letters(letters_for(case, recipients(1), variant))
    text = flat(" ".join(pdf_text(data)))
    assert "What happened" in text and "4 October 2026" in text and "public website" in text
    assert "Who to contact" in text and "Alex Morgan" in text and "01632 960000" in text
    assert "dpo@northshire.example" in text and "BR-2026-0001-001" in text
    assert "What this could mean for you" in text and "come to your home" in text
    assert "What we have done" in text and "Information Commissioner" in text
    assert "What you can do" in text and "call 999" in text and "call 101" in text
    assert "0303 123 1113" in text and "complain to us" in text
    assert "We will never ask" in text and "Sam Chief" in text
    assert law in text
    if regime is Regime.DPA2018_PART3:
        assert "GDPR" not in text
    body = "\n\n".join(t for _, t in prefill(case, variant, TODAY).sections)
    assert score(body).flesch >= 60


def test_the_restricted_letter_says_what_is_held_back_and_until_when() -> None:
    case = make_case(restriction=RESTRICTION)
    text = flat(" ".join(pdf_text(render_letters(letters_for(
        case, recipients(1), Variant.PART3_RESTRICTED)))))
    assert "What we cannot tell you yet" in text and "15 January 2027" in text
    assert "s.68(7)" in text


def _address_positions(data: bytes) -> list[tuple[str, float, float]]:
    found: list[tuple[str, float, float]] = []
    page = PdfReader(io.BytesIO(data)).pages[0]

    def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((text.strip(), tm[4], tm[5]))

    page.extract_text(visitor_text=visit)
    return found


def test_the_address_sits_where_a_dl_window_shows_it() -> None:
    data = render_letters(letters_for(make_case(), recipients(1)))
    positions = {t: (x, y) for t, x, y in _address_positions(data)}
    for line in ("Resident 1", "Flat 1, 1 Long Terrace Road", "Northtown", "NT1 1AB"):
        x, y = positions[line]
        top_mm = (PAGE_H - y) / 72 * 25.4
        assert WINDOW_X - 0.5 <= x <= WINDOW_X + WINDOW_W
        assert WINDOW_TOP / 72 * 25.4 <= top_mm <= (WINDOW_TOP + WINDOW_H) / 72 * 25.4


def test_page_numbers_count_each_letter() -> None:
    pages = pdf_text(render_letters(letters_for(make_case(), recipients(3))))
    assert len(pages) == 6
    footers = [flat(p)[-11:] for p in pages]
    assert footers == ["Page 1 of 2", "Page 2 of 2"] * 3
    assert "Resident 2" in pages[2] and "BR-2026-0001-002" in pages[3]


def test_user_text_is_shown_literally() -> None:
    case = make_case()
    text = prefill(case, Variant.PART3, TODAY).with_text("closing", "<b>Sorry</b> & <i>x")
    person = Recipient(1, 1, 1, "<font size=40>Ann</font>", ("1 <br/> Road",), "NT1 1AB")
    out = flat(" ".join(pdf_text(render_letters([printed_letter(case, text, person, TODAY)]))))
    assert "<b>Sorry</b> & <i>x" in out and "Dear <font size=40>Ann</font>," in out


class CancelAt:
    def __init__(self, at: int) -> None:
        self.at, self.seen = at, 0

    def step(self, done: int, total: int, text: str = "") -> None:
        self.seen = done
        if done >= self.at:
            raise Cancelled("Cancelled.")


def test_a_cancelled_merge_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "letters.pdf"
    target.write_bytes(b"the earlier file")
    sink = CancelAt(5)
    with pytest.raises(Cancelled):
        write_letters(letters_for(make_case(), recipients(20)), target, sink)
    assert sink.seen == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters.pdf"]
    assert target.read_bytes() == b"the earlier file"
    fresh = tmp_path / "new.pdf"
    with pytest.raises(Cancelled):
        write_letters(letters_for(make_case(), recipients(20)), fresh, CancelAt(1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters.pdf"]


def test_a_finished_merge_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "letters.pdf"
    target.write_bytes(b"old")
    pages = write_letters(letters_for(make_case(), recipients(4)), target)
    assert pages == 8 and len(PdfReader(str(target)).pages) == 8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters.pdf"]


def test_a_missing_folder_is_reported_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        write_letters(letters_for(make_case(), recipients(1)), tmp_path / "no" / "x.pdf")


def test_the_public_notice_has_no_address_block() -> None:
    case = make_case()
    notice = prefill(case, Variant.PUBLIC_NOTICE, TODAY)
    text = flat(" ".join(pdf_text(render_letters([printed_letter(case, notice, None, TODAY)]))))
    assert "Published 2 December 2026" in text and "How to find out if you are affected" in text
    assert "Dear" not in text and "Jo Sample" not in text and "s.68(3)(c)" in text
