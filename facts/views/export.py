"""Markdown export of selected facts with quotes and citations.

Interface used by the TUI and `scaledeal export`:
    text = render_markdown(factbase, refs, now=datetime)   # refs: list[FactRef]
    facts.store.write_atomic(path, text, overwrite=False)  # never clobbers silently
    line = fact_line(factbase, ref)                        # one plain line, for the copy key
Both take `index=`, the fact base's facts.views.index.FactIndex, to reuse it:
it owns the facts by id, line numbers and the sentence every quote comes from.

Article text is untrusted: every quote is escaped so a Markdown renderer shows
exactly what the article said (no headings, links, tables or HTML smuggled in),
and control characters are made visible (facts.text.display_safe).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from facts.analyse.attribution import attribution_label, conflict_sourcing, origins
from facts.kinds import BY_NAME, KIND_NAMES, FactKind, FactRef
from facts.labels import format_claim, format_value
from facts.model import Check, Claim, Conflict, Entity, FactBase, Number, Source, Span
from facts.text import display_safe, single_line
from facts.views.index import FactIndex

if TYPE_CHECKING:
    from facts.kinds import Fact  # the union of fact models, named once

TIMELINE_ROWS = 12  # a timeline in the export shows this many claims, then a count of the rest
TITLE_QUOTE_CHARS = 300
MENTIONS_QUOTED = 3  # an entity's export quotes this many of its mentions

# ---------------------------------------------------------------- values for people


def _plain_number(v: float) -> str:
    text = f"{v:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def human_value(value: float | str | None, unit: str, qualifier: str = "exact") -> str:
    """A value as people write it, hedges included: "over $10B", "about 49%"."""
    return "" if value is None else format_claim(value, unit, qualifier)


# ---------------------------------------------------------------- Markdown escaping
# Backslash escapes work for every ASCII punctuation character in CommonMark;
# only the ones that can start markup are escaped so the file stays readable.
# `$` is there because GitHub renders $...$ as maths.
_INLINE = re.compile(r"([\\`*\[\]<>#|~$])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # "a_b" is never emphasis: leave it readable
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would render as "&"
_ENTITY_CUT = re.compile(r"&(?=#?\w*$)")  # "&am" + "p;": an entity the bold mark cuts in two
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")  # list items, setext underlines


def _escape_line_start(line: str) -> str:
    m = _LINE_START.match(line)
    if not m:
        return line
    if m.group(1)[0].isdigit():  # "1. not a list": escape the full stop, not the digits
        return f"{m.group(1)}\\{line[m.end() :]}"
    return f"\\{line}"


def _lines(text: str) -> list[str]:
    return display_safe(text.replace("\r\n", "\n")).split("\n")


def escape_inline(text: str, *, cut: bool = False) -> str:
    """One piece of untrusted text as literal Markdown, on the line it is on;
    `cut`: more text follows it directly (a `&` at its end may open an entity)."""
    text = _ENTITY.sub(r"\\&", _UNDERSCORE.sub(r"\\_", _INLINE.sub(r"\\\1", display_safe(text))))
    return _ENTITY_CUT.sub(r"\\&", text) if cut else text


def escape_line(text: str) -> str:
    """Untrusted text folded onto one line (titles, names, list items)."""
    return _escape_line_start(escape_inline(single_line(text)))


def _escape_marked(text: str, mark: tuple[int, int] | None) -> str:
    """`text` escaped, with text[mark] in bold where CommonMark lets `**` open and close."""
    if mark is None:
        return escape_inline(text)
    a, b = mark
    before, inner = escape_inline(text[:a], cut=True), escape_inline(text[a:b], cut=True)
    after = escape_inline(text[b:])
    if not inner or not (_can_open(before[-1:], inner[:1]) and _can_close(inner[-1:], after[:1])):
        return before + inner + after
    return f"{before}**{inner}**{after}"


def _space(c: str) -> bool:
    return c == "" or c.isspace()  # "" is the start or end of the line


def _punct(c: str) -> bool:
    return c != "" and unicodedata.category(c)[0] in "PS"


def _can_open(prev: str, nxt: str) -> bool:  # a left-flanking delimiter run
    return not _space(nxt) and (not _punct(nxt) or _space(prev) or _punct(prev))


def _can_close(prev: str, nxt: str) -> bool:  # a right-flanking delimiter run
    return not _space(prev) and (not _punct(prev) or _space(nxt) or _punct(nxt))


def _marked_lines(text: str, mark: tuple[int, int] | None) -> list[str]:
    """Escaped lines of `text`, leading whitespace dropped (it would make a code block)."""
    lines, out, pos = _lines(text), [], 0
    for line in lines:
        end = pos + len(line)
        local = (mark[0] - pos, mark[1] - pos) if mark and pos <= mark[0] and mark[1] <= end else None
        stripped = len(line) - len(line.lstrip())
        if local:
            local = (max(0, local[0] - stripped), local[1] - stripped)
        body = line[stripped:].rstrip()
        if local and local[1] > len(body):
            local = None
        out.append(_escape_line_start(_escape_marked(body, local)))
        pos = end + 1
    return out


def block_quote(text: str, mark: tuple[int, int] | None = None) -> str:
    """A Markdown block quote that shows `text` literally, line breaks kept."""
    lines = _marked_lines(text, mark)
    out = []
    for i, line in enumerate(lines):
        if not line:
            out.append(">")
            continue
        more = i + 1 < len(lines) and lines[i + 1]
        out.append(f"> {line}" + ("\\" if more else ""))  # a backslash: a hard line break
    return "\n".join(out)


def table_cell(text: str, mark: tuple[int, int] | None = None) -> str:
    """Untrusted text for one table cell: `|` escaped, line breaks as <br>."""
    return "<br>".join(line for line in _marked_lines(text, mark) if line) or " "


# ---------------------------------------------------------------- lookups and citations


def _in_sentence(span: Span, sentence: Span) -> tuple[str, tuple[int, int] | None]:
    """The sentence's text and where `span` sits in it."""
    if sentence == span:
        return span.text, (0, len(span.text))
    return sentence.text, (span.start - sentence.start, span.end - sentence.start)


