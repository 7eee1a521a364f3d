"""The command line, run as a user runs it: a subprocess, exit codes, stderr, files on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.storage import migrate
from tests.conftest import DATA, PASSPHRASE
from tests.model.storage.test_vault import SQLITE_MAGIC, snapshot

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)


@pytest.fixture
def vault(tmp_path: Path) -> tuple[Path, Path]:
    folder, secret = tmp_path / "data", tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    result = run("--data-dir", str(folder), "--passphrase-file", str(secret), "init")
    assert result.returncode == 0, result.stderr
    return folder, secret


def test_init_creates_encrypted_files(vault: tuple[Path, Path]) -> None:
    folder, _ = vault
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["breachdesk.db", "breachdesk.key"]
    for name in files:
        assert not (folder / name).read_bytes().startswith(SQLITE_MAGIC)


def test_init_refuses_to_overwrite(vault: tuple[Path, Path]) -> None:
    folder, secret = vault
    before = snapshot(folder)
    result = run("--data-dir", str(folder), "--passphrase-file", str(secret), "init")
    assert result.returncode == 2
    assert "already exists" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(folder) == before


def test_info_right_and_wrong_passphrase(vault: tuple[Path, Path], tmp_path: Path) -> None:
    folder, secret = vault
    ok = run("--data-dir", str(folder), "--passphrase-file", str(secret), "info")
    assert ok.returncode == 0, ok.stderr
    assert f"Schema version:  {migrate.head_revision()}" in ok.stdout and "Breaches:" in ok.stdout
    assert "does not hold the key" in ok.stdout
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    before = snapshot(folder)
    bad = run("--data-dir", str(folder), "--passphrase-file", str(wrong), "info")
    assert bad.returncode == 2
    assert "passphrase is not correct" in bad.stderr and "Traceback" not in bad.stderr
    assert snapshot(folder) == before


def test_no_vault_and_no_passphrase_are_clear(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "none"), "info")
    assert result.returncode == 2 and "no vault" in result.stderr
    result = run("--data-dir", str(tmp_path / "new"), "init", stdin="")
    assert result.returncode == 2 and "--passphrase-file" in result.stderr
    assert not (tmp_path / "new").exists()


def test_import_export_round_trip(vault: tuple[Path, Path]) -> None:
    folder, secret = vault
    base = ("--data-dir", str(folder), "--passphrase-file", str(secret))
    imported = run(*base, "import", str(DATA / "seed-case.json"))
    assert imported.returncode == 0, imported.stderr
    reference = imported.stdout.strip()
    assert reference.startswith("BR-") and len(reference) == len("BR-2026-0001")
    exported = run(*base, "export", reference)
    assert exported.returncode == 0, exported.stderr
    doc = json.loads(exported.stdout)
    original = json.loads((DATA / "seed-case.json").read_text())
    from model.domain.facts import facts_from_document

    block = doc.pop("breach_desk")
    assert block["reference"] == reference and block["status"] == "open"
    assert facts_from_document(doc) == facts_from_document(original)
    # Exported again through import, nothing is lost.
    again = run(*base, "import", "-", stdin=json.dumps(doc | {"breach_desk": block}))
    second = run(*base, "export", again.stdout.strip())
    doc2 = json.loads(second.stdout)
    doc2.pop("breach_desk")
    assert doc2 == doc


@pytest.mark.parametrize(("payload", "message"), [
    ("{not json", "not valid JSON"),
    ('{"schema": "breach-facts/1", "data_categories": ["health"]}', "breach_types: is required"),
    ('{"schema": "breach-facts/1", "breach_types": ["lost"], "data_categories": ["health"]}',
     "breach_types[0]: must be one of confidentiality"),
    ('{"schema": "breach-facts/1", "breach_types": ["integrity"], "data_categories": '
     '["health"], "subjects_count": -3}', "subjects_count: must not be negative"),
    ('{"schema": "breach-facts/1", "breach_types": ["integrity"], "data_categories": '
     '["health"], "occurred_at": "2026-10-05T10:00:00Z", "discovered_at": '
     '"2026-10-04T10:00:00Z"}', "discovered_at"),
])
def test_import_rejects_invalid_and_creates_nothing(vault: tuple[Path, Path], payload: str,
                                                    message: str) -> None:
    folder, secret = vault
    base = ("--data-dir", str(folder), "--passphrase-file", str(secret))
    result = run(*base, "import", "-", stdin=payload)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    info = run(*base, "info")
    assert "Breaches:        0" in info.stdout


def test_export_unknown_reference(vault: tuple[Path, Path]) -> None:
    folder, secret = vault
    result = run("--data-dir", str(folder), "--passphrase-file", str(secret), "export",
                 "BR-1999-0042")
    assert result.returncode == 2 and "No breach with reference" in result.stderr


def test_help_lists_verbs() -> None:
    result = run("--help")
    assert result.returncode == 0
    for verb in ("init", "info", "import", "export", "assess"):
        assert verb in result.stdout


def test_report_writes_not_notifiable_record(vault: tuple[Path, Path], tmp_path: Path) -> None:
    from pypdf import PdfReader

    from model.domain.decision import DecisionDraft
    from model.domain.facts import facts_from_document
    from model.services import vaults

    folder, secret = vault
    scenario = ROOT / "tests/model/domain/risk/scenarios/email_one_trusted_recipient_deleted.json"
    ctx = vaults.unlock(folder, PASSPHRASE, remember=False)
    try:
        facts = facts_from_document(json.loads(scenario.read_text()))
        breach = ctx.breaches.create(facts, actor="DPO")
        assessment = ctx.assessments.assess(breach.id, actor="DPO")
        assert assessment.result.notify_ico is False
        ctx.assessments.record_decision(breach.id, assessment.id, DecisionDraft(
            notify_ico=False, notify_subjects=False, decided_by="A. DPO",
            decided_at=ctx.clock()))
    finally:
        ctx.close()
    base = ("--data-dir", str(folder), "--passphrase-file", str(secret))
    out = tmp_path / "record.pdf"
    result = run(*base, "report", breach.reference, "--out", str(out))
    assert result.returncode == 0, result.stderr
    # It says where the file went and that the file is not encrypted.
    assert str(out) in result.stdout and "not encrypted" in result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert breach.reference in text and "A. DPO" in text


def test_report_refused_without_decision(vault: tuple[Path, Path], tmp_path: Path) -> None:
    folder, secret = vault
    base = ("--data-dir", str(folder), "--passphrase-file", str(secret))
    reference = run(*base, "import", str(DATA / "seed-case.json")).stdout.strip()
    result = run(*base, "report", reference, "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "Record the decision first" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_assess_seed_case_needs_no_vault(tmp_path: Path) -> None:
    import jsonschema

    result = run("--data-dir", str(tmp_path / "none"), "assess", str(DATA / "seed-case.json"))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    schema = json.loads((DATA / "breach-assessment.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert (doc["risk"], doc["notify_ico"], doc["notify_data_subjects"]) == (
        "high_risk", True, True)
    texts = " ".join(r["text"] for r in doc["reasons"]).lower()
    for needle in ("published", "easy to identify", "safety"):
        assert needle in texts
    assert doc["deadline"] == "2026-10-12T11:00:00+00:00"
    assert not (tmp_path / "none").exists()


def test_assess_explain_and_stdin() -> None:
    text = (DATA / "seed-case.json").read_text()
    result = run("assess", "-", "--explain", stdin=text)
    assert result.returncode == 0, result.stderr
    assert "SE = DPC × EI + CB" in result.stdout
    assert "Notify the ICO: yes, by 12 Oct 2026 12:00 BST" in result.stdout


@pytest.mark.parametrize(("payload", "message"), [
    ("[1, 2]", "the document must be a JSON object"),
    ('{"schema": "breach-facts/2", "breach_types": ["integrity"], "data_categories": []}',
     'schema: must be "breach-facts/1"'),
    ('{"schema": "breach-facts/1", "breach_types": ["integrity"], "data_categories": '
     '["health"], "aware_at": "yesterday"}', "aware_at: must be an ISO 8601 date-time"),
    ('{"schema": "breach-facts/1", "breach_types": ["integrity"], "data_categories": '
     '["health"], "confidentiality": {"exposure": "everyone"}}',
     "confidentiality.exposure: must be one of none, trusted_recipient"),
])
def test_assess_invalid_input_names_field_and_rule(payload: str, message: str) -> None:
    result = run("assess", "-", stdin=payload)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_assess_warns_about_impossible_facts_but_assesses() -> None:
    doc = json.loads((DATA / "seed-case.json").read_text())
    doc["discovered_at"] = "2026-10-01T10:00:00+01:00"  # before it began
    result = run("assess", "-", stdin=json.dumps(doc))
    assert result.returncode == 0
    assert "warning: discovered_at" in result.stderr
    assert json.loads(result.stdout)["risk"] == "high_risk"


def test_report_ico_call_sheet_and_follow_up(vault: tuple[Path, Path], tmp_path: Path) -> None:
    from pypdf import PdfReader

    from model.services import vaults
    from tests.conftest import file_report

    folder, secret = vault
    base = ("--data-dir", str(folder), "--passphrase-file", str(secret))
    reference = run(*base, "import", str(DATA / "seed-case.json")).stdout.strip()
    out = tmp_path / "ico.pdf"
    result = run(*base, "report", "ico", reference, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Initial report" in text and "Page 1 of" in text and reference in text
    sheet = tmp_path / "call.pdf"
    assert run(*base, "report", "call-sheet", reference, "-o", str(sheet)).returncode == 0
    assert len(PdfReader(sheet).pages) == 1
    refused = run(*base, "report", "ico", reference, "--follow-up", "-o", str(tmp_path / "f"))
    assert refused.returncode == 2 and "no report filed" in refused.stderr
    assert run(*base, "report", "call-sheet", reference, "--follow-up").returncode == 2
    ctx = vaults.unlock(folder, PASSPHRASE, remember=False)
    try:
        breach = ctx.breaches.get_by_reference(reference)
        file_report(ctx, breach.id, at=breach.facts.aware_at, case_reference="IC-1")
    finally:
        ctx.close()
    follow = tmp_path / "follow.pdf"
    result = run(*base, "report", "ico", reference, "--follow-up", "-o", str(follow))
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(follow).pages).split())
    assert "Follow-up report" in text and "Changes since the last report" in text
    assert "IC-1" in text
