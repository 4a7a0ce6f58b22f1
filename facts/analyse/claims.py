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

import bisect
import re
from dataclasses import dataclass, replace

from facts.analyse.anaphora import Organisations, referent
from facts.analyse.attributes import cue_attributes, known, spec, unit_family
from facts.analyse.measure_words import (
    FIGURE,
    PHRASE_WORDS,
    SENTENCE_END,
    WORD,
    MeasureWords,
    lemma,
    match,
    match_end,
    measure_words,
    phrase,
    tokens,
)
from facts.analyse.mentions import Mention
from facts.extract.document import Document
from facts.model import Number
from facts.read.bylines import in_dateline

WINDOW = 120  # characters read on each side of a figure
BEFORE_WORDS = 8  # how far back a measure's name may stand
YEAR_WORDS = 5  # a founding verb names a year only close by ("started by Ann Lee in 2019")
OWN_LOGIC = frozenset({"age", "duration"})  # families whose attribute is all there is to say (attributes.py)
SHARE_WORDS = 5  # "X% of its monetizable daily active users": the head noun ends the phrase


@dataclass(frozen=True, slots=True)
class ClaimKey:
    """What one figure claims, as keys to match it with others by."""

    measure: str  # canonical measure, "" when nothing names it
    basis: str = ""  # "a year", "a month", "a quarter": a rate, not a total
    period: str = ""  # "2024", "2024-Q2": the time the figure belongs to; SOME_YEAR for "this year"
    status: str = "reported"  # rumour, estimate, forecast, target, announced, reported
    base: str = ""  # a counting base: "equity", "enterprise", "basic", "diluted"
    changed: bool = False  # a new value ("was raised to $X"): of a later time than the old
    as_of: str = ""  # "04-01": the date the sentence measures it at, nearest first
    subject: str = ""  # the organisation 'it' / 'the company' means, for a figure with no subject
    open: bool = False  # named by the article's words, not by a lexicon


