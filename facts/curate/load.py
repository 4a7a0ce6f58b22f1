"""Curated files beside the articles (sources.yaml, claims.yaml): validation
with file:line, and the merge into the automatic facts.

Invalid entries never stop anything: each becomes a `Problem` (a warning for
`scaledeal extract` and the app, an error for `scaledeal check`) and the rest
of the curation, and all the automatic facts, still apply.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facts.curate import safe_yaml
from facts.curate.apply import apply
from facts.curate.safe_yaml import Doc, Problem
from facts.curate.schema import (
    CLAIMS_FILE,
    CLAIMS_SECTIONS,
    SOURCES_FILE,
    CuratedClaim,
    CuratedConflict,
    Curation,
    Located,
    SourceMeta,
)
from facts.model import FactBase, Model, Source, Span
from facts.read.corpus import bundled_corpus
from facts.read.paths import CorpusError

__all__ = ["Problem", "apply_curation", "load_curation", "validate_corpus"]

QUOTE_CHARS = 60
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ISO_DATE = re.compile(
    r"(?:\d{4}(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
    r"|--(?P<m2>\d{2})-(?P<d2>\d{2}))"
)


def apply_curation(fb: FactBase, root: Path | None) -> FactBase:
    """Merge the curated files found for these articles into `fb` (automatic
    facts); each problem becomes one warning line."""
    root = curation_root(root, fb.sources)
    if root is None:
        return fb
    cur, problems = load_curation(root, fb.sources)
    problems += apply(fb, cur)
    fb.warnings.extend(p.notice() for p in sorted(problems))
    return fb


def curation_root(root: Path | None, sources: Sequence[Source]) -> Path | None:
    """Where the curated files of these articles are: beside them, or else
    the bundled corpus's, when some articles opened are byte-identical copies
    of bundled ones (a curation is about exact texts, wherever they sit, and a
    read-only copy cannot have files put beside it). Each curated entry then
    applies to its own article only (see `_Context.article`), so an article
    added to a copy keeps the curation of the others."""
    if root is None:  # no folder: no curation (check builds the automatic facts this way)
        return None
    if any((root / f).is_file() for f in (SOURCES_FILE, CLAIMS_FILE)):
        return root
    try:
        bundled = bundled_corpus()
    except CorpusError:
        return None
    if root.resolve() == bundled.resolve():
        return None
    if not any((bundled / f).is_file() for f in (SOURCES_FILE, CLAIMS_FILE)):
        return None
    names = {p.name for p in bundled.glob("*.txt")}
    named = [s for s in sources if s.id in names]  # decided by names first: no hashing for an unrelated corpus
    return bundled if any(_sha256_of(bundled / s.id) == s.sha256 for s in named) else None


def _same_file(path: str, other: Path) -> bool:
    try:
        return bool(path) and Path(path).resolve() == other.resolve()
    except OSError:
        return False


def _sha256_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        return ""


def validate_corpus(root: Path, sources: Sequence[Source], fb: FactBase | None = None) -> list[Problem]:
    """Every problem of the curated files in `root`. With `fb` (the automatic
    facts, which it changes), corrections naming unknown conflicts or
    entities are reported too."""
    cur, problems = load_curation(root, sources)
    if fb is not None:
        problems += apply(fb, cur)
    return sorted(problems)


def load_curation(root: Path, sources: Sequence[Source]) -> tuple[Curation, list[Problem]]:
    ctx = _Context(root, sources)
    path = root / SOURCES_FILE
    if path.is_file():
        ctx.cur.files["sources"] = str(path)
        _load_sources(safe_yaml.load(path), ctx)
    path = root / CLAIMS_FILE
    if path.is_file():
        ctx.cur.files["claims"] = str(path)
        _load_claims(safe_yaml.load(path), ctx)
    return ctx.cur, ctx.problems


class _Context:
    """What validation needs: the articles, and where problems go."""

    def __init__(self, root: Path, sources: Sequence[Source]) -> None:
        self.root = root
        self.texts = {s.id: s.text for s in sources}
        self.paths = {s.id: s.path for s in sources}
        self.sha = {s.id: s.sha256 for s in sources}
        self.by_hash = {s.sha256: s.id for s in sources if s.sha256}
        self.articles: dict[str, str | None] = {}  # curated name -> the loaded article with its bytes
        self.changed: set[str] = set()  # names told about once
        self.curated_hash: dict[str, str] = {}  # name -> the sha256 sources.yaml gives it
        self.cur = Curation()
        self.problems: list[Problem] = []
        self.hints_left = 20
        self.conflict_ids: set[str] = set()
        self.claim_status: dict[str, str] = {}  # claim id -> "ok" | "elsewhere" | "broken"

    def article(self, name: str) -> str | None:
        """The loaded article a curated entry about `name` applies to: the one
        with the bytes of the file beside the curated files (whatever it is
        called where it was opened), or the one of that name when no such file
        exists; None when it is not loaded, or loaded with other contents."""
        if name not in self.articles:
            self.articles[name] = self._match(name)
        return self.articles[name]

    def _match(self, name: str) -> str | None:
        found = self._by_bytes(name)
        if found is not None and self.curated_hash.get(name, self.sha[found]) != self.sha[found]:
            return None  # edited since it was curated
        return found

    def _by_bytes(self, name: str) -> str | None:
        beside = self.root / name
        if "/" in name or "\\" in name or not beside.is_file():
            return name if name in self.texts else None
        if name in self.texts and _same_file(self.paths[name], beside):
            return name  # the usual case: the curated files sit beside the articles
        return self.by_hash.get(_sha256_of(beside))  # a copy, under its name or another

    def elsewhere(self, source: str) -> bool:
        """An article beside the curated files that was not loaded (a single
        file was opened, or another version of it): its entries are skipped quietly."""
        if self.article(source) is not None:
            return False
        plain = "/" not in source and "\\" not in source
        return source in self.texts or (plain and (self.root / source).is_file())

    def known(self, doc: Doc, path: tuple[str | int, ...], source: str) -> bool | None:
        """True for an article of the corpus; None for one elsewhere; False
        (with a problem) for a name that is no article at all."""
        if self.article(source) is not None:
            return True
        if self.elsewhere(source):
            self.tell_changed(doc, path, source)
            return None
        self.hints_left -= 1  # a suggestion scans every id: only for the first few
        hint = difflib.get_close_matches(source, list(self.texts), n=1) if self.hints_left >= 0 else []
        doc.problem(path, f"unknown source {source!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
        return False

    def tell_changed(self, doc: Doc, path: tuple[str | int, ...], source: str) -> None:
        """One line, at its first entry, for an article opened with other contents than the curated one."""
        if source in self.texts and source not in self.changed:
            self.changed.add(source)
            doc.problem(path, f"{source} differs from the curated article: its curated entries are skipped")


# ---------------------------------------------------------------- sources.yaml
def _load_sources(doc: Doc, ctx: _Context) -> None:
    if doc.data is not None and not isinstance(doc.data, dict):
        doc.problem((), "expected a mapping of article file names to their title, outlet and date")
    elif doc.data:
        for sid, entry in doc.data.items():  # first the hashes: they decide which article an entry is about
            sha = entry.get("sha256") if isinstance(entry, dict) else None
            if isinstance(sha, str) and _SHA256.fullmatch(sha):
                ctx.curated_hash[str(sid)] = sha
        for sid, entry in doc.data.items():
            meta = _validate(SourceMeta, entry, (sid,), doc)
            if meta is not None and ctx.known(doc, (sid,), str(sid)):
                article = ctx.article(str(sid))
                if article is not None and _check_meta(meta, article, doc, ctx):
                    ctx.cur.sources[article] = (meta, doc.line((sid,)))
    ctx.problems += doc.problems


def _check_meta(meta: SourceMeta, sid: str, doc: Doc, ctx: _Context) -> bool:
    """Only what the text states: title, outlet, author and date quote must occur in it."""
    text, ok = ctx.texts[sid], True
    for key in ("title", "outlet", "author", "date_quote"):
        value = getattr(meta, key)
        if value and value not in text:
            doc.problem((sid, key), f"{key} not found in {sid}: {_short(value)!r}")
            ok = False
    if meta.date and not _valid_iso(meta.date):
        doc.problem((sid, "date"), f"date is not ISO 8601 (2025-06-09, 2025-06, 2025): {_short(meta.date)!r}")
        ok = False
    elif meta.date and not meta.date_quote and meta.date[:4] not in text:
        doc.problem((sid, "date"), f"the year of {meta.date!r} is not written in {sid}; add date_quote:")
        ok = False
    return ok


def _valid_iso(date: str) -> bool:
    m = _ISO_DATE.fullmatch(date)
    if not m:
        return False
    month, day = m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
    return (month is None or 1 <= int(month) <= 12) and (day is None or 1 <= int(day) <= 31)


# ---------------------------------------------------------------- claims.yaml
def _load_claims(doc: Doc, ctx: _Context) -> None:
    if doc.data is not None and not isinstance(doc.data, dict):
        doc.problem((), f"expected a mapping with the sections {', '.join(CLAIMS_SECTIONS)}")
    elif doc.data:
        for section, entries in doc.data.items():
            if section not in CLAIMS_SECTIONS:
                doc.problem((section,), f"unknown section {section!r} (expected one of: {', '.join(CLAIMS_SECTIONS)})")
            elif entries is not None and not isinstance(entries, list):
                doc.problem((section,), f"{section}: expected a list of entries")
            else:
                _load_section(section, entries or [], doc, ctx)
    ctx.problems += doc.problems


def _load_section(section: str, entries: list[Any], doc: Doc, ctx: _Context) -> None:
    cur, model = ctx.cur, CLAIMS_SECTIONS[section]
    # claims first, so conflicts further up the file may name them
    order = sorted(range(len(entries)), key=lambda i: section != "claims")
    for i in order:
        path = (section, i)
        entry = _validate(model, entries[i], path, doc)
        if entry is None:
            if section == "claims" and isinstance(entries[i], dict) and isinstance(entries[i].get("id"), str):
                ctx.claim_status.setdefault(entries[i]["id"], "broken")  # reported once, here
            continue
        line = doc.line(path)
        if isinstance(entry, CuratedClaim):
            _add_claim(entry, path, doc, ctx)
        elif isinstance(entry, CuratedConflict):
            _add_conflict(entry, path, doc, ctx)
        elif section == "numbers":
            span = _find(entry, path, doc, ctx)
            if span is not None:
                cur.numbers.append((entry, span, line))
        else:
            getattr(cur, {"reject": "rejects", "merge": "merges", "split": "splits"}[section]).append((entry, line))


def _add_claim(claim: CuratedClaim, path: tuple[str | int, ...], doc: Doc, ctx: _Context) -> None:
    if not claim.id:
        doc.problem(path, "a claim in `claims:` needs an `id:` for conflicts to name it")
        return
    if claim.id in ctx.claim_status:
        doc.problem((*path, "id"), f"duplicate claim id {claim.id!r}")
        return
    found = _locate(claim, path, doc, ctx)
    ctx.claim_status[claim.id] = "ok" if isinstance(found, Located) else (found or "broken")
    if isinstance(found, Located):
        ctx.cur.claims[claim.id] = found


def _add_conflict(conflict: CuratedConflict, path: tuple[str | int, ...], doc: Doc, ctx: _Context) -> None:
    if conflict.id in ctx.conflict_ids:
        doc.problem((*path, "id"), f"duplicate conflict id {conflict.id!r}")
        return
    ctx.conflict_ids.add(conflict.id)
    located: list[Located] = []
    elsewhere = False
    for k, item in enumerate(conflict.claims):
        where = (*path, "claims", k)
        if isinstance(item, str):
            status = ctx.claim_status.get(item)
            if status is None:
                doc.problem(where, f"unknown claim id {item!r}")
            found: Located | str | None = ctx.cur.claims.get(item) or status
        else:
            claim = _validate(CuratedClaim, item, where, doc)
            found = None if claim is None else _locate(claim, where, doc, ctx)
        if isinstance(found, Located):
            located.append(found)
        else:  # a broken claim was reported where it is; one on an article not loaded is no error
            elsewhere |= found == "elsewhere"
    # half a conflict (one side not loaded) would mislead; a broken claim leaves the rest standing
    if not elsewhere and len(located) >= 2:
        ctx.cur.conflicts.append((conflict, located, doc.line(path)))


def _locate(claim: CuratedClaim, path: tuple[str | int, ...], doc: Doc, ctx: _Context) -> Located | str | None:
    """The claim found in its article; "elsewhere" when its article is not
    loaded; None (with a problem) when it cannot be found."""
    if ctx.elsewhere(claim.source):
        ctx.tell_changed(doc, path, claim.source)
        return "elsewhere"
    span = _find(claim, path, doc, ctx)
    return None if span is None else Located(claim, span, doc.line(path))


def _find(claim: Any, path: tuple[str | int, ...], doc: Doc, ctx: _Context) -> Span | None:
    """The span of the claim's quote, or None (with a problem unless the
    article is simply not loaded)."""
    if not ctx.known(doc, (*path, "source"), claim.source):
        return None
    source = ctx.article(claim.source) or claim.source
    text = ctx.texts[source]
    pos, seen = -1, 0
    for _ in range(claim.occurrence):
        pos = text.find(claim.quote, pos + 1)
        if pos < 0:
            break
        seen += 1
    if pos < 0:
        what = f"quote not found in {source}"
        if seen:
            what = f"quote occurs only {seen} time(s) in {source}"
        hint = " (it differs only in case or spacing)" if seen == 0 and _loosely_in(claim.quote, text) else ""
        doc.problem((*path, "quote"), f"{what}: {_short(claim.quote)!r}{hint}")
        return None
    return Span(source=source, start=pos, end=pos + len(claim.quote), text=claim.quote)


def _loosely_in(quote: str, text: str) -> bool:
    squash = re.compile(r"\s+")
    return squash.sub(" ", quote).casefold() in squash.sub(" ", text).casefold()


# ---------------------------------------------------------------- pydantic -> file:line
def _validate(model: type[Model], data: Any, path: tuple[str | int, ...], doc: Doc) -> Any:
    if doc.was_refused(path):
        return None  # reported when the file was read
    if data is None:
        data = {}
    try:
        return model.model_validate(data)
    except ValidationError as err:
        by_place: dict[tuple[str | int, ...], list[Any]] = {}
        for e in err.errors():  # a union reports once per member: one message per place
            by_place.setdefault(_data_loc(data, e["loc"]), []).append(e)
        for loc, errors in by_place.items():
            if doc.was_refused((*path, *loc)):
                continue
            message = _message(model, path, loc, errors[0]) if len(errors) == 1 else _union(path, loc, errors)
            doc.problem((*path, *loc), message)
        return None


_KINDS = {"float": "a number", "int": "a whole number", "string": "text", "dict": "a mapping", "list": "a list"}


def _union(path: tuple[str | int, ...], loc: tuple[str | int, ...], errors: list[Any]) -> str:
    wanted = _unique_words(_KINDS.get(e["type"].split("_")[0], "") for e in errors)
    return f"{_dotted((*path, *loc))}: expected {' or '.join(wanted) or 'another type'} (got {_got(errors[0])})"


def _unique_words(words: Any) -> list[str]:
    return [w for w in dict.fromkeys(words) if w]


def _got(e: Any) -> str:
    value = e.get("input")
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(_short(value)) if isinstance(value, str) else repr(value)


def _data_loc(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """pydantic's error location without the names of union members."""
    out: list[str | int] = []
    for part in loc:
        inside = isinstance(data, dict) and part in data
        inside |= isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if inside:
            data = data[part]
        elif isinstance(data, dict) and part == loc[-1]:  # an unknown or missing key
            out.append(part)
            break
        else:
            continue
        out.append(part)
    return tuple(out)


def _message(model: type[Model], path: tuple[str | int, ...], loc: tuple[str | int, ...], e: Any) -> str:
    where = _dotted((*path, *loc))
    kind = e["type"]
    if kind == "extra_forbidden":
        allowed = f" (expected: {', '.join(model.model_fields)})" if len(loc) == 1 else ""
        return f"{_dotted((*path, *loc[:-1]))}: unknown key {loc[-1]!r}{allowed}"
    if kind == "missing":
        return f"{_dotted((*path, *loc[:-1]))}: missing key {loc[-1]!r}"
    if kind == "literal_error":
        return f"{where}: {_short(str(e.get('input')))!r} is not one of {e['ctx']['expected']}"
    msg = e["msg"].removeprefix("Value error, ")
    msg = msg[0].lower() + msg[1:]
    if kind != "value_error" and not isinstance(e.get("input"), dict | list):
        msg += f" (got {_got(e)})"
    return f"{where}: {msg}"


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "file"


def _short(s: str) -> str:
    return s if len(s) <= QUOTE_CHARS else s[: QUOTE_CHARS - 1] + "…"
