"""Progress of long work (exports, merges, imports, backups), reported to whoever runs it,
and the way that caller stops it. Pure Python: services and reports take a ProgressSink;
the GUI's task helper gives one that raises Cancelled after the user presses Cancel."""

from __future__ import annotations

from typing import Protocol

from model.domain.errors import BreachDeskError


class Cancelled(BreachDeskError):
    """The user cancelled the work; whatever it was writing was removed."""


class ProgressSink(Protocol):
    def step(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises Cancelled once the caller asked to stop."""


class NoProgress:
    """A sink that ignores progress and never cancels (command line, tests)."""

    def step(self, done: int, total: int, text: str = "") -> None:
        return None
