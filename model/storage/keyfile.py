"""The key file beside the database: the data key wrapped with a passphrase-derived key.

scrypt derives a wrapping key (cost tuned to ~0.3 s here), AES-256-GCM wraps the random
data key. The file holds no secret in the clear; it is replaced atomically when rewritten.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from model.domain.errors import DamagedKeyFileError, VaultError, WrongKeyError

FORMAT = "breach-desk-key/1"
KEY_BYTES = 32
# scrypt cost: n=2**16, r=10 takes about 0.3 s on the reference machine. Tests lower it
# through `KdfParams` so the suite stays fast; the file records what was used.
# What a key file may ask for, checked before deriving: a damaged or hostile file must not
# exhaust memory (128*n*r bytes) or hang (work grows with n*r*p).
MIN_N, MAX_N = 2**10, 2**20
MAX_R, MAX_P = 64, 16
MAX_MEMORY = 256 * 1024 * 1024
MAX_WORK = 4 * 2**16 * 10
NONCE_BYTES = 12
WRAPPED_BYTES = KEY_BYTES + 16  # the key and the GCM tag


@dataclass(frozen=True)
class KdfParams:
    n: int = 2**16
    r: int = 10
    p: int = 1

    def problem(self) -> str | None:
        """Why these scrypt parameters cannot be used, or None."""
        n, r, p = self.n, self.r, self.p
        if not (MIN_N <= n <= MAX_N and n & (n - 1) == 0):
            return f"scrypt n={n} is not one of the powers of two from {MIN_N} to {MAX_N}"
        if not (1 <= r <= MAX_R and 1 <= p <= MAX_P):
            return f"scrypt r={r}, p={p} are outside 1-{MAX_R} and 1-{MAX_P}"
        if 128 * n * r > MAX_MEMORY or n * r * p > MAX_WORK:
            return f"scrypt n={n}, r={r}, p={p} would cost far more than Breach Desk uses"
        return None


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


def normalise(passphrase: str) -> str:
    """The passphrase as used: Unicode NFC, so the same words typed on any keyboard or
    system (composed or decomposed accents) give the same key."""
    return unicodedata.normalize("NFC", passphrase)


def _candidates(passphrase: str) -> list[str]:
    """NFC first; then the text as typed and NFD, for key files written before passphrases
    were normalised (a non-ASCII passphrase may have been wrapped in either form)."""
    forms = [normalise(passphrase), passphrase, unicodedata.normalize("NFD", passphrase)]
    return list(dict.fromkeys(forms))


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    problem = kdf.problem()
    if problem:
        raise DamagedKeyFileError(f"The key file is damaged: {problem}.")
    try:
        data = passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise WrongKeyError("The passphrase is not correct for this vault.") from None
    return Scrypt(salt=salt, length=32, n=kdf.n, r=kdf.r, p=kdf.p).derive(data)


def _aad(vault_id: str) -> bytes:
    return f"{FORMAT}:{vault_id}".encode()


def wrap_key(data_key: bytes, passphrase: str, vault_id: str | None = None,
             kdf: KdfParams | None = None) -> KeyFile:
    """Wrap `data_key` under `passphrase`; a new salt and nonce each time."""
    kdf = kdf or DEFAULT_KDF  # read at call time so tests can lower the cost
    vault_id = vault_id or uuid.uuid4().hex
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(NONCE_BYTES)
    wrapping = _derive(normalise(passphrase), salt, kdf)
    wrapped = AESGCM(wrapping).encrypt(nonce, data_key, _aad(vault_id))
    return KeyFile(vault_id, kdf, salt, nonce, wrapped)


def unwrap_key(keyfile: KeyFile, passphrase: str) -> bytes:
    """The data key, or WrongKeyError when the passphrase does not open it."""
    return unwrap_key_as(keyfile, passphrase)[0]


def unwrap_key_as(keyfile: KeyFile, passphrase: str) -> tuple[bytes, bool]:
    """(the data key, whether it was wrapped under the NFC form of the passphrase)."""
    for i, form in enumerate(_candidates(passphrase)):
        wrapping = _derive(form, keyfile.salt, keyfile.kdf)
        try:
            key = AESGCM(wrapping).decrypt(keyfile.nonce, keyfile.wrapped,
                                           _aad(keyfile.vault_id))
        except InvalidTag:
            continue
        return key, i == 0
    raise WrongKeyError("The passphrase is not correct for this vault.")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _body(keyfile: KeyFile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "vault_id": keyfile.vault_id,
        "kdf": {"name": "scrypt", "n": keyfile.kdf.n, "r": keyfile.kdf.r, "p": keyfile.kdf.p},
        "salt": _b64(keyfile.salt),
        "nonce": _b64(keyfile.nonce),
        "wrapped_key": _b64(keyfile.wrapped),
        "cipher": "AES-256-GCM",
    }


def _check(body: dict[str, Any]) -> str:
    """A checksum of the file's fields: a damaged file is told apart from a wrong passphrase
    (it protects against accidents, not against someone rewriting the file)."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def to_json(keyfile: KeyFile) -> str:
    doc = _body(keyfile)
    doc["check"] = _check(doc)
    return json.dumps(doc, indent=2) + "\n"


def _bytes(doc: dict[str, Any], name: str) -> bytes:
    value = doc[name]
    if not isinstance(value, str):
        raise ValueError(name)
    return base64.b64decode(value, validate=True)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("kdf")
    return value


def parse_keyfile(text: str) -> KeyFile:
    """The key file from its text; ValueError/KeyError/TypeError when malformed,
    DamagedKeyFileError when its fields are impossible or do not match its checksum."""
    doc = json.loads(text)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("format")
    kdf_doc = doc["kdf"]
    if not isinstance(kdf_doc, dict) or kdf_doc.get("name") != "scrypt":
        raise ValueError("kdf")
    keyfile = KeyFile(
        vault_id=str(doc["vault_id"]),
        kdf=KdfParams(_int(kdf_doc["n"]), _int(kdf_doc["r"]), _int(kdf_doc["p"])),
        salt=_bytes(doc, "salt"), nonce=_bytes(doc, "nonce"),
        wrapped=_bytes(doc, "wrapped_key"))
    problem = keyfile.kdf.problem()
    if problem is None and not (16 <= len(keyfile.salt) <= 64):
        problem = "the salt has the wrong length"
    if problem is None and len(keyfile.nonce) != NONCE_BYTES:
        problem = "the nonce has the wrong length"
    if problem is None and len(keyfile.wrapped) != WRAPPED_BYTES:
        problem = "the wrapped key has the wrong length"
    if problem is None and "check" in doc and doc["check"] != _check(_body(keyfile)):
        problem = "its checksum does not match its contents"
    if problem:
        raise DamagedKeyFileError(problem)
    return keyfile


def read_keyfile(path: Path) -> KeyFile:
    """Parse the key file; a missing, foreign or damaged file is a clear VaultError."""
    try:
        if path.stat().st_size > 64 * 1024:
            raise ValueError("size")
        return parse_keyfile(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VaultError(f"The key file {path} is missing.") from None
    except IsADirectoryError:
        raise VaultError(f"The key file {path} is a folder, not a file.") from None
    except DamagedKeyFileError as err:
        raise DamagedKeyFileError(f"The key file {path} is damaged: {err}. Restore it from "
                                  "a backup (each backup has its key file beside it).") \
            from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError,
            binascii.Error):
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
