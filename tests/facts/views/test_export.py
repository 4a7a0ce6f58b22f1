"""The export: every selected fact quoted exactly and cited by source and paragraph.

`deal_factbase()` is a small hand-built fact base (our own sentences about a
made-up deal, plus one hostile article); the search and screen tests use it too.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facts.model import Claim, Conflict, Entity, FactBase, Number, Source, Span
from facts.text import display_safe
from facts.views.export import code_span, escape_inline, fact_line, fenced, render, render_markdown

NOW = dt.datetime(2031, 4, 5, 9, 30, tzinfo=dt.UTC)

ARTICLE_A = (
    "Northwind Capital to buy Quillfield Robotics\n"
    "By a staff writer\n"
    "\n"
    "Northwind Capital will pay $2.4 billion for Quillfield Robotics, the two firms said on Monday.\n"
    "The warehouse robot maker was valued at roughly $1.9 billion last spring.\n"
    "Priya Ramaswamy founded Quillfield in 2011 after leaving a university lab.\n"
)
ARTICLE_B = (
    "Northwind nears a deal for Quillfield\n"
    "\n"
    "People close to the talks said Northwind would spend more than $2 billion on a 40% stake in Quillfield.\n"
    "Priya Ramaswami, who started the company in 2012, did not reply to questions.\n"
)
# Hostile text: markup, Markdown syntax, HTML, an ANSI escape, a pipe, a sentence over two lines.
ARTICLE_C = (
    "Odd [bold]headline[/] | with # marks\n"
    "\n"
    "A *loud* note: `rm -rf` <script>alert(1)</script> put the price at $2.5 billion | maybe\x1b[31m red\n"
    "# not a heading\n"
    "- not a list\n"
    "1. not numbered\n"
)
TEXTS = {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B, "c.txt": ARTICLE_C}


def span(source: str, quote: str, occurrence: int = 1, after: str = "") -> Span:
    text = TEXTS[source]
    start = text.index(after) if after else -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return Span(source=source, start=start, end=start + len(quote), text=quote)


def sentence_of(s: Span) -> Span:
    text = TEXTS[s.source]
    start = text.rfind("\n", 0, s.start) + 1
    end = text.index("\n", s.end)
    return Span(source=s.source, start=start, end=end, text=text[start:end])


def number(source: str, quote: str, value: float, unit: str, attribute: str, qualifier: str = "exact") -> Number:
    s = span(source, quote)
    return Number(
        id=f"n:{source}:{s.start}",
        span=s,
        value=value,
        unit=unit,
        qualifier=qualifier,  # type: ignore[arg-type]
        attribute=attribute,
        sentence=sentence_of(s),
    )


def claim(n: Number, provenance: str = "auto") -> Claim:
    return Claim.of_number(n, provenance)  # type: ignore[arg-type]


def deal_factbase() -> FactBase:
    sources = [
        Source(
            id=sid,
            path=f"/corpus/{sid}",
            title=text.split("\n")[0],
            chars=len(text),
            words=len(text.split()),
            text=text,
        )
        for sid, text in TEXTS.items()
    ]
    sources[0].outlet, sources[0].date = "The Ledger", "2031-03-02"
    numbers = [
        number("a.txt", "$2.4 billion", 2.4e9, "USD", "deal value"),
        number("a.txt", "$1.9 billion", 1.9e9, "USD", "valuation", "approx"),
        number("a.txt", "2011", 2011, "year", "founding year"),
        number("b.txt", "$2 billion", 2e9, "USD", "deal value", "over"),
        number("b.txt", "40%", 40, "percent", "stake"),
        number("b.txt", "2012", 2012, "year", "founding year"),
        number("c.txt", "$2.5 billion", 2.5e9, "USD", "deal value"),
    ]
    n = {x.span.text: x for x in numbers}
    # the hostile sentence runs over a line break
    hostile = n["$2.5 billion"]
    start = hostile.sentence.start
    hostile.sentence = Span(source="c.txt", start=start, end=ARTICLE_C.index("heading") + 7, text="")
    hostile.sentence = Span(
        source="c.txt", start=start, end=hostile.sentence.end, text=ARTICLE_C[start : hostile.sentence.end]
    )
    entities = [
        Entity(
            id="quillfield-robotics",
            name="Quillfield Robotics",
            kind="organisation",
            aliases=["Quillfield"],
            mentions=[
                span("a.txt", "Quillfield Robotics"),
                span("a.txt", "Quillfield", 3),
                span("b.txt", "Quillfield"),
            ],
        ),
        Entity(
            id="priya-ramaswamy",
            name="Priya Ramaswamy",
            kind="person",
            variants=["Priya Ramaswami"],
            mentions=[span("a.txt", "Priya Ramaswamy"), span("b.txt", "Priya Ramaswami")],
        ),
        Entity(id="northwind-capital", name="Northwind Capital", kind="organisation", aliases=["Northwind"]),
    ]
    conflicts = [
        Conflict(
            id="founding-year",
            attribute="founding year",
            verdict="contradiction",
            explanation="2011 vs 2012 cannot both hold",
            claims=[claim(n["2011"]), claim(n["2012"])],
        ),
        Conflict(
            id="deal-value",
            attribute="deal value",
            verdict="compatible",
            explanation="over $2B is compatible with $2.4B",
            claims=[claim(n["$2 billion"]), claim(n["$2.4 billion"]), claim(n["$2.5 billion"], "curated")],
            provenance="curated",
        ),
    ]
    return FactBase(corpus="quillfield-deal", sources=sources, numbers=numbers, entities=entities, conflicts=conflicts)


ALL_REFS = [("number", "n:a.txt:" + str(ARTICLE_A.index("$2.4 billion")))]


EVERY_REF = [("source", sid) for sid in TEXTS] + [
    *(("entity", e) for e in ("quillfield-robotics", "priya-ramaswamy", "northwind-capital")),
    *(("conflict", c) for c in ("founding-year", "deal-value")),
]
RENDER = MarkdownIt("commonmark").enable("table")


def every_ref(fb: FactBase) -> list[tuple[str, str]]:
    return [*EVERY_REF, *(("number", n.id) for n in fb.numbers)]


def rendered_quotes(md: str) -> list[str]:
    """Each quote as a Markdown reader shows it: the text of every fenced block."""
    return [t.content.removesuffix("\n") for t in RENDER.parse(md) if t.type == "fence"]


def test_export_has_title_date_and_corpus():
    fb = deal_factbase()
    md = render_markdown(fb, ALL_REFS, now=NOW)
    assert md.startswith("# Facts from quillfield-deal\n")
    assert "- exported: 2031-04-05T09:30:00+00:00" in md
    assert "- corpus: quillfield-deal (3 sources, 3 entities, 7 numbers, 2 conflicts)" in md
    assert "- facts: 1 (1 number)" in md


def test_number_quotes_its_sentence_exactly_and_shows_the_figure_beside_it():
    fb = deal_factbase()
    md = render_markdown(fb, [("number", fb.numbers[0].id)], now=NOW)
    assert "### \\$2.4B — deal value" in md
    assert "Figure: `$2.4 billion` — source 1, paragraph 3:" in md
    sentence = "Northwind Capital will pay $2.4 billion for Quillfield Robotics, the two firms said on Monday."
    assert f"```text\n{sentence}\n```" in md  # no escapes, no bold marks inside the quotation
    assert rendered_quotes(md) == [sentence]


def test_sources_are_cited_by_title_outlet_and_date_in_a_numbered_list_at_the_end():
    fb = deal_factbase()
    fb.sources[0].author = "Ines Okafor"
    refs = [("number", fb.numbers[3].id), ("number", fb.numbers[0].id)]
    md = render_markdown(fb, refs, now=NOW)
    sources = md[md.index("## Sources (3)") :]  # the deal value timeline cites c.txt too
    assert "1. “Northwind nears a deal for Quillfield”, undated — file `b.txt`" in sources
    assert "2. “Northwind Capital to buy Quillfield Robotics”, The Ledger, by Ines Okafor, 2 Mar 2031" in sources
    assert "— source 2, paragraph 3:" in md and "— source 1, paragraph 2:" in md
    assert "chars" not in md and "line " not in md  # no offsets a reader cannot use


def test_every_exported_quote_is_in_its_article_character_for_character():
    fb = deal_factbase()
    md = render_markdown(fb, every_ref(fb), now=NOW)
    quotes = rendered_quotes(md)
    assert len(quotes) > 10
    for q in quotes:
        assert any(q in display_safe(t) for t in TEXTS.values()), q
    hostile = next(q for q in quotes if "<script>" in q)
    assert hostile.startswith("A *loud* note: `rm -rf` <script>alert(1)</script> put the price at $2.5 billion")


def test_hostile_text_outside_quotes_is_escaped_and_inside_is_inert():
    fb = deal_factbase()
    md = render_markdown(fb, every_ref(fb), now=NOW)
    page = RENDER.render(md)
    assert "<script>" not in page and "\x1b" not in md
    assert "### Odd \\[bold\\]headline\\[/\\] \\| with \\# marks" in md
    assert set(re.findall(r"<(\w+)", page)) <= {"h1", "h2", "h3", "ul", "ol", "li", "p", "pre", "code", "em"}


def test_one_timeline_per_measure_however_many_facts_share_it():
    fb = deal_factbase()
    deal = [("number", n.id) for n in fb.numbers if n.attribute == "deal value"]
    md = render_markdown(fb, [*deal, ("conflict", "deal-value")], now=NOW)
    assert md.count("## Timelines (1)") == 1
    assert md.count("### deal value\n") == 1
    assert md.count("- timeline: see “deal value” under Timelines") == len(deal) + 1


def test_sections_follow_the_pane_order_and_keep_the_selection_order_within_a_kind():
    fb = deal_factbase()
    refs = [("conflict", "deal-value"), ("number", fb.numbers[4].id), ("number", fb.numbers[1].id), ("source", "b.txt")]
    md = render_markdown(fb, refs, now=NOW)
    heads = re.findall(r"^## (\w+)", md, re.M)
    assert heads == ["Sources", "Numbers", "Conflicts", "Timelines", "Sources"]
    assert md.index("40% — stake") < md.index("about \\$1.9B — valuation")


def test_conflict_states_its_verdict_then_quotes_each_claim_with_its_value():
    fb = deal_factbase()
    md = render_markdown(fb, [("conflict", "deal-value")], now=NOW)
    assert "### deal value — compatible" in md
    assert "- verdict: compatible: over \\$2B is compatible with \\$2.4B" in md
    assert "- provenance: curated" in md
    assert "Claim 1: over \\$2B, as written `$2 billion` — source 1, paragraph 2:" in md
    assert "Claim 3: \\$2.5B (curated), as written `$2.5 billion`" in md
    assert md.index("- verdict:") < md.index("Claim 1")


def test_a_fact_no_longer_in_the_corpus_is_counted_not_crashed_on():
    fb = deal_factbase()
    md = render_markdown(fb, [("entity", "gone"), ("entity", "priya-ramaswamy")], now=NOW)
    assert "not exported: 1 selected fact no longer in the corpus" in md
    assert "### Priya Ramaswamy" in md


def test_an_empty_selection_says_so():
    assert "_No facts selected._" in render_markdown(deal_factbase(), [], now=NOW)


def test_fact_line_is_one_plain_line_with_its_sentence_and_citation():
    fb = deal_factbase()
    line = fact_line(fb, ("number", fb.numbers[1].id))
    assert line == (
        "about $1.9B valuation: “The warehouse robot maker was valued at roughly $1.9 billion last spring.” "
        "(“Northwind Capital to buy Quillfield Robotics”, The Ledger, 2 Mar 2031, paragraph 4)"
    )
    conflict = fact_line(fb, ("conflict", "founding-year"))
    assert conflict.startswith("founding year: contradiction (2011 vs 2012 cannot both hold) — 2011")
    assert "\n" not in fact_line(fb, ("source", "c.txt"))
    assert fact_line(fb, ("entity", "nobody")) == ""


def test_fact_line_never_carries_terminal_escapes_to_the_clipboard():
    fb = deal_factbase()
    hostile = fact_line(fb, ("number", fb.numbers[6].id)) + fact_line(fb, ("source", "c.txt"))
    assert "\x1b" not in hostile and "[bold]headline[/]" in hostile


def test_a_number_names_the_entity_it_is_about_and_its_interval_only_when_hedged():
    fb = deal_factbase()
    fb.numbers[3].subject, fb.numbers[3].low = "quillfield-robotics", 2e9
    md = render_markdown(fb, [("number", n.id) for n in fb.numbers[:4]], now=NOW)
    assert "- about: Quillfield Robotics" in md
    assert md.count("- interval:") == 1 and "- interval: 2,000,000,000 to …" in md


# ---------------------------------------------------------------- CSV and JSON: the same content
def test_csv_and_json_carry_the_same_quotes_citations_and_sources_as_markdown():
    fb = deal_factbase()
    refs = every_ref(fb)
    md_quotes = rendered_quotes(render(fb, refs, "md", now=NOW))
    rows = list(csv.DictReader(io.StringIO(render(fb, refs, "csv", now=NOW))))
    data = json.loads(render(fb, refs, "json", now=NOW))
    csv_quotes = [r["quote"] for r in rows if r["record"] == "fact" and r["quote"]]
    json_quotes = [q["text"] for f in data["facts"] for q in f["quotes"]]
    assert md_quotes == json_quotes == [q.removeprefix("'") for q in csv_quotes]
    assert [s["citation"] for s in data["sources"]] == [r["fact"] for r in rows if r["record"] == "source"]
    assert {r["title"] for r in data["timelines"]} == {r["fact"] for r in rows if r["record"] == "timeline"}
    assert data["facts"][0]["quotes"][0]["cited"] == "source 1, paragraph 1"


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_defused():
    text = "=HYPERLINK(1) paid $3 million.\n"
    s = Span(source="f.txt", start=text.index("$3"), end=text.index("$3") + 10, text="$3 million")
    fb = FactBase(
        corpus="c",
        sources=[Source(id="f.txt", path="f.txt", title="@SUM(1)", text=text)],
        numbers=[Number(id="n1", span=s, value=3e6, unit="USD")],
    )
    rows = list(csv.reader(io.StringIO(render(fb, [("number", "n1"), ("source", "f.txt")], "csv", now=NOW))))
    assert all(not cell.startswith(("=", "@", "+", "-")) for row in rows for cell in row)
    assert any(cell == "'=HYPERLINK(1) paid $3 million." for row in rows for cell in row)


# ---------------------------------------------------------------- rendered by a real Markdown parser
SPECIALS = "\\`*_[]<>#|~$&!-+=.()0123456789 \t\n\r\x1b\x00\u202e\u200b"
MARKUP = st.sampled_from([*SPECIALS, "&amp;", "&#65;", "**", "1. ", "```", "~~~"])
HOSTILE_TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_any_quote_renders_as_exactly_its_characters_in_one_block(text):
    text = display_safe(text)
    tokens = RENDER.parse(fenced(text))
    assert [t.type for t in tokens] == ["fence"]
    assert tokens[0].content == text + "\n"


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_any_figure_renders_as_exactly_its_characters_on_one_line(text):
    shown = " ".join(display_safe(text).split())
    if not shown:
        return
    html_text = RENDER.renderInline(code_span(shown))
    assert html_text.startswith("<code>") and html_text.endswith("</code>")
    assert html.unescape(html_text.removeprefix("<code>").removesuffix("</code>")) == shown


@settings(max_examples=200, deadline=None)
@given(HOSTILE_TEXT, st.integers(0, 40), st.integers(1, 12))
def test_any_article_exports_its_number_in_a_quote_the_article_holds(text, at, length):
    text = "Start. " + text + " tail"
    start = min(at, len(text) - 1)
    end = min(len(text), start + length)
    s = Span(source="x.txt", start=start, end=end, text=text[start:end])
    fb = FactBase(
        corpus="c",
        sources=[Source(id="x.txt", path="x.txt", title=text[:20], text=text)],
        numbers=[Number(id="n1", span=s, value=1.0, unit="count")],
    )
    md = render_markdown(fb, [("number", "n1"), ("source", "x.txt")], now=NOW)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", md)
    for quote in rendered_quotes(md):
        assert quote in display_safe(text)
    assert re.search(r"— source 1, paragraph \d+:", md)


def test_escaping_outside_quotes_keeps_entities_and_maths_dollars_literal():
    assert escape_inline("AT&amp;T paid $5 and $6") == "AT\\&amp;T paid \\$5 and \\$6"
    assert escape_inline("R&D") == "R&D"
