"""The `e` export dialog: a path, Enter writes, never a silent overwrite.

Rendering and writing run in a thread worker (a big selection must not freeze
the screen); every failure is one line in the dialog, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from facts.kinds import FactRef
from facts.model import FactBase
from facts.store.files import write_atomic, write_reason
from facts.text import single_line
from facts.views.export import render
from facts.views.export_formats import format_for
from facts.views.index import FactIndex

HINT = "Enter writes · Esc cancels"


class ExportScreen(ModalScreen[Path | None]):
    """Ask for a path and write the selection (Markdown; .csv or .json by the extension);
    dismisses with the written Path or None."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > #export-box {
        width: 80%; max-width: 100; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ExportScreen #export-what { margin: 1 0 0 0; }
    ExportScreen #export-status { height: auto; margin: 0 0 1 0; color: $text-muted; }
    ExportScreen #export-status.warning { color: $warning; }
    ExportScreen #export-status.error { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("y,enter", "overwrite", "Overwrite", show=False),
        Binding("n", "edit", "Edit the path", show=False),
    ]

    def __init__(
        self,
        fb: FactBase,
        refs: Iterable[FactRef],
        default_path: str = "scaledeal-export.md",
        index: FactIndex | None = None,
    ) -> None:
        super().__init__()
        self.fb, self.index = fb, index  # the app's FactIndex: the quotes the panes show
        self.refs = list(refs)
        self.default_path = default_path
        self.confirming: Path | None = None  # an existing file the user was asked about
        self.writing = False

    def compose(self) -> ComposeResult:
        count = len(self.refs)
        with Vertical(id="export-box") as box:
            box.border_title = "Export: Markdown, or CSV / JSON by the extension"
            what = f"Write {count} selected fact{'s' if count != 1 else ''} with quotes and citations to:"
            if not count:
                what = "Nothing is selected: press space on facts to select them first."
            yield Static(Text(what), id="export-what")
            yield Input(value=self.default_path, placeholder="file.md, file.csv or file.json", id="export-path")
            yield Static(Text(HINT), id="export-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    # ------------------------------------------------------------ status line
    def say(self, message: str, level: str = "") -> None:
        status = self.query_one("#export-status", Static)
        status.set_classes(level)
        status.update(Text(single_line(message)))  # paths and OS messages may hold anything: plain text

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.confirming is not None:  # a new path: ask again if it exists
            self.action_edit()

    # ------------------------------------------------------------ writing
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self, overwrite: bool = False) -> None:
        if self.writing:
            return
        if not self.refs:
            self.say("Nothing to export: select facts with space first.", "error")
            return
        raw = self.query_one(Input).value.strip()
        if not raw:
            self.say("Type a file name.", "error")
            return
        try:  # a name too long, a folder we may not look in: one line, the dialog stays
            path = Path(raw).expanduser()
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as e:
            self.say(f"Cannot write {raw}: {_reason(e)}.", "error")
            return
        except RuntimeError:  # "~" with no home directory
            self.say(f"Cannot write {raw}: no home directory to expand ~ into.", "error")
            return
        if is_dir:
            self.say(f"{path} is a directory: add a file name.", "error")
            return
        overwrite = overwrite or self.confirming == path
        if exists and not overwrite:
            self.ask_overwrite(path)
            return
        self.writing = True
        self.say(f"Writing {path}…")
        self.write_file(path, overwrite)

    def ask_overwrite(self, path: Path) -> None:
        self.writing = False
        self.confirming = path
        self.set_focus(None)  # keys answer the question now; the Input would swallow `y`
        self.say(f"{path} exists: Enter or y overwrites it, n edits the path, Esc cancels.", "warning")

    def action_overwrite(self) -> None:
        self.submit(overwrite=True)

    def action_edit(self) -> None:
        self.confirming = None
        self.say(HINT)
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("overwrite", "edit"):  # only while the question is on screen
            return self.confirming is not None
        return True

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_file(self, path: Path, overwrite: bool) -> None:
        try:
            text = render(self.fb, self.refs, format_for(None, path.name), index=self.index)
            written = write_atomic(path, text, overwrite=overwrite)
        except FileExistsError:  # it appeared since we looked
            self.app.call_from_thread(self.ask_overwrite, path)
        except FileNotFoundError:
            self.app.call_from_thread(self.failed, f"Cannot write {path}: the folder {path.parent} does not exist.")
        except OSError as e:  # a full disk, no permission, a name too long
            self.app.call_from_thread(self.failed, f"Cannot write {path}: {_reason(e)}.")
        except Exception as e:  # never a traceback in front of the user
            self.app.call_from_thread(self.failed, f"Export failed: {type(e).__name__}: {e}")
        else:
            self.app.call_from_thread(self.dismiss, written)

    def failed(self, message: str) -> None:
        self.writing = False
        self.say(message, "error")

    def action_cancel(self) -> None:
        self.dismiss(None)


def _reason(error: OSError) -> str:
    return "permission denied" if isinstance(error, PermissionError) else write_reason(error)