# ---------------------------------------------------------------- after the figure
_COPULA = re.compile(r"^\s*(?:is|was|are|were)\s+(?:a|an|the)\s+", re.IGNORECASE)
_OF = re.compile(r"^\s*of\s+(?:(?:the|its|their|his|her|our)\s+|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s?\s+)?")
_SHARE_OF_SOLD = re.compile(  # "60% of the phones sold": a market share ("of the shares sold" is not)
    r"^\s*of\s+(?:the\s+|all\s+)?(?!(?:its\s+|the\s+)?(?:shares|stock)\b)(?:[\w-]+\s+){0,4}?"
    r"(?:sold|shipped|purchased|bought|installed)\b",
    re.IGNORECASE,
)
_IN = re.compile(r"^\s*in\s+(?:(?:the|its|their)\s+)?", re.IGNORECASE)
_IN_FORM = re.compile(r"^\s*in\s+(cash|stock|shares|new\s+shares)\b(?!\s+and\b)", re.IGNORECASE)
_OTHER_PART = re.compile(
    r"\b(?:rest|remainder|balance)\b|\band\s+\S*\d\S*(?:\s+\w+)?\s+in\s+(?:stock|shares|cash)\b", re.I
)
_FORM_BEFORE = re.compile(r"(?:^|[(,;]\s*)(cash|stock)\s*:?\s*$", re.IGNORECASE)  # "(cash $1.4B, stock $0.7B)"
_FORMS = {"cash": "cash portion", "stoc": "stock portion", "shar": "stock portion", "new ": "stock portion"}
_PER_SHARE = re.compile(r"^[\s-]*(?:/\s*|per[\s-]+|a[\s-]+|each[\s-]+)(?:sh|shr|share)\b", re.IGNORECASE)
EXCHANGE_RATIO = "exchange ratio"
COMBINED_OWNERSHIP = "combined ownership"
_OF_COMBINED = re.compile(
    r"^\s*of\s+the\s+(?:combined|enlarged|merged|new)\s+(?:company|group|entity|business|firm|bank|utility)\b",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(
    r"^\s*(?:new\s+)?(?:[A-Z][\w&.’'-]*\s+){0,3}(?:shares?|stock|ADSs?|units?)\b[^.;]{0,40}?\b(?:for|per)\s+(?:each|every)\b"
)
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


_TEMPORAL = re.compile(r"(?:pre|post)-", re.IGNORECASE)  # 'pre-close', 'post-merger': when, not what


def _noun_phrase(after: str, lex: MeasureWords, most: int = PHRASE_WORDS) -> list[str]:
    """The lemmas of the words right after a figure, up to a stop word or punctuation."""
    words: list[str] = []
    for m in re.finditer(r"\S+", after[:60].split("\n", 1)[0]):
        raw = m.group()
        if raw.startswith("("):
            break
        clean = raw.strip(".,;:!?)(\"'“”‘’")
        if not clean or not re.fullmatch(r"[A-Za-z][A-Za-z'’/-]*", clean) or clean.lower() in lex.stop:
            break
        if clean.lower() not in lex.neutral and not _TEMPORAL.match(clean):
            words.append(lemma(clean))
        if len(words) == most or clean != raw:
            break
    return words


def _after_measure(after: str, family: str, lex: MeasureWords) -> tuple[str, str]:
    """The measure named right after the figure: (measure, how) where how is
    "name" (a lexicon name), "direct" (open words right after it) or "of"
    (open words after 'of' or 'is a')."""
    if family == "percent" and _SHARE_OF_SOLD.match(after):
        return "market share", "name"
    if family == "percent" and _OF_COMBINED.match(after):
        return COMBINED_OWNERSHIP, "name"  # "45% of the combined company" ("combined" is neutral elsewhere)
    if family == "money" and (form := _IN_FORM.match(after)) and _OTHER_PART.search(after, form.end()):
        return _FORMS[form.group(1).lower()[:4]], "name"  # "$1bn in cash, the rest in shares": a part
    of = _OF.match(after)
    rest = after
    if (m := _COPULA.match(rest) or of) or (m := _BASIS.match(rest)):
        rest = rest[m.end() :]
    words = _noun_phrase(rest, lex)
    found = match(words, lex.names, family)
    if found:
        return found, "name"
    if (inside := _IN.match(after)) and (found := match(_noun_phrase(after[inside.end() :], lex), lex.names, family)):
        return found, "name"  # "$400m in annual cost savings", "$250m in fresh funding": a measure the lexicon names
    if family == "percent" and of:
        whole = _noun_phrase(rest, lex, SHARE_WORDS)
        return (f"{whole[-1]} share", "of") if whole else ("", "")  # "5% of its daily users": a user share
    words = _to_head(words, family)
    if not words or " ".join(words) in lex.payment:
        return "", ""
    named = _cued(words[-1], family)
    if named and (len(words) == 1 or spec(named).deal):
        return named, "name"  # "$5bn investment", "$5bn cash deal": the attribute lexicon's name
    if family == "money" or (family == "count" and rest is after):
        return " ".join(words), "direct" if rest is after else "of"
    return "", ""


def _cued(word: str, family: str) -> str:
    """The attribute a cue word names for amounts and shares (counts name
    theirs by the measures lexicon: 'people' is not always a workforce)."""
    if family == "count":
        return ""
    return next((a for a in cue_attributes(word) if family in spec(a).units), "")


def _to_head(words: list[str], family: str) -> list[str]:
    """An open phrase ends at its first noun the attribute lexicon knows:
    'valuation implying expectations' -> 'valuation', 'term loan' stays."""
    for i, w in enumerate(words):
        if _cued(w, family):
            return words[: i + 1]
    return words


# ---------------------------------------------------------------- before the figure
def _before_words(before: str, lex: MeasureWords) -> list[str]:
    """Lemmas of the window before the figure, back to the sentence start or a
    table's separator. A figure in between ends the window (its words are its
    own); words between it and a colon label that figure ('$1bn net debt: $4bn')."""
    cut = max((m.end() for m in SENTENCE_END.finditer(before)), default=0)
    toks = tokens(before[cut:])
    words: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        if tok in _SEPARATORS or len(words) >= BEFORE_WORDS:
            break
        if FIGURE.match(tok):
            return [] if toks[-1] == ":" and len(words) <= PHRASE_WORDS else _reversed(words)
        if WORD.fullmatch(tok) and (w := lemma(tok)) not in lex.neutral:
            words.append(w)
    return _reversed(words)


_SEPARATORS = frozenset({"\n", "|", "=", "+"})


def _reversed(words: list[str]) -> list[str]:
    return words[::-1]


def _before_measure(
    words: list[str], family: str, lex: MeasureWords, reach: int, tables: tuple[str, ...] = ("before", "names")
) -> str:
    """The nearest name among the last `reach` words before the figure."""
    for end in range(len(words), max(0, len(words) - reach), -1):
        head = words[:end]
        for table in tables:
            found, _ = match_end(head, lex.before if table == "before" else lex.names, family)
            if found:
                return found
    return ""


_RESTATED = re.compile(
    r"(\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+of\s+(?:the\s+|its\s+|their\s+)?[\w'’ -]{0,30}),\s*"
    r"(?:about|roughly|around|some|nearly|almost|approximately|~)?\s*$",
    re.IGNORECASE,
)


def _restated(before: str, family: str, lex: MeasureWords) -> str | None:
    """'cut 30% of staff, about 900 people': the count restates the share, so
    it measures what the verb before the share does (None: not a restatement)."""
    m = _RESTATED.search(before[-80:])
    if not m or family != "count":
        return None
    head = before[: len(before) - len(before[-80:]) + m.start()]
    return _before_measure(_before_words(head, lex), family, lex, 3, ("before",))


# ---------------------------------------------------------------- periods
_ROW_PERIOD = re.compile(
    r"^[\s|*#-]*(?:(Q[1-4]|[1-4]Q|H[12]|[12]H)\s*)?(?:FY|CY)?\s*'?(\d{4}|\d{2})\b(?=\s{2,}|\s*:|\t)",
    re.IGNORECASE,
)


SOME_YEAR = "?"  # "this year" in an article of unknown date: a year, but which one is not said
_RELATIVE_YEAR = re.compile(r"\b(?:this|next|the\s+coming|the\s+current)\s+(?:fiscal\s+|calendar\s+)?year\b", re.I)


def _line_before(text: str, start: int) -> str:
    """The line up to a figure, when it starts within WINDOW characters (a
    table row); "" on a long line (bounded: never a scan back through it)."""
    lo = max(0, start - WINDOW)
    cut = text.rfind("\n", lo, start)
    return text[cut + 1 : start] if cut >= 0 or lo == 0 else ""


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


# ---------------------------------------------------------------- status and base
def _status(joined: str, lex: MeasureWords) -> str:
    """The status the cue words beside a figure give it (the lexicon's first match)."""
    return next((name for name, cues in lex.status if cues.search(joined)), "reported")


PREMIUM = "premium"
_TO_REFERENCE = re.compile(r"^[^.;]{0,30}?\b(?:to|over|on)\s+([^.;()]{0,70})", re.IGNORECASE)


def _reference(after: str, lex: MeasureWords) -> str:
    """What a premium is measured against, named after it ('to the 30-day average price'), else ""."""
    m = _TO_REFERENCE.match(after)
    if not m:
        return ""
    joined = " ".join(lemma(w) for w in WORD.findall(m.group(1)))
    return next((name for name, cues in lex.references if cues.search(joined)), "")


def _base(joined: str, lex: MeasureWords) -> str:
    """The counting base named beside a figure: equity or enterprise value, basic or diluted."""
    return next((name for name, cues in lex.bases if cues.search(joined)), "")


# ---------------------------------------------------------------- subjects of a change
_CHANGED_TO = re.compile(
    r"(?:\b(?i:the|its|his|her|their|this|that)|[A-Z][\w.&-]*['’]s?)\s+((?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+)\s+"
    r"(?:(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+)?(?:[a-z]+ed|rose|fell|grew|cut|set)\s+(?:to|at)\s*$"
)


def _changed_measure(before: str, family: str, lex: MeasureWords) -> str:
    """'the margin loan was halved to $6bn', 'its equity commitment rose to $30bn':
    the figure is the new value of the noun phrase before the verb."""
    m = _CHANGED_TO.search(before[-80:])
    if not m:
        return ""
    words = [lemma(w) for w in m.group(1).split() if w.lower() not in lex.neutral]
    found = match(words, lex.names, family)
    named = _cued(words[-1], family) if words else ""
    if not found and named and spec(named).deal:
        found = named  # "the offer was raised to $X": the deal's value, not an "offer" of its own
    return found or (" ".join(words) if family == "money" and words else "")


_IS = re.compile(
    r"\b(?:the|its|his|her|their)\s+((?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+)\s+(?:was|is|were|are|stood\s+at|came\s+to)\s*$",
    re.IGNORECASE,
)


def _copula_measure(before: str, family: str, lex: MeasureWords) -> str:
    """'the true share was 20%', 'the price was $2bn': the subject's name, or its head noun."""
    m = _IS.search(before[-80:])
    if not m:
        return ""
    words = [lemma(w) for w in m.group(1).split() if w.lower() not in lex.neutral]
    named = _cued(words[-1], family) if words else ""
    found = match(words, lex.names, family) or (named if named and spec(named).deal else "")
    return found or (words[-1] if words and family in ("money", "percent") else "")


# ---------------------------------------------------------------- ratios
_RATIO = re.compile(r"([A-Za-z][A-Za-z .&-]{0,30}?)\s*/\s*(?:(?:FY|CY)?\s*'?\d{2,4}\s+)?([A-Za-z]+)\s*[:=]?\s*$", re.I)


def _ratio_measure(before: str, lex: MeasureWords) -> str:
    """'EV / FY2024 sales 8x' is a sales multiple; 'Net debt / sales 2x' is its own ratio."""
    m = _RATIO.search(before[-60:].rsplit("\n", 1)[-1])
    if not m:
        return ""
    top = [w.lower() for w in m.group(1).split() if w.lower() not in lex.neutral]
    bottom = m.group(2).lower()
    found = match([lemma(bottom)], lex.names, "multiplier")
    if found and top and lemma(top[-1]) in lex.value_words:
        return found
    return f"{' '.join(top)} to {bottom}"  # named as written: "net debt to sales"


# ---------------------------------------------------------------- entry point
def _window(n: Number, text: str, doc: Document | None) -> tuple[str, str]:
    """The text before and after a figure, within its sentence and WINDOW characters."""
    start, end = n.span.start, n.span.end
    lo, hi = start - WINDOW, end + WINDOW
    if doc is not None:
        s, e = doc.sentence_at(start)
        if e > s:
            lo, hi = max(s, lo), min(e, hi)
    return text[max(0, lo) : start], text[end : max(end, hi)]


_WORKFORCE = re.compile(
    r"\b(?:staff|employees?|workers?|workforce|jobs?|headcount|people|posts?|roles?|positions?|layoffs?|redundanc)",
    re.IGNORECASE,
)


def _measure(n: Number, before: str, after: str, words: list[str], lex: MeasureWords) -> tuple[str, bool]:
    """(measure, changed), where a cut is of jobs only beside a workforce word
    ('cut 30% of staff', not 'cut prices by 30%')."""
    measure, changed = _read_measure(n, before, after, words, lex)
    if measure == "job cuts" and not _WORKFORCE.search(before[-60:] + " " + after[:60]):
        return "", False
    return measure, changed


def _read_measure(n: Number, before: str, after: str, words: list[str], lex: MeasureWords) -> tuple[str, bool]:
    """(measure, changed): words beside the figure first, then its attribute,
    then a name farther back; `changed` for a new value ('rose to $X')."""
    family = unit_family(n.unit)
    if _SUM.search(before):
        return "", False  # the sum of a row ('a + b = $X'), not one more claim of its label's measure
    if family == "money" and _PER_SHARE.match(after):
        return "price per share", False
    if family in ("count", "multiplier") and _EXCHANGE.match(after):
        return EXCHANGE_RATIO, False  # "0.72 Ardent shares for each Belcourt share"
    if family == "money" and (form := _FORM_BEFORE.search(before[-20:])):
        return _FORMS[form.group(1).lower()[:4]], False
    if family == "multiplier" and (ratio := _ratio_measure(before, lex)):
        return ratio, False
    if (restated := _restated(before, family, lex)) is not None:
        return restated, False
    attribute = n.attribute if n.attribute and spec(n.attribute).conflicts else ""
    after_found, how = _after_measure(after, family, lex)
    if how == "name":
        return after_found, False
    if how == "of" and attribute == "stake":
        return attribute, False  # "49% of ACME", "30% of its shares": a holding in the company
    if changed := _changed_measure(before, family, lex):
        return changed, True
    return (
        _copula_measure(before, family, lex)
        or _before_measure(words, family, lex, 2, ("before",))
        or (after_found if how == "direct" else "")
        or _before_measure(words, family, lex, 2, ("names",))
        or after_found
        or attribute
        or _before_measure(words, family, lex, YEAR_WORDS if family == "year" else BEFORE_WORDS)
    ), False


_SUM = re.compile(r"\+[^\n=]*=\s*$")


def claim_key(
    n: Number, text: str, doc: Document | None = None, organisations: Organisations | None = None
) -> ClaimKey:
    """The claim of figure `n` in its article `text` (empty text: the attribute
    alone); `organisations`, the article's organisation mentions in order."""
    lex = measure_words()
    if not text or unit_family(n.unit) in OWN_LOGIC:
        attribute = n.attribute if n.attribute and spec(n.attribute).conflicts else ""
        return ClaimKey(attribute, period=n.period)
    before, after = _window(n, text, doc)
    line = _line_before(text, n.span.start)
    basis = _basis(after, before)
    words = _before_words(before, lex)
    measure, changed = _measure(n, before, after, words, lex)
    period = _row_period(line) or n.period or (SOME_YEAR if _RELATIVE_YEAR.search(before[-60:] + after[:60]) else "")
    near = " ".join(words + [lemma(w) for w in WORD.findall(after[:60])])
    if not basis and measure in lex.accumulating and _running_total(before, after, lex):
        basis = TO_DATE
    return ClaimKey(
        measure=measure,
        basis=basis,
        period="" if basis else period,
        status=_status(near, lex),
        base=_reference(after, lex) if measure == PREMIUM else _base(near, lex),
        changed=changed,
        subject=referent(n, before, organisations) if organisations else "",
        open=bool(measure) and measure not in lex.units and not known(measure),
    )


TO_DATE = "to date"  # the basis of a running total
_CLAUSE_END = re.compile(r"[,;:()]")


def _running_total(before: str, after: str, lex: MeasureWords) -> bool:
    """'brings its total funding to $520m', '$1bn raised so far': words of a
    running total in the figure's own clause (a round's size beside one is not)."""
    head = _CLAUSE_END.split(before[-60:])[-1]
    tail = _CLAUSE_END.split(after[:40])[0]
    return bool(lex.cumulative.search(phrase(head) + " " + phrase(tail)))


def resolve_heads(keys: list[ClaimKey]) -> list[ClaimKey]:
    """Within one article, in reading order: a bare head noun ('the loan')
    means the last measure it heads ('bridge loan'). One dict lookup each."""
    last: dict[str, str] = {}
    out = []
    for k in keys:
        words = k.measure.split()
        if k.open and len(words) == 1 and words[0] in last:
            k = replace(k, measure=last[words[0]])
        elif len(words) > 1:
            last[words[-1]] = k.measure
        out.append(k)
    return out


def shared_bases(keys: list[ClaimKey], numbers: list[Number]) -> list[ClaimKey]:
    """One article's sums of one value share the base one of them names: a
    headline's '$3.1bn deal' is its body's '$3.1bn enterprise value'. One pass."""
    named: dict[tuple[float | str, str], set[str]] = {}
    for k, n in zip(keys, numbers, strict=True):
        if k.base and unit_family(n.unit) == "money":
            named.setdefault((n.value, n.unit), set()).add(k.base)
    if not named:
        return keys
    out = []
    for k, n in zip(keys, numbers, strict=True):
        bases = named.get((n.value, n.unit), set()) if not k.base else set()
        out.append(replace(k, base=next(iter(bases))) if len(bases) == 1 else k)
    return out


def dated(keys: list[ClaimKey], numbers: list[Number], doc: Document | None) -> list[ClaimKey]:
    """Each claim with the date nearest to it in its sentence ("a 38% premium to
    the close on April 1"), if any. `numbers` in reading order; one pass."""
    if doc is None:
        return keys
    dates = [
        (n.span.start, n.value)
        for n in numbers
        if n.unit == "date" and isinstance(n.value, str) and not in_dateline(doc.text, n.span.start, n.span.end)
    ]
    starts = [d[0] for d in dates]
    out = []
    for k, n in zip(keys, numbers, strict=True):
        s, e = doc.sentence_at(n.span.start)
        i = bisect.bisect_left(starts, n.span.start)
        near = [dates[j] for j in (i - 1, i) if 0 <= j < len(dates) and s <= dates[j][0] < e]
        if near and n.unit != "date":
            _, value = min(near, key=lambda d: abs(d[0] - n.span.start))
            k = replace(k, as_of=value[-5:])
        out.append(k)
    return out


def article_keys(
    numbers: list[Number], text: str, doc: Document | None, mentions: list[Mention]
) -> dict[str, ClaimKey]:
    """The claim key of each figure of ONE article by number id, read in reading
    order (a head noun and a date reach back across the article); `mentions`,
    the article's, fresh from the entities (none marked `listed`)."""
    ordered = sorted(numbers, key=lambda n: n.span.start)
    orgs = Organisations.of(mentions)
    keys = shared_bases(dated(resolve_heads([claim_key(n, text, doc, orgs) for n in ordered]), ordered, doc), ordered)
    return {n.id: k for n, k in zip(ordered, keys, strict=True)}
