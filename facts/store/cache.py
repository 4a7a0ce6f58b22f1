"""A per-user cache of extraction results, keyed by file contents.

Two levels: per-source results (numbers and entity candidates of one article,
keyed by the sha256 of its bytes and its id) and the whole corpus (the fact
base before curation, keyed by every source's key). Both live under a folder
named for the extractor version (a hash of the code and lexicons that decide
what is cached: reading, extraction, corpus-wide analysis), so changing them
invalidates the cache while a change to curation, views or export does not.

The cache is JSON validated on load: an entry that does not parse, does not
match the schema or whose spans do not match the article's text is ignored,
never trusted and never a crash. Each entry is signed (HMAC-SHA256 with a
random per-user key kept in the cache folder, mode 0600): an entry edited by
hand or copied from elsewhere fails the signature and is rebuilt. Writes go
through a temporary file and a rename; the cache never writes next to the
articles.

The folders of the KEEP_VERSIONS most recently used extractor versions are
kept (each open touches its folder), so two installs or a branch switch do
not wipe each other's cache; older ones are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, NotRequired  # pydantic needs these on Python < 3.12

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from facts.extract.entities import Candidate
from facts.model import Check, Conflict, Entity, FactBase, Number, Source, Span, share_sentences

PACKAGE = Path(__file__).resolve().parents[1]  # the facts package
# What decides the cached results, relative to PACKAGE; curation and checks run
# after the cache on every open, and views never reach it.
EXTRACTION_CODE = (
    "read", "extract", "analyse", "lexicon", "model.py", "text.py", "labels.py", "build.py", "store/cache.py",
)  # fmt: skip
_VERSION_DIR = re.compile(r"^v-[0-9a-f]{16}$")
KEEP_VERSIONS = 3  # this install, another one, and the branch switched from
KEY_FILE = "key"  # in the cache root: one key for every version folder
_KEY_BYTES = 32
_SIGNATURE = 64  # hex digits of an HMAC-SHA256, then a newline, then the entry


class SourceResult(TypedDict):
    """What the per-source stage finds in one article."""

    numbers: list[Number]
    candidates: list[Candidate]
    cut: NotRequired[bool]  # over its time budget: names left out, never cached


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
def encode_result(numbers: list[Number], candidates: list[Candidate], cut: bool = False) -> bytes:
    return _RESULT.dump_json({"numbers": numbers, "candidates": candidates, "cut": cut})


def decode_result(data: bytes, text: str) -> SourceResult | None:
    """The entry in `data`, or None when it is not valid for `text`."""
    try:
        result = _RESULT.validate_json(data)
    except (ValidationError, ValueError):
        return None
    spans = [n.span for n in result["numbers"]] + [c.span for c in result["candidates"]]
    if not spans_fit(spans, text):
        return None
    share_sentences(result["numbers"])  # each was read as its own string
    return result


# A corpus entry is a line of the fact base's header (its lists empty), then
# lines of `kind<TAB>[records]`, each a few hundred records. Encoded and
# validated a line at a time: one call over a whole corpus held the GIL for
# seconds on 10,000 articles, and the app froze while its cache loaded.
CHUNK_WEIGHT = 400  # records per line, a record weighing 1 + the spans it holds
_LISTS: dict[str, TypeAdapter[Any]] = {
    "numbers": TypeAdapter(list[Number]),
    "entities": TypeAdapter(list[Entity]),
    "conflicts": TypeAdapter(list[Conflict]),
    "checks": TypeAdapter(list[Check]),
}


def encode_corpus(fb: FactBase) -> Iterator[bytes]:
    """The entry of `fb`, line by line. Sources and their texts are read afresh
    on every open, and warnings belong to one reading: neither is kept."""
    empty: dict[str, Any] = {kind: [] for kind in _LISTS}
    yield _FACTBASE.dump_json(fb.model_copy(update={**empty, "sources": [], "warnings": []})) + b"\n"
    for kind, adapter in _LISTS.items():
        for chunk in _chunks(getattr(fb, kind)):
            yield kind.encode() + b"\t" + adapter.dump_json(chunk) + b"\n"


def decode_corpus(data: bytes, start: int = 0) -> FactBase | None:
    """The fact base in an entry of `encode_corpus` (from `start` in `data`),
    or None if any line is not valid."""
    if not data.endswith(b"\n") or start >= len(data):
        return None  # cut short
    try:
        end = data.index(b"\n", start)
        fb = FactBase.model_validate_json(data[start:end])
        while end + 1 < len(data):  # a line at a time: never a second copy of the whole entry
            start, end = end + 1, data.index(b"\n", end + 1)
            tab = data.index(b"\t", start, end)
            kind = data[start:tab].decode("ascii")
            if kind not in _LISTS:
                return None
            getattr(fb, kind).extend(_LISTS[kind].validate_json(data[tab + 1 : end]))
    except (ValidationError, ValueError):
        return None
    return fb


def _chunks(records: list[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    weight = 0
    for r in records:
        chunk.append(r)
        weight += 1 + len(getattr(r, "mentions", ())) + len(getattr(r, "claims", ()))
        if weight >= CHUNK_WEIGHT:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def spans_fit(spans: Iterable[Span], text: str) -> bool:
    return all(s.end <= len(text) and text[s.start : s.end] == s.text for s in spans)


# ---------------------------------------------------------------- storage
class Cache:
    """The cache folder of the running extractor version."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / f"v-{extractor_version()}"
        self._key: bytes | None = None
        self._key_tried = False  # an unwritable cache is asked once per build, not per article

    @classmethod
    def open(cls) -> Cache | None:
        root = cache_root()
        return cls(root) if root is not None else None

    def source_path(self, key: str) -> Path:
        return self.dir / "sources" / key[:2] / f"{key}.json"

    def corpus_path(self, key: str) -> Path:
        return self.dir / "corpus" / f"{key}.json"

    def load_source(self, source: Source) -> SourceResult | None:
        data = self._read(self.source_path(source_key(source)))
        return decode_result(data, source.text) if data is not None else None

    def store_source(self, source: Source, data: bytes) -> None:
        self._write(self.source_path(source_key(source)), data)

    def load_corpus(self, key: str, sources: list[Source]) -> FactBase | None:
        """The cached fact base of exactly these sources (the key says so),
        given the sources as read now; None unless every span fits."""
        touch(self.dir)  # this version is in use: the last to be evicted
        blob = self._read_signed(self.corpus_path(key))  # not sliced: a copy of a big entry held the GIL
        fb = decode_corpus(blob, _SIGNATURE + 1) if blob is not None else None
        if fb is None:
            return None
        fb.sources = list(sources)
        share_sentences(fb.numbers)
        return fb if _spans_fit_sources(fb) else None

    def store_corpus(self, key: str, fb: FactBase) -> None:
        if self._write_chunks(self.corpus_path(key), encode_corpus(fb)):
            evict_versions(self.root, keep=self.dir)

    # ------------------------------------------------------------ signing
    def key(self) -> bytes | None:
        """The signing key, made on first use; None where it cannot be kept."""
        if not self._key_tried:
            self._key, self._key_tried = signing_key(self.root), True
        return self._key

    def _read(self, path: Path) -> bytes | None:
        """The entry at `path` if its signature is this user's, else None."""
        blob = self._read_signed(path)
        return blob[_SIGNATURE + 1 :] if blob is not None else None

    def _read_signed(self, path: Path) -> bytes | None:
        """The whole file at `path`, its signature in front, if the signature is this user's."""
        blob, key = read_bytes(path), self.key()
        if blob is None or key is None or verified(key, path.name, blob) is None:
            return None
        return blob

    def _write(self, path: Path, data: bytes) -> bool:
        key = self.key()
        return key is not None and write_bytes(path, sign(key, path.name, data))

    def _write_chunks(self, path: Path, chunks: Iterator[bytes]) -> bool:
        """An entry written as it is encoded, never whole in memory; signed like `_write`."""
        key = self.key()
        if key is None:
            return False
        mac = hmac.new(key, path.name.encode("utf-8", "surrogatepass") + b"\0", hashlib.sha256)

        def signed(fh: BinaryIO) -> None:
            fh.write(b"0" * _SIGNATURE + b"\n")
            for chunk in chunks:
                mac.update(chunk)
                fh.write(chunk)
            fh.seek(0)
            fh.write(mac.hexdigest().encode("ascii"))

        return write_with(path, signed)


