"""Sources: one row per article; Enter opens the reader."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content

from facts.kinds import FactKind
from facts.model import Source
from facts.views.index import FactIndex
from tui.messages import OpenReader
from tui.panes.base import FactPane
from tui.widgets.detail import field_line
from tui.widgets.fact_table import Column


class SourcesPane(FactPane):
    kind: ClassVar[FactKind] = "source"
    empty_text = "No articles."

    def columns(self) -> list[Column[Source]]:
        count = self._count
        return [
            Column("title", "Title", lambda s: s.title or s.id, width=20, flex=1, filterable=True),
            Column("outlet", "Outlet", lambda s: s.outlet, width=16, filterable=True, hide_below=90),
            Column("date", "Date", lambda s: s.date, width=10, filterable=True, style="fact-table--dim"),
            Column("words", "Words", lambda s: f"{s.words:,}", width=6, align="right", sort_key=lambda s: s.words),
            Column("numbers", "Nums", lambda s: str(count("numbers_in", s)), width=4, align="right",
                   sort_key=lambda s: count("numbers_in", s)),
            Column("entities", "Ents", lambda s: str(count("entities_in", s)), width=4, align="right",
                   sort_key=lambda s: count("entities_in", s)),
            Column("conflicts", "Confl", lambda s: str(count("conflicts_in", s)), width=5, align="right",
                   sort_key=lambda s: count("conflicts_in", s), style="fact-table--value"),
            Column("file", "File", lambda s: s.id, width=14, filterable=True, hide_below=110,
                   style="fact-table--dim"),
        ]  # fmt: skip

    def _count(self, counter: str, source: Source) -> int:
        return getattr(self.lookup, counter)[source.id] if self.lookup else 0

    def items(self, lookup: FactIndex) -> Sequence[Source]:
        return lookup.fb.sources

    def detail(self, s: Source) -> Content:
        assert self.lookup is not None
        return Content.assemble(
            field_line("title", s.title or "(untitled)", "bold"),
            field_line("outlet", s.outlet or "(not given)"),
            *([field_line("author", s.author)] if s.author else []),
            field_line("date", s.date or "(not given)"),
            field_line("file", s.path + (f" ({len(s.pages)} pages)" if s.pages else "")),
            field_line("size", f"{s.words:,} words, {s.chars:,} characters"),
            field_line(
                "facts",
                f"{self.lookup.numbers_in[s.id]} numbers · {self.lookup.entities_in[s.id]} entities · "
                f"{self.lookup.conflicts_in[s.id]} conflicts",
            ),
            field_line("provenance", s.provenance),
            ("Enter: read the article with its facts highlighted", "italic $text-muted"),
        )

    def open(self, s: Source) -> None:
        self.post_message(OpenReader(s.id))
