"""Who holds a post: "ACME chief executive Jane Doe", "Jane Doe, ACME's
chair,", "Jane Doe, the chief executive of ACME". The company must be named
at the title; a former, interim, co- or incoming holder is not the current one."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from facts.analyse.disputes.article import Article, Stance
from facts.analyse.mentions import Mention
from facts.lexicon import load_model
from facts.lexicon.models import DisputesLexicon

PERSON = frozenset({"person"})
_OF_ORG = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?")
_APPOSITION = re.compile(r",\s+(?:the\s+)?$")
_BEFORE_NAME = re.compile(r",?\s+")


@dataclass(frozen=True, slots=True)
class _Lex:
    titles: re.Pattern[str]
    posts: dict[str, str]  # title folded -> post
    not_current: frozenset[str]
    not_after: re.Pattern[str]


@cache
def _lex() -> _Lex:
    w = load_model("disputes", DisputesLexicon).roles
    body = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in sorted(w.titles, key=len, reverse=True))
    return _Lex(
        titles=re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE),
        posts={" ".join(t.lower().split()): post for t, post in w.titles.items()},
        not_current=frozenset(w.not_current),
        not_after=re.compile(rf"[\s-]+(?:{'|'.join(re.escape(x) for x in w.not_current_after)})\b", re.IGNORECASE),
    )


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
        if org is None or person is None:
            continue
        post = lex.posts[" ".join(m.group().lower().split())]
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


def _company(art: Article, m: re.Match[str]) -> tuple[Mention | None, int]:
    """'ACME chief executive', "ACME's chair", 'chief executive of ACME'."""
    org = art.mention_ending(m.start())
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
