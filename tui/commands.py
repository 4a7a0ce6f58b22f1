"""The command palette (ctrl+p): a command for every action of the app."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.actions import MAIN_SCREEN_ACTIONS, palette
from tui.messages import RunOnPanes

# (title, help, action on the app), from the one table of actions
COMMANDS: list[tuple[str, str, str]] = [(a.palette, a.palette_help, a.command) for a in palette()]


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
