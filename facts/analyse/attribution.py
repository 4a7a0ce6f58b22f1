"""Who says each claim, and how independent the sources of a figure are.

    attribute_numbers(numbers, text, entities=None)  sets Number.attribution for ONE article
    origins(claims)         the distinct independent origins behind claims (labels for people)
    sourcing(claims)        a score: how well these claims are sourced (higher is better)
    conflict_sourcing(c)    per value of a conflict: (value label, origins, score), best sourced first
    rank_conflicts(cs)      conflicts whose both sides are well sourced first

Attribution is read from the words of a number's sentence: a lead-in ("According
to X, ...") governs the whole sentence; otherwise the cue nearest to the number
wins. A number inside a quotation belongs to the quoted speaker. Entity mentions
(when given) name the origin and tell a person from a company or a publication.
The cue words are data: facts/lexicon/attribution.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from facts.analyse.mentions import ArticleMentions, Mention
from facts.extract.document import Document
from facts.labels import claim_label
from facts.lexicon import load_model
from facts.lexicon.models import AttributionLexicon, EntitiesLexicon
from facts.model import Attribution, AttributionKind, Claim, Conflict, Entity, Number, Span
from facts.text import fold, words_re

LEAD_WORDS = 3  # "But according to X, ...": a cue this close to the sentence start governs it
REGION_CHARS = 160  # how far the origin after "according to" may run
SPEAKER_CHARS = 90  # how far before or after a quotation its speaker may stand
ACTOR_CHARS = 160  # how far before its verb a speaker (with an apposition) may start
COLON_GAP = 3  # "X said:" — the cue ends this close to the colon that ends its sentence
PRONOUN_LOOKBACK = 40  # mentions read back to find whom "he said" means


# ---------------------------------------------------------------- lexicon
@dataclass(frozen=True, slots=True)
class _Lex:
    anonymous: re.Pattern[str]
    hearsay: re.Pattern[str]
    official: re.Pattern[str]
    official_actor: re.Pattern[str]  # anchored at the end of the text before a verb
    speech: re.Pattern[str]
    official_verbs: frozenset[str]
    outlet_verbs: frozenset[str]
    fillers: frozenset[str]
    pronouns: frozenset[str]
    quantity: re.Pattern[str]  # anchored at the end: "two " before "informed sources"
    anonymous_nouns: frozenset[str]
    hearsay_nouns: frozenset[str]
    publications: re.Pattern[str]
    openers: frozenset[str]
    weights: dict[str, float]


@cache
def _lex() -> _Lex:
    raw = load_model("attribution", AttributionLexicon)
    ent = load_model("entities", EntitiesLexicon)
    actors = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in raw.official_actors)
    quantities = "|".join(re.escape(q) for q in raw.quantities)
    return _Lex(
        anonymous=words_re(raw.anonymous),
        hearsay=words_re(raw.hearsay),
        official=words_re(raw.official),
        official_actor=re.compile(rf"(?<![\w-])(?:{actors})\s*$", re.IGNORECASE),
        speech=words_re(raw.speech_verbs),
        official_verbs=frozenset(raw.official_verbs),
        outlet_verbs=frozenset(raw.outlet_verbs),
        fillers=frozenset(raw.speech_fillers),
        pronouns=frozenset(p.lower() for p in raw.pronouns),
        quantity=re.compile(rf"(?<![\w-])(?:(?:{quantities}|\d+)\s+)$", re.IGNORECASE),
        anonymous_nouns=frozenset(raw.anonymous_nouns),
        hearsay_nouns=frozenset(raw.hearsay_nouns),
        publications=words_re(ent.publications, 0),
        openers=frozenset(w.lower() for w in ent.openers),
        weights={str(k): v for k, v in raw.weights.items()},
    )


# ---------------------------------------------------------------- one article
@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    kind: AttributionKind
    origin: str
    entity: str = ""
    lead: bool = False  # governs the whole sentence


_NAME_AT_END = re.compile(r"((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)\s*$")
_NAME_AT_START = re.compile(r"^\s*((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)")
_WORD = re.compile(r"[\w'’-]+")


_VOICE_OF_KIND: dict[str, AttributionKind] = {"person": "speaker", "organisation": "official"}


class _Article:
    def __init__(self, doc: Document, source: str, index: ArticleMentions) -> None:
        self.doc, self.text, self.source, self.lex = doc, doc.text, source, _lex()
        self.index = index
        self.mentions = self.index.mentions
        self.by_end = {m.end: m for m in self.mentions}
        self._speakers: dict[tuple[int, int], _Cue | None] = {}
        self._names: dict[str, str] | None = None  # entity id -> its longest form here
        self._surnames: dict[str, str] | None = None  # a person's last word -> entity id, when one only

    def span(self, start: int, end: int) -> Span:
        return Span(source=self.source, start=start, end=end, text=self.text[start:end])

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return self.index.within(start, end)

    def name_of(self, entity: str) -> str:
        """The longest form of a person's name written in this article."""
        if self._names is None:
            self._index_people()
        return (self._names or {}).get(entity, "")

    def person_with_surname(self, word: str) -> str:
        """The one person of this article whose name ends with `word` ("" none, or several)."""
        if self._surnames is None:
            self._index_people()
        return (self._surnames or {}).get(fold(word), "")

    def _index_people(self) -> None:
        names: dict[str, str] = {}
        for m in self.mentions:
            if m.kind == "person" and len(self.text[m.start : m.end]) > len(names.get(m.entity, "")):
                names[m.entity] = self.text[m.start : m.end]
        surnames: dict[str, set[str]] = {}
        for entity, name in names.items():
            surnames.setdefault(fold(name.split()[-1]), set()).add(entity)
        self._names = names
        self._surnames = {w: next(iter(ids)) for w, ids in surnames.items() if len(ids) == 1}

    def last_person(self, pos: int) -> Mention | None:
        """The person named last before `pos` (a bounded look back): whom 'he said' means."""
        i = bisect.bisect_left(self.index.starts, pos) - 1
        for m in reversed(self.mentions[max(0, i - PRONOUN_LOOKBACK) : i + 1]):
            if m.kind == "person" and m.end <= pos:
                return m
        return None


