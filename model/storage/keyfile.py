"""The key file beside the database: the data key wrapped with a passphrase-derived key.

scrypt derives a wrapping key (cost tuned to ~0.3 s here), AES-256-GCM wraps the random
data key. The file holds no secret in the clear; it is replaced atomically when rewritten.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from model.domain.errors import VaultError, WrongKeyError

FORMAT = "breach-desk-key/1"
KEY_BYTES = 32
# scrypt cost: n=2**16, r=10 takes about 0.3 s on the reference machine. Tests lower it
# through `KdfParams` so the suite stays fast; the file records what was used.


@dataclass(frozen=True)
class KdfParams:
    n: int = 2**16
    r: int = 10
    p: int = 1


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file. `vault_id` names the vault's keyring entry."""

    vault_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


def new_data_key() -> bytes:
    """A fresh random 256-bit data key."""
    return secrets.token_bytes(KEY_BYTES)


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Scrypt(salt=salt, length=32, n=kdf.n, r=kdf.r, p=kdf.p).derive(
        passphrase.encode("utf-8"))


def _aad(vault_id: str) -> bytes:
    return f"{FORMAT}:{vault_id}".encode()


def wrap_key(data_key: bytes, passphrase: str, vault_id: str | None = None,
             kdf: KdfParams | None = None) -> KeyFile:
    """Wrap `data_key` under `passphrase`; a new salt and nonce each time."""
    kdf = kdf or DEFAULT_KDF  # read at call time so tests can lower the cost
    vault_id = vault_id or uuid.uuid4().hex
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapping = _derive(passphrase, salt, kdf)
    wrapped = AESGCM(wrapping).encrypt(nonce, data_key, _aad(vault_id))
    return KeyFile(vault_id, kdf, salt, nonce, wrapped)


def unwrap_key(keyfile: KeyFile, passphrase: str) -> bytes:
    """The data key, or WrongKeyError when the passphrase does not open it."""
    wrapping = _derive(passphrase, keyfile.salt, keyfile.kdf)
    try:
        return AESGCM(wrapping).decrypt(keyfile.nonce, keyfile.wrapped, _aad(keyfile.vault_id))
    except InvalidTag:
        raise WrongKeyError("The passphrase is not correct for this vault.") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def to_json(keyfile: KeyFile) -> str:
    doc: dict[str, Any] = {
        "format": FORMAT,
        "vault_id": keyfile.vault_id,
        "kdf": {"name": "scrypt", "n": keyfile.kdf.n, "r": keyfile.kdf.r, "p": keyfile.kdf.p},
        "salt": _b64(keyfile.salt),
        "nonce": _b64(keyfile.nonce),
        "wrapped_key": _b64(keyfile.wrapped),
        "cipher": "AES-256-GCM",
    }
    return json.dumps(doc, indent=2) + "\n"


def read_keyfile(path: Path) -> KeyFile:
    """Parse the key file; a missing, foreign or damaged file is a clear VaultError."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError("format")
        kdf = doc["kdf"]
        return KeyFile(
            vault_id=str(doc["vault_id"]),
            kdf=KdfParams(int(kdf["n"]), int(kdf["r"]), int(kdf["p"])),
            salt=base64.b64decode(doc["salt"]),
            nonce=base64.b64decode(doc["nonce"]),
            wrapped=base64.b64decode(doc["wrapped_key"]),
        )
    except FileNotFoundError:
        raise VaultError(f"The key file {path} is missing.") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise VaultError(f"The key file {path} is not a Breach Desk key file or is damaged.") \
            from None


def write_keyfile(path: Path, keyfile: KeyFile) -> None:
    """Write atomically: a crash leaves either the old file or the new one, never half."""
    write_atomic(path, to_json(keyfile).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a synced temporary file in the same folder and a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
