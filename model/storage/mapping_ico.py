"""Rows of the ICO tables become records and back: the report's answers as a versioned JSON
document, a filing row as a Filing."""

from __future__ import annotations

import json

from model.domain.ico.codec import answers_from_document, answers_to_document
from model.domain.ico.records import Channel, Filing, IcoAnswers, ReportType
from model.storage.orm_ico import IcoFilingRow


def answers_dumps(answers: IcoAnswers) -> str:
    return json.dumps(answers_to_document(answers), ensure_ascii=False, sort_keys=True)


def answers_loads(text: str) -> IcoAnswers:
    return answers_from_document(json.loads(text))


def to_filing(row: IcoFilingRow) -> Filing:
    return Filing(id=row.id, breach_id=row.breach_id, version=row.version,
                  report_type=ReportType(row.report_type), channel=Channel(row.channel),
                  filed_at=row.filed_at, recorded_at=row.recorded_at,
                  recorded_by=row.recorded_by, case_reference=row.case_reference,
                  delay_reasons=row.delay_reasons, snapshot_text=row.snapshot_json,
                  snapshot_sha256=row.snapshot_sha256, pdf_sha256=row.pdf_sha256,
                  pdf_size=row.pdf_size, note=row.note)
