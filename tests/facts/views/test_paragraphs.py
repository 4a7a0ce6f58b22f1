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
