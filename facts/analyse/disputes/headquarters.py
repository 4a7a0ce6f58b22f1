"""Headquarters: the city a company is based in.

    "CITY-based ACME"                      the company named right after
    "ACME, headquartered in CITY"          the company named right before
    "the headquarters of the company in CITY", "its head office in CITY"
                                           "the company" is the deal party named last

A country or state is no city (a company "based in" one may sit in any of its
cities), and a regional, former or planned office is not the headquarters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from facts.analyse.disputes.article import Article, Stance
from facts.analyse.mentions import Mention
from facts.lexicon import load_model
from facts.lexicon.models import DisputesLexicon, EntitiesLexicon
from facts.text import alternation, fold, words_re

ATTRIBUTE = "headquarters"
_CITY = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*"
_CITY_AT = re.compile(rf"\s+(?:the\s+city\s+of\s+)?(?P<city>{_CITY})")
_CITY_AFTER = re.compile(rf"\s+(?:in|at)(?=\s){_CITY_AT.pattern}")
_CITY_MAX_WORDS = 4
_OPENERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class _Lex:
    based: re.Pattern[str]  # "CITY-based"
    noun_after: re.Pattern[str]  # "group" of "the CITY-based group"
    after_company: re.Pattern[str]
    seat: re.Pattern[str]  # "headquarters of the company", "its head office"
    city_seat: re.Pattern[str]  # "its CITY headquarters", "ACME's CITY head office"
    not_main: frozenset[str]
    regions: frozenset[str]


def _alt(phrases: tuple[str, ...] | list[str]) -> str:
    return alternation({" ".join(p.split()) for p in phrases}, space=r"\s+")


@cache
def _lex() -> _Lex:
    w = load_model("disputes", DisputesLexicon).headquarters
    nouns = [a.split(maxsplit=1)[1] for a in w.anaphors if a.lower().startswith("the ")]
    return _Lex(
        based=re.compile(
            rf"(?<![\w'’.-])(?P<city>(?:[A-Z][\w'’.]*[ \t]+){{0,3}}[A-Z][\w'’.]*)(?:{_alt(w.based_suffixes)})\s"
        ),
        noun_after=re.compile(rf"(?:[a-z-]+\s+){{0,2}}?(?:{_alt(nouns)})(?![\w-])"),
        after_company=words_re(w.after_company),
        seat=re.compile(
            rf"(?<![\w-])(?:(?P<pre>{_alt(w.anaphors)})\s+)?(?P<seat>{_alt(w.seats)})"
            rf"(?:\s+of\s+(?:(?P<of>{_alt(w.anaphors)})|(?P<named>(?=[A-Z]))))?",
            re.IGNORECASE,
        ),
        city_seat=re.compile(rf"(?<=[ \t])(?:{_alt(w.seats)})(?![\w-])"),
        not_main=frozenset(fold(x) for x in (*w.not_main, *load_model("entities", EntitiesLexicon).demonyms)),
        regions=frozenset(fold(x) for x in w.regions),
    )


def clash(a: str, b: str) -> bool:
    """Two cities, neither a longer form of the other ('New York' and 'New York City')."""
    return not (a.startswith(b) or b.startswith(a))


def find(art: Article) -> list[Stance]:
    lex = _lex()
    return [*_based(art, lex), *_in_city(art, lex), *_seats(art, lex), *_city_seats(art, lex)]


def _stance(art: Article, lex: _Lex, subject: str, city: str, start: int, end: int) -> Stance | None:
    words = city.split()
    while words and words[0].lower() in _OPENERS:
        words.pop(0)
    key = fold(" ".join(words))
    if not subject or not key or key in lex.regions or len(words) > _CITY_MAX_WORDS:
        return None
    return art.stance(ATTRIBUTE, subject, key, " ".join(words), start, end)


def _based(art: Article, lex: _Lex) -> list[Stance]:
    out = []
    for m in lex.based.finditer(art.text):
        if art.mention_ending(m.end("city")) is not None:
            continue  # "ACME-based": a company's name, not a place
        org = art.org_after(m.end(), 4)
        named = _apposed(art, m.start())
        if org is not None:
            subject, end = org.entity, org.end
        elif named is not None:  # "ACME, a CITY-based maker of ..."
            subject, end = named.entity, m.end() - 1
        elif noun := lex.noun_after.match(art.text, m.end()):  # "the CITY-based group"
            subject, end = art.antecedent(m.start()), noun.end()
        else:
            continue
        if found := _stance(art, lex, subject, m.group("city"), m.start(), end):
            out.append(found)
    return out


_APPOSED = re.compile(r",\s+(?:a|an|the)\s+$", re.IGNORECASE)


def _apposed(art: Article, pos: int) -> Mention | None:
    """The company an apposition at `pos` describes: "ACME, a ..."."""
    lead = _APPOSED.search(art.text, max(0, pos - 8), pos)
    return art.mention_ending(lead.start()) if lead else None


def _in_city(art: Article, lex: _Lex) -> list[Stance]:
    """'ACME, headquartered in CITY', 'ACME is based in CITY'."""
    out = []
    for m in lex.after_company.finditer(art.text):
        city = _CITY_AT.match(art.text, m.end())
        org = art.mention_ending(_before_apposition(art, m.start()))
        if city is None or org is None:
            continue
        if found := _stance(art, lex, org.entity, city.group("city"), org.start, city.end("city")):
            out.append(found)
    return out


def _before_apposition(art: Article, pos: int) -> int:
    """Back over ', which is' / ',' to where the company's name ends."""
    cut = re.search(r"\s*,?\s*(?:which\s+|that\s+)?$", art.text[max(0, pos - 12) : pos])
    return pos - (len(cut.group()) if cut else 0)


