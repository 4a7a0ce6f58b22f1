"""The number grammar: every quantity written with digits, normalised.

One master regex finds candidates (dates, quarters, and amounts with an
optional currency and scale); a little Python per candidate reads the words
right around it (hedges before, units and ranges after) to decide the unit,
the qualifier and the interval the hedged value allows. Offsets always index
the original text, which is never rewritten: lookalike spaces and dashes are
accepted by the patterns instead of normalised away.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TypeVar

from facts.extract.directions import direction_of
from facts.extract.document import Spans, document_of, span_at
from facts.extract.spelled import find_spelled
from facts.lexicon import load_model
from facts.lexicon.models import NumbersLexicon
from facts.model import Number, Span, number_id, share_sentences
from facts.text import alternation

HS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"  # horizontal space: a number never spans lines
DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"
LETTER = r"A-Za-z\u00c0-\u024f"
MAX_DIGITS = 15  # beyond this a digit run is an identifier, not a quantity
APPROX_SPREAD = (0.01, 0.05)  # the least and the most a hedge allows either side, as a share of the value
MAX_CONTEXT = 400  # characters of a runaway sentence kept on either side of a number
LOOKBACK = 32  # the longest text a number may have before its first digit ("September of 1991")


def _alt(words: Iterable[object], flags: str = "") -> str:
    """A regex alternation of literal words, longest first so "US$" beats "$"."""
    body = alternation((str(w) for w in words), fold_case="i" in flags)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@dataclass(frozen=True)
class _Lex:
    prefixes: dict[str, str]
    codes: frozenset[str]
    words: dict[str, str]
    by_context: dict[str, tuple[str, ...]]
    scale_words: dict[str, Decimal]
    suffixes: dict[str, Decimal]
    bare_suffixes: frozenset[str]
    hedges: dict[str, str]
    below: frozenset[str]
    year_hedges: frozenset[str]
    trailing: dict[str, str]
    months: dict[str, int]
    durations: dict[str, tuple[str, int]]
    minor: dict[str, tuple[str, Decimal]]
    age_before: tuple[str, ...]
    not_age_at: frozenset[str]
    age_after_at: tuple[str, ...]
    counted: frozenset[str]
    function_words: frozenset[str]
    labels: frozenset[str]
    code_scales: dict[str, Decimal]
    suffix_symbols: dict[str, str]
    words_after_scale: dict[str, str]
    bare_decimal_suffixes: frozenset[str]
    spaced_suffixes: frozenset[str]
    duration_adjectives: frozenset[str]
    minus_words: frozenset[str]
    vulgar: dict[str, Decimal]
    denominators: frozenset[int]


@cache
def _lex() -> _Lex:
    d = load_model("numbers", NumbersLexicon)
    return _Lex(
        prefixes=dict(d.currency_prefixes),
        codes=frozenset(d.currency_codes) | frozenset(d.currency_codes_lowercase),
        words={k.casefold(): v for k, v in d.currency_words.items()},
        by_context={k.casefold(): v for k, v in d.currency_words_by_context.items()},
        scale_words={k.casefold(): v for k, v in d.scale_words.items()},
        suffixes=dict(d.scale_suffixes),
        bare_suffixes=frozenset(d.bare_suffixes),
        hedges={w.casefold(): q for q, ws in d.hedges.items() for w in ws},
        below=frozenset(w.casefold() for w in d.hedges_below),
        year_hedges=frozenset(w.casefold() for w in d.year_hedges),
        trailing={k.casefold(): v for k, v in d.trailing_hedges.items()},
        months={k.casefold(): v for k, v in d.months.items()},
        durations={k.casefold(): v for k, v in d.durations.items()},
        minor={k.casefold(): v for k, v in d.minor_units.items()},
        age_before=d.age_before,
        not_age_at=frozenset(w.casefold() for w in d.prices_at),
        age_after_at=d.age_after_at,
        counted=frozenset(w.casefold() for w in d.counted_nouns),
        function_words=frozenset(w.casefold() for w in d.function_words),
        labels=frozenset(w.casefold() for w in d.label_words),
        code_scales=dict(d.code_scales),
        suffix_symbols=dict(d.currency_suffix_symbols),
        words_after_scale={k.casefold(): v for k, v in d.currency_words_after_scale.items()},
        bare_decimal_suffixes=frozenset(d.bare_decimal_suffixes),
        spaced_suffixes=frozenset(d.spaced_suffixes),
        duration_adjectives=frozenset(w.casefold() for w in d.duration_adjectives),
        minus_words=frozenset(w.casefold() for w in d.minus_words),
        vulgar=dict(d.vulgar_fractions),
        denominators=frozenset(d.fraction_denominators),
    )


# ---------------------------------------------------------------- patterns
@dataclass(frozen=True)
class _Patterns:
    master: re.Pattern[str]
    amount: re.Pattern[str]
    tail: re.Pattern[str]
    trailing: re.Pattern[str]
    connector: re.Pattern[str]
    hedge: re.Pattern[str]
    age_before: re.Pattern[str]
    at_before: re.Pattern[str]
    age_after_at: re.Pattern[str]
    apposition: re.Pattern[str]
    comma_after: re.Pattern[str]
    prev_token: re.Pattern[str]
    next_words: re.Pattern[str]
    scale_after: re.Pattern[str]
    cents_after: re.Pattern[str]
    minus_before: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    starts: re.Pattern[str]


def _amount_pattern(lx: _Lex) -> str:
    # Every repetition below consumes a separator and a fixed number of digits, so a
    # candidate is read in one pass whatever runs of spaces or digits surround it.
    grouped = (
        r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])"  # 1,500,000
        r"|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])"  # 15,00,000 (lakh grouping)
        r"|[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9])"  # 1.500.000 (continental grouping)
        r"|[0-9]{1,3}(?:\.[0-9]{3})+(?=,[0-9]{1,2}(?![0-9]))"  # 1.234,5 (continental, with decimals)
        r"|[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3}){1,4}(?![0-9]|[ \u00a0\u2009\u202f][0-9])"  # 7 500, 2 345 678
        r"|[0-9]{1,3}(?:['’][0-9]{3})+(?![0-9])"  # 1'000'000 (Swiss grouping)
    )
    # A comma decimal has one or two digits ("9,2", "54,20"); three make a group ("1,500").
    exponent = r"[eE][+-]?[0-9]{1,2}(?![0-9])"
    decimal = rf"(?:\.[0-9]+(?:{exponent})?|,[0-9]{{1,2}}(?![0-9])|{exponent})"
    vulgar = _alt(lx.vulgar)
    dens = "|".join(str(d) for d in sorted(lx.denominators, reverse=True))
    fraction = rf"(?:(?P<fw>[0-9]{{1,3}}){HS})?(?P<fn>[0-9]{{1,2}})/(?P<fd>{dens})(?![0-9/])"
    point = r"\.[0-9]+(?![0-9])"  # ".08", "$.50": a decimal without its leading zero
    digits = rf"(?P<fr>{fraction})|(?:{grouped}|[0-9]+){decimal}?(?P<vf>{vulgar})?|(?P<vf0>{vulgar})|{point}"
    suffixes = _alt(lx.suffixes)
    spaced = _alt(lx.spaced_suffixes)
    return (
        rf"(?<![{LETTER}0-9_])(?<![0-9][.,])"
        rf"(?:(?P<cur>{_alt(lx.prefixes)}){HS}?(?P<neg>[-\u2212](?=[0-9]))?)?"  # "$-99.99": a sign after the currency
        rf"(?P<n>{digits})(?![0-9])"
        rf"(?:(?:{HS}|{DASH})?(?P<sw>{_alt(lx.scale_words, 'i')})(?![{LETTER}])|(?P<ss>{suffixes})(?![{LETTER}0-9])"
        rf"|{HS}(?P<ss2>{spaced})(?![{LETTER}0-9]))?"
    )


def _date_patterns(lx: _Lex) -> str:
    full = _alt(m.capitalize() for m in lx.months if len(m) > 4 or m == "june" or m == "july" or m == "may")
    short = _alt(m.capitalize() for m in lx.months if len(m) <= 4 and m not in ("june", "july", "may"))
    # an abbreviation may take a full stop ("Jan."); a full name never swallows the sentence's
    month = rf"(?P<{{}}>{full}(?![{LETTER}])|{short}(?![{LETTER}])\.?)"
    year = r"(?:1[89]|20|21)[0-9]{2}"
    any_month = _alt(lx.months, "i")
    return "|".join(
        [
            # numeric dates: "28.10.2022", "3/7/2019", "17/09/2020", "3/7/19"; the order of day and
            # month is decided by the figure, else by the article's other dates
            rf"(?P<nd>(?<![{LETTER}0-9.,/:\-])(?P<na>[0-9]{{1,2}})(?P<ns>[./\-])(?P<nb>[0-9]{{1,2}})(?P=ns)"
            rf"(?P<ny>{year}|(?<=/)[0-9]{{2}})(?![0-9]|[.,:/\-][0-9]))",
            # compact dates: "30-Jun-2021", "1-Oct-21", "12-Aug"
            rf"(?P<dmo>(?<![{LETTER}0-9.,/\-])(?P<d4>[0-9]{{1,2}})-(?P<m4>{any_month})"
            rf"(?:-(?P<y4>{year}|[0-9]{{2}}))?(?![{LETTER}0-9]|-[0-9]))",
            # "Sep-2021", "Mar-21"
            rf"(?P<moy>(?<![{LETTER}0-9\-])(?P<m5>{any_month})-(?P<y5>{year}|[0-9]{{2}})(?![{LETTER}0-9]|-[0-9]))",
            rf"(?P<iso>(?<![{LETTER}0-9.])(?P<iy>{year})-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-3][0-9])"
            rf"(?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?)?)?"
            rf"(?![{LETTER}0-9]|-[0-9]))",
            rf"(?P<mdy>\b{month.format('m1')}{HS}+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:,?{HS}+(?P<y1>{year}))?(?![{LETTER}0-9]|[.,][0-9]))",
            rf"(?P<dmy>(?<![{LETTER}0-9.,$€£¥])(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?{HS}+(?:of{HS}+)?"
            rf"{month.format('m2')}(?:,?{HS}+(?P<y2>{year})(?![{LETTER}0-9]))?)",
            # "9 feb 2024": a month in any case when the day and the year are written
            rf"(?P<dmyl>(?<![{LETTER}0-9.,$€£¥])(?P<d6>[0-9]{{1,2}}){HS}+(?P<m6>{any_month})\.?,?{HS}+"
            rf"(?P<y6>{year})(?![{LETTER}0-9]))",
            rf"(?P<my>\b{month.format('m3')},?{HS}+(?:of{HS}+)?(?P<y3>{year})(?![{LETTER}0-9]))",
            rf"(?P<qtr>\b(?:(?:Q[1-4]|H[12])(?:{HS}|{HS}?['’]|-)|(?:FY|CY|[1-4]Q|[12]H){HS}?['’]?)"
            rf"(?P<qy>[0-9]{{4}}|[0-9]{{2}})(?![{LETTER}0-9]))",
        ]
    )


def _tail_pattern(lx: _Lex) -> str:
    sep = rf"(?:{DASH}|{HS})"
    return (
        r"(?P<plus>\+)?(?:"
        # "3.5pc", "25-per-cent"
        rf"(?P<pct>{HS}?%|(?:{HS}|-)?(?:(?i:per(?:{HS}|-)?cent|percent(?:age{HS}points?)?|pct|ppts?)|pc)(?![{LETTER}]))"
        rf"|(?P<mult>(?:[xX×]|{HS}?{DASH}?(?i:fold)|{HS}(?i:times))(?![{LETTER}0-9]))"
        rf"|(?P<age>{sep}(?i:years?){sep}(?i:old)(?![{LETTER}]))"
        rf"|(?P<dur>{sep}(?:{_alt(lx.duration_adjectives, 'i')}{HS}+)?(?P<du>{_alt(lx.durations, 'i')})(?![{LETTER}]))"
        rf"|(?P<minor>p(?![{LETTER}0-9])|{HS}?(?i:{_alt(m for m in lx.minor if m != 'p')})(?![{LETTER}]))"
        rf"|(?P<cw>{sep}(?P<of>(?i:of|de){HS}+)?(?P<cwn>{_alt(lx.words, 'i')})(?![{LETTER}]))"
        rf"|(?P<cws>{sep}(?P<of2>(?i:of){HS}+)?(?P<cwsn>{_alt(lx.words_after_scale, 'i')})(?![{LETTER}]))"
        rf"|(?P<cc>{HS}?(?P<ccs>{_alt(lx.code_scales)})?(?P<ccn>{_alt(lx.codes)})(?![{LETTER}]))"  # "115USD" too
        rf"|(?P<sym>{HS}?(?P<symn>{_alt(lx.suffix_symbols)})(?![{LETTER}0-9]|{HS}?[0-9]))"
        r")?(?P<plus2>\+)?"
    )


@cache
def _patterns() -> _Patterns:
    lx = _lex()
    amount = _amount_pattern(lx)
    trailing = "|".join(
        (re.escape(w) if w.startswith("-") else HS + re.escape(w).replace(r"\ ", HS)) for w in lx.trailing
    )
    hedge_words = _alt(lx.hedges, "i").replace(r"\ ", HS)
    age_words = _alt(lx.age_before, "i").replace(r"\ ", HS)
    months = _alt(m.capitalize() for m in lx.months)
    symbols = "".join(sorted({p[0] for p in lx.prefixes if not p[0].isalnum()}))
    return _Patterns(
        master=re.compile(f"{_date_patterns(lx)}|(?P<num>{amount})"),
        amount=re.compile(amount),
        tail=re.compile(_tail_pattern(lx)),
        # "8 and up" is a hedge, "8 and up to 12" two figures: a hedge never opens a range
        trailing=re.compile(rf"(?i:{trailing})(?![{LETTER}])(?!{HS}+to{HS})"),
        connector=re.compile(rf"(?P<dash>{HS}?{DASH}{HS}?|/(?=[0-9]))|{HS}+(?P<word>to|and|through){HS}+"),
        hedge=re.compile(rf"(?:(?<![{LETTER}0-9])(?P<w>{hedge_words})|(?P<s>[~≈<>≤≥])){HS}*$"),
        age_before=re.compile(rf"(?<![{LETTER}])(?:{age_words}){HS}+$"),
        at_before=re.compile(rf"(?:(?P<verb>[{LETTER}]+){HS}+)?(?<![{LETTER}])(?i:at){HS}+$"),
        # "Raman, 45,", "Raman (45)" (European papers), "then 29", "now 34"
        apposition=re.compile(
            rf"(?:(?<![{LETTER}])[A-Z][{LETTER}'’.\-]*(?:{HS}?,{HS}+|{HS}\()|(?<![{LETTER}])(?i:then|now){HS}+)$"
        ),
        comma_after=re.compile(rf"{HS}*[,;)]"),
        age_after_at=re.compile(rf"{HS}*(?:[,.;:!?)\]\n\u2013\u2014]|$)|{HS}+(?:{_alt(lx.age_after_at, 'i')})\b"),
        prev_token=re.compile(rf"([{LETTER}][{LETTER}0-9.&'’]*|#)({HS}|{DASH})$"),
        next_words=re.compile(rf"{HS}+([{LETTER}][{LETTER}'’-]*)(?:{HS}+([{LETTER}][{LETTER}'’-]*))?"),
        scale_after=re.compile(rf"{HS}({_alt(lx.scale_words, 'i')})(?![{LETTER}])"),
        cents_after=re.compile(rf"{HS}+(?:(?i:and){HS}+)?([0-9]{{1,2}}){HS}*(?i:cents?)(?![{LETTER}])"),
        minus_before=re.compile(rf"(?<![{LETTER}])(?i:{_alt(lx.minus_words)}){HS}+$"),
        day_month=re.compile(rf"[0-9]{{1,2}}{HS}(?:{months})(?![{LETTER}])"),
        month_day=re.compile(rf"(?:{months})\.?{HS}[0-9]{{1,2}}(?![0-9])"),
        # where a number may start before its first digit: a month, a lettered currency, a period
        starts=re.compile(
            rf"(?<![{LETTER}0-9_])(?:(?i:{_alt(lx.months)})|{_alt(p for p in lx.prefixes if p[0].isalpha())}|Q|H|FY|CY)"
            rf"|[{re.escape(symbols)}]|(?<![{LETTER}0-9_.,])\."  # ".08": checked up to the digit only
        ),
    )


# ---------------------------------------------------------------- one amount
@dataclass(frozen=True, slots=True)
class _Amount:
    """An amount with whatever was written around it; unit "" when bare."""

    start: int
    end: int
    num: Decimal
    grouped: bool  # written with thousands separators: never borrows a range's scale
    integer: bool
    currency: str = ""
    scale: Decimal | None = None
    unit: str = ""
    factor: Decimal = Decimal(1)  # "2 decades" is 20 years, "410p" is 4.10 pounds
    qualifier: str = ""  # from "+" or a trailing hedge
    negative: bool = False  # a sign between the currency and the digits
    shared_word: str = ""  # a currency word several currencies share ("crowns"): settled by the article

    @property
    def year_like(self) -> bool:
        return (
            self.integer
            and not self.grouped
            and not self.currency
            and self.scale is None
            and not self.unit
            and (1800 <= self.num <= 2100)
        )

    @property
    def bare(self) -> bool:
        return not (self.currency or self.scale is not None or self.unit)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: float | str
    unit: str
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    shared_word: str = ""


def _read_amount(text: str, m: re.Match[str], shared_currency: str = "", european: bool = False) -> _Amount | None:
    """The amount at `m` (a match of the amount pattern) and its tail; None when not a quantity.

    `shared_currency`: the currency of a range's first end, which lets "€90-100m" scale its second.
    `european`: the article writes decimals with a comma, which decides "1,500 billion" and "7.500".
    """
    lx, raw = _lex(), m.group("n")
    if len(raw) > MAX_DIGITS * 3 or _malformed(text, m.end("n")):
        return None
    if raw[0] == "0" and raw[1:2].isdigit():
        return None  # "0100": an identifier, not a quantity
    cur = lx.prefixes.get(m.group("cur") or "", "")
    scale = None
    if m.group("sw"):
        scale = lx.scale_words[m.group("sw").casefold()]
    elif m.group("ss") or m.group("ss2"):
        suffix = m.group("ss") or m.group("ss2")
        bare_ok = (
            suffix in lx.bare_suffixes
            or (suffix in lx.bare_decimal_suffixes and "." in raw)
            or _counted_next(text, m.end())
        )
        if not (cur or shared_currency or bare_ok):
            return None  # "4K", "5m": a screen or a length, not an amount
        scale = lx.suffixes[suffix]
    # "7.500 employees": a dot before three digits groups thousands where people or things are counted
    counted = not european and scale is None and _DOT_GROUP.fullmatch(raw) is not None and _counted_next(text, m.end())
    read = _numeral(m, european or counted, scale is not None)
    if read is None:
        return None
    num, grouped, integer = read
    amount = _Amount(m.start(), m.end(), num, grouped, integer, cur, scale, negative=bool(m.group("neg")))
    return _read_tail(text, amount)


_SEPARATORS = re.compile(r"[ \u00a0\u2009\u202f'’]")


def _numeral(m: re.Match[str], european: bool, scaled: bool) -> tuple[Decimal, bool, bool] | None:
    """(value, written with group separators, written without decimals) of the digits of `m`."""
    lx = _lex()
    if m.group("fr"):
        units, over, under = int(m.group("fw") or 0), int(m.group("fn")), int(m.group("fd"))
        if not 0 < over < under:
            return None  # "5/4", "0/8": not a written fraction
        return Decimal(units) + Decimal(over) / Decimal(under), False, False
    if m.group("vf0"):
        return lx.vulgar[m.group("vf0")], False, False
    raw: str = m.group("n")
    extra = Decimal(0)
    if m.group("vf"):
        extra = lx.vulgar[m.group("vf")]
        raw = raw[: -len(m.group("vf"))]
    body = _SEPARATORS.sub("", raw)
    spaced = body != raw
    if body.startswith("."):
        body = "0" + body
    mantissa, _, exponent = body.lower().partition("e")
    whole, frac = _split_decimal(mantissa, european, scaled)
    if whole is None or len(whole) > MAX_DIGITS:
        return None
    try:
        num = Decimal(f"{whole}.{frac}" if frac else whole)
        if exponent:
            num = num.scaleb(int(exponent))
    except (InvalidOperation, ValueError):
        return None
    grouped = spaced or _has_groups(mantissa, frac)
    return num + extra, grouped, not frac and not exponent and not extra


def _split_decimal(body: str, european: bool, scaled: bool) -> tuple[str | None, str]:
    """The whole and fractional digits of a numeral with "," and "." in either role.

    The last separator is the decimal one when both appear ("1.234,5", "1,234.5"); a single
    comma before one or two digits is a decimal ("9,2"), before three a thousands group
    ("1,500") unless the article writes comma decimals and a scale word follows
    ("1,500 billion"); a single dot before three digits is a group only in such an article
    and without a scale word ("7.500 employees").
    """
    commas, dots = body.count(","), body.count(".")
    if commas and dots:
        dec = "," if body.rfind(",") > body.rfind(".") else "."
        head, _, frac = body.rpartition(dec)
        return head.replace(",", "").replace(".", ""), frac
    if commas:
        head, _, tail = body.rpartition(",")
        if commas == 1 and (len(tail) != 3 or (european and scaled)):
            return head, tail
        return body.replace(",", ""), ""
    if dots > 1:
        return body.replace(".", ""), ""
    if dots == 1:
        head, _, tail = body.partition(".")
        if european and not scaled and len(tail) == 3 and len(head) <= 3:
            return head + tail, ""
        return head, tail
    return body, ""


def _has_groups(mantissa: str, frac: str) -> bool:
    """Thousands separators were written ("1,500", "1.500.000", "1.234,5")."""
    seps = mantissa.count(",") + mantissa.count(".")
    return seps > (1 if frac else 0)


def _malformed(text: str, end: int) -> bool:
    """Digits run on into a version, time or fraction ("3.5.1", "10:30", "24/7"); "2025/26" is fine."""
    nxt = text[end : end + 2]
    if nxt[:1] == "/" and _FISCAL.match(text, end - 4):
        return False
    return len(nxt) == 2 and nxt[0] in ".,:/" and nxt[1].isdigit()


def _read_tail(text: str, a: _Amount) -> _Amount | None:
    lx, pats = _lex(), _patterns()
    t = pats.tail.match(text, a.end)
    assert t is not None  # every part of the tail is optional: it matches, if only the empty string
    unit, factor, cur, end, shared = "", Decimal(1), a.currency, t.end(), ""
    if (t.group("of") or t.group("cws")) and a.scale is None:
        end = a.end  # "5 of dollars", "3 won": such a currency needs a scale word first
    elif t.group("pct"):
        unit = "percent"
    elif t.group("mult"):
        unit = "multiplier"
    elif t.group("age"):
        unit = "age"
    elif t.group("dur"):
        unit, n = lx.durations[t.group("du").casefold()]
        factor = Decimal(n)
    elif t.group("minor"):
        code, factor = lx.minor[_squash(t.group("minor")).strip()]
        unit, cur = (code, cur) if code == "percent" else ("", code)  # "150 bps": percentage points
    elif t.group("cw") or t.group("cws"):
        word = (t.group("cwn") or t.group("cwsn")).casefold()
        shared = "" if cur else word if word in lx.by_context else ""
        cur = cur or lx.words.get(word) or lx.words_after_scale[word]
    elif t.group("cc"):
        code = t.group("ccn").upper()
        cur = cur or lx.prefixes.get(code, code)
        if t.group("ccs") and a.scale is None:
            a = replace(a, scale=lx.code_scales[t.group("ccs")])  # "40 MEUR"
    elif t.group("sym"):
        cur = cur or lx.suffix_symbols[t.group("symn")]
    named = end > a.end and bool(t.group("cw") or t.group("cc") or t.group("sym"))
    if named and not a.currency and a.scale is None:
        sw = pats.scale_after.match(text, end)  # "60 USD million", "12 € million"
        if sw:
            a, end = replace(a, scale=lx.scale_words[sw.group(1).casefold()]), sw.end()
    if named and a.scale is None and t.group("cw"):
        cents = pats.cents_after.match(text, end)  # "7 dollars 25 cents": one amount
        if cents:
            a, end = replace(a, num=a.num + Decimal(cents.group(1)) / 100, integer=False), cents.end()
    qualifier = "over" if t.group("plus") or t.group("plus2") else ""
    trail = pats.trailing.match(text, end)
    if trail:
        qualifier, end = lx.trailing[_squash(trail.group()).lstrip(" ")], trail.end()
    if _CLOCK.match(text, end):
        return None  # "2 pm", "9.30 a.m.": a time of day, not a quantity
    if not unit and _DECADE.match(text, a.start, end + 2) and a.integer and not cur and a.scale is None:
        return _Amount(a.start, end + 1, a.num, False, True, unit="year")  # "the 1990s": its first year
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return None  # "3D", "1st", "5G": digits glued to letters
    if _FORM_CODE.match(text, end):
        return None  # "8-K", "10-Q": a form's name
    # the constructor, not dataclasses.replace: this runs once per number and replace is slow
    return _Amount(a.start, end, a.num, a.grouped, a.integer, cur, a.scale, unit, factor, qualifier, a.negative, shared)


def _settle_shared_words(found: list[_Found], text: str) -> list[_Found]:
    """'NOK 9.8bn ... 600 million crowns': a word several currencies share is the
    one of them the nearest amount names, else one whose code the article writes,
    else the lexicon's first. A bisection per amount: bounded however many there are."""
    if not any(f.shared_word for f in found):
        return found
    options, written = _lex().by_context, set(_CODE_WORD.findall(text))
    starts: dict[tuple[str, ...], list[tuple[int, str]]] = {}  # per set of choices: named amounts in order
    out = []
    for f in found:
        if f.shared_word:
            choices = options[f.shared_word]
            named = starts.setdefault(
                choices, [(g.start, g.unit) for g in found if not g.shared_word and g.unit in choices]
            )
            f = replace(f, unit=_nearest_unit(named, f.start) or next((c for c in choices if c in written), choices[0]))
        out.append(f)
    return out


