"""Hostile shapes of text, each timed per MB against ordinary prose per MB.

    python benchmarks/pathological.py                 every case (several minutes)
    python benchmarks/pathological.py --size small    smaller sizes (a minute or two)
    python benchmarks/pathological.py --case NAME [--size small]   one case, for a profiler

Each case runs the whole build (one process, no cache) in a fresh child
process, so one case's heap and memoised sentences never help or hurt the
next; a case that runs past its time limit is printed as such. The goal for
every case is at most 3x the CPU time per MB of ordinary generated articles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

GOAL = 3.0  # times the CPU per MB of ordinary prose
LIMIT_S = 300  # a child running longer than this is stopped and reported
Texts = dict[str, str]

_FIRMS = ["Vardell", "Oquist", "Pramble", "Hentor", "Lusk", "Maravin", "Quellon", "Sorby", "Tamsin", "Ulbrecht"]
_GIVEN = ["Anna", "Omar", "Kenji", "Priya", "Jonas", "Lena", "Tomas", "Hana", "Ravi", "Mira"]


def prose(chars: int, seed: int = 7) -> Texts:
    """Ordinary generated deal articles, about `chars` characters in all."""
    from benchmarks.generate import article, make_deal

    rng = random.Random(seed)
    used: set[str] = set()
    deals = [make_deal(rng, used) for _ in range(20)]
    out: Texts = {}
    total = 0
    while total < chars:
        i = len(out)
        text = article(random.Random(f"{seed}:{i}"), f"{i:05d}.txt", deals[i % len(deals)]).text()
        out[f"{i:05d}.txt"] = text
        total += len(text)
    return out


def _firm(rng: random.Random) -> str:
    return f"{rng.choice(_FIRMS)}{rng.choice(['', 'a', 'on', 'ix'])}"


def corp_periods(size: int) -> Texts:
    """One "sentence" where every period follows "Corp.": the splitter never ends it."""
    rng = random.Random(1)
    parts: list[str] = ["Shares rose after"]
    while sum(map(len, parts)) < size:
        parts.append(f"{_firm(rng)} Corp. paid {rng.randint(2, 900)} million dollars to {_firm(rng)} Corp.")
    return {"corp.txt": " ".join(parts) + "\n"}


def raised_pairs(pairs: int) -> Texts:
    """`pairs` "X raised $Y million," pairs in one sentence."""
    rng = random.Random(2)
    body = " ".join(f"{_firm(rng)} raised ${rng.randint(2, 900)} million," for _ in range(pairs))
    return {"raised.txt": f"In the quarter {body} and the rest raised nothing.\n"}


def dense_clause(count: int) -> Texts:
    """Many figures in one clause, no verb or full stop between them."""
    rng = random.Random(3)
    figures = ", ".join(f"${rng.randint(1, 999)}.{rng.randint(0, 9)} million" for _ in range(count))
    return {"dense.txt": f"The {_firm(rng)} bids were {figures}.\n"}


def spaces(count: int) -> Texts:
    """A line of `count` spaces between two short clauses, in ordinary prose."""
    filler = " " * count
    return {"spaces.txt": f"{_firm(random.Random(4))} Corp agreed to pay $3 million.{filler}It closed in 2024.\n"}


def near_names(articles: int) -> Texts:
    from benchmarks.bounded import articles as name_articles

    return name_articles(articles)


def near_files(articles: int) -> Texts:
    """The same near-duplicate names, as files whose names repeat across
    folders and differ by a letter within one ("deal-notes-7.txt", "deal-note-7.txt")."""
    rng = random.Random(8)
    out: Texts = {}
    for i, text in enumerate(near_names(articles).values()):
        stem = rng.choice(["deal-notes", "deal-note", "deals-notes", "deal_notes"])
        out[f"folder-{i % 10}/{stem}-{i // 10}.txt"] = text
    return out


def same_deal(articles: int) -> Texts:
    """Many articles on one deal, each giving its figures different values."""
    rng = random.Random(5)
    out: Texts = {}
    for i in range(articles):
        price, stake, staff = rng.randint(2, 90), rng.randint(5, 95), rng.randint(100, 9000)
        out[f"{i:05d}.txt"] = (
            f"Vardell Holdings agreed to buy Oquist Labs for ${price} billion, a source said.\n"
            f"The deal gives Vardell Holdings a {stake}% stake in Oquist Labs, which employs {staff:,} people.\n"
            f"Oquist Labs made revenue of ${rng.randint(10, 900)} million in {rng.randint(2015, 2024)}.\n"
        )
    return out


def table(rows: int) -> Texts:
    rng = random.Random(6)
    lines = ["| Company | Revenue ($m) | Staff | Founded |", "|---|---|---|---|"]
    for _ in range(rows):
        lines.append(f"| {_firm(rng)} Labs | {rng.randint(1, 9999)}.{rng.randint(0, 9)} | "
                     f"{rng.randint(10, 99999):,} | {rng.randint(1950, 2024)} |")  # fmt: skip
    return {"table.txt": "Revenue by company\n\n" + "\n".join(lines) + "\n"}


def big_article(size: int) -> Texts:
    """Ordinary prose, but all in one article of `size` characters."""
    return {"big.txt": "\n\n".join(prose(size, seed=11).values())}


SIZES = ("full", "small", "tiny")  # tiny: only proves the harness runs (benchmarks/run.py --smoke)


@dataclass(frozen=True)
class Case:
    what: str  # with {n}: the size
    sizes: tuple[int, int, int]  # full, small, tiny
    texts: Callable[[int], Texts]
    on_disk: bool = False  # written as files and read by read_corpus (paths with slashes: folders)


CASES: dict[str, Case] = {
    "corp_periods": Case("{n:,}-char sentence, 'Corp.' before every period", (30_000, 10_000, 3_000), corp_periods),
    "raised_pairs": Case("{n:,} 'X raised $Y million,' pairs in a sentence", (250, 80, 20), raised_pairs),
    "dense_clause": Case("{n:,} figures in one clause", (5_000, 1_000, 100), dense_clause),
    "spaces": Case("{n:,} spaces in one line", (40_000, 40_000, 40_000), spaces),
    "names_1k": Case("{n:,} articles of near-duplicate names", (1_000, 300, 30), near_names),
    "names_8k": Case("{n:,} articles of near-duplicate names", (8_000, 2_400, 240), near_names),
    "files_1k": Case("{n:,} files, near-duplicate names in 10 folders", (1_000, 300, 30), near_files, True),
    "files_8k": Case("{n:,} files, near-duplicate names in 10 folders", (8_000, 2_400, 240), near_files, True),
    "same_deal": Case("{n:,} articles, one deal, differing figures", (2_000, 500, 50), same_deal),
    "table": Case("a table of {n:,} rows", (5_000, 1_000, 100), table),
    "big_article": Case("one article of {n:,} chars", (5_000_000, 1_000_000, 100_000), big_article),
}
PROSE = Case("{n:,} chars of ordinary articles", (1_000_000, 300_000, 50_000), prose)


def run_case(name: str, size: str) -> dict[str, float]:
    """CPU seconds and MB of one case, built in this process."""
    os.environ["SCALEDEAL_NO_CACHE"] = "1"
    case = PROSE if name == "prose" else CASES[name]
    texts = case.texts(case.sizes[SIZES.index(size)])
    with tempfile.TemporaryDirectory(prefix="scaledeal-pathological-") as tmp:
        if case.on_disk:
            for rel, text in texts.items():
                (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / rel).write_text(text, encoding="utf-8")
        return _timed_build(texts, Path(tmp) if case.on_disk else None)


def _timed_build(texts: Texts, folder: Path | None) -> dict[str, float]:
    """CPU seconds to read `folder` (or take `texts` as read) and build it."""
    from facts.build import build
    from facts.read.corpus import Corpus, make_source, read_corpus

    build(Corpus(name="warm", sources=[make_source("w.txt", "w.txt", "Oquist Labs paid $3 million in 2020.\n")]))
    in_memory = Corpus(name="case", sources=[make_source(k, k, v) for k, v in texts.items()]) if not folder else None
    started = time.process_time()
    fb = build(in_memory or read_corpus([folder or "."]), workers=1)  # reading the files is part of the case
    seconds = time.process_time() - started
    mb = sum(len(t.encode()) for t in texts.values()) / 1e6
    return {"seconds": seconds, "mb": mb, "numbers": len(fb.numbers), "entities": len(fb.entities)}


def in_child(name: str, size: str) -> dict[str, float] | None:
    """run_case in a fresh interpreter; None when it ran past LIMIT_S."""
    cmd = [sys.executable, __file__, "--case", name, "--size", size, "--json"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=LIMIT_S, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@dataclass(frozen=True)
class Ratio:
    name: str
    what: str
    ratio: float | None  # None: past the time limit
    detail: str


def ratios(size: str) -> Iterator[Ratio]:
    """Ordinary prose first, then each case's CPU per MB as a multiple of it."""
    base = in_child("prose", size)
    assert base is not None, "ordinary prose ran past the time limit"
    per_mb = base["seconds"] / base["mb"]
    n = PROSE.sizes[SIZES.index(size)]
    yield Ratio("prose", PROSE.what.format(n=n), 1.0, f"{base['mb']:.2f} MB in {base['seconds']:.2f} s CPU")
    for name, case in CASES.items():
        what = case.what.format(n=case.sizes[SIZES.index(size)])
        r = in_child(name, size)
        if r is None:
            yield Ratio(name, what, None, f"over {LIMIT_S} s")
        else:
            yield Ratio(name, what, r["seconds"] / r["mb"] / per_mb, f"{r['mb']:.2f} MB in {r['seconds']:.2f} s")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size", choices=SIZES, default="full")
    p.add_argument("--small", action="store_const", const="small", dest="size", help="same as --size small")
    p.add_argument("--case", choices=["prose", *CASES], help="run one case in this process")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.case:
        result = run_case(a.case, a.size)
        print(json.dumps(result) if a.json else result)
        return 0
    for r in ratios(a.size):
        if r.name == "prose":
            print(f"{r.what}: {r.detail} (the 1.0x every case is measured against)", flush=True)
            continue
        status = "UNMET" if r.ratio is None or r.ratio > GOAL else "MET  "
        shown = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        print(f"  {status} {r.name}: {r.what}: {shown} prose per MB ({r.detail})  [goal: <= {GOAL:.0f}x]", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
