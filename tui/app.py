"""The Textual app: header, four panes, keys, and the loading worker.

Extraction runs in a worker thread and posts `Loaded` (or `Failed`) when done,
so the first paint never waits for the corpus. Panes only present the
FactBase; search and export live in their own screens.
"""

from __future__ import annotations

import contextlib
import gc
import re
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from facts.kinds import KINDS, FactRef
from facts.text import single_line
from facts.views.selection import Selection
from tui.actions import MAIN_SCREEN_ACTIONS, bindings
from tui.messages import OpenReader, RunOnPanes
from tui.screens.message import MessageScreen
from tui.widgets.footer import Footer
from tui.widgets.header import CorpusHeader

# Everything else (the panes, the palette's provider, pydantic's fact model,
# the screens) is imported after the first frame: the app paints about as
# soon as a bare Textual app would (benchmarks/run.py measures it, and
# tests/test_lazy_imports.py keeps it so).
if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen
    from textual.widgets import TabbedContent

    from facts.model import FactBase, Notice
    from facts.views.index import FactIndex
    from facts.views.search import Hit, SearchIndex
    from tui.clipboard import Clipboard
    from tui.panes.base import FactPane

PANES = tuple(k.collection for k in KINDS)  # each pane's id


def _fact_pane() -> type[FactPane]:
    from tui.panes.base import FactPane

    return FactPane


def _commands() -> type[Provider]:
    from tui.commands import ScaledealCommands

    return ScaledealCommands


PANE_OF_KIND: dict[str, str] = {k.name: k.collection for k in KINDS}
EXPORT_NAME = "scaledeal-export.md"
HOLD_SECONDS = 0.5  # Enter that opens nothing stops holding typed-ahead keys after this long
HOLD_POLL_SECONDS = 0.02
# Pasted text lands in an Input that draws it as is: a copied article line must
# not carry its escapes (ESC, BEL, C1) or bidi/zero-width characters to the terminal.
_UNPASTEABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def pasteable(text: str) -> str:
    """Pasted text without the characters a terminal would act on (tabs become spaces)."""
    return _UNPASTEABLE.sub("", text.replace("\t", " "))


class ScaledealApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "scaledeal"
    COMMANDS: ClassVar = App.COMMANDS | {_commands}
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")

    class Loaded(Message):
        def __init__(self, fb: FactBase, lookup: FactIndex, index: SearchIndex) -> None:
            super().__init__()
            self.fb, self.lookup, self.index = fb, lookup, index

    class Failed(Message):
        def __init__(self, headline: str, detail: str) -> None:
            super().__init__()
            self.headline, self.detail = headline, detail

    class FolderChanged(Message):
        """Files in the watched folder were added, changed or removed."""

        def __init__(self, paths: list[str]) -> None:
            super().__init__()
            self.paths = paths

    def __init__(self, paths: list[str] | None = None, factbase: FactBase | None = None, *, live: bool = False) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths or []]
        # a live folder: one folder given, its changes followed (`scaledeal DIR`; --no-watch turns it off)
        self.live = live and factbase is None and len(self.paths) == 1 and Path(self.paths[0]).is_dir()
        self._stop_watch = threading.Event()
        self._reloading = False
        self._watching = False
        self._shown_warnings: set[str] = set()
        self.factbase = factbase
        self.lookup: FactIndex | None = None
        self.search_index: SearchIndex | None = None
        self.selection = Selection()
        self._copier: Clipboard | None = None  # how to copy, judged on the first copy
        self._selection_file: Path | None = None  # where this corpus's selection is kept, once loaded
        self._held: list[events.Key] | None = None  # keys typed while Enter opens a screen
        self._held_depth, self._held_since = 1, 0.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = pasteable(event.text)
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held is not None:  # typed ahead while Enter is still opening a screen
                self._held.append(events.Key(event.key, event.character))
                return
            await super().on_event(event)
            if event.key == "enter" and len(self.screen_stack) == 1:
                self._hold_keys()
            return
        await super().on_event(event)

    # ---------------------------------------------------------------- keys typed ahead
    # Enter opens a screen through messages (table -> pane -> app), which queue
    # behind keys already typed: `Enter Esc 4` would run Esc and 4 on the panes
    # and then open the reader. Keys after Enter wait until its screen is open
    # (or it opened none), then run in the order they were typed.
    def _hold_keys(self) -> None:
        self._held, self._held_depth = [], len(self.screen_stack)
        self._held_since = time.monotonic()
        self.set_timer(HOLD_POLL_SECONDS, self._release_keys)

    def _release_keys(self) -> None:
        if self._held is None:
            return
        waited = time.monotonic() - self._held_since
        if len(self.screen_stack) == self._held_depth and waited < HOLD_SECONDS:
            self.set_timer(HOLD_POLL_SECONDS, self._release_keys)
            return
        held, self._held = self._held, None
        self.call_after_refresh(self._replay, held)  # after the focus moves Enter caused

    def _replay(self, held: list[events.Key]) -> None:
        for key in held:
            self.post_message(key)

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield CorpusHeader(id="header")
        with Vertical(id="loading"):
            yield Static("Reading articles…", id="loading-label")
            yield ProgressBar(id="loading-bar", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self._import_panes)  # after the first frame

    @work(thread=True, exclusive=True, group="import")
    def _import_panes(self) -> None:
        """The panes' modules (the fact model, pydantic, the lexicons: most of a
        second) are imported on a thread: imported on the UI thread they froze
        the loading screen and every key typed at it."""
        import facts.build  # noqa: F401  what loading needs, imported here once
        import tui.panes.tabs  # noqa: F401

        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.call_from_thread(self.call_later, self._mount_panes)

    async def _mount_panes(self) -> None:
        from tui.panes.tabs import PaneTabs  # already imported: no stall

        tabs = PaneTabs(self.selection, id="panes")
        tabs.display = False  # shown when the facts are loaded
        await self.mount(tabs, before=self.query_one(Footer))
        if self.factbase is not None:
            self._index()
        else:
            self._extract()

    # ---------------------------------------------------------------- loading
    @work(thread=True, exclusive=True, group="load")
    def _extract(self) -> None:
        from facts.build import collector_paused, extract_paths
        from facts.read.paths import CorpusError

        worker = get_current_worker()
        with collector_paused():  # a collection of a big heap holds the UI thread for a second
            try:
                fb = extract_paths(self.paths, progress=self._progress_from_thread)
            except CorpusError as e:
                self.post_message(self.Failed("No articles to show", str(e)))
                return
            except Exception as e:  # the extractor failing must not take the screen with it
                self.post_message(self.Failed("Could not read this corpus", f"{type(e).__name__}: {e}"))
                return
            if not worker.is_cancelled:
                self._post_loaded(fb)
            # The facts live as long as the app: no collection need scan them, the
            # first one after the pause included (a pass over every object made
            # since, a frozen screen). Objects still go when nothing refers to them.
            gc.freeze()

    # ---------------------------------------------------------------- the live folder
    @work(thread=True, exclusive=True, group="watch")
    def _watch(self) -> None:
        from tui.watch import watch_folder

        def changed(paths: list[str]) -> None:
            self.post_message(self.FolderChanged(paths))

        watch_folder(Path(self.paths[0]), self._stop_watch, changed)

    def on_scaledeal_app_folder_changed(self, message: FolderChanged) -> None:
        """Extract again: unchanged articles come from the caches, so only the
        changed ones are read and extracted anew; the panes keep their place."""
        self._reloading = True
        self.query_one(CorpusHeader).status = f"updating: {len(message.paths)} file(s) changed"
        if isinstance(self.screen, MessageScreen):  # "no articles" until now: the folder has some
            self.pop_screen()
        self._extract()

    def on_unmount(self) -> None:
        self._stop_watch.set()

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.call_from_thread(self._progress, done, total)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#loading-bar", ProgressBar).update(total=total, progress=done)
        self.query_one("#loading-label", Static).update(f"Reading {total:,} articles…")

    @work(thread=True, exclusive=True, group="load")
    def _index(self) -> None:
        # no argument: @work would repr() it, and a big fact base takes seconds to repr on the UI thread
        assert self.factbase is not None
        self._post_loaded(self.factbase)

    def _post_loaded(self, fb: FactBase) -> None:
        """Lookups and the search index are built off the UI thread too."""
        from facts.views.index import FactIndex
        from facts.views.search import SearchIndex

        index = FactIndex.build(fb)
        self.post_message(self.Loaded(fb, index, SearchIndex(fb, index)))

    def on_scaledeal_app_loaded(self, message: Loaded) -> None:
        keep = self._current_ref() if self._reloading else None
        self.factbase, self.lookup, self.search_index = message.fb, message.lookup, message.index
        fb = message.fb
        header = self.query_one(CorpusHeader)
        header.corpus = fb.corpus
        header.counts = {k.name: len(k.facts(fb)) for k in KINDS}
        skipped, problems = split_warnings(fb.warnings)
        header.skipped, header.problems = len(skipped), len(problems)
        header.status = ""
        self._restore_selection(fb, message.lookup)
        for pane in self.query(_fact_pane()):
            pane.load(message.lookup)
        self.query_one("#loading").display = False
        self.query_one("#panes").display = True
        if keep is not None:
            self._keep_cursor(keep)
        else:
            self._focus_table()
        self._warn(skipped, f"{len(skipped)} file{'s' * (len(skipped) != 1)} skipped")
        self._warn(problems, f"{len(problems)} curation problem{'s' * (len(problems) != 1)}")
        self._start_watching()
        self._reloading = False

    def _start_watching(self) -> None:
        if self.live and not self._watching:
            self._watching = True
            self._watch()

    def _keep_cursor(self, ref: FactRef) -> None:
        """After a reload, the cursor goes back to the fact it was on, if it is still there."""
        pane = self.active_pane
        if pane is not None:
            pane.focus_fact(ref[1])

    # ---------------------------------------------------------------- the selection, kept per corpus
    def _restore_selection(self, fb: FactBase, lookup: FactIndex) -> None:
        from facts.views.selection import load_selection, selection_file

        self._selection_file = selection_file(self.paths, fb.corpus)
        saved = load_selection(self._selection_file)
        kept = [r for r in saved if lookup.get(r) is not None]
        self.selection.replace(kept)
        self.query_one(CorpusHeader).selected = len(kept)
        if len(kept) < len(saved):
            gone = len(saved) - len(kept)
            self.notify(
                f"{gone} selected fact{'s' * (gone != 1)} no longer in this corpus: dropped from the selection.",
                title="Selection restored",
                severity="warning",
            )
            self._save_selection()

    def _save_selection(self) -> None:
        if self._selection_file is None or self.factbase is None:
            return
        from facts.views.selection import save_selection

        try:
            save_selection(self._selection_file, self.selection, self.factbase.corpus)
        except OSError as e:
            self.notify(f"The selection could not be kept: {e.strerror or e}", severity="warning", markup=False)

    def selection_changed(self) -> None:
        """After any change: the header's count, the panes' marks, the saved file."""
        self.query_one(CorpusHeader).selected = len(self.selection)
        for pane in self.query(_fact_pane()):
            pane.table.refresh_rows()
        self._save_selection()

    def _warn(self, warnings: list[Notice], title: str) -> None:
        # a live folder reloads often: each warning is shown once, not on every reload
        warnings = [w for w in warnings if str(w) not in self._shown_warnings]
        self._shown_warnings.update(str(w) for w in warnings)
        if not warnings:
            return
        shown = "\n".join(single_line(str(w))[:160] for w in warnings[:5])
        more = f"\n… and {len(warnings) - 5} more" if len(warnings) > 5 else ""
        self.notify(shown + more, title=title, severity="warning", markup=False)

    def on_scaledeal_app_failed(self, message: Failed) -> None:
        if self._reloading and self.factbase is not None:  # the folder emptied: keep showing what was there
            self._reloading = False
            self.query_one(CorpusHeader).status = ""
            self.notify(single_line(message.detail)[:300], title=message.headline, severity="warning", markup=False)
            return
        self._reloading = False
        live = "  Articles saved into the folder open here." if self.live else ""
        hint = f"Run `scaledeal PATH` with a folder of articles (.txt, .md, .html, .pdf).{live}  Press q to quit."
        if not isinstance(self.screen, MessageScreen):
            self.push_screen(MessageScreen(message.headline, message.detail, hint))
        self._start_watching()  # an empty folder may yet get articles

    # ---------------------------------------------------------------- panes
    @property
    def active_pane(self) -> FactPane | None:
        tabs = self._tabs()
        if tabs is None or not tabs.active:
            return None
        return self.query_one(f"#pane-{tabs.active}", _fact_pane())

    def _tabs(self) -> TabbedContent | None:
        from textual.widgets import TabbedContent

        found = self.query("#tabs")  # mounted after the first frame
        return found.first(TabbedContent) if found else None

    def action_show_pane(self, key: str) -> None:
        if (tabs := self._tabs()) is not None:
            tabs.active = key
            self._focus_table()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.call_after_refresh(self._focus_table)

    def _focus_table(self) -> None:
        pane = self.active_pane
        if pane is not None and self.on_main_screen:
            pane.table.focus()

    @property
    def on_main_screen(self) -> bool:
        return self.screen is self.screen_stack[0]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on the panes do nothing while the reader, a list or a dialog is on top of them."""
        if action in MAIN_SCREEN_ACTIONS:
            return self.on_main_screen
        if action == "search":  # a dialog (export, help, search) keeps its keys
            return not isinstance(self.screen, ModalScreen)
        return True

    def focus_fact(self, kind: str, fact_id: str) -> bool:
        """Show `fact_id` in its pane with the cursor on it."""
        key = PANE_OF_KIND.get(kind)
        if key is None:
            return False
        tabs = self._tabs()
        if tabs is None:
            return False
        tabs.active = key
        found = self.query_one(f"#pane-{key}", _fact_pane()).focus_fact(fact_id)
        if not found:
            self.notify("That fact is no longer in this corpus.", severity="warning")
        return found

    async def back_to_main(self) -> None:
        # each pop awaited: on a busy machine what followed otherwise ran while
        # the screen above was still up, and found no panes
        while len(self.screen_stack) > 1:
            await self.pop_screen()

    async def on_run_on_panes(self, message: RunOnPanes) -> None:
        await self.back_to_main()
        await self.run_action(message.action)

    def on_open_reader(self, message: OpenReader) -> None:
        self.open_reader(message.source_id, message.offset)

    def open_reader(self, source_id: str, offset: int | None = None) -> None:
        if self.lookup is None or source_id not in self.lookup.sources:
            return
        src = self.lookup.sources[source_id]
        subtitle = " · ".join(x for x in (src.outlet, src.date, src.id) if x)
        highlights = self.lookup.highlights(source_id)
        from tui.screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(src.title or src.id, subtitle, src.text, highlights, offset))

    def _current_ref(self) -> FactRef | None:
        pane = self.active_pane
        return pane.current_ref if pane is not None and self.lookup is not None else None

    # ---------------------------------------------------------------- actions
    def action_toggle_select(self) -> None:
        ref = self._current_ref()
        if ref is None:
            return
        self.selection.toggle(ref)
        self.query_one(CorpusHeader).selected = len(self.selection)
        for pane in self.query(_fact_pane()):
            if pane.kind == ref[0]:
                pane.table.refresh_rows()
        self._save_selection()

    def action_clear_selection(self) -> None:
        if not len(self.selection):
            self.notify("Nothing is selected.")
            return
        n = self.selection.clear()
        self.selection_changed()
        self.notify(f"Unselected {n} fact{'s' * (n != 1)}. Press u to undo.", title="Selection cleared")

    def action_review_selection(self) -> None:
        if self.factbase is None or self.lookup is None:
            return
        from tui.screens.selection import SelectionScreen

        def show(ref: FactRef | None) -> None:
            if ref is not None:
                self.focus_fact(*ref)

        screen = SelectionScreen(self.factbase, self.lookup, self.selection, self.selection_changed, self.action_export)
        self.push_screen(screen, show)

    def action_undo_clear(self) -> None:
        n = self.selection.undo_clear()
        if not n:
            self.notify("No cleared selection to bring back.")
            return
        self.selection_changed()
        self.notify(f"{n} fact{'s' * (n != 1)} selected again.", title="Selection restored")

    def action_copy(self) -> None:
        ref = self._current_ref()
        if ref is None or self.factbase is None:
            self.notify("Nothing highlighted to copy.", severity="warning")
            return
        from facts.views.export import fact_line

        line = fact_line(self.factbase, ref, self.lookup)
        if self._copier is None:
            from tui.clipboard import Clipboard

            self._copier = Clipboard()
        copied = self._copier.copy(line, self.copy_to_clipboard)
        title = "Saved" if copied.how == "file" else "Copied"
        self.notify(f"{single_line(line)[:200]}\n{copied.message()}", title=title, markup=False)

    def action_rank_conflicts(self) -> None:
        self.action_show_pane("conflicts")
        from tui.panes.conflicts import ConflictsPane

        self.query_one("#pane-conflicts", ConflictsPane).action_rank()

    def action_timeline(self) -> None:
        pane = self.active_pane
        item = pane.table.current if pane is not None else None
        what = pane.timeline_of(item) if pane is not None and item is not None else None
        if what is None or self.factbase is None or self.lookup is None:
            self.notify("Highlight a number, a conflict or a check, then press t.", severity="warning")
            return
        from tui.screens.timeline import TimelineScreen

        attribute, subject = what
        if not attribute:
            self.notify("This figure has no attribute to follow over time.", severity="warning")
            return
        from facts.model import Conflict

        claims = item.claims if isinstance(item, Conflict) else []
        self.push_screen(TimelineScreen(self.lookup, attribute, subject, claims))

    def action_search(self) -> None:
        if self.search_index is None:
            self.notify("Still reading the articles…")
            return
        from tui.screens.search import SearchScreen

        async def jump(hit: Hit | None) -> None:
            if hit is not None:
                await self.back_to_main()
                self.focus_fact(hit.kind, hit.fact_id)

        self.push_screen(SearchScreen(self.search_index), jump)

    def action_export(self) -> None:
        if self.factbase is None:
            return
        if not len(self.selection):
            self.notify("Nothing selected: press space on a fact to select it, then e.", severity="warning")
            return
        from tui.screens.export import ExportScreen

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"{len(self.selection)} facts written to {path}", title="Exported", markup=False)

        self.push_screen(ExportScreen(self.factbase, list(self.selection), EXPORT_NAME, self.lookup), done)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands but its Quit: the palette's own Quit (tui/actions.py) names the key (issue 16)."""
        return (c for c in super().get_system_commands(screen) if c.title != "Quit")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_open_current(self) -> None:
        pane = self.active_pane
        if pane is not None and pane.table.current is not None:
            pane.open(pane.table.current)

    def action_filter(self) -> None:
        if (pane := self.active_pane) is not None:
            pane.action_filter()

    def action_sort_next(self) -> None:
        if (pane := self.active_pane) is not None:
            pane.table.action_sort_next()

    def action_sort_reverse(self) -> None:
        if (pane := self.active_pane) is not None:
            pane.table.action_sort_reverse()


def split_warnings(warnings: list[Notice]) -> tuple[list[Notice], list[Notice]]:
    """(skipped files and folders, curation problems and the rest), by kind."""
    return [n for n in warnings if n.skipped], [n for n in warnings if not n.skipped]


def run_app(path: str | None, *, watch: bool = False) -> int:
    ScaledealApp([path] if path else None, live=watch).run()
    return 0
