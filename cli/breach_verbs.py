"""Verbs about breaches as breach-facts/1 documents: import, export and assess."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cli.common import CliError, open_context, read_json


def dump_json(doc: Any) -> str:
    """Strict JSON (never NaN or Infinity), so what is printed is valid JSON."""
    try:
        return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError as err:
        raise CliError(f"cannot be written as JSON: {err}") from None


def add(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imp = verbs.add_parser("import", help="create a breach from a breach-facts/1 JSON file")
    imp.add_argument("file", metavar="FACTS.json", help="file to read, or - for stdin")
    imp.set_defaults(run=cmd_import)
    exp = verbs.add_parser("export", help="print a breach as breach-facts/1 JSON")
    exp.add_argument("reference", metavar="REF", help="breach reference, e.g. BR-2026-0001")
    exp.set_defaults(run=cmd_export)
    assess = verbs.add_parser("assess", help="risk assessment of a breach-facts/1 file "
                              "(needs no vault)")
    assess.add_argument("file", metavar="FACTS.json", help="file to read, or - for stdin")
    assess.add_argument("--explain", action="store_true",
                        help="print the reasoning as text instead of JSON")
    assess.set_defaults(run=cmd_assess)


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
    print(dump_json(doc))
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    from model.domain.clock import utc_now
    from model.domain.facts import facts_from_document
    from model.domain.risk import assess, assessment_to_document, explain_text
    from model.domain.validation import check_ranges, impossible_facts

    facts = facts_from_document(read_json(args.file))
    check_ranges(facts)  # out of range is an error here as everywhere, not a warning
    # Any schema-valid document is assessed; facts that cannot be true are pointed out.
    for problem in impossible_facts(facts, utc_now()):  # the rest: warnings
        print(f"breach-desk: warning: {problem}", file=sys.stderr)
    result = assess(facts)
    if args.explain:
        print(explain_text(result))
    else:
        print(dump_json(assessment_to_document(result)))
    return 0
