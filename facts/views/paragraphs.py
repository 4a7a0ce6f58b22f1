"""Paragraph numbers for citations: "[2] ¶4" finds a quote faster than a character offset.

A paragraph is a line of text, except in hard-wrapped text (lines cut at a
fixed width, so most lines end mid-sentence), where it is a run of lines
between blank lines. Saved pages and PDFs give one line per paragraph.
"""

from __future__ import annotations

import re

_BLANK_RUN = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_ENDS_SENTENCE = re.compile(r"[.!?:\"”’)\]]\s*$")
WRAPPED_SHARE = 0.6  # this share of lines ending mid-sentence means the text is hard-wrapped
SAMPLE_LINES = 400  # enough lines to tell, however long the article


def _hard_wrapped(lines: list[str]) -> bool:
    sample = lines[:SAMPLE_LINES]
    if len(sample) < 4:
        return False
    open_ended = sum(1 for line in sample if not _ENDS_SENTENCE.search(line))
    return open_ended >= WRAPPED_SHARE * len(sample)


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph of `text` starts, in order (one pass over the text)."""
    lines = list(_LINE.finditer(text))
    if not _hard_wrapped([m.group() for m in lines]):
        return [m.start() for m in lines]
    starts, at = [], 0
    for block in [*_BLANK_RUN.finditer(text), None]:
        end = block.start() if block is not None else len(text)
        first = _LINE.search(text, at, end)
        if first is not None:
            starts.append(first.start())
        at = block.end() if block is not None else end
    return starts
