"""Folders and files -> Sources: one reader per format, one-line warnings.

Input files are only ever opened for reading. A file that cannot be used (not
UTF-8, binary, encrypted, no article in it, a link out of the folder, a FIFO,
gone) becomes a warning naming it, never an exception; only "there is
nothing to read at all" is an error, and it names what was skipped and why.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from facts.model import Notice, Source
from facts.read.formats import Article, Reader, Unreadable
from facts.read.formats import text as plain_text
from facts.read.formats.registry import SUFFIXES, reader_for
from facts.read.paths import CorpusError, check_path
from facts.read.titles import title_of
from facts.text import single_line, word_count

NAMED_SKIPS = 5  # files named in the "nothing could be read" error


@dataclass
class Corpus:
    name: str
    sources: list[Source] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    root: Path | None = None  # the folder curated files are looked up in


def bundled_corpus() -> Path:
    """The seed articles: `seeds/` in a checkout, `facts/_seeds` in a wheel."""
    here = Path(__file__).resolve().parents[1]  # the facts package
    for candidate in (here / "_seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise CorpusError("the bundled corpus is missing from this installation")


def read_corpus(paths: Iterable[str | os.PathLike[str]]) -> Corpus:
    targets = [Path(p) for p in paths] or [bundled_corpus()]
    warnings: list[Notice] = []
    files: list[tuple[Path, Path]] = []  # (file, the root it was found under)
    for p in targets:
        check_path(p)
        if p.is_dir():
            files.extend((f, p) for f in _walk(p, warnings))
        else:
            files.append((p, p.parent))
    sources = []
    for (f, _root), sid in zip(files, _unique_ids(files), strict=True):
        src = read_source(f, sid, warnings)
        if src is not None:
            sources.append(src)
    where = ", ".join(map(str, targets))
    if not files and not warnings:
        raise CorpusError(f"{where}: no articles found ({' '.join(SUFFIXES)}){_others(targets)}")
    if not sources:
        raise CorpusError(f"{where}: no article could be read: {_why(warnings)}")
    root = targets[0] if targets[0].is_dir() else targets[0].parent
    name = root.resolve().name or str(root)
    return Corpus(name=name, sources=sources, warnings=warnings, root=root)


def _others(targets: list[Path]) -> str:
    """What the folders hold instead of articles, by suffix (only said when there is no article)."""
    others: Counter[str] = Counter()
    for t in targets:
        for i, f in enumerate(t.rglob("*") if t.is_dir() else ()):
            if i >= 10_000:
                break
            if not f.name.startswith(".") and f.is_file():
                others[f.suffix.lower()] += 1
    if not others:
        return ""
    kinds = ", ".join(f"{n} {s or 'without suffix'}" for s, n in others.most_common(6))
    return f"; skipped {sum(others.values())} other file(s): {kinds}"


def _why(warnings: list[Notice]) -> str:
    named = "; ".join(f"{Path(w.file).name}: {w.message}" for w in warnings[:NAMED_SKIPS])
    more = len(warnings) - NAMED_SKIPS
    return named + (f"; and {more} more" if more > 0 else "")


def _walk(root: Path, warnings: list[Notice]) -> Iterator[Path]:
    """Every article under `root`, sorted; symlinked folders are not followed
    (no loops), a link to a file outside `root` is skipped, unreadable
    folders become warnings."""

    def onerror(err: OSError) -> None:
        warnings.append(Notice(kind="skipped_folder", file=str(err.filename), message=str(err.strerror or err)))

    inside = root.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in filenames:
            if fn.startswith("."):
                continue
            f = Path(dirpath) / fn
            if reader_for(f) is not None and (not f.is_symlink() or _links_inside(f, inside, warnings)):
                found.append(f)
    found.sort()
    return iter(found)


def _links_inside(link: Path, inside: Path, warnings: list[Notice]) -> bool:
    """A symlink is followed only to a file within the opened folder."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        warnings.append(_skipped(link, "a broken symbolic link"))
        return False
    if target.is_relative_to(inside):
        return True
    warnings.append(_skipped(link, "a symbolic link to a file outside the opened folder"))
    return False


