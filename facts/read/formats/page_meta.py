"""What a saved web page says about itself in its markup: og: and article:
tags, JSON-LD, <time>, rel=author, the <title> and the first <h1>s.

A stdlib HTMLParser over at most SCAN_CHARS of the page: linear and bounded,
and nothing in the page is ever run or fetched.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

SCAN_CHARS = 1024 * 1024
JSON_CHARS = 256 * 1024  # one JSON-LD block; bigger ones are not metadata
TEXT_CHARS = 300  # of one byline, title or heading
MAX_H1 = 5
COUNTED_WORDS = 200_000  # words of the page counted for link_share
_WORDS = re.compile(r"\w+")
_ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "webpage", "report", "techarticle",
})  # fmt: skip


@dataclass
class PageMeta:
    meta: dict[str, str] = field(default_factory=dict)  # name/property/itemprop (lower case) -> content
    title: str = ""
    h1s: list[str] = field(default_factory=list)  # the first few <h1>, in page order (a logo may be one)
    times: list[str] = field(default_factory=list)  # <time datetime>, in page order
    rel_authors: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)  # text of elements whose class says byline/author
    ld: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD objects of an article type
    tail_text: str = ""  # the page's last visible words: a copyright line
    in_links: Counter[str] = field(default_factory=Counter)  # visible words inside <a>, lower case
    outside_links: Counter[str] = field(default_factory=Counter)  # and outside

    def link_share(self, text: str) -> float:
        """The share of `text`'s words that the page shows mostly as link text:
        an extractor that flattened a list of teasers loses its links, not this."""
        words = _WORDS.findall(text.casefold())
        linked = sum(1 for w in words if self.in_links[w] > self.outside_links[w])
        return linked / len(words) if words else 0.0

    def first(self, *keys: str) -> str:
        return next((self.meta[k] for k in keys if self.meta.get(k)), "")

    def ld_first(self, key: str) -> Any:
        return next((obj[key] for obj in self.ld if obj.get(key)), None)


def read_page_meta(page: str, json_ld: Sequence[str] = ()) -> PageMeta:
    """The page's metadata; `json_ld`: the JSON-LD blocks, when `page` has lost its scripts."""
    parser = _Parser()
    parser.feed(page[:SCAN_CHARS])
    parser.close()
    for block in json_ld:
        parser.out.ld.extend(_articles(block))
    return parser.out


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = PageMeta()
        self._capture: str | None = None  # "title", "h1", "ld", "rel_author", "byline", "skip"
        self._depth = 0  # open elements inside a byline
        self._buf: list[str] = []
        self._held = 0  # characters in _buf
        self._visible: list[str] = []
        self._links = 0  # open <a> elements
        self._counted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a":
            self._links += 1
        if tag == "meta":
            self._meta(a)
        elif tag == "time" and a.get("datetime"):
            self.out.times.append(a["datetime"])
        if self._capture == "byline":
            self._depth += 1
            return
        if self._capture is not None:
            return
        what = self._what(tag, a)
        if what:
            self._capture, self._depth, self._buf, self._held = what, 0, [], 0

    def _what(self, tag: str, a: dict[str, str]) -> str | None:
        if tag == "title" and not self.out.title:
            return "title"
        if tag == "h1" and len(self.out.h1s) < MAX_H1:
            return "h1"
        if tag == "script":
            return "ld" if a.get("type", "").lower() == "application/ld+json" else "skip"
        if tag in ("style", "noscript", "template", "svg"):
            return "skip"
        if tag == "a" and "author" in a.get("rel", "").lower().split():
            return "rel_author"
        cls = f"{a.get('class', '')} {a.get('itemprop', '')}".lower()
        if tag not in ("a", "meta", "link") and ("byline" in cls or "author" in cls.split()):
            return "byline"
        return None

    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        if key and a.get("content") and key not in self.out.meta:
            self.out.meta[key] = a["content"].strip()[:TEXT_CHARS]

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._links = max(0, self._links - 1)
        if self._capture == "byline" and self._depth > 0:
            self._depth -= 1
            return
        if self._capture is None or not _closes(self._capture, tag):
            return
        text = "".join(self._buf)
        self._store(self._capture, text)
        self._capture, self._buf = None, []

    def _store(self, what: str, text: str) -> None:
        if what == "ld":
            self.out.ld.extend(_articles(text))
            return
        line = " ".join(text.split())[:TEXT_CHARS]
        if what == "title":
            self.out.title = line
        elif what == "h1" and line:
            self.out.h1s.append(line)
        elif what == "rel_author" and line:
            self.out.rel_authors.append(line)
        elif what == "byline" and line:
            self.out.bylines.append(line)

    def handle_data(self, data: str) -> None:
        if self._capture not in (None, "skip") and self._held < JSON_CHARS:
            self._buf.append(data)
            self._held += len(data)
        if self._capture in (None, "byline", "rel_author", "h1") and data.strip():
            self._visible.append(data)
            if len(self._visible) > 400:
                del self._visible[:200]
            self._count(data)

    def _count(self, data: str) -> None:
        if self._counted < COUNTED_WORDS:
            words = _WORDS.findall(data.casefold())
            self._counted += len(words)
            (self.out.in_links if self._links else self.out.outside_links).update(words)

    def close(self) -> None:
        super().close()
        self.out.tail_text = " ".join(" ".join(self._visible[-60:]).split())[-2048:]


def _closes(what: str, tag: str) -> bool:
    wanted = {"title": "title", "h1": "h1", "ld": "script", "rel_author": "a"}.get(what)
    if what == "skip":
        return tag in ("script", "style", "noscript", "template", "svg")
    return wanted == tag if wanted else True  # a byline ends with the element that opened it


def _articles(text: str) -> Iterator[dict[str, Any]]:
    """The article-typed objects of one JSON-LD block (also inside @graph)."""
    try:
        data = json.loads(text[:JSON_CHARS])
    except ValueError:
        return
    stack = [data]
    seen = 0
    while stack and seen < 200:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if isinstance(item.get("@graph"), list):
                stack.extend(reversed(item["@graph"]))
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                yield item
