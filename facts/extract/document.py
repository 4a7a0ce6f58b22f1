"""One article as every stage reads it: its text split once into paragraphs,
sentences, clauses and quoted passages.

    document_of(text) -> Document     the one Document of a text (cached)
    doc.sentence_at(offset) / doc.clause_at(offset) / doc.paragraph_at(offset)

All spans are (start, end) offsets into `doc.text`, sorted, never overlapping
(clauses lie inside sentences). Each split is made on first use and kept, so
the number grammar, attributes, attribution, checks, timelines and curation
agree on a figure's sentence and never split an article twice.

Clauses: a sentence is cut at ";", ": ", ", while", ", and" (not inside a
list) and unpaired dashes, so a cue in one clause never leaks into another.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

Spans = tuple[tuple[int, int], ...]
QUOTE_CHARS = 3000  # a quotation longer than this is a stray quote mark, not a quotation
# Longer than any sentence an editor lets through (news prose averages ~150
# characters); a run-on past it is cut so the work per figure stays bounded.
MAX_SENTENCE = 600
# A clause runs to the next ";", ", while", dash...: past this, a run of
# comma-spliced clauses ("A rose 3%, B fell 2%, ...") is cut at a comma.
MAX_CLAUSE = 250

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_QUOTES = re.compile(rf"“[^”]{{1,{QUOTE_CHARS}}}”|\"[^\"\n]{{1,{QUOTE_CHARS}}}\"")
_HARD = re.compile(r";|:\s|,\s+(?:while|whereas|but|although|though|yet)\b|\s(?:while|whereas)\s")
_AND = re.compile(r",\s+and\s")
_DASH = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+")
_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*")
_CLAUSE_CUT = re.compile(r"[,;]\s+")
_SPACE_CUT = re.compile(r"\s+")


# Abbreviations after which a full stop does not end a sentence.
_ABBREV = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc corp co ltd plc llc "
    "vs etc e.g i.e u.s u.k u.n no nos fig jan feb mar apr jun jul aug sep sept oct "
    "nov dec est approx mt ft ave".split()
)
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n""")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split `text` into sentences: (start, end) offsets, whitespace trimmed.

    Newlines end sentences too: articles from the web put headlines, captions
    and list items on lines of their own without a full stop. No sentence is
    longer than MAX_SENTENCE characters (see _bounded).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        if m.group()[:1] == "." and _is_abbreviation(text, m.start()):
            continue
        _push_bounded(text, start, end, spans)
        start = m.end()
    _push_bounded(text, start, len(text), spans)
    return spans


