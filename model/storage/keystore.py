"""The OS keyring as a key holder, used only when it is an OS keystore.

Only the operating system's own stores count (Secret Service/libsecret, KWallet, the macOS
Keychain, the Windows Credential Locker). Anything else keyring may offer, such as a
plaintext or "encrypted" file from keyrings.alt, the null or fail backends, and any of
those inside keyring's chainer, is refused: the passphrase is then the only key holder.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "Breach Desk"

# "module.Class" of every backend whose storage is an OS keystore.
OS_KEYSTORES: frozenset[str] = frozenset({
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
})
CHAINER = "keyring.backends.chainer.ChainerBackend"


def _name(backend: object) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _priority(backend: KeyringBackend) -> float:
    try:
        return float(backend.priority)
    except Exception:
        return 0.0


def os_keystore(backend: object) -> KeyringBackend | None:
    """`backend` itself when it is an OS keystore; for the chainer, the best OS keystore it
    chains (never the chainer, which would also write to any other backend it holds)."""
    if not isinstance(backend, KeyringBackend):
        return None
    if _name(backend) in OS_KEYSTORES:
        return backend if _priority(backend) > 0 else None
    if _name(backend) == CHAINER:
        try:
            chained = list(getattr(backend, "backends", ()))
        except Exception:
            return None
        usable = [b for b in chained if _name(b) in OS_KEYSTORES and _priority(b) > 0]
        return max(usable, key=_priority) if usable else None
    return None


def _backend() -> KeyringBackend | None:
    try:
        return os_keystore(keyring.get_keyring())
    except Exception:  # a broken keyring configuration must not stop the app
        return None


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
        key = bytes.fromhex(text) if text else None
    except Exception:
        return None
    return key if key is not None and len(key) == 32 else None


def forget_key(vault_id: str) -> None:
    """Remove the keyring entry if there is one."""
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, vault_id)
    except Exception:
        return
