"""What each number is about: attribute, subject and period, from the words around it.

Work clause by clause (the article's Document cuts its sentences into
clauses), so a cue in one clause never leaks into another. Within a clause the
cue nearest to the number wins; commas, dashes and other numbers in between
make a cue farther. The cue lists are data:
facts/lexicon/attributes.yaml.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache

from facts.analyse.mentions import ArticleMentions, Mention
from facts.extract.document import Document
from facts.lexicon import load_model
from facts.lexicon.models import Attribute, AttributesLexicon
from facts.model import NON_MONEY_UNITS, Entity, Number
from facts.text import words_re

DURATIONS = frozenset({"days", "weeks", "months", "years"})
PERIODIC = frozenset({"money", "percent", "count", "multiplier"})
INF = float("inf")
PERSON_ATTRIBUTES = frozenset({"age", "age at founding"})


def unit_family(unit: str) -> str:
    """money (any currency code), duration, or the unit itself."""
    if unit in DURATIONS:
        return "duration"
    return unit if unit in NON_MONEY_UNITS else "money"


# ---------------------------------------------------------------- lexicon
@dataclass(frozen=True, slots=True)
class AttributeSpec:
    name: str
    units: frozenset[str]
    event: bool = False
    time_relative: bool = False
    deal: bool = False
    conflicts: bool = True
    counted: bool = False  # a counted noun ("annotators"), not a lexicon attribute


@dataclass(frozen=True, slots=True)
class _Lexicon:
    specs: dict[str, AttributeSpec]
    cue_re: re.Pattern[str]
    cue_map: dict[str, tuple[str, ...]]  # normalised cue -> attributes, lexicon order
    founding_re: re.Pattern[str]
    count_nouns: dict[str, str]
    count_stop: frozenset[str]
    stop: frozenset[str]
    investee: frozenset[str]
    approx: float
    max_distance: float
    period_block: re.Pattern[str]


def _spec(name: str, raw: Attribute) -> AttributeSpec:
    return AttributeSpec(
        name=name,
        units=frozenset(raw.units),
        event=raw.event,
        time_relative=raw.time_relative,
        deal=raw.deal,
        conflicts=raw.conflicts,
    )


@cache
def _lexicon() -> _Lexicon:
    raw = load_model("attributes", AttributesLexicon)
    specs = {name: _spec(name, body) for name, body in {**raw.attributes, **raw.special}.items()}
    cue_map: dict[str, list[str]] = {}
    for name, cued in raw.attributes.items():
        for cue in cued.cues:
            cue_map.setdefault(" ".join(cue.lower().split()), []).append(name)
    return _Lexicon(
        specs=specs,
        cue_re=words_re(list(cue_map)),
        cue_map={k: tuple(v) for k, v in cue_map.items()},
        founding_re=words_re(list(raw.founding)),
        count_nouns=dict(raw.count_nouns),
        count_stop=frozenset(raw.count_stop),
        stop=frozenset(raw.stopwords),
        investee=frozenset(raw.investee_nouns),
        approx=raw.approx_tolerance,
        max_distance=raw.max_distance,
        period_block=words_re(list(raw.period_blockers)),
    )


def spec(attribute: str) -> AttributeSpec:
    """What the lexicon says of an attribute; counted nouns ("annotators") are
    time-relative counts."""
    found = _lexicon().specs.get(attribute)
    return found or AttributeSpec(attribute, frozenset({"count"}), time_relative=True, counted=True)


def cue_attributes(cue: str) -> tuple[str, ...]:
    """The attributes a cue word names ('investment' -> deal value), lexicon order."""
    return _lexicon().cue_map.get(" ".join(cue.lower().split()), ())


def known(attribute: str) -> bool:
    """An attribute of the lexicon (not a counted noun)."""
    return attribute in _lexicon().specs


def approx_tolerance() -> float:
    return _lexicon().approx


# ---------------------------------------------------------------- distances
_DASH = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+")
_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*")
_COMMA = re.compile(r"[,(]\s|\)")


def _gap(text: str, a: int, b: int, stop: frozenset[str]) -> float:
    """How far apart two places in one clause read: words (not stopwords),
    plus a penalty for each comma or bracket and each dash in between."""
    if b <= a:
        return 0.0
    seg = text[a:b]
    words = sum(1 for w in _TOKEN.findall(seg) if w.lower() not in stop)
    return words + 3 * len(_COMMA.findall(seg)) + 3 * len(_DASH.findall(seg))


_LIST_GLUE = re.compile(r"\s*(,|,?\s+and|,?\s+or|&)\s+(?:the\s+)?", re.IGNORECASE)


def _mark_lists(text: str, mentions: list[Mention]) -> None:
    """Mark the items of 'A, B and C' / 'A and B': a chain of mentions joined by
    commas or a conjunction, three long or joined by 'and'/'or'."""
    chain: list[Mention] = []
    conjunction = False
    previous: Mention | None = None
    for m in mentions:
        if previous is not None and m.start < previous.end:
            continue  # nested in the previous mention
        glue = (
            _LIST_GLUE.fullmatch(text, previous.end, m.start)
            if previous is not None and m.start - previous.end <= 12
            else None
        )
        if glue:
            chain.append(m)
            conjunction = conjunction or glue.group(1) != ","
        else:
            _close_list(chain, conjunction)
            chain, conjunction = [m], False
        previous = m
    _close_list(chain, conjunction)


def _close_list(chain: list[Mention], conjunction: bool) -> None:
    if len(chain) >= 3 or (len(chain) == 2 and conjunction):
        for m in chain:
            m.listed = True


# ---------------------------------------------------------------- attributes
@dataclass(slots=True)
class _Clause:
    start: int
    end: int
    cues: list[tuple[int, int, str]]  # (start, end, normalised cue)
    numbers: list[Number]


class _Article:
    """One article's Document and entity mentions."""

    def __init__(self, doc: Document, index: ArticleMentions) -> None:
        self.doc, self.text = doc, doc.text
        self.lex = _lexicon()
        self.index = index
        self.mentions, self.starts = self.index.mentions, self.index.starts
        _mark_lists(doc.text, self.mentions)

    def sentence_of(self, n: Number) -> tuple[int, int]:
        # The real sentence, not `n.sentence`: that is a window capped for
        # display, and on a megabyte-long "sentence" the windows of
        # neighbouring numbers overlap many times over.
        found = self.doc.sentence_at(n.span.start)
        return found if found[1] > found[0] else (n.span.start, n.span.end)

    def clause(self, start: int, end: int, numbers: list[Number], starts: list[int]) -> _Clause:
        """`numbers` sorted by start, `starts` their starts: bisect, so a
        sentence of thousands of clauses stays linear."""
        cues = [
            (m.start(), m.end(), " ".join(m.group().lower().split()))
            for m in self.lex.cue_re.finditer(self.text, start, end)
        ]
        inside = numbers[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        return _Clause(start, end, cues, inside)

    def gap(self, a: int, b: int, clause: _Clause, family: str, skip: Number | None = None) -> float:
        crossed = sum(
            1
            for n in clause.numbers
            if n is not skip and a <= n.span.start and n.span.end <= b and unit_family(n.unit) == family
        )
        return _gap(self.text, a, b, self.lex.stop) + 3 * crossed

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return self.index.within(start, end)

    def last_mention_before(self, offset: int, kinds: frozenset[str]) -> Mention | None:
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            if self.mentions[i].kind in kinds and not self.mentions[i].listed:
                return self.mentions[i]
            i -= 1
        return None


def _cue_attribute(art: _Article, n: Number, clause: _Clause, family: str) -> tuple[str, float, str]:
    """The best (attribute, distance, cue word) among the cues of the clause."""
    best = ("", float("inf"), "")
    for cs, ce, cue in clause.cues:
        if cs < n.span.end and ce > n.span.start:
            continue
        if ce <= n.span.start and _unit_of_figure_before(art.text, cs, cue):
            continue  # "430p per share, or about £2.3bn": the cue is the first figure's unit
        names = [a for a in art.lex.cue_map.get(cue, ()) if family in art.lex.specs[a].units]
        if not names:
            continue
        if ce <= n.span.start:
            d = art.gap(ce, n.span.start, clause, family, n)
        else:
            d = art.gap(n.span.end, cs, clause, family, n) + 0.5  # ties go to the cue before
        if d < best[1]:
            best = (names[0], d, cue)
    return best


_FIGURE_END = re.compile(r"[0-9][\w.,]*(?:\s+(?:pence|cents?|p))?\s*$")
_PER_UNIT = re.compile(r"(?:per|a|an|each)\s", re.IGNORECASE)


def _unit_of_figure_before(text: str, start: int, cue: str) -> bool:
    """Whether `cue` is a per-unit phrase written right after a figure ("$45 a share")."""
    return bool(_PER_UNIT.match(cue)) and bool(_FIGURE_END.search(text, max(0, start - 24), start))


_FOR_PRICE = re.compile(
    r"\bfor\s+(?:(?:about|around|roughly|nearly|some|almost|approximately|just|only|over|more\s+than|"
    r"less\s+than|under|up\s+to|an\s+estimated|a\s+reported)\s+)*$",
    re.IGNORECASE,
)
_PER = re.compile(r"[\s-]*(?:per|a|an|each)[\s-]+([a-z]+)", re.IGNORECASE)  # "$20-a-share" too
_SHARE_PRICE_OR = re.compile(
    r"[0-9][\w.,]*(?:\s+(?:pence|cents?))?\s+(?:per|a|each)\s+share\s*,?\s+or\s+"
    r"(?:(?:about|around|roughly|nearly|some|almost|approximately|just|over|more\s+than|a\s+total\s+of)\s+)*$",
    re.IGNORECASE,
)
_PER_TIME = frozenset({"year", "annum", "month", "quarter", "week", "day", "decade"})
_INVEST_IN = re.compile(r"\s+(?:in|into)\s+(?:(?:the|a|an|its|their)\s+)?([\w’'-]+)")


def _money_attribute(art: _Article, n: Number, clause: _Clause) -> tuple[str, float, str]:
    text = art.text
    per = _PER.match(text, n.span.end, min(len(text), n.span.end + 30))
    if per and per.group(1).lower() not in _PER_TIME:  # "£75m a year" is a yearly sum, not a unit's price
        return ("price per share", 0.0, "") if per.group(1).lower() == "share" else ("unit price", 0.0, "")
    if _SHARE_PRICE_OR.search(text, max(clause.start, n.span.start - 60), n.span.start):
        return ("deal value", 0.0, "or")  # "$54.20 a share, or about $44 billion": the same price, in all
    best = _cue_attribute(art, n, clause, "money")
    if _FOR_PRICE.search(text, max(clause.start, n.span.start - 60), n.span.start):
        s, e = art.sentence_of(n)
        deal_cues = {c for c, names in art.lex.cue_map.items() if "deal value" in names}
        if any(m.group().lower() in deal_cues for m in art.lex.cue_re.finditer(text, s, e)):
            return ("deal value", 0.0, "for")
    if best[0] == "valuation" and _market_before(art, n, clause, best[2]):
        return ("market size", best[1], best[2])  # "the market ... expected to be worth $X"
    if best[0] == "cost" and _deal_cue_before(art, n, clause):
        return ("deal value", best[1], best[2])  # "the acquisition of X cost $Y" is its price
    if best[0] == "deal value" and best[2].startswith("invest") and _spent_in_things(art, n):
        return ("spending", best[1], best[2])
    return best


def _market_before(art: _Article, n: Number, clause: _Clause, cue: str) -> bool:
    if cue not in ("worth", "value", "valued"):
        return False
    return any(ce <= n.span.start and "market size" in art.lex.cue_map.get(c, ()) for _, ce, c in clause.cues)


def _deal_cue_before(art: _Article, n: Number, clause: _Clause) -> bool:
    return any(
        ce <= n.span.start
        and "deal value" in art.lex.cue_map.get(cue, ())
        and art.gap(ce, n.span.start, clause, "money", n) <= art.lex.max_distance
        for _, ce, cue in clause.cues
    )


def _spent_in_things(art: _Article, n: Number) -> bool:
    """'invest $1 billion in training': money spent on things, not a stake in a company."""
    m = _INVEST_IN.match(art.text, n.span.end, min(len(art.text), n.span.end + 60))
    if not m:
        return False
    word = m.group(1)
    if word[:1].isupper() or word.lower() in art.lex.investee:
        return False
    return not art.mentions_in(m.start(1), m.end(1) + 1)


def _count_attribute(art: _Article, n: Number) -> str:
    """'1,500-person team' -> team size; '500,000 annotators' -> annotators."""
    lex, text = art.lex, art.text
    tail = text[n.span.end : n.span.end + 60]
    hyphen = re.match(r"-([a-z]+)", tail)
    if hyphen:
        return lex.count_nouns.get(hyphen.group(1).lower(), "")
    words: list[str] = []
    for m in re.finditer(r"\S+", tail):
        w = m.group()
        clean = w.strip(".,;:!?)(\"'“”‘’")
        if not clean.isalpha() or not clean.islower() or clean in lex.count_stop:
            break
        words.append(clean)
        if len(words) == 3 or clean != w:
            break
    if not words:
        return ""
    if len(words) == 1 and words[0] in lex.count_nouns:
        return lex.count_nouns[words[0]]
    return " ".join(words)


_THEN = re.compile(r"\bthen\b[^,.;]*$", re.IGNORECASE)  # "then-19-year-old", "then aged 27", "then at the age of 35"


def _age_attribute(art: _Article, n: Number, clause: _Clause) -> str:
    """age at founding ('then-19-year-old', 'at 17 to found') or current age."""
    text, lex = art.text, art.lex
    then = bool(_THEN.search(text, max(clause.start, n.span.start - 24), n.span.start))
    after = lex.founding_re.search(text, n.span.end, clause.end)
    if after and _gap(text, n.span.end, after.start(), lex.stop) <= 2:
        return "age at founding"
    before = [m for m in lex.founding_re.finditer(text, clause.start, n.span.start)]
    if before and _gap(text, before[-1].end(), n.span.start, lex.stop) <= (10 if then else 3):
        return "age at founding"
    if then:  # an age at some past event that is not named well enough
        return ""
    return "age"


def _year_attribute(art: _Article, n: Number, clause: _Clause) -> str:
    # "founded in 2016", "established in 2016 with its headquarters", "Founded in 2016 by"
    before = [m for m in art.lex.founding_re.finditer(art.text, clause.start, n.span.start)]
    if before and _gap(art.text, before[-1].end(), n.span.start, art.lex.stop) <= 1:
        return "founding year"
    return ""


def _attribute(art: _Article, n: Number, clause: _Clause) -> str:
    family = unit_family(n.unit)
    if family == "age":
        return _age_attribute(art, n, clause)
    if family == "year":
        return _year_attribute(art, n, clause)
    if family == "count":
        return _count_attribute(art, n)
    if family == "duration":  # a generic duration, unless a cue names it ("expected to close within 12 months")
        name, distance, _ = _cue_attribute(art, n, clause, family)
        return name if name and distance <= art.lex.max_distance else "duration"
    if family == "money":
        name, distance, _ = _money_attribute(art, n, clause)
    else:
        name, distance, _ = _cue_attribute(art, n, clause, family)
    if distance > art.lex.max_distance:
        return "stake" if family == "percent" and _of_company(art, n) else ""
    if name == "growth" and any("revenue" in art.lex.cue_map.get(c, ()) for _, _, c in clause.cues):
        return "revenue growth"
    return name


_OF = re.compile(r"\s+of\s+(?:the\s+)?")


def _of_company(art: _Article, n: Number) -> bool:
    """'a deal for 49% of ACME': a share of a company, not of its sales ('40% of ACME's revenue')."""
    of = _OF.match(art.text, n.span.end, min(len(art.text), n.span.end + 12))
    if of is None:
        return False
    org = _mention_at(art, of.end())
    return org is not None and org.kind in _ORG_KINDS and not _POSSESSIVE_AFTER.match(art.text, org.end)


def _mention_at(art: _Article, start: int) -> Mention | None:
    """The name that starts exactly at `start` ("49% of |ACME", "positions at |ACME")."""
    return next((m for m in art.mentions_in(start, start + _NAME_MAX) if m.start == start), None)


_POSSESSIVE_AFTER = re.compile(r"['’]s?(?!\w)")
_NAME_MAX = 80  # characters of a company's name after "of"
_FRAMING = re.compile(r"\s*(?:in|during|for)\s+(?:fiscal\s+|the\s+year\s+)?", re.IGNORECASE)
_FROM_TO = re.compile(r"\b(?:from|to)\s+$", re.IGNORECASE)


def _inherit_from_to(art: _Article, clause: _Clause) -> None:
    """'valuation rose from $2 billion in 2022 to $7 billion', 'grew to $520
    million, up from $410 million': a figure after 'from'/'to' with no cue of
    its own is the same attribute as the figure before it."""
    previous: dict[str, Number] = {}
    for n in sorted(clause.numbers, key=lambda n: n.span.start):
        family = unit_family(n.unit)
        first = previous.get(family)
        if (
            first is not None
            and first.attribute
            and not n.attribute
            and _FROM_TO.search(art.text, max(clause.start, n.span.start - 8), n.span.start)
            and art.gap(first.span.end, n.span.start, clause, family) <= art.lex.max_distance
        ):
            n.attribute = first.attribute
        if family != "year":
            previous[family] = n


# ---------------------------------------------------------------- subjects
_ORG_KINDS = frozenset({"organisation"})
_AGENT_BEFORE = re.compile(r"\b(?:led|co-led|backed|headed|underwritten)\s+by\s+$", re.IGNORECASE)
_PERSON_KINDS = frozenset({"person"})
_POSSESSIVE = re.compile(r"['’]s?\s*$")


def _nearest(art: _Article, n: Number, start: int, end: int, kinds: frozenset[str]) -> Mention | None:
    best, best_d = None, float("inf")
    for m in art.mentions_in(start, end):
        if m.kind not in kinds or m.listed or (m.start < n.span.end and m.end > n.span.start):
            continue
        if m.end <= n.span.start:
            between = art.text[m.end : n.span.start]
            d = (
                -1.0
                if _POSSESSIVE.match(between) and len(between) <= 3
                else _gap(art.text, m.end, n.span.start, art.lex.stop)
            )
        elif _AGENT_BEFORE.search(art.text, max(0, m.start - 16), m.start):
            continue  # "raised $300m in a round led by Acme Ventures": the investor, not the one raising
        else:
            d = _gap(art.text, n.span.end, m.start, art.lex.stop) + 2  # what a figure is about is usually named first
        if d < best_d:
            best, best_d = m, d
    return best


def _subject(art: _Article, n: Number, clause: _Clause) -> str:
    person = n.attribute in PERSON_ATTRIBUTES or unit_family(n.unit) == "age"
    kinds = _PERSON_KINDS if person else _ORG_KINDS
    if unit_family(n.unit) == "count" and (at := _COUNTED_AT.match(art.text, n.span.end, n.span.end + 40)):
        # "shed 2,500 positions at Kraven": the company the counted things belong to
        org = _mention_at(art, at.end())
        if org is not None and org.kind in kinds:
            return org.entity
    found = _nearest(art, n, clause.start, clause.end, kinds)
    if found is None and (person or n.attribute == "founding year"):
        s, e = art.sentence_of(n)
        found = _nearest(art, n, s, e, kinds) or art.last_mention_before(s, kinds)
    return found.entity if found else ""


# ---------------------------------------------------------------- periods
def _assign_periods(art: _Article, clause: _Clause) -> None:
    """Each year in a clause belongs to the figure nearest to it, if close and
    not across a verb: 'from $14 billion in 2024 to $29 billion' gives 2024 to
    the first only; 'by 2026 could render the $29 billion' gives it to none.
    A clause opening 'In 2024, ...' frames all its figures."""
    years = [n for n in clause.numbers if n.unit == "year" and n.attribute != "founding year"]
    targets = [n for n in clause.numbers if unit_family(n.unit) in PERIODIC]
    if not years or not targets:
        return
    best: dict[int, float] = {}
    for y in years:
        if not isinstance(y.value, float | int):
            continue
        t = min(targets, key=lambda t: _span_distance(t, y))
        a, b = sorted((t.span, y.span), key=lambda s: s.start)
        d = _gap(art.text, a.end, b.start, art.lex.stop)
        if d <= 4 and d < best.get(id(t), INF) and not art.lex.period_block.search(art.text, a.end, b.start):
            best[id(t)] = d
            t.period = str(int(y.value))
    for y in years:
        if _FRAMING.fullmatch(art.text, clause.start, y.span.start) and art.text.startswith(",", y.span.end):
            for t in targets:
                t.period = t.period or str(int(y.value))
        elif head := _YEAR_BEFORE_NOUN.match(art.text, y.span.end):
            # "its 2024 revenue rose 6% to $655m": the year names the period of that measure in the clause
            names = art.lex.cue_map.get(head.group(1).lower(), ())
            for t in targets:
                if not t.period and t.span.start > y.span.end and t.attribute.startswith(tuple(names) or ("\0",)):
                    t.period = str(int(y.value))
    _growth_periods(art, targets)


_COUNTED_AT = re.compile(r"[ \t]+(?:[A-Za-z-]+[ \t]+){0,2}?(?:at|of)[ \t]+(?:the[ \t]+)?")
_YEAR_BEFORE_NOUN = re.compile(r"[ \t]+(?:full-year[ \t]+|annual[ \t]+)?([A-Za-z][\w-]*)")


def _growth_periods(art: _Article, targets: list[Number]) -> None:
    """'$640 million in 2024, up 8% from a year earlier': a change right after a
    figure of a period is of that period."""
    ordered = sorted(targets, key=lambda n: n.span.start)
    for before, n in itertools.pairwise(ordered):
        if n.period or not before.period or not n.attribute.endswith("growth"):
            continue
        if _gap(art.text, before.span.end, n.span.start, art.lex.stop) <= 3:
            n.period = before.period


def _span_distance(a: Number, b: Number) -> int:
    return max(b.span.start - a.span.end, a.span.start - b.span.end, 0)


# ---------------------------------------------------------------- entry point
def annotate(
    numbers: list[Number], doc: Document, entities: list[Entity], mentions: ArticleMentions | None = None
) -> None:
    """Set `attribute`, `subject` and `period` of the numbers of ONE article;
    `mentions`, the article's entity mentions when the build has them indexed."""
    if not numbers:
        return
    art = _Article(doc, mentions or ArticleMentions.of(entities, numbers[0].span.source, len(doc.text)))
    by_sentence: dict[tuple[int, int], list[Number]] = {}
    for n in numbers:
        by_sentence.setdefault(art.sentence_of(n), []).append(n)
    for (s, e), members in by_sentence.items():
        members.sort(key=lambda n: n.span.start)
        starts = [n.span.start for n in members]
        for cs, ce in doc.clauses_in(min(s, starts[0]), max(e, max(n.span.end for n in members))):
            clause = art.clause(cs, ce, members, starts)
            for n in clause.numbers:
                if n.provenance == "auto":
                    n.attribute = _attribute(art, n, clause)
                    n.subject = _subject(art, n, clause)
            _inherit_from_to(art, clause)
            _assign_periods(art, clause)
