"""Who holds a post: "ACME chief executive Jane Doe", "Jane Doe, ACME's
chair,", "Jane Doe, the chief executive of ACME". The company must be named
at the title; a former, interim, co- or incoming holder is not the current one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from facts.analyse.disputes.article import Article, Stance
from facts.analyse.mentions import Mention
from facts.lexicon import load_model
from facts.lexicon.models import DisputesLexicon
from facts.text import alternation

PERSON = frozenset({"person"})
_OF_ORG = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?")
_APPOSITION = re.compile(r",\s+(?:the\s+)?$")
_BEFORE_NAME = re.compile(r",?\s+")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


@dataclass(frozen=True, slots=True)
class _Lex:
    titles: re.Pattern[str]
    posts: dict[str, str]  # title folded -> post
    not_current: frozenset[str]
    not_after: re.Pattern[str]
    incoming: frozenset[str]
    incoming_after: re.Pattern[str]
    becoming: re.Pattern[str]  # "Jane Doe will become [ACME's] chief executive", before the post
    copula: re.Pattern[str]  # "ACME's new CEO is Jane Doe", after the post


@cache
def _lex() -> _Lex:
    w = load_model("disputes", DisputesLexicon).roles
    return _Lex(
        titles=re.compile(rf"(?<![\w-])(?:{_any(w.titles)})(?![\w-])", re.IGNORECASE),
        posts={" ".join(t.lower().split()): post for t, post in w.titles.items()},
        not_current=frozenset(w.not_current),
        not_after=re.compile(rf"[\s-]+(?:{_any(w.not_current_after)})\b", re.IGNORECASE),
        incoming=frozenset(w.incoming),
        incoming_after=re.compile(rf"[\s-]+(?:{_any(w.incoming_after)})\b", re.IGNORECASE),
        # "Jean-Pierre Dubois, 58, will become": an aside may stand between the name and the verb
        becoming=re.compile(rf"(?:,[^,\n]{{1,40}},)?\s+(?:{_any(w.becoming)})\s+(?:the\s+)?$", re.IGNORECASE),
        copula=re.compile(r",?\s+(?:is|will\s+be|would\s+be|becomes)\s+"),
    )


def _any(words: Iterable[str]) -> str:
    return alternation(words, space=r"\s+")


def clash(a: str, b: str) -> bool:
    return a != b


def find(art: Article, names: Mapping[str, str]) -> list[Stance]:
    """`names`: entity id -> its name, for the attribute ("chief executive of ACME")."""
    lex, out = _lex(), []
    for m in lex.titles.finditer(art.text):
        if _not_current(art, lex, m):
            continue
        org, start = _company(art, m)
        person = _holder(art, m, org)
        incoming = _incoming(art, lex, m, org)
        if person is None and org is not None:
            person = _next_holder(art, lex, m, org)
            incoming = incoming or person is not None
        if org is None or person is None:
            continue
        post = ("incoming " if incoming else "") + lex.posts[" ".join(m.group().lower().split())]
        attribute = f"{post} of {names.get(org.entity, org.entity)}"
        a, b = min(start, person.start), max(person.end, m.end())
        out.append(art.stance(attribute, org.entity, person.entity, names.get(person.entity, ""), a, b))
    return out


def _not_current(art: Article, lex: _Lex, m: re.Match[str]) -> bool:
    if lex.not_after.match(art.text, m.end()):
        return True
    if set(art.words_before(m.start(), 1)) & lex.not_current:
        return True
    org = art.mention_ending(m.start())  # "former ACME chief executive": the qualifier is before the company
    if org is None:
        return False
    first = art.text[org.start : org.end].split()[0].lower()
    return first in lex.not_current or bool(set(art.words_before(org.start, 1)) & lex.not_current)


def _incoming(art: Article, lex: _Lex, m: re.Match[str], org: Mention | None) -> bool:
    """'new CEO', "ACME's incoming chair", 'CEO-designate': the next holder."""
    if lex.incoming_after.match(art.text, m.end()) or set(art.words_before(m.start(), 1)) & lex.incoming:
        return True
    return org is not None and org.end <= m.start() and bool(set(art.words_before(org.start, 1)) & lex.incoming)


def _next_holder(art: Article, lex: _Lex, m: re.Match[str], org: Mention) -> Mention | None:
    """'Jane Doe will become ACME's chief executive', "ACME's new CEO is Jane Doe"."""
    end = max(m.end(), org.end)
    copula = lex.copula.match(art.text, end)
    if copula is not None and (person := art.mention_at(copula.end(), PERSON)) is not None:
        return person
    start = min(m.start(), org.start)
    lead = lex.becoming.search(art.text, max(0, start - 40), start)
    return art.mention_ending(lead.start(), PERSON) if lead else None


def _company(art: Article, m: re.Match[str]) -> tuple[Mention | None, int]:
    """'ACME chief executive', "ACME's chair", "ACME's new CEO", 'chief executive of ACME'."""
    org = art.mention_ending(m.start())
    if org is None and (word := _WORD_BEFORE.search(art.text, max(0, m.start() - 24), m.start())):
        org = art.mention_ending(word.start()) if word.group(1).lower() in _lex().incoming else None
    if org is not None:
        return org, org.start
    of = _OF_ORG.match(art.text, m.end())
    org = art.org_after(of.end(), 0) if of else None
    return org, m.start()


def _holder(art: Article, m: re.Match[str], org: Mention | None) -> Mention | None:
    """'... chief executive Jane Doe' or 'Jane Doe, [the] ... chief executive'."""
    after = org.end if org is not None and org.start > m.end() else m.end()
    gap = _BEFORE_NAME.match(art.text, after)
    person = art.mention_at(gap.end(), PERSON) if gap else None
    if person is not None:
        return person
    start = org.start if org is not None and org.start < m.start() else m.start()
    lead = _APPOSITION.search(art.text, max(0, start - 8), start)
    return art.mention_ending(lead.start(), PERSON) if lead else None
