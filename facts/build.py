"""The pipeline's stages, in order, in one place:

    read        facts.read.corpus           files -> Sources (bad files -> Notices)
    per source  facts.extract.numbers       the number grammar  } a process pool,
                facts.extract.entities      name candidates     } cached by content
    corpus      facts.analyse.resolve       candidates -> entities
                facts.analyse.attributes    what each figure measures, for whom, when
                facts.analyse.attribution   who says it
                facts.analyse.deal          the parties; what is about the deal
                facts.analyse.conflicts     where the sources disagree
                facts.analyse.disputes      ... in words (deal structure, payment, headquarters, posts)
    curate      facts.curate.load           curated files, validated and applied
    checks      facts.analyse.checks        deal arithmetic (after curation)

Per-source work is a pure function of (text, source id), so it runs in a
process pool for large corpora and is cached by file contents
(facts/store/cache.py); the corpus-wide stages run once, their result cached
by the keys of all sources. Every stage reads the article's one Document
(facts/extract/document.py). Curation is applied on every open, so editing a
curated file never needs a cache to notice it. An article that outruns its
time budget (`budget`) keeps its figures, loses the later stages, is named
in a warning and is never cached.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TextIO, overload

from facts.analyse.checks import find_checks
from facts.analyse.conflicts import find_conflicts
from facts.analyse.deal import find_deal
from facts.curate.load import apply_curation
from facts.extract.document import Document, document_of
from facts.extract.entities import Candidate, find_candidates
from facts.extract.numbers import find_numbers
from facts.model import FactBase, Notice, Number, Source, Span
from facts.read.corpus import Corpus, read_corpus
from facts.store.cache import Cache, SourceResult, corpus_key, decode_result, encode_result
from facts.text import mask_escapes

Progress = Callable[[int, int], None]  # (sources done, sources in all)

# A pool costs a few hundred ms to start: only worth it for this much work.
PARALLEL_MIN_SOURCES = 64
PARALLEL_MIN_CHARS = 400_000
CHUNK_MAX = 64  # sources per task: small enough for a smooth progress bar
PROGRESS_STEPS = 200  # at most this many progress calls per phase
BUDGET_SECONDS = 20.0  # see budget(): far beyond any article measured (benchmarks/pathological.py)
BUDGET_SECONDS_PER_MB = 20.0


def extract_paths(
    paths: Iterable[str | os.PathLike[str]], progress: Progress | None = None, *, curation: bool = True
) -> FactBase:
    return build(read_corpus(paths), progress, curation=curation)


def build(
    corpus: Corpus, progress: Progress | None = None, *, workers: int | None = None, curation: bool = True
) -> FactBase:
    """The fact base of `corpus`. `progress(done, total)` is called as sources
    are processed; `workers` = 1 forces one process, None decides by size;
    `curation` False leaves the curated files out (the automatic facts alone)."""
    with _gc_paused():
        return _build(corpus, progress, workers, curation)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Extraction allocates hundreds of thousands of objects and frees few:
    the cyclic collector's passes grow with the heap, which made 10x the
    articles cost 11.8x the time (10.3x with it paused, and 10% less)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(corpus: Corpus, progress: Progress | None, workers: int | None, curation: bool) -> FactBase:
    store = Cache.open()
    key = corpus_key(corpus.sources)
    # One Document per article for every stage of this build (split lazily, on
    # first use). Pool workers make their own: a Document never crosses processes.
    documents = {s.id: document_of(s.text) for s in corpus.sources}
    fb = store.load_corpus(key, corpus.sources) if store else None
    cut: list[Notice] = []
    if fb is None:
        fb, cut = _build_fresh(corpus, documents, store, progress, workers)
        if store and not cut:  # a result cut short is never kept: the next open tries again
            store.store_corpus(key, fb)
    elif progress:
        progress(len(corpus.sources), len(corpus.sources))
    fb.corpus = corpus.name
    fb.warnings = list(corpus.warnings) + cut
    if curation:
        fb = apply_curation(fb, corpus.root)
    fb.checks = find_checks(fb, documents)  # after curation: a curated attribute can make a check
    return fb


def _build_fresh(
    corpus: Corpus, documents: dict[str, Document], store: Cache | None, progress: Progress | None, workers: int | None
) -> tuple[FactBase, list[Notice]]:
    """The fact base, and a notice for each article cut short by its time budget."""
    from facts.analyse.attributes import annotate
    from facts.analyse.attribution import attribute_numbers
    from facts.analyse.mentions import ArticleMentions, by_source
    from facts.analyse.resolve import resolve

    found = per_source(corpus.sources, store, progress, workers)
    entities = resolve({sid: r["candidates"] for sid, r in found.items()})
    mentions = by_source(entities)  # once per build: each article's mentions, read by both stages
    left_out = {
        s.id: "names, what each figure measures and who says it" for s in corpus.sources if found[s.id].get("cut")
    }
    for s in corpus.sources:
        if s.id in left_out:
            continue  # its figures alone: the cheap stage
        doc, numbers = documents[s.id], found[s.id]["numbers"]
        article = ArticleMentions(mentions.get(s.id, []), len(doc.text))
        started = time.process_time()
        annotate(numbers, doc, entities, article)
        if time.process_time() - started > budget(len(doc.text)):
            left_out[s.id] = "who says each figure"
            continue
        attribute_numbers(numbers, doc, entities, article)  # before conflicts: claims copy it
    fb = FactBase(
        corpus=corpus.name,
        sources=corpus.sources,
        numbers=[n for s in corpus.sources for n in found[s.id]["numbers"]],
        entities=entities,
    )
    fb.deal = find_deal(fb)  # after entities and subjects, before the stages that ask what is about it
    fb.conflicts = find_conflicts(fb)
    cut = [
        Notice(file=sid, message=f"took too long to read in full; {what} left out") for sid, what in left_out.items()
    ]
    return fb, cut


# ---------------------------------------------------------------- per source
def budget(chars: int) -> float:
    """CPU seconds one article may take in one stage before the later stages are
    left out for it: every stage is bounded per figure and per name, so this is
    the last line of defence against a text no benchmark foresaw, never a hang."""
    return BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * chars / 1_000_000


def extract_source(text: str, source_id: str) -> SourceResult:
    masked = mask_escapes(text)  # escape-sequence parameters are not figures or names
    started = time.process_time()
    numbers = find_numbers(masked, source_id)
    cut = time.process_time() - started > budget(len(text))
    candidates = [] if cut else find_candidates(masked, source_id)
    if masked is not text:
        numbers, candidates = _requote(numbers, candidates, text)
    return {"numbers": numbers, "candidates": candidates, "cut": cut}


def _requote(numbers: list[Number], candidates: list[Candidate], text: str) -> tuple[list[Number], list[Candidate]]:
    """Spans found in the masked text quote the original (a span may hold a
    blanked escape: "$3.1<ESC>[0m billion")."""

    @overload
    def quote(span: Span) -> Span: ...
    @overload
    def quote(span: None) -> None: ...
    def quote(span: Span | None) -> Span | None:
        return span and dataclasses.replace(span, text=text[span.start : span.end])

    for n in numbers:
        n.span, n.sentence = quote(n.span), quote(n.sentence)
    return numbers, [dataclasses.replace(c, span=quote(c.span)) for c in candidates]


def per_source(
    sources: Sequence[Source], store: Cache | None, progress: Progress | None = None, workers: int | None = None
) -> dict[str, SourceResult]:
    """Numbers and entity candidates of every source: from the cache where
    the contents are known, else computed (in parallel when it pays)."""
    report = _Reporter(progress, len(sources))
    found: dict[str, SourceResult] = {}
    misses: list[Source] = []
    for s in sources:
        hit = store.load_source(s) if store else None
        if hit is None:
            misses.append(s)
        else:
            found[s.id] = hit
            report.add(1)
    n_workers = _pool_size(misses, workers)
    if n_workers > 1:
        misses = _run_pool(misses, store, found, report, n_workers)
    for s in misses:  # sequential, or whatever a failed pool left
        found[s.id] = extract_source(s.text, s.id)
        if store and not found[s.id]["cut"]:
            store.store_source(s, encode_result(found[s.id]["numbers"], found[s.id]["candidates"]))
        report.add(1)
    report.finish()
    return found


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _pool_size(misses: Sequence[Source], workers: int | None) -> int:
    if workers is not None:
        return min(workers, len(misses))
    big = len(misses) >= PARALLEL_MIN_SOURCES and sum(s.chars for s in misses) >= PARALLEL_MIN_CHARS
    return min(available_cores(), len(misses)) if big else 1


def _run_pool(
    misses: list[Source], store: Cache | None, found: dict[str, SourceResult], report: _Reporter, n_workers: int
) -> list[Source]:
    """Extract `misses` across processes into `found`; return the sources
    still to do (all of them if no pool can start here)."""
    size = max(1, min(CHUNK_MAX, len(misses) // (n_workers * 8)))
    chunks = [misses[i : i + size] for i in range(0, len(misses), size)]
    cache_dir = str(store.root) if store else None
    by_id = {s.id: s for s in misses}
    pool = None
    try:
        ctx = _context()
        _start_helpers(ctx)
        pool = ProcessPoolExecutor(n_workers, mp_context=ctx)
        pending: set[Future[list[tuple[str, bytes]]]] = {
            pool.submit(_extract_chunk, [(s.id, s.text, s.sha256) for s in chunk], cache_dir) for chunk in chunks
        }
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                for sid, data in fut.result():
                    result = decode_result(data, by_id[sid].text)
                    if result is not None:
                        found[sid] = result
                        report.add(1)
    except (OSError, ValueError, BrokenProcessPool):
        pass  # no processes here (sandbox, no /dev/shm, odd fds): finish in this one
    finally:
        if pool is not None:  # on Ctrl-C too: drop the queued chunks
            pool.shutdown(wait=True, cancel_futures=True)
    return [s for s in misses if s.id not in found]


def _context() -> multiprocessing.context.BaseContext:
    # Not fork: the app calls build() from a thread, and forking a threaded
    # process can deadlock. The fork server imports the extractors once.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["facts.build"])
        return ctx
    return multiprocessing.get_context("spawn")


def _start_helpers(ctx: multiprocessing.context.BaseContext) -> None:
    """Start multiprocessing's helper processes with a real stderr. An app that
    captures sys.stderr (Textual does) makes its fileno() -1, and the resource
    tracker then fails to start ("bad value(s) in fds_to_keep")."""
    from multiprocessing import resource_tracker

    saved = sys.stderr
    with contextlib.ExitStack() as stack:
        if not _has_fd(saved):
            real = sys.__stderr__
            sys.stderr = real if _has_fd(real) else stack.enter_context(open(os.devnull, "w"))
        try:
            resource_tracker.ensure_running()
            if ctx.get_start_method() == "forkserver":
                from multiprocessing import forkserver

                forkserver.ensure_running()
        finally:
            sys.stderr = saved


def _has_fd(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def _extract_chunk(items: list[tuple[str, str, str]], cache_dir: str | None) -> list[tuple[str, bytes]]:
    """In a worker: extract each (id, text, sha256), write the cache entry,
    return the encoded result (bytes cross the process boundary cheaply)."""
    from pathlib import Path

    store = Cache(Path(cache_dir)) if cache_dir else None
    out = []
    for sid, text, sha in items:
        r = extract_source(text, sid)
        cut = r.get("cut", False)
        data = encode_result(r["numbers"], r["candidates"], cut)
        if store and not cut:
            store.store_source(Source(id=sid, path="", sha256=sha), data)
        out.append((sid, data))
    return out


class _Reporter:
    """Calls `progress` at most PROGRESS_STEPS times, and always at the end."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done, self.last = progress, total, 0, 0
        self.step = max(1, total // PROGRESS_STEPS)

    def add(self, n: int) -> None:
        self.done += n
        if self.progress and self.done - self.last >= self.step:
            self.last = self.done
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress and self.last != self.done:
            self.last = self.done
            self.progress(self.done, self.total)