def _push_bounded(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    if end - start <= MAX_SENTENCE:
        _push(text, start, end, spans)
        return
    for a, b in _bounded(text, start, end):
        _push(text, a, b, spans)


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An over-long "sentence" in pieces a stage can afford: every stage reads
    a figure's sentence or clause, some pairwise, so its length bounds the
    work per figure. A run-on this long is rarely prose: a full stop after an
    abbreviation ("Corp. Then") ends a sentence after all, and a piece still
    too long is cut at its last comma or semicolon, else space, in the window."""
    pieces, pos = [], start
    for m in _BOUNDARY.finditer(text, start, end):  # only abbreviation stops are left inside
        pieces.append((pos, m.end()))
        pos = m.end()
    pieces.append((pos, end))
    return [w for a, b in pieces for w in _windows(text, a, b)]


def _windows(text: str, start: int, end: int, longest: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """text[start:end] cut into pieces of at most `longest` characters."""
    out = []
    while end - start > longest:
        low, limit = start + longest // 2, start + longest
        cut = _last_cut(_CLAUSE_CUT, text, low, limit) or _last_cut(_SPACE_CUT, text, low, limit) or limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _last_cut(pattern: re.Pattern[str], text: str, low: int, limit: int) -> int:
    last = 0
    for m in pattern.finditer(text, low, limit):
        last = m.end()
    return last


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # single capitals ("J. Smith") and known abbreviations
    return token in _ABBREV or (len(token) == 1 and token.isalpha())


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass(frozen=True, slots=True)
class Document:
    """One article's text and its splits, each computed once on first use."""

    text: str
    _sentences: list[Spans] = field(default_factory=list, init=False, repr=False, compare=False)
    _paragraphs: list[Spans] = field(default_factory=list, init=False, repr=False, compare=False)
    _quotes: list[Spans] = field(default_factory=list, init=False, repr=False, compare=False)
    _clauses: list[Spans] = field(default_factory=list, init=False, repr=False, compare=False)
    # clauses of any range asked for, by (start, end): stages ask for the same sentences
    _clauses_in: dict[tuple[int, int], Spans] = field(default_factory=dict, init=False, repr=False, compare=False)

    # A one-slot list per split keeps the dataclass frozen (the fields never
    # change) while the split inside is made lazily.
    @property
    def sentences(self) -> Spans:
        """Sentences: full stops (not after an abbreviation) and line ends."""
        if not self._sentences:
            self._sentences.append(tuple(split_sentences(self.text)))
        return self._sentences[0]

    @property
    def paragraphs(self) -> Spans:
        """Blocks between blank lines, whitespace trimmed."""
        if not self._paragraphs:
            self._paragraphs.append(_paragraphs(self.text))
        return self._paragraphs[0]

    @property
    def quotes(self) -> Spans:
        """Passages inside quotation marks, the marks included."""
        if not self._quotes:
            self._quotes.append(tuple((m.start(), m.end()) for m in _QUOTES.finditer(self.text)))
        return self._quotes[0]

    @property
    def clauses(self) -> Spans:
        """The clauses of every sentence, in order."""
        if not self._clauses:
            self._clauses.append(tuple(c for s, e in self.sentences for c in self.clauses_in(s, e)))
        return self._clauses[0]

    def clauses_in(self, start: int, end: int) -> Spans:
        """The clauses of text[start:end] read as one sentence."""
        found = self._clauses_in.get((start, end))
        if found is None:
            found = self._clauses_in[(start, end)] = _clauses(self.text, start, end)
        return found

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset`, else (offset, offset)."""
        return span_at(self.sentences, offset)

    def clause_at(self, offset: int) -> tuple[int, int]:
        """The clause holding `offset`, else (offset, offset)."""
        return span_at(self.clauses, offset)

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        """The paragraph holding `offset`, else (offset, offset)."""
        return span_at(self.paragraphs, offset)

    def quote_of(self, start: int, end: int) -> tuple[int, int] | None:
        """The quoted passage holding all of text[start:end], if any."""
        quotes = self.quotes
        i = bisect.bisect_right(quotes, start, key=_start) - 1
        if i >= 0 and quotes[i][0] <= start and end <= quotes[i][1]:
            return quotes[i]
        return None


@lru_cache(maxsize=2048)  # texts a corpus holds anyway; bounded across corpora
def document_of(text: str) -> Document:
    """The one Document of `text`. A build makes one per source through here,
    and stages given only a FactBase (checks, timelines, curation) find the
    same one, so an article is split once however many stages read it."""
    return Document(text)


def span_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span of sorted, disjoint `spans` holding `offset`, else (offset, offset)."""
    i = bisect.bisect_right(spans, offset, key=_start) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return (offset, offset)


def _start(span: tuple[int, int]) -> int:
    return span[0]


# ---------------------------------------------------------------- paragraphs
def _paragraphs(text: str) -> Spans:
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append(trimmed(text, start, m.start()))
        start = m.end()
    spans.append(trimmed(text, start, len(text)))
    return tuple((s, e) for s, e in spans if e > s)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the whitespace at its ends, as offsets. A
    byte-order mark counts as whitespace: the first word after it still
    starts its sentence."""
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


# ---------------------------------------------------------------- clauses
def _clauses(text: str, start: int, end: int) -> Spans:
    """The clauses of the sentence text[start:end] as absolute (start, end)."""
    sentence = text[start:end]
    cuts = [(m.start(), m.end()) for m in _HARD.finditer(sentence)]
    cuts += [(m.start(), m.end()) for m in _AND.finditer(sentence) if not _in_list(sentence, m.start())]
    cuts += _unpaired_dashes(sentence)
    spans, pos = [], 0
    for a, b in sorted(cuts):
        if a >= pos:
            spans.append((start + pos, start + a))
            pos = b
    spans.append((start + pos, end))
    bounded = (w for a, b in spans for w in (_windows(text, a, b, MAX_CLAUSE) if b - a > MAX_CLAUSE else [(a, b)]))
    return tuple((a, b) for a, b in bounded if b > a)


def _in_list(sentence: str, comma: int) -> bool:
    # "Acme, Globex, and Initech": a short item before ", and" is a list, not a clause
    prev = sentence.rfind(",", 0, comma)
    if prev < 0:
        return False
    item = sentence[prev + 1 : comma]
    if re.match(r"\s*(?:and|or)\b", item):
        return False  # "..., and Pixel Corp, and the market ...": the list ended
    return len(_TOKEN.findall(item)) <= 4


def _unpaired_dashes(sentence: str) -> list[tuple[int, int]]:
    # "an investment—potentially over $10 billion—to acquire" is one clause with an aside
    dashes = [(m.start(), m.end()) for m in _DASH.finditer(sentence) if not sentence[m.start() : m.end()].isspace()]
    cuts, i = [], 0
    while i < len(dashes):
        if i + 1 < len(dashes):
            aside = sentence[dashes[i][1] : dashes[i + 1][0]]
            if len(_TOKEN.findall(aside)) <= 8 and not _HARD.search(aside):
                i += 2
                continue
        cuts.append(dashes[i])
        i += 1
    return cuts
