"""Frozen snapshots: a JSON document in canonical form and its SHA-256, so a stored version
(an assessment now, a filed ICO report later) can be shown to be exactly what was kept.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Snapshot:
    text: str    # canonical JSON: sorted keys, no spaces, UTF-8 characters kept
    sha256: str  # hex digest of the UTF-8 bytes of `text`

    def document(self) -> Any:
        return json.loads(self.text)

    def verify(self) -> bool:
        return sha256_hex(self.text.encode("utf-8")) == self.sha256


def canonical(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def freeze(document: Any) -> Snapshot:
    """The snapshot of `document`; equal documents always give the same digest."""
    text = canonical(document)
    return Snapshot(text, sha256_hex(text.encode("utf-8")))
