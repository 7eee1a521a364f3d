"""The five-whys helper: each answer is the next question's subject; together they read
as the narrative's account of why it happened."""

from __future__ import annotations

ORDINALS = ("first", "second", "third", "fourth", "fifth")


def why_prompt(index: int, previous: str) -> str:
    """The question for answer `index` (0-based), built on the previous answer."""
    if index == 0 or not previous.strip():
        return "Why did the breach happen?"
    return f"Why? ({previous.strip().rstrip('.')})"


def whys_as_text(whys: tuple[str, ...]) -> str:
    """The answers as a numbered chain for the narrative; the last is the root cause."""
    answers = [w.strip() for w in whys if w.strip()]
    if not answers:
        return ""
    lines = [f"{i + 1}. {a.rstrip('.')}." for i, a in enumerate(answers)]
    lines.append(f"Root cause (the {ORDINALS[len(answers) - 1]} why): "
                 f"{answers[-1].rstrip('.')}.")
    return "Five whys:\n" + "\n".join(lines)


def add_to_narrative(narrative: str, whys: tuple[str, ...]) -> str:
    """The narrative with the five-whys chain added (or replaced, if already there)."""
    chain = whys_as_text(whys)
    if not chain:
        return narrative
    head = narrative.split("Five whys:\n")[0].rstrip()
    return f"{head}\n\n{chain}" if head else chain
