#!/usr/bin/env python3
"""Child process: start an app headless and print the wall-clock time of its
first frame (Textual's Ready event) and the CPU time its UI thread (the main
thread, since the process started) spent to get there; then leave at once.

    python benchmarks/paint.py bare        a bare Textual app with one Static
    python benchmarks/paint.py app PATH    scaledeal's app on PATH
    python benchmarks/paint.py loaded PATH the same, until its facts are loaded
"""

from __future__ import annotations

import inspect
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bare_app():  # -> App
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Static("scaledeal")

    return Bare()


def scaledeal_app(path: str):  # -> App
    from tui import app as app_module

    cls = getattr(app_module, "ScaledealApp", None)
    if cls is None:
        print("UNAVAILABLE tui.app.ScaledealApp does not exist yet", flush=True)
        os._exit(0)
    params = inspect.signature(cls).parameters
    for name in ("path", "paths", "corpus", "root"):
        if name in params:
            return cls(**{name: [path] if name == "paths" else path})
    return cls(path)


def main() -> None:
    from textual import events

    mode = sys.argv[1]
    app = bare_app() if mode == "bare" else scaledeal_app(sys.argv[2])
    post = app.post_message
    loaded = getattr(type(app), "Loaded", None)
    failed = getattr(type(app), "Failed", None)

    def spy(message):  # the screen posts Ready right after its first refresh
        if mode != "loaded" and isinstance(message, events.Ready):
            print(f"PAINTED {time.time():.6f} {time.thread_time():.6f}", flush=True)
            os._exit(0)  # a loading worker may still be busy: not our business here
        if failed is not None and isinstance(message, failed):
            print(f"FAILED {getattr(message, 'headline', '')}: {getattr(message, 'detail', '')}"[:300], flush=True)
            os._exit(0)
        if mode == "loaded" and loaded is not None and isinstance(message, loaded):
            print(f"PAINTED {time.time():.6f} {time.thread_time():.6f}", flush=True)
            os._exit(0)
        return post(message)

    app.post_message = spy
    app.run(headless=True, size=(120, 40))
    print("EXITED without a first frame", flush=True)


if __name__ == "__main__":
    main()
