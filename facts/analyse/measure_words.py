"""The words of measures: facts/lexicon/measures.yaml loaded once, lemmas,
and the longest-name lookups every reader of a figure's window uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from facts.lexicon import load_model
from facts.lexicon.models import MeasuresLexicon
from facts.text import alternation

PHRASE_WORDS = 3  # the longest name


@dataclass(frozen=True, slots=True)
class MeasureWords:
    names: dict[tuple[str, str], str]  # (lemma phrase, unit family) -> measure
    before: dict[tuple[str, str], str]  # only before the figure
    drifts: frozenset[str]
    quiet: frozenset[str]  # never in a conflict
    units: dict[str, frozenset[str]]
    neutral: frozenset[str]
    payment: frozenset[str]
    stop: frozenset[str]
    status: tuple[tuple[str, re.Pattern[str]], ...]  # in lexicon order: the first that matches wins
    bases: tuple[tuple[str, re.Pattern[str]], ...]
    value_words: frozenset[str]
    accumulating: frozenset[str]  # measures a running total is another claim of
    cumulative: re.Pattern[str]  # the words of a running total
    references: tuple[tuple[str, re.Pattern[str]], ...]  # what a premium is measured against


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """A small suffix rule: 'synergies' -> 'synergy', 'losses' -> 'loss', 'staffers' -> 'staffer'."""
    w = word.lower().replace("’", "'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def phrase(text: str) -> str:
    return " ".join(lemma(w) for w in WORD.findall(text))


def _cues_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of cue phrases, matched as whole lemmas in a joined window."""
    body = alternation(phrase(c) for c in cues)  # a trie: see facts.text.alternation
    return re.compile(rf"(?<![^ ])(?:{body})(?![^ ])")


@cache
def measure_words() -> MeasureWords:
    raw = load_model("measures", MeasuresLexicon)
    names: dict[tuple[str, str], str] = {}
    before: dict[tuple[str, str], str] = {}
    for name, m in raw.measures.items():
        for family in m.units:
            for n in m.names:
                names.setdefault((phrase(n), family), name)
            for n in m.before:
                before.setdefault((phrase(n), family), name)
    return MeasureWords(
        names=names,
        before=before,
        drifts=frozenset(k for k, m in raw.measures.items() if m.drifts),
        quiet=frozenset(k for k, m in raw.measures.items() if not m.conflicts),
        units={k: frozenset(m.units) for k, m in raw.measures.items()},
        neutral=frozenset(raw.neutral),
        payment=frozenset(phrase(w) for w in raw.payment),
        stop=frozenset(raw.stop),
        status=tuple((k, _cues_re(ws)) for k, ws in raw.status.items()),
        bases=tuple((k, _cues_re(ws)) for k, ws in raw.bases.items()),
        value_words=frozenset(phrase(w) for w in raw.value_words),
        accumulating=frozenset(raw.cumulative.measures),
        cumulative=_cues_re(raw.cumulative.words or ("\0",)),
        references=tuple((k, _cues_re(ws)) for k, ws in raw.premium_references.items()),
    )


def drifts(measure: str) -> bool:
    """A measure that changes over time (a workforce), by the measures lexicon."""
    return measure in measure_words().drifts


def disputable(measure: str) -> bool:
    """False for a lexicon measure that never forms a conflict."""
    return measure not in measure_words().quiet


def measure_units(measure: str) -> frozenset[str]:
    """The unit families of a lexicon measure (empty for others)."""
    return measure_words().units.get(measure, frozenset())


# ---------------------------------------------------------------- words
WORD = re.compile(r"[A-Za-z][A-Za-z'’/-]*[A-Za-z]|[A-Za-z]")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’/-]*[A-Za-z]|[A-Za-z]|\d[\d.,]*%?|[:;|=+(]|\n")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“(])|\n\s*\n")
FIGURE = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    return [m.group() for m in TOKEN.finditer(text)]


def match(words: list[str], table: dict[tuple[str, str], str], family: str) -> str:
    """The name in a short noun phrase: the longest ending at its head (the
    last word), else ending one word earlier ('net debt', 'debt costs')."""
    for end in range(len(words), 0, -1):
        found, _ = match_end(words[:end], table, family)
        if found:
            return found
    return ""


def match_end(words: list[str], table: dict[tuple[str, str], str], family: str) -> tuple[str, int]:
    """The longest name ending at the end of `words`."""
    for size in range(min(PHRASE_WORDS, len(words)), 0, -1):
        found = table.get((" ".join(words[-size:]), family))
        if found:
            return found, size
    return "", 0
