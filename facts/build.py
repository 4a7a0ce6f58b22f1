"""The pipeline's stages, in order, in one place:

    read        facts.read.corpus           files -> Sources (bad files -> Notices)
    per source  facts.extract.numbers       the number grammar  } pool phase 1,
                facts.extract.entities      name candidates     } cached by content
    corpus      facts.analyse.resolve       candidates -> entities
    per article facts.analyse.attributes    what each figure measures, for whom, when  } pool phase 2
                facts.analyse.attribution   who says it                                 } (analyse_article),
                facts.analyse.claims        what each figure claims (its claim key)     } given its mentions
                facts.analyse.disputes      what it says in words (structure, payment,  } (and the parties,
                                            headquarters, posts)                        } when names decide them)
    corpus      facts.analyse.deal          the parties; what is about the deal
                facts.analyse.conflicts     where the sources disagree (claims grouped by key)
                facts.analyse.disputes      ... in words (stances judged; found here if the figures chose the parties)
    curate      facts.curate.load           curated files, validated and applied
    checks      facts.analyse.checks        deal arithmetic (after curation)

Per-source work is a pure function of (text, source id), so it runs in a
process pool for large corpora and is cached by file contents
(facts/store/cache.py). Per-article work after resolve needs only the
article's own entity mentions, so the same workers do it (_Workers: started
once per build, lexicons preloaded by facts/preload.py in the fork server);
the main process resolves names, merges, and runs the corpus-wide stages,
whose result is cached by the keys of all sources. Every stage reads the
article's one Document (facts/extract/document.py). Curation is applied on
every open, so editing a curated file never needs a cache to notice it. An
article that outruns its time budget (`budget`) keeps its figures, loses
the later stages, is named in a warning and is never cached.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TextIO, overload

from facts.analyse.checks import find_checks
from facts.analyse.claims import ClaimKey
from facts.analyse.conflicts import find_conflicts
from facts.analyse.deal import find_deal
from facts.analyse.disputes import Stance
from facts.curate.load import apply_curation
from facts.extract.document import Document, document_of
from facts.extract.entities import Candidate, find_candidates
from facts.extract.numbers import find_numbers
from facts.model import Entity, FactBase, Notice, Number, Source, Span
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
    with collector_paused():
        return _build(corpus, progress, workers, curation)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Extraction allocates hundreds of thousands of objects and frees few:
    the cyclic collector's passes grow with the heap, which made 10x the
    articles cost 11.8x the time (10.3x with it paused, and 10% less).
    Nested uses leave it to the outermost."""
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
    from facts.analyse.resolve import resolve

    with _Workers(workers) as pool:  # one set of worker processes for both phases
        found = per_source(corpus.sources, store, progress, workers, pool)
        entities = resolve({sid: r["candidates"] for sid, r in found.items()})
        parties = _parties_by_names(corpus, entities)
        keys, left_out, stances = analyse_sources(corpus.sources, found, documents, entities, pool, parties)
    fb = FactBase(
        corpus=corpus.name,
        sources=corpus.sources,
        numbers=[n for s in corpus.sources for n in found[s.id]["numbers"]],
        entities=entities,
    )
    fb.deal = find_deal(fb)  # after entities and subjects, before the stages that ask what is about it
    same_deal = parties is not None and parties == frozenset(p.entity for p in fb.deal.parties)
    fb.conflicts = find_conflicts(fb, documents, keys, stances if same_deal else None)
    cut = [
        Notice(file=sid, message=f"took too long to read in full; {what} left out") for sid, what in left_out.items()
    ]
    return fb, cut


# ---------------------------------------------------------------- per article, once names are known
MentionRow = tuple[int, int, str, str]  # (start, end, entity id, kind): one mention, compact across processes
KeyRow = tuple[Any, ...]  # a ClaimKey's fields, in order: compact across processes
_KEY_FIELDS = tuple(f.name for f in dataclasses.fields(ClaimKey))


@dataclasses.dataclass(slots=True)
class Analysed:
    """What the per-article stages after resolve found in one article."""

    keys: dict[str, ClaimKey]  # each figure's claim key, by number id
    left: str  # what the time budget left out ("" nothing)
    stances: list[Stance] | None  # what it says on disputed attributes (None: the deal was not known yet)


