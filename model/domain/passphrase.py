"""Passphrase rules and a strength hint for the create-vault dialog."""

from __future__ import annotations

import math
import string

MIN_LENGTH = 10


def passphrase_problem(passphrase: str, repeat: str | None = None) -> str | None:
    """Why this passphrase cannot be used, or None when it can."""
    if len(passphrase) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters; several words are easy to remember."
    if passphrase.strip() != passphrase:
        return "Do not start or end the passphrase with a space."
    if repeat is not None and repeat != passphrase:
        return "The two passphrases differ."
    return None


def strength(passphrase: str) -> tuple[int, str]:
    """A rough 0–4 score and its label, from length and character variety (a hint only)."""
    if not passphrase:
        return 0, "Empty"
    pools = [string.ascii_lowercase, string.ascii_uppercase, string.digits,
             string.punctuation + " "]
    size = sum(len(p) for p in pools if any(c in p for c in passphrase))
    size = max(size, 10) if any(ord(c) > 127 for c in passphrase) else max(size, 1)
    distinct = len(set(passphrase))
    bits = min(len(passphrase), distinct * 2) * math.log2(size)
    score = 0 if bits < 45 else 1 if bits < 60 else 2 if bits < 80 else 3 if bits < 100 else 4
    labels = ["Very weak", "Weak", "Fair", "Strong", "Very strong"]
    return score, labels[score]
