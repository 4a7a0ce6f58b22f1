"""Checks: deal arithmetic. What the reported figures imply ("$2.4B for 60%
implies $4B"), held against the values the sources report; the detail cites
every input and every reported value it confirms or contradicts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content

from facts.kinds import FactKind
from facts.labels import claim_label, format_value, said_by
from facts.model import Check, Claim
from facts.views.index import FactIndex
from tui.messages import OpenReader
from tui.panes.base import FactPane
from tui.widgets.detail import field_line, quote
from tui.widgets.fact_table import Column


def outcome(c: Check) -> str:
    """`✓ 1 ✗ 1`: how many reported values the check confirms and contradicts."""
    parts = [f"✓ {len(c.confirms)}" if c.confirms else "", f"✗ {len(c.contradicts)}" if c.contradicts else ""]
    return " ".join(p for p in parts if p) or "nothing reported"


def gap_text(c: Check) -> str:
    return "" if c.gap is None else f"{c.gap * 100:.1f}%"


def by_sentence(lookup: FactIndex | None, claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by the sentence they stand in (in order), so a sentence is quoted once."""
    groups: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        sentence = lookup.claim_sentence(claim) if lookup is not None else claim.span
        groups.setdefault((sentence.source, sentence.start), []).append(claim)
    return list(groups.values())


def inputs_cell(c: Check) -> str:
    return " · ".join(dict.fromkeys(claim_label(x) for x in c.inputs))  # the same figure from two articles once


class ChecksPane(FactPane):
    kind: ClassVar[FactKind] = "check"
    empty_text = "No checks: no figures here imply another one (a stake and a price, a growth word and a base…)."

    def columns(self) -> list[Column[Check]]:
        return [
            Column("kind", "Check", lambda c: c.kind, width=17, filterable=True),
            Column("attribute", "Attribute", lambda c: c.attribute, width=12, filterable=True, hide_below=90),
            Column("inputs", "From", inputs_cell, width=12, flex=1, filterable=True),
            Column("implied", "Implies", lambda c: format_value(c.implied, c.unit), width=9, align="right",
                   sort_key=lambda c: (c.unit, c.implied), style="fact-table--value"),
            Column("outcome", "Result", outcome, width=9, filterable=True),
            Column("gap", "Gap", gap_text, width=6, align="right",
                   sort_key=lambda c: -1.0 if c.gap is None else c.gap),
            Column("explanation", "Explanation", lambda c: c.explanation, width=16, flex=2, hide_below=100,
                   style="fact-table--dim"),
        ]  # fmt: skip

    def items(self, lookup: FactIndex) -> Sequence[Check]:
        return lookup.fb.checks

    def detail(self, c: Check) -> Content:
        implied = format_value(c.implied, c.unit)
        parts = [
            field_line("check", f"{c.kind} · {c.attribute}" + ("" if c.provenance == "auto" else " · curated"), "bold"),
            field_line(
                "implies", f"{implied} {c.unit}" + (f" · gap {gap_text(c)}" if c.gap is not None else ""), "bold"
            ),
        ]
        if c.explanation:
            parts.append(field_line("", c.explanation))
        for label, claims, style in (
            ("from", c.inputs, "bold reverse $warning"),
            ("✓ confirms", c.confirms, "bold reverse $success"),
            ("✗ against", c.contradicts, "bold reverse $error"),
        ):
            for i, group in enumerate(by_sentence(self.lookup, claims)):
                parts += self._claim_lines(label if i == 0 else "", group, style)
        if not c.confirms and not c.contradicts:
            parts.append(field_line("reported", "no reported value to hold it against", "$text-muted"))
        parts.append(Content.styled("Enter: read the first input in its article", "italic $text-muted"))
        return Content.assemble(*parts)

    def _claim_lines(self, label: str, group: list[Claim], style: str) -> list[Content]:
        """A line per claim (value, citation, who says it), then their sentence once, every figure marked."""
        assert self.lookup is not None
        lines = []
        for i, claim in enumerate(group):
            who = said_by(claim.attribution)
            head = f"{claim_label(claim)} · {self.lookup.cited(claim.span)}" + (f" · said by {who}" if who else "")
            lines.append(field_line(label if i == 0 else "", head))
        sentence = self.lookup.claim_sentence(group[0])
        body = quote(sentence.text, 0, 0)
        for claim in group:
            body = body.stylize(style, claim.span.start - sentence.start, claim.span.end - sentence.start)
        return [*lines, body, Content("\n")]

    def timeline_of(self, c: Check) -> tuple[str, str]:
        assert self.lookup is not None
        reported = [self.lookup.numbers.get(x.number_id) for x in (*c.confirms, *c.contradicts)]
        subject = next((n.subject for n in reported if n is not None and n.subject), "")
        return c.attribute, subject

    def open(self, c: Check) -> None:
        first = next(iter(c.inputs or c.confirms or c.contradicts), None)
        if first is not None:
            self.post_message(OpenReader(first.span.source, first.span.start))
