"""The benchmark of the whole product: `make bench` (or `python bench/run.py`).

Builds synthetic vaults (bench/synth.py, a fixed seed) of 10,000 breaches and near misses
with 50,000 actions and 100,000 letter recipients, one of 1,000 (how each figure grows)
and one of 100, then measures what a DPO waits for, prints a table with each target and
writes bench/results.json. `--small` runs the same at a tenth of a tenth of the size, for
CI (tests/bench/test_bench.py), writing nowhere unless `--out` says where.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.measure import Figure, median_ms, ratio, table, write_results  # noqa: E402
from bench.synth import Scale  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a real one"
BUILT = "built.json"  # beside a built vault: what populate made (ids of notable breaches)


@dataclass(frozen=True)
class Plan:
    large: Scale
    base: Scale    # for growth: figures at `base` against figures at `large`
    tiny: Scale    # creating a breach here and in `large` takes the same time
    letters: int
    storage_breaches: int
    start_runs: int


FULL = Plan(Scale(10_000, 50_000, 100_000), Scale(1_000, 5_000, 10_000),
            Scale(100, 500, 1_000), 1_000, 400, 5)
SMALL = Plan(Scale(300, 1_500, 3_000), Scale(30, 150, 300), Scale(10, 50, 100), 100, 40, 1)


def build(folder: Path, scale: Scale, keystore: Path) -> Path:
    """A vault at `folder` filled to `scale`, its key in the (stand-in) keyring."""
    from bench.synth import populate
    from model.services import vaults

    ctx = vaults.create(folder, PASSPHRASE, use_keyring=True)
    try:
        start = time.perf_counter()
        built = populate(ctx, scale)
        (folder / BUILT).write_text(json.dumps(asdict(built)), encoding="utf-8")
        print(f"  built {scale.breaches:,} breaches in {time.perf_counter() - start:.0f} s "
              f"({built.filings:,} filings, {built.actions:,} actions, "
              f"{built.recipients:,} recipients)", flush=True)
    finally:
        ctx.close()
    return folder


def open_vault(folder: Path):  # type: ignore[no-untyped-def]
    from model.services import vaults

    ctx = vaults.unlock_silently(folder)
    if ctx is None:
        raise RuntimeError("the benchmark keyring holds no key for the vault")
    return ctx


def screen_figures(folder: Path, label: str) -> dict[str, float]:
    """The on-screen figures and the CSV export on one vault (for the growth ratios)."""
    from bench import exports, screens

    ctx = open_vault(folder)
    try:
        ids = [b.id for b in ctx.breaches.list()]
        step = max(1, len(ids) // 5)
        typed, slowest = screens.keystroke_ms(ctx)
        with tempfile.TemporaryDirectory() as out:
            csv = exports.register_ms(ctx, Path(out), "csv", runs=3)
        figures = {"list": screens.list_load_ms(ctx), "key": typed, "key_max": slowest,
                   "register": screens.register_page_ms(ctx),
                   "open": screens.open_breach_ms(ctx, ids[step::step][:5]), "csv": csv}
    finally:
        ctx.close()
    print(f"  measured the screens at {label}", flush=True)
    return figures


def create_ms(large: Path, tiny: Path, runs: int = 20) -> tuple[float, float]:
    """Creating one breach in the large vault and in the tiny one, interleaved."""
    from dataclasses import replace

    from bench.storage import seed_facts

    contexts = [open_vault(large), open_vault(tiny)]
    seed = seed_facts()
    times: list[list[float]] = [[], []]
    try:
        for n in range(runs):
            for side in ((0, 1) if n % 2 == 0 else (1, 0)):
                facts = replace(seed, title=f"Benchmark breach {n}")
                times[side].append(median_ms(partial(_create, contexts[side], facts), 1))
    finally:
        for ctx in contexts:
            ctx.close()
    return statistics.median(times[0]), statistics.median(times[1])


def _create(ctx, facts) -> None:  # type: ignore[no-untyped-def]
    ctx.breaches.create(facts, actor="Bench")


def measure(plan: Plan, large: Path, base: Path, tiny: Path, keystore: Path,
            work: Path) -> list[Figure]:
    from bench import exports, startup, storage
    from model.services import vaults

    n = f"{plan.large.breaches:,}"
    built = json.loads((large / BUILT).read_text(encoding="utf-8"))
    out: list[Figure] = []
    app_ms, empty_ms, rows = startup.cold_start(large, keystore, plan.start_runs)
    out += [Figure(f"Start: Breach Desk to its list of {rows:,} breaches", app_ms, "ms",
                   note=f"the open ones of {n}; separate process, key from the keyring, "
                        "median"),
            Figure("Start: an empty PySide6 window", empty_ms, "ms",
                   note="the same way, the yardstick"),
            Figure("Start: Breach Desk / empty window", ratio(app_ms, empty_ms), "x", 2.5)]
    print("  measured start-up", flush=True)
    out += [Figure("Unlock with the key from the keyring", median_ms(
                lambda: open_vault(large).close(), 5), "ms", 50),
            Figure("Unlock with the passphrase (scrypt, off the GUI thread)", median_ms(
                lambda: vaults.unlock(large, PASSPHRASE, remember=False).close(), 3), "ms",
                note="deliberately slow key derivation")]
    big, small = screen_figures(large, n), screen_figures(base, f"{plan.base.breaches:,}")
    growth = plan.large.breaches / plan.base.breaches
    out += [Figure(f"Breaches list: load {n}", big["list"], "ms", 150),
            Figure("Breaches list: one keystroke in the search", big["key"], "ms", 30,
                   note=f"median; slowest {big['key_max']:.0f} ms"),
            Figure("Register page with statistics and charts", big["register"], "ms", 300,
                   note="from a fresh read of the vault"),
            Figure("Open one breach's workspace", big["open"], "ms", 150),
            Figure(f"Register as CSV ({n} rows)", big["csv"], "ms", 1000)]
    for key, what in (("list", "breaches list"), ("key", "keystroke"),
                      ("register", "register page"), ("open", "opening a breach"),
                      ("csv", "register CSV")):
        out.append(Figure(f"Growth ×{growth:.0f} data: {what}", ratio(big[key], small[key]),
                          "x", growth, note=f"{small[key]:.1f} → {big[key]:.1f} ms"))
    ctx = open_vault(large)
    try:
        with tempfile.TemporaryDirectory(dir=work) as folder:
            exported = Path(folder)
            out += [
                Figure("ICO report PDF of the motivating case", exports.ico_pdf_ms(
                    ctx, built["seed_breach_id"]), "ms", 300),
                Figure(f"Register as PDF ({n} rows)", exports.register_ms(ctx, exported,
                                                                          "pdf"), "ms"),
                Figure(f"Register as XLSX ({n} rows)", exports.register_ms(ctx, exported,
                                                                           "xlsx"), "ms"),
                Figure("Annual report PDF", exports.annual_ms(
                    ctx, exported, ctx.clock().year - 1), "ms"),
                Figure(f"Merge {plan.letters:,} letters into one PDF", exports.merge_ms(
                    ctx, exported, built["letter_breach_id"], plan.letters), "ms",
                    10_000 * plan.letters / 1000)]
    finally:
        ctx.close()
    print("  measured the exports", flush=True)
    encrypted, plain = storage.encrypted_over_plain(work, plan.storage_breaches)
    out.append(Figure("Storage workload: encrypted / plain SQLite", ratio(encrypted, plain),
                      "x", 1.15, note=f"{encrypted:.2f} s against {plain:.2f} s"))
    at_large, at_tiny = create_ms(large, tiny)
    out += [Figure(f"Create a breach in a vault of {n}", at_large, "ms"),
            Figure(f"Create a breach: {n} / {plan.tiny.breaches:,} breaches",
                   ratio(at_large, at_tiny), "x", 1.25,
                   note=f"{at_tiny:.1f} ms with {plan.tiny.breaches:,}")]
    out.append(Figure(f"Peak memory: a session on {n} breaches", startup.peak_memory_mb(
        large, keystore), "MB", 400, note="register, statistics, a breach, a CSV export"))
    return out


def about(plan: Plan) -> dict[str, object]:
    return {"when": datetime.now(UTC).isoformat(timespec="minutes"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                       f"{platform.system()} {platform.release()}",
            "python": platform.python_version(),
            "scale": asdict(plan.large)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="CI scale, a few minutes")
    parser.add_argument("--out", type=Path, help="where to write the figures (JSON)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="build the vaults in DIR and reuse them next time")
    args = parser.parse_args(argv)
    plan = SMALL if args.small else FULL
    out = args.out or (None if args.small else ROOT / "bench" / "results.json")
    from bench.keystore import install

    with tempfile.TemporaryDirectory() as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        keystore = work / "keystore.json"
        install(keystore)
        folders = {name: work / name for name in ("large", "base", "tiny")}
        print("Building the vaults", flush=True)
        for name, scale in (("large", plan.large), ("base", plan.base), ("tiny", plan.tiny)):
            if not (folders[name] / BUILT).exists():
                build(folders[name], scale, keystore)
        print("Measuring", flush=True)
        figures = measure(plan, folders["large"], folders["base"], folders["tiny"],
                          keystore, work)
    print()
    print(table(figures))
    if out is not None:
        write_results(out, figures, about(plan))
        print(f"\nWritten to {out}")
    missed = [f.name for f in figures if f.met is False]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
