"""A figure from a PDF is cited by its page, and the file is named, so it can be found in the original."""

from __future__ import annotations

from pathlib import Path

from facts.build import build
from facts.read.corpus import read_corpus
from facts.views.export import render_markdown
from tests.facts.read.pdf_maker import article_pages, make_pdf


def test_an_exported_pdf_figure_names_its_page(tmp_path: Path) -> None:
    first = [["Ferry deal approved"], ["The port said the ferry line had twelve routes and a long history."]]
    second = [["Regulators approved the $420 million ferry deal on Monday, the port said."]]
    (tmp_path / "deal.pdf").write_bytes(make_pdf(article_pages([first, second])))
    fb = build(read_corpus([tmp_path]), workers=1)
    (money,) = [n for n in fb.numbers if n.unit == "USD"]
    md = render_markdown(fb, [("number", money.id)])
    assert "source 1, page 2, paragraph" in md  # the quote's place in the original
    assert "file `deal.pdf`" in md  # the list of sources names the file
