"""The Textual app (to be written)."""

from __future__ import annotations


def run_app(path: str | None) -> int:
    from textual.app import App

    App().run()
    return 0
