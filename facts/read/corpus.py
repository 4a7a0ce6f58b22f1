"""Folders and files -> Sources: decoding, titles, one-line warnings.

Input files are only ever opened for reading. A file that cannot be used (not
UTF-8, binary, unreadable, gone) becomes a warning naming it, never an
exception; only "there is nothing to read at all" is an error.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from facts.model import Notice, Source
from facts.read.metadata import sniff
from facts.read.paths import CorpusError, check_path
from facts.text import single_line, word_count

ARTICLE_SUFFIX = ".txt"
MAX_BYTES = 64 * 1024 * 1024  # a plain-text article is never this big
TITLE_CHARS = 200


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
    targets = [Path(p) for p in paths]
    if not targets:
        targets = [bundled_corpus()]
    warnings: list[Notice] = []
    files: list[tuple[Path, Path]] = []  # (file, the root it was found under)
    for p in targets:
        check_path(p)
        if p.is_dir():
            files.extend((f, p) for f in _walk(p, warnings))
        else:
            files.append((p, p.parent))
    sources = []
    ids = _unique_ids(files)
    for (f, _root), sid in zip(files, ids, strict=True):
        src = read_source(f, sid, warnings)
        if src is not None:
            sources.append(src)
    if not files:
        raise CorpusError(f"{', '.join(map(str, targets))}: no {ARTICLE_SUFFIX} articles found")
    if not sources:
        raise CorpusError(f"{', '.join(map(str, targets))}: none of the {len(files)} article files could be read")
    root = targets[0] if targets[0].is_dir() else targets[0].parent
    name = root.resolve().name or str(root)
    return Corpus(name=name, sources=sources, warnings=warnings, root=root)


def _walk(root: Path, warnings: list[Notice]) -> Iterator[Path]:
    """Every article under `root`, sorted; symlinked folders are not followed
    (no loops), unreadable folders become warnings."""

    def onerror(err: OSError) -> None:
        warnings.append(Notice(kind="skipped_folder", file=str(err.filename), message=str(err.strerror or err)))

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in filenames:
            if fn.endswith(ARTICLE_SUFFIX) and not fn.startswith("."):
                found.append(Path(dirpath) / fn)
    found.sort()
    return iter(found)


def _unique_ids(files: list[tuple[Path, Path]]) -> list[str]:
    """The file name, as the contract says; the path under its root where two
    files share a name."""
    counts: dict[str, int] = {}
    for f, _ in files:
        counts[f.name] = counts.get(f.name, 0) + 1
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
    try:
        # O_NONBLOCK: a FIFO named *.txt must not wait for a writer; then
        # only regular files are read (not pipes, devices or sockets)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:  # read-only, always
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                warnings.append(_skipped(path, "not a regular file"))
                return None
            raw = fh.read(MAX_BYTES + 1)
    except OSError as err:
        warnings.append(_skipped(path, str(err.strerror or err)))
        return None
    if len(raw) > MAX_BYTES:
        warnings.append(_skipped(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB"))
        return None
    text, problem = decode(raw)
    if text is None:
        warnings.append(_skipped(path, problem))
        return None
    return make_source(source_id, str(path), text, hashlib.sha256(raw).hexdigest())


def _skipped(path: Path, reason: str) -> Notice:
    return Notice(kind="skipped_file", file=str(path), message=reason)


def decode(raw: bytes) -> tuple[str | None, str]:
    """UTF-8 with universal newlines, exactly like `open(p, encoding="utf-8").read()`."""
    sample = raw[:8192]
    if sample.count(0) * 20 > len(sample):  # UTF-16, images, executables
        return None, "binary file (many NUL bytes)"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, f"not UTF-8 (invalid byte 0x{raw[err.start]:02x} at offset {err.start})"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, ""


def make_source(source_id: str, path: str, text: str, sha256: str = "") -> Source:
    if not sha256:
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    outlet, date = sniff(text)  # only what the text states about itself
    return Source(
        id=source_id,
        path=path,
        title=title_of(text),
        outlet=outlet,
        date=date,
        chars=len(text),
        words=word_count(text),
        sha256=sha256,
        text=text,
    )


def title_of(text: str) -> str:
    """The first line that reads like a headline (3 to 30 words); web pages
    often start with a menu word such as "More". Else the first line, cut."""
    lines = [single_line(x) for x in text[: 64 * 1024].splitlines()[:40]]
    lines = [x for x in lines if x]
    for line in lines:
        if 3 <= len(line.split()) <= 30:
            return _cut(line)
    return _cut(lines[0]) if lines else ""


def _cut(line: str) -> str:
    if len(line) <= TITLE_CHARS:
        return line
    return line[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
