"""A stand-in for the OS keyring, for the benchmark only.

This machine has no Secret Service (headless, no D-Bus session), and Breach Desk uses
nothing but an OS keystore. The benchmark needs a key held outside the vault to time the
start a DPO normally sees (no passphrase typed), so it registers this file-backed store as
if it were one, in its own processes only. A real Secret Service adds its D-Bus round
trip (a few milliseconds) to the unlock figure; the file lives in the benchmark's
temporary folder and is deleted with it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

ENV = "BREACH_DESK_BENCH_KEYSTORE"  # the file that holds the keys


class BenchKeystore(KeyringBackend):
    priority = 10

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path = Path(path or os.environ[ENV])

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data), encoding="utf-8")
        self.path.chmod(0o600)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self.path.write_text(json.dumps(data), encoding="utf-8")


def install(path: Path) -> BenchKeystore:
    """Use the stand-in in this process, counted as an OS keystore."""
    import keyring

    from model.storage import keystore

    os.environ[ENV] = str(path)
    backend = BenchKeystore(path)
    keystore.OS_KEYSTORES = keystore.OS_KEYSTORES | {keystore._name(backend)}
    keyring.set_keyring(backend)
    return backend