# ---------------------------------------------------------------- actors
@dataclass(frozen=True, slots=True)
class _Actor:
    start: int
    name: str
    entity: str
    kind: str  # an entity kind, "official" (the company), or "" (a capitalised name)


def _named(art: _Article, start: int, end: int) -> _Actor | None:
    """The name text[start:end] as an actor: an entity mention ending there, else
    the capitalised words, openers ("The", "But") dropped."""
    m = art.by_end.get(end)
    if m is not None and m.start >= start:
        return _Actor(m.start, art.text[m.start : m.end], m.entity, m.kind)
    found = _NAME_AT_END.search(art.text, start, end)
    if not found:
        return None
    at, words = found.start(1), found.group(1).split(" ")
    while words and words[0].lower().strip(".,") in art.lex.openers:
        at += len(words.pop(0)) + 1
    if not words:
        return None
    person = art.person_with_surname(words[-1]) if len(words) == 1 else ""
    if person:  # "Doe said", after "Jane Doe" was named: the same speaker
        return _Actor(at, art.name_of(person), person, "person")
    return _Actor(at, " ".join(words), "", "")


def _pronoun(art: _Article, start: int, end: int) -> _Actor | None:
    """'he' / 'she' at text[start:end]: the person named last before it."""
    if art.text[start:end].lower() not in art.lex.pronouns or (start and art.text[start - 1].isalnum()):
        return None
    m = art.last_person(start)
    if m is None:
        return None
    return _Actor(start, art.name_of(m.entity) or art.text[m.start : m.end], m.entity, "person")


def _actor_before(art: _Article, pos: int, floor: int) -> _Actor | None:
    """Who speaks in 'NAME said', 'NAME, the CEO, said', 'the company has said'."""
    text = art.text
    floor = max(floor, pos - ACTOR_CHARS)
    end = _strip_fillers(text, floor, pos, art.lex.fillers)
    if end <= floor:
        return None
    word = _LAST_WORD.search(text, max(floor, end - 4), end)
    if word and (he := _pronoun(art, word.start(1), word.end(1))):
        return he
    official = art.lex.official_actor.search(text, max(floor, end - 40), end)
    if official:
        return _Actor(official.start(), " ".join(official.group().split()), "", "official")
    if text[end - 1] == ",":  # an apposition: "NAME, the CEO," or "The CEO, NAME,"
        prev = text.rfind(",", max(floor, end - 100), end - 1)
        if prev < 0:
            return None
        inner = _named(art, prev + 1, end - 1)
        if inner and inner.name and text[prev + 1 : end - 1].strip() == inner.name:
            return inner
        return _named(art, floor, len(text[floor:prev].rstrip()) + floor)
    return _named(art, floor, end)


