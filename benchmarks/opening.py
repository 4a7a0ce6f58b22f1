"""Opening a corpus: first paint against a bare Textual app (each in a fresh
process, interleaved), cold and warm opens, and peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .report import Report, ms

HERE = Path(__file__).resolve().parent


def paint_time(mode: str, path: str | None, env: dict[str, str]) -> tuple[float, float] | None:
    """(wall, UI-thread CPU) seconds from starting a process to its first
    frame (or to its facts loaded)."""
    cmd = [sys.executable, str(HERE / "paint.py"), mode, *([path] if path else [])]
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env, cwd=HERE.parent)
    for line in out.stdout.splitlines():
        if line.startswith("PAINTED "):
            _, wall, cpu = line.split()
            return float(wall) - start, float(cpu)
        if line.startswith("UNAVAILABLE"):
            return None
        if line.startswith("FAILED"):
            raise RuntimeError(f"the app could not load: {line[7:]}")
    raise RuntimeError(f"paint probe failed: {out.stdout[-300:]} {out.stderr[-600:]}")


def paints(path: str, env: dict[str, str], reps: int) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """Median (wall, CPU) first paint of the bare app and of scaledeal, runs
    interleaved so both see the same machine."""
    bare, ours = [], []
    for _ in range(reps):
        bare.append(paint_time("bare", None, env))
        t = paint_time("app", path, env)
        if t is None:
            return _median(bare), None
        ours.append(t)
    return _median(bare), _median(ours)


def _median(times: list) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def first_paint(report: Report, label: str, path: str, env: dict[str, str], reps: int, limit: float) -> None:
    bare, ours = paints(path, env, reps)
    if ours is None:
        report.add(f"first paint, {label}", "tui.app.ScaledealApp not available yet", f"<= {limit}x bare app", None)
        return
    ratio = ours[1] / bare[1]
    report.add(
        f"first paint, {label} (UI-thread CPU vs bare app)",
        f"{ratio:.2f}x ({ms(ours[1])} vs {ms(bare[1])})",
        f"<= {limit}x bare app",
        ratio <= limit,
    )
    report.add(f"  first paint, {label}, wall clock", f"{ours[0] / bare[0]:.2f}x ({ms(ours[0])} vs {ms(bare[0])})")


def time_to_facts(report: Report, label: str, path: str, env: dict[str, str]) -> float | None:
    try:
        t = paint_time("loaded", path, env)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        report.add(f"app shows the facts, {label}", f"failed: {e}"[:80])
        return None
    if t is not None:
        report.add(f"app shows the facts, {label}", f"{t[0]:.2f} s after start (wall clock)")
    return t


def load(path: str, env: dict[str, str]) -> dict:
    cmd = [sys.executable, str(HERE / "load.py"), path]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, env=env, cwd=HERE.parent, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def opening(report: Report, seeds: str, big: Path, env: dict[str, str], reps: int, light: bool = False) -> None:
    """`env` points SCALEDEAL_CACHE_DIR at a cache of the benchmark's own;
    `light` skips the time-to-facts probes (the smoke run)."""
    cache = Path(env["SCALEDEAL_CACHE_DIR"])
    first_paint(report, "the seeds", seeds, env, reps, 1.5)
    if not light:
        time_to_facts(report, "the seeds", seeds, env)
    _clear(cache)
    cold = load(str(big), env)
    n = cold["articles"]
    report.add(
        f"cold open, {n:,} articles (parallel, {os.cpu_count()} cores)",
        f"{cold['read'] + cold['build']:.2f} s (read {cold['read']:.2f} s, extract {cold['build']:.2f} s)",
    )
    mb = 1024 * 1024
    report.add(
        f"peak memory, cold open of {n:,} articles",
        f"{cold['rss_tree'] / mb:.0f} MB all processes ({cold['rss_main'] / mb:.0f} MB main) "
        f"for a {cold['bytes'] / mb:.1f} MB corpus",
        "reported next to corpus size",
    )
    warm = load(str(big), env)
    speedup = cold["build_cpu"] / max(warm["build_cpu"], 1e-9)
    same_code = warm["version"] == cold["version"]
    report.add(
        f"warm open (cache), {n:,} articles",
        f"{warm['read'] + warm['build']:.2f} s; extract {speedup:.0f}x less CPU than cold; peak "
        f"{warm['rss_main'] / mb:.0f} MB" + ("" if same_code else " (facts/ changed meanwhile: re-run)"),
        "cache hit, no re-extraction",
        bool(warm["cache_hit"]) if same_code else None,
    )
    first_paint(report, f"{n:,} articles, warm cache", str(big), env, reps, 1.5)
    if not light:
        time_to_facts(report, f"{n:,} articles, warm cache", str(big), env)


def _clear(cache: Path) -> None:
    import shutil

    if cache.exists():
        shutil.rmtree(cache)