def _citation(ix: FactIndex, span: Span) -> str:
    place = ix.place_of(span.source, span.start) if span.source in ix.sources else "line ?"
    return f"{span.source}, {place}, chars {span.start}–{span.end}"


# ---------------------------------------------------------------- sections


def _quoted(ix: FactIndex, span: Span, sentence: Span | None = None) -> list[str]:
    text, mark = _in_sentence(span, ix.sentence(span, sentence))
    if mark == (0, len(text)):
        mark = None  # the quote is the fact itself: nothing to single out
    return [block_quote(text, mark), "", f"— {escape_inline(_citation(ix, span))}", ""]


def _source_md(ix: FactIndex, s: Source) -> list[str]:
    out = [f"### {escape_line(s.title or s.id)}", ""]
    facts = [f"file: {escape_line(s.id)}", f"{s.words:,} words"]
    facts += [escape_line(x) for x in (s.author, s.outlet, s.date) if x]
    out += [f"- {' · '.join(facts)}", ""]
    span = _title_span(s)
    if span is not None:
        out += _quoted(ix, span, span)
    return out


def _title_span(s: Source) -> Span | None:
    """Where the title stands in the text (else the first line), cut short on a giant one-line file."""
    title = s.title.removesuffix("…").strip()
    start = s.text.find(title) if title else -1
    if start >= 0:
        end = start + len(title)
    else:
        first = re.search(r"\S[^\n]*", s.text)
        if first is None:
            return None
        start, end = first.start(), first.end()
    end = min(end, start + TITLE_QUOTE_CHARS)
    end = start + len(s.text[start:end].rstrip())
    return Span(source=s.id, start=start, end=end, text=s.text[start:end])


def _entity_md(ix: FactIndex, e: Entity) -> list[str]:
    sources = {m.source for m in e.mentions}
    out = [f"### {escape_line(e.name)}", "", f"- kind: {e.kind}"]
    if e.aliases:
        out.append(f"- aliases: {', '.join(escape_line(a) for a in e.aliases)}")
    if e.variants:
        out.append(f"- spelled also: {', '.join(escape_line(v) for v in e.variants)}")
    out.append(f"- mentions: {len(e.mentions)} in {len(sources)} source{'s' if len(sources) != 1 else ''}")
    if e.provenance != "auto":
        out.append(f"- provenance: {e.provenance}")
    out.append("")
    for m in _spread(e.mentions, MENTIONS_QUOTED):
        out += _quoted(ix, m)
    return out


def _spread(mentions: list[Span], n: int) -> list[Span]:
    """Up to `n` mentions, one per source first: quotes from different articles say more."""
    picked: list[int] = []
    seen: set[str] = set()
    for i, m in enumerate(mentions):
        if m.source not in seen and len(picked) < n:
            seen.add(m.source)
            picked.append(i)
    picked += [i for i in range(len(mentions)) if i not in picked][: n - len(picked)]
    return [mentions[i] for i in sorted(picked)]


