"""The command line: global options, one module per verb group, errors as one line.

Global options come before the verb. Errors a user can cause print one line on stderr and
exit with code 2; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import (
    breach_verbs,
    people_verbs,
    register_verbs,
    report_verbs,
    trust_verbs,
    vault_verbs,
)
from cli.common import EXIT_USER_ERROR, CliError

EXIT_UNEXPECTED = 1

# register_verbs and people_verbs extend report, so they come after it.
GROUPS = (vault_verbs, breach_verbs, report_verbs, register_verbs, people_verbs, trust_verbs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="breach-desk",
        description="Offline, encrypted assistant for handling a personal-data breach. "
                    "With no verb, starts the desktop app.")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="vault folder (default: the per-user data folder)")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        help="read the passphrase from the first line of FILE")
    parser.add_argument("--demo", action="store_true",
                        help="open a throwaway vault filled with sample breaches")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    for group in GROUPS:
        group.add(verbs)
    return parser


def run(argv: list[str] | None = None) -> int:
    """Parse and run a verb; with none, start the desktop app."""
    args = build_parser().parse_args(argv)
    if args.verb is None:
        from gui.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo)
    from model.domain.errors import BreachDeskError
    from model.services.logs import configure_logging, log_unexpected

    configure_logging(_log_folder(args))
    try:
        return int(args.run(args))
    except (CliError, BreachDeskError) as err:
        print(f"breach-desk: error: {_one_line(err)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("breach-desk: interrupted", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as err:  # a bug: one line here, the details (no personal data) logged
        where = log_unexpected(err)
        print(f"breach-desk: unexpected error ({type(err).__name__}); details are in "
              f"{where}", file=sys.stderr)
        return EXIT_UNEXPECTED


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())


def _log_folder(args: argparse.Namespace) -> Path | None:
    """The vault folder's log, when that folder exists (a verb never creates it)."""
    from model.services.vaults import default_data_dir

    folder = args.data_dir if getattr(args, "data_dir", None) is not None \
        else default_data_dir()
    return folder if folder.is_dir() else None