def sign(key: bytes, name: str, data: bytes) -> bytes:
    """`data` with its signature in front; the entry's file name is signed
    too, so a valid entry copied over another one is still refused."""
    return _mac(key, name, data).encode("ascii") + b"\n" + data


def verified(key: bytes, name: str, blob: bytes) -> memoryview | None:
    """The entry inside `blob` when its signature holds, else None (a view: no copy)."""
    signature, newline, data = blob[:_SIGNATURE], blob[_SIGNATURE : _SIGNATURE + 1], memoryview(blob)[_SIGNATURE + 1 :]
    if newline != b"\n" or not hmac.compare_digest(signature, _mac(key, name, data).encode("ascii")):
        return None
    return data


def _mac(key: bytes, name: str, data: bytes | memoryview) -> str:
    mac = hmac.new(key, name.encode("utf-8", "surrogatepass") + b"\0", hashlib.sha256)
    mac.update(data)
    return mac.hexdigest()


def signing_key(root: Path) -> bytes | None:
    """The per-user key in `root`, created once (random, mode 0600, written
    atomically: concurrent first runs agree on one). A key others could read
    or replace is not trusted: a new one replaces it."""
    path = root / KEY_FILE
    key = _private_key(path)
    if key is not None:
        return key
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".key-", suffix=".tmp", dir=root)  # mode 0600
    except OSError:
        return None  # an unwritable cache: nothing is read or written
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(os.urandom(_KEY_BYTES))
        if path.exists():
            os.replace(tmp, path)  # an untrusted key: every entry it signed is dropped
        else:
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)  # the first run to get here wins; the rest read its key
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return _private_key(path)


def _private_key(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            key = fh.read(_KEY_BYTES + 1)
    except OSError:
        return None
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    private = st.st_mode & 0o077 == 0
    return key if mine and private and len(key) == _KEY_BYTES else None


# ---------------------------------------------------------------- versions
def touch(folder: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(folder)


def evict_versions(root: Path, keep: Path, count: int = KEEP_VERSIONS) -> list[Path]:
    """Remove all but the `count` most recently used version folders (by
    mtime; `keep` is always one of them). Returns the folders removed."""
    try:
        folders = [d for d in root.iterdir() if _VERSION_DIR.match(d.name) and d.is_dir() and d != keep]
        folders.sort(key=lambda d: d.stat().st_mtime, reverse=True)
    except OSError:
        return []
    gone = folders[max(0, count - 1) :]
    for d in gone:
        shutil.rmtree(d, ignore_errors=True)
    return gone


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
    return write_with(path, lambda fh: fh.write(data))


def write_with(path: Path, fill: Callable[[BinaryIO], object]) -> bool:
    """Temporary file + rename: a reader sees the old entry or the new one.
    No fsync: a torn entry after a crash fails validation and is ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return False  # a read-only or full disk only costs speed
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
        os.replace(tmp, path)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
