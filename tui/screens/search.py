"""The `/` search: a modal that finds any fact as you type, grouped by kind.

The search runs in a thread worker (exclusive: a new keystroke cancels the old
one) and only the latest query's results are shown, so typing never waits.
Hit texts come from facts.views.search, already display-safe single lines; they are
shown as rich Text, never parsed as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from facts.kinds import SEARCH_ORDER, FactKind
from facts.views.search import Hit, SearchIndex

GROUPS: tuple[tuple[FactKind, str], ...] = tuple((k.name, k.title) for k in SEARCH_ORDER)
MORE = {f"more-{kind}": kind for kind, _ in GROUPS}  # the option that shows every hit of a kind
PER_KIND = 8  # with several kinds found, each shows this many first so every kind is in view
HINT = "Type to search names, numbers, attributes, sentences and titles. Typos are fine."
KEYS = "↑↓ move · Enter open · Esc back"


class SearchScreen(ModalScreen[Hit | None]):
    """Fuzzy search over every fact kind; dismisses with the chosen Hit or None."""

    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > #search-box {
        width: 90%; max-width: 120; height: 85%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    SearchScreen #search-input { margin: 0 0 0 0; }
    SearchScreen #search-status { color: $text-muted; height: 1; }
    SearchScreen #search-results { height: 1fr; border: none; background: $surface; }
    SearchScreen #search-results > .option-list--option-highlighted {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("down,ctrl+j", "move(1)", "Next", show=False, priority=True),
        Binding("up,ctrl+k", "move(-1)", "Previous", show=False, priority=True),
        Binding("pagedown", "page(1)", "Page down", show=False, priority=True),
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True),
    ]

    def __init__(self, index: SearchIndex, query: str = "", limit: int = 60) -> None:
        super().__init__()
        self.index = index
        self.limit = limit
        self._initial = query
        self.hits: list[Hit] = []
        self.shown_query: str | None = None  # the query whose results are on screen
        self.expanded: set[FactKind] = set()  # kinds the user asked to see in full

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search"
            box.border_subtitle = KEYS
            yield Input(value=self._initial, placeholder="search…", id="search-input")
            yield Static(Text(HINT), id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self._initial:
            self.run_search(self._initial)

    # ------------------------------------------------------------ searching
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        hits = self.index.search(query, limit=self.limit, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_hits, query, hits)

    def show_hits(self, query: str, hits: list[Hit]) -> None:
        if query != self.query_one(Input).value:
            return  # a newer keystroke is on its way: never show stale results
        self.hits, self.shown_query = hits, query
        self.expanded = set()
        results = self.query_one(OptionList)
        results.set_options(_options(hits, self._width(), self.expanded))
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update(Text(HINT))
        elif not hits:
            status.update(Text("No matches: try fewer or other words."))
        else:
            status.update(Text(f"{len(hits)} match{'es' if len(hits) != 1 else ''}: the best match's kind first"))
        if hits:
            results.highlighted = results.get_option_index("hit-0")  # the best match overall

    def _width(self) -> int:
        # a cell of padding either side of each option, and room for a scrollbar that may appear
        return max(20, self.query_one(OptionList).size.width - 4)

    def on_resize(self) -> None:
        if self.shown_query is not None:  # re-cut the lines to the new width
            results = self.query_one(OptionList)
            keep = results.highlighted
            results.set_options(_options(self.hits, self._width(), self.expanded))
            results.highlighted = keep

    # ------------------------------------------------------------ keys
    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        results.action_cursor_down() if step > 0 else results.action_cursor_up()

    def action_page(self, step: int) -> None:
        results = self.query_one(OptionList)
        results.action_page_down() if step > 0 else results.action_page_up()  # type: ignore[no-untyped-call]  # Textual 8's OptionList.action_page_down/up have no annotations

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(self.query_one(OptionList).highlighted_option)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option)

    def _choose(self, option: Option | None) -> None:
        oid = option.id if option is not None else None
        if (kind := MORE.get(oid or "")) is not None:
            self._expand(kind)
        elif oid and oid.startswith("hit-"):
            self.dismiss(self.hits[int(oid.removeprefix("hit-"))])

    def _expand(self, kind: FactKind) -> None:
        """Show every hit of one kind, the cursor on the first one that was hidden."""
        self.expanded.add(kind)
        results = self.query_one(OptionList)
        results.set_options(_options(self.hits, self._width(), self.expanded))
        hidden = [i for i, h in enumerate(self.hits) if h.kind == kind][PER_KIND:]
        if hidden:
            results.highlighted = results.get_option_index(f"hit-{hidden[0]}")

    def action_back(self) -> None:
        self.workers.cancel_group(self, "search")
        self.dismiss(None)


def _options(hits: list[Hit], width: int, expanded: set[FactKind]) -> list[Option]:
    """Hits grouped under a heading per kind; option ids point back into `hits`."""
    groups = [(kind, title, [(i, h) for i, h in enumerate(hits) if h.kind == kind]) for kind, title in GROUPS]
    # the kind holding the best match first: the cursor starts on it, at the top, not below other kinds
    groups = sorted((g for g in groups if g[2]), key=lambda g: g[2][0][0])
    options: list[Option] = []
    for kind, title, mine in groups:
        options.append(Option(Text(f"{title} ({len(mine)})", style="bold underline"), disabled=True))
        shown = mine if len(groups) == 1 or kind in expanded else mine[:PER_KIND]
        options += [Option(_prompt(h, width), id=f"hit-{i}") for i, h in shown]
        if len(shown) < len(mine):
            more = Text(f"    … {len(mine) - len(shown)} more {title.lower()}: Enter shows them", style="italic")
            options.append(Option(more, id=f"more-{kind}"))
    return options


def _prompt(hit: Hit, width: int) -> Text:
    """One line per hit: the label, then as much of its context as fits."""
    text = Text()
    text.append("  ")
    text.append(hit.label, style="bold")
    text.append("  ")
    text.append(hit.context, style="dim")
    text.truncate(width, overflow="ellipsis")
    return text