def _nearest_unit(named: list[tuple[int, str]], start: int) -> str:
    i = bisect.bisect_left(named, (start, ""))
    near = [named[j] for j in (i - 1, i) if 0 <= j < len(named)]
    return min(near, key=lambda n: abs(n[0] - start))[1] if near else ""


_CODE_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).casefold()


# ---------------------------------------------------------------- the scanner
class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.last_end = 0  # hedges never reach back into the previous number
        self.found: list[_Found] = []
        self.european, self.day_first = _habits(text)

    def run(self) -> list[_Found]:
        """Every number, read left to right.

        A character scan finds each run of digits; the master pattern is then tried only
        where a number may start in the few characters before it (a word, a currency
        sign, the digits themselves), so text without digits costs nothing and the work
        per number is bounded whatever surrounds it.
        """
        text, pos = self.text, 0
        addresses = _ADDRESS.finditer(text)
        address = next(addresses, None)
        while d := _ANCHOR.search(text, pos):
            while address is not None and address.end() <= d.start():
                address = next(addresses, None)
            if address is not None and address.start() <= d.start():
                pos = address.end()  # a figure inside a web address is no quantity
                continue
            m = self._match_before(d.start(), max(pos, d.start() - LOOKBACK))
            if m is None:
                pos = d.end()  # digits inside a name ("A320neo"): no number starts in the run
                continue
            pos = self._date(m) if m.group("num") is None else self._amounts(m.start("num"))
            pos = max(pos, m.start() + 1)
        self._add_spelled()
        return _settle_shared_words(self.found, text)

    def _add_spelled(self) -> None:
        """Quantities in words ("half a billion dollars"), where no digits were read, with their hedges."""
        spelled = find_spelled(self.text)
        if not spelled:
            return
        found, by_context = self.found, _lex().by_context
        starts = [f.start for f in found]
        words: list[_Found] = []
        for s in spelled:
            i = bisect.bisect_left(starts, s.start)
            self.last_end = found[i - 1].end if i else 0
            if self.last_end > s.start or (i < len(found) and found[i].start < s.end):
                continue  # digits were read there
            start, qualifier, hedge = self._hedge(s.start, s.unit)
            low, high = _interval(s.value, s.unit, qualifier, hedge)
            shared = s.word if s.word in by_context else ""
            words.append(_Found(start, s.end, s.value, s.unit, qualifier, low, high, shared))
        self.found = sorted(found + words, key=lambda f: f.start)

    def _match_before(self, digit: int, lo: int) -> re.Match[str] | None:
        """The leftmost master match starting in [lo, digit]: at a word, a currency sign or the digit."""
        pats, text = _patterns(), self.text
        for s in pats.starts.finditer(text, lo, digit):
            m = pats.master.match(text, s.start())
            if m is not None:
                return m
        return pats.master.match(text, digit)

    def _emit(self, f: _Found) -> None:
        if f.start >= self.last_end and f.end > f.start:
            self.found.append(f)
            self.last_end = f.end

    # ---- dates and quarters
    def _date(self, m: re.Match[str]) -> int:
        value = _date_value(m, self.day_first)
        if value is None:
            if m.group("nd"):
                return _skip_run(self.text, m.start())  # "45.13.2020": neither a date nor an amount
            return self._amounts(m.start()) if m.group("dmy") or m.group("dmo") else m.start() + 1
        if isinstance(value, float):  # a year
            f = _Found(m.start(), m.end(), value, "year", low=value, high=value)
        elif m.group("mdy") and not m.group("y1") and (days := _DAY_RANGE.match(self.text, m.end())):
            return self._day_range(m, days)
        else:
            f = _Found(m.start(), m.end(), value, "date")
        self._emit(f)
        return m.end()

    def _day_range(self, m: re.Match[str], days: re.Match[str]) -> int:
        """ "April 25-26, 2022", "from April 4 to 14": both ends are dates of that month."""
        month, year = _lex().months[m.group("m1").rstrip(".").casefold()], _int(days.group("y"))
        first, second = _iso(year, month, int(m.group("d1"))), _iso(year, month, int(days.group("d")))
        if first is None or second is None or second <= first:
            self._emit(_Found(m.start(), m.end(), first or "", "date"))
            return m.end()
        self._emit(_Found(m.start(), m.end(), first, "date", "range"))
        self._emit(_Found(days.start("d"), days.end(), second, "date", "range"))
        return days.end()

    # ---- amounts, alone or as the two ends of a range
    def _amounts(self, pos: int) -> int:
        pats = _patterns()
        m = pats.amount.match(self.text, pos)
        phone = _PHONE.match(self.text, pos - 1 if self.text[pos - 1 : pos] == "+" else pos)
        if phone:
            return max(phone.end(), m.end() if m else 0)  # and the rest of a run of digit groups
        if self.text[pos - 1 : pos] in _ADDRESS_MARKS and pos > 0:
            return _skip_run(self.text, pos)  # "?id=123", "/2025/06/", "x99@": part of an address
        if not m:
            return pos + 1
        first = _read_amount(self.text, m, european=self.european)
        if first is None:
            return _skip_run(self.text, m.end())
        second, conn = self._range_end(first)
        if second is not None:
            return self._emit_range(first, second)
        if conn == "broken":
            return _skip_run(self.text, first.end)
        self._emit_single(first)
        return first.end

    def _range_end(self, first: _Amount) -> tuple[_Amount | None, str]:
        pats, text = _patterns(), self.text
        c = pats.connector.match(text, first.end)
        if not c:
            return None, ""
        word = (c.group("word") or "").casefold()
        if word == "and" and not _BETWEEN.search(text, max(0, first.start - 12), first.start):
            return None, ""
        m = pats.amount.match(text, c.end())
        second = _read_amount(text, m, first.currency, self.european) if m else None
        dash: str | None = c.group("dash")
        glued = dash is not None and dash.strip() == dash
        if dash == "/" and not first.year_like:
            return None, ""
        if m is None or second is None or not _joinable(first, second):
            return None, ("broken" if glued and m else "")
        if glued and (_phone_like(text, second) or m.group("n").startswith("0")):
            return None, "broken"
        return second, word or "-"

    def _emit_range(self, first: _Amount, second: _Amount) -> int:
        if first.bare and self._is_age(first, strong_only=True):
            first, second = replace(first, unit="age"), replace(second, unit=second.unit or "age")
        elif first.bare and second.bare and self._is_label(first):
            return second.end  # "Boeing 737-800": a model, not a range
        first, second = _share_units(first, second)
        a = self._resolve(first, in_range=True)
        b = self._resolve(second, in_range=True)
        if a is None or b is None:
            return second.end
        lo, hi = sorted((a[0], b[0]))
        for (value, unit), amt in ((a, first), (b, second)):
            self._emit(_Found(amt.start, amt.end, value, unit, "range", lo, hi, amt.shared_word))
        return second.end

    def _emit_single(self, a: _Amount) -> None:
        resolved = self._resolve(a, in_range=False)
        if resolved is None:
            return
        value, unit = resolved
        start, qualifier, hedge = self._hedge(a.start, unit)
        if a.qualifier:
            qualifier, hedge = a.qualifier, ""
        if start == a.start and unit not in _UNSIGNED:
            start, end, value = self._sign(a, value)
        else:
            end = a.end
        low, high = _interval(value, unit, qualifier, hedge)
        self._emit(_Found(start, end, value, unit, qualifier, low, high, a.shared_word))

    def _sign(self, a: _Amount, value: float) -> tuple[int, int, float]:
        """(start, end, value) with a written sign: "-41.3%", "−3.2%", "minus 7", a table's "($45.10)"."""
        text = self.text
        if a.negative:
            return a.start, a.end, -value
        if _negative_sign(text, a.start):
            return a.start - 1, a.end, -value
        minus = _patterns().minus_before.search(text, max(self.last_end, a.start - 12), a.start)
        if minus:
            return minus.start(), a.end, -value
        bracketed = text[a.start - 1 : a.start] == "(" and text[a.end : a.end + 1] == ")"
        if a.currency and bracketed and _TABLE_CELL.search(text, max(0, a.start - 3), a.start - 1):
            return a.start - 1, a.end + 1, -value  # accounting brackets in a table
        return a.start, a.end, value

    def _hedge(self, start: int, unit: str) -> tuple[int, str, str]:
        """The hedge word right before `start`: (new start, qualifier, word)."""
        lx, window_start = _lex(), max(self.last_end, start - 40)
        h = _patterns().hedge.search(self.text, window_start, start)
        if not h:
            return start, "exact", ""
        word = _squash(h.group("w") or h.group("s"))
        if unit == "year" and word not in lx.year_hedges:
            return start, "exact", ""
        return h.start(), lx.hedges[word], word

    # ---- what a bare number is
    def _resolve(self, a: _Amount, in_range: bool) -> tuple[float, str] | None:
        """(value, unit) of an amount, or None when it is a label or a name."""
        value = float(a.num * (a.scale or 1) * a.factor)
        if a.currency:
            return value, a.currency
        if a.unit == "years" and a.factor == 1 and not in_range and self._apposed(a, 1, 120):
            return value, "age"  # "Raman, 51 years, said": an age written as a duration
        if a.unit:
            return value, a.unit
        if a.scale is not None:
            return value, "count"
        if not in_range and self._is_age(a):
            return value, "age"
        if not in_range and self._is_label(a):
            return None
        if a.year_like and not self._counts_noun(a.end):
            return value, "year"
        return value, "count"

    def _is_age(self, a: _Amount, strong_only: bool = False) -> bool:
        pats, text = _patterns(), self.text
        before = text[max(0, a.start - 24) : a.start]
        if not a.integer or not 1 <= a.num <= 120:
            return False
        if pats.age_before.search(before):
            return True
        if strong_only:
            return False
        if self._apposed(a, 15, 110):
            return True  # "Raman, 45, said" / "founded by Raman, then 29,"
        at = pats.at_before.search(before)
        if not at or (at.group("verb") or "").casefold() in _lex().not_age_at:
            return False  # "closed at 52." is a price
        return 10 <= a.num <= 110 and bool(pats.age_after_at.match(text, a.end))

    def _apposed(self, a: _Amount, low: int, high: int) -> bool:
        """The number stands in commas right after a name, as an age does ("Raman, 45, said")."""
        pats, text = _patterns(), self.text
        if not (a.integer and low <= a.num <= high):
            return False
        before = text[max(0, a.start - 24) : a.start]
        m = pats.apposition.search(before)
        if m is None or not pats.comma_after.match(text, a.end):
            return False
        word = m.group().strip(" \t,(").casefold()
        return word not in _lex().labels  # "Section (25)" is a label, not a person's age

    def _is_label(self, a: _Amount) -> bool:
        """List numbering, footnotes, product names ("Orca 4", "ZX-5") and labels ("No. 1")."""
        text = self.text
        if a.integer and a.num < 1000 and _enumerated(text, a.start, a.end):
            return True
        if _GLUED_LABEL.search(text, max(0, a.start - 4), a.start):
            return True  # "No.3"
        if a.start >= 2 and text[a.start - 1] in "-\u2010\u2011\u2013" and text[a.start - 2].isdigit():
            return True  # the tail of "737-800" or a phone number
        tok = _patterns().prev_token.search(text, max(0, a.start - 40), a.start)
        if not tok:
            return False
        word, sep = tok.group(1), tok.group(2)
        key = word.casefold()
        if key in _lex().labels or key.rstrip(".") in _lex().labels:
            return True
        if sep.strip():  # joined by a dash: "ZX-5" is a name, "mid-2024" is not
            return any(c.isupper() or c.isdigit() for c in word)
        small = a.num < 1000 and not a.grouped
        return small and _name_like(word) and not self._counts_noun(a.end)

    def _counts_noun(self, end: int) -> bool:
        return _counted_next(self.text, end)


