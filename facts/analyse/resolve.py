"""Alias resolution: the mentions of a whole corpus clustered into entities.

Every distinct name key (case, accents and legal suffixes folded) is a node;
rules join nodes into clusters with a union-find: explicit definitions
("Long Name (LN)"), spacing variants ("Deep Mind" ~ "DeepMind"),
transliterations (lexicon spelling rules: "Mueller" ~ "Müller", "Al-Rasheed" ~
"Al Rashid"), acronyms, misspellings (one edit or one swap, rapidfuzz OSA),
numbered releases, "Company Product" compounds, short forms of organisation
names, name order ("Sato Kenji" ~ "Kenji Sato"), bare surnames (also with
particles, "de Vries", and in transliterated spelling) and stock tickers
("Acme Corp. (NYSE: ACME)"). Every rule looks things up in indexes keyed by
tokens, glued or folded spellings or deletion variants, and a lookup with too
many candidates decides nothing, so the work grows with the number of names,
not its square. A join never happens between two different kinds unless a
spelling proves it and one kind was only guessed from context; an ambiguous
short form, surname or ticker (two candidates) joins nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from rapidfuzz.distance import OSA

from facts.extract.entities import LEX, Candidate, norm
from facts.lexicon import load_model
from facts.lexicon.models import EntitiesLexicon
from facts.model import Entity, EntityKind, Span
from facts.text import fold

_SURE_WEIGHT = 3
_MAX_CANDIDATES = 16  # a lookup that finds more near spellings than this is too ambiguous to decide


@dataclass(slots=True)
class _Node:
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    votes: Counter[str] = field(default_factory=Counter)
    shapes: Counter[str] = field(default_factory=Counter)
    links: set[str] = field(default_factory=set)
    tickers: set[str] = field(default_factory=set)
    sure: Counter[str] = field(default_factory=Counter)  # kinds read from a lexicon, suffix or honorific
    compound: bool = False

    @property
    def tokens(self) -> list[str]:
        return self.key.split()

    @property
    def form(self) -> str:
        return self.forms.most_common(1)[0][0]

    @property
    def weight(self) -> tuple[int, int]:
        return (len(set().union(*self.docs.values())), sum(self.forms.values()))


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """The key two spellings of one name share: "ORCA4" ~ "Orca 4", "Acme Inc." ~ "Acme"."""
    key = re.sub(r"(?<=[^\W\d_])(?=\d)", " ", fold(name))
    words = key.split()
    while len(words) > 1 and words[-1] in LEX.legal_suffixes:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def resolve(candidates: dict[str, list[Candidate]]) -> list[Entity]:
    """Cluster every source's candidates into entities, most mentioned first."""
    kept = _corroborated(candidates)
    nodes = _nodes(kept)
    clusters = _Clusters(nodes)
    clusters.link_definitions()
    clusters.link_spacing()
    clusters.link_transliterations()
    clusters.link_acronyms()
    clusters.link_misspellings()
    clusters.link_glued()
    clusters.link_releases()
    clusters.link_compounds()
    clusters.link_short_forms()
    clusters.link_name_order()
    clusters.link_surnames()
    clusters.link_tickers()
    return clusters.entities(kept)


# ---------------------------------------------------------------- nodes
def _corroborated(candidates: dict[str, list[Candidate]]) -> list[tuple[str, Candidate]]:
    """Weak mentions survive only when the name is also written as a name (or twice, for acronyms)."""
    strong = {name_key(c.form) for cs in candidates.values() for c in cs if not c.weak}
    strong |= _short_forms(c for cs in candidates.values() for c in cs if not c.weak)
    strong |= {_spelt(k) for k in strong}  # "Mueller" opening a sentence, "Jana Müller" written elsewhere
    counts = Counter(name_key(c.form) for cs in candidates.values() for c in cs if c.shape)
    kept: list[tuple[str, Candidate]] = []
    for source, cs in candidates.items():
        for c in cs:
            key = name_key(c.form)
            corroborated = key in strong or _spelt(key) in strong
            if key and (not c.weak or corroborated or (c.shape and counts[key] >= 2)):
                kept.append((source, c))
    return kept


