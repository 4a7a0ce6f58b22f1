"""Extraction: throughput, scaling, and scaledeal against quantulum3 on the
same articles, scored on the quantities the generator wrote."""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from pathlib import Path

from facts.build import build
from facts.extract.numbers import find_numbers
from facts.model import FactBase
from facts.read.corpus import Corpus, read_corpus

from .report import Report, best_of, si, timed

Truth = list[list]  # [source, start, end, text, value, unit, qualifier]


def load_truth(folder: Path) -> Truth:
    return json.loads((folder / "truth.json").read_text(encoding="utf-8"))["numbers"]


def subset(corpus: Corpus, n: int) -> Corpus:
    return Corpus(name=corpus.name, sources=corpus.sources[:n], warnings=[], root=corpus.root)


def chars(corpus: Corpus) -> int:
    return sum(s.chars for s in corpus.sources)


def sequential(corpus: Corpus) -> FactBase:
    return build(corpus, workers=1)


# ---------------------------------------------------------------- scoring
@dataclass
class Score:
    found: int  # truth quantities found with the right value
    truth: int
    predicted: int  # predictions that hold a digit
    wrong: int  # predictions on no quantity, or with a wrong value

    @property
    def recall(self) -> float:
        return self.found / self.truth if self.truth else 0.0

    @property
    def precision(self) -> float:
        return (self.predicted - self.wrong) / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def text(self) -> str:
        return f"recall {self.recall:.1%} precision {self.precision:.1%} F1 {self.f1:.3f}"


def same_value(truth_value: float | str, unit: str, value: object) -> bool:
    if unit == "date":
        v = str(value)
        return v == truth_value or (str(truth_value).startswith("--") and v.endswith(str(truth_value)[1:]))
    try:
        t, p = float(truth_value), float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(t - p) <= 1e-6 * max(1.0, abs(t))


def score(truth: Truth, preds: dict[str, list[tuple[int, int, str, object]]]) -> Score:
    """Match each truth quantity to an unused overlapping prediction, the
    right value first. Predictions are (start, end, text, value) per source."""
    used: set[tuple[str, int]] = set()
    found = 0
    matched_wrong = 0
    for src, start, end, _text, value, unit, _q in truth:
        cands = [
            i for i, (s, e, _, _) in enumerate(preds.get(src, [])) if (src, i) not in used and s < end and start < e
        ]
        if not cands:
            continue
        right = [i for i in cands if same_value(value, unit, preds[src][i][3])]
        used.add((src, (right or cands)[0]))
        found += bool(right)
        matched_wrong += not right
    with_digits = [(src, i) for src, ps in preds.items() for i, p in enumerate(ps) if any(c.isdigit() for c in p[2])]
    overlapping_truth = _overlaps_any(truth, preds)
    unmatched = sum(1 for k in with_digits if k not in used and k not in overlapping_truth)
    return Score(found, len(truth), len(with_digits), unmatched + matched_wrong)


def _overlaps_any(truth: Truth, preds: dict[str, list[tuple[int, int, str, object]]]) -> set[tuple[str, int]]:
    # a second prediction inside an already matched quantity is not a false one
    spans: dict[str, list[tuple[int, int]]] = {}
    for src, start, end, *_ in truth:
        spans.setdefault(src, []).append((start, end))
    out = set()
    for src, ps in preds.items():
        for i, (s, e, _, _) in enumerate(ps):
            if any(s < te and ts < e for ts, te in spans.get(src, [])):
                out.add((src, i))
    return out


def scaledeal_preds(fb: FactBase) -> dict[str, list[tuple[int, int, str, object]]]:
    out: dict[str, list[tuple[int, int, str, object]]] = {}
    for n in fb.numbers:
        out.setdefault(n.span.source, []).append((n.span.start, n.span.end, n.span.text, n.value))
    return out


def quantulum_parse():  # -> Callable[[str], list] | None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def parse(text: str) -> list:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(text)

    parse("a warm-up of 5 dollars")  # loads its unit tables: not part of the race
    return parse


def quantulum_preds(corpus: Corpus, parse) -> dict[str, list[tuple[int, int, str, object]]]:
    out: dict[str, list[tuple[int, int, str, object]]] = {}
    for s in corpus.sources:
        out[s.id] = [(q.span[0], q.span[1], q.surface, q.value) for q in parse(s.text)]
    return out