def _counted_next(text: str, end: int) -> bool:
    """One of the next two words is a counted noun ("2000 new employees")."""
    m = _patterns().next_words.match(text, end)
    return m is not None and any(w and w.casefold() in _lex().counted for w in m.groups())


def _name_like(word: str) -> bool:
    """A capitalised or camel-case word that is not a sentence-initial function word or a possessive."""
    if not any(c.isupper() for c in word) or word.endswith(("'s", "’s", "s'", "s’")):
        return False
    return word.casefold().rstrip(".") not in _lex().function_words and word.casefold() not in _lex().months


def _enumerated(text: str, start: int, end: int) -> bool:
    """ "2." or "3)" opening a line, or "[4]" / "(5)" around a small number."""
    lead = text[max(0, start - 12) : start]  # a bounded look back: one-line texts stay linear
    line = lead.rsplit("\n", 1)[-1] if "\n" in lead or start <= 12 else "x"
    opens_line = not line.strip(" \t\u00a0•*-")
    closer = text[end : end + 2]
    if opens_line and closer[:1] in (".", ")") and (len(closer) < 2 or closer[1].isspace()):
        return True
    if closer[:1] == ")" and end - start <= 2 and text[start - 1 : start] in (" ", "\t", "") and start > 0:
        return "(" not in lead.rsplit(")", 1)[-1]  # an inline list: "1) Reuters 2) CNBC", not "(now 95)"
    around = text[start - 1 : start] + text[end : end + 1]
    return around in ("[]", "()") and end - start <= 2