def _number_md(ix: FactIndex, n: Number) -> list[str]:
    shown = human_value(n.value, n.unit, n.qualifier)
    out = [f"### {escape_line(shown)}" + (f" — {escape_line(n.attribute)}" if n.attribute else ""), ""]
    details = [f"value: {escape_line(_raw(n.value))} {escape_line(n.unit)}".rstrip(), f"qualifier: {n.qualifier}"]
    if (n.low is not None or n.high is not None) and n.low != n.high:  # only a hedged value has a span
        details.append(f"interval: {_bound(n.low)} to {_bound(n.high)}")
    details += [f"{k}: {escape_line(v)}" for k, v in (("attribute", n.attribute), ("period", n.period)) if v]
    if n.subject:
        details.append(f"about: {escape_line(ix.name_of(n.subject))}")
    if n.provenance != "auto":
        details.append(f"provenance: {n.provenance}")
    if n.attribution is not None:
        details.append(f"said by: {escape_line(attribution_label(n.attribution))}")
    out += [f"- {d}" for d in details] + [""]
    out += _quoted(ix, n.span, n.sentence)
    return out + (_timeline_md(ix, n.attribute, n.subject, n.period) if n.attribute else [])


def _timeline_md(ix: FactIndex, attribute: str, subject: str, period: str = "") -> list[str]:
    """The claims of the attribute in date order, when there is more than one."""
    entries = ix.timeline(attribute + (f" ({period})" if period else ""), subject)
    if len(entries) < 2:
        return []
    out = [f"Timeline of {escape_line(attribute)}:", ""]
    for e in entries[:TIMELINE_ROWS]:
        when = e.date or "undated"
        value = human_value(e.claim.value, e.claim.unit, e.claim.qualifier) if e.claim.value is not None else ""
        line = f"{when} · {e.status or 'reported'} · {value} — {_citation(ix, e.claim.span)}"
        if e.note:
            line += f" ({e.note})"
        out.append(f"- {escape_line(line)}")
    if len(entries) > TIMELINE_ROWS:
        out.append(f"- … and {len(entries) - TIMELINE_ROWS} more")
    return [*out, ""]


def _raw(v: float | str) -> str:
    # 2012.0 -> "2012": as the contract's JSON writes it
    return str(int(v)) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else str(v)


def _bound(v: float | None) -> str:
    return "…" if v is None else _plain_number(v)


def _claim_row(ix: FactIndex, c: Claim) -> str:
    text, mark = _in_sentence(c.span, ix.claim_sentence(c))
    where = escape_inline(_citation(ix, c.span)) + (" (curated)" if c.provenance != "auto" else "")
    value = human_value(c.value, c.unit, c.qualifier) if c.value is not None else c.span.text
    return f"| {where} | {table_cell(text, mark)} | {table_cell(value)} |"


def _conflict_md(ix: FactIndex, c: Conflict) -> list[str]:
    out = [f"### {escape_line(c.attribute or c.id)} — {c.verdict}", ""]
    verdict = f"**Verdict: {c.verdict}**" + (f": {escape_line(c.explanation)}" if c.explanation else "")
    meta = [f"kind: {c.kind}", f"provenance: {c.provenance}"]
    if c.subject:
        meta.append(f"about: {escape_line(ix.name_of(c.subject))}")
    out += [verdict, "", " · ".join(meta), "", "| Source | Claim | Value |", "| --- | --- | --- |"]
    out += [_claim_row(ix, cl) for cl in c.claims]
    out += ["", *_sourcing_md(ix, c)]
    if c.kind == "numeric":
        note = ix.update_note(c)
        if note:
            out += [f"_{escape_line(note)}_", ""]
        out += _timeline_md(ix, c.attribute, c.subject)
    return out


def _sourcing_md(ix: FactIndex, c: Conflict) -> list[str]:
    """Who says each value, and how many independent origins back it."""
    outlets = ix.outlets
    out = ["Sourcing (independent origins per value, best sourced first):", ""]
    for label, count, score in conflict_sourcing(c, outlets):
        claims = [x for x in c.claims if _value_label(x) == label]
        names = ", ".join(origins(claims, outlets))
        plural = "s" if count != 1 else ""
        out.append(f"- {escape_line(label)}: {count} origin{plural} (score {score:g}) — {escape_line(names)}")
    return [*out, ""]


def _value_label(c: Claim) -> str:
    return format_claim(c.value, c.unit, c.qualifier) if c.value is not None else c.span.text


def _check_md(ix: FactIndex, c: Check) -> list[str]:
    implied = format_value(c.implied, c.unit)
    out = [f"### {escape_line(c.kind)}: {escape_line(implied)} {escape_line(c.attribute)}", ""]
    out += [f"**{escape_line(c.explanation)}**", ""]
    gap = f"gap to the nearest reported value: {c.gap:.1%}" if c.gap is not None else "nothing reported to compare"
    out += [f"kind: {escape_line(c.kind)} · provenance: {c.provenance} · {gap}", ""]
    out += ["| Role | Source | Claim | Value |", "| --- | --- | --- | --- |"]
    for role, claims in (("input", c.inputs), ("confirms", c.confirms), ("contradicts", c.contradicts)):
        out += [f"| {role} {_claim_row(ix, cl)}" for cl in claims]
    return [*out, ""]


