"""Resolution stays near-linear when thousands of articles carry near-duplicate names.

Run as a script to print the figure for 1,000 vs 8,000 articles:

    .venv/bin/python tests/test_resolve_scaling.py

The test runs a smaller pair (250 vs 2,000) so the suite stays quick.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script from the project root or tests/
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facts.analyse.resolve import resolve
from facts.extract.entities import Candidate, find_candidates

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


def test_eight_times_the_articles_take_well_under_sixty_four_times_the_time() -> None:
    measure(100)  # warm the lexicons and caches
    small, large = measure(250), measure(2000)
    print(f"250 articles {small:.2f}s, 2000 articles {large:.2f}s, ratio {large / small:.1f}")
    assert large / small < 16, f"resolution grew {large / small:.1f}x for 8x the articles"


if __name__ == "__main__":
    measure(100)
    one, eight = measure(1000), measure(8000)
    print(f"1000 articles {one:.2f}s, 8000 articles {eight:.2f}s, ratio {eight / one:.1f} (linear is 8.0)")