@dataclasses.dataclass(frozen=True, slots=True)
class DealNames:
    """The deal's parties and the names of entities, when the names alone decide the parties."""

    parties: frozenset[str]
    names: Mapping[str, str]  # entity id -> name: of the article's mentions at least


def analyse_article(
    source: Source,
    numbers: list[Number],
    doc: Document,
    mentions: Sequence[MentionRow],
    full: bool,
    deal: DealNames | None = None,
) -> Analysed:
    """The per-article stages after resolve, in order: what each figure
    measures, who says it, what it claims, and (when `deal` is known) what
    the article says on disputed attributes. `full` False: the article's
    names were cut short, so its figures keep only their claims."""
    from facts.analyse.attributes import annotate
    from facts.analyse.attribution import attribute_numbers
    from facts.analyse.claims import article_keys
    from facts.analyse.disputes import article_stances
    from facts.analyse.mentions import ArticleMentions, Mention

    left = "names, what each figure measures and who says it" if not full else ""
    if full:
        # the two stages share one list: a mention annotate marks as listed stays marked
        article = ArticleMentions([Mention(*m) for m in mentions], len(doc.text))
        started = time.process_time()
        annotate(numbers, doc, [], article)
        if time.process_time() - started > budget(len(doc.text)):
            left = "who says each figure"
        else:
            attribute_numbers(numbers, doc, [], article)  # before the claims: they copy it
    keys = article_keys(numbers, doc.text, doc, [Mention(*m) for m in mentions])
    stances = None
    if deal is not None:
        stances = article_stances(source, [Mention(*m) for m in mentions], deal.parties, deal.names, doc)
    return Analysed(keys, left, stances)


def _parties_by_names(corpus: Corpus, entities: list[Entity]) -> frozenset[str] | None:
    """The deal's parties when the names alone decide them (as in most
    corpora: see find_deal), else None (they wait for the figures)."""
    deal = find_deal(FactBase(corpus=corpus.name, sources=corpus.sources, entities=entities))
    return frozenset(p.entity for p in deal.parties) if deal.basis == "mentions" else None


def analyse_sources(
    sources: Sequence[Source],
    found: dict[str, SourceResult],
    documents: dict[str, Document],
    entities: list[Entity],
    pool: _Workers,
    parties: frozenset[str] | None = None,
) -> tuple[dict[str, ClaimKey], dict[str, str], list[Stance] | None]:
    """analyse_article for every source, in the build's workers when it pays,
    each article's numbers updated in `found`; returns every claim key by
    number id, what each article cut short left out, and every article's
    stances in source order (None without `parties`)."""
    from facts.analyse.mentions import by_source

    rows = {sid: [(m.start, m.end, m.entity, m.kind) for m in ms] for sid, ms in by_source(entities).items()}
    deal = DealNames(parties, {e.id: e.name for e in entities}) if parties is not None else None
    done: dict[str, Analysed] = {}
    todo = list(sources)
    if pool.size(todo) > 1:
        todo = _analyse_pool(todo, found, rows, deal, done, pool)
    for s in todo:  # one process, or what a failed pool left
        r = _decode_numbers(s, found, pool)
        done[s.id] = analyse_article(s, r["numbers"], documents[s.id], rows.get(s.id, []), not r.get("cut"), deal)
    keys: dict[str, ClaimKey] = {}
    for a in done.values():
        keys.update(a.keys)
    # in source order, the articles whose names were cut short first
    order = [s.id for s in sources if found[s.id].get("cut")] + [s.id for s in sources if not found[s.id].get("cut")]
    left = {sid: done[sid].left for sid in order if done[sid].left}
    stances = [st for s in sources for st in done[s.id].stances or []] if deal is not None else None
    return keys, left, stances


