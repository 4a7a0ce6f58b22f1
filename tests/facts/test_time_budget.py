"""An article that outruns its time budget is finished with the cheap stages,
named in a one-line warning, and never cached: the build never hangs on it."""

from __future__ import annotations

from pathlib import Path

import pytest

import facts.build as build_mod
from facts.build import build
from facts.read.corpus import read_corpus

TEXT = "Harbour Lane Capital offered $2.4 billion for Quillon Systems, its chief executive Ines Varga said.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SCALEDEAL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SCALEDEAL_NO_CACHE", raising=False)
    d = tmp_path / "deal"
    d.mkdir()
    (d / "slow.txt").write_text(TEXT, encoding="utf-8")
    return d


def test_an_article_over_budget_keeps_its_figures_and_is_named_in_a_warning(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_mod, "budget", lambda chars: -1.0)  # every stage is over budget
    fb = build(read_corpus([folder]), workers=1)
    assert [n.span.text for n in fb.numbers] == ["$2.4 billion"]  # the cheap stage ran
    assert fb.entities == []  # the names were left out
    warnings = [str(w) for w in fb.warnings]
    assert len(warnings) == 1 and "slow.txt" in warnings[0] and "too long" in warnings[0]


def test_a_result_cut_short_is_not_cached(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as m:
        m.setattr(build_mod, "budget", lambda chars: -1.0)
        build(read_corpus([folder]), workers=1)
    fb = build(read_corpus([folder]), workers=1)  # within budget now: read in full
    assert fb.entities and not fb.warnings
    assert fb.numbers[0].attribution is not None or fb.numbers[0].attribute
