"""The extraction measured against the hand-made gold of the seed articles.

Runs ../shared/tools/score.py (beside the repository) on the seeds and asserts
the bars of issue 3. Deselect with `-m "not scores"`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
GOLD = SHARED / "gold" / "seeds" / "gold.yaml"
CORPUS = SHARED / "seeds"

MINIMUMS = {
    "numbers_f1": 0.95,
    "qualifier_accuracy": 0.90,
    "entities_b3_f1": 0.90,
    "entity_mention_recall": 0.90,
    "conflicts_numeric_recall": 1.0,
    "conflicts_precision": 0.6,
}
MAXIMUMS = {"entities_unmatched_ratio": 0.15}

pytestmark = pytest.mark.scores


@pytest.fixture(scope="module")
def summary() -> dict[str, float]:
    if not (SCORER.is_file() and GOLD.is_file() and CORPUS.is_dir()):
        pytest.skip(f"the shared scorer and gold are not beside this repository ({SHARED})")
    extract = [sys.executable, "-m", "tui.cli.main", "extract", str(CORPUS), "--format", "json"]
    bars = [f"--min={k}={v}" for k, v in MINIMUMS.items()]
    cmd = [sys.executable, str(SCORER), "--gold", str(GOLD), "--corpus", str(CORPUS), "--quiet", *bars, "--", *extract]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    lines = [line for line in run.stdout.splitlines() if line.startswith("summary: ")]
    assert lines, f"the scorer printed no summary:\n{run.stdout}\n{run.stderr}"
    figures = {}
    for pair in lines[-1].removeprefix("summary: ").split():
        key, _, value = pair.partition("=")
        figures[key] = float(value)
    return figures


@pytest.mark.parametrize("key", sorted(MINIMUMS))
def test_seed_extraction_reaches_the_bar(summary: dict[str, float], key: str) -> None:
    assert summary[key] >= MINIMUMS[key], f"{key}={summary[key]} is below {MINIMUMS[key]}"


@pytest.mark.parametrize("key", sorted(MAXIMUMS))
def test_seed_extraction_stays_under_the_ceiling(summary: dict[str, float], key: str) -> None:
    assert summary[key] <= MAXIMUMS[key], f"{key}={summary[key]} is above {MAXIMUMS[key]}"
