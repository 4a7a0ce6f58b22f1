"""The Markdown export: every selected fact quoted exactly and cited where it stands.

`deal_factbase()` is a small hand-built fact base (our own sentences about a
made-up deal, plus one hostile article); the search and screen tests use it too.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facts.model import Claim, Conflict, Entity, FactBase, Number, Source, Span
from facts.text import display_safe
from facts.views.export import block_quote, escape_inline, fact_line, render_markdown, table_cell

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


def unescape(md: str) -> str:
    """What a Markdown renderer shows for escaped text (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", md)


ALL_REFS = [("number", "n:a.txt:" + str(ARTICLE_A.index("$2.4 billion")))]


def test_export_has_title_date_and_corpus():
    fb = deal_factbase()
    md = render_markdown(fb, ALL_REFS, now=NOW)
    assert md.startswith("# Facts from quillfield-deal\n")
    assert "- exported: 2031-04-05T09:30:00+00:00" in md
    assert "- corpus: quillfield-deal (3 sources, 3 entities, 7 numbers, 2 conflicts)" in md
    assert "- facts: 1 (1 number)" in md


def test_number_is_quoted_in_its_sentence_with_line_and_offsets_that_match_the_article():
    fb = deal_factbase()
    n = fb.numbers[0]
    md = render_markdown(fb, [("number", n.id)], now=NOW)
    assert "## Numbers (1)" in md
    assert "### \\$2.4B — deal value" in md
    assert (
        "> Northwind Capital will pay **\\$2.4 billion** for Quillfield Robotics, the two firms said on Monday." in md
    )
    cite = re.search(r"— a\.txt, line (\d+), chars (\d+)–(\d+)", md)
    line, start, end = (int(g) for g in cite.groups())
    assert ARTICLE_A[start:end] == "$2.4 billion"
    assert ARTICLE_A.split("\n")[line - 1].startswith("Northwind Capital will pay")


def test_sections_follow_the_pane_order_and_keep_the_selection_order_within_a_kind():
    fb = deal_factbase()
    refs = [("conflict", "deal-value"), ("number", fb.numbers[4].id), ("number", fb.numbers[1].id), ("source", "b.txt")]
    md = render_markdown(fb, refs, now=NOW)
    heads = re.findall(r"^## (\w+)", md, re.M)
    assert heads == ["Sources", "Numbers", "Conflicts"]
    assert md.index("40% — stake") < md.index("about \\$1.9B — valuation")


def test_conflict_is_a_table_of_source_claim_value_with_verdict_and_provenance():
    fb = deal_factbase()
    md = render_markdown(fb, [("conflict", "deal-value")], now=NOW)
    assert "### deal value — compatible" in md
    assert "**Verdict: compatible**: over \\$2B is compatible with \\$2.4B" in md
    assert "provenance: curated" in md
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Source | Claim | Value |"
    assert len(rows) == 5  # the header, its rule and one row per claim
    for row in rows:
        # escaped pipes never split a cell: exactly four unescaped pipes per row
        assert len(re.findall(r"(?<!\\)\|", row)) == 4
    assert "over \\$2B" in rows[2] and "**\\$2 billion**" in rows[2]
    assert "(curated)" in rows[4]


def test_hostile_quote_is_escaped_so_it_renders_what_the_article_said():
    fb = deal_factbase()
    hostile = fb.numbers[6]
    md = render_markdown(fb, [("number", hostile.id), ("source", "c.txt")], now=NOW)
    assert "<script>" not in md and "[bold]" not in md and "\x1b" not in md
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "A \\*loud\\* note: \\`rm -rf\\`" in md
    assert "\\| maybe␛\\[31m red\\" in md  # the escape made visible, the line break kept
    assert "> \\# not a heading" in md
    assert "### Odd \\[bold\\]headline\\[/\\] \\| with \\# marks" in md
    # unescaped, the quote is the article's text (with the escape character made visible)
    quote = next(line[2:] for line in md.splitlines() if line.startswith("> A "))
    assert unescape(quote.replace("**", "")).rstrip("\\") == ARTICLE_C.split("\n")[2].replace("\x1b", "␛")


def test_a_quote_with_newlines_stays_inside_its_block_quote():
    md = block_quote("first line\n# second\n\n- third")
    assert md.splitlines() == ["> first line\\", "> \\# second", ">", "> \\- third"]


def test_a_pipe_or_line_break_in_a_table_cell_does_not_break_the_table():
    assert table_cell("a | b\nc") == "a \\| b<br>c"


def test_html_entities_and_maths_dollars_are_shown_literally():
    assert escape_inline("AT&amp;T paid $5 and $6") == "AT\\&amp;T paid \\$5 and \\$6"
    assert escape_inline("R&D") == "R&D"


def test_entity_lists_kind_aliases_mention_count_and_quotes_mentions_from_each_source():
    fb = deal_factbase()
    md = render_markdown(fb, [("entity", "quillfield-robotics")], now=NOW)
    assert "### Quillfield Robotics" in md
    assert "- kind: organisation" in md and "- aliases: Quillfield" in md
    assert "- mentions: 3 in 2 sources" in md
    cites = re.findall(r"— ([ab])\.txt, line (\d+), chars (\d+)–(\d+)", md)
    assert {c[0] for c in cites} == {"a", "b"}
    for source, _, start, end in cites:
        assert TEXTS[f"{source}.txt"][int(start) : int(end)].startswith("Quillfield")


def test_source_is_quoted_by_its_first_line():
    fb = deal_factbase()
    md = render_markdown(fb, [("source", "a.txt")], now=NOW)
    assert "### Northwind Capital to buy Quillfield Robotics" in md
    assert "file: a.txt · " in md and "The Ledger" in md and "2031-03-02" in md
    assert "> Northwind Capital to buy Quillfield Robotics\n\n— a.txt, line 1, chars 0–44" in md


def test_a_fact_no_longer_in_the_corpus_is_counted_not_crashed_on():
    fb = deal_factbase()
    md = render_markdown(fb, [("number", "n:gone.txt:1"), ("entity", "priya-ramaswamy")], now=NOW)
    assert "not exported: 1 selected fact no longer in the corpus" in md
    assert "### Priya Ramaswamy" in md


def test_an_empty_selection_says_so():
    assert "_No facts selected._" in render_markdown(deal_factbase(), [], now=NOW)


def test_fact_line_is_one_plain_line_with_its_citation():
    fb = deal_factbase()
    line = fact_line(fb, ("number", fb.numbers[1].id))
    start = ARTICLE_A.index("$1.9 billion")
    assert line == f'about $1.9B valuation: "$1.9 billion" — a.txt, line 5, chars {start}–{start + 12}'
    conflict = fact_line(fb, ("conflict", "founding-year"))
    assert conflict.startswith("founding year: contradiction (2011 vs 2012 cannot both hold) — 2011")
    assert "\n" not in fact_line(fb, ("source", "c.txt"))
    assert fact_line(fb, ("entity", "nobody")) == ""


def test_fact_line_never_carries_terminal_escapes_to_the_clipboard():
    fb = deal_factbase()
    hostile = fact_line(fb, ("source", "c.txt"))
    assert "\x1b" not in hostile and "[bold]headline[/]" in hostile


def test_lines_that_look_like_lists_or_headings_stay_plain_text_in_a_quote():
    md = render_markdown(deal_factbase(), [("number", "n:c.txt:" + str(ARTICLE_C.index("$2.5")))], now=NOW)
    assert "- value: 2500000000 USD" in md
    quote = block_quote(ARTICLE_C[ARTICLE_C.index("- not") :])
    assert quote.splitlines()[:2] == ["> \\- not a list\\", "> 1\\. not numbered"]


# ---------------------------------------------------------------- rendered by a real Markdown parser
SPECIALS = "\\`*_[]<>#|~$&!-+=.()0123456789 \t\n\r\x1b\x00\u202e\u200b"
MARKUP = st.sampled_from([*SPECIALS, "&amp;", "&#65;", "**", "1. "])
HOSTILE_TEXT = st.lists(st.one_of(MARKUP, st.text(max_size=4)), max_size=40).map("".join)
RENDER = MarkdownIt("commonmark").enable("table")


def shown(html_fragment: str) -> str:
    """The text a reader sees in rendered HTML: tags dropped, <br> as a line break."""
    text = re.sub(r"<br ?/?>\n?", "\n", html_fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def expected_paragraphs(text: str) -> list[str]:
    lines = [line.strip() for line in display_safe(text.replace("\r\n", "\n")).split("\n")]
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_any_quote_renders_as_exactly_its_text_inside_one_block_quote(text):
    rendered = RENDER.render(block_quote(text))
    if not expected_paragraphs(text):
        return
    assert rendered.startswith("<blockquote>\n") and rendered.endswith("</blockquote>\n")
    assert set(re.findall(r"<(\w+)", rendered)) <= {"blockquote", "p", "br"}
    paragraphs = re.findall(r"<p>(.*?)</p>", rendered, re.S)
    assert [shown(p) for p in paragraphs] == expected_paragraphs(text)


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_any_text_in_a_table_cell_stays_in_its_cell(left, right):
    table = f"| A | B |\n| --- | --- |\n| {table_cell(left)} | {table_cell(right)} |\n"
    cells = re.findall(r"<td>(.*?)</td>", RENDER.render(table), re.S)
    assert [shown(c) for c in cells] == ["\n".join(expected_paragraphs(t)).replace("\n\n", "\n") for t in (left, right)]


@settings(max_examples=200, deadline=None)
@given(HOSTILE_TEXT, st.integers(0, 40), st.integers(1, 12))
def test_any_article_exports_its_number_quote_and_a_true_citation(text, at, length):
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
    cites = [tuple(int(g) for g in m) for m in re.findall(r"— x\.txt, line (\d+), chars (\d+)–(\d+)", md)]
    assert (text.count("\n", 0, start) + 1, start, end) in cites  # the number's own citation
    for line, a, _ in cites:
        assert line == text.count("\n", 0, a) + 1


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT, st.integers(0, 60), st.integers(0, 20))
def test_a_highlighted_value_never_changes_what_the_quote_says(text, at, length):
    text = "x " + text
    mark = (min(at, len(text)), min(len(text), at + length))
    rendered = RENDER.render(block_quote(text, mark))
    if not expected_paragraphs(text):
        return
    assert set(re.findall(r"<(\w+)", rendered)) <= {"blockquote", "p", "br", "strong"}
    assert [shown(p) for p in re.findall(r"<p>(.*?)</p>", rendered, re.S)] == expected_paragraphs(text)


def test_a_number_names_the_entity_it_is_about_and_its_interval_only_when_hedged():
    fb = deal_factbase()
    fb.numbers[0].subject = "quillfield-robotics"
    fb.numbers[0].low = fb.numbers[0].high = 2.4e9
    fb.numbers[3].low, fb.numbers[3].high = 2e9, None
    md = render_markdown(fb, [("number", fb.numbers[0].id), ("number", fb.numbers[3].id)], now=NOW)
    assert "- about: Quillfield Robotics" in md
    assert md.count("- interval:") == 1 and "- interval: 2,000,000,000 to …" in md