# ---------------------------------------------------------------- figures
def throughput(report: Report, small: Path, big: Path, reps: int) -> FactBase:
    """Characters per second on the big corpus (issue 3), and scaling 10x."""
    c_small, c_big = read_corpus([small]), read_corpus([big])
    sequential(subset(c_small, 3))  # lexicons loaded, imports done
    t_small, _ = best_of(reps, lambda: sequential(c_small))
    t_big, fb = best_of(max(1, reps // 2), lambda: sequential(c_big))
    n_big = len(c_big.sources)
    report.add(
        f"extraction throughput, {n_big:,} articles (1 core, CPU time)",
        f"{si(chars(c_big) / t_big)} chars/s ({t_big:.2f} s)",
        "printed (issue 3)",
    )
    report.add(
        f"  facts found in {n_big:,} articles",
        f"{len(fb.numbers):,} numbers, {len(fb.entities):,} entities, {len(fb.conflicts):,} conflicts",
    )
    scaling(report, len(c_small.sources), t_small, chars(c_small), n_big, t_big, chars(c_big))
    return fb


def scaling(report: Report, n1: int, t1: float, ch1: int, n2: int, t2: float, ch2: int) -> None:
    ratio = t2 / t1
    allowed = 1.1 * ch2 / ch1  # 11x for 10x the text
    report.add(
        f"scaling {n1:,} -> {n2:,} articles (CPU time ratio)",
        f"{ratio:.2f}x time for {ch2 / ch1:.2f}x text",
        f"<= {allowed:.2f}x",
        ratio <= allowed,
    )


def bigger_scaling(report: Report, mid: Path, t_mid_corpus: Corpus | None, big: Path) -> None:
    c_mid = t_mid_corpus or read_corpus([mid])
    c_big = read_corpus([big])
    t_mid, _ = timed(lambda: sequential(c_mid))
    t_big, _ = timed(lambda: sequential(c_big))
    report.add(
        f"extraction throughput, {len(c_big.sources):,} articles (1 core, CPU time)",
        f"{si(chars(c_big) / t_big)} chars/s ({t_big:.1f} s)",
    )
    scaling(report, len(c_mid.sources), t_mid, chars(c_mid), len(c_big.sources), t_big, chars(c_big))


def against_quantulum(report: Report, folder: Path, n: int, reps: int) -> None:
    corpus = subset(read_corpus([folder]), n)
    ids = {s.id for s in corpus.sources}
    truth = [t for t in load_truth(folder) if t[0] in ids]
    parse = quantulum_parse()
    t_ours, fb = best_of(reps, lambda: sequential(corpus))
    ours = score(truth, scaledeal_preds(fb))
    if parse is None:
        report.add(f"vs quantulum3 on the same {n} articles", "quantulum3 not installed (pip install -e .[bench])",
                   ">= 50x faster", None)  # fmt: skip
        report.add("  scaledeal on the generated quantities", ours.text())
        return
    t_theirs, preds = timed(lambda: quantulum_preds(corpus, parse))
    theirs = score(truth, preds)
    # quantulum3 only finds quantities: the like-for-like figure is our number grammar alone;
    # the whole fact base (names, claims, conflicts, disputes, checks) is printed beside it
    t_numbers, _ = best_of(reps, lambda: [find_numbers(s.text, s.id) for s in corpus.sources])
    ratio = t_theirs / t_numbers
    report.add(
        f"vs quantulum3 on the same {n} articles ({si(chars(corpus))} chars): finding the numbers",
        f"{ratio:.1f}x faster ({si(chars(corpus) / t_numbers)} vs {si(chars(corpus) / t_theirs)} chars/s)",
        ">= 50x faster",
        ratio >= 50,
    )
    report.add(
        "  the whole fact base, same articles",
        f"{t_theirs / t_ours:.1f}x quantulum3's time to find numbers only ({si(chars(corpus) / t_ours)} chars/s)",
    )
    report.add(f"  scaledeal, {len(truth):,} generated quantities", ours.text())
    report.add(f"  quantulum3, {len(truth):,} generated quantities", theirs.text())
    report.add(
        "  scores higher than quantulum3",
        f"recall {ours.recall:.1%} vs {theirs.recall:.1%}, F1 {ours.f1:.3f} vs {theirs.f1:.3f}",
        "recall and F1 higher",
        ours.recall > theirs.recall and ours.f1 > theirs.f1,
    )
