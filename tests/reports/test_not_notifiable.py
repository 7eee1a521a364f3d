"""The one-page record of a breach decided not notifiable."""

from __future__ import annotations

import errno
import socket
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest

from model.domain.documents.not_notifiable import not_notifiable_record
from model.domain.errors import BreachDeskError
from model.domain.facts import BreachFacts
from model.domain.records import TimelineEvent
from model.domain.risk.stored import result_from_document
from reports import ReportError, common
from reports.pdf import write_document
from tests.reports.conftest import GENERATED, SeedRecords

HOSTILE = ('<b>bold</b> & <a href="http://x">link</a> <img src="http://x/i.png"/> '
           '<font color="red">red</font> Łódź Čapek Śląsk')


def read(path: Path) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(str(path))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with line breaks joined, so wrapped phrases can be searched."""
    return " ".join(text.split())


def write(path: Path, seed: SeedRecords, **changes: object) -> Path:
    return write_document(not_notifiable_record(seed.case(**changes), GENERATED), path)


def build(tmp_path: Path, seed: SeedRecords, **changes: object) -> tuple[pypdf.PdfReader, str]:
    return read(write(tmp_path / "record.pdf", seed, **changes))


def test_seed_case_is_one_page_with_the_essentials(tmp_path: Path, seed: SeedRecords) -> None:
    reader, text = build(tmp_path, seed)
    text = flat(text)
    assert len(reader.pages) == 1
    assert "Page 1 of 1" in text
    assert "BR-2026-0007" in text
    assert "Case data published on the force website" in text
    assert "Northshire Constabulary" in text
    assert "Decision: not notified to the Information Commissioner's Office" in text
    assert "DPA 2018 s.67(6)" in text
    # Key dates in local time (BST), and the deadline that would have applied.
    assert "04 Oct 2026 09:00 BST" in text  # began
    assert "09 Oct 2026 10:30 BST" in text  # discovered
    assert "09 Oct 2026 12:00 BST" in text  # became aware
    assert "Would have been 12 Oct 2026 12:00 BST" in text
    # Data and people, with labels and counts.
    assert "Criminal convictions and offences" in text
    assert "Vulnerable adults" in text
    assert "Harassment or retaliation" in text
    # Containment from the timeline (actions only).
    assert "Pages taken down and the supplier's upload job stopped." in text
    assert "Breach recorded" not in text
    # The assessment: version, method, ENISA score and band, risk, reasons, assumptions.
    assert "Version 2 of 10 Oct 2026 10:15 BST by A. Morgan" in text
    assert "breach-desk-risk/1.0" in text
    assert "4.5, Very high (DPC 4 × EI 1 + CB 0.5)" in text
    assert "High risk" in text
    assert "Sensitivity of the data." in text
    assert "The data includes criminal convictions and offences." in text
    assert "Not known whether anyone viewed or copied the data: assumed they did." in text
    # The decision, departing from the recommendation, with its reasons and restriction.
    assert "Reason for departing from the recommendation to notify" in text
    assert "the supplier's access logs show no visits to them." in text
    assert "Telling the complainants now would alert suspects" in text
    assert "prosecution of crime" in text  # the s.68 ground's label
    assert "Review by 10 Nov 2026" in text
    assert "Alex Morgan (DPO) on 11 Oct 2026 15:00 BST" in text
    assert "Signed (DPO)" in text and "Next review" in text
    assert "Generated 12 Oct 2026 17:30 BST" in text


def test_seed_case_with_the_real_engine_is_one_page(tmp_path: Path, seed: SeedRecords) -> None:
    risk = pytest.importorskip("model.domain.risk")
    result = risk.assessment_to_document(risk.assess(seed.breach.facts))
    stored = result_from_document(result)
    reader, text = build(tmp_path, seed, assessment=replace(seed.assessment, result=stored))
    assert len(reader.pages) == 1
    assert "Page 1 of 1" in text
    assert flat(result["reasons"][-1]["text"])[:60] in flat(text)


def test_user_text_is_literal_never_markup(tmp_path: Path, seed: SeedRecords,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    facts = replace(seed.breach.facts, title=HOSTILE, summary=HOSTILE)
    breach = replace(seed.breach, facts=facts)
    org = replace(seed.org, name=HOSTILE)
    decision = replace(seed.decision, notify_ico_reason=HOSTILE, decided_by="Łukasz Čech")
    timeline = [*seed.timeline, TimelineEvent(9, 7, datetime(2026, 10, 10, 12, tzinfo=UTC),
                                              "action", HOSTILE, "Śląsk team")]
    reader, text = build(tmp_path, seed, breach=breach, org=org, decision=decision,
                         timeline=timeline, assessment=replace(seed.assessment, facts=facts))
    text = flat(text)
    assert text.count(HOSTILE) >= 4  # title, summary, action, reason (header is cut short)
    assert "Łukasz Čech" in text and "Śląsk team" in text
    for page in reader.pages:
        assert "/Annots" not in page, "a link annotation was made from user text"
        xobjects = page["/Resources"].get("/XObject", {})
        assert not xobjects, "an image was embedded from user text"


def test_a_long_record_still_fits_one_page(tmp_path: Path, seed: SeedRecords) -> None:
    summary = ("An upload job copied case notes to the public site. " * 14).strip()
    facts = replace(seed.breach.facts, summary=summary,
                    recovery_note="Cached copies were purged and the job was rewritten. " * 3)
    actions = [TimelineEvent(20 + i, 7, datetime(2026, 10, 9, 11 + i, tzinfo=UTC), "action",
                             f"Containment step {i + 1}: checked and recorded.", "Web team")
               for i in range(6)]
    reader, text = build(tmp_path, seed, breach=replace(seed.breach, facts=facts),
                         assessment=replace(seed.assessment, facts=facts),
                         timeline=seed.timeline + actions)
    assert len(reader.pages) == 1
    assert "Containment step 6" in text
    assert summary[-60:] in flat(text)


def test_a_very_long_record_flows_onto_more_pages(tmp_path: Path, seed: SeedRecords) -> None:
    """Legibility wins over one page: the record flows on, every page numbered."""
    summary = "\n".join(f"Paragraph {i}: " + "what happened, in detail. " * 12
                        for i in range(25))
    facts = replace(seed.breach.facts, summary=summary)
    reader, text = build(tmp_path, seed, breach=replace(seed.breach, facts=facts),
                         assessment=replace(seed.assessment, facts=facts))
    pages = len(reader.pages)
    assert pages >= 2
    last = reader.pages[-1].extract_text()
    assert f"Page {pages} of {pages}" in last
    assert "Signed (DPO)" in last
    assert "Paragraph 24:" in text


def test_decision_that_follows_the_recommendation(tmp_path: Path, seed: SeedRecords) -> None:
    from model.domain.enums import RiskLevel

    result = replace(seed.assessment.result, risk=RiskLevel.UNLIKELY, notify_ico=False,
                     notify_data_subjects=False)
    decision = replace(seed.decision, restriction=None,
                       notify_ico_reason="Encrypted laptop, key safe.",
                       notify_subjects_reason="")
    _, text = build(tmp_path, seed, assessment=replace(seed.assessment, result=result),
                    decision=decision)
    text = flat(text)
    assert "departing" not in text
    assert "Not notified. Reason: Encrypted laptop, key safe." in text
    # Following the recommendation needs no reason, and the record says so.
    assert "Not told. As recommended (see the assessment)." in text
    assert "Not recorded" not in text.split("Tell the people affected")[-1].split("Sign")[0]
    assert "s.68 restriction" not in text
    assert "Unlikely to result in a risk" in text


def test_changed_facts_are_flagged(tmp_path: Path, seed: SeedRecords) -> None:
    newer = replace(seed.breach.facts, subjects_count=75)
    _, text = build(tmp_path, seed, breach=replace(seed.breach, facts=newer))
    assert "The facts have changed since this assessment was made" in flat(text)
    _, text = build(tmp_path, seed)
    assert "have changed" not in text


def test_a_breach_with_almost_nothing_known(tmp_path: Path, seed: SeedRecords) -> None:
    facts = BreachFacts()
    breach = replace(seed.breach, facts=facts)
    org = replace(seed.org, name="", dpo_name="", dpo_email="", dpo_phone="",
                  ico_registration="")
    result = result_from_document({
        "severity": {"dpc": 1, "ei": 0.25, "cb": 0, "score": 0.25, "band": "low"},
        "risk": "unlikely", "notify_ico": False, "notify_data_subjects": False,
        "reasons": [], "assumptions": []})
    reader, text = build(tmp_path, seed, breach=breach, org=org, timeline=[],
                         assessment=replace(seed.assessment, facts=facts, result=result),
                         decision=replace(seed.decision, restriction=None))
    text = flat(text)
    assert len(reader.pages) == 1
    assert "Untitled breach" in text
    assert "None: awareness not recorded" in text
    assert "No containment action is recorded" in text
    assert "The assessment records no reasons." in text
    assert "ENISA severity 0.25, Low" in text


def test_times_follow_the_organisation_zone(tmp_path: Path, seed: SeedRecords) -> None:
    _, text = build(tmp_path, seed, zone="America/New_York")
    assert "09 Oct 2026 07:00 EDT" in flat(text)  # became aware, 11:00 UTC


def test_refuses_a_notifiable_decision(tmp_path: Path, seed: SeedRecords) -> None:
    with pytest.raises(BreachDeskError, match="no recorded decision not to notify"):
        build(tmp_path, seed, decision=replace(seed.decision, notify_ico=True))
    assert not (tmp_path / "record.pdf").exists()


def test_refuses_a_decision_whose_assessment_is_missing(tmp_path: Path,
                                                        seed: SeedRecords) -> None:
    with pytest.raises(BreachDeskError, match="assessment behind the decision"):
        build(tmp_path, seed, decision=replace(seed.decision, assessment_id=99))


def test_a_failed_export_keeps_the_previous_file(tmp_path: Path, seed: SeedRecords,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "record.pdf"
    write(target, seed)
    previous = target.read_bytes()

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(common.os, "replace", disk_full)
    changed = replace(seed.decision, notify_ico_reason="A different reason, long enough.")
    with pytest.raises(ReportError, match="disk is full"):
        write(target, seed, decision=changed)
    assert target.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]
