"""Imported by the worker pool's fork server (facts/build.py) and nowhere else:
it reads every lexicon and compiles every pattern a worker uses, once, so each
forked worker starts with them instead of loading them itself."""

from __future__ import annotations

import contextlib

# A made-up sentence that reaches every per-article stage: a name, a hedged
# amount, a percentage, a date and an attributed quote.
_SAMPLE = (
    'Example Holdings said on 1 May 2020 it would pay about $1.5 billion, 10% more. "It is fair," Ann Example said.\n'
)


def warm() -> None:
    from facts.analyse.mentions import by_source
    from facts.analyse.resolve import resolve
    from facts.build import DealNames, analyse_article, extract_source
    from facts.extract.document import Document
    from facts.model import Source

    found = extract_source(_SAMPLE, "preload")
    entities = resolve({"preload": found["candidates"]})
    rows = [(m.start, m.end, m.entity, m.kind) for m in by_source(entities).get("preload", [])]
    source = Source(id="preload", path="", text=_SAMPLE)
    parties = frozenset(e.id for e in entities if e.kind == "organisation")
    deal = DealNames(parties, {e.id: e.name for e in entities})
    analyse_article(source, found["numbers"], Document(_SAMPLE), rows, True, deal)


with contextlib.suppress(Exception):  # a warm-up only: a worker loads what it lacks itself
    warm()
