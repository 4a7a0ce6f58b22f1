"""The command palette (ctrl+p): a command for every action of the app."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.messages import RunOnPanes

# (title, help, action on the app)
COMMANDS: list[tuple[str, str, str]] = [
    ("Show sources", "the articles (key 1)", "show_pane('sources')"),
    ("Show entities", "people, companies, products (key 2)", "show_pane('entities')"),
    ("Show numbers", "every figure with its sentence (key 3)", "show_pane('numbers')"),
    ("Show conflicts", "where the sources disagree (key 4)", "show_pane('conflicts')"),
    ("Show checks", "deal arithmetic: what the figures imply (key 5)", "show_pane('checks')"),
    ("Rank conflicts by sourcing", "disputes with well-sourced sides first (o)", "rank_conflicts"),
    ("Timeline of the highlighted fact", "its attribute's claims in date order (t)", "timeline"),
    ("Search facts", "fuzzy search over every fact (/)", "search"),
    ("Select or unselect the highlighted fact", "add it to the export (space)", "toggle_select"),
    ("Clear the selection", "unselect every fact", "clear_selection"),
    ("Export the selection", "write Markdown with quotes and citations (e)", "export"),
    ("Copy the highlighted fact", "one line with its citation, to the clipboard (c)", "copy"),
    ("Open the highlighted fact", "reader, or mentions in context (enter)", "open_current"),
    ("Filter the table", "by unit, attribute or any text (f)", "filter"),
    ("Sort by the next column", "cycle the sort column (s)", "sort_next"),
    ("Reverse the sort", "(S)", "sort_reverse"),
    ("Help", "every key (?)", "help"),
    ("Quit", "leave scaledeal (q)", "quit"),
]


# Actions on the panes: from a pushed screen (reader, mentions, timeline) the
# palette first goes back to the panes; a key does nothing there (App.check_action).
MAIN_SCREEN_ACTIONS = frozenset(
    {
        "show_pane",
        "toggle_select",
        "clear_selection",
        "export",
        "copy",
        "timeline",
        "rank_conflicts",
        "open_current",
        "filter",
        "sort_next",
        "sort_reverse",
    }
)


class ScaledealCommands(Provider):
    async def discover(self) -> Hits:
        for title, help_text, action in COMMANDS:
            yield DiscoveryHit(title, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, action), text=title, help=help_text)

    async def _run(self, action: str) -> None:
        if action.split("(")[0] in MAIN_SCREEN_ACTIONS:
            self.app.post_message(RunOnPanes(action))
        else:
            await self.app.run_action(action)
