"""Saved web pages: the article without site furniture, and its metadata.

trafilatura finds the article body; what it lets through (short link-only
paragraphs, "Related" or "Read more" blocks inside the article) is cleaned
up here. The text is the headline, then the body's blocks in reading order,
one paragraph each, separated by a blank line, runs of spaces collapsed.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from xml.etree.ElementTree import Element

from facts.lexicon import load_model
from facts.lexicon.models import MetadataLexicon
from facts.read.bylines import byline_fields
from facts.read.formats import Article, Unreadable
from facts.read.formats.page_fields import page_fields, page_title
from facts.read.formats.page_meta import PageMeta, read_page_meta
from facts.read.formats.page_strip import json_ld_blocks, strip_heavy
from facts.read.metadata import Meta, sniff

SUFFIXES = (".html", ".htm", ".xhtml")
MAX_BYTES = 16 * 1024 * 1024  # a saved article is rarely past 5 MB; a 50 MB page is skipped, not parsed
MAX_MARKUP = 2_000_000  # characters of markup left after scripts and styles: past this, no article page
FAST_MARKUP = 300_000  # past this, trafilatura skips its second opinions (they double its time)
MIN_WORDS = 25  # fewer words of body: an index or list page, not an article
TEASER_WORDS = 30  # a block this short that begins "Related:" or "Read more" is a teaser
BOX_WORDS = 15  # a block this short naming a newsletter or a cookie is a box, not prose
PROSE_WORDS = 12  # a block of this many words without links ends a "Related" section
HEAD_LINKED = 0.7  # a heading this much made of link text is a teaser's headline
_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_COPYRIGHT = re.compile(r"(?i)\s*(?:©|\(c\)|copyright\b)")
_BLOCKS = frozenset({"p", "head", "item", "quote", "row", "code"})


def read(path: Path, data: bytes) -> Article:
    page = decode_page(data)
    light = strip_heavy(page)
    if len(light) > MAX_MARKUP:
        raise Unreadable(f"{len(light) / 1e6:.1f} MB of markup besides scripts and styles: not one article")
    meta = read_page_meta(light, json_ld_blocks(page))  # JSON-LD sits in <script>: taken before stripping
    raw_blocks = [(kind, text, max(linked, meta.link_share(text))) for kind, text, linked in _blocks(_extract(light))]
    fields, guessed = _fields(meta, light, sniff("\n".join(b[1] for b in raw_blocks)))  # before the byline goes
    blocks = clean_blocks(raw_blocks)
    title = page_title(meta, guessed, fields.outlet) or (blocks[0] if blocks else "")
    if blocks and _same(blocks[0], title):
        blocks = blocks[1:]
    if sum(len(b.split()) for b in blocks) < MIN_WORDS:
        raise Unreadable("no article text found (an index or list page?)")
    text = "\n\n".join([title, *blocks]) if title else "\n\n".join(blocks)
    return Article(text=text, title=title, outlet=fields.outlet, author=fields.author, date=fields.date, extracted=True)


def _fields(meta: PageMeta, light: str, byline: Meta) -> tuple[Meta, dict[str, str]]:
    """The page's outlet, author and date; trafilatura's guesses only where its tags leave one open."""
    fields = page_fields(meta, {}, byline)
    if fields.outlet and fields.author and fields.date:
        return fields, {}
    guessed = _guessed(light)
    return page_fields(meta, guessed, byline), guessed


def decode_page(data: bytes) -> str:
    """The page as text: its BOM, else its <meta charset>, else UTF-8, else Windows-1252."""
    if data[:8192].count(0) * 20 > len(data[:8192]) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Unreadable("binary file (many NUL bytes)")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace")
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            declared = codecs.lookup(m.group(1).decode("ascii")).name
            return data.decode(declared, "strict" if declared == "utf-8" else "replace")
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown charset, or "utf-8" over Windows-1252 bytes: guess as below
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _guessed(page: str) -> dict[str, str]:
    """trafilatura's own metadata guesses (it also reads dates from URLs and
    text), only when the page's tags leave something open: a second parse."""
    import trafilatura

    try:
        doc = trafilatura.extract_metadata(page)
    except Exception:  # a guess failing is no reason to lose the page
        return {}
    if doc is None:
        return {}
    found = {"title": doc.title, "author": doc.author, "date": doc.date, "sitename": doc.sitename}
    return {k: v for k, v in found.items() if isinstance(v, str) and v}


