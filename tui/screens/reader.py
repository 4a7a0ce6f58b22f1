"""The article reader: the full text with every fact highlighted.

Built on the line API: the text is wrapped into (start, end) offset pairs, one
per screen line, and a line becomes segments only when it is drawn. A 5 MB
article on one line costs a list of ints, not one giant renderable.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from facts.text import display_safe
from tui.widgets.footer import Footer

Highlight = tuple[int, int, str]
KINDS = ("entity", "number", "claim")  # later kinds win where highlights overlap
LEGEND = {"number": "number", "entity": "entity mention", "claim": "conflict claim"}


def wrap(text: str, width: int) -> tuple[list[int], list[int]]:
    """Screen lines of `text` at `width` cells: (starts, ends) offsets.

    Breaks after a space when one is near the end of the line, else mid-word.
    One step per screen line (str.find / rfind do the scanning), so it is
    linear in the length of the text.
    """
    width = max(8, width)
    starts: list[int] = []
    ends: list[int] = []
    pos, n = 0, len(text)
    while True:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        s = pos
        while stop - s > width or (stop > s and cell_len(text[s:stop]) > width):
            cut = _cut(text, s, width)
            space = text.rfind(" ", s + width // 3, s + cut)
            end = space + 1 if space >= 0 and s + cut < stop and text[s + cut] != " " else s + cut
            if text[end : end + 1] == " " and end < stop:
                end += 1
            starts.append(s)
            ends.append(end)
            s = end
        starts.append(s)
        ends.append(stop)
        if nl < 0:
            return starts, ends
        pos = nl + 1


def _cut(text: str, s: int, width: int) -> int:
    """How many characters from `s` fit in `width` cells."""
    chunk = text[s : s + width]
    if chunk.isascii() or cell_len(chunk) <= width:
        return len(chunk)
    used = 0
    for i, ch in enumerate(chunk):
        used += cell_len(ch)
        if used > width:
            return max(1, i)
    return len(chunk)


class Reader(ScrollView, can_focus=True):
    """Scrollable article text; `n` / `N` step through the highlights."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--number",
        "reader--entity",
        "reader--claim",
        "reader--current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "step(1)", "Next highlight"),
        Binding("N", "step(-1)", "Previous"),
        Binding("down,j", "scroll_lines(1)", "Down", show=False),
        Binding("up,k", "scroll_lines(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "Top", show=False),
        Binding("end,G", "edge(1)", "Bottom", show=False),
    ]
    DEFAULT_CSS = "Reader { overflow-x: hidden; height: 1fr; }"

    class Stepped(Message):
        def __init__(self, reader: Reader, index: int) -> None:
            super().__init__()
            self.reader = reader
            self.index = index

    def __init__(self, text: str, highlights: list[Highlight], *, id: str | None = None) -> None:
        super().__init__(id=id)
        # one code point in, one out: offsets into the article stay valid
        self.text = display_safe(text).replace("\t", " ")
        self.highlights = sorted(highlights)
        self._hl_starts = [h[0] for h in self.highlights]
        self._hl_longest = max((h[1] - h[0] for h in self.highlights), default=0)
        self.current = -1  # index into highlights
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._wrap_width = -1
        self._strips: LRUCache[int, Strip] = LRUCache(256)
        self._pending: int | None = None
        self._style_cache: dict[str | None, Style] = {}

    def _style(self, kind: str | None) -> Style:
        style = self._style_cache.get(kind)
        if style is None:
            style = self.rich_style + self.get_component_rich_style(f"reader--{kind}") if kind else self.rich_style
            self._style_cache[kind] = style
        return style

    def notify_style_update(self) -> None:
        self._style_cache.clear()
        self._strips.clear()
        super().notify_style_update()

    # ------------------------------------------------------------- layout
    def _ensure_wrapped(self) -> None:
        width = self.scrollable_content_region.width
        if width > 0 and width != self._wrap_width:
            self._starts, self._ends = wrap(self.text, width)
            self._wrap_width = width
            self._strips.clear()
            self.virtual_size = Size(0, len(self._starts))

    def on_resize(self) -> None:
        self._ensure_wrapped()
        if self._pending is not None:
            self.jump_to(self._pending)
        elif self.current >= 0:
            self._show_offset(self.highlights[self.current][0])

    def line_of_offset(self, offset: int) -> int:
        self._ensure_wrapped()
        return max(0, bisect_right(self._starts, offset) - 1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._starts))

    # ------------------------------------------------------------- moving
    def jump_to(self, offset: int) -> None:
        """Show `offset` near the top third and make the highlight there current."""
        if self.scrollable_content_region.width <= 0:
            self._pending = offset  # not laid out yet: jump on the first resize
            return
        self._pending = None
        i = bisect_right(self._hl_starts, offset) - 1
        if i >= 0 and self.highlights[i][0] <= offset < max(self.highlights[i][1], offset + 1):
            self._set_current(i)
        self._show_offset(offset)

    def _show_offset(self, offset: int) -> None:
        line = self.line_of_offset(offset)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def _set_current(self, index: int) -> None:
        self.current = index
        self._strips.clear()
        self.refresh()
        self.post_message(self.Stepped(self, index))

    def action_step(self, direction: int) -> None:
        if not self.highlights:
            self.app.bell()
            return
        if self.current < 0:
            top = self._starts[round(self.scroll_y)] if self._starts else 0
            i = bisect_left(self._hl_starts, top)
            index = i if direction > 0 else i - 1
        else:
            index = self.current + direction
        index %= len(self.highlights)
        self._set_current(index)
        self._show_offset(self.highlights[index][0])

    def action_scroll_lines(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_y + delta, animate=False)

    def action_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_y + direction * max(1, self.scrollable_content_region.height - 1), animate=False)

    def action_edge(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False)

    # ------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        self._ensure_wrapped()
        line = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if line >= len(self._starts):
            return Strip.blank(width, self._style(None))
        strip = self._strips.get(line)
        if strip is None:
            strip = self._line_strip(line).adjust_cell_length(width, self._style(None))
            self._strips[line] = strip
        return strip

    def _line_strip(self, line: int) -> Strip:
        s, e = self._starts[line], self._ends[line]
        kinds: list[str | None] = [None] * (e - s)
        lo = bisect_left(self._hl_starts, s - self._hl_longest)
        hi = bisect_left(self._hl_starts, e)
        for i in range(lo, hi):
            hs, he, kind = self.highlights[i]
            if he <= s:
                continue
            name = "current" if i == self.current else kind
            for k in range(max(hs, s) - s, min(he, e) - s):
                if kinds[k] != "current" and (kinds[k] is None or _rank(name) >= _rank(kinds[k])):
                    kinds[k] = name
        return Strip(list(self._segments(s, kinds)))

    def _segments(self, s: int, kinds: list[str | None]) -> Iterator[Segment]:
        run_start = 0
        for k in range(1, len(kinds) + 1):
            if k == len(kinds) or kinds[k] != kinds[run_start]:
                yield Segment(self.text[s + run_start : s + k], self._style(kinds[run_start]))
                run_start = k