_RENDER: dict[FactKind, Callable[[FactIndex, Any], list[str]]] = {
    "source": _source_md,
    "entity": _entity_md,
    "number": _number_md,
    "conflict": _conflict_md,
    "check": _check_md,
}


# ---------------------------------------------------------------- the document


def _count(n: int, kind: FactKind) -> str:
    return f"{n} {kind if n == 1 else BY_NAME[kind].plural}"


def _header(fb: FactBase, found: dict[FactKind, list[Fact]], missing: int, now: dt.datetime) -> list[str]:
    corpus = escape_line(fb.corpus or "corpus")
    sizes = f"{len(fb.sources)} sources, {len(fb.entities)} entities, {len(fb.numbers)} numbers, "
    sizes += f"{len(fb.conflicts)} conflicts" + (f", {len(fb.checks)} checks" if fb.checks else "")
    counts = ", ".join(_count(len(found[k]), k) for k in KIND_NAMES if found[k])
    total = sum(len(v) for v in found.values())
    out = [
        f"# Facts from {corpus}",
        "",
        f"- exported: {now.isoformat(timespec='seconds')}",
        f"- corpus: {corpus} ({sizes})",
        f"- facts: {total}" + (f" ({counts})" if counts else ""),
    ]
    if missing:
        out.append(f"- not exported: {missing} selected fact{'s' if missing != 1 else ''} no longer in the corpus")
    return [*out, ""]


def render_markdown(
    fb: FactBase, refs: Iterable[FactRef], *, now: dt.datetime | None = None, index: FactIndex | None = None
) -> str:
    """The selected facts as Markdown: a section per kind, each fact quoted and cited.
    `index`: the fact base's FactIndex, when the caller holds one already."""
    now = now or dt.datetime.now(dt.UTC).astimezone()
    ix = index or FactIndex.build(fb)
    found: dict[FactKind, list[Fact]] = {k: [] for k in KIND_NAMES}
    missing = 0
    for ref in dict.fromkeys(refs):  # each fact once, in the order selected
        fact = ix.get(ref)
        if fact is None:
            missing += 1
        else:
            found[ref[0]].append(fact)
    out = _header(fb, found, missing, now)
    for kind in KIND_NAMES:
        if found[kind]:
            out += [f"## {BY_NAME[kind].title} ({len(found[kind])})", ""]
            for shown in found[kind]:
                out += _RENDER[kind](ix, shown)
    if not any(found.values()):
        out += ["_No facts selected._", ""]
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- one line, for the clipboard


def fact_line(fb: FactBase, ref: FactRef, index: FactIndex | None = None) -> str:
    """One plain line for a fact with its citation (the copy key). Display-safe.
    `index`: the fact base's FactIndex, when the caller holds one already."""
    ix = index or FactIndex.build(fb)
    fact = ix.get(ref)
    if fact is None:
        return ""
    if isinstance(fact, Number):
        what = human_value(fact.value, fact.unit, fact.qualifier) + (f" {fact.attribute}" if fact.attribute else "")
        line = f'{what}: "{fact.span.text}" — {_citation(ix, fact.span)}'
    elif isinstance(fact, Entity):
        aliases = f"; also {', '.join(fact.aliases)}" if fact.aliases else ""
        first = f" — first: {_citation(ix, fact.mentions[0])}" if fact.mentions else ""
        line = f"{fact.name} ({fact.kind}{aliases}): {len(fact.mentions)} mentions{first}"
    elif isinstance(fact, Check):
        inputs = ", ".join(_claim_words(ix, c) for c in fact.inputs)
        line = f"{fact.kind}: {fact.explanation} — from {inputs}"
    elif isinstance(fact, Conflict):
        claims = " vs ".join(_claim_words(ix, c) for c in fact.claims)
        line = f"{fact.attribute}: {fact.verdict}" + (f" ({fact.explanation})" if fact.explanation else "")
        line += f" — {claims}"
    else:
        extra = ", ".join(x for x in (fact.outlet, fact.date) if x)
        line = f"{fact.title or fact.id} — {fact.id}" + (f" ({extra})" if extra else "") + f", {fact.words:,} words"
    return single_line(line)


def _claim_words(ix: FactIndex, c: Claim) -> str:
    value = human_value(c.value, c.unit, c.qualifier) if c.value is not None else ""
    quoted = f'"{c.span.text}"'
    return f"{value} {quoted}".strip() + f" ({_citation(ix, c.span)})"
