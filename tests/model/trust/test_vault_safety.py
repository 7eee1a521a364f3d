"""The vault's own safety: keyrings that are not OS keystores are refused (also through
the chainer), passphrases are NFC, one app per vault, owner-only modes, exports respect
the umask, and four writers never fail with "database is locked"."""

from __future__ import annotations

import base64
import os
import unicodedata
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from model.domain.errors import VaultLockedError, WrongKeyError
from model.domain.facts import BreachFacts
from model.services import vaults
from model.storage import keyfile, keystore
from model.storage.vault import VaultPaths
from tests.conftest import PASSPHRASE, MemoryKeyring


class PlaintextLike(KeyringBackend):
    """What keyrings.alt's plaintext backend does: base64 in a file, high priority."""

    priority = 20  # type: ignore[assignment]
    file: Path

    def get_password(self, service: str, username: str) -> str | None:
        for line in self.file.read_text().splitlines() if self.file.exists() else []:
            name, _, value = line.partition("=")
            if name == f"{service}:{username}":
                return base64.b64decode(value).decode()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        with self.file.open("a") as out:
            out.write(f"{service}:{username}={base64.b64encode(password.encode()).decode()}\n")

    def delete_password(self, service: str, username: str) -> None:
        return None


PlaintextLike.__module__ = "keyrings.alt.file"
PlaintextLike.__name__ = "PlaintextKeyring"


def _chainer(*backends: KeyringBackend) -> ChainerBackend:
    class FakeChainer(ChainerBackend):
        pass

    FakeChainer.backends = list(backends)  # type: ignore[assignment,misc]
    FakeChainer.__module__ = ChainerBackend.__module__
    FakeChainer.__name__ = "ChainerBackend"
    return FakeChainer()


def test_a_chainer_holding_only_a_plaintext_file_is_no_keyring(tmp_path) -> None:  # type: ignore[no-untyped-def]
    plain = PlaintextLike()
    plain.file = tmp_path / "keyring_pass.cfg"
    keyring.set_keyring(_chainer(plain))
    assert vaults.keyring_backend() is None
    ctx = vaults.create(tmp_path / "v", PASSPHRASE)
    assert not ctx.key_in_keyring
    ctx.close()
    assert not plain.file.exists(), "the data key landed in a plaintext file"
    assert vaults.unlock_silently(tmp_path / "v") is None  # no passphrase-free opening


