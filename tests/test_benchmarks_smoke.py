"""The benchmark harness keeps working: `benchmarks/run.py --smoke` runs to
the end on tiny corpora and prints every figure with its goal. Timings are
printed, never asserted."""

from __future__ import annotations

import json
import subprocess
import sys

from benchmarks.generate import generate
from tests.conftest import ROOT


def test_smoke_run_prints_every_figure_with_its_goal(tmp_path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--work", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    for figure in ("extraction throughput", "scaling", "quantulum3", "first paint", "peak memory", "search keystroke",
                   "numbers pane", "pathological baseline", "corp_periods", "big_article"):  # fmt: skip
        assert figure in out.stdout, f"no {figure!r} line"
    assert "goals met" in out.stdout
    assert not list(tmp_path.glob("cache/**/*.txt")), "the cache must never hold articles"


def test_generated_truth_quotes_the_articles_exactly(tmp_path):
    doc = generate(12, tmp_path, seed=3)
    texts = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.txt")}
    assert len(texts) == 12 and doc["numbers"]
    for source, start, end, quote, _value, unit, qualifier in doc["numbers"]:
        assert texts[source][start:end] == quote
        assert qualifier in {"exact", "approx", "over", "under", "range"}
        assert unit


def test_generator_is_deterministic_for_a_seed(tmp_path):
    generate(5, tmp_path / "a", seed=11)
    generate(5, tmp_path / "b", seed=11)
    for p in (tmp_path / "a").iterdir():
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes()
    assert json.loads((tmp_path / "a" / "truth.json").read_text())["seed"] == 11


def test_a_season_of_ten_thousand_articles_never_runs_out_of_company_names():
    import random

    from benchmarks.generate import company

    used: set[str] = set()
    r = random.Random(1)
    names = [company(r, used)[1] for _ in range(2_000)]
    assert len(set(names)) == len(names)
