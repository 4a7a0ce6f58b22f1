"""One article as the dispute finders read it: its text, sentences and the
entity mentions around a cue, each found by bisection or a dict lookup."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from facts.analyse.mentions import Mention
from facts.extract.document import Document, document_of
from facts.model import Source, Span

ORG_KINDS = frozenset({"organisation", "other"})  # a named company may be resolved as either
_LOWER_WORD = re.compile(r"\s*(?:[a-z][\w-]*)")
_GAP = re.compile(r"\s{0,8}")  # the spaces before a name: a few, never a scan of a blank megabyte
_POSSESSIVE = re.compile(r"\s*(?:['’‘]\s*s\b|(?<=s)['’](?!\w))")  # "ACME's", "ACME ‘ s", "Systems'"
_POSSESSIVE_END = re.compile(r"(?:['’‘]\s*s|(?<=s)['’])$")
MAX_WITHIN = 64  # mentions read in one clause: a list of hundreds of names is no clause
WINDOW = 60  # how far before a cue a word or a name may stand


@dataclass(frozen=True, slots=True)
class Stance:
    """What one source says on a disputed attribute, and the words that say it."""

    attribute: str  # "deal structure", "headquarters", "chief executive of Acme"
    subject: str  # the entity id it is about ("" the deal)
    value: str  # a key compared across sources: "whole", "lisbon", an entity id
    label: str  # the value for people: "the whole company", "Lisbon"
    span: Span
    sentence: Span | None


class Article:
    """One source's text, Document and entity mentions (sorted by start)."""

    def __init__(
        self, source: Source, mentions: list[Mention], parties: frozenset[str], doc: Document | None = None
    ) -> None:
        self.id, self.text = source.id, source.text
        self.doc: Document = doc or document_of(source.text)
        self.mentions = [m for m in mentions if m.end <= len(self.text)]
        self.starts = [m.start for m in self.mentions]
        self.by_start = {m.start: m for m in self.mentions}
        self.by_end = {m.end: m for m in self.mentions}
        self.parties = parties

    def span(self, start: int, end: int) -> Span:
        return Span(source=self.id, start=start, end=end, text=self.text[start:end])

    def sentence(self, pos: int) -> Span | None:
        s, e = self.doc.sentence_at(pos)
        return self.span(s, e) if e > s else None

    def stance(self, attribute: str, subject: str, value: str, label: str, start: int, end: int) -> Stance:
        return Stance(attribute, subject, value, label, self.span(start, end), self.sentence(start))

    def words_before(self, pos: int, n: int) -> list[str]:
        return [w.lower() for w in re.findall(r"[\w'’.-]+", self.text[max(0, pos - WINDOW) : pos])[-n:]]

    def mention_at(self, pos: int, kinds: frozenset[str] = ORG_KINDS) -> Mention | None:
        """The mention of one of `kinds` starting at `pos`, spaces skipped."""
        m = self.by_start.get(_skip_spaces(self.text, pos))
        return m if m is not None and m.kind in kinds else None

    def mention_ending(self, pos: int, kinds: frozenset[str] = ORG_KINDS) -> Mention | None:
        """The mention of one of `kinds` ending at `pos`, spaces (and a possessive) skipped."""
        end = self._back_over_spaces(pos)
        m = self.by_end.get(end)
        if m is None:
            cut = _POSSESSIVE_END.search(self.text, max(0, end - 6), end)
            m = self.by_end.get(self._back_over_spaces(cut.start())) if cut else None
        return m if m is not None and m.kind in kinds else None

    def _back_over_spaces(self, pos: int) -> int:
        floor = max(0, pos - WINDOW)
        return floor + len(self.text[floor:pos].rstrip())

    def org_after(self, pos: int, descriptors: int) -> Mention | None:
        """The company right after `pos`: 'the', then up to `descriptors`
        lowercase words ('the chip maker ACME'), then its name."""
        pos = _skip_spaces(self.text, pos)
        for _ in range(descriptors + 1):
            found = self.mention_at(pos)
            if found is not None:
                return found
            word = _LOWER_WORD.match(self.text, pos)
            if word is None:
                return None
            pos = word.end()
        return None

    def possessive_at(self, pos: int) -> re.Match[str] | None:
        return _POSSESSIVE.match(self.text, pos)

    def antecedent(self, pos: int) -> str:
        """The deal party 'the company' at `pos` stands for: the first company
        named in its sentence before it, else in the sentence before."""
        sentences = self.doc.sentences
        i = bisect.bisect_right(sentences, pos, key=lambda se: se[0]) - 1
        found = self._first_org(sentences[i][0], pos) if i >= 0 else ""
        if not found and i > 0:
            found = self._first_org(*sentences[i - 1])
        return found if found in self.parties else ""

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end), at most MAX_WITHIN of them."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        return self.mentions[i : min(j, i + MAX_WITHIN)]

    def _first_org(self, start: int, end: int) -> str:
        for m in self.within(start, end):
            if m.kind == "organisation":
                return m.entity
        return ""


def _skip_spaces(text: str, pos: int) -> int:
    gap = _GAP.match(text, pos)
    return gap.end() if gap else pos
