"""The ICO report, call sheet and PECR notice as PDFs: every part of the form with the
seed case's facts, the title block, page numbers, markings, user text printed literally."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pypdf

from model.domain.documents.call_sheet import call_sheet
from model.domain.documents.ico_report import Filed
from model.domain.documents.pecr_notice import pecr_notice
from model.domain.enums import Regime
from model.domain.ico.form import PARTS, QUESTIONS
from model.domain.ico.records import Channel, IcoAnswers, ReportType
from model.domain.ico.report import prepare
from reports.pdf import render_document, write_document
from tests.reports.conftest import GENERATED, SeedRecords
from tests.reports.test_not_notifiable import HOSTILE

NOW = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)


def pdf_text(data: bytes, tmp_path: Path) -> tuple[pypdf.PdfReader, str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    reader = pypdf.PdfReader(str(path))
    return reader, " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def report_pdf(case, tmp_path, **kwargs):  # type: ignore[no-untyped-def]
    prepared = prepare(case, kwargs.pop("report_type", ReportType.INITIAL), NOW, **kwargs)
    return pdf_text(render_document(prepared.document).data, tmp_path)


def test_seed_report_holds_every_part_with_the_case_facts(tmp_path: Path) -> None:
    seed = SeedRecords()
    reader, text = report_pdf(seed.case(), tmp_path)
    assert "Initial report" in text and "Page 1 of" in text
    assert "DRAFT, not yet sent to the ICO" in text
    assert "Northshire Constabulary" in text and "BR-2026-0007" in text
    for number, part in enumerate(PARTS, start=1):
        assert f"{number} {part.value}" in text
    for q in QUESTIONS:  # every question an initial report asks, with its number
        if q.id not in ("A4", "T2", "S-T3", "C1", "C2", "C3"):
            assert f"{q.id} " in text, q.id
    assert "Not asked: the breach was not caused by a cyber incident (B2)." in text
    for fact in ("61 anti-social behaviour cases", "09 Oct 2026 10:30 BST",
                 "04 Oct 2026 09:00 BST", "Criminal convictions, offences",
                 "Vulnerable adults", "Harassment or retaliation",
                 "Pages taken down and the supplier's upload job stopped.",
                 "dpo@northshire.police.example", "Z1234567", "DPA 2018 s.67"):
        assert fact in text, fact
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text


def test_filed_follow_up_title_block(tmp_path: Path) -> None:
    seed = SeedRecords()
    filed = Filed(2, datetime(2026, 10, 11, 13, 5, tzinfo=UTC), Channel.WORD_EMAIL)
    answers = IcoAnswers(case_reference="IC-77")
    _, text = report_pdf(seed.case(), tmp_path, report_type=ReportType.FOLLOW_UP,
                         answers=answers, filed=filed)
    assert "Follow-up report · FILED 11 Oct 2026 14:05 BST via Word form sent by email · " \
           "version 2" in text
    assert "IC-77" in text and "DRAFT" not in text


def test_user_markup_prints_literally_and_unusual_letters_survive(tmp_path: Path) -> None:
    seed = SeedRecords()
    facts = replace(seed.breach.facts, summary=HOSTILE + " Zoë Siân 山田 🦄")
    org = replace(seed.org, name="Łukasz & <Sons>")
    answers = IcoAnswers(prior_measures="<i>not italic</i> &amp;", marking="OFFICIAL-SENSITIVE")
    case = seed.case(breach=replace(seed.breach, facts=facts), org=org)
    reader, text = report_pdf(case, tmp_path, answers=answers)
    assert '<b>bold</b> & <a href="http://x">link</a>' in text
    assert "Łódź Čapek Śląsk Zoë Siân 山田" in text
    assert "[character not printable: U+1F984]" in text
    assert "<i>not italic</i> &amp;" in text
    assert "Łukasz & <Sons>" in text
    first = reader.pages[0].extract_text()
    assert first.count("OFFICIAL-SENSITIVE") >= 2  # top and bottom


def test_call_sheet_is_one_page_with_the_five_topics(tmp_path: Path) -> None:
    seed = SeedRecords()
    doc = call_sheet(seed.case(), GENERATED)
    path = write_document(doc, tmp_path / "call.pdf")
    reader, text = pdf_text(path.read_bytes(), tmp_path)
    assert len(reader.pages) == 1
    assert "0303 123 1113" in text
    for topic in ("What has happened", "When and how you found out",
                  "The people that have been or may be affected", "What you are doing",
                  "Who we should contact"):
        assert topic in text
    assert "61 anti-social behaviour cases" in text and "Became aware: 09 Oct 2026 12:00" \
        in text


def test_pecr_notice_has_the_annex_content(tmp_path: Path) -> None:
    seed = SeedRecords()
    facts = replace(seed.breach.facts, regime=Regime.PECR, processor_name="HostCo")
    case = seed.case(breach=replace(seed.breach, facts=facts))
    doc = pecr_notice(case, ReportType.INITIAL, GENERATED)
    _, text = pdf_text(render_document(doc).data, tmp_path)
    assert "PECR reg. 5A" in text and "Annex I" in text
    for item in ("Name of the provider", "First (initial) notification",
                 "Relevant use of other providers", "HostCo",
                 "Number of subscribers or individuals concerned"):
        assert item in text


def test_a_long_answer_flows_over_pages_in_full(tmp_path: Path) -> None:
    seed = SeedRecords()
    lines = [f"Line {i}: the <b>upload</b> job & its log." for i in range(1500)]
    facts = replace(seed.breach.facts, summary="\n".join(lines))
    reader, text = report_pdf(seed.case(breach=replace(seed.breach, facts=facts)), tmp_path)
    assert len(reader.pages) > 5
    assert "Line 0: the <b>upload</b> job & its log." in text
    assert "Line 1499: the <b>upload</b> job & its log." in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text