def test_a_chainer_uses_its_os_keystore_only(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plain = PlaintextLike()
    plain.file = tmp_path / "keyring_pass.cfg"
    secure = MemoryKeyring()
    monkeypatch.setattr(keystore, "OS_KEYSTORES",
                        keystore.OS_KEYSTORES | {keystore._name(secure)})
    keyring.set_keyring(_chainer(plain, secure))  # the plaintext one ranks first
    ctx = vaults.create(tmp_path / "v", PASSPHRASE)
    assert ctx.key_in_keyring
    ctx.close()
    assert not plain.file.exists()
    assert len(secure.store) == 1
    reopened = vaults.unlock_silently(tmp_path / "v")
    assert reopened is not None
    reopened.close()


def test_a_plaintext_backend_set_directly_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    plain = PlaintextLike()
    plain.file = tmp_path / "keyring_pass.cfg"
    keyring.set_keyring(plain)
    assert not keystore.store_key("v", b"k" * 32) and not plain.file.exists()


def test_passphrases_are_nfc_whichever_way_accents_are_typed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    composed = "crème brûlée à la façon"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    vaults.create(tmp_path / "v", decomposed).close()
    vaults.unlock(tmp_path / "v", composed).close()
    vaults.unlock(tmp_path / "v", decomposed).close()


def test_a_vault_wrapped_before_nfc_still_opens_and_is_rewrapped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    composed = "crème brûlée à la façon"
    decomposed = unicodedata.normalize("NFD", composed)
    paths = VaultPaths(tmp_path / "v")
    vaults.create(paths.data_dir, composed).close()
    old = keyfile.read_keyfile(paths.key)
    key = keyfile.unwrap_key(old, composed)
    # What an older version wrote: the key wrapped under the bytes as typed (NFD).
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapping = keyfile.Scrypt(salt=salt, length=32, n=old.kdf.n, r=old.kdf.r,
                              p=old.kdf.p).derive(decomposed.encode())
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    wrapped = AESGCM(wrapping).encrypt(nonce, key, keyfile._aad(old.vault_id))
    keyfile.write_keyfile(paths.key, keyfile.KeyFile(old.vault_id, old.kdf, salt, nonce,
                                                     wrapped))
    vaults.unlock(paths.data_dir, decomposed, remember=False).close()
    assert keyfile.unwrap_key_as(keyfile.read_keyfile(paths.key), composed)[1]
    with pytest.raises(WrongKeyError):
        vaults.unlock(paths.data_dir, "crème brûlée a la facon")


def test_one_app_per_vault_and_a_stale_lock_is_taken_over(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    folder = tmp_path / "v"
    vaults.create(folder, PASSPHRASE).close()
    first = vaults.lock_instance(folder)
    with pytest.raises(VaultLockedError, match=f"process {os.getpid()}"):
        vaults.lock_instance(folder)
    first.release()
    # A holder that is killed: its lock file stays with its PID, the OS lock goes.
    code = ("import os, sys, time; sys.path.insert(0, os.getcwd())\n"
            "from model.services import vaults\n"
            f"lock = vaults.lock_instance({str(folder)!r}); print('held', flush=True)\n"
            "time.sleep(60)\n")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                             cwd=Path(__file__).resolve().parents[3], text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        with pytest.raises(VaultLockedError, match=f"process {child.pid}"):
            vaults.lock_instance(folder)
        child.kill()
        child.wait(10)
    finally:
        child.kill()
    taken = vaults.lock_instance(folder)
    assert taken.stale_pid == child.pid
    taken.release()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_modes_are_tightened_to_owner_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "v"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    ctx = vaults.create(folder, PASSPHRASE)
    ctx.backups.back_up_now()
    ctx.close()
    assert folder.stat().st_mode & 0o777 == 0o700
    (folder / "breachdesk.db").chmod(0o644)
    (folder / "backups").chmod(0o755)
    folder.chmod(0o755)
    vaults.unlock(folder, PASSPHRASE).close()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "backups").stat().st_mode & 0o777 == 0o700
    for path in [p for p in folder.rglob("*") if p.is_file()]:
        assert path.stat().st_mode & 0o077 == 0, path


@pytest.mark.skipif(os.name != "posix", reason="POSIX umask")
@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o027, 0o640)])
def test_exports_respect_the_umask(tmp_path, umask, mode) -> None:  # type: ignore[no-untyped-def]
    from reports.common import write_atomically

    previous = os.umask(umask)
    try:
        path = write_atomically(tmp_path / "report.pdf", b"%PDF-1.4 test")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == mode


def _writer(folder: str, index: int, count: int, queue) -> None:  # type: ignore[no-untyped-def]
    from model.services import vaults as v

    ctx = v.unlock(Path(folder), PASSPHRASE, remember=False)
    failures = 0
    try:
        for i in range(count):
            try:
                ctx.breaches.create(BreachFacts(title=f"writer {index} #{i}"))
            except Exception:
                failures += 1
    finally:
        ctx.close()
    queue.put(failures)


def test_four_writers_never_fail_with_database_locked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing

    folder = tmp_path / "v"
    vaults.create(folder, PASSPHRASE).close()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [context.Process(target=_writer, args=(str(folder), i, 40, queue))
               for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    failures = [queue.get(timeout=5) for _ in workers]
    assert failures == [0, 0, 0, 0]
    ctx = vaults.unlock(folder, PASSPHRASE)
    try:
        assert ctx.breaches.count() == 160
        assert ctx.backups.check().ok  # the audit chain stayed whole under contention
    finally:
        ctx.close()
