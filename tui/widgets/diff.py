"""The side-by-side view of one conflict: a column per claim.

Each column shows its source, its value, and its sentence with the disputed
words highlighted and the words that differ from the other sentences marked;
the verdict and its explanation sit underneath.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from facts.analyse.attribution import Side
from facts.labels import claim_label
from facts.model import Claim, Conflict
from facts.text import display_safe
from facts.views.diff import compare_all
from facts.views.index import FactIndex

VALUE_STYLE = "bold reverse $error"
CHANGED_STYLE = "underline $warning"
MAX_SENTENCE = 600  # characters of context either side are plenty on a screen


def verdict_content(conflict: Conflict, update: str = "") -> Content:
    style = "bold $error" if conflict.verdict == "contradiction" else "bold $success"
    mark = "✗ cannot both hold" if conflict.verdict == "contradiction" else "✓ can both hold"
    parts: list[str | tuple[str, str]] = [(f" {conflict.verdict} ", f"reverse {style}"), " ", (mark, style)]
    if conflict.explanation:
        parts += ["  ", display_safe(" ".join(conflict.explanation.split()))]
    if update:
        parts += ["\n", (" reads as an update ", "reverse bold $accent"), " ", display_safe(" ".join(update.split()))]
    return Content.assemble(*parts)


def disagreeing_first(claims: list[Claim]) -> list[Claim]:
    """The claims with the first one of a different value moved second, so the
    first page of columns always shows a disagreement ("24" vs "28", not "24" vs "24")."""
    if len(claims) < 3:
        return list(claims)
    first = claim_label(claims[0])
    other = next((i for i, c in enumerate(claims) if claim_label(c) != first), None)
    if other is None or other == 1:
        return list(claims)
    return [claims[0], claims[other], *claims[1:other], *claims[other + 1 :]]


def sides_line(sides: list[Side]) -> Content:
    """`$2.4B: 2 origins (Harborline Robotics, a filing) · over $2B: 1 origin (…)`, best sourced first."""
    parts: list[str | tuple[str, str]] = [("   sourcing ", "$text-muted")]
    for i, side in enumerate(sorted(sides, key=lambda s: -s.score)):
        n = len(side.origins)
        who = f" ({_short(', '.join(side.origins), 60)})" if side.origins else ""
        parts += [
            " · " if i else "",
            (display_safe(side.label), "bold"),
            display_safe(f": {n} origin{'s' * (n != 1)}{who}"),
        ]
    return Content.assemble(*parts)


def claim_column(
    lookup: FactIndex, claim: Claim, changed: list[tuple[int, int]], sentence: str, offset: int
) -> Content:
    """One claim: source, value, and its sentence (offset = where `sentence` starts in the article)."""
    src = lookup.sources.get(claim.span.source)
    title = src.title if src else ""
    para = lookup.paragraph_of(claim.span.source, claim.span.start)
    value = claim_label(claim)
    date = src.date if src else ""
    a = claim.attribution
    who = (f"said by {a.origin} ({a.kind})", "$secondary") if a else ("in the article's own voice", "$text-muted")
    header = Content.assemble(
        (display_safe(lookup.label_of(claim.span.source)), "bold $accent"),
        (f" ¶{para}", "$text-muted"),
        (f"  {display_safe(date)}" if date else "", "$text-muted"),
        ("  curated" if claim.provenance == "curated" else "", "italic $secondary"),
        "\n",
        (display_safe(_short(title, 60)), "$text-muted"),
        "\n",
        (display_safe(" ".join(value.split())), "bold"),
        " · ",
        (display_safe(_short(who[0], 80)), who[1]),
        "\n\n",
    )
    body = Content(display_safe(sentence).replace("\n", " "))
    for start, end in changed:
        body = body.stylize(CHANGED_STYLE, start, end)
    vs, ve = claim.span.start - offset, claim.span.end - offset
    if 0 <= vs < ve <= len(sentence):
        body = body.stylize(VALUE_STYLE, vs, ve)
    return header + body


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _clip(lookup: FactIndex, claim: Claim) -> tuple[str, int]:
    """The claim's sentence, cut around the claim when it is very long."""
    span = lookup.claim_sentence(claim)
    start = max(span.start, claim.span.start - MAX_SENTENCE)
    end = min(span.end, claim.span.end + MAX_SENTENCE)
    text = lookup.text_of(claim.span.source)
    if text[start:end] and span.start <= claim.span.start:
        return text[start:end], start
    return claim.span.text, claim.span.start


class DiffView(VerticalScroll):
    """The verdict, then columns for a window of claims (the pane's `[` / `]` page through more
    than fit). Focusable (Tab), so ↓ pgdn end reach what a small terminal cannot show at once."""

    def __init__(self, lookup: FactIndex | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lookup = lookup
        self.conflict: Conflict | None = None
        self.claims: list[Claim] = []  # the conflict's claims in the order shown
        self.first = 0

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="diff-title")
        yield Static(Content(""), id="diff-verdict")  # before the quotes: the answer shows first
        yield Horizontal(id="diff-columns")

    def show(self, lookup: FactIndex, conflict: Conflict | None) -> None:
        self.lookup = lookup
        if conflict is not self.conflict:
            self.first = 0
            self.claims = disagreeing_first(conflict.claims) if conflict is not None else []
        self.conflict = conflict
        self._draw()

    def per_page(self) -> int:
        return max(2, (self.size.width or 80) // 34)

    def action_shift(self, direction: int) -> None:
        if self.conflict is None:
            return
        last = max(0, len(self.conflict.claims) - self.per_page())
        self.first = max(0, min(last, self.first + direction * self.per_page()))
        self._draw()

    def _draw(self) -> None:
        columns = self.query_one("#diff-columns", Horizontal)
        columns.remove_children()
        conflict, lookup = self.conflict, self.lookup
        if conflict is None or lookup is None:
            self.query_one("#diff-title", Static).update(Content("No conflict highlighted."))
            self.query_one("#diff-verdict", Static).update(Content(""))
            return
        claims = self.claims[self.first : self.first + self.per_page()]
        clips = [_clip(lookup, c) for c in claims]
        changed = compare_all([text for text, _ in clips])
        columns.mount_all(
            Static(claim_column(lookup, c, ch, text, off), classes="diff-column")
            for c, ch, (text, off) in zip(claims, changed, clips, strict=True)
        )
        self.query_one("#diff-title", Static).update(self._title(conflict, len(claims)))
        self.query_one("#diff-verdict", Static).update(verdict_content(conflict, lookup.update_note(conflict)))

    def _title(self, conflict: Conflict, shown: int) -> Content:
        assert self.lookup is not None
        more = len(conflict.claims) - shown
        window = f"  claims {self.first + 1}–{self.first + shown} of {len(conflict.claims)} ([ / ])" if more else ""
        about = f"  about {self.lookup.name_of(conflict.subject)}" if conflict.subject else ""
        return Content.assemble(
            (display_safe(conflict.attribute or "(no attribute)"), "bold"),
            (display_safe(about), "$text-muted"),
            (f"  {conflict.kind}", "$text-muted"),
            ("  curated" if conflict.provenance == "curated" else "  auto", "italic $secondary"),
            (window, "$text-muted"),
            sides_line(self.lookup.sides.get(conflict.id, [])),  # on the title's line when it fits
        )