def _negative_sign(text: str, start: int) -> bool:
    return start >= 1 and text[start - 1] in "-\u2212" and (start == 1 or text[start - 2] in " \t(\n")


# the second day of "April 25-26, 2022" or "April 4 to 14": after a dash anything may follow,
# after a word only the end of the clause ("from April 4 to 14 people" counts people)
_DAY_RANGE = re.compile(
    rf"(?:{HS}?{DASH}{HS}?|{HS}+(?:to|and|through|until|till){HS}+(?=[0-9]{{1,2}}(?:st|nd|rd|th)?(?:[,.;:)]|$)))"
    rf"(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9%]|{HS}?[%.,]?[0-9]|{HS}*(?:%|per{HS}?cent|percent))(?:,?{HS}+(?P<y>(?:1[89]|20)[0-9]{{2}})(?![0-9]))?"
)
_DOT_GROUP = re.compile(r"[0-9]{1,3}\.[0-9]{3}")
_CLOCK = re.compile(rf"{HS}?(?i:[ap]\.m\.|[ap]m)(?![{LETTER}])")
_DECADE = re.compile(rf"(?:1[89]|20)[0-9]0s(?![{LETTER}0-9])")
_UNSIGNED = frozenset({"year", "date", "age", "days", "weeks", "months", "years"})
_TABLE_CELL = re.compile(r"(?:^|\n|[ \t]{2}|\|[ \t]?)$")
_EUROPEAN_DECIMAL = re.compile(r"[0-9]{1,3},[0-9]{1,2}(?![0-9]|[.,][0-9])")
_ENGLISH_DECIMAL = re.compile(r"[0-9](?:[0-9]{0,15}\.[0-9]{1,2}(?![0-9]|[.,][0-9])|,[0-9]{3}\.[0-9])")
_NUMERIC_DATE = re.compile(r"([0-9]{1,2})([./\-])([0-9]{1,2})\2(?:[0-9]{4}|[0-9]{2})(?![0-9])")


