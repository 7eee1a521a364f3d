"""Shared fixtures: offscreen Qt, a cheap KDF, an isolated keyring, throwaway vaults."""

from __future__ import annotations

import os

# Must be set before any QApplication exists, or pytest-qt aborts without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Subprocesses (CLI tests) must never reach the developer's real keyring.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.backends import fail  # noqa: E402

from model.storage import keyfile  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parent / "data"


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring for tests."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated_keyring() -> Iterator[None]:
    """No test touches the machine's keyring; by default there is none (headless)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """An in-memory stand-in for an OS keystore (counted as one for the test)."""
    from model.storage import keystore

    backend = MemoryKeyring()
    monkeypatch.setattr(keystore, "OS_KEYSTORES",
                        keystore.OS_KEYSTORES | {keystore._name(backend)})
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at full cost takes ~0.3 s; tests use a cheap setting (recorded in the file)."""
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(n=2**10, r=8, p=1))


PASSPHRASE = "correct horse battery staple"


class FixedClock:
    """A settable clock for services."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 10, 10, 9, 0, tzinfo=UTC))


@pytest.fixture
def ctx(tmp_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    """An open AppContext on a fresh vault in tmp_path."""
    from model.services import vaults

    context = vaults.create(tmp_path / "vault", PASSPHRASE, clock=clock)
    yield context
    context.close()


@pytest.fixture
def seed_doc() -> dict:
    import json

    return json.loads((DATA / "seed-case.json").read_text(encoding="utf-8"))


def decide_not_notifiable(ctx, breach_id: int) -> None:  # type: ignore[no-untyped-def]
    """Assess a breach and record a reasoned decision not to notify (its only way there)."""
    from model.domain.decision import DecisionDraft

    assessment = ctx.assessments.assess(breach_id, actor="Tester")
    reason = "Tested: the recipient is trusted and deleted the data at once."
    ctx.assessments.record_decision(breach_id, assessment.id, DecisionDraft(
        notify_ico=False, notify_subjects=False, decided_by="Tester", decided_at=ctx.clock(),
        notify_ico_reason=reason, notify_subjects_reason=reason))


def file_report(ctx, breach_id: int, at=None, report_type=None, case_reference: str = "",  # type: ignore[no-untyped-def]
                delay_reasons: str = "Tested: the delay is explained.") -> object:
    """Record a report filed with the ICO (the one way a breach becomes notified)."""
    from model.domain.ico.records import Channel, FilingDraft, ReportType
    from reports.pdf import render_document

    draft = FilingDraft(Channel.ONLINE, report_type or ReportType.INITIAL, at or ctx.clock(),
                        case_reference=case_reference, delay_reasons=delay_reasons)
    return ctx.ico.record_filing(breach_id, draft, lambda doc: render_document(doc).data,
                                 actor="Tester")


def open_demo(clock):  # type: ignore[no-untyped-def]
    """The demo vault, its sample filings rendered as the app renders them."""
    from model.services import vaults
    from reports.pdf import render_document

    return vaults.open_demo(lambda doc: render_document(doc).data, clock)