def _unique_ids(files: list[tuple[Path, Path]]) -> list[str]:
    """The file name, as the contract says; the path under its root where two
    files share a name."""
    counts = Counter(f.name for f, _ in files)
    ids = []
    for f, root in files:
        if counts[f.name] == 1:
            ids.append(f.name)
        else:
            try:
                ids.append(f.relative_to(root).as_posix())
            except ValueError:
                ids.append(f.as_posix())
    return ids


def read_source(path: Path, source_id: str, warnings: list[Notice]) -> Source | None:
    reader: Reader = reader_for(path) or plain_text  # a file named on its own is read whatever its name
    raw = _read_bytes(path, reader.MAX_BYTES, warnings)
    if raw is None:
        return None
    sha = hashlib.sha256(raw).hexdigest()
    try:
        article = _read_once(reader, path, raw, sha)
    except Unreadable as err:
        warnings.append(_skipped(path, str(err)))
        return None
    except (RecursionError, MemoryError, ValueError) as err:  # a pathological page deep inside a parser
        warnings.append(_skipped(path, f"could not be read ({type(err).__name__})"))
        return None
    return source_of(article, source_id, str(path), sha)


_READ: dict[tuple[str, str], Article] = {}  # (suffix, sha256 of the bytes) -> what its reader made of them
READ_MEMO = 4096  # articles remembered: a live folder re-reads only what changed


def _read_once(reader: Reader, path: Path, raw: bytes, sha: str) -> Article:
    """A page or PDF is parsed once per content in this process: a live folder
    re-reads the whole folder on every change, and parsing is the slow part."""
    key = (path.suffix.lower(), sha)
    article = _READ.get(key)
    if article is None:
        article = reader.read(path, raw)
        if len(_READ) >= READ_MEMO:
            _READ.pop(next(iter(_READ)))
        _READ[key] = article
    return article


def _read_bytes(path: Path, limit: int, warnings: list[Notice]) -> bytes | None:
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(mode):  # never open a FIFO or a device
            warnings.append(_skipped(path, "not a regular file (a FIFO, device or socket)"))
            return None
        # O_NONBLOCK: should it turn into a FIFO after the check, opening must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:  # read-only, always
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                warnings.append(_skipped(path, "not a regular file (a FIFO, device or socket)"))
                return None
            raw = fh.read(limit + 1)
    except OSError as err:
        warnings.append(_skipped(path, str(err.strerror or err)))
        return None
    if len(raw) > limit:
        warnings.append(_skipped(path, f"larger than {limit // (1024 * 1024)} MB (not read)"))
        return None
    return raw


def _skipped(path: Path, reason: str) -> Notice:
    return Notice(kind="skipped_file", file=str(path), message=reason)


def decode(raw: bytes) -> tuple[str | None, str]:
    """UTF-8 with universal newlines, exactly like `open(p, encoding="utf-8").read()`."""
    try:
        return plain_text.decode(raw), ""
    except Unreadable as err:
        return None, str(err)


def make_source(source_id: str, path: str, text: str, sha256: str = "") -> Source:
    """A plain-text article's Source (tests and fixtures build them from strings)."""
    if not sha256:
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return source_of(plain_text.article_of(text), source_id, path, sha256)


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _line(value: str) -> str:
    """Invisible characters dropped (a title is compared, not quoted), the rest display-safe, on one line."""
    return single_line(_INVISIBLE.sub("", value))


def source_of(article: Article, source_id: str, path: str, sha256: str) -> Source:
    # the metadata comes from the file (a PDF's /Title, a page's og: tags): one
    # line with its control characters made visible, like any other display text
    return Source(
        id=source_id,
        path=path,
        title=_line(article.title),
        outlet=_line(article.outlet),
        author=_line(article.author),
        date=_line(article.date),
        chars=len(article.text),
        words=word_count(article.text),
        sha256=sha256,
        text=article.text,
        extracted=article.extracted,
        pages=list(article.pages),
    )


__all__ = ["Corpus", "bundled_corpus", "decode", "make_source", "read_corpus", "read_source", "title_of"]
