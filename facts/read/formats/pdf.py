"""PDFs: the text layer in reading order, as paragraphs, and where each page starts.

pypdf's layout mode keeps the vertical gaps, so a blank line is a paragraph
break; the lines of a paragraph are joined by a space (a word hyphenated at a
line end is rejoined). Running headers and footers (lines repeated at the
top or bottom of most pages, page numbers changing) and bare page numbers go.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from facts.read.formats import Article, Unreadable
from facts.read.formats.page_fields import site_beside, without_site
from facts.read.formats.pdf_layout import Page, paragraphs_of, running_header
from facts.read.metadata import sniff
from facts.read.titles import cut

SUFFIXES = (".pdf",)
MAX_BYTES = 64 * 1024 * 1024
MAX_PAGES = 500  # an article never runs this long: the rest is not read
TITLE_WINDOW = 1000  # the file's title must stand this near the top to be the headline
logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its recoveries are not the user's business


def read(path: Path, data: bytes) -> Article:
    if not data.strip():
        raise Unreadable("empty file")
    if b"%PDF-" not in data[:1024]:
        raise Unreadable("not a PDF (no %PDF- header)")
    pages, info = _pages(data)
    text, starts = paragraphs_of(pages)
    if not text.strip():
        raise Unreadable("no text layer (a scanned PDF?)")
    meta = sniff(text)
    author = meta.author or (info.get("/Author", "") if len(info.get("/Author", "").split()) >= 2 else "")
    title = _title(text, _info_title(info))
    outlet = _outlet(title, running_header(pages), info.get("/Title", "")) or meta.outlet
    return Article(
        text=text, title=title, outlet=outlet, author=author,
        date=meta.date or _pdf_date(info.get("/CreationDate", "")), pages=starts, extracted=True,
    )  # fmt: skip


def _pages(data: bytes) -> tuple[list[Page], dict[str, str]]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted PDF (it needs a password)")
        pages = [_page_text(p) for p in reader.pages[:MAX_PAGES]]
        info = {k: str(v) for k, v in (reader.metadata or {}).items() if isinstance(v, str)}
    except Unreadable:
        raise
    except Exception as err:
        raise Unreadable(f"damaged or unsupported PDF ({type(err).__name__}: {str(err)[:80]})") from None
    return pages, info


def _outlet(title: str, header: str, info_title: str) -> str:
    """The site a printed page names beside its headline: in the running header
    ("Site - Headline") or in the file's title ("Headline | Site"). It outranks a
    name sniffed from the text, which may be a newsletter plug or a desk."""
    return site_beside(header, title) or site_beside(info_title, title)


def _page_text(page: object) -> Page:
    from pypdf import PageObject

    assert isinstance(page, PageObject)
    try:
        return page.extract_text(extraction_mode="layout").split("\n")
    except Exception:
        return page.extract_text().split("\n")


def _title(text: str, info_title: str) -> str:
    """The file's own title when the text opens with it (a masthead or a kicker
    may come first), else the first paragraph when it is headline-sized."""
    if info_title and info_title.casefold() in text[:TITLE_WINDOW].casefold():
        return info_title
    first = text.split("\n\n", 1)[0]
    return cut(first) if len(first.split()) <= 30 else info_title


def _info_title(info: dict[str, str]) -> str:
    title = without_site(" ".join(info.get("/Title", "").split()), "")  # a printed page: "Headline | Site"
    junk = ("untitled", "microsoft word", ".doc", ".pdf", ".indd")
    return "" if any(j in title.casefold() for j in junk) else cut(title)


def _pdf_date(value: str) -> str:
    """D:20251003081500Z -> 2025-10-03 (the file's creation: a last resort)."""
    v = value.removeprefix("D:")
    if len(v) >= 8 and v[:8].isdigit() and 1 <= int(v[4:6]) <= 12 and 1 <= int(v[6:8]) <= 31:
        return f"{v[:4]}-{v[4:6]}-{v[6:8]}"
    return ""
