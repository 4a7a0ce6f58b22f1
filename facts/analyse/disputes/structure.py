"""Deal structure: the whole company bought ("acquire ACME", "the takeover of
ACME") vs a minority stake in it ("a 40% stake in ACME", "nearly half of
ACME's shares", "ACME will remain independent").

A stance needs the company named right at its words, so a stake in another
company, or a figure about one, never meets the deal's target. A holding
someone already had ("had built up a 9% stake") is not the deal's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from facts.analyse.disputes.article import Article, Stance
from facts.analyse.mentions import Mention
from facts.lexicon import load_model
from facts.lexicon.models import DisputesLexicon, StructureWords
from facts.text import words_re

ATTRIBUTE = "deal structure"
WHOLE, STAKE = "whole company", "minority stake"
MAJORITY = 50.0
_NUMBER = r"\d{1,3}(?:[.,]\d+)?\s*(?:%|per\s*cent|percent|pct)"


@dataclass(frozen=True, slots=True)
class _Lex:
    words: StructureWords
    whole: re.Pattern[str]
    stake: re.Pattern[str]  # a quantity, its adjectives and noun, then "of" / "in"
    bare: re.Pattern[str]  # "a minority stake in": no quantity
    parts: re.Pattern[str]
    shares: re.Pattern[str]
    independence: re.Pattern[str]
    remainder: re.Pattern[str]
    bought: re.Pattern[str]  # a buying verb ending right before a quantity
    link: re.Pattern[str]  # between the company and "independent": "will", "to"
    inside: re.Pattern[str]  # "independent within the group": a unit of the buyer


def _alt(phrases: tuple[str, ...] | list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))


@cache
def _lex() -> _Lex:
    w = load_model("disputes", DisputesLexicon).structure
    hedge = _alt([*w.below_hedges, *w.hedges])
    minority = rf"(?:[\s-]+(?:{_alt(w.minority_words)}))*"
    noun = rf"(?:\s+(?P<noun>{_alt(w.stake_nouns)}))?"
    quantity = rf"(?:(?P<hedge>{hedge})\s+)?(?P<qty>{_NUMBER}|{_alt(list(w.fractions))})"
    return _Lex(
        words=w,
        whole=words_re(w.whole_verbs),
        stake=re.compile(rf"(?<![\w.,]){quantity}(?P<adj>{minority}){noun}\s+(?:of|in)\s", re.IGNORECASE),
        bare=re.compile(
            rf"(?<![\w-])(?P<adj>(?:{_alt(w.minority_words)})){minority}\s+(?P<noun>{_alt(w.stake_nouns)})\s+(?:of|in)\s",
            re.IGNORECASE,
        ),
        parts=re.compile(rf"\s*(?:{_alt(w.part_nouns)})(?![\w-])", re.IGNORECASE),
        shares=re.compile(rf"\s*(?:{_alt(w.stake_nouns)})(?![\w-])", re.IGNORECASE),
        independence=words_re(w.independence),
        remainder=words_re(w.remainder_words),
        bought=re.compile(rf"{words_re(w.whole_verbs).pattern}\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE),
        inside=re.compile(r"\s+(?:within|inside|under|as\s+part\s+of|as\s+a\s+unit|as\s+a\s+subsidiary)\b", re.I),
        link=re.compile(r"\s+(?:(?:will|would|shall|to|is|be|was|remains?|being)\s+){0,2}$", re.IGNORECASE),
    )


def find(art: Article) -> list[Stance]:
    lex = _lex()
    whole, stepped = _whole(art, lex)
    stakes = [s for s in _stakes(art, lex) if s.subject not in stepped]
    # a company kept independent backs a stake the article reports; alone, a
    # bought company may well be run on its own
    staked = {s.subject for s in stakes}
    return [*whole, *stakes, *(s for s in _independent(art, lex) if s.subject in staked)]


def _whole(art: Article, lex: _Lex) -> tuple[list[Stance], set[str]]:
    """Stances of buying the whole company, and the companies whose rest is bought
    ("acquire the remaining shares of ACME": the buyer held part of it already)."""
    out, stepped = [], set()
    for m in lex.whole.finditer(art.text):
        org = art.org_after(m.end(), lex.words.descriptors_max)
        if org is None or art.possessive_at(org.end) or lex.parts.match(art.text, org.end):
            continue  # "buying ACME shares", "ACME's data": a part of it
        start = m.start()
        if _BY.search(art.text, m.end(), org.start):  # "was acquired by BUYER": the target stands before
            target = _passive_target(art, m.start())
            if target is None:
                continue
            org, start = target, target.start
        elif lex.remainder.search(art.text, m.end(), org.start):
            stepped.add(org.entity)
        out.append(art.stance(ATTRIBUTE, org.entity, WHOLE, WHOLE, start, max(org.end, m.end())))
    return out, stepped


_BY = re.compile(r"(?<![\w-])by(?![\w-])", re.IGNORECASE)
_AUXILIARIES = re.compile(r"(?:\s+(?:was|were|is|are|be|been|being|has|have|had|will|would|to|agreed|set|now))*\s*$")


def _passive_target(art: Article, verb: int) -> Mention | None:
    """'ACME was acquired by ...', 'ACME agreed to be bought by ...': the company before the verb."""
    aux = _AUXILIARIES.search(art.text, max(0, verb - 40), verb)
    return art.mention_ending(aux.start() if aux else verb)


def _stakes(art: Article, lex: _Lex) -> list[Stance]:
    """Quantified holdings first; a bare 'non-voting stake' inside one is the same words."""
    out: list[Stance] = []
    taken: set[int] = set()  # starts of the quantified matches' adjectives
    for pattern in (lex.stake, lex.bare):
        for m in pattern.finditer(art.text):
            if m.start("adj") in taken:
                continue
            stance = _stake(art, lex, m)
            if stance is not None:
                out.append(stance)
                taken.add(m.start("adj") + len(m.group("adj")) - len(m.group("adj").lstrip(" -")))
    return out


def _stake(art: Article, lex: _Lex, m: re.Match[str]) -> Stance | None:
    if not _minority(lex, m) or _held_before(art, lex, m.start()):
        return None
    org = art.org_after(m.end(), 1)
    if org is None:
        return None
    owned = bool(m.group("noun")) or _shares_of(art, lex, org.end) or _bought(art, lex, m.start())
    if not owned:
        return None  # "half of ACME's revenue": a share of something else
    end = m.end("noun") if m.group("noun") else (m.end("adj") if m.group("adj") else m.end("qty"))
    return art.stance(ATTRIBUTE, org.entity, STAKE, STAKE, m.start(), end)


def _minority(lex: _Lex, m: re.Match[str]) -> bool:
    if m.group("adj").strip(" -"):
        return True
    qty = m.groupdict().get("qty")
    if not qty:
        return False
    pct = _percent(lex, qty)
    below = (m.group("hedge") or "").lower() in {" ".join(h.split()) for h in lex.words.below_hedges}
    return pct < MAJORITY or (pct == MAJORITY and below)


def _percent(lex: _Lex, qty: str) -> float:
    digits = re.match(r"\d{1,3}(?:[.,]\d+)?", qty)
    if digits:
        return float(digits.group().replace(",", "."))
    return float(lex.words.fractions.get(" ".join(qty.lower().split()), 100))


def _held_before(art: Article, lex: _Lex, start: int) -> bool:
    """A holding right after 'had built up', 'holds', 'existing': not bought in the deal."""
    words = [w for w in art.words_before(start, 4) if w not in {"a", "an", "the", "its", "his", "her", "their"}]
    return any(w in lex.words.prior_words for w in words[-2:])


def _bought(art: Article, lex: _Lex, start: int) -> bool:
    """'to acquire 49% of ACME': a buying verb right before the quantity."""
    return lex.bought.search(art.text, max(0, start - 40), start) is not None


def _shares_of(art: Article, lex: _Lex, end: int) -> bool:
    """'nearly half of ACME's shares': the company's own shares follow."""
    pos = art.possessive_at(end)
    return pos is not None and bool(lex.shares.match(art.text, pos.end()))


def _independent(art: Article, lex: _Lex) -> list[Stance]:
    out = []
    for m in lex.independence.finditer(art.text):
        link = lex.link.search(art.text, max(0, m.start() - 30), m.start())
        org = art.mention_ending(link.start() if link else m.start())
        if org is not None and not lex.inside.match(art.text, m.end()):
            out.append(art.stance(ATTRIBUTE, org.entity, STAKE, "left independent", m.start(), m.end()))
    return out
