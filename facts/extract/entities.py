"""Entity mention detection: the names written in one article, found by rule.

No model weights are available, so a name is a run of capitalised tokens
("Bank of America", "NorthStar", "U.S.", "Orca 4"), trimmed of sentence
openers, titles and generic words (lexicon/entities.yaml). Mentions with thin
evidence (a lone capitalised word opening a sentence, words of a title-case
headline) are marked `weak`: `facts.analyse.resolve` keeps them only when the same
name is written as a name elsewhere in the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import ClassVar

from facts.lexicon import load_model
from facts.lexicon.models import EntitiesLexicon
from facts.model import EntityKind, Span


def norm(word: str) -> str:
    """Lowercase, straight apostrophes, no trailing full stop: the form lexicon entries are compared in."""
    return word.lower().replace("’", "'").rstrip(".")


# Lowercase particles inside a person's name ("Maarten de Vries", "Mohammed al Rashid").
_PARTICLES = ["de", "du", "da", "del", "della", "di", "dos", "van", "von", "der", "den", "ter", "bin", "ibn", "al"]
_PARTICLES += ["el", "los", "las", "des"]


class _Lexicon:
    """lexicon/entities.yaml as sets of normalised entries, loaded on first use."""

    _extra: ClassVar[dict[str, list[str]]] = {
        "connectors": ["of", "for", "&", *_PARTICLES],
        "particles": _PARTICLES,
        "function_words": "is are was were be been has have had does did do will would can could should may might "
        "must shall just also now more no not only even still than as if or nor but so yet the".split(),
        "abbreviations": "dr mr mrs ms mx prof sen rep gov st inc corp co ltd jr sr vs no etc approx".split(),
    }

    def __getattr__(self, name: str) -> frozenset[str]:
        entries = self._extra.get(name) or getattr(load_model("entities", EntitiesLexicon), name)
        value = frozenset(norm(str(e)) for e in entries)
        setattr(self, name, value)
        return value


LEX = _Lexicon()


def is_place(name: str) -> bool:
    return norm(name) in LEX.places


def is_publication(name: str) -> bool:
    return norm(name) in LEX.publications


@dataclass(frozen=True, slots=True)
class Candidate:
    span: Span
    kind: EntityKind = "other"
    name: str = ""  # the mention without honorific ("Raman" for "Dr. Raman"); "" when it is span.text
    weak: bool = False  # thin evidence: kept only if the name is written as a name elsewhere
    shape: str = ""  # "acronym", "camel" or "" for a plain capitalised name
    sure: bool = False  # kind read from a lexicon, a suffix or an honorific, not from a context cue
    link: str = ""  # the form this mention is defined as: "Long Name (LN)"
    ticker: str = ""  # the stock symbol written next to it: "Acme Corp. (NYSE: ACME)", "Acme ($ACME)"

    @property
    def form(self) -> str:
        return self.name or self.span.text


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    poss: bool = False  # followed by 's: the name ends here
    cut: bool = False  # a hyphenated word cut before its lowercase part ("Human" of "Human-in-the-loop")
    initial: bool = False
    low: str = ""  # norm(text), kept in step with text: read many times per token

    def __post_init__(self) -> None:
        self.low = norm(self.text)

    def set_text(self, text: str) -> None:
        self.text, self.low = text, norm(text)


@dataclass(slots=True)
class _Part:
    toks: list[_Tok]
    initial: bool = False
    after_title: bool = False
    before_title: bool = False
    honorific: _Tok | None = None
    extra: list[str] = field(default_factory=list)


_TOKEN = re.compile(
    r"(?<![\w.])(?:[^\W\d_]\.){2,}"  # U.S., U.K.
    r"|(?<![\w.])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|St|Inc|Corp|Co|Ltd|Jr|Sr)\.(?=\s)"
    r"|[^\W_]+(?:[-'’&][^\W_]+)*"
    r"|&"
)
_POSSESSIVE = ("’s", "'s", "‘s")
_SKIP = " \t\u00a0\ufeff\"'“”‘’«»([{•·▪►*"  # a byte-order mark is blank: the word after it opens the text
_RELEASE = re.compile(r"[ \u00a0](\d{1,2}(?:\.\d{1,2})?[a-z]?)(?![\w%]|[.,]\d|\s*(?:%|per\b|percent|x\b|times\b))")
_DEFINED = re.compile(r"[ \u00a0]?\(([^()\n]{1,80})\)")
_EXPANDS = re.compile(r"\b([A-Z][A-Za-z&]{1,7})\s*\(([^()\n]*)$")
_NEXT_WORD = re.compile(r"[”\"’']?\s*([\w-]+)")
_APPOSITIVE = re.compile(
    # ", led by chief executive ..." describes an organisation: no "by", "led", "whose" before the role
    r",\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?"
    r"(?:(?!(?:by|led|headed|run|whose|which|where|that)\b)[\w'’-]+\s+){0,3}?"
    r"(?:founder|co-founder|ceo|chief|president|chairman|chairwoman|head|director|analyst|professor|senator"
    r"|minister|partner|investor|executive|spokesperson|author|researcher|scientist|engineer)\b",
    re.IGNORECASE,
)
_ROLE_BEFORE = re.compile(
    r"\b(?:founder|co-founder|cofounder|ceo|chief executive|chairman|chairwoman|president|senator|analyst"
    r"|investor|billionaire|entrepreneur|executive|spokesperson|minister|professor|founded by)\b,?\s*[“\"]?$",
    re.IGNORECASE,
)


def find_candidates(text: str, source: str) -> list[Candidate]:
    """Every mention of a named thing in one article: sorted, non-overlapping, exact offsets."""
    lines = list(_lines(text))
    prose, titles = _segments(text, lines)
    runs = [(run, seg_start) for seg_start, seg_end in prose for run in _runs(text, seg_start, seg_end)]
    mid_forms = {_form_key(run) for run, _ in runs if not run[0].initial}
    out: list[Candidate] = []
    for run, _ in runs:
        out.extend(_candidates(text, source, run, mid_forms))
    known = {norm(c.form) for c in out if not c.weak}
    for seg_start, seg_end in titles:
        out.extend(_title_candidates(text, source, seg_start, seg_end, known))
    out.sort(key=lambda c: c.span.start)
    return _non_overlapping(out)


# ---------------------------------------------------------------- lines and segments
def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _segments(text: str, lines: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Split lines into prose and title-case segments (headlines, "Label Words:" prefixes)."""
    prose: list[tuple[int, int]] = []
    titles: list[tuple[int, int]] = []
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            continue
        if _is_title(line):
            titles.append((start, end))
            continue
        colon = line.find(":")
        bracketed = line.count("(", 0, colon) > line.count(")", 0, colon)  # "Acme Inc. (NYSE: ACME)"
        if 0 < colon <= 60 and not bracketed and _is_title(line[:colon]) and len(line[:colon].split()) <= 6:
            titles.append((start, start + colon))
            prose.append((start + colon, end))
        else:
            prose.append((start, end))
    return prose, titles


