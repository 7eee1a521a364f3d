"""The not-notifiable record from a vault, as the GUI and CLI make it: the document
service reads the case, reports renders it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from model.domain.decision import DecisionDraft
from model.domain.errors import WorkflowError
from model.domain.facts import facts_from_document
from reports import report_file_name
from reports.pdf import write_document


def export_not_notifiable(ctx, breach_id: int, path: Path) -> Path:  # type: ignore[no-untyped-def]
    return write_document(ctx.documents.not_notifiable(breach_id), path)


def not_notifiable_file_name(reference: str) -> str:
    return report_file_name(reference, "not notifiable record")


def low_risk_breach(ctx, seed_doc: dict) -> int:  # type: ignore[no-untyped-def]
    """The seed case, but only 3 people and the data encrypted with the key safe."""
    doc = seed_doc | {"subjects_count": 3, "records_count": 3, "title": "Łódź laptop <b>",
                      "protection": {"method": "encryption", "state_of_the_art": True,
                                     "key_compromised": False}}
    return ctx.breaches.create(facts_from_document(doc), actor="DPO").id


def test_export_from_the_vault(ctx, seed_doc: dict, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    breach_id = low_risk_breach(ctx, seed_doc)
    assessment = ctx.assessments.assess(breach_id, actor="A. Morgan")
    recommended = assessment.result.notify_ico
    draft = DecisionDraft(
        notify_ico=False, notify_subjects=False, decided_by="Alex Morgan",
        decided_at=ctx.clock() - timedelta(minutes=5),
        notify_ico_reason="" if not recommended else "Encrypted, key safe, nothing readable.",
        notify_subjects_reason="Nothing readable left the force; no one is at risk.")
    ctx.assessments.record_decision(breach_id, assessment.id, draft)
    reference = ctx.breaches.get(breach_id).reference

    path = export_not_notifiable(ctx, breach_id, tmp_path / not_notifiable_file_name(reference))
    assert path.name == f"{reference} not notifiable record.pdf"
    reader = pypdf.PdfReader(str(path))
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert reference in text and "Łódź laptop <b>" in text
    assert "Alex Morgan on 10 Oct 2026 09:55 BST" in text  # the org's zone (default London)
    assert "Generated 10 Oct 2026 10:00 BST" in text  # the context's clock


def test_export_refuses_without_a_decision_not_to_notify(ctx, seed_doc: dict,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    breach_id = low_risk_breach(ctx, seed_doc)
    with pytest.raises(WorkflowError, match="no recorded decision not to notify"):
        export_not_notifiable(ctx, breach_id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_export_uses_the_organisation_zone(ctx, seed_doc: dict, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx.organisation.save(replace(ctx.organisation.get(), name="Northshire",
                                  time_zone="America/New_York"))
    breach_id = low_risk_breach(ctx, seed_doc)
    assessment = ctx.assessments.assess(breach_id)
    ctx.assessments.record_decision(breach_id, assessment.id, DecisionDraft(
        notify_ico=False, notify_subjects=False, decided_by="Alex Morgan",
        decided_at=datetime(2026, 10, 10, 8, 0, tzinfo=UTC),
        notify_ico_reason="Encrypted, key safe, nothing readable.",
        notify_subjects_reason="Nothing readable left the force; no one is at risk."))
    path = export_not_notifiable(ctx, breach_id, tmp_path / "r.pdf")
    text = " ".join(pypdf.PdfReader(str(path)).pages[0].extract_text().split())
    assert "10 Oct 2026 04:00 EDT" in text
    assert "Northshire" in text
