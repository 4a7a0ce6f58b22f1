"""The lines of a detail area: `label  value`, who said it, a quote with its
words highlighted. Panes and screens both draw them."""

from __future__ import annotations

from textual.content import Content

from facts.model import Attribution
from facts.text import display_safe


def field_line(label: str, value: str, style: str = "") -> Content:
    """`label  value` for a detail area; the value is article text, shown literally."""
    return Content.assemble((f"{label:<11}", "$text-muted"), (display_safe(" ".join(value.split())), style), "\n")


def said_line(a: Attribution | None) -> Content:
    """`said by  The Pier Gazette (outlet) “according to The Pier Gazette”`, or the article's own voice."""
    if a is None:
        return field_line("said by", "the article, in its own voice", "$text-muted")
    words = f"  “{a.span.text}”" if a.span is not None else ""
    return field_line("said by", f"{a.origin} ({a.kind}){words}")


def quote(text: str, start: int, end: int, style: str = "bold reverse $warning") -> Content:
    """A sentence with [start:end] highlighted; control characters made visible."""
    safe = display_safe(text).replace("\n", " ").replace("\t", " ")
    return Content(safe).stylize(style, start, end)
