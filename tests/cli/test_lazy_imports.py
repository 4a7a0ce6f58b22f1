"""Headless commands stay headless: they never import textual (fast start,
and they work where there is no terminal)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import sys
from tui.cli.main import main
code = main({args!r})
heavy = sorted(m for m in ("textual", "rich") if m in sys.modules)
print("IMPORTED:" + ",".join(heavy))
"""


def run_probe(args: list[str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    return out.stdout.strip().splitlines()[-1]


def test_extract_never_imports_textual(tmp_path):
    assert run_probe(["extract", "seeds", "--format", "json", "-o", str(tmp_path / "x.json")]) == "IMPORTED:"


def test_facts_package_never_imports_textual():
    modules = "facts.build, facts.views.search, facts.views.export, facts.store.contract"
    code = f"import sys, {modules}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False"


def test_the_app_module_paints_before_importing_the_domain():
    """The first frame needs textual only: pydantic's fact model, rapidfuzz and
    the panes come after it (benchmarks/run.py measures the first paint)."""
    code = "import sys, tui.app; print(sorted(m for m in ('pydantic', 'rapidfuzz', 'facts.model') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]"


UI_THREAD_PROBE = """
import asyncio, sys, threading

HEAVY = ("pydantic", "facts.model", "facts.build", "tui.panes", "rapidfuzz", "yaml")
on_ui = []

class Spy:
    def find_spec(self, name, path=None, target=None):
        if threading.current_thread() is threading.main_thread() and name.startswith(HEAVY):
            on_ui.append(name)
        return None

sys.meta_path.insert(0, Spy())
from tui.app import ScaledealApp

async def main():
    app = ScaledealApp(["seeds"])
    async with app.run_test() as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if app.factbase is not None:
                break
        print("LOADED" if app.factbase is not None else "NOT LOADED")

asyncio.run(main())
print("ON UI THREAD:" + ",".join(sorted(set(on_ui))))
"""


def test_the_ui_thread_never_imports_the_domain_while_it_loads():
    """Importing the fact model, pydantic and the lexicons took most of a second
    on the UI thread after the first frame: keys typed at the loading screen waited."""
    out = subprocess.run([sys.executable, "-c", UI_THREAD_PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = out.stdout.strip().splitlines()
    assert lines[-2:] == ["LOADED", "ON UI THREAD:"], out.stdout[-500:] + out.stderr[-500:]