def _habits(text: str) -> tuple[bool, bool]:
    """(writes comma decimals, writes the day before the month): the article's own conventions.

    Read once per article from the figures it leaves no doubt about ("9,2" against "3.25";
    "28.10.2022" against "10/28/2022"; "25 April" against "April 25"), so an ambiguous
    "1,500 billion" or "3/7/2019" is read the way the rest of the article is written.
    Each pattern starts with a digit or a capital, so the regex engine skips the rest fast;
    what comes before a match is checked here.
    """
    pats = _patterns()
    comma = sum(1 for m in _EUROPEAN_DECIMAL.finditer(text) if _free(text, m.start(), "0123456789.,"))
    dot = sum(1 for m in _ENGLISH_DECIMAL.finditer(text) if "," in m.group() or _free(text, m.start(), "0123456789.,"))
    votes, dotted = 0, 0
    for m in _NUMERIC_DATE.finditer(text):
        if _free(text, m.start(), "0123456789.,/"):
            a, b = int(m.group(1)), int(m.group(3))
            votes += (a > 12 >= b) - (b > 12 >= a)
            dotted += m.group(2) == "."
    votes += sum(1 for m in pats.day_month.finditer(text) if _free(text, m.start(), "0123456789.,/"))
    votes -= sum(1 for m in pats.month_day.finditer(text) if not text[m.start() - 1 : m.start()].isalpha())
    european = comma > dot
    if votes:
        return european, votes > 0
    return european, european or dotted > 0


