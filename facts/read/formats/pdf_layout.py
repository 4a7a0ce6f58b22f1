"""From the lines of a PDF's pages to paragraphs: running headers, footers
and page numbers out, each paragraph's lines joined, page starts kept."""

from __future__ import annotations

import re
from collections import Counter

Page = list[str]  # the lines of one page, top to bottom, blank lines for vertical gaps

EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be running furniture
SHORT_LINE = 0.6  # a line shorter than this share of a full one is the last of its paragraph (or a heading)
_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?$")
_DIGITS = re.compile(r"\d+")
_END = re.compile(r"[.!?:;\"”’')\]]$")
_HYPHENATED = re.compile(r"[A-Za-z]-$")


def paragraphs_of(pages: list[Page]) -> tuple[str, tuple[int, ...]]:
    """(the text: paragraphs separated by a blank line, the offset where each page starts)."""
    furniture = _running(pages)
    bodies = [_body(page, furniture) for page in pages]
    short = SHORT_LINE * _typical_length(bodies)
    paras: list[list[str]] = []
    starts: list[tuple[int, int, int]] = []  # (page, paragraph index, line index) of each page's first line
    open_para = full = False
    for number, lines in enumerate(bodies):
        first = True
        for line in lines:
            if not line:  # a gap ends the paragraph; `full` keeps the page's last text line for the next page
                open_para = False
                continue
            if not open_para and not (first and paras and _continues(paras[-1], line, full)):
                paras.append([])
            open_para = True
            if first:
                starts.append((number, len(paras) - 1, len(paras[-1])))
                first = False
            paras[-1].append(line)
            open_para = len(line) >= short or _HYPHENATED.search(line) is not None  # a short line ends its paragraph
            full = open_para
        if first:
            starts.append((number, len(paras), 0))  # an empty page starts where the next text does
        open_para = False
    return _join(paras, starts)


def running_header(pages: list[Page]) -> str:
    """The first page's top line when it repeats at the top of the other pages (a running header)."""
    furniture = _running(pages)
    top = next((" ".join(x.split()) for x in pages[0] if x.strip()), "") if pages else ""
    return top if top and _key(top) in furniture and not _PAGE_NUMBER.match(top) else ""


def _typical_length(bodies: list[list[str]]) -> float:
    """The length of a full line of body text: the upper quartile of line lengths."""
    lengths = sorted(len(x) for b in bodies for x in b if x)
    return float(lengths[(3 * len(lengths)) // 4]) if lengths else 0.0


def _running(pages: list[Page]) -> set[str]:
    """Lines (digits masked) at an edge of at least half the pages, on two or more."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(x) for x in _edges(page)})
    need = max(2, (len(pages) + 1) // 2)
    return {k for k, n in seen.items() if n >= need and k}


def _edges(page: Page) -> list[str]:
    lines = [x for x in page if x.strip()]
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


def _body(page: Page, furniture: set[str]) -> list[str]:
    """The page's lines, spaces collapsed, blank for a gap, without its furniture."""
    lines = [" ".join(x.split()) for x in page]
    filled = [k for k, x in enumerate(lines) if x]
    edges = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
    out = []
    for k, line in enumerate(lines):
        if k in edges and (_PAGE_NUMBER.match(line) or _key(line) in furniture):
            out.append("")
        else:
            out.append(line)
    return out


def _continues(para: list[str], line: str, full: bool) -> bool:
    """A paragraph runs on over a page break when it did not end a sentence and
    either the next page opens in lower case or the last line ran the full width
    (a capital or a figure may open the rest of the sentence: "North / American", "$96")."""
    return bool(para) and not _END.search(para[-1]) and (line[:1].islower() or full)


def _join(paras: list[list[str]], starts: list[tuple[int, int, int]]) -> tuple[str, tuple[int, ...]]:
    texts: list[str] = []
    line_offsets: list[list[int]] = []
    pos = 0
    for lines in paras:
        text, offsets = _join_lines(lines)
        line_offsets.append([pos + o for o in offsets])
        texts.append(text)
        pos += len(text) + 2
    total = max(0, pos - 2)
    page_starts = []
    for _page, p, k in starts:
        if p < len(paras):
            page_starts.append(line_offsets[p][k] if k < len(line_offsets[p]) else total)
        else:
            page_starts.append(total)
    return "\n\n".join(texts), tuple(page_starts)


def _join_lines(lines: list[str]) -> tuple[str, list[int]]:
    """One paragraph's lines on one line; the offset where each line begins."""
    out = ""
    offsets = []
    for line in lines:
        if not out:
            offsets.append(0)
            out = line
        elif _HYPHENATED.search(out) and line[:1].islower():
            offsets.append(len(out) - 1)
            out = out[:-1] + line  # "busi-" + "ness"
        else:
            offsets.append(len(out) + 1)
            out = f"{out} {line}"
    return out, offsets
