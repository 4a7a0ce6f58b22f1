"""A saved page without what no reader sees (scripts, styles, SVG, comments,
inline data: images): the extractor's work grows with the markup, and these
are most of a modern page's bytes. Plain string scans: linear, no regex
backtracking on a page that never closes its tags."""

from __future__ import annotations

import re

_HEAVY = ("script", "style", "noscript", "svg", "template")
_DATA_URI = re.compile(r"""(?i)\b(src|href|srcset|poster)\s*=\s*(["'])data:[^"']{0,50000000}\2""")


def strip_heavy(page: str) -> str:
    page = _drop_between(page, "<!--", "-->")
    lower = page.lower()
    for tag in _HEAVY:
        if f"<{tag}" in lower:
            page = _drop_elements(page, tag)
            lower = page.lower()
    return _DATA_URI.sub(r"\1=\2\2", page)


def json_ld_blocks(page: str, limit: int = 20) -> list[str]:
    """The contents of the page's first `limit` <script type="application/ld+json"> elements."""
    lower = page.lower()
    out: list[str] = []
    pos = 0
    while len(out) < limit and (at := lower.find("application/ld+json", pos)) >= 0:
        start = lower.find(">", at)
        end = lower.find("</script", start)
        if start < 0 or end < 0:
            break
        if lower.rfind("<script", 0, at) > lower.rfind(">", 0, at):  # the type is an attribute of a <script>
            out.append(page[start + 1 : end])
        pos = end
    return out


def _drop_between(page: str, opener: str, closer: str) -> str:
    out: list[str] = []
    pos = 0
    while (start := page.find(opener, pos)) >= 0:
        end = page.find(closer, start + len(opener))
        out.append(page[pos:start])
        if end < 0:
            return "".join(out)  # never closed: the rest is the comment
        pos = end + len(closer)
    out.append(page[pos:])
    return "".join(out)


def _drop_elements(page: str, tag: str) -> str:
    """Every <tag ...>...</tag>, case-insensitively; an unclosed one runs to the end."""
    lower = page.lower()
    out: list[str] = []
    pos = 0
    while (start := _open_tag(lower, tag, pos)) >= 0:
        end = lower.find(f"</{tag}", start)
        out.append(page[pos:start])
        if end < 0:
            return "".join(out)
        close = lower.find(">", end)
        pos = len(page) if close < 0 else close + 1
    out.append(page[pos:])
    return "".join(out)


def _open_tag(lower: str, tag: str, pos: int) -> int:
    """The next `<tag` followed by a space, `>` or `/` (not `<scripts`)."""
    while (start := lower.find(f"<{tag}", pos)) >= 0:
        after = lower[start + len(tag) + 1 : start + len(tag) + 2]
        if after in ("", ">", "/", " ", "\t", "\n", "\r"):
            return start
        pos = start + 1
    return -1
