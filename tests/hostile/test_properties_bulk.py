"""Ten thousand generated, realistically hostile articles through the whole
pipeline: extraction, search and export never raise, every span quotes its
source exactly, and nothing a terminal or a Markdown viewer would act on
leaks into what people see.

Documents mix deal sentences (figures, currencies, hedges, capitalised names)
with markup, escapes, control characters and random unicode. Many documents
run per example so the corpus-wide steps (resolution, conflicts) see crowds.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facts.build import build, extract_source
from facts.model import FactBase, Span
from facts.read.corpus import Corpus, make_source
from facts.text import display_safe
from facts.views.export import render_markdown
from facts.views.search import SearchIndex

EXAMPLES = 200
DOCS_PER_EXAMPLE = 50  # 200 x 50 = 10,000 documents
SHOWN_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff]")
RENDER = MarkdownIt("commonmark").enable("table")

FIRST = ["Oriel", "Tamsin", "Brannock", "Ysolde", "Quintus", "Marisol", "Dr. Fenwick", "Ms. Calloway"]
LAST = ["Harrowgate", "Vantablue", "Okafor-Lind", "Sødergren", "McAllister", "O'Rourke", "Zhou", "Ibáñez"]
FIRMS = ["Copperleaf Systems", "Nimbus Freight Inc.", "Aldergrove Capital", "Kestrel & Vane LLC", "Polaris Mutual"]
AMOUNTS = ["$2.5 billion", "US$310 million", "€40m", "£1.2bn", "¥80 billion", "$14", "3,400", "27%", "49 per cent"]
HEDGES = ["about ", "nearly ", "more than ", "up to ", "roughly ", "over ", "", "", "between $1 and "]
VERBS = ["agreed to buy", "will invest", "valued", "paid", "raised", "employs", "bought a stake in", "merged with"]
DATES = ["in 2019", "on 3 March 2026", "last June", "in Q3 2024", "by 2030", "on 2025-06-09", ""]
HOSTILE = [
    "[bold]", "[/]", "[link=https://x.example]", "[@click=app.quit]", "[/link]", "**", "_", "`", "# ", "| ", "<b>",
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b]8;;https://x.example\x1b\\", "\x1b]52;c;eA==\x07", "\x1b]0;t\x07",
    "\u202e", "\u2066", "\u200b", "\ufeff", "\x00", "\x07", "\x08", "\x0c", "\x7f", "\x9b", "\t", "\r\n", "\n\n",
]  # fmt: skip

name = st.builds(lambda f, ln: f"{f} {ln}", st.sampled_from(FIRST), st.sampled_from(LAST))
party = st.one_of(name, st.sampled_from(FIRMS))
deal_sentence = st.builds(
    lambda a, v, h, amt, b, d: f"{a} {v} {b} for {h}{amt} {d}.".replace(" .", "."),
    party,
    st.sampled_from(VERBS),
    st.sampled_from(HEDGES),
    st.sampled_from(AMOUNTS),
    party,
    st.sampled_from(DATES),
)
piece = st.one_of(
    deal_sentence,
    deal_sentence,
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
    party.map(lambda p: f"[bold]{p}[/bold]"),
    st.sampled_from(AMOUNTS).map(lambda a: f"\x1b[1m{a}\x1b[0m"),
)
document = st.lists(piece, min_size=0, max_size=10).map(" ".join)
documents = st.lists(document, min_size=DOCS_PER_EXAMPLE, max_size=DOCS_PER_EXAMPLE)


def corpus_of(texts: list[str]) -> Corpus:
    sources = [make_source(f"doc_{i:03d}.txt", f"gen/doc_{i:03d}.txt", t) for i, t in enumerate(texts)]
    return Corpus(name="generated", sources=sources)


def assert_quotes(span: Span, texts: dict[str, str]) -> None:
    assert span.source in texts, f"{span.source} is not a source"
    text = texts[span.source]
    assert 0 <= span.start <= span.end <= len(text), span
    assert text[span.start : span.end] == span.text, span


def check_spans(fb: FactBase) -> None:
    texts = {s.id: s.text for s in fb.sources}
    for n in fb.numbers:
        assert_quotes(n.span, texts)
        assert n.span.end > n.span.start
        if n.sentence is not None:
            assert_quotes(n.sentence, texts)
    for e in fb.entities:
        for m in e.mentions:
            assert_quotes(m, texts)
    for c in fb.conflicts:
        assert len(c.claims) >= 2
        for cl in c.claims:
            assert_quotes(cl.span, texts)
            if cl.sentence is not None:
                assert_quotes(cl.sentence, texts)


def check_search(fb: FactBase, queries: list[str]) -> None:
    index = SearchIndex(fb)
    for q in queries:
        for hit in index.search(q, limit=20):
            assert SHOWN_BAD.search(hit.label + hit.context) is None, hit
            assert "\n" not in hit.label + hit.context


def flat(text: str) -> str:
    return " ".join(text.split())


def check_export(fb: FactBase) -> None:
    refs = [("number", n.id) for n in fb.numbers] + [("conflict", c.id) for c in fb.conflicts]
    refs += [("entity", e.id) for e in fb.entities] + [("source", s.id) for s in fb.sources[:5]]
    md = render_markdown(fb, refs)
    assert SHOWN_BAD.search(md.replace("\t", " ")) is None
    shown = flat(html.unescape(re.sub(r"<[^>]+>", "", RENDER.render(md))))
    for n in fb.numbers:
        assert flat(display_safe(n.span.text)) in shown, n.span


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(texts=documents, queries=st.lists(st.one_of(st.text(max_size=15), party), min_size=1, max_size=3))
def test_ten_thousand_hostile_documents_through_extraction_search_and_export(
    texts: list[str], queries: list[str], monkeypatch_env: None
) -> None:
    fb = build(corpus_of(texts), workers=1)
    assert len(fb.sources) == DOCS_PER_EXAMPLE
    check_spans(fb)
    check_search(fb, [*queries, texts[0][:20]])
    check_export(fb)


@pytest.fixture(scope="module")
def monkeypatch_env() -> None:
    mp = pytest.MonkeyPatch()
    mp.setenv("SCALEDEAL_NO_CACHE", "1")  # 10,000 cache entries would only measure the disk
    yield
    mp.undo()


def test_the_parameters_of_an_escape_sequence_are_not_figures():
    text = "Moved \x1b[10;10H here, a link \x1b]8;;https://x.example\x1b\\ and a clipboard \x1b]52;c;eA==\x07 write.\n"
    found = extract_source(text, "esc.txt")
    assert [n.span.text for n in found["numbers"]] == []
    inside = [c.span.text for c in found["candidates"] if "\x1b" in text[max(0, c.span.start - 12) : c.span.start]]
    assert inside == []  # no "H" from ESC[H, no base64 payload taken for a name


def test_a_price_right_after_a_colour_escape_keeps_its_currency():
    text = "The buyer will pay \x1b[31m$3.1 billion\x1b[0m for the firm.\n"
    [price] = [n for n in extract_source(text, "esc.txt")["numbers"] if n.value == 3.1e9]
    assert price.unit == "USD" and price.span.text == "$3.1 billion"


def test_a_figure_split_by_an_escape_quotes_the_article_exactly():
    text = "They paid $3.1\x1b[0m billion in cash.\n"
    [price] = extract_source(text, "esc.txt")["numbers"]
    assert text[price.span.start : price.span.end] == price.span.text
    assert price.sentence is not None and text[price.sentence.start : price.sentence.end] == price.sentence.text
