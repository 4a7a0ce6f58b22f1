#!/usr/bin/env python3
"""Child process: open a corpus the way the app does (read + build, cache
and pool as configured by the environment) and print its time and peak memory.

    python benchmarks/load.py PATH
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class TreeMemory(threading.Thread):
    """Samples the resident memory of this process and all its descendants
    (the pool's workers are grandchildren, out of reach of getrusage)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_rss(os.getpid()))
            time.sleep(0.05)


def tree_rss(root: int) -> int:
    if not os.path.isdir("/proc"):
        return 0
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(p for p, pp in parent.items() if pp == pid)
    return total


def main() -> None:
    from facts.build import build
    from facts.read.corpus import read_corpus
    from facts.store.cache import Cache, corpus_key, extractor_version

    sampler = TreeMemory()
    sampler.start()
    t0 = time.perf_counter()
    corpus = read_corpus([sys.argv[1]])
    store = Cache.open()
    hit = bool(store and store.corpus_path(corpus_key(corpus.sources)).exists())
    t1, c1 = time.perf_counter(), time.process_time()
    fb = build(corpus)
    t2, c2 = time.perf_counter(), time.process_time()
    sampler.running = False
    sampler.join()
    kib = 1024 if sys.platform != "darwin" else 1
    print(
        json.dumps(
            {
                "read": t1 - t0,
                "build": t2 - t1,
                "build_cpu": c2 - c1,
                "cache_hit": hit,
                "version": extractor_version(),
                "articles": len(corpus.sources),
                "chars": sum(s.chars for s in corpus.sources),
                "bytes": sum(Path(s.path).stat().st_size for s in corpus.sources),
                "numbers": len(fb.numbers),
                "entities": len(fb.entities),
                "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib,
                "rss_tree": max(sampler.peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib),
            }
        )
    )


if __name__ == "__main__":
    main()
