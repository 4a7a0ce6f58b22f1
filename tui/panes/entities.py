"""Entities: names, kinds, aliases, mentions per source; Enter lists every
mention in context and Enter on one jumps into the reader there."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content

from facts.kinds import FactKind
from facts.model import Entity
from facts.views.index import FactIndex
from tui.panes.base import FactPane
from tui.screens.mentions import MentionsScreen
from tui.widgets.detail import field_line
from tui.widgets.fact_table import Column


def per_source(e: Entity) -> Counter[str]:
    return Counter(m.source for m in e.mentions)


def short_source(source_id: str) -> str:
    stem = source_id.rsplit(".", 1)[0]
    return stem if len(stem) <= 10 else stem[:9] + "…"


class EntitiesPane(FactPane):
    kind: ClassVar[FactKind] = "entity"
    empty_text = "No entities found."

    def columns(self) -> list[Column[Entity]]:
        return [
            Column("name", "Name", lambda e: e.name, width=18, flex=2, filterable=True, style="fact-table--value"),
            Column("kind", "Kind", lambda e: e.kind, width=12, filterable=True, style="fact-table--dim"),
            Column("aliases", "Aliases", lambda e: ", ".join(e.aliases + e.variants), width=12, flex=2,
                   filterable=True),
            Column("mentions", "Ment.", lambda e: str(len(e.mentions)), width=5, align="right",
                   sort_key=lambda e: len(e.mentions)),
            Column("sources", "Per source", self._per_source_cell, width=14, flex=1, hide_below=96,
                   sort_key=lambda e: len(per_source(e))),
            Column("provenance", "Prov.", lambda e: e.provenance, width=7, hide_below=110, style="fact-table--dim"),
        ]  # fmt: skip

    def _per_source_cell(self, e: Entity) -> str:
        label = self.lookup.label_of if self.lookup is not None else short_source
        return "  ".join(f"{label(s)} {n}" for s, n in per_source(e).most_common())

    def items(self, lookup: FactIndex) -> Sequence[Entity]:
        return lookup.fb.entities

    def detail(self, e: Entity) -> Content:
        assert self.lookup is not None
        counts = per_source(e)
        lines = [
            field_line("name", e.name, "bold"),
            field_line("kind", f"{e.kind} · {e.provenance}"),
            field_line("aliases", ", ".join(e.aliases) or "(none)"),
        ]
        if e.variants:
            lines.append(field_line("variants", ", ".join(e.variants)))
        lines.append(field_line("mentions", f"{len(e.mentions)} in {len(counts)} sources"))
        for src, n in counts.most_common(8):
            source = self.lookup.sources.get(src)
            lines.append(field_line(f"  {n:>4} ×", f"{src}  {source.title if source else ''}"))
        if len(counts) > 8:
            lines.append(field_line("", f"… and {len(counts) - 8} more sources"))
        lines.append(Content.styled("Enter: every mention in context", "italic $text-muted"))
        return Content.assemble(*lines)

    def open(self, e: Entity) -> None:
        assert self.lookup is not None
        self.app.push_screen(MentionsScreen(self.lookup, e))
