"""The ICO service: answers kept per breach, filings frozen with their exact PDF, the only
way to 'notified', follow-ups with what changed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from model.domain.enums import BreachStatus
from model.domain.errors import ValidationError, WorkflowError
from model.domain.ico.records import Channel, FilingDraft, IcoAnswers, ReportType
from model.domain.snapshot import sha256_hex
from model.services.unit import SaveError
from model.storage.orm import TimelineRow
from reports.pdf import render_document
from tests.conftest import file_report


def render(doc):  # type: ignore[no-untyped-def]
    return render_document(doc).data


@pytest.fixture
def breach(ctx, seed_doc):  # type: ignore[no-untyped-def]
    return ctx.breaches.import_document(seed_doc, actor="DPO")


def draft(at: datetime, report_type: ReportType = ReportType.INITIAL,
          **kwargs: str) -> FilingDraft:
    return FilingDraft(Channel.ONLINE, report_type, at, **kwargs)


def test_answers_are_kept_per_breach_and_journalled(ctx, breach) -> None:  # type: ignore[no-untyped-def]
    answers = IcoAnswers(why_reporting="threshold_met", prior_measures="Upload checks.")
    ctx.ico.save_answers(breach.id, answers, actor="DPO")
    case = ctx.cases.load(breach.id)
    assert case.ico_answers == answers
    assert any("ICO report answers updated: why_reporting, prior_measures" in e.text
               for e in case.timeline)
    with pytest.raises(ValidationError, match="not an answer the form offers"):
        ctx.ico.save_answers(breach.id, replace(answers, why_reporting="maybe"))
    assert ctx.cases.load(breach.id).ico_answers == answers


def test_filing_freezes_the_report_and_makes_the_breach_notified(ctx, breach, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkflowError, match="Record filing"):
        ctx.breaches.change_status(breach.id, BreachStatus.NOTIFIED)
    sent = clock.now - timedelta(minutes=20)
    filing = ctx.ico.record_filing(breach.id, draft(sent), render, actor="DPO")
    case = ctx.cases.load(breach.id)
    assert case.breach.status is BreachStatus.NOTIFIED and case.breach.notified_at == sent
    assert case.deadline(clock.now).state.value == "notified_in_time"
    assert filing.version == 1 and case.filings == (filing,)
    pdf = ctx.ico.filed_pdf(filing.id)
    assert pdf.startswith(b"%PDF") and sha256_hex(pdf) == filing.pdf_sha256
    assert sha256_hex(filing.snapshot_text.encode()) == filing.snapshot_sha256
    snapshot = json.loads(filing.snapshot_text)
    assert snapshot["content"]["answers"]["B1"]["text"].startswith("Names and addresses")
    texts = [e.text for e in case.timeline]
    assert any("Initial report filed with the ICO via ICO online form (version 1" in t
               for t in texts)
    assert any("Status: Open → Notified" in t for t in texts)


def test_a_filed_version_cannot_be_changed_or_removed(ctx, breach) -> None:  # type: ignore[no-untyped-def]
    filing = file_report(ctx, breach.id)
    for sql in ("UPDATE ico_filing SET case_reference = 'X' WHERE id = :id",
                "UPDATE ico_filing SET pdf = x'00' WHERE id = :id",
                "DELETE FROM ico_filing WHERE id = :id"):
        with pytest.raises(SaveError, match="cannot be changed"), ctx.db.unit() as session:
            session.execute(text(sql), {"id": filing.id})
    assert ctx.cases.load(breach.id).filings == (filing,)
    assert sha256_hex(ctx.ico.filed_pdf(filing.id)) == filing.pdf_sha256


def test_filing_rules(ctx, breach, clock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="in the future"):
        ctx.ico.record_filing(breach.id, draft(clock.now + timedelta(hours=1)), render)
    with pytest.raises(ValidationError, match="needs an earlier report"):
        ctx.ico.record_filing(breach.id, draft(clock.now, ReportType.FOLLOW_UP,
                                               case_reference="IC-1"), render)
    file_report(ctx, breach.id)
    with pytest.raises(ValidationError, match="already filed"):
        ctx.ico.record_filing(breach.id, draft(clock.now), render)
    with pytest.raises(ValidationError, match="case reference"):
        ctx.ico.record_filing(breach.id, draft(clock.now, ReportType.FOLLOW_UP), render)
    assert len(ctx.cases.load(breach.id).filings) == 1


def test_a_late_report_needs_the_reasons_for_the_delay(ctx, breach, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 10, 13, 9, 0, tzinfo=UTC)  # the deadline was 12 Oct 12:00 BST
    with pytest.raises(ValidationError, match="reasons for the delay"):
        ctx.ico.record_filing(breach.id, draft(clock.now), render)
    filing = ctx.ico.record_filing(breach.id, draft(
        clock.now, delay_reasons="The supplier's logs took two days to obtain."), render)
    case = ctx.cases.load(breach.id)
    assert case.ico_answers.delay_reasons.startswith("The supplier's logs")
    assert case.deadline(clock.now).state.value == "notified_late"
    b6 = json.loads(filing.snapshot_text)["content"]["answers"]["B6"]["text"]
    assert b6.startswith("The supplier's logs took two days")


def test_follow_up_starts_from_the_last_filed_version(ctx, breach, clock) -> None:  # type: ignore[no-untyped-def]
    first = file_report(ctx, breach.id, at=clock.now - timedelta(hours=1),
                        case_reference="IC-2026-0042")
    case = ctx.cases.load(breach.id)
    assert case.ico_answers.case_reference == "IC-2026-0042"  # carried over
    ctx.breaches.save_changes(breach.id, case.facts, replace(case.facts, subjects_count=64),
                              "DPO")
    ctx.ico.save_answers(breach.id, replace(case.ico_answers,
                                            harm_details="No harm reported so far."))
    prepared = ctx.ico.prepare(breach.id)
    assert prepared.content.report_type is ReportType.FOLLOW_UP
    text = prepared.document.text()
    assert "Changes since the last report" in text
    assert "61" in text and "64" in text
    clock.now += timedelta(hours=1)
    second = ctx.ico.record_filing(breach.id, draft(clock.now, ReportType.FOLLOW_UP), render)
    assert second.version == 2 and second.case_reference == "IC-2026-0042"
    case = ctx.cases.load(breach.id)
    assert case.breach.notified_at == first.filed_at  # the clock keeps the first filing
    answers = json.loads(second.snapshot_text)["content"]["answers"]
    assert answers["A4"]["text"] == "IC-2026-0042" and answers["D3"]["text"] == "64"


def test_a_follow_up_draft_needs_a_filed_report(ctx, breach) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkflowError, match="no report filed"):
        ctx.ico.draft(breach.id, ReportType.FOLLOW_UP)


def test_filing_after_deciding_not_to_notify_is_recorded_as_reconsidered(ctx, breach) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import decide_not_notifiable

    decide_not_notifiable(ctx, breach.id)
    file_report(ctx, breach.id)
    with ctx.db.unit() as session:
        texts = [r.text for r in session.query(TimelineRow).filter_by(breach_id=breach.id)]
    assert any("Not notifiable → Notified. Reconsidered" in t for t in texts)


def test_a_pecr_breach_files_the_pecr_notice(ctx, seed_doc, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pypdf

    breach = ctx.breaches.import_document(dict(seed_doc, regime="pecr"))
    with pytest.raises(ValidationError, match="PECR"):
        other = ctx.breaches.import_document(seed_doc)
        ctx.ico.record_filing(other.id, FilingDraft(Channel.PECR, ReportType.INITIAL,
                                                    clock.now), render)
    filing = ctx.ico.record_filing(breach.id, FilingDraft(Channel.PECR, ReportType.INITIAL,
                                                          clock.now), render)
    path = tmp_path / "pecr.pdf"
    path.write_bytes(ctx.ico.filed_pdf(filing.id))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())
    assert "PECR personal data breach notification" in text and "Annex I" in text
    assert "FILED 10 Oct 2026 10:00 BST via ICO PECR breach form · version 1" in text
