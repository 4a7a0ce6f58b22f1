"""Issue 17's figures: a newsroom's corpus through the real command and the
real app, each in a fresh process, every stage included.

- `scaledeal extract PATH --format json` on the mid and big corpora, cache
  off: wall time on every core (scaling mid -> big against the text ratio) and
  the peak memory of its process tree per character of text;
- the app opening the big corpus cold and cached, and the mid corpus cached:
  the longest the event loop could not draw a frame while loading, and peak
  memory per character (cached: how much it grows with the corpus).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .load import tree_rss
from .report import Report, ms

HERE = Path(__file__).resolve().parent
BYTES_PER_CHAR = 20.0  # peak memory goal
STALL = 0.050  # seconds: the longest frame allowed while loading
FLAT = 1.25  # cached app's peak memory, big over mid corpus (10x the articles)
SCALING = 1.1  # wall time ratio over the text ratio


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + sys of the whole process tree
    peak: int  # bytes, the process tree's resident memory at its largest
    chars: int


def chars_of(folder: Path) -> int:
    from facts.read.corpus import read_corpus

    return sum(s.chars for s in read_corpus([folder]).sources)


def extract(folder: Path, env: dict[str, str]) -> Run:
    """`scaledeal extract folder --format json > /dev/null`, cache off."""
    cmd = [sys.executable, "-m", "tui.main", "extract", str(folder), "--format", "json"]
    env = {**env, "SCALEDEAL_NO_CACHE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, env=env, cwd=HERE.parent)
        peak = _watch(proc)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"scaledeal extract failed: {proc.stderr.read().decode()[-300:] if proc.stderr else ''}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, peak, chars_of(folder))


def _watch(proc: subprocess.Popen[bytes]) -> int:
    """Peak resident memory of `proc` and its descendants until it ends."""
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.05)
    if proc.stderr:
        proc.stderr.read()
    return peak


def app_load(folder: Path, env: dict[str, str]) -> dict[str, float]:
    cmd = [sys.executable, str(HERE / "stalls.py"), str(folder)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, env=env, cwd=HERE.parent)
    for line in out.stdout.splitlines():
        if line.startswith("STALLS "):
            return dict(json.loads(line[7:]))
    raise RuntimeError(f"app probe failed: {out.stdout[-300:]} {out.stderr[-300:]}")


def figures(report: Report, mid: Path, big: Path, env: dict[str, str]) -> None:
    m, b = extract(mid, env), extract(big, env)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    for label, r in ((mid.name, m), (big.name, b)):
        report.add(
            f"extract --format json, {label} ({cores} cores)",
            f"{r.wall:.1f} s wall, {r.cpu:.1f} s CPU, {r.chars / r.wall / 1000:.0f}k chars/s",
        )
    text, wall = b.chars / m.chars, b.wall / m.wall
    report.add(
        f"scaling {mid.name} -> {big.name}, wall time, every stage",
        f"{wall:.2f}x time for {text:.2f}x text ({wall / text:.2f}x the text ratio)",
        f"<= {SCALING}x the text ratio",
        wall <= SCALING * text,
    )
    per_char(report, f"peak memory, extract {big.name}", b.peak, b.chars)
    cache = Path(env["SCALEDEAL_CACHE_DIR"])
    shutil.rmtree(cache, ignore_errors=True)
    cold = app_load(big, env)
    warm_big = app_load(big, env)
    app_load(mid, env)  # fills the cache
    warm_mid = app_load(mid, env)
    per_char(report, f"peak memory, app opening {big.name} (cold)", int(cold["rss_tree"]), b.chars)
    per_char(report, f"peak memory, app opening {big.name} (cached)", int(warm_big["rss_tree"]), b.chars)
    grow = warm_big["rss_tree"] / max(warm_mid["rss_tree"], 1)
    report.add(
        f"app memory, cached, {mid.name} -> {big.name}",
        f"{grow:.2f}x ({warm_mid['rss_tree'] / 2**20:.0f} -> {warm_big['rss_tree'] / 2**20:.0f} MB) "
        f"for {text:.1f}x text",
        f"<= {FLAT}x (nearly flat)",
        grow <= FLAT,
    )
    for label, r in ((f"{big.name} cold", cold), (f"{big.name} cached", warm_big), (f"{mid.name} cached", warm_mid)):
        report.add(
            f"longest frame while the app loads, {label}",
            f"{ms(r['worst_gap'])} (facts shown after {r['loaded']:.1f} s)",
            f"<= {ms(STALL)}",
            r["worst_gap"] <= STALL,
        )


def per_char(report: Report, name: str, peak: int, chars: int) -> None:
    b = peak / max(chars, 1)
    report.add(name, f"{b:.0f} bytes/char ({peak / 2**20:.0f} MB, {chars / 1e6:.1f}M chars)",
               f"<= {BYTES_PER_CHAR:.0f} bytes/char", b <= BYTES_PER_CHAR)  # fmt: skip
