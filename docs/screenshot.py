#!/usr/bin/env python3
"""Render the README's screenshots (SVG) of scaledeal on the bundled corpus.

.venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui.app import ScaledealApp

HERE = Path(__file__).resolve().parent
SHOTS = {"conflicts.svg": ["4", "j", "j"], "numbers.svg": ["3"]}


async def shoot(name: str, keys: list[str]) -> None:
    app = ScaledealApp()
    async with app.run_test(size=(120, 36)) as pilot:
        while app.lookup is None:  # extraction and indexing run in a worker
            await pilot.pause(0.05)
        await pilot.pause(0.5)
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.2)
        app.save_screenshot(filename=name, path=str(HERE))


def main() -> None:
    for name, keys in SHOTS.items():
        asyncio.run(shoot(name, keys))
        print(HERE / name)


if __name__ == "__main__":
    main()
