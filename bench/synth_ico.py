"""ICO filings and letters of the synthetic breaches, made by the app's own pure functions on
each breach's in-memory Case: the report's answers resolved and frozen as IcoService.
record_filing freezes them, the filing checks run, and the letter's first draft.

Every filing keeps a PDF. Rendering thousands would take minutes, so ONE real PDF is
rendered (the motivating case's initial report) and its bytes, with their true SHA-256,
are stored with every filing. Each row still holds its own copy, so the vault is about as
large as a real one; what differs is that the PDF of every other filing shows the
motivating case rather than its own report (its answers snapshot is its own).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bench.synth_base import local_day
from bench.synth_case import Extra, case_at
from bench.synth_life import FilingPlan, Life
from model.domain.documents.ico_report import Filed
from model.domain.ico.content import Reporting, is_late, resolve
from model.domain.ico.records import FilingDraft, ReportType
from model.domain.ico.report import check_filing, prepare, snapshot_document
from model.domain.people.letter import check_lengths, letter_to_document
from model.domain.people.prefill import default_variant, prefill
from model.domain.snapshot import freeze

JUST_BEFORE = timedelta(microseconds=1)


def filing_draft(plan: FilingPlan) -> FilingDraft:
    """The filing as the DPO typed it in 'Record filing…'."""
    initial = plan.report_type is ReportType.INITIAL
    return FilingDraft(plan.channel, plan.report_type, plan.filed_at,
                       case_reference="" if initial else plan.answers.case_reference,
                       delay_reasons=plan.answers.delay_reasons if initial else "")


def freeze_filings(life: Life, extra: Extra) -> None:
    """Each filing's answers snapshot, from the case as it stood when it was recorded."""
    for plan in life.filings:
        case = case_at(life, extra, plan.rec - JUST_BEFORE)
        draft = filing_draft(plan)
        answers = case.ico_answers
        check_filing(case, draft, plan.rec, is_late(case, draft.filed_at), answers)
        case = replace(case, ico_answers=answers)
        content = resolve(case, Reporting(
            answers, draft.report_type, draft.filed_at,
            case_reference=draft.case_reference or answers.case_reference,
            delay_reasons=draft.delay_reasons or answers.delay_reasons))
        extra.snapshots[plan.version] = freeze(snapshot_document(case, draft, plan.version,
                                                                 content))


def render_one_pdf(life: Life, extra: Extra) -> bytes:
    """The real PDF of one filing (the first), rendered as IcoService.record_filing does,
    in reportlab's invariant mode (no creation time or random id in the file) so the same
    scale gives the same bytes and digest every time."""
    from reportlab import rl_config

    from reports.pdf import render_document

    plan = life.filings[0]
    case = case_at(life, extra, plan.rec - JUST_BEFORE)
    draft = filing_draft(plan)
    prepared = prepare(case, draft.report_type, plan.rec, case.ico_answers,
                       Filed(plan.version, draft.filed_at, draft.channel), draft)
    before = rl_config.invariant
    rl_config.invariant = 1
    try:
        return render_document(prepared.document).data
    finally:
        rl_config.invariant = before


def freeze_letter(life: Life, extra: Extra) -> None:
    """The letter as first drafted from the case and saved (PeopleService.save_letter)."""
    people = extra.people
    assert people is not None
    case = case_at(life, extra, people.letter_at)
    text = prefill(case, default_variant(case), local_day(people.letter_at))
    check_lengths(text)
    extra.letter = freeze(letter_to_document(text))
    extra.variant_label = text.variant.label
