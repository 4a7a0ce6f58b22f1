"""An article's title from its first lines, when the file has no better one."""

from __future__ import annotations

from facts.text import single_line

TITLE_CHARS = 200


def title_of(text: str) -> str:
    """The first line that reads like a headline (3 to 30 words); web pages
    often start with a menu word such as "More". Else the first line, cut.
    A byte-order mark is no part of it (display_safe would show it as U+FFFD)."""
    head = text[: 64 * 1024].replace("\ufeff", " ")
    lines = [single_line(x) for x in head.splitlines()[:40]]
    lines = [x for x in lines if x]
    for line in lines:
        if 3 <= len(line.split()) <= 30:
            return cut(line)
    return cut(lines[0]) if lines else ""


def cut(line: str) -> str:
    if len(line) <= TITLE_CHARS:
        return line
    return line[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
