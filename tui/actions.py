"""The one table of actions: each key, what it does, where it works, and how
the footer, the help screen and the command palette name it.

The app's, the panes' and the tables' BINDINGS, the palette's commands and the
help screen's rows are all generated from ACTIONS, so a key is added, renamed
or documented in one place. The reader and the dialogs still bind their own
keys; their help rows live here so the help screen has one source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

from facts.kinds import KINDS

# Where an action works: it picks the help screen's group, and all but
# "everywhere" act on the panes (the palette goes back to them first).
Where = Literal["everywhere", "panes", "tables", "conflicts", "reader", "timeline", "selection", "screens"]
# The class whose BINDINGS hold the key: the app, every FactPane, every FactTable, the conflicts pane,
# the selection screen.
Owner = Literal["app", "pane", "table", "conflicts", "selection"]


@dataclass(frozen=True, slots=True)
class Action:
    keys: str  # Textual key names, comma separated; "" for a palette-only command or a help-only row
    action: str  # run on the owner
    description: str  # the footer's label
    where: Where
    owner: Owner | None = "app"  # None: a help row only (the reader and the dialogs bind their own keys)
    show: bool = False  # in the footer
    help_keys: str = ""  # the help row's keys as people read them; "" shares the row above
    help: str = ""
    palette: str = ""  # the palette's title; "" keeps it out of the palette
    palette_help: str = ""
    palette_action: str = ""  # the app's action, when the key's owner runs its own (default: `action`)

    @property
    def command(self) -> str:
        """The action the palette runs on the app."""
        return self.palette_action or self.action


def _show_panes() -> list[Action]:
    """1-5: a pane per fact kind, named and ordered by the kind registry."""
    keys, titles = " ".join(k.key for k in KINDS), ", ".join(k.title for k in KINDS)
    return [
        Action(
            k.key,
            f"show_pane('{k.collection}')",
            k.title,
            "panes",
            help_keys=keys if i == 0 else "",
            help=titles if i == 0 else "",
            palette=f"Show {k.plural}",
            palette_help=f"{k.about} (key {k.key})",
        )
        for i, k in enumerate(KINDS)
    ]


# In the footer's and the help screen's order.
ACTIONS: tuple[Action, ...] = (
    *_show_panes(),
    Action(
        "slash",
        "search",
        "Search",
        "everywhere",
        show=True,
        help_keys="/",
        help="fuzzy search over every fact (typos are fine)",
        palette="Search facts",
        palette_help="fuzzy search over every fact (/)",
    ),
    Action(
        "space",
        "toggle_select",
        "Select",
        "panes",
        show=True,
        help_keys="space",
        help="select / unselect the highlighted fact",
        palette="Select or unselect the highlighted fact",
        palette_help="add it to the export (space)",
    ),
    Action(
        "e",
        "export",
        "Export",
        "panes",
        show=True,
        help_keys="e",
        help="export the selection (Markdown, CSV or JSON)",
        palette="Export the selection",
        palette_help="Markdown, CSV or JSON with exact quotes and citations (e)",
    ),
    Action(
        "c",
        "copy",
        "Copy",
        "panes",
        show=True,
        help_keys="c",
        help="copy the highlighted fact with its citation",
        palette="Copy the highlighted fact",
        palette_help="one line with its citation, to the clipboard (c)",
    ),
    Action(
        "t",
        "timeline",
        "Timeline",
        "panes",
        show=True,
        help_keys="t",
        help="timeline: the claims of this attribute in date order",
        palette="Timeline of the highlighted fact",
        palette_help="its attribute's claims in date order (t)",
    ),
    Action(
        "v",
        "review_selection",
        "Selection",
        "panes",
        help_keys="v",
        help="the selection: review, remove, reorder before export",
        palette="Review the selection",
        palette_help="remove or reorder selected facts before export (v)",
    ),
    Action("", "clear_selection", "Clear", "panes", palette="Clear the selection", palette_help="unselect every fact"),
    Action(
        "u",
        "undo_clear",
        "Undo clear",
        "panes",
        help_keys="u",
        help="bring back the selection just cleared",
        palette="Undo clearing the selection",
        palette_help="select again what was just cleared (u)",
    ),
    Action(
        "question_mark",
        "help",
        "Help",
        "everywhere",
        show=True,
        help_keys="?",
        help="this help",
        palette="Help",
        palette_help="every key (?)",
    ),
    Action(
        "ctrl+p",
        "command_palette",
        "Commands",
        "everywhere",
        help_keys="ctrl+p",
        help="command palette: every action by name",
    ),
    Action(
        "q",
        "quit",
        "Quit",
        "everywhere",
        show=True,
        help_keys="q",
        help="quit (in the reader, mentions or timeline: back)",
        palette="Quit",
        palette_help="leave scaledeal (q)",
    ),
    Action("", "", "", "panes", None, help_keys="tab", help="into the detail below: ↓ pgdn end scroll it"),
    # the tables
    Action("down,j", "cursor(1)", "Down", "tables", "table", help_keys="j k  ↓ ↑", help="move"),
    Action("up,k", "cursor(-1)", "Up", "tables", "table"),
    Action(
        "pagedown,ctrl+f", "page(1)", "Page down", "tables", "table", help_keys="pgdn pgup", help="a page down / up"
    ),
    Action("pageup,ctrl+b", "page(-1)", "Page up", "tables", "table"),
    Action("home,g", "edge(0)", "First", "tables", "table", help_keys="g G  home end", help="first / last row"),
    Action("end,G", "edge(1)", "Last", "tables", "table"),
    Action(
        "s",
        "sort_next",
        "Sort",
        "tables",
        "table",
        show=True,
        help_keys="s  S",
        help="sort by the column under the column cursor (or the next) / reverse",
        palette="Sort by the column under the column cursor",
        palette_help="← → pick the column; s again reverses (s)",
    ),
    Action("S", "sort_reverse", "Reverse", "tables", "table", palette="Reverse the sort", palette_help="(S)"),
    Action(
        "left,h", "column(-1)", "Column left", "tables", "table", help_keys="← →  h l", help="pick a column to sort by"
    ),
    Action("right,l", "column(1)", "Column right", "tables", "table"),
    Action(
        "f",
        "filter",
        "Filter",
        "tables",
        "pane",
        show=True,
        help_keys="f",
        help="filter (unit:USD looks in one column)",
        palette="Filter the table",
        palette_help="by unit, attribute or any text (f)",
    ),
    Action(
        "enter",
        "choose",
        "Open",
        "tables",
        "table",
        help_keys="enter",
        help="open: reader, mentions in context",
        palette="Open the highlighted fact",
        palette_help="reader, or mentions in context (enter)",
        palette_action="open_current",
    ),
    Action(
        "]",
        "shift(1)",
        "More claims",
        "conflicts",
        "conflicts",
        help_keys="[ ]",
        help="conflicts: earlier / more claims side by side",
    ),
    Action("[", "shift(-1)", "Earlier claims", "conflicts", "conflicts"),
    Action(
        "o",
        "rank",
        "Rank by sourcing",
        "conflicts",
        "conflicts",
        help_keys="o",
        help="conflicts: rank by how well each side is sourced",
        palette="Rank conflicts by sourcing",
        palette_help="disputes with well-sourced sides first (o)",
        palette_action="rank_conflicts",
    ),
    # the selection screen (v)
    Action(
        "d,delete", "remove", "Remove", "selection", "selection", show=True, help_keys="d", help="unselect the fact"
    ),
    Action("K,shift+up", "move(-1)", "Up", "selection", "selection", help_keys="K J", help="move it earlier / later"),
    Action("J,shift+down", "move(1)", "Down", "selection", "selection"),
    Action("x", "clear", "Clear", "selection", "selection", show=True, help_keys="x  u", help="clear all / undo"),
    Action("u", "undo", "Undo", "selection", "selection"),
    Action("e", "export", "Export", "selection", "selection", show=True, help_keys="e", help="export it"),
    Action("escape,q", "back", "Back", "selection", "selection", show=True, help_keys="escape", help="back"),
    # help rows only: these screens bind their own keys
    Action("", "", "", "reader", None, help_keys="n  N", help="next / previous highlight"),
    Action("", "", "", "reader", None, help_keys="j k  space b", help="scroll a line / a page"),
    Action("", "", "", "reader", None, help_keys="escape", help="back"),
    Action("", "", "", "timeline", None, help_keys="enter", help="read the claim in its article"),
    Action("", "", "", "timeline", None, help_keys="escape", help="back"),
    Action("", "", "", "screens", None, help_keys="enter", help="jump to the fact / confirm"),
    Action("", "", "", "screens", None, help_keys="escape", help="back"),
)

HELP_GROUPS: tuple[tuple[str, tuple[Where, ...]], ...] = (
    ("Everywhere", ("everywhere",)),
    ("On the panes", ("panes",)),
    ("Tables", ("tables", "conflicts")),
    ("Reader", ("reader",)),
    ("Timeline", ("timeline",)),
    ("Selection (v)", ("selection",)),
    ("Search and dialogs", ("screens",)),
)


def bindings(owner: Owner) -> list[BindingType]:
    """The BINDINGS of `owner`, in the table's order."""
    return [Binding(a.keys, a.action, a.description, show=a.show) for a in ACTIONS if a.owner == owner and a.keys]


def palette() -> list[Action]:
    """The palette's commands: those that act on the facts first, then the app's own."""
    return sorted((a for a in ACTIONS if a.palette), key=lambda a: a.where == "everywhere")


def help_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """The help screen's groups, each with its (keys, what they do) rows."""
    return [
        (group, [(a.help_keys, a.help) for a in ACTIONS if a.where in wheres and a.help_keys])
        for group, wheres in HELP_GROUPS
    ]


# The palette's commands that act on the panes: from a pushed screen (reader,
# mentions, timeline) the palette first goes back to them; their keys do
# nothing there (App.check_action).
MAIN_SCREEN_ACTIONS = frozenset(a.command.split("(")[0] for a in palette() if a.where != "everywhere")
