"""Extraction across processes gives exactly what one process gives, and
reports its progress from nothing to everything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import facts.build as extract_mod
from facts.build import build
from facts.read.corpus import read_corpus
from tests.conftest import ROOT, SEEDS

SENTENCES = [
    "Harbour Lane Capital offered about $2.4 billion for Quillon Systems on 4 May 2024.",
    "Quillon employs more than 3,100 people, and its chief executive, Dr. Ines Varga, is 52.",
    "A rival bid of €1.9bn was rejected; shares rose 12% to $41.50.",
    "Regulators expect a decision within 9 to 12 months.",
]


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    d = tmp_path / "many"
    d.mkdir()
    for i in range(24):
        text = "\n".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3 + i % 2)) + "\n"
        (d / f"piece_{i:03d}.txt").write_text(text, encoding="utf-8")
    return d


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCALEDEAL_NO_CACHE", "1")


def test_two_processes_find_exactly_what_one_finds(corpus_dir):
    one = build(read_corpus([corpus_dir]), workers=1)
    two = build(read_corpus([corpus_dir]), workers=2)
    assert two.model_dump() == one.model_dump()


def test_with_a_pool_the_per_article_stages_run_in_the_workers(corpus_dir, monkeypatch):
    import facts.analyse.attributes as attributes
    import facts.analyse.attribution as attribution
    import facts.analyse.claims as claims

    one = build(read_corpus([corpus_dir]), workers=1)

    def forbidden(*args, **kwargs):
        raise AssertionError("the main process analysed an article the workers could have")

    for module, name in ((attributes, "annotate"), (attribution, "attribute_numbers"), (claims, "article_keys")):
        monkeypatch.setattr(module, name, forbidden)
    assert build(read_corpus([corpus_dir]), workers=2).model_dump() == one.model_dump()


def test_disputes_in_words_found_by_the_workers_are_those_one_process_finds():
    one = build(read_corpus([SEEDS]), workers=1)
    assert any(c.kind not in ("numeric", "spelling") for c in one.conflicts)  # the seeds hold some
    assert build(read_corpus([SEEDS]), workers=2).model_dump() == one.model_dump()


def test_per_source_alone_gives_numbers_and_names_from_a_pool_too(corpus_dir):
    sources = read_corpus([corpus_dir]).sources
    one, two = (extract_mod.per_source(sources, None, workers=w) for w in (1, 2))
    assert {sid: (len(r["numbers"]), len(r["candidates"])) for sid, r in two.items()} == {
        sid: (len(r["numbers"]), len(r["candidates"])) for sid, r in one.items()
    }
    assert all(r["candidates"] for r in two.values())


def test_parallel_results_keep_the_order_of_the_sources(corpus_dir):
    fb = build(read_corpus([corpus_dir]), workers=2)
    order = [s.id for s in fb.sources]
    assert order == sorted(order)
    seen = [n.span.source for n in fb.numbers]
    assert seen == sorted(seen, key=order.index)


def test_progress_goes_from_some_to_all_and_never_backwards(corpus_dir):
    for workers in (1, 2):
        ticks: list[tuple[int, int]] = []
        build(read_corpus([corpus_dir]), lambda done, total, t=ticks: t.append((done, total)), workers=workers)
        assert ticks, "no progress reported"
        assert {total for _, total in ticks} == {24}
        dones = [d for d, _ in ticks]
        assert dones == sorted(dones) and dones[-1] == 24


def test_a_pool_that_cannot_start_falls_back_to_one_process(corpus_dir, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(extract_mod, "ProcessPoolExecutor", refuse)
    one = build(read_corpus([corpus_dir]), workers=1)
    assert build(read_corpus([corpus_dir]), workers=2).model_dump() == one.model_dump()


def test_small_corpora_stay_in_one_process(corpus_dir, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a pool was started for a handful of articles")

    monkeypatch.setattr(extract_mod, "ProcessPoolExecutor", forbidden)
    assert len(build(read_corpus([corpus_dir])).sources) == 24


def test_parallel_workers_fill_the_cache_for_the_next_open(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("SCALEDEAL_NO_CACHE")
    monkeypatch.setenv("SCALEDEAL_CACHE_DIR", str(tmp_path / "cache"))
    first = build(read_corpus([corpus_dir]), workers=2)
    entries = list((tmp_path / "cache").rglob("sources/*/*.json"))
    assert len(entries) == 24
    for p in (tmp_path / "cache").rglob("corpus/*.json"):
        p.unlink()  # force the per-source level

    def forbidden(text, source):
        raise AssertionError(f"{source} was extracted again")

    monkeypatch.setattr(extract_mod, "find_numbers", forbidden)
    assert build(read_corpus([corpus_dir]), workers=2).model_dump() == first.model_dump()


CAPTURED_STDERR_PROBE = """
import io, sys
import facts.build as fx
from facts.read.corpus import read_corpus

class Captured(io.StringIO):  # what a TUI puts in place of stderr while it runs
    def fileno(self):
        return -1

sys.stderr = Captured()
left = []
real_run_pool = fx._run_pool
fx._run_pool = lambda *a: left.append(real_run_pool(*a)) or left[-1]
fb = fx.build(read_corpus([sys.argv[1]]), workers=2)
print("LEFT", [len(x) for x in left], len(fb.sources))
"""


def test_the_pool_starts_even_when_an_app_has_captured_stderr(corpus_dir):
    # Textual replaces sys.stderr while the app runs; the pool must still start from its loading worker
    out = subprocess.run(
        [sys.executable, "-c", CAPTURED_STDERR_PROBE, str(corpus_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "SCALEDEAL_NO_CACHE": "1"},
    )  # fmt: skip
    assert out.stdout.strip().splitlines()[-1] == "LEFT [0] 24", out.stderr[-1500:]
