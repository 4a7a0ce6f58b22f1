"""One virtual table for every pane, on Textual's line API.

Rows are computed when they are drawn (only the visible ones), so 100,000
facts cost a list of indices, not 100,000 renderables. Filtering and sorting a
big table run in a thread worker: the screen keeps answering while they do. Cell text always goes
through `display_safe`: an article's `[bold]` or ESC is shown, never run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Generic, Literal, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from facts.text import single_line
from tui.actions import bindings

T = TypeVar("T")
MARK = "●"
THREADED_ROWS = 20_000  # above this many items, filter and sort off the UI thread
CHUNK = 4096  # items filtered between two looks at whether a newer filter replaced this one


@dataclass(frozen=True)
class Column(Generic[T]):
    key: str
    label: str
    cell: Callable[[T], str]  # plain text; the table makes it display-safe
    width: int = 10  # the width, or the minimum width of a flexible column
    flex: int = 0  # share of the spare width
    align: Literal["left", "right"] = "left"
    sort_key: Callable[[T], Any] | None = None  # default: the cell text, case-folded
    style: str = ""  # a component class of FactTable, e.g. "fact-table--value"
    filterable: bool = False
    hide_below: int = 0  # hidden when the table is narrower than this
    keep_end: bool = False  # cut long text at its start (left context in a KWIC line)


def fit(text: str, width: int, align: str = "left", keep_end: bool = False) -> str:
    """`text` on one line, exactly `width` cells, cut with an ellipsis."""
    if width <= 0:
        return ""
    if keep_end:
        line = single_line(text[-(width * 4 + 16) :])
        if cell_len(line) > width:
            line = "…" + set_cell_size(line[::-1], width - 1)[::-1]
    else:
        line = single_line(text[: width * 4 + 16])
        if cell_len(line) > width:
            line = set_cell_size(line, width - 1) + "…"
    pad = width - cell_len(line)
    return " " * pad + line if align == "right" else line + " " * pad


class FactTable(ScrollView, Generic[T], can_focus=True):
    """A sortable, filterable list of facts with a cursor and selection marks."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fact-table--header",
        "fact-table--sorted",
        "fact-table--column",
        "fact-table--cursor",
        "fact-table--cursor-blur",
        "fact-table--mark",
        "fact-table--value",
        "fact-table--dim",
        "fact-table--empty",
    }
    BINDINGS: ClassVar[list[BindingType]] = bindings("table")
    DEFAULT_CSS = """
    FactTable { overflow-x: hidden; overflow-y: auto; height: 1fr; }
    """

    class Highlighted(Message):
        def __init__(self, table: FactTable[Any], item: Any) -> None:
            super().__init__()
            self.table = table
            self.item = item

        @property
        def control(self) -> FactTable[Any]:
            return self.table

    class Chosen(Highlighted):
        """Enter (or a double click) on a row."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        *,
        marked: Callable[[T], bool] | None = None,
        empty_text: str = "Nothing here.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self._positions = {c.key: i for i, c in enumerate(self.columns)}
        self.marked = marked
        self.empty_text = empty_text
        self.items: Sequence[T] = ()
        self.rows: list[int] = []  # indices into items, filtered and sorted
        self.cursor = 0
        self.sort_column: str | None = None
        self.column_key: str | None = None  # the column under the column cursor (← →); s sorts by it
        self.sort_reverse = False
        self.filter_text = ""
        self.pending = False  # True while a worker filters or sorts; rows are the previous ones
        self._generation = 0  # bumped by every rebuild: only the latest result is applied
        self._cells: LRUCache[int, list[str]] = LRUCache(1024)
        self._layout: list[tuple[Column[T], int]] = []
        self._layout_width = -1
        self._style_cache: dict[str, Style] = {}

    def _style(self, name: str) -> Style:
        """A component style (or "" for the widget's own), cached: computing
        them costs more than drawing a row."""
        style = self._style_cache.get(name)
        if style is None:
            style = self.rich_style if not name else self.rich_style + self.get_component_rich_style(name)
            self._style_cache[name] = style
        return style

    def notify_style_update(self) -> None:
        self._style_cache.clear()
        super().notify_style_update()

    # ------------------------------------------------------------- data
    def set_items(self, items: Sequence[T]) -> None:
        self.items = items
        self.rows = list(range(len(items)))  # valid at once; a filter or sort on a big table follows from a worker
        self._cells.clear()
        self._rebuild(keep=None)
        self.cursor = 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self._announce()

    @property
    def current(self) -> T | None:
        if 0 <= self.cursor < len(self.rows):
            return self.items[self.rows[self.cursor]]
        return None

    @property
    def current_index(self) -> int | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def refresh_rows(self) -> None:
        """Redraw after something a cell shows (such as a selection mark) changed."""
        self._cells.clear()
        self.refresh()

    def set_filter(self, text: str) -> None:
        """Keep rows whose filterable cells contain `text`; `key:text` looks in one column."""
        self.filter_text = text.strip()
        self._rebuild(keep=self.current_index)
        self._announce()

    def sort_by(self, key: str | None, reverse: bool = False) -> None:
        self.sort_column, self.sort_reverse = key, reverse
        self._rebuild(keep=self.current_index)
        self._announce()

    def focus_index(self, index: int) -> bool:
        """Move the cursor to items[index], clearing a filter that hides it."""
        if index not in self._row_set() or self.pending:
            if not self.filter_text and not self.pending:
                return False
            self.filter_text = ""
            self._rebuild(keep=None, wait=True)  # the jump needs the rows now
            if index not in self._row_set():
                return False
        self.move_cursor(self.rows.index(index))
        return True

    def _row_set(self) -> set[int] | range:
        return range(len(self.items)) if len(self.rows) == len(self.items) else set(self.rows)

    def _rebuild(self, keep: int | None, wait: bool = False) -> None:
        self._generation += 1
        plain = not self.filter_text and self._column(self.sort_column) is None
        if wait or plain or len(self.items) <= THREADED_ROWS:
            self.pending = False
            rows = self._rows(self.items, self.filter_text, self.sort_column, self.sort_reverse)
            assert rows is not None  # None only when cancelled, and this call has no way to cancel
            self._apply(rows, keep)
            return
        self.pending = True
        args = (self._generation, self.items, self.filter_text, self.sort_column, self.sort_reverse, keep)
        # not @work: it would repr() every argument, and 100,000 facts take seconds to repr
        self.run_worker(
            partial(self._rows_in_thread, *args),
            thread=True,
            exclusive=True,
            group="fact-table-rows",
            description="filter and sort rows",
            exit_on_error=False,
        )

    def _rows_in_thread(
        self, generation: int, items: Sequence[T], text: str, sort: str | None, reverse: bool, keep: int | None
    ) -> None:
        worker = get_current_worker()
        rows = self._rows(items, text, sort, reverse, cancelled=lambda: worker.is_cancelled)
        if rows is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._apply_latest, generation, rows, keep)

    def _apply_latest(self, generation: int, rows: list[int], keep: int | None) -> None:
        if generation == self._generation:  # a newer filter or sort is on its way otherwise
            self.pending = False
            self._apply(rows, keep)
            self._announce()

    def _apply(self, rows: list[int], keep: int | None) -> None:
        self.rows = rows
        self.virtual_size = Size(0, len(rows) + 1)
        self.cursor = rows.index(keep) if keep is not None and keep in self._row_set() else 0
        self.cursor = min(self.cursor, max(0, len(rows) - 1))
        self._scroll_to_cursor()
        self.refresh()

    def _rows(
        self,
        items: Sequence[T],
        text: str,
        sort: str | None,
        reverse: bool,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[int] | None:
        """Indices of the items that pass the filter `text`, sorted by the column `sort`; None if cancelled."""
        rows = self._filtered(items, text, cancelled)
        column = self._column(sort)
        if rows is None or column is None:
            return rows
        key: Callable[[T], Any] = column.sort_key or (lambda item: column.cell(item).casefold())
        rows.sort(key=lambda i: key(items[i]), reverse=reverse)
        return None if cancelled() else rows

    def _filtered(self, items: Sequence[T], text: str, cancelled: Callable[[], bool]) -> list[int] | None:
        if not text:
            return list(range(len(items)))
        wanted = text.casefold()
        columns = [c for c in self.columns if c.filterable]
        key, sep, rest = wanted.partition(":")
        if sep and any(c.key == key for c in self.columns):
            columns, wanted = [c for c in self.columns if c.key == key], rest.strip()
        rows: list[int] = []
        for lo in range(0, len(items), CHUNK):
            if cancelled():
                return None
            chunk = range(lo, min(lo + CHUNK, len(items)))
            rows += [i for i in chunk if any(wanted in c.cell(items[i]).casefold() for c in columns)]
        return rows

    def _column(self, key: str | None) -> Column[T] | None:
        return next((c for c in self.columns if c.key == key), None)

    # ------------------------------------------------------------- cursor
    def move_cursor(self, row: int) -> None:
        row = max(0, min(row, len(self.rows) - 1))
        if row == self.cursor:
            self._scroll_to_cursor()
            return
        old, self.cursor = self.cursor, row
        self._scroll_to_cursor()
        self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self, self.current))

    @property
    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top, height = round(self.scroll_y), self._body_height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * self._body_height)

    def action_edge(self, end: int) -> None:
        self.move_cursor(len(self.rows) - 1 if end else 0)

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self, self.current))

    def action_column(self, step: int) -> None:
        """Move the column cursor (a header cell drawn reversed) to the next visible column."""
        keys = [c.key for c, _ in self._visible_columns() if c.label]
        if not keys:
            return
        at = keys.index(self.column_key) if self.column_key in keys else (-1 if step > 0 else len(keys))
        self.column_key = keys[max(0, min(len(keys) - 1, at + step))]
        self.refresh_line(0)

    def action_sort_next(self) -> None:
        """Sort by the column under the column cursor (again: reverse it), else by the next column."""
        keys = [c.key for c, _ in self._visible_columns()]
        if self.column_key in keys:
            same = self.column_key == self.sort_column
            self.sort_by(self.column_key, not self.sort_reverse if same else False)
            nxt = self.column_key
        else:
            nxt = keys[(keys.index(self.sort_column) + 1) % len(keys)] if self.sort_column in keys else keys[0]
            self.sort_by(nxt)
        column = self._column(nxt)
        assert column is not None  # nxt is the key of a visible column
        self.app.notify(f"Sorted by {column.label or nxt}", timeout=1.5, markup=False)

    def action_sort_reverse(self) -> None:
        self.sort_by(self.sort_column or self.columns[0].key, not self.sort_reverse)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x - (2 if self.marked else 0)
            for column, width in self._visible_columns():
                if x < width + 1:
                    same = column.key == self.sort_column
                    self.sort_by(column.key, not self.sort_reverse if same else False)
                    return
                x -= width + 1
            return
        row = round(self.scroll_y) + event.y - 1
        if 0 <= row < len(self.rows):
            self.move_cursor(row)
            if event.chain >= 2:
                self.action_choose()

    def on_resize(self) -> None:
        self._layout_width = -1
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------- drawing
    def _visible_columns(self) -> list[tuple[Column[T], int]]:
        width = self.scrollable_content_region.width
        if width != self._layout_width:
            self._layout, self._layout_width = self._lay_out(width), width
        return self._layout

    def _lay_out(self, width: int) -> list[tuple[Column[T], int]]:
        columns = [c for c in self.columns if width >= c.hide_below]
        spare = width - (2 if self.marked else 0) - sum(c.width + 1 for c in columns)
        flex = sum(c.flex for c in columns)
        laid = []
        for c in columns:
            extra = max(0, spare) * c.flex // flex if flex else 0
            laid.append((c, c.width + extra))
        return laid

    def _row_cells(self, index: int) -> list[str]:
        cells = self._cells.get(index)
        if cells is None:
            item = self.items[index]
            cells = [c.cell(item) for c in self.columns]
            self._cells[index] = cells
        return cells

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header_strip(width)
        row = round(self.scroll_y) + y - 1
        if not self.rows:
            if y == 1:
                return Strip([Segment(fit(" " + self.empty_text, width), self._style("fact-table--empty"))], width)
            return Strip.blank(width, self._style(""))
        if row >= len(self.rows):
            return Strip.blank(width, self._style(""))
        return self._row_strip(row, width)

    def _header_strip(self, width: int) -> Strip:
        base = self._style("fact-table--header")
        sorted_style = base + self.get_component_rich_style("fact-table--sorted")
        under = self.get_component_rich_style("fact-table--column")
        segments = [Segment("  ", base)] if self.marked else []
        for column, w in self._visible_columns():
            label = column.label
            is_sorted = column.key == self.sort_column
            if is_sorted:
                label += " ▼" if self.sort_reverse else " ▲"
            style = sorted_style if is_sorted else base
            segments.append(
                Segment(fit(label, w, column.align), style + under if column.key == self.column_key else style)
            )
            segments.append(Segment(" ", base))
        return Strip(segments).adjust_cell_length(width, base)

    def _row_strip(self, row: int, width: int) -> Strip:
        index = self.rows[row]
        cells = self._row_cells(index)
        is_cursor = row == self.cursor
        cursor = "fact-table--cursor" if self.has_focus else "fact-table--cursor-blur"
        base = self._style(cursor if is_cursor else "")
        segments: list[Segment] = []
        if self.marked:
            on = self.marked(self.items[index])
            mark_style = base + self._style("fact-table--mark") if is_cursor else self._style("fact-table--mark")
            segments.append(Segment((MARK if on else " ") + " ", mark_style))
        positions = self._positions
        for column, w in self._visible_columns():
            style = self._style(column.style) if column.style and not is_cursor else base
            segments.append(Segment(fit(cells[positions[column.key]], w, column.align, column.keep_end), style))
            segments.append(Segment(" ", base))
        return Strip(segments).adjust_cell_length(width, base)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows) + 1
