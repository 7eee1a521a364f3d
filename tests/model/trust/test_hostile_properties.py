"""Hostile input as properties (Hypothesis): breach-facts/1 documents, register CSVs, text
fields, key files and database files. Every input ends as stored-and-usable or as a clear
BreachDeskError; nothing crashes, and nothing already stored changes when it is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.domain.errors import BreachDeskError
from model.domain.facts import facts_from_document
from model.domain.validation import check_ranges
from model.services import vaults
from tests.conftest import PASSPHRASE

FAST = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\ud800", "a\x00b", "\u202e", "x" * 20_001, "", "  ", "\ufeff"]),
)
hostile_number = st.one_of(
    st.integers(min_value=-10, max_value=10**12), st.floats(allow_nan=True,
                                                            allow_infinity=True),
    st.sampled_from([61.0, 2**31, 2**63, 10**30, -1, True, "61", None]))
hostile_moment = st.one_of(
    st.sampled_from(["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00",
                     "9999-12-31T23:59:00-01:00", "2026-10-09T12:00:00+01:00", "yesterday",
                     "2026-02-30T00:00:00Z", "2099-01-01T00:00:00Z", "", None, 5]),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()))
json_leaf = st.one_of(st.none(), st.booleans(), hostile_number, hostile_text)
json_value = st.recursive(json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8)


@st.composite
def facts_documents(draw):  # type: ignore[no-untyped-def]
    with_seed = json.loads((Path(__file__).resolve().parents[2] / "data" /
                            "seed-case.json").read_text(encoding="utf-8"))
    doc = dict(with_seed)
    for name in draw(st.lists(st.sampled_from(
            ["summary", "title", "occurred_at", "aware_at", "subjects_count",
             "records_count", "confidentiality", "extra_field", "breach_types",
             "processor", "exemption_claim", "breach_desk"]), max_size=4, unique=True)):
        if name in ("summary", "title"):
            doc[name] = draw(hostile_text)
        elif name.endswith("_at"):
            doc[name] = draw(hostile_moment)
        elif name.endswith("_count"):
            doc[name] = draw(hostile_number)
        elif name == "confidentiality":
            doc[name] = {"exposure_hours": draw(hostile_number)}
        elif name == "breach_desk":
            doc[name] = {"timeline": [{"at": draw(hostile_moment), "text": draw(hostile_text)}]}
        else:
            doc[name] = draw(json_value)
    return doc


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from tests.conftest import FixedClock

    folder = tmp_path_factory.mktemp("props") / "v"
    ctx = vaults.create(folder, PASSPHRASE, use_keyring=False,
                        clock=FixedClock(datetime(2026, 10, 10, 9, 0, tzinfo=UTC)))
    yield ctx
    ctx.close()


def _state(ctx) -> tuple[int, int, list[str]]:  # type: ignore[no-untyped-def]
    return (ctx.breaches.count(), ctx.audit.count(),
            [json.dumps(ctx.breaches.export_document(b.id), sort_keys=True)
             for b in ctx.breaches.list()[:3]])


@FAST
@given(doc=facts_documents())
def test_any_document_is_imported_whole_or_refused_cleanly(shared_vault, doc) -> None:  # type: ignore[no-untyped-def]
    ctx = shared_vault
    before = _state(ctx)
    try:
        breach = ctx.breaches.import_document(doc)
    except BreachDeskError:
        assert _state(ctx) == before  # nothing already stored changed
        return
    exported = ctx.breaches.export_document(breach.id)
    text = json.dumps(exported, allow_nan=False, ensure_ascii=False)  # valid JSON out
    text.encode("utf-8")  # and encodable: no lone surrogates stored
    case = ctx.cases.load(breach.id)
    from model.domain.validation import missing_items

    missing_items(case.facts)  # the screens' reading of it works
    case.deadline(ctx.clock())


@FAST
@given(doc=facts_documents())
def test_assess_gives_a_result_or_a_clear_error(doc) -> None:  # type: ignore[no-untyped-def]
    from model.domain.risk import assess, assessment_to_document

    try:
        facts = facts_from_document(doc)
        check_ranges(facts)
    except BreachDeskError:
        return
    json.dumps(assessment_to_document(assess(facts)), allow_nan=False)


csv_cell = st.one_of(st.text(max_size=12), hostile_moment.map(str), hostile_number.map(str),
                     st.sampled_from(["=HYPERLINK(\"x\")", "0001-01-01", "31/12/9999",
                                      "1e400", "Not notifiable", "yes"]))


@FAST
@given(rows=st.lists(st.lists(csv_cell, min_size=4, max_size=4), min_size=1, max_size=5),
       bom=st.booleans())
def test_any_register_csv_imports_whole_or_not_at_all(shared_vault, tmp_path_factory, rows,
                                                      bom) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    from model.domain.register.importing import guess_mapping

    ctx = shared_vault
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Title", "Date discovered", "People affected", "Status"])
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "register.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"")
                     + out.getvalue().encode("utf-8", "surrogatepass"))
    before = _state(ctx)
    try:
        table = ctx.register_import.read(path)
        refs = ctx.register_import.commit(table, guess_mapping(table.headers))
    except BreachDeskError:
        assert _state(ctx) == before
        return
    assert ctx.breaches.count() == before[0] + len(refs)


@FAST
@given(field=st.sampled_from(["title", "summary", "how_found", "found_by", "recovery_note"]),
       value=hostile_text)
def test_any_text_field_is_kept_exactly_or_refused(shared_vault, field, value) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from model.domain.facts import BreachFacts

    ctx = shared_vault
    before = _state(ctx)
    try:
        breach = ctx.breaches.create(replace(BreachFacts(), **{field: value}))
    except BreachDeskError:
        assert _state(ctx) == before
        return
    assert getattr(ctx.breaches.get(breach.id).facts, field) == value


key_field = st.sampled_from(["salt", "nonce", "wrapped_key", "kdf", "vault_id", "format",
                             "check", "cipher"])


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=key_field, value=st.one_of(json_value, st.binary(max_size=80).map(
    lambda b: __import__("base64").b64encode(b).decode()), st.fixed_dictionaries({
        "name": st.just("scrypt"), "n": hostile_number, "r": hostile_number,
        "p": hostile_number})))
def test_any_damaged_key_file_is_a_clear_vault_error(tmp_path_factory, field, value) -> None:  # type: ignore[no-untyped-def]
    from model.storage.keyfile import (
        KdfParams,
        new_data_key,
        read_keyfile,
        to_json,
        unwrap_key,
        wrap_key,
    )

    path = tmp_path_factory.mktemp("key") / "k.json"
    doc = json.loads(to_json(wrap_key(new_data_key(), PASSPHRASE, kdf=KdfParams(2**10, 8, 1))))
    doc[field] = value
    path.write_text(json.dumps(doc, allow_nan=True))
    try:
        unwrap_key(read_keyfile(path), PASSPHRASE)
    except BreachDeskError:
        return


@pytest.fixture(scope="module")
def small_vault(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("db") / "v"
    ctx = vaults.create(folder, PASSPHRASE, use_keyring=False)
    for i in range(8):
        ctx.breaches.create(__import__("model.domain.facts", fromlist=["BreachFacts"])
                            .BreachFacts(title=f"breach {i}", summary="text " * 200))
    ctx.close()
    return folder


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.floats(min_value=0, max_value=0.999), bit=st.integers(0, 7),
       cut=st.booleans())
def test_any_damaged_database_is_refused_or_reported(small_vault, tmp_path_factory, where,
                                                     bit, cut) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("copy") / "v"
    shutil.copytree(small_vault, folder)
    db = folder / "breachdesk.db"
    data = bytearray(db.read_bytes())
    offset = int(len(data) * where)
    if cut:
        data = data[:offset]
    else:
        data[offset] ^= 1 << bit
    db.write_bytes(bytes(data))
    damaged = bytes(data)
    report = None
    try:
        report = vaults.verify(folder, PASSPHRASE)
        ctx = vaults.unlock(folder, PASSPHRASE, remember=False)
        try:
            for summary in ctx.breaches.list():
                ctx.cases.load(summary.id)
        finally:
            ctx.close()
    except BreachDeskError:
        pass
    assert db.read_bytes() == damaged  # examined and read, never "repaired" silently
    if report is not None and report.ok and cut:
        assert offset % 4096 == 0  # only a cut at a page boundary can still be whole
