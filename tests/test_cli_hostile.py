"""Every reproduction of issue 13's "broken today" on the command line: one line on stderr,
exit code 2, and the vault's files unchanged (run in-process, so a traceback fails)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli import run
from tests.conftest import PASSPHRASE
from tests.model.storage.test_vault import snapshot

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def made(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A vault with the seed case, made once; each test works on a copy."""
    from tests.conftest import DATA

    base = tmp_path_factory.mktemp("hostile")
    (base / "pp").write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert run(["--data-dir", str(base / "v"), "--passphrase-file", str(base / "pp"),
                "init"]) == 0
    assert run(["--data-dir", str(base / "v"), "--passphrase-file", str(base / "pp"),
                "import", str(DATA / "seed-case.json")]) == 0
    return base


@pytest.fixture
def vault(made, tmp_path):  # type: ignore[no-untyped-def]
    shutil.copytree(made / "v", tmp_path / "v")
    shutil.copy(made / "pp", tmp_path / "pp")
    return tmp_path


def cli(base: Path, *args: str, data: Path | None = None) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = run(["--data-dir", str(data or base / "v"), "--passphrase-file",
                    str(base / "pp"), *args])
    return code, err.getvalue()


def refused(base: Path, *args: str, data: Path | None = None) -> str:
    """Run a verb that must be refused: exit 2, one line; the vault's files unchanged."""
    folder = data or base / "v"
    before = snapshot(folder) if folder.is_dir() else None
    code, err = cli(base, *args, data=data)
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("breach-desk: "), err
    assert "Traceback" not in err
    if before is not None:
        assert snapshot(folder) == before
    return err


def doc_file(base: Path, content: str | bytes) -> str:
    path = base / "doc.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return str(path)


def seed() -> dict:  # type: ignore[type-arg]
    from tests.conftest import DATA

    return json.loads((DATA / "seed-case.json").read_text(encoding="utf-8"))


HOSTILE = {
    "a date on 0001-01-01": json.dumps({**seed(), "occurred_at": "0001-01-01T00:00:00Z"}),
    "UTC leaves year 1": json.dumps({**seed(), "occurred_at": "0001-01-01T00:00:00+01:00"}),
    "UTC leaves year 9999": json.dumps({**seed(), "aware_at": "9999-12-31T23:59:00-01:00"}),
    "a count above 2**31": json.dumps({**seed(), "subjects_count": 2_147_483_648}),
    "a 1 MB summary": json.dumps({**seed(), "summary": "x" * 1_000_000}),
    "JSON 1,000 deep": '{"schema": "breach-facts/1", "x": ' + "[" * 1000 + "]" * 1000 + "}",
    "an integer of 5,000 digits": '{"schema": "breach-facts/1", "records_count": '
                                  + "9" * 5000 + "}",
    "a lone surrogate": json.dumps({**seed(), "title": "\ud800"}),
    "Infinity": json.dumps(seed())[:-1] + ', "records_count": Infinity}',
    "NaN in an extra property": json.dumps(seed())[:-1] + ', "score": NaN}',
    "a timeline entry in the future": json.dumps({**seed(), "breach_desk": {"timeline": [
        {"at": "2099-01-01T00:00:00Z", "text": "later"}]}}),
    "a timeline entry in year 1": json.dumps({**seed(), "breach_desk": {"timeline": [
        {"at": "0001-01-01T00:00:00Z", "text": "long ago"}]}}),
    "not UTF-8": b"\xff\xfe{}",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_documents_are_refused_by_import(vault, name) -> None:  # type: ignore[no-untyped-def]
    refused(vault, "import", doc_file(vault, HOSTILE[name]))


@pytest.mark.parametrize("name", [n for n in HOSTILE if "timeline" not in n])
def test_hostile_documents_are_refused_by_assess(vault, name) -> None:  # type: ignore[no-untyped-def]
    refused(vault, "assess", doc_file(vault, HOSTILE[name]))


def test_what_the_schema_allows_is_accepted(vault) -> None:  # type: ignore[no-untyped-def]
    """61.0 is a JSON Schema integer; a UTF-8 BOM is still UTF-8."""
    assert cli(vault, "import", doc_file(vault, json.dumps({**seed(),
                                                            "subjects_count": 61.0})))[0] == 0
    assert cli(vault, "import", doc_file(vault, b"\xef\xbb\xbf"
                                         + json.dumps(seed()).encode()))[0] == 0
    assert cli(vault, "assess", doc_file(vault, json.dumps({**seed(),
                                                            "records_count": 61.0})))[0] == 0


def test_export_is_strict_json(vault, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--data-dir", str(vault / "v"), "--passphrase-file", str(vault / "pp"),
                "export", "BR-2026-0001"]) == 0
    text = capsys.readouterr().out

    def no_constants(name: str) -> None:
        raise AssertionError(f"{name} in the export")

    json.loads(text, parse_constant=no_constants)


