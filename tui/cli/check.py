"""`scaledeal check [PATH]`: validate a corpus and the curated files beside it.

Exit 0 with a one-line summary when all is well; 1 listing each problem as
`file:line: message`; 2 when PATH holds no readable article (raised as
CorpusError, which the CLI turns into one line). Headless: never imports textual.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facts.curate.schema import Curation
    from facts.read.corpus import Corpus

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = "Check that the articles can be read and that sources.yaml / claims.yaml beside them are valid."
    p.add_argument("path", nargs="?", metavar="PATH", help="a folder of articles (default: the bundled corpus)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from facts.build import build
    from facts.curate.load import load_curation, validate_corpus
    from facts.read.corpus import read_corpus
    from facts.text import single_line

    corpus = read_corpus([args.path] if args.path else [])
    root = corpus.root
    unreadable = [single_line(str(w)) for w in corpus.warnings]
    # the automatic facts, without curation, so corrections can be checked against them
    auto = build(dataclasses.replace(corpus, root=None, warnings=[]))
    problems = validate_corpus(root, corpus.sources, auto) if root is not None else []
    for line in unreadable:  # like extract: a skipped article is a warning, not a finding
        print(f"scaledeal check: warning: {line}", file=sys.stderr)
    for p in problems:
        print(p)
    if problems:
        n = len(problems)
        print(f"scaledeal check: {n} problem{'s' * (n != 1)}", file=sys.stderr)
        return EXIT_PROBLEMS
    cur, _ = load_curation(root, corpus.sources) if root is not None else (None, [])
    print(_summary(corpus, cur))
    return EXIT_OK


def _summary(corpus: Corpus, cur: Curation | None) -> str:
    parts = [f"{len(corpus.sources)} article{'s' * (len(corpus.sources) != 1)}"]
    if cur is not None and "sources" in cur.files:
        parts.append(f"sources.yaml: {len(cur.sources)} sources")
    if cur is not None and "claims" in cur.files:
        parts.append(
            f"claims.yaml: {len(cur.claims)} claims, {len(cur.conflicts)} conflicts, {cur.corrections()} corrections"
        )
    elif cur is not None and "sources" not in cur.files:
        parts.append("no curated files")
    return "OK: " + "; ".join(parts)
