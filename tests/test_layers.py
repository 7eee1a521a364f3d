"""The layer rules of docs/architecture.md: imports point inward, the widget kit knows no
feature, features know no other feature, and no module grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400
SHELL = ("gui.app", "gui.main_window", "gui.steps", "gui.restore")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in files(package):
        for name in imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                out.append(f"{path.relative_to(ROOT)} imports {name}")
    return out


RULES = [
    ("model", ("PySide6", "shiboken6", "gui", "reports", "reportlab", "cli")),
    ("model/domain", ("sqlalchemy", "alembic", "sqlcipher3", "keyring", "model.storage",
                      "model.services", "cryptography", "platformdirs")),
    ("reports", ("PySide6", "shiboken6", "gui", "model.storage", "model.services", "cli")),
    ("gui", ("model.storage", "sqlalchemy", "sqlcipher3", "alembic", "cli")),
    ("gui/kit", ("gui.breaches", "gui.workspace", "gui.triage", "gui.risk", "gui.register",
                 "gui.settings", "gui.ico", "gui.people", "gui.lessons", *SHELL)),
    ("cli", ("PySide6", "model.storage", "sqlalchemy")),
]


@pytest.mark.parametrize(("package", "forbidden"), RULES)
def test_imports_point_inward(package: str, forbidden: tuple[str, ...]) -> None:
    offenders = _offenders(package, forbidden)
    assert not offenders, "\n".join(offenders)


def feature_folders() -> list[str]:
    return sorted(p.name for p in (ROOT / "gui").iterdir()
                  if p.is_dir() and (p / "__init__.py").exists() and p.name != "kit")


@pytest.mark.parametrize("feature", feature_folders())
def test_a_feature_imports_only_the_kit_and_itself(feature: str) -> None:
    others = tuple(f"gui.{f}" for f in feature_folders() if f != feature)
    offenders = _offenders(f"gui/{feature}", (*others, *SHELL))
    assert not offenders, "\n".join(offenders)


def test_no_module_is_over_400_lines() -> None:
    long = []
    for package in ("model", "reports", "gui", "cli", "tests", "bench", "tools"):
        for path in files(package):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not long, "split these:\n" + "\n".join(long)


def test_every_module_says_what_lives_there() -> None:
    missing = [str(p.relative_to(ROOT)) for package in ("model", "reports", "gui", "cli")
               for p in files(package)
               if "migrations" not in p.parts and p.stat().st_size
               and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert not missing, "no module docstring:\n" + "\n".join(missing)


def test_rules_scan_real_files() -> None:
    assert files("model/domain") and files("model/storage") and files("gui/kit")
    assert "triage" in feature_folders() and "workspace" in feature_folders()
