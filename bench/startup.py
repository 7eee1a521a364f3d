"""Start-up and memory, in separate processes (bench/child.py): the app from launch to its
breaches list, against an empty PySide6 window started the same way, and the peak memory
of a session on the large vault."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.keystore import ENV

CHILD = Path(__file__).with_name("child.py")


def _env(keystore: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", ENV: str(keystore)})
    return env


def _until_line(args: list[str], env: dict[str, str], word: str,
                limit_s: float = 300) -> tuple[float, str]:
    """Start `args`; (seconds until it prints a line starting with `word`, that line). The
    process is then killed: what it does after (closing, a backup on close) is not timed."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                             text=True)
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith(word):
                return time.perf_counter() - start, line.strip()
            if time.perf_counter() - start > limit_s:
                break
        error = child.stderr.read() if child.stderr is not None else ""
        raise RuntimeError(f"{' '.join(args[1:3])} printed no '{word}' line: {error[-600:]}")
    finally:
        child.kill()
        child.wait()


def cold_start(vault: Path, keystore: Path, runs: int = 5) -> tuple[float, float, int]:
    """(app ms, empty window ms, rows shown): medians of `runs`, the two interleaved."""
    env = _env(keystore)
    app_times, empty_times, rows = [], [], 0
    for _ in range(runs):
        seconds, _line = _until_line([sys.executable, str(CHILD), "empty"], env, "shown")
        empty_times.append(seconds * 1000)
        seconds, line = _until_line([sys.executable, str(CHILD), "app", str(vault)], env,
                                    "shown")
        app_times.append(seconds * 1000)
        rows = int(line.split()[1])
    return statistics.median(app_times), statistics.median(empty_times), rows


def peak_memory_mb(vault: Path, keystore: Path) -> float:
    """Peak resident memory of the app through a session on `vault` (bench/child.py)."""
    _seconds, line = _until_line([sys.executable, str(CHILD), "memory", str(vault)],
                                 _env(keystore), "peak", limit_s=900)
    return float(line.split()[1])
