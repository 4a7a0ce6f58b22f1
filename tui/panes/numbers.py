"""Numbers: every figure, written for people, with what it is about and its
sentence; sortable by any column, filterable by unit or attribute (`f`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.content import Content

from facts.kinds import FactKind
from facts.labels import format_value, said_by
from facts.model import Number
from facts.views.index import FactIndex
from tui.messages import OpenReader
from tui.panes.base import FactPane
from tui.widgets.detail import field_line, quote, said_line
from tui.widgets.fact_table import Column

QUALIFIER_MARK = {"exact": "", "approx": "~", "over": ">", "under": "<", "range": "…"}


def value_sort_key(n: Number) -> tuple[Any, ...]:
    # numbers before dates; within a unit, by size
    if isinstance(n.value, str):
        return (1, n.unit, 0.0, n.value)
    return (0, n.unit, float(n.value), "")


class NumbersPane(FactPane):
    kind: ClassVar[FactKind] = "number"
    empty_text = "No numbers found."
    filter_hint = "filter by unit or attribute (unit:USD, attribute:valuation) · Enter apply · Esc close"

    def columns(self) -> list[Column[Number]]:
        return [
            Column("value", "Value", lambda n: format_value(n.value, n.unit), width=10, align="right",
                   sort_key=value_sort_key, style="fact-table--value"),
            Column("unit", "Unit", lambda n: n.unit, width=7, filterable=True, style="fact-table--dim"),
            Column("qualifier", "Qual.", lambda n: n.qualifier if n.qualifier != "exact" else "", width=6,
                   filterable=True),
            Column("attribute", "Attribute", lambda n: n.attribute, width=14, filterable=True),
            Column("about", "About", self._about, width=14, hide_below=110, filterable=True),
            Column("said", "Said by", lambda n: said_by(n.attribution), width=14, filterable=True,
                   style="fact-table--dim"),
            Column("source", "Source", self._source, width=10, hide_below=96, style="fact-table--dim"),
            Column("sentence", "Sentence", self._sentence_text, width=16, flex=1),
        ]  # fmt: skip

    def _source(self, n: Number) -> str:
        return self.lookup.label_of(n.span.source) if self.lookup is not None else n.span.source

    def _about(self, n: Number) -> str:
        return self.lookup.name_of(n.subject) if self.lookup is not None and n.subject else ""

    def _sentence_text(self, n: Number) -> str:
        if self.lookup is None:
            return n.span.text
        return self.lookup.sentence(n.span, n.sentence).text

    def items(self, lookup: FactIndex) -> Sequence[Number]:
        return lookup.fb.numbers

    def detail(self, n: Number) -> Content:
        assert self.lookup is not None
        sentence = self.lookup.sentence(n.span, n.sentence)
        value = QUALIFIER_MARK[n.qualifier] + format_value(n.value, n.unit)
        hedge = f" ({n.qualifier})" if n.qualifier != "exact" else ""
        hedge += {"up": "  a rise", "down": "  a fall"}.get(n.direction, "")
        bounds = ""
        if n.qualifier != "exact" and (n.low is not None or n.high is not None):
            low = format_value(n.low, n.unit) if n.low is not None else "…"
            high = format_value(n.high, n.unit) if n.high is not None else "…"
            bounds = f"  allows {low} to {high}"
        subject = self.lookup.name_of(n.subject) if n.subject else ""
        parts = [
            field_line("value", f"{value}  {n.unit}{hedge}{bounds}", "bold"),
            field_line("about", " · ".join(x for x in (n.attribute, subject, n.period) if x) or "(unknown)"),
            said_line(n.attribution),
            field_line("cited", f"{self.lookup.cited(n.span)}  {n.provenance}"),
            Content("\n"),
            quote(sentence.text, n.span.start - sentence.start, n.span.end - sentence.start),
        ]
        return Content.assemble(*parts)

    def timeline_of(self, n: Number) -> tuple[str, str]:
        return n.attribute, n.subject

    def open(self, n: Number) -> None:
        self.post_message(OpenReader(n.span.source, n.span.start))