_LAST_WORD = re.compile(r"([\w'’-]+)$")


def _strip_fillers(text: str, floor: int, end: int, fillers: frozenset[str]) -> int:
    """`end` moved back over spaces and filler words ('has', 'later')."""
    while True:
        end = floor + len(text[floor:end].rstrip())
        m = _LAST_WORD.search(text[max(floor, end - 20) : end])
        if not m or m.group(1).lower() not in fillers:
            return end
        end -= len(m.group(1))


def _kind(actor: _Actor, verb: str, lex: _Lex) -> AttributionKind:
    if actor.kind == "person":
        return "speaker"
    if actor.kind in ("organisation", "official"):
        return "official"
    if actor.kind == "publication" or lex.publications.fullmatch(actor.name):
        return "outlet"
    if verb in lex.official_verbs:
        return "official"
    return "outlet" if verb in lex.outlet_verbs else "speaker"


# ---------------------------------------------------------------- cues of a sentence
_ACCORDING = re.compile(r"(?<![\w-])according\s+to\s+", re.IGNORECASE)
_EXTEND = re.compile(r",\s+(?:such\s+as|including|like|notably|namely)\s", re.IGNORECASE)


def _region_end(text: str, start: int, end: int) -> int:
    """Where the origin after 'according to' stops: the next comma (a list after
    'such as' belongs to it), else the clause."""
    limit = min(end, start + REGION_CHARS)
    pos = start
    while True:
        comma = text.find(",", pos, limit)
        if comma < 0:
            return limit
        if not _EXTEND.match(text, comma):
            return comma
        pos = comma + 1


def _publications(art: _Article, start: int, end: int) -> list[tuple[str, str]]:
    """(name, entity id) of the publications named in text[start:end]."""
    found = [(art.text[m.start : m.end], m.entity) for m in art.mentions_in(start, end) if m.kind == "publication"]
    if not found:
        found = [(m.group(), "") for m in art.lex.publications.finditer(art.text, start, end)]
    return list(dict.fromkeys(found))


def _according(art: _Article, start: int, a: int, b: int) -> _Cue | None:
    """Classify the origin text[a:b] after 'according to' (at `start`)."""
    lex, text = art.lex, art.text
    region = text[a:b]
    words = {w.lower() for w in _WORD.findall(region)}
    pubs = _publications(art, a, b)
    if pubs:
        return _Cue(start, b, "outlet", ", ".join(n for n, _ in pubs), pubs[0][1])
    if lex.official.search(region):
        return _Cue(start, b, "official", " ".join(region.split()))
    if words & lex.anonymous_nouns or lex.anonymous.search(region):
        return _Cue(start, b, "anonymous", " ".join(region.split()))
    if words & lex.hearsay_nouns:
        return _Cue(start, b, "hearsay", " ".join(region.split()))
    actor = _named(art, a, len(region.rstrip()) + a)
    if actor is None or not actor.name:
        return _Cue(start, b, "hearsay", " ".join(region.split()))
    kind = _VOICE_OF_KIND.get(actor.kind, "outlet")
    return _Cue(start, b, kind, actor.name, actor.entity)


