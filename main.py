"""Breach Desk: start the desktop app, or run a command-line verb (see cli/)."""

from __future__ import annotations

import sys

from cli import run


def main(argv: list[str] | None = None) -> int:
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
