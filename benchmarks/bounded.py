"""Bounded work per figure and per name, as ratios (never a timed test).

    python benchmarks/bounded.py

- names: finding and resolving the names of 1,000 vs 8,000 articles full of
  near-duplicate surnames (linear is 8.0x);
- numbers: reading 5,000 vs 20,000 figures on one line (linear is 4.0x);
- disputes: disagreements in words in one article of 500 vs 2,000 cue
  sentences, each naming another city, holder and payment (linear is 4.0x).
- conflicts: matching the claims of 1,000 vs 10,000 articles that all give
  one measure of one company, each a different value (linear is 10.0x).
- rates: exchange rates stated in one article of 5,000 vs 20,000 bracketed
  conversions, each beside the next figure (linear is 4.0x).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script from the project root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facts.analyse.conflicts import find_conflicts
from facts.analyse.deal import find_deal
from facts.analyse.disputes import find_disputes
from facts.analyse.rates import find_rates
from facts.analyse.resolve import resolve
from facts.extract.entities import Candidate, find_candidates
from facts.extract.numbers import find_numbers
from facts.model import FactBase, Number, Source, Span
from facts.read.corpus import make_source

_GIVEN = ["Anna", "Omar", "Kenji", "Priya", "Jonas", "Lena", "Tomas", "Hana", "Ravi", "Mira", "Ivo", "Sana"]
_ROOTS = ["Brennick", "Okafor", "Haldane", "Vesterby", "Marchetti", "Rasheed", "Agrawal", "Mueller", "Tallis"]
_FIRMS = ["Labs", "Holdings", "Robotics", "Capital", "Systems"]


def _variant(word: str, rng: random.Random) -> str:
    """A near duplicate: a letter dropped, doubled or two neighbours swapped."""
    i = rng.randrange(1, len(word) - 1)
    choice = rng.randrange(3)
    if choice == 0:
        return word[:i] + word[i + 1 :]
    if choice == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _surname(rng: random.Random) -> str:
    """Thousands of distinct surnames sharing roots (a block per root), often written slightly wrong."""
    tail = "".join(rng.choice("aeiou") + rng.choice("lnrstkmv") for _ in range(2))
    word = rng.choice(_ROOTS) + tail
    return _variant(word, rng) if rng.random() < 0.3 else word


def articles(n: int, seed: int = 7) -> dict[str, str]:
    rng = random.Random(seed)
    out: dict[str, str] = {}
    for i in range(n):
        person = f"{rng.choice(_GIVEN)} {_surname(rng)}"
        firm = f"{_surname(rng)} {rng.choice(_FIRMS)}"
        other = _surname(rng)
        out[f"{i:05d}.txt"] = (
            f"The chief executive {person} said on Monday that {firm} would buy a rival.\n"
            f"Analysts said {person.split()[-1]} had paid too much, and {other} declined to comment.\n"
            f"Investors at {firm} and {other} {rng.choice(_FIRMS)} said little.\n"
        )
    return out


def measure(n: int) -> float:
    """CPU seconds to find and resolve the names of n articles (wall time swings on a busy machine)."""
    texts = articles(n)
    started = time.process_time()
    candidates: dict[str, list[Candidate]] = {src: find_candidates(text, src) for src, text in texts.items()}
    resolve(candidates)
    return time.process_time() - started


def number_cost(n: int) -> float:
    """CPU seconds to read n figures written on one line."""
    text = "1 " * n
    started = time.process_time()
    find_numbers(text, "dense.txt")
    return time.process_time() - started


def dispute_text(n: int, seed: int = 5) -> str:
    """n sentences of cues, each with a new city and a new holder of one post."""
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        city, person = _surname(rng).title(), f"{rng.choice(_GIVEN)} {_surname(rng)}"
        lines.append(
            f"{city}-based Vesterby Labs agreed to a takeover by Okafor Holdings in an all-cash deal. "
            f"Vesterby Labs chief executive {person} said a 30% stake in Vesterby Labs was paid in shares."
        )
    return "\n".join(lines) + "\n"


def dispute_cost(n: int) -> float:
    """CPU seconds to find the disputes in words of one article of n cue sentences (names resolved before)."""
    text = dispute_text(n)
    fb = FactBase(sources=[make_source("dense.txt", "dense.txt", text)])
    fb.entities = resolve({"dense.txt": find_candidates(text, "dense.txt")})
    fb.deal = find_deal(fb)
    started = time.process_time()
    find_disputes(fb)
    return time.process_time() - started


def repeated_claims(n: int) -> FactBase:
    """n one-line articles, each giving the same company's workforce a different value."""
    sources, numbers = [], []
    for i in range(n):
        source, figure = f"{i:05d}.txt", f"{1000 + i:,}"
        text = f"The company employs {figure} people, it said.\n"
        start = text.index(figure)
        sources.append(Source(id=source, path=source, text=text))
        span = Span(source=source, start=start, end=start + len(figure), text=figure)
        numbers.append(
            Number(
                id=f"n:{source}:{start}", span=span, value=float(1000 + i), unit="count",
                attribute="headcount", subject="acme",
            )
        )  # fmt: skip
    return FactBase(sources=sources, numbers=numbers)


def conflict_cost(n: int) -> float:
    """CPU seconds to match the claims of n articles into conflicts."""
    fb = repeated_claims(n)
    started = time.process_time()
    find_conflicts(fb)
    return time.process_time() - started


def rate_cost(n: int) -> float:
    """CPU seconds to read the rates of one article of n bracketed conversions (figures read before)."""
    text = "".join(f"It cost €{1 + i % 9}.0bn (${1.1 * (1 + i % 9):.1f}bn). " for i in range(n))
    numbers = find_numbers(text, "dense.txt")
    started = time.process_time()
    find_rates(numbers, {"dense.txt": text})
    return time.process_time() - started


def main() -> None:
    measure(100)  # warm the lexicons and caches
    one, eight = measure(1000), measure(8000)
    print(f"names: 1,000 articles {one:.2f}s, 8,000 articles {eight:.2f}s: {eight / one:.1f}x for 8x (linear 8.0x)")
    number_cost(100)
    small, large = number_cost(5_000), number_cost(20_000)
    print(f"numbers: 5,000 figures {small:.3f}s, 20,000 {large:.3f}s: {large / small:.1f}x for 4x (linear 4.0x)")
    dispute_cost(50)
    small, large = dispute_cost(500), dispute_cost(2_000)
    print(f"disputes: 500 cue sentences {small:.3f}s, 2,000 {large:.3f}s: {large / small:.1f}x for 4x (linear 4.0x)")
    conflict_cost(100)
    few, many = conflict_cost(1_000), conflict_cost(10_000)
    print(f"conflicts: 1,000 articles {few:.3f}s, 10,000 {many:.3f}s: {many / few:.1f}x for 10x (linear 10.0x)")
    rate_cost(100)
    small, large = rate_cost(5_000), rate_cost(20_000)
    print(f"rates: 5,000 conversions {small:.3f}s, 20,000 {large:.3f}s: {large / small:.1f}x for 4x (linear 4.0x)")


if __name__ == "__main__":
    main()
