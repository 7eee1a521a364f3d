"""Speed benchmark: start-up imports, vault create/unlock, breach list and assessment at scale.

Run with `make bench`. Prints one line per measure (median of several runs, milliseconds).
Targets live here, not in unit tests: a unit test that times itself is flaky by design.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (measure, target in ms): what a DPO would notice if it were slower.
TARGETS = {
    "cold start: import model + gui + main (subprocess)": 2500,
    "create vault (scrypt at full cost)": 1500,
    "unlock vault with passphrase": 1500,
    "list 1,000 breaches": 500,
    "assess one breach (engine)": 50,
    "ICO report PDF, seed case (resolve, check, lay out, render)": 300,
    "merge 1,000 letters into one PDF (2,000 pages)": 10_000,
}


def median_ms(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cold_start() -> None:
    code = "import main, gui.app, model.services.vaults"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


ICO = "ICO report PDF, seed case (resolve, check, lay out, render)"


def ico_pdf_ms(ctx) -> float:  # type: ignore[no-untyped-def]
    """The ICO report of the motivating case, from its Case to PDF bytes."""
    from model.domain.ico.report import default_type, prepare
    from reports.pdf import render_document

    case = ctx.cases.load(1)
    render_document(prepare(case, default_type(case), ctx.clock()).document)  # warm fonts
    return median_ms(lambda: render_document(
        prepare(case, default_type(case), ctx.clock()).document), 10)


def merge_letters(ctx, breach_id: int, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """What "Save letters…" does for 1,000 recipients: lay out and write the PDF."""
    from model.domain.clock import to_zone
    from model.domain.people.prefill import current_text
    from model.domain.people.printed import printed_letter
    from reports.letters import write_letters

    case = ctx.cases.load(breach_id)
    on = to_zone(ctx.clock(), case.zone).date()
    text = current_text(case, False, on)
    letters = [printed_letter(case, text, r, on) for r in case.recipients]
    write_letters(letters, folder / "letters.pdf")


def main() -> int:
    from model.domain.facts import facts_from_document
    from model.domain.risk import assess
    from model.services import vaults

    seed = facts_from_document(json.loads((ROOT / "tests/data/seed-case.json").read_text()))
    results: dict[str, float] = {}
    results[next(iter(TARGETS))] = median_ms(cold_start, 3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "v"
        start = time.perf_counter()
        ctx = vaults.create(folder, "benchmark passphrase", use_keyring=False)
        results["create vault (scrypt at full cost)"] = (time.perf_counter() - start) * 1000
        for i in range(1000):
            ctx.breaches.create(replace(seed, title=f"Breach {i}",
                                        aware_at=seed.aware_at + timedelta(minutes=i)))
        results["list 1,000 breaches"] = median_ms(ctx.breaches.list)
        results[ICO] = ico_pdf_ms(ctx)
        first = ctx.breaches.list()[0].id
        rows = ["Name,Address,Town,Postcode"] + [
            f"Resident {i},{i} Mill Lane,Northtown,NT{1 + i % 9} {i % 10}AB" for i in range(1000)]
        data = "\n".join(rows).encode()
        ctx.recipients.import_csv(first, data, ctx.recipients.preview(first, data).mapping)
        results["merge 1,000 letters into one PDF (2,000 pages)"] = median_ms(
            lambda: merge_letters(ctx, first, Path(tmp)), 3)
        ctx.close()
        results["unlock vault with passphrase"] = median_ms(
            lambda: vaults.unlock(folder, "benchmark passphrase", remember=False).close(), 3)
    results["assess one breach (engine)"] = median_ms(lambda: assess(seed), 20)
    failed = 0
    for name, target in TARGETS.items():
        value = results[name]
        ok = value <= target
        failed += not ok
        print(f"{'ok ' if ok else 'SLOW'} {name:<55} {value:8.1f} ms  (target {target} ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
