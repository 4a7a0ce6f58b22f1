"""Hand-written YAML files (curation) read safely, keeping the line of every value.

Curated files are edited by people and may come from anywhere: only the safe
loader's scalar types are built, anchors and aliases are refused before
anything is constructed (an alias bomb never expands), size and depth are
capped, and every failure is a `Problem` naming the file and line, never an
exception.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from facts.model import Notice
from facts.text import single_line

try:  # libyaml is much faster; both are the safe loader
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the pure-Python class stands in for the C one

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MESSAGE_CHARS = 300

Path_ = tuple[str | int, ...]  # a place in the document: keys and list indices


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, printed as `file:line: message`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return str(self.notice())

    def notice(self) -> Notice:
        """As a warning of the fact base (`scaledeal extract`, the app)."""
        # the message quotes untrusted text: one line, no control characters
        msg = single_line(self.message)
        if len(msg) > MESSAGE_CHARS:
            msg = msg[: MESSAGE_CHARS - 1] + "…"
        return Notice(kind="curation_problem", file=single_line(self.file), line=self.line, message=msg)


@dataclass
class Doc:
    """A parsed file: plain Python data plus the line of each place in it."""

    file: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path_] = field(default_factory=set)  # values already reported and dropped

    def was_refused(self, path: Path_) -> bool:
        return any(path[:k] in self.refused for k in range(len(path) + 1))

    def line(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for k in range(len(path), -1, -1):
            if path[:k] in self.lines:
                return self.lines[path[:k]]
        return 1

    def problem(self, path: Path_, message: str) -> Problem:
        p = Problem(self.file, self.line(path), message)
        self.problems.append(p)
        return p


def load(path: Path, display: str | None = None) -> Doc:
    """Parse `path`; on any failure `doc.data` is None and `doc.problems` says why."""
    doc = Doc(display or str(path))
    try:
        with open(path, "rb") as fh:  # read-only, capped
            raw = fh.read(MAX_BYTES + 1)
    except OSError as err:
        doc.problem((), f"cannot read: {err.strerror or err}")
        return doc
    if len(raw) > MAX_BYTES:
        doc.problem((), f"too large (over {MAX_BYTES // (1024 * 1024)} MB)")
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        doc.problems.append(Problem(doc.file, raw.count(b"\n", 0, err.start) + 1, "not UTF-8"))
        return doc
    return loads(text, doc)


def loads(text: str, doc: Doc) -> Doc:
    try:
        if not _refuse_aliases_and_depth(text, doc):
            return doc
        node = yaml.compose(text, Loader=_Loader)
        ctor = yaml.constructor.SafeConstructor()  # per file: it caches what it built
        doc.data = None if node is None else _build(node, (), doc, ctor)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 1
        doc.problems.append(Problem(doc.file, line, f"invalid YAML: {err.problem or err.context or err}"))
        doc.data = None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as err:
        doc.problems.append(Problem(doc.file, 1, f"invalid YAML: {err}"))
        doc.data = None
    return doc  # problems found while building (a duplicate key) spoil only their entry


def _refuse_aliases_and_depth(text: str, doc: Doc) -> bool:
    """One linear pass over the parser's events, before any construction."""
    depth = 0
    for ev in yaml.parse(text, Loader=_Loader):
        line = ev.start_mark.line + 1 if ev.start_mark is not None else 1
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            doc.problems.append(Problem(doc.file, line, "anchors and aliases (& and *) are not allowed here"))
            return False
        if isinstance(ev, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                doc.problems.append(Problem(doc.file, line, f"nested more than {MAX_DEPTH} levels deep"))
                return False
        elif isinstance(ev, yaml.CollectionEndEvent):
            depth -= 1
    return True


_PLAIN_COLLECTIONS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def _build(node: yaml.Node, path: Path_, doc: Doc, ctor: yaml.constructor.SafeConstructor) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTIONS:
        doc.problems.append(Problem(doc.file, node.start_mark.line + 1, f"unsupported tag {node.tag!r}"))
        doc.refused.add(path)
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            key = _scalar(knode, path, doc, ctor) if isinstance(knode, yaml.ScalarNode) else None
            if not isinstance(key, str | int) or isinstance(key, bool):
                doc.problem(path, "a key must be a plain word or text")
                continue
            if key in out:
                doc.problems.append(Problem(doc.file, knode.start_mark.line + 1, f"duplicate key {key!r}"))
                continue
            doc.lines[(*path, key)] = knode.start_mark.line + 1  # the key's line names the entry
            out[key] = _build(vnode, (*path, key), doc, ctor)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), doc, ctor) for i, item in enumerate(node.value)]
    return _scalar(node, path, doc, ctor)


def _scalar(node: yaml.Node, path: Path_, doc: Doc, ctor: yaml.constructor.SafeConstructor) -> Any:
    try:
        value = ctor.construct_object(node)
    except yaml.YAMLError as err:
        why = getattr(err, "problem", None) or str(err)
        doc.problems.append(Problem(doc.file, node.start_mark.line + 1, f"invalid value: {why}"))
        doc.refused.add(path)
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()  # dates stay text: ISO 8601, as written
    if isinstance(value, bytes | bytearray | set):
        doc.problems.append(Problem(doc.file, node.start_mark.line + 1, "unsupported value type"))
        doc.refused.add(path)
        return None
    return value
