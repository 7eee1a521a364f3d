"""The whole benchmark at CI scale, so it cannot rot: `bench/run.py --small` builds its
vaults, measures every figure `make bench` measures and writes them as JSON. Whether a
target is met is not asserted here (a shared CI machine says nothing about speed); that
every figure is there, numeric and well formed is."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = (  # the start of every figure's name the issue asks for
    "Start: Breach Desk", "Start: an empty PySide6 window", "Start: Breach Desk / empty",
    "Unlock with the key from the keyring", "Unlock with the passphrase",
    "Breaches list: load", "Breaches list: one keystroke",
    "Register page with statistics and charts", "Open one breach's workspace",
    "Register as CSV", "ICO report PDF", "Register as PDF", "Register as XLSX",
    "Annual report PDF", "Merge", "Storage workload: encrypted / plain",
    "Create a breach in a vault", "Create a breach:", "Peak memory",
    "Growth ×10 data: breaches list", "Growth ×10 data: register page",
)


def _committed() -> bytes:
    path = ROOT / "bench" / "results.json"
    return path.read_bytes() if path.exists() else b""


def test_the_benchmark_runs_end_to_end_at_small_scale(tmp_path: Path) -> None:
    before = _committed()
    out = tmp_path / "results.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--small",
                           "--out", str(out)], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=1200)
    # Exit 1 means a target was missed (expected on a loaded machine); 2 or a traceback
    # means the benchmark itself broke.
    assert done.returncode in (0, 1), done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    about = json.loads(out.with_name("results-about.json").read_text(encoding="utf-8"))
    assert about["scale"]["breaches"] == 300 and about["machine"]
    names = [f["name"] for f in figures]
    for start in EXPECTED:
        assert any(n.startswith(start) for n in names), f"no figure for {start!r}"
    for f in figures:
        assert set(f) == {"name", "value", "unit", "target", "met", "note"}, f
        assert isinstance(f["value"], int | float) and math.isfinite(f["value"]), f
        assert f["value"] > 0, f
        assert f["unit"] in ("ms", "s", "MB", "x"), f
        if f["target"] is None:
            assert f["met"] is None, f
        else:
            assert f["met"] == (f["value"] <= f["target"]), f
    # The table printed names every figure with its value.
    for name in names:
        assert name in done.stdout
    # The committed full-scale figures are never overwritten by a small run.
    assert _committed() == before
