#!/usr/bin/env python3
"""scaledeal's benchmarks: each figure and ratio with its goal beside it,
measured side by side in one run (never absolute-time assertions).

    python benchmarks/run.py            full run: 100 / 1,000 / 10,000 articles
    python benchmarks/run.py --quick    under a minute: 100 / 1,000 articles
    python benchmarks/run.py --smoke    seconds: tiny sizes, proves the harness runs

Corpora are generated (benchmarks/generate.py) into a work folder and reused;
the extraction cache used here is the benchmark's own, never the user's.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Plan:
    small: int  # articles in the small corpus (scaling from)
    mid: int  # 10x small: throughput (issue 3), scaling to
    big: int  # opening, memory; 10x mid in the full run
    versus: int  # articles for the quantulum3 race (it is slow)
    reps: int  # repeats of short timings
    facts: int  # facts for the search and table figures
    datatable_rows: int  # rows actually put in a DataTable (scaled up to `facts`)


PLANS = {
    "smoke": Plan(small=6, mid=20, big=20, versus=2, reps=1, facts=2_000, datatable_rows=300),
    "quick": Plan(small=100, mid=1_000, big=1_000, versus=50, reps=2, facts=100_000, datatable_rows=3_000),
    "full": Plan(small=100, mid=1_000, big=10_000, versus=200, reps=5, facts=100_000, datatable_rows=100_000),
}


def corpus(work: Path, n: int) -> Path:
    from benchmarks.generate import generate

    folder = work / f"corpus-{n}"
    if not (folder / "truth.json").exists():
        generate(n, folder)
    return folder


def header(mode: str) -> None:
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    print(f"scaledeal benchmarks ({mode}) · {time.strftime('%Y-%m-%d %H:%M')} · git {rev.strip() or '?'}")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{platform.python_implementation()} {platform.python_version()} · {cores} cores · {platform.machine()}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = p.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="smaller sizes, under a minute")
    group.add_argument("--smoke", action="store_true", help="tiny sizes: only proves the harness runs")
    p.add_argument("--work", type=Path, help="folder for generated corpora and the benchmark's cache")
    a = p.parse_args(argv)
    mode = "smoke" if a.smoke else "quick" if a.quick else "full"
    plan = PLANS[mode]
    work = a.work or Path(tempfile.gettempdir()) / f"scaledeal-bench-{os.getuid() if hasattr(os, 'getuid') else 0}"
    if mode == "smoke" and not a.work:
        work = Path(tempfile.mkdtemp(prefix="scaledeal-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    # the cache is the benchmark's own; extraction timings switch it off
    env = {**os.environ, "SCALEDEAL_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(ROOT)}
    env.pop("SCALEDEAL_NO_CACHE", None)
    os.environ["SCALEDEAL_NO_CACHE"] = "1"
    return run(mode, plan, work, env)


def run(mode: str, plan: Plan, work: Path, env: dict[str, str]) -> int:
    from benchmarks import extraction, interactive, opening, scale
    from benchmarks.report import Report
    from facts.read.corpus import bundled_corpus

    started = time.perf_counter()
    header(mode)
    report = Report()
    small, mid, big = corpus(work, plan.small), corpus(work, plan.mid), corpus(work, plan.big)

    report.section("Extraction (one process, no cache)")
    fb = extraction.throughput(report, small, mid, plan.reps)
    extraction.against_quantulum(report, mid, plan.versus, plan.reps)
    if plan.big >= 10 * plan.mid:
        extraction.bigger_scaling(report, mid, None, big)

    report.section("A newsroom's corpus: the real command and the real app (fresh processes, every core)")
    lo, hi = (mid, big) if plan.big > plan.mid else (small, mid)
    scale.figures(report, lo, hi, env)

    report.section("Opening a corpus (fresh processes)")
    opening.opening(report, str(bundled_corpus()), big, env, plan.reps, light=mode == "smoke")

    report.section(f"Interaction at {plan.facts:,} facts")
    grown = interactive.grow(fb, plan.facts)
    interactive.search(report, grown)
    small_fb = (
        interactive.grow(fb, 1_000) if fact_total(fb) < 1_000 else fb.model_copy(update={"numbers": fb.numbers[:1_000]})
    )
    interactive.numbers_pane(report, grown, small_fb, plan.datatable_rows)

    report.section("Pathological inputs (one process, no cache; CPU per MB against ordinary prose)")
    pathological(report, {"smoke": "tiny", "quick": "small", "full": "full"}[mode])

    print(report.summary())
    print(f"finished in {time.perf_counter() - started:.0f} s; corpora in {work}")
    return 0


def pathological(report, size: str) -> None:
    from benchmarks.pathological import GOAL, ratios

    for r in ratios(size):
        if r.name == "prose":
            report.add(f"pathological baseline: {r.what}", r.detail)
            continue
        shown = f"{r.ratio:.2f}x prose per MB" if r.ratio is not None else r.detail
        report.add(f"{r.name}: {r.what}", shown, f"<= {GOAL:.0f}x", r.ratio is not None and r.ratio <= GOAL)


def fact_total(fb) -> int:
    return len(fb.numbers) + len(fb.entities) + len(fb.conflicts) + len(fb.sources)


if __name__ == "__main__":
    sys.exit(main())
