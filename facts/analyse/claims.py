"""What each figure claims: its measure, time basis, period and status.

A figure's measure comes from a few words around it, in an open vocabulary:
the noun phrase right after it ("2,300 staff", "a 9% stake", "$5 billion of
debt"), a label right before it ("Headcount  4,100", "net loss $30m"), or a
word of a short window before it ("would save $40m a year"). Names in
facts/lexicon/measures.yaml make the words canonical; the attribute the
figure already has (facts/analyse/attributes.py) stands where the words
name nothing. Work per figure is a fixed window of characters: no parser,
no scan of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from facts.analyse.attributes import known, spec, unit_family
from facts.extract.document import Document
from facts.lexicon import load_model
from facts.lexicon.models import MeasuresLexicon
from facts.model import Number

WINDOW = 120  # characters read on each side of a figure
BEFORE_WORDS = 8  # how far back a measure's name may stand
PHRASE_WORDS = 3  # the longest name


@dataclass(frozen=True, slots=True)
class ClaimKey:
    """What one figure claims, as keys to match it with others by."""

    measure: str  # canonical measure, "" when nothing names it
    basis: str = ""  # "a year", "a month", "a quarter": a rate, not a total
    period: str = ""  # "2024", "2024-Q2": the time the figure belongs to
    status: str = "reported"  # rumour, estimate, forecast, target, announced, reported
    open: bool = False  # named by the article's words, not by a lexicon


@dataclass(frozen=True, slots=True)
class _Lexicon:
    names: dict[tuple[str, str], str]  # (lemma phrase, unit family) -> measure
    before: dict[tuple[str, str], str]  # only before the figure
    drifts: frozenset[str]
    units: dict[str, frozenset[str]]
    neutral: frozenset[str]
    payment: frozenset[str]
    stop: frozenset[str]
    status: tuple[tuple[str, tuple[str, ...]], ...]


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


def _phrase(text: str) -> str:
    return " ".join(lemma(w) for w in _WORD.findall(text))


@cache
def _lexicon() -> _Lexicon:
    raw = load_model("measures", MeasuresLexicon)
    names: dict[tuple[str, str], str] = {}
    before: dict[tuple[str, str], str] = {}
    for name, m in raw.measures.items():
        for family in m.units:
            for n in m.names:
                names.setdefault((_phrase(n), family), name)
            for n in m.before:
                before.setdefault((_phrase(n), family), name)
    return _Lexicon(
        names=names,
        before=before,
        drifts=frozenset(k for k, m in raw.measures.items() if m.drifts),
        units={k: frozenset(m.units) for k, m in raw.measures.items()},
        neutral=frozenset(raw.neutral),
        payment=frozenset(_phrase(w) for w in raw.payment),
        stop=frozenset(raw.stop),
        status=tuple((k, tuple(_phrase(w) for w in ws)) for k, ws in raw.status.items()),
    )


def drifts(measure: str) -> bool:
    """A measure that changes over time (a workforce), by the measures lexicon."""
    return measure in _lexicon().drifts


def measure_units(measure: str) -> frozenset[str]:
    """The unit families of a lexicon measure (empty for others)."""
    return _lexicon().units.get(measure, frozenset())


# ---------------------------------------------------------------- words
_WORD = re.compile(r"[A-Za-z][A-Za-z'’/-]*[A-Za-z]|[A-Za-z]")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’/-]*[A-Za-z]|[A-Za-z]|\d[\d.,]*%?|[:;|=+(]|\n")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“(])|\n\s*\n")
_FIGURE = re.compile(r"\d")


def _tokens(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


def _match(words: list[str], table: dict[tuple[str, str], str], family: str) -> str:
    """The name in a short noun phrase: the longest ending at its head (the
    last word), else ending one word earlier ('net debt', 'debt costs')."""
    for end in range(len(words), 0, -1):
        found, _ = _match_end(words[:end], table, family)
        if found:
            return found
    return ""


def _match_end(words: list[str], table: dict[tuple[str, str], str], family: str) -> tuple[str, int]:
    """The longest name ending at the end of `words`."""
    for size in range(min(PHRASE_WORDS, len(words)), 0, -1):
        found = table.get((" ".join(words[-size:]), family))
        if found:
            return found, size
    return "", 0


# ---------------------------------------------------------------- after the figure
_COPULA = re.compile(r"^\s*(?:is|was|are|were)\s+(?:a|an|the)\s+", re.IGNORECASE)
_OF = re.compile(r"^\s*of\s+(?:(?:the|its|their|his|her|our)\s+|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s?\s+)?")
_SHARE_OF_SOLD = re.compile(
    r"^\s*of\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,4}?(?:sold|shipped|purchased|bought|installed)\b", re.IGNORECASE
)
_PER_SHARE = re.compile(r"^\s*(?:/\s*|per\s+|a\s+|each\s+)(?:sh|shr|share)\b", re.IGNORECASE)
_BASIS = re.compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+|/\s*)(year|yr|annum|month|quarter)\b|^\s*(p\.\s?a\.|annually|yearly|monthly)",
    re.IGNORECASE,
)
_BASIS_BEFORE = re.compile(r"\b(annual|annually|yearly|monthly|quarterly)\b[^\d]{0,30}$", re.IGNORECASE)
_BASES = {"yr": "a year", "annum": "a year", "p.a.": "a year", "annually": "a year", "annual": "a year"}


def _basis(after: str, before: str) -> str:
    m = _BASIS.match(after)
    word = (m.group(1) or m.group(2)) if m else ""
    if not word:
        b = _BASIS_BEFORE.search(before)
        word = b.group(1) if b else ""
    word = word.lower().replace(" ", "")
    if not word:
        return ""
    if word in _BASES:
        return _BASES[word]
    return {"monthly": "a month", "quarterly": "a quarter", "yearly": "a year"}.get(word, f"a {word}")


def _noun_phrase(after: str, lex: _Lexicon) -> list[str]:
    """The lemmas of the words right after a figure, up to a stop word or punctuation."""
    words: list[str] = []
    for m in re.finditer(r"\S+", after[:60].split("\n", 1)[0]):
        raw = m.group()
        clean = raw.strip(".,;:!?)(\"'“”‘’")
        if not clean or not re.fullmatch(r"[A-Za-z][A-Za-z'’/-]*", clean) or clean.lower() in lex.stop:
            break
        if clean.lower() not in lex.neutral:
            words.append(lemma(clean))
        if len(words) == PHRASE_WORDS or clean != raw:
            break
    return words


def _after_measure(after: str, family: str, lex: _Lexicon) -> tuple[str, bool]:
    """The measure named right after the figure, and whether it is an open phrase."""
    rest = after
    if m := _COPULA.match(rest) or _OF.match(rest):
        rest = rest[m.end() :]
    elif m := _BASIS.match(rest):
        rest = rest[m.end() :]
    if family == "percent" and _SHARE_OF_SOLD.match(after):
        return "market share", False
    words = _noun_phrase(rest, lex)
    found = _match(words, lex.names, family)
    if found:
        return found, False
    direct = rest is after
    if words and " ".join(words) not in lex.payment and (family == "money" or (family == "count" and direct)):
        return " ".join(words), True  # "12,000 robots", "$3bn term loan": the words are the measure
    return "", False


# ---------------------------------------------------------------- before the figure
def _before_words(before: str, lex: _Lexicon) -> list[str]:
    """Lemmas of the window before the figure, back to the sentence start or a
    table's separator. A figure in between ends the window (its words are its
    own); words between it and a colon label that figure ('$1bn net debt: $4bn')."""
    cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    tokens = _tokens(before[cut:])
    words: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if tok in _SEPARATORS or len(words) >= BEFORE_WORDS:
            break
        if _FIGURE.match(tok):
            return [] if tokens[-1] == ":" and len(words) <= PHRASE_WORDS else _reversed(words)
        if _WORD.fullmatch(tok) and (w := lemma(tok)) not in lex.neutral:
            words.append(w)
    return _reversed(words)


_SEPARATORS = frozenset({"\n", "|", "=", "+"})


def _reversed(words: list[str]) -> list[str]:
    return words[::-1]


def _before_measure(words: list[str], family: str, lex: _Lexicon, reach: int) -> str:
    """The nearest name among the last `reach` words before the figure."""
    for end in range(len(words), max(0, len(words) - reach), -1):
        head = words[:end]
        for table in (lex.before, lex.names):
            found, _ = _match_end(head, table, family)
            if found:
                return found
    return ""


# ---------------------------------------------------------------- periods
_ROW_PERIOD = re.compile(
    r"^[\s|*#-]*(?:(Q[1-4]|[1-4]Q|H[12]|[12]H)\s*)?(?:FY|CY)?\s*'?(\d{4}|\d{2})\b(?=\s{2,}|\s*:|\t)",
    re.IGNORECASE,
)


def _row_period(line: str) -> str:
    """A table row's period label ('Q2 2024     revenue $1.2bn'): it frames the whole row."""
    m = _ROW_PERIOD.match(line)
    if not m:
        return ""
    year = m.group(2)
    year = year if len(year) == 4 else "20" + year
    part = (m.group(1) or "").upper()
    if part[:1].isdigit():
        part = part[1] + part[0]
    return f"{year}-{part}" if part else year


