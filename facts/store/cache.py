"""A per-user cache of extraction results, keyed by file contents.

Two levels: per-source results (numbers and entity candidates of one article,
keyed by the sha256 of its bytes and its id) and the whole corpus (the fact
base before curation, keyed by every source's key). Both live under a folder
named for the extractor version (a hash of the code and lexicons that decide
what is cached: reading, extraction, corpus-wide analysis), so changing them
invalidates the cache while a change to curation, views or export does not.

The cache is JSON validated on load: an entry that does not parse, does not
match the schema or whose spans do not match the article's text is ignored,
never trusted and never a crash. Writes go through a temporary file and a
rename; the cache never writes next to the articles.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12

from facts.extract.entities import Candidate
from facts.model import FactBase, Number, Source, Span

PACKAGE = Path(__file__).resolve().parents[1]  # the facts package
# What decides the cached results, relative to PACKAGE; curation and checks run
# after the cache on every open, and views never reach it.
EXTRACTION_CODE = (
    "read", "extract", "analyse", "lexicon", "model.py", "text.py", "labels.py", "build.py", "store/cache.py",
)  # fmt: skip
_VERSION_DIR = re.compile(r"^v-[0-9a-f]{16}$")


class SourceResult(TypedDict):
    """What the per-source stage finds in one article."""

    numbers: list[Number]
    candidates: list[Candidate]


_RESULT = TypeAdapter(SourceResult)
_FACTBASE = TypeAdapter(FactBase)  # dump_json gives bytes: no second copy of a big corpus


@cache
def extractor_version() -> str:
    """A hash of every file that decides what extraction finds."""
    h = hashlib.sha256()
    found = (PACKAGE / part for part in EXTRACTION_CODE)
    files = sorted(f for p in found for f in (p.rglob("*") if p.is_dir() else [p]) if f.suffix in {".py", ".yaml"})
    for p in files:
        h.update(p.relative_to(PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def cache_root() -> Path | None:
    """$SCALEDEAL_CACHE_DIR, else $XDG_CACHE_HOME/scaledeal or ~/.cache/scaledeal;
    None when SCALEDEAL_NO_CACHE is set."""
    if os.environ.get("SCALEDEAL_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("SCALEDEAL_CACHE_DIR"):
        return Path(os.environ["SCALEDEAL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "scaledeal"


def source_key(source: Source) -> str:
    # the id is part of the key: number ids and spans name their source
    return hashlib.sha256(f"{source.sha256}\0{source.id}".encode("utf-8", "surrogatepass")).hexdigest()


def corpus_key(sources: Iterable[Source]) -> str:
    h = hashlib.sha256()
    for s in sources:
        h.update(source_key(s).encode())
    return h.hexdigest()


# ---------------------------------------------------------------- encoding
def encode_result(numbers: list[Number], candidates: list[Candidate]) -> bytes:
    return _RESULT.dump_json({"numbers": numbers, "candidates": candidates})


def decode_result(data: bytes, text: str) -> SourceResult | None:
    """The entry in `data`, or None when it is not valid for `text`."""
    try:
        result = _RESULT.validate_json(data)
    except (ValidationError, ValueError):
        return None
    spans = [n.span for n in result["numbers"]] + [c.span for c in result["candidates"]]
    return result if spans_fit(spans, text) else None


def spans_fit(spans: Iterable[Span], text: str) -> bool:
    return all(s.end <= len(text) and text[s.start : s.end] == s.text for s in spans)


# ---------------------------------------------------------------- storage
class Cache:
    """The cache folder of the running extractor version."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / f"v-{extractor_version()}"

    @classmethod
    def open(cls) -> Cache | None:
        root = cache_root()
        return cls(root) if root is not None else None

    def source_path(self, key: str) -> Path:
        return self.dir / "sources" / key[:2] / f"{key}.json"

    def corpus_path(self, key: str) -> Path:
        return self.dir / "corpus" / f"{key}.json"

    def load_source(self, source: Source) -> SourceResult | None:
        data = read_bytes(self.source_path(source_key(source)))
        return decode_result(data, source.text) if data is not None else None

    def store_source(self, source: Source, data: bytes) -> None:
        write_bytes(self.source_path(source_key(source)), data)

    def load_corpus(self, key: str, sources: list[Source]) -> FactBase | None:
        """The cached fact base of exactly these sources (the key says so),
        given the sources as read now; None unless every span fits."""
        data = read_bytes(self.corpus_path(key))
        if data is None:
            return None
        try:
            fb = FactBase.model_validate_json(data)
        except (ValidationError, ValueError):
            return None
        fb.sources = list(sources)
        return fb if _spans_fit_sources(fb) else None

    def store_corpus(self, key: str, fb: FactBase) -> None:
        # sources and their texts are read afresh on every open; warnings belong to one reading
        slim = fb.model_copy(update={"sources": [], "warnings": []})
        if write_bytes(self.corpus_path(key), _FACTBASE.dump_json(slim)):
            self.prune_other_versions()

    def prune_other_versions(self) -> None:
        """Drop the folders of older extractor versions: they can never hit again."""
        with contextlib.suppress(OSError):
            for d in self.root.iterdir():
                if d != self.dir and d.is_dir() and _VERSION_DIR.match(d.name):
                    shutil.rmtree(d, ignore_errors=True)


def _spans_fit_sources(fb: FactBase) -> bool:
    texts = {s.id: s.text for s in fb.sources}
    spans = [n.span for n in fb.numbers] + [n.sentence for n in fb.numbers if n.sentence]
    spans += [m for e in fb.entities for m in e.mentions]
    spans += [c.span for conflict in fb.conflicts for c in conflict.claims]
    return all(s.source in texts and spans_fit([s], texts[s.source]) for s in spans)


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_bytes(path: Path, data: bytes) -> bool:
    """Temporary file + rename: a reader sees the old entry or the new one.
    No fsync: a torn entry after a crash fails validation and is ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return False  # a read-only or full disk only costs speed
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
