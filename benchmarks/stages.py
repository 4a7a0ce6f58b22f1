"""CPU time of each stage of facts/build.py for two corpus sizes, side by side,
with each stage's growth against the growth of the text.

    SCALEDEAL_NO_CACHE=1 python benchmarks/stages.py /tmp/bench/corpus-1000 /tmp/bench/corpus-10000

One process (workers=1), cache off: every figure is this process's CPU time.
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
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.process_time() - started

    return wrapper


def profile(path: str, workers: int) -> tuple[dict[str, float], int]:
    """Stage -> CPU seconds, and the characters of text, for one build."""
    from facts import build as b
    from facts.read import corpus as c

    totals: dict[str, float] = {}
    with timed(totals):
        started = time.process_time()
        corpus = c.read_corpus([path])
        b.build(corpus, workers=workers)
        totals["total"] = time.process_time() - started
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
    print(f"{'stage':<22} {'small':>8} {'large':>8} {'growth':>7} {'/text':>6}")
    labels = [label for label, _, _ in STAGES if label in small or label in large] + ["total"]
    for label in labels:
        a, z = small.get(label, 0.0), large.get(label, 0.0)
        growth = z / a if a > 0 else float("nan")
        print(f"{label:<22} {a:8.2f} {z:8.2f} {growth:6.1f}x {growth / text_ratio:5.2f}")


if __name__ == "__main__":
    main()
