#!/usr/bin/env python3
"""Child process: start scaledeal's app headless on PATH and watch its event
loop while the corpus loads. A 5 ms interval timer ticks from the first frame
until a second after the facts are shown; the longest gap between two ticks is
the longest the app could not draw a frame (or take a key). Prints one JSON
line with that gap, the time to the facts and the peak memory of the process
tree (the app and any pool workers it starts).

    python benchmarks/stalls.py PATH
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TICK = 0.005  # seconds between ticks: a gap of 50 ms is ten missed ticks
AFTER = 1.0  # seconds watched after the facts arrive: the panes fill then


def main() -> None:
    from textual import events

    from benchmarks.load import TreeMemory
    from benchmarks.paint import scaledeal_app

    app = scaledeal_app(sys.argv[1])
    memory = TreeMemory()
    memory.start()
    started = time.perf_counter()
    state = {"last": 0.0, "worst": 0.0, "loaded": 0.0}
    post = app.post_message

    def tick() -> None:
        now = time.perf_counter()
        if state["last"]:
            state["worst"] = max(state["worst"], now - state["last"])
        state["last"] = now
        if state["loaded"] and now - state["loaded"] > AFTER:
            finish()

    def finish() -> None:
        memory.running = False
        out = {"worst_gap": state["worst"], "loaded": state["loaded"] - started, "rss_tree": memory.peak}
        print("STALLS " + json.dumps(out), flush=True)
        os._exit(0)

    def spy(message):  # type: ignore[no-untyped-def]
        if isinstance(message, events.Ready) and not state["last"]:
            state["last"] = time.perf_counter()
            app.call_later(app.set_interval, TICK, tick)  # on the event loop: Ready may come from elsewhere
        if isinstance(message, type(app).Failed):
            print(f"FAILED {getattr(message, 'headline', '')}: {getattr(message, 'detail', '')}"[:600], flush=True)
            os._exit(0)
        if isinstance(message, type(app).Loaded):
            state["loaded"] = time.perf_counter()  # posted from the loading thread: tick() finishes
        return post(message)

    app.post_message = spy
    app.run(headless=True, size=(120, 40))
    print("EXITED before the facts were shown", flush=True)


if __name__ == "__main__":
    main()