def _extract(page: str) -> Element:
    import trafilatura  # lxml and friends load only when a page is read

    try:
        xml = trafilatura.extract(
            page, output_format="xml", include_links=True, include_comments=False, include_tables=True,
            include_images=False, with_metadata=False, deduplicate=False, fast=len(page) > FAST_MARKUP,
        )  # fmt: skip
    except Exception as err:
        raise Unreadable(f"not a readable web page ({type(err).__name__})") from None
    if not xml:
        raise Unreadable("no article text found (an index or list page?)")
    try:
        return ET.fromstring(xml)
    except ET.ParseError as err:
        raise Unreadable(f"the extracted article is not well formed ({err})") from None


def _blocks(doc: Element) -> list[tuple[str, str, float]]:
    """(kind, text, share of the text inside links) for each block of the body, in order."""
    main = doc.find("main")
    for lb in doc.iter("lb"):  # a <br> is a line break: a label above it must not run into the next sentence
        lb.tail = "\n" + (lb.tail or "")
    out: list[tuple[str, str, float]] = []
    for el in main.iter() if main is not None else ():
        if el.tag not in _BLOCKS or any(d is not el and d.tag in _BLOCKS for d in el.iter()):
            continue  # its inner blocks speak for it
        text = " | ".join(t for c in el if (t := _text(c))) if el.tag == "row" else _text(el)
        if text:
            linked = sum(len(_text(r)) for r in el.iter("ref"))
            out.append((el.tag, text, min(1.0, linked / len(text))))
    return out


def _text(el: Element) -> str:
    """The element's words, spaces collapsed. A line break (a <br>) stays one when
    the next line opens with a capital or a figure (a label or a heading above it),
    and is a space inside a sentence ("fees would rise<br>by 4%")."""
    lines = [
        flat for line in _CONTROLS.sub(" ", "".join(el.itertext())).split("\n") if (flat := " ".join(line.split()))
    ]
    return "".join(line if k == 0 else ("\n" if not line[0].islower() else " ") + line for k, line in enumerate(lines))


def clean_blocks(blocks: list[tuple[str, str, float]]) -> list[str]:
    """Drop what trafilatura let through: link-only teasers, and furniture
    blocks ("Related", "Read more: ...") with the link lists under them."""
    out: list[str] = []
    in_furniture = False
    for k, (kind, text, linked) in enumerate(blocks):
        words = len(text.split())
        if kind == "head":
            # a "Related" heading, or a teaser's linked headline: what follows is furniture too
            in_furniture = linked >= HEAD_LINKED or _furniture_label(text) or (_furniture_phrase(text) and words <= 6)
            if not in_furniture:
                out.append(text)
            continue
        if in_furniture and (linked > 0.3 or words < PROSE_WORDS):
            continue  # the teasers under a "Related" heading
        in_furniture = words <= 3 and _furniture_label(text)  # "Advertisement": the ad's text follows
        if in_furniture or linked > 0.8 or _is_furniture(text, linked, words) or (k < 3 and _is_byline(text)):
            continue
        out.append(text)
    return out


def _is_furniture(text: str, linked: float, words: int) -> bool:
    if words >= TEASER_WORDS:
        return False
    if _furniture_label(text) or _COPYRIGHT.match(text) is not None or (_furniture_phrase(text) and linked > 0.3):
        return True
    return words < BOX_WORDS and _box_re().search(text) is not None  # "Get our newsletter: ..."


def _is_byline(text: str) -> bool:
    """ "By Jane Roe | The Outlet | 3 May 2022" near the top: metadata, not article."""
    line = byline_fields(text)
    return len(text.split()) <= 20 and bool(line.author or line.date) and "\n" not in text


@cache
def _cues() -> str:
    cues = sorted(load_model("metadata", MetadataLexicon).page_furniture, key=len, reverse=True)
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)


@cache
def _label_re() -> re.Pattern[str]:
    # the cue is the whole block, or labels what follows: "Read more: ...", "Related | ..."
    return re.compile(rf"(?i:{_cues()})\W{{0,3}}(?:[:|›»→]|$)")


@cache
def _phrase_re() -> re.Pattern[str]:
    return re.compile(rf"(?i:{_cues()})\b")


@cache
def _box_re() -> re.Pattern[str]:
    words = load_model("metadata", MetadataLexicon).page_box_words
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?i)\b(?:{alt})\b")


def _furniture_label(text: str) -> bool:
    return _label_re().match(text) is not None


def _furniture_phrase(text: str) -> bool:
    """Begins with a cue of two words or more ("More from ...", "Sign up for ..."):
    one-word cues ("Latest", "Watch") also begin ordinary sentences."""
    m = _phrase_re().match(text)
    return m is not None and len(m.group(0).split()) >= 2


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
