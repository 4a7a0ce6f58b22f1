"""`scaledeal extract --no-curation`: the automatic result alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main

CLAIMS = """
conflicts:
  - id: hand-made
    attribute: who runs the company
    verdict: contradiction
    claims:
      - {source: a.txt, quote: "stays in charge"}
      - {source: b.txt, quote: "will leave"}
"""


def _extract(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["extract", *args, "--format", "json"]) == 0
    return [c["id"] for c in json.loads(capsys.readouterr().out)["conflicts"]]


def test_no_curation_leaves_the_curated_conflicts_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Ingrid Solberg stays in charge of Corvane Systems.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ingrid Solberg will leave Corvane Systems.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    assert "hand-made" in _extract(capsys, str(tmp_path))
    assert "hand-made" not in _extract(capsys, str(tmp_path), "--no-curation")
