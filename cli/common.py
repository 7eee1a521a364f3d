"""What every verb shares: the user-facing error, reading JSON and passphrases, opening the
vault. Errors a user can cause become CliError (one line on stderr, exit code 2)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from model.services.context import AppContext

EXIT_USER_ERROR = 2
NOT_ENCRYPTED = ("The file is not encrypted: it holds personal data, so keep it only where "
                 "your organisation allows and delete it when done.")


class CliError(Exception):
    """A command-line problem with a message for stderr."""


MAX_JSON_BYTES = 20 * 1024 * 1024


MAX_NESTING = 100  # far beyond any exchange document; the domain's own limit is lower
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _nesting(text: str) -> int:
    """How deep arrays and objects nest in JSON text (strings skipped), before parsing."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_json(name: str) -> Any:
    """A JSON document from a file or stdin: UTF-8 (a byte-order mark is allowed), strict
    JSON (no NaN or Infinity), not absurdly large or deep. Problems are one-line errors."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise CliError(f"{name} is a folder, not a JSON file")
            if path.stat().st_size > MAX_JSON_BYTES:
                raise CliError(f"{name} is larger than {MAX_JSON_BYTES // 2**20} MB")
            data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as err:
        raise CliError(f"cannot read {name}: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise CliError(f"{name} is not UTF-8 text") from None
    if len(data) > MAX_JSON_BYTES:
        raise CliError(f"{name} is larger than {MAX_JSON_BYTES // 2**20} MB")
    if _nesting(text) > MAX_NESTING:
        # Checked before parsing: a parser that runs out of stack midway leaves a trail of
        # "Exception ignored" lines as it unwinds, not one clear error.
        raise CliError(f"{name} is nested too deeply to be a breach-facts document")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise CliError(f"{name} is not valid JSON: {err.msg} at line {err.lineno}, "
                       f"column {err.colno}") from None
    except RecursionError:
        raise CliError(f"{name} is nested too deeply to be a breach-facts document") \
            from None
    except ValueError as err:  # NaN/Infinity, or an integer of thousands of digits
        raise CliError(f"{name} is not valid JSON: {str(err).split(';')[0]}") from None


def read_passphrase(args: argparse.Namespace, prompt: str, confirm: bool = False) -> str:
    if args.passphrase_file is not None:
        try:
            lines: list[str] = Path(args.passphrase_file).read_text(
                encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise CliError(f"cannot read the passphrase file: {err}") from None
        if not lines or not lines[0]:
            raise CliError("the passphrase file is empty")
        return lines[0]
    if not sys.stdin.isatty():
        raise CliError("no passphrase: use --passphrase-file FILE (no terminal to ask on)")
    import getpass

    first: str = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise CliError("the two passphrases differ")
    return first


def data_dir(args: argparse.Namespace) -> Path:
    from model.services.vaults import default_data_dir

    return args.data_dir if args.data_dir is not None else default_data_dir()


def open_context(args: argparse.Namespace) -> AppContext:
    from model.services import vaults

    folder = data_dir(args)
    if not vaults.vault_exists(folder):
        raise CliError(f"no vault in {folder}: create one with 'init'")
    if args.passphrase_file is None:
        ctx = vaults.unlock_silently(folder)
        if ctx is not None:
            return ctx
    return vaults.unlock(folder, read_passphrase(args, "Passphrase: "), remember=False)


def wrote(path: Path) -> None:
    """Confirm where an export was written (stdout) and that it is plaintext (stderr)."""
    print(path)
    print(f"breach-desk: wrote {path}. {NOT_ENCRYPTED}", file=sys.stderr)
