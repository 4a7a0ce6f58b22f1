"""The top line: the corpus and how many facts of each kind it holds."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from facts.kinds import KINDS
from facts.text import single_line


class CorpusHeader(Widget):
    """`scaledeal · corpus   4 sources · 31 entities · …`; each count is reactive."""

    DEFAULT_CSS = "CorpusHeader { height: 1; }"

    corpus: reactive[str] = reactive("")
    status: reactive[str] = reactive("reading articles…")
    counts: reactive[dict[str, int]] = reactive(dict)  # kind name -> how many
    selected: reactive[int] = reactive(0)
    skipped: reactive[int] = reactive(0)  # files the corpus reader could not read
    problems: reactive[int] = reactive(0)  # curation problems (claims.yaml:12: …)

    def render(self) -> Content:
        parts: list[str | tuple[str, str]] = [(" scaledeal ", "bold reverse $accent"), " "]
        parts.append((single_line(self.corpus) or "…", "bold"))
        if self.status:
            parts += ["  ", (self.status, "italic $text-muted")]
            return Content.assemble(*parts)
        short = self.size.width < 100  # 80 columns: "4 src · 71 ent · …"
        for i, kind in enumerate(KINDS):
            n, label = self.counts.get(kind.name, 0), kind.plural
            parts += ["  " if i == 0 else " · ", (f"{n:,}", "bold"), f" {label[:3] if short else label}"]
        selected = f"{self.selected:,} {'sel' if short else 'selected'}"
        parts += [" · ", (selected, "bold $success" if self.selected else "$text-muted")]
        if self.skipped:
            parts += [" · ", (f"{self.skipped} skipped", "$warning")]
        if self.problems:
            parts += [
                " · ",
                (f"{self.problems} curation {'prob' if short else 'problem'}{'s' * (self.problems != 1)}", "$warning"),
            ]
        return Content.assemble(*parts)