def _free(text: str, start: int, joiners: str) -> bool:
    """The character before `start` is none of `joiners` (a hand-written lookbehind)."""
    return start == 0 or text[start - 1] not in joiners


# Three or more digit groups joined by single spaces, dots or dashes: "+44 20 7946 0958", "(415) 555-0100".
_PHONE = re.compile(r"(?:\+[0-9]{1,3}[ .\-]?)?(?:\(?[0-9]{2,5}\)?[ .\-]){2,4}[0-9]{3,4}(?![0-9])")
_ADDRESS_MARKS = frozenset("=/@#&?_\\")
_ADDRESS = re.compile(r"(?i:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]{}]+")  # a web address, to its first blank
_ANCHOR = re.compile("[0-9\u00bc-\u00be\u2150-\u215e]+")  # a digit or a vulgar fraction: every number has one
_GLUED_LABEL = re.compile(r"(?<![A-Za-z])(?:No|no|Nr|nr|Nos|nos)\.$")
_FISCAL = re.compile(r"(?:19|20)[0-9]{2}/(?:[0-9]{2}|(?:19|20)[0-9]{2})(?![0-9/])")
_FORM_CODE = re.compile(rf"{DASH}[A-Z](?![{LETTER}])")
_RUN = re.compile(r"[0-9A-Za-z.,:/\-]*")
_MORE_GROUPS = re.compile(rf"{DASH}[0-9]")
_BETWEEN = re.compile(r"(?i:between)\W*$")


