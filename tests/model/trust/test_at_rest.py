"""What issue 13 keeps: no plaintext at rest (a sentinel in every field is found in no
file: database, journal, backups, key files, log), no network, and SIGKILLed writers lose
no committed write. Also: the log holds references and kinds, never personal data."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from model.domain.decision import DecisionDraft
from model.domain.enums import ExemptionGround
from model.domain.facts import BreachFacts, ExemptionClaim
from model.domain.lessons.records import ActionDraft, Lessons
from model.domain.lessons.taxonomy import ActionKind
from model.domain.records import OrganisationProfile
from model.services import vaults
from model.services.logs import configure_logging, log_unexpected
from tests.conftest import PASSPHRASE

SENTINEL = "SENTINEL-7f3a9c-Zebra-Quokka"
ROOT = Path(__file__).resolve().parents[3]


def _needles() -> list[bytes]:
    return [SENTINEL.encode(), SENTINEL.encode("utf-16-le"), b"Zebra-Quokka"]


def _scan(folder: Path) -> None:
    for path in [p for p in folder.rglob("*") if p.is_file()]:
        data = path.read_bytes()
        for needle in _needles():
            assert needle not in data, f"plaintext found in {path.relative_to(folder)}"


def _fill(ctx) -> int:  # type: ignore[no-untyped-def]
    """A sentinel in every kind of field a user types."""
    s = SENTINEL
    ctx.organisation.save(OrganisationProfile(name=s, address=s, dpo_name=s, dpo_email=f"{s}@x.uk",
                                              dpo_phone=s, user_name=s))
    facts = BreachFacts(title=s, summary=s * 3, how_found=s, found_by=s, aware_note=s,
                        processor_name=s, recovery_note=s,
                        exemption_claim=ExemptionClaim(ExemptionGround.UNINTELLIGIBLE, s))
    breach = ctx.breaches.create(facts, actor=s)
    ctx.breaches.update_facts(breach.id, replace(facts, summary=s + " edited"), actor=s)
    ctx.breaches.add_event(breach.id, ctx.clock() - timedelta(hours=1), f"Done by {s}", s)
    ctx.attachments.add(breach.id, f"{s}.txt", s.encode() * 10, s, note=s)
    assessment = ctx.assessments.assess(breach.id, actor=s)
    ctx.assessments.record_decision(breach.id, assessment.id, DecisionDraft(
        notify_ico=False, notify_subjects=False, decided_by=s, decided_at=ctx.clock(),
        notify_ico_reason=s, notify_subjects_reason=s))
    ctx.lessons.save(breach.id, Lessons(team=s), actor=s)
    ctx.lessons.add_action([breach.id], ActionDraft(ActionKind.CORRECTIVE, s, s,
                                                    date(2026, 12, 1)), actor=s)
    ctx.drafts.save("breach:1:triage", {"summary": s}, s, breach.id)
    return breach.id


def test_no_plaintext_anywhere_at_rest_nor_in_the_log_or_backups(tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "v"
    ctx = vaults.create(folder, PASSPHRASE, clock=clock)
    log = configure_logging(folder)
    try:
        _fill(ctx)
        # Mid-transaction: the rollback journal holds only encrypted pages.
        with ctx.db.unit() as session:
            from model.storage.orm import TimelineRow

            session.add(TimelineRow(breach_id=1, at=clock(), kind="note", text=SENTINEL,
                                    actor=SENTINEL, recorded_at=clock()))
            session.flush()
            _scan(folder)
        ctx.backups.back_up_now()
        ctx.backups.automatic(keep=2)
        try:
            raise RuntimeError(f"a bug while handling {SENTINEL}")
        except RuntimeError as err:
            log_unexpected(err)
        assert ctx.backups.check().ok
    finally:
        ctx.close()
        configure_logging(None)
    assert log is not None and "backup written" in log.read_text()
    assert "RuntimeError at" in log.read_text()
    _scan(folder)
    restored = vaults.restore(next(folder.glob("backups/backup-*.db")), tmp_path / "r",
                              PASSPHRASE)
    _scan(restored.paths.data_dir)


def test_no_network_connection_in_any_trust_operation(tmp_path, clock, monkeypatch,  # type: ignore[no-untyped-def]
                                                      seed_doc) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Breach Desk tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    ctx = vaults.create(tmp_path / "v", PASSPHRASE, clock=clock)
    try:
        ctx.breaches.import_document(seed_doc)
        backup = ctx.backups.back_up_now()
        assert ctx.backups.check().ok
    finally:
        ctx.close()
    assert vaults.verify(tmp_path / "v", PASSPHRASE).ok
    vaults.restore(backup, tmp_path / "r", PASSPHRASE)


WRITER = '''
import sys
from model.domain.facts import BreachFacts
from model.services import vaults
ctx = vaults.unlock(sys.argv[1], sys.argv[2], remember=False)
i = int(sys.argv[3])
while True:
    breach = ctx.breaches.create(BreachFacts(title=f"write {i}"))
    print(breach.reference, flush=True)  # printed only after the commit returned
    i += 1
'''


def test_sigkilled_writers_lose_no_committed_write(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "v"
    vaults.create(folder, PASSPHRASE).close()
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    committed: list[str] = []
    for kill in range(4):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), PASSPHRASE,
                                  str(kill * 10_000)], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        lines = [child.stdout.readline()]  # started writing
        time.sleep(0.15 + 0.1 * kill)
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=10)
        lines += rest.splitlines()
        committed += [line.strip() for line in lines if line.strip()]
    ctx = vaults.unlock(folder, PASSPHRASE)
    try:
        stored = {b.reference for b in ctx.breaches.list()}
        assert len(committed) > 20
        assert set(committed) <= stored
        assert ctx.backups.check().ok  # and the audit chain survived the kills
    finally:
        ctx.close()