# ---------------------------------------------------------------- status
def _status(words: list[str], lex: _Lexicon) -> str:
    joined = f" {' '.join(words)} "
    for name, cues in lex.status:
        if any(f" {c} " in joined for c in cues):
            return name
    return "reported"


# ---------------------------------------------------------------- entry point
def claim_key(n: Number, text: str, doc: Document | None = None) -> ClaimKey:
    """The claim of figure `n` in its article `text` (empty text: the attribute alone)."""
    lex = _lexicon()
    family = unit_family(n.unit)
    attribute = n.attribute if n.attribute and spec(n.attribute).conflicts else ""
    if not text:
        return ClaimKey(attribute, period=n.period)
    start, end = n.span.start, n.span.end
    if doc is not None:
        s, e = doc.sentence_at(start)
        lo, hi = (max(s, start - WINDOW), min(e, end + WINDOW)) if e > s else (start - WINDOW, end + WINDOW)
    else:
        lo, hi = start - WINDOW, end + WINDOW
    before, after = text[max(0, lo) : start], text[end : max(end, hi)]
    line_start = text.rfind("\n", 0, start) + 1
    basis = _basis(after, before)
    words = _before_words(before, lex)
    after_found, is_open = _after_measure(after, family, lex)
    if family == "money" and _PER_SHARE.match(after):
        after_found, is_open = "price per share", False
    measure = (
        (after_found if not is_open else "")
        or _before_measure(words, family, lex, 2)
        or attribute
        or after_found
        or _before_measure(words, family, lex, BEFORE_WORDS)
    )
    period = _row_period(text[line_start:start]) or n.period
    return ClaimKey(
        measure=measure,
        basis=basis,
        period="" if basis else period,
        status=_status(words + _noun_phrase(after, lex), lex),
        open=bool(measure) and measure not in lex.units and not known(measure),
    )
