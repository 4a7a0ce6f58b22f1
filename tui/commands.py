"""The command palette (ctrl+p): a command for every action of the app."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action on the app)
COMMANDS: list[tuple[str, str, str]] = [
    ("Show sources", "the articles (key 1)", "show_pane('sources')"),
    ("Show entities", "people, companies, products (key 2)", "show_pane('entities')"),
    ("Show numbers", "every figure with its sentence (key 3)", "show_pane('numbers')"),
    ("Show conflicts", "where the sources disagree (key 4)", "show_pane('conflicts')"),
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
        await self.app.run_action(action)
