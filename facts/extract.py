"""The pipeline: Sources -> per-source spans -> resolved entities -> facts.

Per-source work (numbers, entity candidates) is independent, so it can run in
parallel and be cached by file contents; resolution and conflicts need the
whole corpus and run once at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .conflicts import find_conflicts
from .corpus import Corpus, read_corpus
from .curation import apply_curation
from .model import FactBase


def extract_paths(paths: Iterable[str | os.PathLike[str]]) -> FactBase:
    return build(read_corpus(paths))


def build(corpus: Corpus) -> FactBase:
    from .attributes import annotate
    from .entities import find_candidates
    from .numbers import find_numbers
    from .resolve import resolve

    numbers = {s.id: find_numbers(s.text, s.id) for s in corpus.sources}
    candidates = {s.id: find_candidates(s.text, s.id) for s in corpus.sources}
    entities = resolve(candidates)
    for s in corpus.sources:
        annotate(numbers[s.id], s.text, entities)
    fb = FactBase(
        corpus=corpus.name,
        sources=corpus.sources,
        numbers=[n for s in corpus.sources for n in numbers[s.id]],
        entities=entities,
        warnings=corpus.warnings,
    )
    fb.conflicts = find_conflicts(fb)
    return apply_curation(fb, corpus.root)
