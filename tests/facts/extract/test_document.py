"""One Document per article: its paragraphs, sentences, clauses and quoted
passages, split once and read by every stage. Every sentence here is made up."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import facts.extract.document as document_module
from facts.analyse.timeline import timeline
from facts.build import build
from facts.extract.document import MAX_CLAUSE, MAX_SENTENCE, Document, document_of
from facts.read.corpus import read_corpus


def pieces(doc: Document, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [doc.text[s:e] for s, e in spans]


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    doc = Document("Brindle Corp. paid $2.5 billion for a U.S. rival. The Ferrow Co. board agreed.")
    assert pieces(doc, doc.sentences) == [
        "Brindle Corp. paid $2.5 billion for a U.S. rival.",
        "The Ferrow Co. board agreed.",
    ]


def test_a_run_on_of_abbreviation_stops_is_cut_at_them() -> None:
    one = "Brindle Corp. sold 40 looms to Ferrow Corp."
    doc = Document(" ".join([one] * 40))
    assert set(pieces(doc, doc.sentences)) == {one}


def test_a_run_on_without_stops_is_cut_after_a_comma_within_the_bound() -> None:
    text = "In the spring " + " ".join(f"Ferrow Works raised {i} million dollars," for i in range(200)) + " and so on."
    doc = Document(text)
    assert len(doc.sentences) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in doc.sentences)
    assert all(piece.endswith(",") for piece in pieces(doc, doc.sentences)[:-1])
    assert " ".join(pieces(doc, doc.sentences)) == text


def test_comma_spliced_clauses_past_the_bound_are_cut_at_commas() -> None:
    text = ", ".join(f"Ferrow Works rose {i} percent" for i in range(20)) + "."
    doc = Document(text)
    assert len(doc.sentences) == 1 and len(doc.clauses) > 1
    assert all(e - s <= MAX_CLAUSE for s, e in doc.clauses)
    assert all(piece.endswith(", ") for piece in pieces(doc, doc.clauses)[:-1])


def test_a_long_ordinary_sentence_stays_whole() -> None:
    text = "Brindle Corp. said " + ", ".join(f"the {w} unit grew" for w in ["north", "south", "east", "west"] * 6) + "."
    assert len(text) < MAX_SENTENCE
    assert pieces(Document(text), Document(text).sentences) == [text]


def test_lookups_return_the_span_holding_an_offset() -> None:
    text = "Quillon rose 4%; Marrow fell. Then the talks ended."
    doc = Document(text)
    assert text[slice(*doc.sentence_at(text.index("Marrow")))] == "Quillon rose 4%; Marrow fell."
    assert text[slice(*doc.clause_at(text.index("Marrow")))] == " Marrow fell."  # the space after ";" stays
    assert text[slice(*doc.clause_at(text.index("Then")))] == "Then the talks ended."
    assert doc.sentence_at(text.index(" Then")) == (text.index(" Then"), text.index(" Then"))  # between sentences


def test_clauses_keep_a_list_whole_and_an_aside_inside() -> None:
    text = "Owls, Larks, and Finches bid—all three of them—for the lot, and the seller took $4 million."
    doc = Document(text)
    assert pieces(doc, doc.clauses) == [
        "Owls, Larks, and Finches bid—all three of them—for the lot",
        "the seller took $4 million.",
    ]


def test_a_quotation_may_run_over_a_sentence_end() -> None:
    text = "Ada Vell said “We agreed. It closes in May.” Shares rose."
    doc = Document(text)
    assert pieces(doc, doc.quotes) == ["“We agreed. It closes in May.”"]
    may = text.index("May")
    assert doc.quote_of(may, may + 3) == doc.quotes[0]
    assert doc.quote_of(text.index("Shares"), text.index("Shares") + 6) is None
    assert len(doc.sentences) == 3  # the quotation does not join its sentences


def test_a_stray_quote_mark_is_not_a_quotation() -> None:
    doc = Document('He wrote 5" of notes.\nThen "nothing more.')
    assert doc.quotes == ()


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = "  First part, one line.\nStill the first.\n\n \nSecond part.\n"
    doc = Document(text)
    assert pieces(doc, doc.paragraphs) == ["First part, one line.\nStill the first.", "Second part."]
    assert text[slice(*doc.paragraph_at(text.index("Still")))].startswith("First part")
    assert len(doc.sentences) == 3  # a line ends a sentence, a paragraph holds several


def test_the_same_text_gives_the_same_document() -> None:
    text = "Tarn Ltd agreed to sell its mill."
    assert document_of(text) is document_of(text)
    assert Document(text) == document_of(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('Ab. 1,;:—"“”\n-')), max_size=120))
def test_every_span_is_inside_the_text_and_in_order(text: str) -> None:
    doc = Document(text)
    for spans in (doc.paragraphs, doc.sentences, doc.clauses, doc.quotes):
        last = 0
        for s, e in spans:
            assert last <= s < e <= len(text)
            last = e
    for s, e in doc.clauses:
        assert doc.sentence_at(s)[0] <= s and e <= doc.sentence_at(s)[1]
    for offset in range(len(text)):
        s, e = doc.sentence_at(offset)
        assert (s, e) == (offset, offset) or s <= offset < e


def test_a_megabyte_on_one_line_stays_linear() -> None:
    chunk = "Brindle Corp. paid 2.5 per share, and the U.S. unit — a small one — rose; it said “fine” "
    text = chunk * (1_000_000 // len(chunk))
    started = time.perf_counter()
    doc = Document(text)
    assert len(doc.paragraphs) == 1
    assert max(e - s for s, e in doc.sentences) <= MAX_SENTENCE
    assert len(doc.quotes) == text.count("“")
    assert all(doc.sentence_at(s)[0] <= s and e <= doc.sentence_at(s)[1] for s, e in doc.clauses)
    for offset in range(0, len(text), 997):
        assert doc.clause_at(offset)[0] <= offset
        doc.sentence_at(offset)
        doc.quote_of(offset, offset + 1)
    assert time.perf_counter() - started < 20  # quadratic work would take hours


# ---------------------------------------------------------------- every stage reads the one Document
ARTICLES = {
    "one.txt": (
        "Holloway Corp. paid $9.8 billion for a 35% stake in Pellam Analytics, valuing Pellam Analytics at $25 billion."
        "\n\n"
        "“The price is fair. We expect it to close in 2026,” said Ada Vell, who runs Holloway."
    ),
    "two.txt": "Holloway Corp. valued Pellam Analytics at $24 billion on 3 March 2026, the company announced.",
    "three.txt": "No figures in this one, and no quotes either.",
}
CLAIMS = """
conflicts:
  - id: worth
    attribute: valuation
    verdict: compatible
    claims:
      - {source: one.txt, quote: "$25 billion"}
      - {source: two.txt, quote: "$24 billion"}
"""


@pytest.fixture
def counted_splits(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each text is split into sentences, from here on (the
    Document is the only splitter: the views read it too)."""
    calls: Counter[str] = Counter()
    real = document_module.split_sentences

    def counting(text: str) -> list[tuple[int, int]]:
        calls[text] += 1
        return real(text)

    monkeypatch.setattr(document_module, "split_sentences", counting)
    document_of.cache_clear()
    return calls


def test_a_build_splits_each_article_once(tmp_path: Path, counted_splits: Counter[str]) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    fb = build(read_corpus([tmp_path]), workers=1)
    assert fb.numbers and fb.checks  # numbers, attributes, attribution and checks ran
    assert fb.conflicts[-1].provenance == "curated" and fb.conflicts[-1].claims[0].sentence  # and curation
    for n in fb.numbers:
        timeline(fb, n.attribute or "stake", n.subject)  # a view's stage, given the fact base only
    assert set(counted_splits.values()) == {1}
    assert set(counted_splits) <= set(ARTICLES.values())