def _short_forms(strong: Iterable[Candidate]) -> set[str]:
    """ "Corvane" of "Corvane Sensors", "Marsh" of "Elena Marsh": words a sentence may open with."""
    out: set[str] = set()
    for c in strong:
        words = name_key(c.form).split()
        if len(words) < 2:
            continue
        if c.kind == "organisation" and words[0] not in LEX.institution_nouns:
            out.add(words[0])
        elif c.kind == "person":
            out.add(words[-1])
    return out


def _nodes(kept: list[tuple[str, Candidate]]) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    for source, c in kept:
        key = name_key(c.form)
        node = nodes.get(key) or nodes.setdefault(key, _Node(key))
        node.forms[c.form] += 1
        node.docs[c.form].add(source)
        if c.kind != "other":
            node.votes[c.kind] += _SURE_WEIGHT if c.sure else 1
            if c.sure:
                node.sure[c.kind] += 1
        node.shapes[c.shape] += 1
        if c.link:
            node.links.add(name_key(c.link))
        if c.ticker:
            node.tickers.add(c.ticker.upper())
    return nodes


def _compatible(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


# ---------------------------------------------------------------- clusters
class _Clusters:
    def __init__(self, nodes: dict[str, _Node]) -> None:
        self.nodes = nodes
        self.parent = {k: k for k in nodes}
        self.votes = {k: Counter(n.votes) for k, n in nodes.items()}
        self.sure = {k: Counter(n.sure) for k, n in nodes.items()}
        self.misspelt: set[str] = set()  # node keys merged as spellings of one another

    # union-find with kind votes per root
    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def kind(self, k: str) -> str:
        votes = self.votes[self.find(k)]
        return votes.most_common(1)[0][0] if votes else "other"

    def union(self, a: str, b: str, *, guessed_kinds_yield: bool = False) -> bool:
        """Join two clusters of compatible kinds; with guessed_kinds_yield, a kind guessed from context
        alone (no lexicon, suffix or honorific) does not block a join that the spelling itself proves."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        proven = guessed_kinds_yield and not (self.sure_of(ra) and self.sure_of(rb))
        if not proven and not _compatible(self.kind(ra), self.kind(rb)):
            return False
        self.parent[rb] = ra
        self.votes[ra] += self.votes.pop(rb)
        self.sure[ra] += self.sure.pop(rb)
        return True

    def sure_of(self, k: str) -> bool:
        """Whether the cluster's kind rests on a lexicon, a suffix or an honorific, not only on context."""
        return self.sure[self.find(k)][self.kind(k)] > 0

    def roots(self, keys: Iterable[str]) -> set[str]:
        return {self.find(k) for k in keys}

    # rules
    def link_definitions(self) -> None:
        for key, node in self.nodes.items():
            for other in node.links:
                if other in self.nodes:
                    self.union(key, other)

    def link_acronyms(self) -> None:
        """ "DoD" ~ "Department of Defense": the letters are the initials of exactly one longer name."""
        index: dict[str, set[str]] = defaultdict(set)
        for key, node in self.nodes.items():
            if len(node.tokens) > 1:
                for initials in _initials(node.form):
                    index[initials].add(key)
        for key, node in self.nodes.items():
            if len(node.tokens) == 1 and node.shapes["acronym"] + node.shapes["camel"] and 2 <= len(key) <= 6:
                longer = self.roots(index.get(key, ()))
                if len(longer) == 1:
                    self.union(next(iter(longer)), key)

    def link_misspellings(self) -> None:
        self._misspelt_words()
        self._misspelt_names()

    def _misspelt_names(self) -> None:
        """ "Jonathan Ruiz" ~ "Johnathan Ruiz": one word differs slightly, the others are equal."""
        blocks: dict[tuple[int, int, str], list[str]] = defaultdict(list)
        for key, node in self.nodes.items():
            toks = node.tokens
            if len(toks) > 1 and not any(t.isdigit() for t in toks):
                for i in range(len(toks)):
                    blocks[(len(toks), i, " ".join([*toks[:i], "_", *toks[i + 1 :]]))].append(key)
        for (_, i, _), keys in blocks.items():
            if len(keys) > 1:
                for a, b in _close_pairs(keys, i):
                    self._merge_misspelt(a, b)

    def _misspelt_words(self) -> None:
        """ "KoBRA" ~ "KBRA": one-word names one letter apart (mixed-case names, or long words)."""
        index: dict[str, set[str]] = defaultdict(set)
        singles = [k for k, n in self.nodes.items() if len(n.tokens) == 1 and len(k) >= 4 and not k.isdigit()]
        for key in singles:
            for variant in _deletions(key):
                index[variant].add(key)
        for key in singles:
            for other in _capped(index.get(key, set())):
                if other != key and key[0] == other[0] and self._spelling_pair(key, other):
                    self._merge_misspelt(key, other)
            if len(key) >= 8:
                for variant in _deletions(key):
                    for other in _capped(index.get(variant, set())):
                        if other != key and len(other) == len(key) and key[0] == other[0]:
                            self._merge_misspelt(key, other)

    def _spelling_pair(self, a: str, b: str) -> bool:
        mixed = all(sum(c.isupper() for c in self.nodes[k].form) >= 2 for k in (a, b))
        return mixed or min(len(a), len(b)) >= 7

    def _merge_misspelt(self, a: str, b: str, *, guessed_kinds_yield: bool = False) -> None:
        """Join two spellings; both are marked, and the entity's name (the form most sources use) decides
        which one the others are variants of."""
        if self.find(a) != self.find(b) and self.union(a, b, guessed_kinds_yield=guessed_kinds_yield):
            self.misspelt.update((a, b))

    def link_spacing(self) -> None:
        """ "Deep Mind" ~ "DeepMind" ~ "DEEPMIND": one name written with or without its spaces."""
        groups: dict[str, list[str]] = defaultdict(list)
        for key in self.nodes:
            glued = key.replace(" ", "")
            if len(glued) >= 6 and not any(c.isdigit() for c in glued):
                groups[glued].append(key)
        for keys in groups.values():
            for other in keys[1:]:
                self.union(keys[0], other, guessed_kinds_yield=True)

    def link_transliterations(self) -> None:
        """ "Mueller" ~ "Müller", "Al Rasheed" ~ "Al-Rashid": the words agree once transliteration is folded."""
        groups: dict[str, list[str]] = defaultdict(list)
        for key in self.nodes:
            toks = key.split()
            if not any(c.isdigit() for c in key) and len(key.replace(" ", "")) >= 5:
                groups[" ".join(spelling(t) for t in toks)].append(key)
        for keys in groups.values():
            for other in keys[1:]:
                if _transliterated(keys[0], other):
                    self._merge_misspelt(keys[0], other, guessed_kinds_yield=True)

    def link_glued(self) -> None:
        """ "ModelSeries" -> "Model": a name glued to a generic word by careless typesetting."""
        for key, node in self.nodes.items():
            for word in LEX.glued_generic_words:
                head = key[: -len(word)]
                if len(node.tokens) == 1 and key.endswith(word) and head in self.nodes and _glued(node.form, word):
                    self.union(head, key)

    def link_releases(self) -> None:
        """ "Orbit 2" joins "Orbit" only when it is the family's one release in the corpus."""
        releases: dict[str, set[str]] = defaultdict(set)
        for key, node in self.nodes.items():
            toks = node.tokens
            if len(toks) > 1 and re.fullmatch(r"\d+[a-z]?", toks[-1]):
                releases[" ".join(toks[:-1])].add(key)
        for family, keys in releases.items():
            if family in self.nodes and len(keys) == 1:
                self.union(family, next(iter(keys)))

    def link_compounds(self) -> None:
        """ "Acme Orbit" where "Acme" and "Orbit" are both names: the product "Orbit" of the company "Acme"."""
        for key, node in self.nodes.items():
            toks = node.tokens
            for i in range(1, len(toks)):
                head, tail = " ".join(toks[:i]), " ".join(toks[i:])
                if head in self.nodes and tail in self.nodes and "person" not in (self.kind(head), self.kind(key)):
                    node.compound = True
                    if self.kind(tail) != "person":
                        self.union(tail, key)
                    break

    def link_short_forms(self) -> None:
        """ "Harbourline" -> "Harbourline Systems": the first words of exactly one organisation's name."""
        index: dict[str, set[str]] = defaultdict(set)
        for key, node in self.nodes.items():
            toks = node.tokens
            if len(toks) > 1 and not node.compound and self._org_like(key):
                for i in range(1, len(toks)):
                    index[" ".join(toks[:i])].add(key)
        legal = self.roots(k for k, n in self.nodes.items() if any(_has_legal_suffix(f) for f in n.forms))
        for key in self.nodes:
            longer = self.roots(index.get(key, ()))
            if len(longer) > 1:
                longer &= legal  # "Acme Inc." over "Acme Cloud"
            if len(longer) == 1 and self.kind(key) not in ("person", "place"):
                self.union(next(iter(longer)), key)

    def _org_like(self, key: str) -> bool:
        kind = self.kind(key)
        return kind == "organisation" or (kind == "other" and key.split()[-1] in LEX.corporate_suffixes)

    def link_name_order(self) -> None:
        """ "Sato Kenji" ~ "Kenji Sato": a person's two or three names in either order."""
        groups: dict[str, list[str]] = defaultdict(list)
        for key in self.nodes:
            if self._person_like(key):
                groups[" ".join(sorted(key.split()))].append(key)
        for keys in groups.values():
            if len(keys) > 1 and any(self.kind(k) == "person" for k in keys):
                for other in keys[1:]:
                    self.union(keys[0], other)

    def _person_like(self, key: str) -> bool:
        """A name that may be a person's: a person, or two to four plain words without an organisation's noun."""
        toks = key.split()
        if len(toks) < 2:
            return False
        if self.kind(key) == "person":
            return True
        if len(toks) > 4 or self.sure_of(key) or not all(t.isalpha() for t in toks):
            return False
        nouns = LEX.corporate_suffixes | LEX.institution_nouns | LEX.non_entities | LEX.demonyms
        return not any(t in nouns for t in toks) and key not in LEX.places and key not in LEX.publications

    def link_surnames(self) -> None:
        """ "Raman" / "Dr. Raman" / "Dr. de Raman" -> "Priya Raman": the surname of exactly one person's name.

        A name counts as a person's when its kind is person, or when it looks like one (plain words, no
        organisation noun) and no lexicon, suffix or honorific says otherwise. The surname is looked up as
        written and in its transliteration-folded spelling ("Mueller" finds "Jana Müller").
        """
        index: dict[str, set[str]] = defaultdict(set)
        for key, node in self.nodes.items():
            toks = node.tokens
            if len(toks) > 1 and self._person_like(key):
                for surname in _surnames(toks):
                    index[surname].add(key)
                    index[_spelt(surname)].add(key)
        for key, node in self.nodes.items():
            toks = node.tokens
            if not (len(toks) == 1 or (len(toks) > 1 and all(t in LEX.particles for t in toks[:-1]))):
                continue
            found = index.get(key, set()) | index.get(_spelt(key), set())
            people = self.roots(found)
            if len(people) == 1 and self._may_be_surname(key):
                person = next(iter(people))
                if self.union(person, key) and not self.sure_of(person):
                    self.votes[self.find(person)]["person"] += 2  # named by its last word: a person's habit

    def _may_be_surname(self, key: str) -> bool:
        """A lone word may be a person's surname unless the corpus calls it something else (a company, a place)."""
        return self.kind(key) in ("person", "other")

    def link_tickers(self) -> None:
        """ "Acme Corp. (NYSE: ACME)": the symbol names the company wherever it is written, if it names one."""
        claims: dict[str, set[str]] = defaultdict(set)
        for key, node in self.nodes.items():
            for ticker in node.tickers:
                claims[name_key(ticker)].add(key)
        for ticker, keys in claims.items():
            owners = self.roots(keys)
            if ticker in self.nodes and len(owners) == 1:
                self.union(next(iter(owners)), ticker)

    # output
    def entities(self, kept: list[tuple[str, Candidate]]) -> list[Entity]:
        groups: dict[str, list[tuple[str, Candidate]]] = defaultdict(list)
        for source, c in kept:
            groups[self.find(name_key(c.form))].append((source, c))
        entities = [self._entity(root, members) for root, members in groups.items()]
        entities.sort(key=lambda e: (-len(e.mentions), e.name))
        _unique_ids(entities)
        return entities

    def _entity(self, root: str, members: list[tuple[str, Candidate]]) -> Entity:
        kind = self._final_kind(root, members)
        tickers = {name_key(t) for _, c in members for t in self.nodes[name_key(c.form)].tickers}
        name = _canonical(members, kind, tickers)
        surfaces = sorted({c.span.text for _, c in members} | {c.form for _, c in members})
        keys = {name_key(c.form) for _, c in members}
        spelt = {f for k in keys & self.misspelt for f in self.nodes[k].forms}
        variants = sorted(f for f in spelt if _misspells(f, name))
        mentions = sorted((c.span for _, c in members), key=lambda s: (s.source, s.start))
        return Entity(
            id=_slug(name),
            name=name,
            kind=kind,
            aliases=[s for s in surfaces if s != name],
            variants=variants,
            mentions=_dedupe(mentions),
        )

    def _final_kind(self, root: str, members: list[tuple[str, Candidate]]) -> EntityKind:
        kind = self.kind(root)
        if kind == "other" and any(norm(c.form.split()[-1]) in LEX.corporate_suffixes for _, c in members):
            return "organisation"
        return cast(EntityKind, kind)  # votes are only ever cast with an EntityKind


# ---------------------------------------------------------------- helpers
def _initials(form: str) -> set[str]:
    words = [w for w in re.findall(r"[^\W_][\w.&'’-]*", form) if norm(w) not in LEX.legal_suffixes]
    out: set[str] = set()
    while words:
        out.add("".join(w[0] for w in words).lower())
        out.add("".join(w[0] for w in words if w[0].isupper()).lower())
        if norm(words[0]) not in LEX.places:
            break
        words = words[1:]  # "U.S. Department of Defense" is also "DoD"
    return {i for i in out if len(i) >= 2}


def _has_legal_suffix(form: str) -> bool:
    words = form.split()
    return len(words) > 1 and norm(words[-1]) in LEX.legal_suffixes


def _capped(found: set[str]) -> list[str]:
    """The candidates of one lookup in a stable order, or none when there are too many to decide between."""
    return sorted(found) if len(found) <= _MAX_CANDIDATES else []


def _misspells(form: str, name: str) -> bool:
    """Whether `form` spells a word of `name` differently ("Norvick Systems" of "Norvik"), not
    merely adds words to it ("Norvik Systems Inc."): only the former is a spelling variant."""
    if fold(form).replace(" ", "") == fold(name).replace(" ", ""):
        return False
    words = set(name_key(name).split())
    return any(
        w not in words and any(OSA.distance(w, n, score_cutoff=2) <= 2 for n in words) for w in name_key(form).split()
    )


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def _close_pairs(keys: list[str], i: int) -> Iterable[tuple[str, str]]:
    """Pairs of names whose i-th word is a near spelling: one edit or one swap of neighbours apart.

    Words are found through an index of one-letter deletions, never by comparing all pairs of a
    block; a word with more than _MAX_CANDIDATES near spellings is too ambiguous and joins none.
    """
    by_word: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        by_word[k.split()[i]].append(k)
    index: dict[str, list[str]] = defaultdict(list)
    for word in by_word:
        if len(word) >= 5 and word.isalpha():
            for variant in {word} | _deletions(word):
                index[variant].append(word)
    for a in by_word:
        if len(a) < 5 or not a.isalpha():
            continue
        near = {b for v in {a} | _deletions(a) for b in index.get(v, ()) if b > a}
        if len(near) > _MAX_CANDIDATES:
            continue
        for b in sorted(near):
            if a[0] != b[0] or (a in LEX.first_names and b in LEX.first_names):
                continue  # "Daniel" and "Daniela" are two people, not one misspelt
            if _inflected(a, b):
                continue  # "America" / "American", "Partner" / "Partners": another word, not a misspelling
            if OSA.distance(a, b, score_cutoff=1) <= 1:
                yield by_word[a][0], by_word[b][0]


@lru_cache(maxsize=1)
def _spelling_rules() -> tuple[tuple[str, str], ...]:
    return load_model("entities", EntitiesLexicon).spelling_rules


@lru_cache(maxsize=1)
def _particle_spellings() -> dict[str, str]:
    return dict(load_model("entities", EntitiesLexicon).particle_spellings)


@lru_cache(maxsize=1 << 18)
def spelling(word: str) -> str:
    """A folded word as transliterations share it: "rasheed" ~ "rashid", "mueller" ~ "muller", "el" ~ "al"."""
    out = _particle_spellings().get(word, word)
    for a, b in _spelling_rules():
        out = out.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", out)


def _spelt(key: str) -> str:
    return " ".join(spelling(w) for w in key.split())


def _transliterated(a: str, b: str) -> bool:
    """Two keys with the same folded spelling whose differing words are long enough to be sure
    ("Rasheed" ~ "Rashid"; not "Lee" ~ "Li", nor "Sheen" ~ "Shin")."""
    particles = _particle_spellings()
    return all(
        x == y or particles.get(x, x) == particles.get(y, y) or min(len(x), len(y)) >= 5
        for x, y in zip(a.split(), b.split(), strict=True)
    )


def _inflected(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ("n", "s")


def _surnames(toks: list[str]) -> list[str]:
    """The ways a person's name may be cut to a surname: "vries" and "de vries" of "maarten de vries"."""
    out = [toks[-1]]
    i = len(toks) - 1
    while i > 1 and toks[i - 1] in LEX.particles:
        i -= 1
        out.append(" ".join(toks[i:]))
    return out


def _glued(form: str, word: str) -> bool:
    """The generic word starts with a capital right where it is glued on ("…ASeries")."""
    tail = form[-len(word) :]
    return tail[:1].isupper() and form[: -len(word)][-1:].isalpha()


def _canonical(members: list[tuple[str, Candidate]], kind: str, tickers: set[str] | None = None) -> str:
    """The most widely used full form: in most sources, then the longest, then most frequent.
    A stock symbol names the entity only when nothing else does."""
    docs: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for source, c in members:
        docs[c.form].add(source)
        counts[c.form] += 1
    forms = list(counts)
    if kind == "person" and any(len(f.split()) > 1 for f in forms):
        forms = [f for f in forms if len(f.split()) > 1]
    if tickers and any(name_key(f) not in tickers for f in forms):
        forms = [f for f in forms if name_key(f) not in tickers]
    # words the other mentions repeat: "Okafor" backs "Daniel Okafor" over a misspelt "Daniel Okafer"
    words: Counter[str] = Counter()
    for f, n in counts.items():
        for w in set(fold(f).split()):
            words[w] += n
    return min(
        forms,
        key=lambda f: (
            -len(docs[f]),
            bool(re.search(r"\d", f)),
            -len(f.split()),
            -sum(words[w] for w in set(fold(f).split())),
            -counts[f],
            f,
        ),
    )


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "entity"


def _unique_ids(entities: list[Entity]) -> None:
    taken: set[str] = set()
    for e in entities:
        base, n = e.id, 1
        while e.id in taken:
            n += 1
            e.id = f"{base}-{n}"
        taken.add(e.id)


def _dedupe(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if not out or (s.source, s.start, s.end) != (out[-1].source, out[-1].start, out[-1].end):
            out.append(s)
    return out