def _skip_run(text: str, pos: int) -> int:
    """Past a run of digits and joiners that is not a quantity (phone numbers, identifiers)."""
    run = _RUN.match(text, pos)  # matches, if only the empty string
    return max(run.end() if run else pos, pos + 1)


def _phone_like(text: str, second: _Amount) -> bool:
    return bool(_MORE_GROUPS.match(text, second.end))


def _joinable(first: _Amount, second: _Amount) -> bool:
    """Two amounts that can be the ends of one range ("$3-4 billion", "18 to 12 months")."""
    k1, k2 = first.currency or first.unit, second.currency or second.unit
    if k1 and k2 and k1 != k2:
        return False
    if k1 and not k2 and not first.currency:
        return False  # "rose 40% to 3,500": the unit is written on the second end of a range, not the first
    if first.currency and not k2 and second.grouped and not first.grouped:
        return False
    if first.year_like != second.year_like:
        return first.year_like and second.integer and second.num < 100 and second.bare  # "2024-25"
    return not (first.year_like and not second.bare)


def _share_units(first: _Amount, second: _Amount) -> tuple[_Amount, _Amount]:
    """Both ends share the currency, scale and unit written once ("€90-100m", "from 18 to 12 months")."""
    if first.year_like and second.bare and second.num < 100 and not second.year_like:
        century = first.num - first.num % 100
        second = replace(second, num=century + second.num)
    cur = first.currency or second.currency
    shared = first.shared_word or second.shared_word if cur == (second.currency or first.currency) else ""
    unit = first.unit or second.unit
    factor = max(first.factor, second.factor)
    scale_one = first.scale if first.scale is not None or first.grouped else second.scale
    first = replace(first, currency=cur, unit=unit, factor=factor, scale=scale_one, shared_word=shared)
    second = replace(second, currency=cur, unit=unit, factor=factor, shared_word=shared)
    return first, second


