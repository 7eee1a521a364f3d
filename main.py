"""Breach Desk: start the GUI, or run a command-line verb (init, info, import, export,
report, assess).

Global options come before the verb. Errors a user can cause print one line on stderr and
exit with code 2; no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_USER_ERROR = 2


class CliError(Exception):
    """A command-line problem with a message for stderr."""


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
    verbs.add_parser("init", help="create a new vault (refuses to overwrite one)")
    verbs.add_parser("info", help="vault location, keyring, schema version, counts")
    imp = verbs.add_parser("import", help="create a breach from a breach-facts/1 JSON file")
    imp.add_argument("file", metavar="FACTS.json", help="file to read, or - for stdin")
    exp = verbs.add_parser("export", help="print a breach as breach-facts/1 JSON")
    exp.add_argument("reference", metavar="REF", help="breach reference, e.g. BR-2026-0001")
    report = verbs.add_parser("report", help="write the one-page record of a breach decided "
                              "not notifiable, as PDF")
    report.add_argument("reference", metavar="REF", help="breach reference")
    report.add_argument("--out", type=Path, metavar="FILE.pdf",
                        help="where to write it (default: a name from the reference, here)")
    assess = verbs.add_parser("assess", help="risk assessment of a breach-facts/1 file "
                              "(needs no vault)")
    assess.add_argument("file", metavar="FACTS.json", help="file to read, or - for stdin")
    assess.add_argument("--explain", action="store_true",
                        help="print the reasoning as text instead of JSON")
    return parser


def read_json(name: str) -> Any:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as err:
        raise CliError(f"cannot read {name}: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise CliError(f"{name} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise CliError(f"{name} is not valid JSON: {err.msg} at line {err.lineno}, "
                       f"column {err.colno}") from None


def read_passphrase(args: argparse.Namespace, prompt: str, confirm: bool = False) -> str:
    if args.passphrase_file is not None:
        try:
            lines = args.passphrase_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise CliError(f"cannot read the passphrase file: {err}") from None
        if not lines or not lines[0]:
            raise CliError("the passphrase file is empty")
        return lines[0]
    if not sys.stdin.isatty():
        raise CliError("no passphrase: use --passphrase-file FILE (no terminal to ask on)")
    import getpass

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise CliError("the two passphrases differ")
    return first


def data_dir(args: argparse.Namespace) -> Path:
    from model.services.vaults import default_data_dir

    return args.data_dir if args.data_dir is not None else default_data_dir()


def open_context(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from model.services import vaults

    folder = data_dir(args)
    if not vaults.vault_exists(folder):
        raise CliError(f"no vault in {folder}: create one with 'init'")
    if args.passphrase_file is None:
        ctx = vaults.unlock_silently(folder)
        if ctx is not None:
            return ctx
    return vaults.unlock(folder, read_passphrase(args, "Passphrase: "), remember=False)


def cmd_init(args: argparse.Namespace) -> int:
    from model.services import vaults

    folder = data_dir(args)
    if vaults.vault_exists(folder):
        raise CliError(f"a vault already exists in {folder}; refusing to overwrite it")
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    ctx = vaults.create(folder, passphrase)
    where = "the OS keyring and the passphrase" if ctx.key_in_keyring else "the passphrase only"
    ctx.close()
    print(f"Created an encrypted vault in {folder}.\nThe key is protected by {where}.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        info = ctx.info()
    finally:
        ctx.close()
    print(f"Vault folder:    {info.data_dir}")
    print(f"Database:        {info.database} (encrypted, SQLCipher)")
    print(f"Key file:        {info.key_file} (key wrapped by the passphrase)")
    keyring = info.keyring_backend or "none available"
    held = "holds the key" if info.key_in_keyring else "does not hold the key"
    print(f"OS keyring:      {keyring}; {held}")
    print(f"Schema version:  {info.schema_version}")
    for name, count in info.counts.items():
        print(f"{name.replace('_', ' ').capitalize() + ':':<17}{count}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    doc = read_json(args.file)
    ctx = open_context(args)
    try:
        breach = ctx.breaches.import_document(doc)
    finally:
        ctx.close()
    print(breach.reference)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        breach = ctx.breaches.get_by_reference(args.reference)
        doc = ctx.breaches.export_document(breach.id)
    finally:
        ctx.close()
    print(json.dumps(doc, indent=2, ensure_ascii=False))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from reports.exports import export_not_notifiable, not_notifiable_file_name

    ctx = open_context(args)
    try:
        breach = ctx.breaches.get_by_reference(args.reference)
        path = args.out or Path(not_notifiable_file_name(breach.reference))
        written = export_not_notifiable(ctx, breach.id, path)
    finally:
        ctx.close()
    print(written)
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    from model.domain.clock import utc_now
    from model.domain.facts import facts_from_document
    from model.domain.risk import assess, assessment_to_document, explain_text
    from model.domain.validation import impossible_facts

    facts = facts_from_document(read_json(args.file))
    # Any schema-valid document is assessed; facts that cannot be true are pointed out.
    for problem in impossible_facts(facts, utc_now()):
        print(f"breach-desk: warning: {problem}", file=sys.stderr)
    result = assess(facts)
    if args.explain:
        print(explain_text(result))
    else:
        print(json.dumps(assessment_to_document(result), indent=2))
    return 0


VERBS = {"init": cmd_init, "info": cmd_info, "import": cmd_import, "export": cmd_export,
         "report": cmd_report, "assess": cmd_assess}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.verb is None:
        from gui.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo)
    from model.domain.errors import BreachDeskError

    try:
        return VERBS[args.verb](args)
    except (CliError, BreachDeskError) as err:
        print(f"breach-desk: error: {err}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("breach-desk: interrupted", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
