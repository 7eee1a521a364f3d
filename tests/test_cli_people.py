"""Letters on the command line, as a user runs them: report letter / letters / notice and
the recipients verb, with exit codes, stderr and the files written."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import DATA
from tests.model.services.people_helpers import recipients_csv
from tests.test_cli import run, vault  # noqa: F401 - the vault fixture

Vault = tuple[Path, Path]


def base(v: Vault) -> list[str]:
    return ["--data-dir", str(v[0]), "--passphrase-file", str(v[1])]


def imported(v: Vault) -> str:
    result = run(*base(v), "import", str(DATA / "seed-case.json"))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def text_of(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def test_report_letter_fills_a_sample_recipient(vault: Vault, tmp_path: Path) -> None:  # noqa: F811
    ref = imported(vault)
    out = tmp_path / "letter.pdf"
    result = run(*base(vault), "report", "letter", ref, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "Dear Jo Sample," in text and f"{ref}-000" in text and "{" not in text
    assert "not encrypted" in result.stderr
    assert "warning: Who to contact gives no phone number" in result.stderr  # no profile yet


def test_report_letters_from_a_csv(vault: Vault, tmp_path: Path) -> None:  # noqa: F811
    ref = imported(vault)
    csv = tmp_path / "people.csv"
    csv.write_bytes(recipients_csv(5, bad=2))
    out = tmp_path / "letters.pdf"
    bad = run(*base(vault), "report", "letters", ref, "--recipients", str(csv), "-o", str(out))
    assert bad.returncode == 2 and "row 7: postcode" in bad.stderr
    assert "Traceback" not in bad.stderr and not out.exists()
    csv.write_bytes(recipients_csv(5))
    good = run(*base(vault), "report", "letters", ref, "--recipients", str(csv), "-o", str(out))
    assert good.returncode == 0, good.stderr
    reader = PdfReader(str(out))
    assert len(reader.pages) == 10
    assert "Dear Resident 5," in text_of(out)


def test_report_letters_from_the_vault_and_notice(vault: Vault, tmp_path: Path) -> None:  # noqa: F811
    ref = imported(vault)
    out = tmp_path / "letters.pdf"
    none = run(*base(vault), "report", "letters", ref, "-o", str(out))
    assert none.returncode == 2 and "no recipients" in none.stderr
    csv = tmp_path / "people.csv"
    csv.write_bytes(recipients_csv(3))
    listed = run(*base(vault), "recipients", ref, "--import", str(csv))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count(f"{ref}-00") == 3 and "imported 3 recipients" in listed.stderr
    assert run(*base(vault), "report", "letters", ref, "-o", str(out)).returncode == 0
    assert "Dear Resident 3," in text_of(out)
    notice = tmp_path / "notice.pdf"
    result = run(*base(vault), "report", "notice", ref, "-o", str(notice))
    assert result.returncode == 0, result.stderr
    text = text_of(notice)
    assert "How to find out if you are affected" in text and "Resident" not in text
