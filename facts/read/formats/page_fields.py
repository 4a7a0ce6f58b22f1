"""A saved page's title, outlet, author and date, from its own metadata
first (og:, JSON-LD, <time>), then what the extractor guessed, then the
byline in the text."""

from __future__ import annotations

import re
from typing import Any

from facts.read.bylines import clean_name
from facts.read.dates import parse_date
from facts.read.formats.page_meta import PageMeta
from facts.read.metadata import Meta, sniff
from facts.read.titles import cut

_TITLE_SEPS = re.compile(r"\s+(?:\||–|—|-|·|::|»)\s+")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_URLISH = re.compile(r"^(?:https?:|www\.|/)|\.(?:com|org|net|co\.\w+|io|news)\b", re.IGNORECASE)
_BY = re.compile(r"^\s*(?i:by)\s+")
NAME_CHARS = 120
AGREE = 0.4  # the share of words two forms of one headline share at least

DATE_KEYS = ("article:published_time", "datepublished", "og:published_time", "published_time", "pubdate",
             "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
             "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "created")  # fmt: skip
AUTHOR_KEYS = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "twitter:creator")  # fmt: skip
OUTLET_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher")


def page_fields(pm: PageMeta, guessed: dict[str, str], text_meta: Meta) -> Meta:
    outlet = _outlet(pm, guessed) or text_meta.outlet
    return Meta(
        outlet=outlet, author=_author(pm, guessed) or text_meta.author, date=_date(pm, guessed) or text_meta.date
    )


def page_title(pm: PageMeta, guessed: dict[str, str], outlet: str) -> str:
    """The headline as the page shows it: its <h1> when that agrees with the
    og:/JSON-LD headline (the first <h1> may be a logo), else the tagged one."""
    ld = pm.ld_first("headline")
    tagged = [pm.first("og:title"), ld if isinstance(ld, str) else "", pm.first("twitter:title")]
    named = next((t for t in (without_site(" ".join(c.split()), outlet) for c in tagged) if t), "")
    site = outlet.casefold()
    h1 = next((h for h in pm.h1s if len(h.split()) >= 3 and not (site and _same_site(h, site))), "")
    if h1 and (not named or _agree(h1, named)):
        return cut(h1)
    for candidate in (named, guessed.get("title", ""), pm.title):
        title = without_site(" ".join(candidate.split()), outlet)
        if title:
            return cut(title)
    return ""


def _agree(a: str, b: str) -> bool:
    """Two headlines that share most of their words: one is an edit of the other."""
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return len(wa & wb) >= AGREE * max(len(wa), len(wb))


def without_site(title: str, outlet: str) -> str:
    """ "Headline | Site" -> "Headline": the part naming the site goes."""
    parts = _TITLE_SEPS.split(title)
    if len(parts) < 2:
        return title
    site = outlet.casefold()
    if site:
        if _same_site(parts[-1], site):
            return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
        if _same_site(parts[0], site):
            return title[len(parts[0]) :].lstrip(" |–—-·:»")
    if len(parts) == 2 and "|" in title and len(parts[1].split()) <= 4 < len(parts[0].split()):
        return parts[0]  # "Long headline words here | Site": the short tail after a bar
    return title


def site_beside(line: str, headline: str, max_words: int = 6) -> str:
    """ "Site - Headline" or "Headline | Site" -> "Site": the short part beside the known headline."""
    if not headline:
        return ""
    head = " ".join(headline.split()).casefold()
    flat = " ".join(line.split())
    for sep in _TITLE_SEPS.finditer(flat):
        before, after = flat[: sep.start()], flat[sep.end() :]
        for mine, other in ((before, after), (after, before)):
            if _is_headline(mine.casefold(), head) and 0 < len(other.split()) <= max_words:
                return _clean(other)
    return ""


def _is_headline(part: str, head: str) -> bool:
    """The part is the headline, or starts it when the headline was cut short ("…")."""
    return part == head or (head.endswith("…") and len(head) > 20 and part.startswith(head[:-1]))


def _same_site(part: str, site: str) -> bool:
    p = part.casefold().strip()
    return p == site or (len(p) > 3 and (p in site or site in p))


def _outlet(pm: PageMeta, guessed: dict[str, str]) -> str:
    publisher = pm.ld_first("publisher")
    names = [pm.first(*OUTLET_KEYS), _ld_name(publisher), guessed.get("sitename", "")]
    names.append(sniff(pm.tail_text).outlet if pm.tail_text else "")
    return next((_clean(n) for n in names if _clean(n) and not _URLISH.search(n)), "")


def _author(pm: PageMeta, guessed: dict[str, str]) -> str:
    ld = pm.ld_first("author")
    names = _ld_names(ld)
    candidates = [_join(names)] if names else []
    candidates += [pm.first(*AUTHOR_KEYS), *pm.rel_authors[:1], *(_byline(b) for b in pm.bylines[:3])]
    candidates.append(guessed.get("author", "").replace("; ", " and "))
    return next((_clean(c) for c in candidates if _clean(c) and not _URLISH.search(c) and "@" not in c), "")


def _byline(text: str) -> str:
    """ "By Jane Roe · 3 October 2025" -> "Jane Roe"; a bare name stays."""
    m = _BY.match(text)
    name = text[m.end() :] if m else text
    name = re.split(r"\s*(?:[|•·,]|\s[-–—]\s|\d)", name, maxsplit=1)[0]
    return name if 1 <= len(name.split()) <= 6 else ""


def _date(pm: PageMeta, guessed: dict[str, str]) -> str:
    ld = pm.ld_first("datePublished") or pm.ld_first("dateCreated")
    candidates = [pm.first(*DATE_KEYS), ld if isinstance(ld, str) else "", *pm.times[:1], guessed.get("date", "")]
    return next((iso for c in candidates if (iso := _iso(c))), "")


def _iso(value: str) -> str:
    value = value.strip()
    m = _ISO_DAY.match(value)
    if m:
        return m.group(0) if 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31 else ""
    iso = parse_date(value)
    return iso if len(iso) >= 10 else ""


def _ld_name(obj: Any) -> str:
    if isinstance(obj, list):
        obj = obj[0] if obj else None
    if isinstance(obj, dict):
        obj = obj.get("name")
    return obj if isinstance(obj, str) else ""


def _ld_names(obj: Any) -> list[str]:
    items = obj if isinstance(obj, list) else [obj]
    return [n for n in (_ld_name(i) for i in items[:6]) if n]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clean(name: str) -> str:
    return clean_name(_BY.sub("", name), NAME_CHARS)