def _decode_numbers(s: Source, found: dict[str, SourceResult], pool: _Workers) -> SourceResult:
    """`s`'s result with its numbers decoded, if a worker's are still bytes."""
    data = pool.encoded.pop(s.id, None)
    if data is not None:
        decoded = decode_result(data, s.text) or extract_source(s.text, s.id)
        found[s.id]["numbers"] = decoded["numbers"]  # the candidates came apart
    return found[s.id]


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
    sources: Sequence[Source],
    store: Cache | None,
    progress: Progress | None = None,
    workers: int | None = None,
    pool: _Workers | None = None,
) -> dict[str, SourceResult]:
    """Numbers and entity candidates of every source: from the cache where
    the contents are known, else computed (in parallel when it pays). With
    the build's `pool`, what its workers extract keeps its numbers encoded
    (`pool.encoded`) for the next phase: the main process decodes them once."""
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
    own = pool is None  # no later phase to decode what the workers found
    with contextlib.ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(_Workers(workers))
        if pool.size(misses) > 1:
            misses = _run_pool(misses, store, found, report, pool)
        for s in misses:  # sequential, or whatever a failed pool left
            found[s.id] = extract_source(s.text, s.id)
            if store and not found[s.id]["cut"]:
                store.store_source(s, encode_result(found[s.id]["numbers"], found[s.id]["candidates"]))
            report.add(1)
        if own:
            for s in sources:
                _decode_numbers(s, found, pool)
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