def _seats(art: Article, lex: _Lex) -> list[Stance]:
    """'the headquarters of the company in CITY', "ACME's head office in CITY"."""
    out = []
    for m in lex.seat.finditer(art.text):
        if set(art.words_before(m.start("seat"), 1)) & lex.not_main:
            continue  # "its regional headquarters", "the former head office"
        subject, after = _seat_subject(art, m)
        city = _CITY_AFTER.match(art.text, after)
        if city is not None and (found := _stance(art, lex, subject, city.group("city"), m.start(), city.end("city"))):
            out.append(found)
    return out


def _seat_subject(art: Article, m: re.Match[str]) -> tuple[str, int]:
    """Whose seat, and where its city may start."""
    if m.group("named") is not None:  # "the headquarters of ACME in"
        org = art.org_after(m.end(), 0)
        return (org.entity, org.end) if org else ("", m.end())
    if m.group("of") or m.group("pre"):  # "the seat of the company", "its head office"
        return art.antecedent(m.start()), m.end()
    org = art.mention_ending(m.start())  # "ACME's headquarters"
    return (org.entity if org else ""), m.end()


def _city_seats(art: Article, lex: _Lex) -> list[Stance]:
    """'its CITY headquarters', "ACME's CITY head office"; not 'its European headquarters'."""
    out = []
    for m in lex.city_seat.finditer(art.text):
        caps = _CAPS_BEFORE.search(art.text, max(0, m.start() - 60), m.start())
        if caps is None:
            continue
        city = caps.group(1)
        if fold(city.split()[0]) in lex.not_main or fold(city) in lex.not_main:
            continue
        subject, start = _owner(art, caps.start(1))
        if found := _stance(art, lex, subject, city, start, m.end()):
            out.append(found)
    return out


_CAPS_BEFORE = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w.-]*[ \t]+){0,2}[A-Z][\w.-]*)[ \t]+$")
_ITS = re.compile(r"(?<![\w-])(?:its|their|the\s+(?:company|firm|group)['’]s)\s+$", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"\s*(?:['’‘]\s*s|(?<=s)['’])\s+")


def _owner(art: Article, pos: int) -> tuple[str, int]:
    """Whose seat the words before `pos` say: 'its' (the party named last), or "ACME's"."""
    its = _ITS.search(art.text, max(0, pos - 20), pos)
    if its is not None:
        return art.antecedent(its.start()), its.start()
    org = art.mention_ending(pos)
    if org is not None and _POSSESSIVE_GAP.fullmatch(art.text, org.end, pos):
        return org.entity, org.start
    return "", pos
