"""The OS keyring as a key holder, used only when a real backend exists.

keyring's "fail" backend (headless Linux) and any backend of priority < 1 count as no
keyring; we never fall back to a plaintext file: the passphrase is the fallback.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "Breach Desk"


def _backend() -> KeyringBackend | None:
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the app
        return None
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith("keyring.backends.fail") or "plaintext" in name.lower():
        return None
    try:
        priority = float(backend.priority)
    except Exception:
        priority = 1.0
    return backend if priority >= 1 or name.startswith("keyring.backends.chainer") else None


def keyring_name() -> str | None:
    """A short name of the usable keyring backend, or None when there is none."""
    backend = _backend()
    return None if backend is None else type(backend).__name__


def is_available() -> bool:
    return _backend() is not None


def store_key(vault_id: str, data_key: bytes) -> bool:
    """Keep the key in the keyring; False (not an error) when no keyring will hold it."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, vault_id, data_key.hex())
    except Exception:
        return False
    return True


def load_key(vault_id: str) -> bytes | None:
    """The key from the keyring, or None (no keyring, no entry, unreadable entry)."""
    backend = _backend()
    if backend is None:
        return None
    try:
        text = backend.get_password(SERVICE, vault_id)
        return bytes.fromhex(text) if text else None
    except Exception:
        return None


def forget_key(vault_id: str) -> None:
    """Remove the keyring entry if there is one."""
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, vault_id)
    except Exception:
        return
