"""Markdown export of selected facts with exact quotes and numbered citations.

Interface used by the TUI and `scaledeal export`:
    text = render_markdown(factbase, refs, now=datetime)   # refs: list[FactRef]
    text = render(factbase, refs, "csv")                   # "md", "csv" or "json": the same content
    facts.store.write_atomic(path, text, overwrite=False)  # never clobbers silently
    line = fact_line(factbase, ref)                        # one plain line, for the copy key
All take `index=`, the fact base's facts.views.index.FactIndex, to reuse it.

Article text is untrusted. A quote goes in a fenced code block whose fence is
longer than any run of backticks in it: nothing inside is markup, so the
rendered page and the plain file both show the article's characters exactly,
with no escapes. Everything outside quotes (titles, names, details) is
escaped, and control characters are made visible (facts.text.display_safe).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from facts.kinds import BY_NAME, KIND_NAMES, FactRef
from facts.labels import source_citation
from facts.model import Check, Claim, Conflict, Entity, FactBase, Number
from facts.text import display_safe, single_line
from facts.views.export_doc import (
    CitedSource,
    ExportDoc,
    ExportFact,
    Quote,
    Timeline,
    build_export,
    count_label,
    human_value,
    locator,
    quote_text,
)
from facts.views.export_formats import FORMATS, Format
from facts.views.index import FactIndex

__all__ = ["FORMATS", "escape_inline", "escape_line", "fact_line", "human_value", "render", "render_markdown"]


# ---------------------------------------------------------------- Markdown escaping, outside quotes
# Backslash escapes work for every ASCII punctuation character in CommonMark;
# only the ones that can start markup are escaped so the file stays readable.
# `$` is there because GitHub renders $...$ as maths.
_INLINE = re.compile(r"([\\`*\[\]<>#|~$])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # "a_b" is never emphasis: leave it readable
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would render as "&"
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")  # list items, setext underlines
_BACKTICKS = re.compile(r"`+")


def escape_inline(text: str) -> str:
    """One piece of untrusted text as literal Markdown, on the line it is on."""
    return _ENTITY.sub(r"\\&", _UNDERSCORE.sub(r"\\_", _INLINE.sub(r"\\\1", display_safe(text))))


def escape_line(text: str) -> str:
    """Untrusted text folded onto one line (titles, names, list items)."""
    line = escape_inline(single_line(text))
    m = _LINE_START.match(line)
    if not m:
        return line
    if m.group(1)[0].isdigit():  # "1. not a list": escape the full stop, not the digits
        return f"{m.group(1)}\\{line[m.end() :]}"
    return f"\\{line}"


def _longest_backticks(text: str) -> int:
    return max((len(m.group()) for m in _BACKTICKS.finditer(text)), default=0)


def code_span(text: str) -> str:
    """`text` as an inline code span: shown literally, on one line."""
    text = single_line(text)
    ticks = "`" * (_longest_backticks(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or (text[:1] == " " == text[-1:]) else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def fenced(text: str) -> str:
    """`text` as a fenced code block: every character shown as it is, line breaks kept."""
    fence = "`" * max(3, _longest_backticks(text) + 1)
    return f"{fence}text\n{text}\n{fence}"


# ---------------------------------------------------------------- the Markdown document
_PLAIN_LABELS = ("figure", "mention", "headline")


def _quote_md(q: Quote) -> list[str]:
    head = escape_line(q.label[:1].upper() + q.label[1:]) if q.label else "Quote"
    if q.figure:
        head += f": {code_span(q.figure)}" if q.label in _PLAIN_LABELS else f", as written {code_span(q.figure)}"
    return [f"{head} — {locator(q.source, q.paragraph, q.page)}:", "", fenced(q.text), ""]


def _fact_md(f: ExportFact) -> list[str]:
    out = [f"### {escape_line(f.title)}", ""]
    out += [f"- {escape_line(k)}: {escape_line(v)}" for k, v in f.details]
    if f.timeline:
        out.append(f"- timeline: see “{escape_line(f.timeline)}” under Timelines")
    out.append("")
    for q in f.quotes:
        out += _quote_md(q)
    return out


def _timeline_md(t: Timeline) -> list[str]:
    out = [f"### {escape_line(t.title)}", ""]
    for r in t.rows:
        line = f"{r.date} · {r.status} · {r.value} — {locator(r.source, r.paragraph, r.page)}"
        out.append(f"- {escape_line(line + (f' ({r.note})' if r.note else ''))}")
    if t.more:
        out.append(f"- … and {t.more} more")
    return [*out, ""]


def _source_md(s: CitedSource) -> str:
    return f"{s.number}. {escape_line(s.citation)} — file {code_span(s.file)}"


def _header_md(doc: ExportDoc) -> list[str]:
    corpus = escape_line(doc.corpus)
    counts = ", ".join(count_label(n, k) for k in KIND_NAMES if (n := sum(1 for f in doc.facts if f.kind == k)))
    out = [
        f"# Facts from {corpus}",
        "",
        f"- exported: {doc.exported}",
        f"- corpus: {corpus} ({escape_line(doc.corpus_sizes)})",
        f"- facts: {len(doc.facts)}" + (f" ({counts})" if counts else ""),
    ]
    if doc.missing:
        plural = "s" if doc.missing != 1 else ""
        out.append(f"- not exported: {doc.missing} selected fact{plural} no longer in the corpus")
    return [*out, ""]


def markdown_of(doc: ExportDoc) -> str:
    out = _header_md(doc)
    for kind in KIND_NAMES:
        facts = [f for f in doc.facts if f.kind == kind]
        if facts:
            out += [f"## {BY_NAME[kind].title} ({len(facts)})", ""]
            for f in facts:
                out += _fact_md(f)
    if doc.timelines:
        out += [f"## Timelines ({len(doc.timelines)})", ""]
        for t in doc.timelines:
            out += _timeline_md(t)
    if doc.sources:
        out += [f"## Sources ({len(doc.sources)})", "", *(_source_md(s) for s in doc.sources), ""]
    if not doc.facts:
        out += ["_No facts selected._", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_markdown(
    fb: FactBase, refs: Iterable[FactRef], *, now: dt.datetime | None = None, index: FactIndex | None = None
) -> str:
    """The selected facts as Markdown: a section per kind, each fact quoted and cited.
    `index`: the fact base's FactIndex, when the caller holds one already."""
    return markdown_of(build_export(fb, refs, now=now, index=index))