class _Workers:
    """The build's worker processes: started when a phase first needs them and
    kept for the next (a start, and each worker's lexicons, cost a few hundred
    ms). `encoded`: numbers the workers found, as bytes, until decoded."""

    def __init__(self, workers: int | None) -> None:
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None
        self.failed = False
        self.encoded: dict[str, bytes] = {}

    def size(self, sources: Sequence[Source]) -> int:
        """How many processes the work on `sources` is worth (1: this one)."""
        return 1 if self.failed else _pool_size(sources, self.workers)

    def start(self, n_workers: int) -> ProcessPoolExecutor:
        if self.executor is None:
            try:
                ctx = _context()
                _start_helpers(ctx)
                self.executor = ProcessPoolExecutor(n_workers, mp_context=ctx)
            except (OSError, ValueError):
                self.failed = True
                raise
        return self.executor

    def chunks(self, sources: list[Source], n_workers: int) -> list[list[Source]]:
        size = max(1, min(CHUNK_MAX, len(sources) // (n_workers * 8)))
        return [sources[i : i + size] for i in range(0, len(sources), size)]

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:  # on Ctrl-C too: drop the queued chunks
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _run_pool(
    misses: list[Source], store: Cache | None, found: dict[str, SourceResult], report: _Reporter, pool: _Workers
) -> list[Source]:
    """Extract `misses` across processes into `found` (their numbers encoded,
    in `pool.encoded`); return the sources still to do (all of them if no
    pool can start here)."""
    n_workers = pool.size(misses)
    cache_dir = str(store.root) if store else None
    by_id = {s.id: s for s in misses}
    try:
        executor = pool.start(n_workers)
        pending: set[Future[list[tuple[str, bytes, bytes]]]] = {
            executor.submit(_extract_chunk, [(s.id, s.text, s.sha256) for s in chunk], cache_dir)
            for chunk in pool.chunks(misses, n_workers)
        }
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                for sid, data, names in fut.result():
                    result = decode_result(names, by_id[sid].text)
                    if result is not None:
                        found[sid] = result
                        pool.encoded[sid] = data
                        report.add(1)
    except (OSError, ValueError, BrokenProcessPool):
        pool.failed = True  # no processes here (sandbox, no /dev/shm, odd fds): finish in this one
    return [s for s in misses if s.id not in found]


def _analyse_pool(
    sources: list[Source],
    found: dict[str, SourceResult],
    rows: dict[str, list[MentionRow]],
    deal: DealNames | None,
    done: dict[str, Analysed],
    pool: _Workers,
) -> list[Source]:
    """analyse_article across the build's workers: each chunk carries its
    articles' texts, numbers (encoded) and mentions, and the names of those
    mentions alone (never the corpus's entities). Returns the sources still to do."""
    n_workers = pool.size(sources)
    by_id = {s.id: s for s in sources}
    try:
        executor = pool.start(n_workers)
        pending: set[Future[list[_Done]]] = set()
        for chunk in pool.chunks(sources, n_workers):
            items = [
                (s.id, s.text, _payload(s.id, found, pool), rows.get(s.id, []), not found[s.id].get("cut"))
                for s in chunk
            ]
            pending.add(executor.submit(_analyse_chunk, items, _chunk_deal(deal, items)))
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                for sid, data, key_rows, left, stance_rows in fut.result():
                    s = by_id[sid]
                    result = decode_result(data, s.text)
                    if result is None:
                        continue
                    numbers = found[sid]["numbers"] = result["numbers"]
                    pool.encoded.pop(sid, None)
                    keys = {n.id: ClaimKey(*k) for n, k in zip(numbers, key_rows, strict=True)}
                    stances = None if stance_rows is None else [_stance(s, row) for row in stance_rows]
                    done[sid] = Analysed(keys, left, stances)
    except (OSError, ValueError, BrokenProcessPool):
        pool.failed = True
    return [s for s in sources if s.id not in done]


def _chunk_deal(
    deal: DealNames | None, items: list[tuple[str, str, bytes, list[MentionRow], bool]]
) -> DealNames | None:
    if deal is None:
        return None
    mentioned = {m[2] for item in items for m in item[3]}
    return DealNames(deal.parties, {eid: deal.names[eid] for eid in mentioned if eid in deal.names})


StanceRow = tuple[str, str, str, str, int, int, int, int]  # attribute, subject, value, label, span, sentence (-1: none)
_Done = tuple[str, bytes, list["KeyRow"], str, list[StanceRow] | None]


def _stance_row(st: Stance) -> StanceRow:
    sentence = (st.sentence.start, st.sentence.end) if st.sentence else (-1, -1)
    return (st.attribute, st.subject, st.value, st.label, st.span.start, st.span.end, *sentence)


def _stance(s: Source, row: StanceRow) -> Stance:
    attribute, subject, value, label, start, end, s_start, s_end = row

    def span(a: int, b: int) -> Span:
        return Span(source=s.id, start=a, end=b, text=s.text[a:b])

    return Stance(attribute, subject, value, label, span(start, end), span(s_start, s_end) if s_start >= 0 else None)


def _payload(sid: str, found: dict[str, SourceResult], pool: _Workers) -> bytes:
    """An article's numbers as a worker reads them: the bytes a worker
    returned, else (a cache hit, or extracted here) encoded now."""
    if sid in pool.encoded:
        return pool.encoded[sid]
    r = found[sid]
    return encode_result(r["numbers"], [], bool(r.get("cut")))


def _context() -> multiprocessing.context.BaseContext:
    # Not fork: the app calls build() from a thread, and forking a threaded
    # process can deadlock. The fork server imports the extractors once.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["facts.build", "facts.preload"])
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


def _extract_chunk(items: list[tuple[str, str, str]], cache_dir: str | None) -> list[tuple[str, bytes, bytes]]:
    """In a worker: extract each (id, text, sha256), write the cache entry,
    return its numbers and its candidates encoded apart (bytes cross the
    process boundary cheaply): the main process decodes the candidates to
    resolve names, and hands the numbers to a worker for the next phase."""
    from pathlib import Path

    store = Cache(Path(cache_dir)) if cache_dir else None
    out = []
    with collector_paused():  # as in the main process: a chunk's objects mostly live until it ends
        for sid, text, sha in items:
            out.append(_extract_one(sid, text, sha, store))
    return out


def _extract_one(sid: str, text: str, sha: str, store: Cache | None) -> tuple[str, bytes, bytes]:
    r = extract_source(text, sid)
    cut = r.get("cut", False)
    if store and not cut:
        store.store_source(Source(id=sid, path="", sha256=sha), encode_result(r["numbers"], r["candidates"]))
    return sid, encode_result(r["numbers"], [], cut), encode_result([], r["candidates"], cut)


def _analyse_chunk(items: list[tuple[str, str, bytes, list[MentionRow], bool]], deal: DealNames | None) -> list[_Done]:
    """In a worker: analyse_article for each (id, text, numbers encoded,
    mentions, full); return the numbers encoded, their claim keys and the
    article's stances as rows (the numbers' order), and what the time budget
    left out."""
    out: list[_Done] = []
    with collector_paused():
        for sid, text, data, rows, full in items:
            result = decode_result(data, text)
            if result is None:
                continue  # left to the main process
            numbers = result["numbers"]
            source = Source(id=sid, path="", text=text)
            a = analyse_article(source, numbers, Document(text), rows, full, deal)
            key_rows = [tuple(getattr(a.keys[n.id], f) for f in _KEY_FIELDS) for n in numbers]
            stances = None if a.stances is None else [_stance_row(st) for st in a.stances]
            out.append((sid, encode_result(numbers, [], False), key_rows, a.left, stances))
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