def _replace_db(base: Path, content: bytes | None) -> None:
    db = base / "v" / "breachdesk.db"
    db.unlink()
    if content is None:
        db.mkdir()
    else:
        db.write_bytes(content)


def test_an_emptied_database_is_refused_and_points_to_backups(vault) -> None:  # type: ignore[no-untyped-def]
    _replace_db(vault, b"")
    err = refused(vault, "info")
    assert "empty" in err and "backup" in err
    assert (vault / "v" / "breachdesk.db").stat().st_size == 0


def test_a_database_path_that_is_a_folder_is_refused(vault) -> None:  # type: ignore[no-untyped-def]
    _replace_db(vault, None)
    assert "is a folder" in refused(vault, "info")


def test_a_dropped_version_table_is_refused(vault) -> None:  # type: ignore[no-untyped-def]
    from model.services import vaults

    ctx = vaults.unlock(vault / "v", PASSPHRASE)
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
    ctx.close()
    assert "no schema version" in refused(vault, "info")


def test_a_bit_flip_is_named_by_verify(vault) -> None:  # type: ignore[no-untyped-def]
    db = vault / "v" / "breachdesk.db"
    data = bytearray(db.read_bytes())
    data[4096 * 6 + 77] ^= 0x01
    db.write_bytes(bytes(data))
    before = snapshot(vault / "v")
    code, err = cli(vault, "verify")
    assert code == 2 and "HMAC" in err.splitlines()[0] and "Traceback" not in err
    assert snapshot(vault / "v") == before


def _key_doc(base: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((base / "v" / "breachdesk.key").read_text())


def _write_key(base: Path, doc: dict) -> None:  # type: ignore[type-arg]
    (base / "v" / "breachdesk.key").write_text(json.dumps(doc))


@pytest.mark.parametrize(("change", "said"), [
    (lambda d: d.update(nonce=base64.b64encode(b"short").decode()), "nonce"),
    (lambda d: d.update(kdf={"name": "scrypt", "n": 2**22, "r": 10, "p": 1}), "scrypt"),
    (lambda d: d.update(kdf={"name": "scrypt", "n": 2**10, "r": 8, "p": 2**30}), "scrypt"),
    (lambda d: d.update(kdf={"name": "scrypt", "n": 2**10, "r": 8, "p": 1.5}), "damaged"),
    (lambda d: d.update(wrapped_key=base64.b64encode(
        bytes([base64.b64decode(d["wrapped_key"])[0] ^ 1])
        + base64.b64decode(d["wrapped_key"])[1:]).decode()), "damaged"),
])
def test_a_damaged_key_file_is_reported_as_damaged(vault, change, said) -> None:  # type: ignore[no-untyped-def]
    import time

    doc = _key_doc(vault)
    change(doc)
    _write_key(vault, doc)
    started = time.monotonic()
    err = refused(vault, "info")
    assert said in err and "passphrase is not correct" not in err
    assert time.monotonic() - started < 5  # no hang, no MemoryError


def test_a_plain_file_as_data_dir_is_refused(vault) -> None:  # type: ignore[no-untyped-def]
    plain = vault / "pp"
    for verb in ("init", "info", "verify"):
        err = refused(vault, verb, data=plain)
        assert "file" in err


def test_init_on_a_full_disk_leaves_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A real short write: the file-size limit makes the disk 'full' at 24 KB."""
    (tmp_path / "pp").write_text(PASSPHRASE + "\n")
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (24000, 24000))\n"
            "from cli import run\n"
            f"sys.exit(run(['--data-dir', {str(tmp_path / 'v')!r}, '--passphrase-file', "
            f"{str(tmp_path / 'pp')!r}, 'init']))\n")
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "disk is full" in done.stderr
    assert not [p for p in (tmp_path / "v").rglob("*") if p.is_file()]
