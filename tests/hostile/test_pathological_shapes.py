"""Run-ons no editor would pass: every figure is still found and quoted
exactly, and the sentence a figure is read in stays short enough to read
(benchmarks/pathological.py times these shapes; no timing here)."""

from __future__ import annotations

import pytest

from facts.build import build
from facts.extract.document import MAX_SENTENCE
from facts.read.corpus import Corpus, make_source

RUN_ONS = {
    "corp-stops.txt": " ".join(f"Tarrow Corp. paid {i} million dollars to Pellin Corp." for i in range(2, 300)),
    "comma-splice.txt": "In all " + " ".join(f"Quorra Ltd raised ${i} million," for i in range(2, 300)) + " in all.",
    "one-clause.txt": "The bids were " + ", ".join(f"${i}.5 million" for i in range(2, 900)) + ".",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    corpus = Corpus(name="run-ons", sources=[make_source(k, k, v) for k, v in RUN_ONS.items()])
    return build(corpus, workers=1)


def test_every_figure_of_a_run_on_is_found_and_quoted_exactly(built):
    texts = {s.id: s.text for s in built.sources}
    for source, count in (("corp-stops.txt", 298), ("comma-splice.txt", 298), ("one-clause.txt", 898)):
        found = [n for n in built.numbers if n.span.source == source and n.unit != "year"]
        assert len(found) >= count
    assert all(texts[n.span.source][n.span.start : n.span.end] == n.span.text for n in built.numbers)


def test_the_sentence_a_figure_is_read_in_stays_short(built):
    sentences = [n.sentence for n in built.numbers if n.sentence]
    assert sentences and max(s.end - s.start for s in sentences) <= MAX_SENTENCE


def test_a_run_on_of_abbreviation_stops_reads_as_its_sentences(built):
    quoted = {n.sentence.text for n in built.numbers if n.sentence and n.span.source == "corp-stops.txt"}
    assert "Tarrow Corp. paid 7 million dollars to Pellin Corp." in quoted
