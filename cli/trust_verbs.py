"""Verbs that keep the vault trustworthy: verify, backup and restore.

    verify                          integrity checks and the audit chain (exit 2 on problems)
    backup -o FILE                  an encrypted, checked copy (FILE and FILE.key)
    restore FILE --data-dir NEW     check a backup, then make it the vault in NEW
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import EXIT_USER_ERROR, CliError, data_dir, open_context, read_passphrase

BACKUP_NOTE = ("The backup is encrypted like the vault and opens only with its passphrase "
               "(or this computer's keyring); keep it away from the laptop it protects.")


def _vault_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """--data-dir and --passphrase-file are also accepted after these verbs."""
    parser.add_argument("--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                        help="vault folder (default: the per-user data folder)")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        default=argparse.SUPPRESS,
                        help="read the passphrase from the first line of FILE")
    return parser


def add(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _vault_options(verbs.add_parser(
        "verify", help="check the vault: SQLCipher pages, SQLite integrity, foreign keys "
        "and the audit trail's hash chain")).set_defaults(run=cmd_verify)
    backup = _vault_options(verbs.add_parser("backup", help="write an encrypted copy of the "
                                             "vault (FILE, and its key file as FILE.key)"))
    backup.add_argument("-o", "--out", type=Path, required=True, metavar="FILE")
    backup.set_defaults(run=cmd_backup)
    restore = _vault_options(verbs.add_parser(
        "restore", help="check a backup, then make it the vault in --data-dir (a new "
        "folder; --replace keeps the vault there in its backups/ folder first)"))
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument("--replace", action="store_true",
                         help="replace a vault already in --data-dir (it is kept, moved "
                              "into its backups/ folder)")
    restore.set_defaults(run=cmd_restore)


def _with_key(args: argparse.Namespace, call):  # type: ignore[no-untyped-def]
    """Run `call(passphrase)`: with the OS keyring's key first (no passphrase file given),
    then with the passphrase."""
    from model.domain.errors import WrongKeyError

    if args.passphrase_file is None:
        try:
            return call(None)
        except WrongKeyError:
            pass  # the keyring does not hold the key: ask for the passphrase
    return call(read_passphrase(args, "Passphrase: "))


def cmd_verify(args: argparse.Namespace) -> int:
    from model.services import vaults

    folder = data_dir(args)
    if not vaults.vault_exists(folder):
        raise CliError(f"no vault in {folder}")
    report = _with_key(args, lambda secret: vaults.verify(folder, secret))
    if not report.ok:
        for problem in report.problems:
            print(f"breach-desk: problem: {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    print("SQLCipher page check: ok\nSQLite integrity check: ok\nForeign keys: ok")
    print(f"Audit trail: {report.events} events, chain whole; newest event's SHA-256 "
          f"{report.head or '(none yet)'}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    target: Path = args.out
    if target.exists() and target.is_dir():
        raise CliError(f"{target} is a folder: give a file name, e.g. -o vault-backup.db")
    ctx = open_context(args)
    try:
        written = ctx.backups.to_file(target)
    finally:
        ctx.close()
    print(written)
    print(f"breach-desk: wrote {written} and {written}.key. {BACKUP_NOTE}",
          file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from model.services import vaults

    if args.data_dir is None:
        raise CliError("restore needs --data-dir NEW (a new folder for the restored vault)")
    restored = _with_key(args, lambda secret: vaults.restore(
        args.backup, args.data_dir, secret, replace=args.replace))
    print(f"Restored {args.backup} into {restored.paths.data_dir} "
          f"({restored.report.events} audit events, checks passed).")
    if restored.kept is not None:
        print(f"The vault that was there is kept as {restored.kept}.")
    return 0
