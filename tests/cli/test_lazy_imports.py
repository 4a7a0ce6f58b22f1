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