def render(
    fb: FactBase,
    refs: Iterable[FactRef],
    fmt: Format = "md",
    *,
    now: dt.datetime | None = None,
    index: FactIndex | None = None,
) -> str:
    """The export in `fmt`: Markdown to read, CSV for spreadsheets, JSON for scripts."""
    doc = build_export(fb, refs, now=now, index=index)
    if fmt == "md":
        return markdown_of(doc)
    from facts.views.export_data import csv_of, json_of

    return csv_of(doc) if fmt == "csv" else json_of(doc)


# ---------------------------------------------------------------- one line, for the clipboard


def fact_line(fb: FactBase, ref: FactRef, index: FactIndex | None = None) -> str:
    """One plain line for a fact: what it says, its sentence quoted, and where
    (title, outlet, date, paragraph). Display-safe. `index`: the fact base's
    FactIndex, when the caller holds one already."""
    ix = index or FactIndex.build(fb)
    fact = ix.get(ref)
    if fact is None:
        return ""
    if isinstance(fact, Number):
        what = human_value(fact.value, fact.unit, fact.qualifier) + (f" {fact.attribute}" if fact.attribute else "")
        line = f"{what}: {_cited(ix, fact.span.source, fact.span.start, ix.sentence(fact.span, fact.sentence).text)}"
    elif isinstance(fact, Entity):
        aliases = f"; also {', '.join(fact.aliases)}" if fact.aliases else ""
        first = fact.mentions[0] if fact.mentions else None
        where = f" — first: {_cited(ix, first.source, first.start, ix.sentence(first).text)}" if first else ""
        line = f"{fact.name} ({fact.kind}{aliases}): {len(fact.mentions)} mentions{where}"
    elif isinstance(fact, Check):
        line = f"{fact.kind}: {fact.explanation} — from " + "; ".join(_claim_words(ix, c) for c in fact.inputs)
    elif isinstance(fact, Conflict):
        line = f"{fact.attribute}: {fact.verdict}" + (f" ({fact.explanation})" if fact.explanation else "")
        line += " — " + " vs ".join(_claim_words(ix, c) for c in fact.claims)
    else:
        line = f"{source_citation(fact)} — file {fact.id}, {fact.words:,} words"
    return single_line(line)


def _cited(ix: FactIndex, source_id: str, offset: int, sentence: str) -> str:
    src = ix.sources.get(source_id)
    where = source_citation(src) if src is not None else source_id
    page = ix.page_of(source_id, offset)
    where += (f", page {page}" if page is not None else "") + f", paragraph {ix.paragraph_of(source_id, offset)}"
    return f"“{quote_text(sentence)}” ({where})"


def _claim_words(ix: FactIndex, c: Claim) -> str:
    value = human_value(c.value, c.unit, c.qualifier) if c.value is not None else ""
    quoted = _cited(ix, c.span.source, c.span.start, ix.claim_sentence(c).text)
    return f"{value} {quoted}".strip()
