"""The fact base on disk: YAML (the whole schema) and the contract's JSON view."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import is_dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from facts.model import Attribution, Check, Claim, Conflict, Entity, FactBase, Number, Source, Span, plain

try:  # the C loader/dumper are many times faster; both are the *safe* ones
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]  # the pure-Python class stands in for the C one
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the pure-Python class stands in for the C one


def _value(v: float | str | None) -> float | int | str | None:
    # 14800000000.0 -> 14800000000: the contract's numbers read as people write them
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def _span(s: Span) -> dict[str, Any]:
    return {"source": s.source, "start": s.start, "end": s.end, "text": s.text}


def _attribution(a: Attribution | None) -> dict[str, Any] | None:
    if a is None:
        return None  # the article says it in its own voice
    d: dict[str, Any] = {"kind": a.kind, "origin": a.origin}
    if a.entity:
        d["entity"] = a.entity
    if a.span is not None:
        d["span"] = _span(a.span)
    return d


def _claim(c: Claim) -> dict[str, Any]:
    d = _span(c.span)
    d["value"] = _value(c.value)
    if c.unit:
        d["unit"] = c.unit
    if c.qualifier != "exact":
        d["qualifier"] = c.qualifier
    d["attribution"] = _attribution(c.attribution)
    d["provenance"] = c.provenance
    return d


def _check(c: Check) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "attribute": c.attribute,
        "inputs": [_claim(i) for i in c.inputs],
        "implied": _value(c.implied),
        "unit": c.unit,
        "confirms": [_claim(i) for i in c.confirms],
        "contradicts": [_claim(i) for i in c.contradicts],
        "gap": c.gap,
        "explanation": c.explanation,
        "provenance": c.provenance,
    }


def _source(s: Source) -> dict[str, Any]:
    d: dict[str, Any] = {"id": s.id, "title": s.title, "chars": s.chars, "outlet": s.outlet, "date": s.date}
    if s.author:
        d["author"] = s.author
    if s.extracted:  # a page, PDF or Markdown file: offsets index this text, not the file
        d["text"] = s.text
    if s.pages:
        d["pages"] = s.pages
    return d


def _number(n: Number) -> dict[str, Any]:
    return {
        **_span(n.span),
        "value": _value(n.value),
        "unit": n.unit,
        "qualifier": n.qualifier,
        "attribute": n.attribute,
        "subject": n.subject,
        "attribution": _attribution(n.attribution),
        "provenance": n.provenance,
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "aliases": e.aliases,
        "mentions": [_span(m) for m in e.mentions],
        "provenance": e.provenance,
    }


def _conflict(c: Conflict) -> dict[str, Any]:
    return {
        "id": c.id,
        "attribute": c.attribute,
        "kind": c.kind,
        "verdict": c.verdict,
        "explanation": c.explanation,
        "claims": [_claim(cl) for cl in c.claims],
        "provenance": c.provenance,
    }


def _sections(fb: FactBase) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """The contract's top-level lists, each item built only when it is written."""
    yield "sources", (_source(s) for s in fb.sources)
    yield "numbers", (_number(n) for n in fb.numbers)
    yield "entities", (_entity(e) for e in fb.entities)
    yield "conflicts", (_conflict(c) for c in fb.conflicts)
    yield "checks", (_check(c) for c in fb.checks)


def to_contract(fb: FactBase) -> dict[str, Any]:
    """The JSON object of shared/CONTRACT.md, plus optional fields it allows."""
    return {name: list(items) for name, items in _sections(fb)}


def contract_json(fb: FactBase) -> Iterator[str]:
    """to_contract as JSON text in pieces, one item a line: a large corpus is
    written without a second copy of its fact base in memory."""
    yield "{"
    for i, (name, items) in enumerate(_sections(fb)):
        yield f"{',' if i else ''}\n{json.dumps(name)}: ["
        for j, item in enumerate(items):
            yield ("," if j else "") + "\n " + json.dumps(item, ensure_ascii=False)
        yield "\n]"
    yield "\n}\n"


def contract_yaml(fb: FactBase) -> Iterator[str]:
    """The whole fact base as YAML in pieces (load_yaml reads it back), a list's
    items dumped one at a time for the same reason."""
    for name in FactBase.model_fields:
        value = getattr(fb, name)
        if not isinstance(value, list) or not value:
            yield _yaml({name: _plain(value)})
            continue
        yield f"{name}:\n"
        for item in value:
            yield _yaml([_plain(item)])


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return plain(value) if isinstance(value, BaseModel) or is_dataclass(value) else value


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def dump_yaml(fb: FactBase) -> str:
    return "".join(contract_yaml(fb))


def load_yaml(text: str) -> FactBase:
    return FactBase.model_validate(yaml.load(text, Loader=_Loader))