def _rank(kind: str | None) -> int:
    return 9 if kind == "current" else KINDS.index(kind) if kind in KINDS else -1


class ReaderScreen(Screen[None]):
    """A full-screen reader for one source, opened from the panes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, title: str, subtitle: str, text: str, highlights: list[Highlight], offset: int | None) -> None:
        super().__init__()
        self._title, self._subtitle = title, subtitle
        self._text, self._highlights, self._offset = text, highlights, offset

    def compose(self) -> ComposeResult:
        yield Static(self._title_content(), id="reader-title")
        yield Static(legend(), id="reader-legend")
        yield Reader(self._text, self._highlights, id="reader")
        yield Static(Content(""), id="reader-status")
        yield Footer()

    def _title_content(self) -> Content:
        title = display_safe(" ".join(self._title.split()))
        return Content.assemble((title, "bold"), ("  " + display_safe(self._subtitle), "$text-muted"))

    def on_mount(self) -> None:
        reader = self.query_one(Reader)
        reader.focus()
        if self._offset is not None:
            reader.jump_to(self._offset)
        count = len(self._highlights)
        self._status(f"{count} highlights · n / N to step through them · Esc to go back")

    def on_reader_stepped(self, event: Reader.Stepped) -> None:
        start, end, kind = event.reader.highlights[event.index]
        words = " ".join(event.reader.text[start:end].split())[:60]
        self._status(f"{event.index + 1} of {len(event.reader.highlights)} · {LEGEND[kind]}: {words}")

    def _status(self, message: str) -> None:
        self.query_one("#reader-status", Static).update(Content(message))


def legend() -> Content:
    """The key to the highlight styles (the same variables as app.tcss)."""
    styles = {"number": "bold $warning", "entity": "underline $accent", "claim": "bold reverse $error"}
    parts: list[str | tuple[str, str]] = []
    for kind, style in styles.items():
        parts += [(f" {LEGEND[kind]} ", style), "  "]
    parts.append(("n / N next / previous highlight", "$text-muted"))
    return Content.assemble(*parts)
