"""Markdown articles: the text a reader sees, markup stripped.

The offsets of a Markdown article index this stripped text, which the
contract carries as `sources[].text` (as for saved pages): a figure inside
`**$3 billion**` then quotes as people read it. Line breaks stay where they
were, so the paragraphs are the file's.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from facts.read.dates import parse_date
from facts.read.formats import Article
from facts.read.formats.text import decode
from facts.read.metadata import sniff
from facts.read.titles import cut, title_of

SUFFIXES = (".md", ".markdown")
MAX_BYTES = 16 * 1024 * 1024
SPAN = 300  # the longest emphasis or link text looked for: bounded work per line

_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>(?:[^\n]*\n){0,40}?)---[ \t]*\n")
_FIELD = re.compile(r"^(?P<key>[A-Za-z_-]+)[ \t]*:[ \t]*(?P<value>[^\n]*)$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:[-*_=][ \t]*){3,})$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+")
_REFDEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]*\S")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"`([^`\n]{{1,{SPAN}}})`"), r"\1"),
    (re.compile(rf"!\[[^\]\n]{{0,{SPAN}}}\]\([^)\n]{{0,{SPAN}}}\)"), ""),
    (re.compile(rf"\[([^\]\n]{{1,{SPAN}}})\](?:\([^)\n]{{0,{SPAN}}}\)|\[[^\]\n]{{0,{SPAN}}}\])"), r"\1"),
    (re.compile(r"<(https?://[^>\s]{1,500})>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>\n]{0,500}>"), ""),
    (re.compile(rf"(\*\*|__|~~)(?=\S)(.{{1,{SPAN}}}?)(?<=\S)\1"), r"\2"),
    (re.compile(rf"(?<![\w*])\*(?=[^\s*])(.{{1,{SPAN}}}?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(rf"(?<!\w)_(?=[^\s_])(.{{1,{SPAN}}}?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
)


def read(path: Path, data: bytes) -> Article:
    raw = decode(data).lstrip("\ufeff")
    front, body = _front_matter(raw)
    text, heading = _plain(body)
    meta = sniff(text)
    return Article(
        text=text,
        title=cut(front.get("title", "")) or heading or title_of(text),
        outlet=front.get("outlet") or front.get("publisher") or front.get("site") or meta.outlet,
        author=front.get("author") or meta.author,
        date=parse_date(front.get("date", "")) or meta.date,
        extracted=True,
    )


def _front_matter(raw: str) -> tuple[dict[str, str], str]:
    """`key: value` lines between `---` fences at the very top (read as plain
    strings: never given to a YAML loader)."""
    m = _FRONT.match(raw)
    if not m:
        return {}, raw
    fields = {f["key"].casefold(): f["value"].strip().strip("\"'") for f in _FIELD.finditer(m["body"])}
    return fields, raw[m.end() :]


def _plain(body: str) -> tuple[str, str]:
    """(the text without markup, the first heading)."""
    out: list[str] = []
    heading = ""
    fenced = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            out.append(line)
            continue
        if _RULE.match(line) or _REFDEF.match(line) or _TABLE_RULE.match(line):
            out.append("")
            continue
        h = _HEADING.match(line)
        if h:
            line = h["text"]
        line = _BULLET.sub(r"\1", _QUOTE.sub("", line))
        line = _inline(line)
        if h and not heading:
            heading = cut(" ".join(line.split()))
        out.append(line.strip(" |") if line.lstrip().startswith("|") else line)
    return "\n".join(out).strip("\n"), heading


def _inline(line: str) -> str:
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return html.unescape(line)
