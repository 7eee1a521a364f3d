"""The layer rules of docs/architecture: imports point inward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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


RULES = [
    ("model", ("PySide6", "shiboken6", "gui", "reports", "reportlab")),
    ("model/domain", ("sqlalchemy", "alembic", "sqlcipher3", "keyring", "model.storage",
                      "model.services", "cryptography", "platformdirs")),
    ("reports", ("PySide6", "shiboken6", "gui", "model.storage")),
    ("gui", ("model.storage", "sqlalchemy", "sqlcipher3", "alembic")),
]


@pytest.mark.parametrize(("package", "forbidden"), RULES)
def test_imports_point_inward(package: str, forbidden: tuple[str, ...]) -> None:
    offenders = []
    for path in files(package):
        for name in imported_modules(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_rules_scan_real_files() -> None:
    assert files("model/domain") and files("model/storage") and files("gui")
