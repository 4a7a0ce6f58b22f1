"""CPU time of each stage of facts/build.py for two corpus sizes, side by side,
with each stage's growth against the growth of the text.

    SCALEDEAL_NO_CACHE=1 python benchmarks/stages.py /tmp/bench/corpus-1000 /tmp/bench/corpus-10000

One process (workers=1), cache off: every figure is this process's CPU time
(and its wall-clock time beside it); with --workers 2 the pool's work shows
as wall time only.
The stages are timed by wrapping the functions facts/build.py calls, so the
build's own list of stages stays the only one; a stage that runs inside
another (claim keys inside conflicts) is indented under it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# (row label, module, attribute): the functions to time, in the build's order.
STAGES = (
    ("read", "facts.read.corpus", "read_corpus"),
    ("per source", "facts.build", "per_source"),
    ("resolve", "facts.analyse.resolve", "resolve"),
    ("annotate", "facts.analyse.attributes", "annotate"),
    ("attribute_numbers", "facts.analyse.attribution", "attribute_numbers"),
    ("claim keys", "facts.analyse.claims", "article_keys"),
    ("per article (phase 2)", "facts.build", "analyse_sources"),
    ("deal", "facts.build", "find_deal"),
    ("conflicts", "facts.build", "find_conflicts"),
    ("  claim keys", "facts.analyse.conflicts", "_keys"),  # before: inside conflicts
    ("  rates", "facts.analyse.conflicts", "find_rates"),
    ("  disputes", "facts.analyse.conflicts", "find_disputes"),
    ("curation", "facts.build", "apply_curation"),
    ("checks", "facts.build", "find_checks"),
)


WALL = "wall:"  # totals' keys for wall-clock seconds
WORKERS = "pool workers (CPU)"


@contextmanager
def timed(totals: dict[str, float]) -> Iterator[None]:
    """Wrap each stage function present in this version of the code."""
    saved: list[tuple[Any, str, Callable[..., Any]]] = []
    for label, module, name in STAGES:
        mod = importlib.import_module(module)
        fn = getattr(mod, name, None)
        if fn is None:
            continue
        saved.append((mod, name, fn))
        setattr(mod, name, _wrap(fn, label, totals))
    try:
        yield
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)


def _wrap(fn: Callable[..., Any], label: str, totals: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started, wall = time.process_time(), time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.process_time() - started
            totals[WALL + label] = totals.get(WALL + label, 0.0) + time.perf_counter() - wall

    return wrapper


@contextmanager
def pool_cpu(totals: dict[str, float]) -> Iterator[None]:
    """Add the CPU seconds of every pool worker, read from /proc as its pool
    shuts down (they are the fork server's children, not this process's)."""
    from concurrent.futures import ProcessPoolExecutor

    shutdown = ProcessPoolExecutor.shutdown

    def counted(self: ProcessPoolExecutor, *args: Any, **kwargs: Any) -> None:
        procs = getattr(self, "_processes", None) or {}
        totals[WORKERS] = totals.get(WORKERS, 0.0) + sum(_cpu(pid) for pid in procs)
        shutdown(self, *args, **kwargs)

    ProcessPoolExecutor.shutdown = counted  # type: ignore[method-assign]
    try:
        yield
    finally:
        ProcessPoolExecutor.shutdown = shutdown  # type: ignore[method-assign]


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def profile(path: str, workers: int) -> tuple[dict[str, float], int]:
    """Stage -> CPU seconds, and the characters of text, for one build."""
    from facts import build as b
    from facts.read import corpus as c

    totals: dict[str, float] = {}
    with timed(totals), pool_cpu(totals):
        started, wall = time.process_time(), time.perf_counter()
        corpus = c.read_corpus([path])
        b.build(corpus, workers=workers)
        totals["total"] = time.process_time() - started
        totals[WALL + "total"] = time.perf_counter() - wall
    return totals, sum(s.chars for s in corpus.sources)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("small")
    ap.add_argument("large")
    ap.add_argument("--workers", type=int, default=1, help="1: every stage in this process (default)")
    args = ap.parse_args()
    os.environ.setdefault("SCALEDEAL_NO_CACHE", "1")
    small, small_chars = profile(args.small, args.workers)
    large, large_chars = profile(args.large, args.workers)
    text_ratio = large_chars / small_chars
    print(f"text: {small_chars:,} -> {large_chars:,} chars = {text_ratio:.2f}x   (CPU seconds, this process)")
    print(f"{'stage':<22} {'small':>8} {'large':>8} {'growth':>7} {'/text':>6}   wall: small   large  growth")
    labels = [label for label, _, _ in STAGES if label in small or label in large] + ["total", WORKERS]
    for label in labels:
        a, z = small.get(label, 0.0), large.get(label, 0.0)
        growth = z / a if a > 0 else float("nan")
        wa, wz = small.get(WALL + label, 0.0), large.get(WALL + label, 0.0)
        wall = wz / wa if wa > 0 else float("nan")
        cpu = f"{label:<22} {a:8.2f} {z:8.2f} {growth:6.1f}x {growth / text_ratio:5.2f}"
        print(f"{cpu}   {wa:11.2f} {wz:7.2f} {wall:6.1f}x")
    if args.workers > 1:  # what the build would take with that many cores of its own
        a, z = (t["total"] + t.get(WORKERS, 0.0) / args.workers for t in (small, large))
        cpu = f"{'main + workers/' + str(args.workers):<22} {a:8.2f} {z:8.2f} {z / a:6.1f}x {z / a / text_ratio:5.2f}"
        print(cpu)


if __name__ == "__main__":
    main()
