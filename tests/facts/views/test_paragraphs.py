"""Paragraph numbers in citations: what a reader counts on the page."""

from __future__ import annotations

from facts.views.paragraphs import paragraph_starts


def test_each_line_of_text_is_a_paragraph_blank_lines_or_not():
    text = "Headline here\n\nFirst paragraph ends.\nSecond paragraph ends.\n\n\nThird one.\n"
    starts = paragraph_starts(text)
    assert [text[s : s + 5] for s in starts] == ["Headl", "First", "Secon", "Third"]


def test_hard_wrapped_text_counts_blocks_between_blank_lines():
    text = (
        "The ferry operator said on a grey\nmorning that it would sell the\nnorthern routes to its rival.\n\n"
        "Talks had run since the\nautumn and the price was\nnot disclosed by either side.\n"
    )
    starts = paragraph_starts(text)
    assert [text[s : s + 9] for s in starts] == ["The ferry", "Talks had"]


def test_no_text_has_no_paragraphs():
    assert paragraph_starts("") == [] and paragraph_starts("\n \n") == []


def test_a_source_with_page_starts_is_cited_by_page_and_paragraph():
    from facts.model import FactBase, Number, Source, Span
    from facts.views.export import render_markdown
    from facts.views.index import FactIndex

    text = "Ferry deal approved\n\nThe port has twelve routes.\n\nRegulators approved the $420 million deal.\n"
    src = Source(id="deal.pdf", path="deal.pdf", title="Ferry deal approved", text=text)
    object.__setattr__(src, "pages", [0, text.index("Regulators")])  # as a PDF reader records them
    at = text.index("$420")
    figure = Span(source="deal.pdf", start=at, end=at + 12, text="$420 million")
    n = Number(id="n1", span=figure, value=4.2e8, unit="USD")
    fb = FactBase(sources=[src], numbers=[n])
    assert FactIndex.build(fb).page_of("deal.pdf", at) == 2
    assert "— source 1, page 2, paragraph 3:" in render_markdown(fb, [("number", "n1")])