class _Used:
    """Stretches of a sentence already read as a cue, so a phrase inside one
    ("sources" in "according to two sources") is not read again; sorted, so a
    sentence of thousands of cues stays linear-logarithmic."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, a: int, b: int) -> None:
        bisect.insort(self.spans, (a, b))

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.spans, (pos, float("inf")))
        return i > 0 and self.spans[i - 1][0] <= pos < self.spans[i - 1][1]


def _sentence_cues(art: _Article, s: int, e: int) -> list[_Cue]:
    lex, text = art.lex, art.text
    cues: list[_Cue] = []
    used = _Used()
    pubs: list[tuple[str, str]] | None = None
    for m in _ACCORDING.finditer(text, s, e):
        b = _region_end(text, m.end(), e)
        cue = _according(art, m.start(), m.end(), b)
        if cue:
            cue.lead = len(_WORD.findall(text, s, min(m.start(), s + 80))) < LEAD_WORDS
            cues.append(cue)
            used.add(m.start(), b)
    for m in lex.anonymous.finditer(text, s, e):
        if m.start() not in used:
            q = lex.quantity.search(text, max(s, m.start() - 12), m.start())
            a = q.start() if q else m.start()
            cues.append(_Cue(a, m.end(), "anonymous", " ".join(text[a : m.end()].split())))
            used.add(a, m.end())
    for m in lex.official.finditer(text, s, e):
        if m.start() not in used:
            actor = _actor_before(art, m.start(), s)
            if actor:
                cues.append(_Cue(min(actor.start, m.start()), m.end(), "official", actor.name, actor.entity))
            else:
                cues.append(_Cue(m.start(), m.end(), "official", " ".join(m.group().split())))
            used.add(m.start(), m.end())
    for m in lex.speech.finditer(text, s, e):
        if m.start() not in used:
            actor = _actor_before(art, m.start(), s)
            if actor and actor.name:
                kind = _kind(actor, m.group().lower(), lex)
                cues.append(_Cue(min(actor.start, m.start()), m.end(), kind, actor.name, actor.entity))
    for m in lex.hearsay.finditer(text, s, e):
        if m.start() not in used:
            pubs = _publications(art, s, e) if pubs is None else pubs
            if pubs:  # "media reports, among them Reuters": the named outlets
                cues.append(_Cue(m.start(), m.end(), "outlet", ", ".join(n for n, _ in pubs), pubs[0][1]))
            else:
                cues.append(_Cue(m.start(), m.end(), "hearsay", m.group().lower()))
    return cues


# ---------------------------------------------------------------- quotations
_SPEAKER_AFTER = re.compile(r"\s*[,.]?\s*(?P<verb>[a-z]+)\s+(?P<name>(?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)")


def _speaker(art: _Article, quote: tuple[int, int]) -> _Cue | None:
    """Who says a quotation: 'NAME said: “...”', '“...,” NAME said', '“...,” said NAME'."""
    if quote in art._speakers:
        return art._speakers[quote]
    text, lex = art.text, art.lex
    a, b = quote
    found: _Cue | None = None
    after = text[b : b + SPEAKER_CHARS]
    sv = _SPEAKER_AFTER.match(after)
    if sv and lex.speech.fullmatch(sv.group("verb")):
        actor = _named(art, b + sv.start("name"), b + sv.end("name"))
        if actor:
            found = _Cue(b + sv.start(), b + sv.end(), _kind(actor, sv.group("verb"), lex), actor.name, actor.entity)
    if found is None:
        name = _NAME_AT_START.match(after)
        verb = lex.speech.match(text, b + name.end() + 1) if name else None
        if name and verb and text[b + name.end() : verb.start()].isspace():
            actor = _named(art, b + name.start(1), b + name.end(1))
            if actor:
                found = _Cue(
                    b + name.start(1), verb.end(), _kind(actor, verb.group().lower(), lex), actor.name, actor.entity
                )
    if found is None:
        found = _pronoun_after(art, b)
    if found is None:
        before = max(0, a - SPEAKER_CHARS)
        colon = re.search(r"[:,]?\s*$", text[before:a])
        pos = before + colon.start() if colon else a
        for verb in lex.speech.finditer(text, before, pos):
            if verb.end() == pos:
                actor = _actor_before(art, verb.start(), max(before, text.rfind("\n", 0, verb.start()) + 1))
                if actor and actor.name:
                    kind = _kind(actor, verb.group().lower(), lex)
                    found = _Cue(min(actor.start, verb.start()), verb.end(), kind, actor.name, actor.entity)
    art._speakers[quote] = found
    return found


_PRONOUN_AFTER = re.compile(r"\s*[,.]?\s*(?P<who>[A-Za-z]+)\s+(?P<verb>[a-z]+)")


def _pronoun_after(art: _Article, b: int) -> _Cue | None:
    """'“...,” she said': the person named last before the quotation."""
    m = _PRONOUN_AFTER.match(art.text, b, b + SPEAKER_CHARS)
    if m is None or not art.lex.speech.fullmatch(m.group("verb")):
        return None
    actor = _pronoun(art, m.start("who"), m.end("who"))
    if actor is None:
        return None
    return _Cue(m.start("who"), m.end("verb"), "speaker", actor.name, actor.entity)


# ---------------------------------------------------------------- entry point
def _distance(c: _Cue, n: Span) -> int:
    if c.end <= n.start:
        return n.start - c.end
    if c.start >= n.end:
        return c.start - n.end + 1  # ties go to the cue before
    return 0


class _Cues:
    """The cues of one sentence, sorted so each number finds its nearest by bisection
    (a megabyte-long 'sentence' may hold thousands of numbers and cues)."""

    def __init__(self, cues: list[_Cue]) -> None:
        self.by_end = sorted(cues, key=lambda c: c.end)
        self.ends = [c.end for c in self.by_end]
        self.by_start = sorted(cues, key=lambda c: c.start)
        self.starts = [c.start for c in self.by_start]
        self.leads = sorted((c for c in cues if c.lead), key=lambda c: c.end)
        self.lead_ends = [c.end for c in self.leads]

    def choose(self, n: Span) -> _Cue | None:
        i = bisect.bisect_right(self.lead_ends, n.start)
        if i:
            return self.leads[i - 1]
        near = []
        i = bisect.bisect_right(self.ends, n.start)
        if i:
            near.append(self.by_end[i - 1])
        j = bisect.bisect_left(self.starts, n.end)
        if j < len(self.by_start):
            near.append(self.by_start[j])
        if j:  # a cue around the number ("... $5B, sources said" never; a region may)
            near.append(self.by_start[j - 1])
        return min(near, key=lambda c: _distance(c, n), default=None)


def attribute_numbers(
    numbers: list[Number],
    doc: Document,
    entities: list[Entity] | None = None,
    mentions: ArticleMentions | None = None,
) -> None:
    """Set `attribution` of the numbers of ONE article (None: its own voice).
    `entities` (or the article's `mentions`, when the build has them indexed)
    name the origins and tell people from companies."""
    if not numbers:
        return
    source = numbers[0].span.source
    who = _Who(_Article(doc, source, mentions or ArticleMentions.of(entities or [], source, len(doc.text))))
    for n in numbers:
        if n.provenance == "auto":
            n.attribution = who.says(n.span)


def attribute_spans(spans: list[Span], doc: Document, mentions: ArticleMentions) -> list[Attribution | None]:
    """Who says each of `spans` (words of ONE article, as a number would be read)."""
    if not spans:
        return []
    who = _Who(_Article(doc, spans[0].source, mentions))
    return [who.says(span) for span in spans]


class _Who:
    """The attribution of words of one article, each sentence's cues read once."""

    def __init__(self, art: _Article) -> None:
        self.art = art
        self.cues_of: dict[tuple[int, int], _Cues] = {}

    def cues(self, s: int, e: int) -> _Cues:
        if (s, e) not in self.cues_of:
            self.cues_of[(s, e)] = _Cues(_sentence_cues(self.art, s, e))
        return self.cues_of[(s, e)]

    def says(self, span: Span) -> Attribution | None:
        art, doc = self.art, self.art.doc
        quote = doc.quote_of(span.start, span.end)
        cue = _speaker(art, quote) if quote else None
        if cue is None:
            s, e = doc.sentence_at(span.start)
            if e <= s:
                return None
            cue = self.cues(s, e).choose(span) or _lead_in(art, s, self.cues)
        if cue is None:
            return None
        return Attribution(kind=cue.kind, origin=cue.origin, entity=cue.entity, span=art.span(cue.start, cue.end))


def _lead_in(art: _Article, start: int, cues: Callable[[int, int], _Cues]) -> _Cue | None:
    """The cue of the sentence before the one at `start` when it leads into it:
    a sentence ending 'X said:', or one opening 'According to X,' in the same
    paragraph. It carries to one sentence only."""
    sentences = art.doc.sentences
    i = bisect.bisect_left(sentences, start, key=lambda se: se[0])
    if i <= 0 or i >= len(sentences) or sentences[i][0] != start:
        return None
    ps, pe = sentences[i - 1]
    before = cues(ps, pe)
    if art.text[ps:pe].rstrip().endswith(":"):
        return before.by_end[-1] if before.by_end and pe - before.by_end[-1].end <= COLON_GAP else None
    if art.doc.paragraph_at(ps) != art.doc.paragraph_at(start):
        return None
    return before.leads[0] if before.leads else None


# ---------------------------------------------------------------- independence
def _origin(c: Claim, outlets: dict[str, str], labels: dict[str, str] | None = None) -> tuple[str, str, str]:
    """(key, label, kind of weight) of the origin behind one claim; `labels`
    (source id -> what people call it) names an article by more than its file."""
    a, source = c.attribution, c.span.source
    named = (labels or {}).get(source, source)
    if a is None:
        outlet = outlets.get(source, "")
        if outlet:  # an outlet's own reporting is one origin with every citation of it
            return (f"named:{fold(outlet)}", outlet, "own")
        return (f"own:{source}", named, "own")
    if a.kind == "anonymous":  # unnamed people inside one article count once
        return (f"anonymous:{source}", f"unnamed sources in {named}", "anonymous")
    if a.kind == "hearsay":  # unnamed reports cannot be told apart: one origin
        return ("hearsay", "unnamed reports", "hearsay")
    return (f"named:{a.entity or fold(a.origin)}", a.origin, a.kind)


def _origins_of(
    claims: Iterable[Claim], outlets: dict[str, str], labels: dict[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """(key, label, kind) of each claim's origin, a person quoted by surname
    alone ("Doe") joined with the same person quoted in full ("Jane Doe")."""
    found = [_origin(c, outlets, labels) for c in claims]
    people: dict[str, set[tuple[str, str]]] = {}  # a full name's last word -> (key, label) of that name
    for key, label, kind in found:
        if kind == "speaker" and len(label.split()) > 1:
            people.setdefault(fold(label.split()[-1]), set()).add((key, label))
    out = []
    for key, label, kind in found:
        same = people.get(fold(label), set()) if kind == "speaker" and len(label.split()) == 1 else set()
        out.append((*next(iter(same)), kind) if len(same) == 1 else (key, label, kind))
    return out


def origins(
    claims: Iterable[Claim], outlets: dict[str, str] | None = None, labels: dict[str, str] | None = None
) -> list[str]:
    """The distinct independent origins behind `claims`, as labels for people.
    `outlets` (source id -> its outlet) joins an outlet's own articles with
    the articles that cite it; `labels` (source id -> label) names articles."""
    seen: dict[str, str] = {}
    for key, label, _ in _origins_of(claims, outlets or {}, labels):
        seen.setdefault(key, label)
    return list(seen.values())


def sourcing(claims: Iterable[Claim], outlets: dict[str, str] | None = None) -> float:
    """How well `claims` are sourced: each independent origin adds the weight of
    its best kind (official > named outlet or speaker > own reporting >
    anonymous > hearsay)."""
    weights = _lex().weights
    best: dict[str, float] = {}
    for key, _, kind in _origins_of(claims, outlets or {}):
        best[key] = max(best.get(key, 0.0), weights.get(kind, 1.0))
    return round(sum(best.values()), 2)


def attribution_label(a: Attribution | None) -> str:
    """One line for people: 'outlet: The Information', 'own reporting'."""
    return "own reporting" if a is None else f"{a.kind}: {a.origin}"


@dataclass(frozen=True, slots=True)
class Side:
    """The claims of a conflict that give one value, and how well they are sourced."""

    label: str  # the value as people write it: "over $2B"
    claims: tuple[Claim, ...]
    origins: tuple[str, ...]  # the independent origins behind them
    score: float  # `sourcing`: higher is better sourced


def sides(
    conflict: Conflict, outlets: dict[str, str] | None = None, labels: dict[str, str] | None = None
) -> list[Side]:
    """One Side per distinct value, in the order the values first appear;
    `outlets` (source id -> outlet) joins an outlet's articles with those citing it;
    `labels` (source id -> label) names the articles in `Side.origins`."""
    groups: dict[str, list[Claim]] = {}
    for c in conflict.claims:
        groups.setdefault(claim_label(c), []).append(c)
    return [
        Side(label, tuple(cs), tuple(origins(cs, outlets, labels)), sourcing(cs, outlets))
        for label, cs in groups.items()
    ]


def conflict_sourcing(
    conflict: Conflict, outlets: dict[str, str] | None = None, labels: dict[str, str] | None = None
) -> list[tuple[str, int, float]]:
    """Each value of a conflict: (value label, independent origins, score), best sourced first."""
    ranked = [(s.label, len(s.origins), s.score) for s in sides(conflict, outlets, labels)]
    return sorted(ranked, key=lambda r: (-r[2], -r[1], r[0]))


def weakest_side(of: Iterable[Side]) -> tuple[float, float]:
    """(weaker, stronger) side's score: ranked high, a dispute between two
    well-sourced figures comes before one that a single rumour makes."""
    scores = [s.score for s in of] or [0.0]
    return (min(scores), max(scores))


def rank_conflicts(conflicts: Iterable[Conflict], outlets: dict[str, str] | None = None) -> list[Conflict]:
    """Conflicts ordered by how well sourced their weaker side is, then the stronger."""
    return sorted(conflicts, key=lambda c: weakest_side(sides(c, outlets)), reverse=True)