def _is_title(line: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not words or len(words) > 25 or line.rstrip().endswith((".", ",", ";")):
        return False
    content = [w for w in words if w.lower() not in LEX.title_small_words]
    if not content:
        return False
    lower = sum(1 for w in content if not w[0].isupper())
    return lower == 0 or (len(content) >= 6 and lower <= 1)


# ---------------------------------------------------------------- tokens and runs
def _tokens(text: str, start: int, end: int, *, collapse: bool = False) -> list[_Tok]:
    """The words of text[start:end]. With `collapse`, a stretch of plain lowercase words
    (no capital letter, not a connector; digits too) is kept as its first word only: each of them just ends
    a run, so one does what all do, and prose is mostly such words."""
    toks: list[_Tok] = []
    plain = False  # the last token kept is a plain lowercase word
    connectors = LEX.connectors
    for m in (_plain_or_token() if collapse else _TOKEN).finditer(text, start, end):
        word = m.group()
        if collapse and (m.lastgroup == "plain" or (word == word.lower() and word not in connectors)):
            if plain:
                continue
            plain = True
        else:
            plain = False
        tok = _Tok(m.start(), m.end(), word)
        if tok.text.endswith(_POSSESSIVE) and len(tok.text) > 2:
            tok.end -= 2
            tok.set_text(tok.text[:-2])
            tok.poss = True
        _cut_hyphen(tok)
        toks.append(tok)
    return toks


@cache
def _plain_or_token() -> re.Pattern[str]:
    """A token, or a whole stretch of plain ASCII lowercase words read in one match:
    the regex engine skips such prose far faster than a loop over its words. A
    stretch never opens with a connector ("of" may join "Bank of America") and
    never ends inside a word ("co-CEO" stays one token)."""
    word = r"[a-z0-9]+(?:['’-][a-z0-9]+)*"
    connector = "|".join(re.escape(c) for c in sorted(LEX.connectors, key=len, reverse=True))
    whole = r"(?![^\W_]|[-'’&][^\W_])"
    stretch = rf"(?<![^\W_])(?!(?:{connector}){whole}){word}(?:[^\w&]+{word})*{whole}"
    return re.compile(rf"(?P<plain>{stretch})|{_TOKEN.pattern}")


def _cut_hyphen(tok: _Tok) -> None:
    """ "DoD-certified" -> "DoD"; "ZX-5" and "Coca-Cola" stay whole."""
    parts = tok.text.split("-")
    if len(parts) > 1 and _is_cap(parts[0]) and any(p[:1].islower() for p in parts[1:]):
        tok.set_text(parts[0])
        tok.end = tok.start + len(parts[0])
        tok.cut = True
        tok.poss = True  # nothing joins after a cut word


_HEAD = re.compile(r"[^-'’]*")  # a word up to its first hyphen or apostrophe


def _is_cap(word: str) -> bool:
    if not word or not word[0].isalpha():
        return False
    if word[0].isupper():
        return True
    particle, _, rest = word.partition("-")
    if particle in _PARTICLES and rest[:1].isupper():
        return True  # "al-Rasheed", "el-Sayed": a lowercase particle hyphened to a name
    found = _HEAD.match(word)  # always matches, if only the empty string
    head = found.group() if found else word
    return any(c.isupper() for c in head[1:])  # xAI, iPhone, eBay


def shape(word: str) -> str:
    """ "acronym" (CIA, U.S., ZX-5), "camel" (NorthStar, eBay, DoD, iRobotics) or ""."""
    head = re.split(r"[-'’]", word)[0]
    uppers = sum(1 for c in word if c.isupper())
    if uppers >= 2 and not any(c.islower() for c in word):
        return "acronym"
    if any(c.islower() for c in head) and any(c.isupper() for c in head[1:]):
        return "camel"
    return ""


def _runs(text: str, start: int, end: int) -> Iterator[list[_Tok]]:
    """Maximal runs of capitalised tokens joined by single spaces or name connectors."""
    toks = _tokens(text, start, end, collapse=True)
    run: list[_Tok] = []
    carry = False  # "YouTube Just Dropped": words after a capitalised "Just" still open the line
    for i, tok in enumerate(toks):
        if run and _connects(text, toks, i, run):
            continue  # "of" in "Department of Defense": decided when the next word arrives
        if not _is_cap(tok.text) or tok.text in ("I", "A") or (tok.low in LEX.function_words and run):
            carry = bool(run) and run[0].initial and _is_cap(tok.text)
            if run:
                yield run
            run = []
            continue
        bridge = _bridge(text, toks, i, run) if run else None
        joined = bool(run) and (_joins(text, run[-1], tok) or bridge is not None)
        if run and not joined:
            yield run
            run = []
        if joined and bridge:
            run.extend(bridge)
        if not run:
            tok.initial = carry or _initial(text, tok.start, start)
            carry = False
        run.append(tok)
    if run:
        yield run


def _joins(text: str, prev: _Tok, tok: _Tok) -> bool:
    return not prev.poss and text[prev.end : tok.start] in (" ", "\u00a0")


_MAX_CONNECTORS = 3  # "Ursula von der Leyen", "Maria de los Santos"


def _connects(text: str, toks: list[_Tok], i: int, run: list[_Tok]) -> bool:
    """Whether toks[i] is a connector that may continue the run, if a capitalised word follows."""
    if toks[i].low not in LEX.connectors:
        return False
    j = i
    while j < len(toks) and j - i < _MAX_CONNECTORS and toks[j].low in LEX.connectors:
        j += 1
    return j < len(toks) and _bridge(text, toks, j, run) is not None


def _bridge(text: str, toks: list[_Tok], i: int, run: list[_Tok]) -> list[_Tok] | None:
    """The connectors inside a name between run[-1] and toks[i]: "of" in "Department of Defense",
    "&" in "Johnson & Johnson", "von der" in "Ursula von der Leyen"; None when they are not one name."""
    if i < 2 or not _is_cap(toks[i].text):
        return None
    k = i - 1
    while k >= 0 and i - k <= _MAX_CONNECTORS and toks[k] is not run[-1]:
        k -= 1
    if k < 0 or toks[k] is not run[-1] or k == i - 1:
        return None
    conns, prev = toks[k + 1 : i], run[-1]
    chain = [prev, *conns, toks[i]]
    if prev.poss or not all(_joins(text, a, b) for a, b in pairwise(chain)):
        return None
    if len(conns) > 1:
        return conns if all(c.low in LEX.particles for c in conns) else None
    conn = conns[0]
    if conn.low in ("of", "for"):
        return conns if prev.low in LEX.institution_nouns else None
    return conns if conn.low == "&" or conn.low in LEX.particles else None


def _initial(text: str, i: int, floor: int) -> bool:
    """Whether position i opens a sentence, a line or a list item."""
    j = i - 1
    while j >= floor and text[j] in _SKIP:
        if text[j] in '“"«':
            return True  # a quotation opens
        j -= 1
    if j < floor or text[j] in "!?:\n":
        return True
    if text[j] in "-–—":  # a dash bullet: only blanks between it and the line start
        k = j - 1
        while k >= floor and text[k] in " \t":
            k -= 1
        return k < floor
    if text[j] != ".":
        return False
    before = re.search(r"([\w.]+)\.$", text[max(floor, j - 12) : j + 1])
    word = before.group(1) if before else ""
    return not (len(word) == 1 or "." in word or word.lower() in LEX.abbreviations)


def _form_key(run: list[_Tok]) -> str:
    return " ".join(t.low for t in run)


# ---------------------------------------------------------------- prose candidates
def _candidates(text: str, source: str, run: list[_Tok], mid_forms: set[str]) -> Iterator[Candidate]:
    expands = _expanded_acronym(text, run[0].start)
    if expands and expands.lower() in LEX.non_entities:
        return  # "RLHF (Reinforcement Learning from Human Feedback)": spelling out a generic term
    for part in _split_titles(run):
        _trim(part, mid_forms)
        if part.toks and not _generic(part.toks):
            c = _candidate(text, source, part)
            yield replace(c, link=expands) if expands and _fills_brackets(text, c) else c


def _expanded_acronym(text: str, start: int) -> str:
    """The acronym a bracket spells out: "FTC (Federal Trade Commission)" -> "FTC"."""
    lo = max(0, start - 90)
    if text.find("(", lo, start) < 0:
        return ""  # most names have no bracket before them: skip the search
    m = _EXPANDS.search(text, lo, start)
    return m.group(1) if m and ")" not in m.group(2) else ""


def _fills_brackets(text: str, c: Candidate) -> bool:
    return text[c.span.start - 1 : c.span.start] == "(" and text[c.span.end : c.span.end + 1] == ")"


def _split_titles(run: list[_Tok]) -> list[_Part]:
    """Titles and roles split a run: "Globex CEO Dana Ruiz" -> "Globex", "Dana Ruiz"."""
    parts = [_Part([], initial=run[0].initial)]
    i = 0
    while i < len(run):
        width = _title_width(run, i)
        if width:
            if parts[-1].toks:
                parts[-1].before_title = True
                parts.append(_Part([]))
            parts[-1].after_title = True
            i += width
            continue
        if run[i].low in LEX.honorifics and i + 1 < len(run) and not parts[-1].toks:
            parts[-1].honorific = run[i]
            parts[-1].after_title = True
            i += 1
            continue
        parts[-1].toks.append(run[i])
        i += 1
    return [p for p in parts if p.toks]


def _title_width(run: list[_Tok], i: int) -> int:
    for width in (4, 3, 2, 1):
        if i + width <= len(run) and " ".join(t.low for t in run[i : i + width]) in LEX.person_titles:
            return width
    return 0


def _trim(part: _Part, mid_forms: set[str]) -> None:
    toks = part.toks
    if is_publication(" ".join(t.text for t in toks)):
        return
    if part.initial and part.honorific is None:
        while toks and toks[0].low in LEX.openers:
            toks.pop(0)
            part.initial = False
        if part.initial and len(toks) >= 2 and _opens_name_run(toks, mid_forms):
            toks.pop(0)
            part.initial = False
    if toks and toks[0].text == "The":
        _trim_the(part)
    while toks and (toks[0].low in LEX.non_entities or toks[0].low in LEX.connectors):
        if part.honorific is not None and _surname_particles(toks):
            break  # "Dr. de Vries": the particle belongs to the surname
        toks.pop(0)
    while len(toks) > 1 and (toks[-1].low in LEX.connectors or _generic_tail(toks[-1])):
        toks.pop()


def _surname_particles(toks: list[_Tok]) -> bool:
    """ "de Vries", "van der Berg": lowercase particles, then a capitalised surname."""
    i = 0
    while i < len(toks) and toks[i].low in LEX.particles and toks[i].text.islower():
        i += 1
    return 0 < i < len(toks) and _is_cap(toks[i].text)


def _opens_name_run(toks: list[_Tok], mid_forms: set[str]) -> bool:
    """ "Historically Globex", "Acquiring Harbourline Systems": an adverb or verb before a known name."""
    first = toks[0].low
    if first.endswith("ly"):
        return True
    return first.endswith(("ing", "ed", "s")) and _form_key(toks[1:]) in mid_forms


def _trim_the(part: _Part) -> None:
    """Keep "The" only in a publication's name ("The Information"), drop it elsewhere."""
    toks = part.toks
    full = " ".join(t.text for t in toks)
    if is_publication(full):
        return
    keep = not part.initial and len(toks) == 2 and not shape(toks[1].text) and not is_place(toks[1].text)
    if not keep:
        toks.pop(0)
        part.initial = False


def _generic_tail(tok: _Tok) -> bool:
    return tok.low in LEX.non_entities and tok.low not in LEX.corporate_suffixes


def _generic(toks: list[_Tok]) -> bool:
    """Generic words and descriptions: "AI", "R&D", "Chinese", "Artificial General Intelligence"."""
    full = " ".join(t.low for t in toks)
    if full in LEX.non_entities or full in LEX.demonyms:
        return True
    return all(t.low in LEX.non_entities or t.low in LEX.demonyms for t in toks)


def _candidate(text: str, source: str, part: _Part) -> Candidate:
    toks = part.toks
    start = part.honorific.start if part.honorific else toks[0].start
    end = toks[-1].end
    name_start = toks[0].start
    release = _release(text, toks)
    end = release or _lowercase_suffix(text, end)
    name = text[name_start:end]
    word_shape = shape(toks[0].text) if len(toks) == 1 else ""
    known = is_place(name) or is_publication(name)
    weak = part.initial and len(toks) == 1 and not word_shape and not known and not release
    weak = weak or (len(toks) == 1 and toks[0].cut and not word_shape)
    kind, sure = _kind(text, part, name, start, end, bool(release))
    span = Span(source=source, start=start, end=end, text=text[start:end])
    return Candidate(
        span=span,
        kind=kind,
        name=name if start != name_start else "",
        weak=weak,
        shape=word_shape,
        sure=sure,
        link=_defined_as(text, end, name),
        ticker=ticker_after(text, end),
    )


_LOWER_SUFFIX = re.compile(r"[ \u00a0](plc|llc|ltd\.?|inc\.?|gmbh|bv|nv|ag|sa)\b(?!\.?\w)")


def _lowercase_suffix(text: str, end: int) -> int:
    """End of "Calder plc" / "Orvane ltd.": a legal form written in lowercase still closes the name."""
    m = _LOWER_SUFFIX.match(text, end)
    return m.end() if m and norm(m.group(1)) in LEX.legal_suffixes else end


def _release(text: str, toks: list[_Tok]) -> int:
    """End of "Orca 4" / "Windows 11": a name followed by a small version number."""
    last = toks[-1]
    if last.poss or last.low in LEX.numbered_non_products or last.low in LEX.non_entities:
        return 0
    m = _RELEASE.match(text, last.end)
    return m.end() if m else 0


def _defined_as(text: str, end: int, name: str) -> str:
    """ "Basic Research Group (BRG)": the bracketed acronym names the same thing."""
    m = _DEFINED.match(text, end)
    if not m:
        return ""
    inner = m.group(1).strip()
    if " " in inner or shape(inner) not in ("acronym", "camel") or inner.lower() in LEX.non_entities:
        return ""
    return inner if len(name.split()) > 1 else ""


_TICKER = r"[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?"
_TICKER_CUES = ("listed", "delisted", "ticker", "symbol", "traded", "trades", "shares")


@lru_cache(maxsize=1)
def _exchange_ticker() -> re.Pattern[str]:
    """ "NYSE: ACME", "Nasdaq:ACME", "LSE: ACM.L": an exchange, a colon, a symbol."""
    exchanges = load_model("entities", EntitiesLexicon).stock_exchanges
    names = sorted((re.escape(e) for e in exchanges), key=len, reverse=True)
    return re.compile(rf"(?i:\b(?:{'|'.join(names)}))\s*:\s*\$?({_TICKER})\b")


_CASHTAG = re.compile(rf"(?<![\w$])\$({_TICKER})\b")
_BARE_TICKER = re.compile(rf"\b({_TICKER})\b")
_AFTER_NAME = re.compile(r"\.?[ \u00a0]?\(([^()\n]{1,80})\)|,[ \u00a0]+([^,;()\n]{1,40})(?=[,;.)]|$)")


def ticker_after(text: str, end: int) -> str:
    """The stock symbol a name is written next to: "(NASDAQ: ACME)", ", NYSE: ACME,", "($ACME)", "(ACME listed)"."""
    m = _AFTER_NAME.match(text, end)
    if not m:
        return ""
    inner = m.group(1) if m.group(1) is not None else m.group(2)
    hit = _exchange_ticker().search(inner) or _CASHTAG.search(inner)
    if hit:
        return hit.group(1)
    if m.group(1) is None or not any(re.search(rf"\b{cue}\b", inner, re.IGNORECASE) for cue in _TICKER_CUES):
        return ""
    exchanges = {norm(e) for e in load_model("entities", EntitiesLexicon).stock_exchanges}
    symbols = [s for s in _BARE_TICKER.findall(inner) if len(s) >= 2 and norm(s) not in LEX.non_entities | exchanges]
    return symbols[0] if len(symbols) == 1 else ""


# ---------------------------------------------------------------- kinds
def _kind(text: str, part: _Part, name: str, start: int, end: int, release: bool) -> tuple[EntityKind, bool]:
    toks = part.toks
    if is_publication(name):
        return "publication", True
    if is_place(name):
        return "place", True
    if part.honorific is not None or part.after_title:
        return "person", True
    if len(toks) > 1 and (toks[-1].low in LEX.corporate_suffixes or any(t.low in LEX.institution_nouns for t in toks)):
        return "organisation", True
    if release:
        return "product", False
    if part.before_title:
        return "organisation", False
    return _context_kind(text, toks, start, end)


def _context_kind(text: str, toks: list[_Tok], start: int, end: int) -> tuple[EntityKind, bool]:
    after = text[end : end + 60]
    before = re.split(r"[.;:!?—–(“”\"\n]", text[max(0, start - 40) : start])[-1]
    nxt = _NEXT_WORD.match(after[2:] if toks[-1].poss else after)
    word = nxt.group(1).lower() if nxt else ""
    if len(toks) > 1 and toks[0].low in LEX.first_names:
        return "person", False
    if _APPOSITIVE.match(after) or _ROLE_BEFORE.search(before):
        return "person", False
    if word in LEX.person_verbs and len(toks) > 1 and not toks[-1].poss:
        return "person", False
    if word in LEX.product_cues and not toks[-1].poss:
        return "product", False
    tail = before.lower().rstrip()
    if tail.endswith(tuple(LEX.publication_cues_before)):
        return "publication", False
    if tail.endswith(tuple(LEX.place_cues_before)):
        return "place", False
    prev = re.findall(r"[\w-]+", before.lower().split(",")[-1])[-2:]  # "the company, and X": not X's cue
    if word in LEX.org_cues_after or any(w in LEX.org_cues_before for w in prev):
        return "organisation", False
    return "other", False


# ---------------------------------------------------------------- headlines
def _title_candidates(text: str, source: str, start: int, end: int, known: set[str]) -> Iterator[Candidate]:
    """In a title-case line only names known from prose count; other capitalised chunks are weak."""
    toks = _tokens(text, start, end)
    shouting = sum(1 for t in toks if shape(t.text) == "acronym") > len(toks) / 2
    i = 0
    chunk: list[_Tok] = []
    while i < len(toks):
        width = _known_width(text, toks, i, known)
        if width:
            yield from _weak_chunk(text, source, chunk)
            chunk = []
            yield _title_mention(text, source, toks[i : i + width], weak=False)
            i += width
            continue
        tok = toks[i]
        breaks = not _is_cap(tok.text) or tok.low in LEX.title_small_words or tok.low in LEX.openers
        alone = not shouting and shape(tok.text) == "acronym" and tok.low not in LEX.non_entities
        if breaks or alone or (chunk and not _joins(text, chunk[-1], tok)):
            yield from _weak_chunk(text, source, chunk)
            chunk = []
        if alone:
            yield _title_mention(text, source, [tok], weak=tok.cut)
        elif not breaks:
            chunk.append(tok)
        i += 1
    yield from _weak_chunk(text, source, chunk)


def _known_width(text: str, toks: list[_Tok], i: int, known: set[str]) -> int:
    for width in range(min(6, len(toks) - i), 0, -1):
        window = toks[i : i + width]
        if any(text[a.end : b.start] not in (" ", "\u00a0") or a.poss for a, b in pairwise(window)):
            continue
        form = text[window[0].start : window[-1].end]
        if norm(form) in known or is_publication(form) or is_place(form):
            return width
    return 0


def _weak_chunk(text: str, source: str, chunk: list[_Tok]) -> Iterator[Candidate]:
    while chunk and (chunk[-1].low in LEX.non_entities or chunk[-1].low in LEX.connectors):
        chunk = chunk[:-1]
    while chunk and chunk[0].low in LEX.non_entities:
        chunk = chunk[1:]
    if not chunk or _generic(chunk):
        return
    byline = 2 <= len(chunk) <= 3 and chunk[0].low in LEX.first_names  # "By Jane Okoro | Daily Ledger"
    mention = _title_mention(text, source, chunk, weak=not byline)
    yield replace(mention, kind="person") if byline else mention


def _title_mention(text: str, source: str, toks: list[_Tok], weak: bool) -> Candidate:
    start, end = toks[0].start, toks[-1].end
    name = text[start:end]
    kind: EntityKind = "publication" if is_publication(name) else "place" if is_place(name) else "other"
    return Candidate(
        span=Span(source=source, start=start, end=end, text=name),
        kind=kind,
        weak=weak,
        shape=shape(name) if len(toks) == 1 else "",
        sure=kind != "other",
    )


def _non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        if c.span.end <= c.span.start:
            continue
        if out and c.span.start < out[-1].span.end:
            continue
        out.append(c)
    return out