def _interval(value: float, unit: str, qualifier: str, hedge: str) -> tuple[float | None, float | None]:
    if qualifier == "over":
        return value, None
    if qualifier == "under":
        return None, value
    if qualifier != "approx":
        return value, value
    if unit == "year":
        return value - 1, value + 1
    if hedge in _lex().below:
        lo, hi = value * 0.9, value
    else:
        spread = _approx_spread(value)
        lo, hi = value - spread, value + spread
    return min(lo, hi), max(lo, hi)


def _approx_spread(value: float) -> float:
    """How far 'about X' may be from X: half a unit of its last significant
    digit ('about $44 billion' is 43.5 to 44.5, 'about 1,200' 1,150 to 1,250),
    kept between 1% and 5% of the value ('about $10 billion' is not 5 to 15)."""
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    if value == 0 or not isinstance(exponent, int):  # zero, or not finite
        return 0.0
    half_unit = float(Decimal(5).scaleb(exponent - 1))
    low, high = APPROX_SPREAD
    return min(max(half_unit, abs(value) * low), abs(value) * high)


def _date_value(m: re.Match[str], day_first: bool = False) -> str | float | None:
    """ISO 8601 text of a date match, the year (a float) of a quarter; None when impossible.

    `day_first`: how the article orders day and month when a numeric date cannot say ("3/7/2019").
    """
    months = _lex().months
    if m.group("iso"):
        y, mo, d = m.group("iy"), int(m.group("im")), m.group("id")
        return _iso(int(y), mo, int(d) if d else None)
    if m.group("qtr"):
        year = _year(m.group("qy"))
        return float(year) if year is not None else None
    if m.group("nd"):
        a, b = int(m.group("na")), int(m.group("nb"))
        if a > 12 or (day_first and b <= 12):
            a, b = b, a  # (month, day)
        if not 1 <= a <= 12:
            return None
        return _iso(_year(m.group("ny")), a, b)
    if m.group("dmo"):
        return _iso(_year(m.group("y4")), months[m.group("m4").casefold()], int(m.group("d4")))
    if m.group("moy"):
        return _iso(_year(m.group("y5")), months[m.group("m5").casefold()], None)
    if m.group("dmyl"):
        return _iso(_year(m.group("y6")), months[m.group("m6").casefold()], int(m.group("d6")))
    if m.group("mdy"):
        return _iso(_int(m.group("y1")), months[m.group("m1").rstrip(".").casefold()], int(m.group("d1")))
    if m.group("dmy"):
        return _iso(_int(m.group("y2")), months[m.group("m2").rstrip(".").casefold()], int(m.group("d2")))
    return _iso(_int(m.group("y3")), months[m.group("m3").rstrip(".").casefold()], None)


def _year(s: str | None) -> int | None:
    """A written year, two digits read as this century's ("FY21", "1-Oct-21")."""
    if not s:
        return None
    y = int(s)
    return y + 2000 if y < 100 else y


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else None
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


# ---------------------------------------------------------------- the entry point
def find_numbers(text: str, source: str) -> list[Number]:
    """Every quantity in `text` written with digits, or in words before a scale or percent
    word (facts/extract/spelled.py), sorted by offset, never overlapping."""
    found = _Scanner(text).run()
    sentences = document_of(text).sentences if found else ()
    return share_sentences([_number(f, text, source, sentences) for f in found])


_NO_DIRECTION = frozenset({"year", "date", "age"})  # points in time and ages do not move


def _number(f: _Found, text: str, source: str, sentences: Spans) -> Number:
    s1, _ = span_at(sentences, f.start)
    _, e2 = span_at(sentences, f.end - 1)
    s, e = min(s1, f.start), max(e2, f.end)  # the whole number, even when a "sentence" ends inside it
    # An unpunctuated wall of text is one "sentence": quote a window of it, or every number copies it all.
    s, e = max(s, f.start - MAX_CONTEXT), min(e, f.end + MAX_CONTEXT)
    return Number(
        id=number_id(source, f.start),
        span=Span(source=source, start=f.start, end=f.end, text=text[f.start : f.end]),
        value=_float(f.value),
        unit=f.unit,
        qualifier=f.qualifier,  # type: ignore[arg-type]  # the scanner only writes Qualifier words
        direction=direction_of(text, f.start, f.end, f.unit) if f.unit not in _NO_DIRECTION else "",
        low=_float(f.low),
        high=_float(f.high),
        sentence=Span(source=source, start=s, end=e, text=text[s:e]),
    )


V = TypeVar("V", float | str, float | None)


def _float(v: V) -> V:
    # an int read as a float, as the fact base file holds it ("2024" -> 2024.0)
    return float(v) if type(v) is int else v
