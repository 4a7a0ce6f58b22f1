"""PDFs: paragraphs in reading order without running headers, footers and
page numbers; the page of every offset; bad PDFs are one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from facts.read.corpus import read_corpus
from facts.read.formats import Unreadable, pdf
from tests.facts.read.pdf_maker import article_pages, make_pdf

P1 = [
    ["Ferry Line Sold to Harbour Operator"],
    [
        "The harbour operator said on Friday it had agreed to",
        "buy a rival ferry line for $420 million, a deal that",
        "gives it 14 routes.",
    ],
    ["Analysts called the price high for a busi-", "ness whose passengers fell 8% last year."],
]  # fmt: skip
P2 = [
    ["The chief executive said the combined company would", "employ about 1,200 people."],
    ["Regulators will review the purchase."],
]
P3 = [["Shareholders vote on the deal in June."]]


def read(data: bytes) -> pdf.Article:
    return pdf.read(Path("a.pdf"), data)


def three_pages() -> bytes:
    return make_pdf(article_pages([P1, P2, P3], header="Coastal Courier | Business | Page 1", footer=True))


def test_paragraph_lines_are_joined_and_hyphenated_words_rejoined() -> None:
    a = read(three_pages())
    paragraphs = a.text.split("\n\n")
    assert paragraphs[0] == "Ferry Line Sold to Harbour Operator"
    assert paragraphs[1] == (
        "The harbour operator said on Friday it had agreed to buy a rival ferry line for $420 million, "
        "a deal that gives it 14 routes."
    )
    assert "a business whose passengers" in paragraphs[2]


def test_running_headers_and_page_numbers_are_left_out() -> None:
    a = read(three_pages())
    assert "Coastal Courier" not in a.text
    assert not any(p.strip().isdigit() for p in a.text.split("\n\n"))


def test_the_page_of_every_offset_is_kept() -> None:
    (src,) = read_corpus_of(three_pages())
    assert len(src.pages) == 3 and src.pages[0] == 0
    assert src.page_at(src.text.index("$420 million")) == 1
    assert src.page_at(src.text.index("1,200")) == 2
    assert src.page_at(src.text.index("June")) == 3
    assert src.title == "Ferry Line Sold to Harbour Operator"


def read_corpus_of(data: bytes) -> list[pdf.Article]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "a.pdf").write_bytes(data)
        return read_corpus([d]).sources  # type: ignore[return-value]


def test_a_scanned_pdf_without_text_is_one_line() -> None:
    with pytest.raises(Unreadable, match="no text layer"):
        read(make_pdf([[], []]))


def test_a_file_that_is_not_a_pdf_is_one_line() -> None:
    with pytest.raises(Unreadable, match="not a PDF"):
        read(b"<html><body>saved with the wrong name</body></html>")


def test_a_truncated_pdf_is_one_line() -> None:
    data = three_pages()
    with pytest.raises(Unreadable, match=r"damaged|no text"):
        read(data[: len(data) // 3])


def test_an_encrypted_pdf_is_one_line() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(three_pages())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(Unreadable, match="encrypted"):
        read(out.getvalue())


def test_an_aes_encrypted_pdf_without_a_user_password_is_read() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(three_pages())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")  # locked against editing only
    out = io.BytesIO()
    writer.write(out)
    assert "$420 million" in read(out.getvalue()).text


def test_bad_pdfs_in_a_folder_are_warnings_naming_them(tmp_path: Path) -> None:
    (tmp_path / "good.pdf").write_bytes(three_pages())
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]]))
    (tmp_path / "fake.pdf").write_bytes(b"PK\x03\x04 a zip file")
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["good.pdf"]
    lines = sorted(str(w) for w in corpus.warnings)
    assert len(lines) == 2 and all("\n" not in x for x in lines)
    assert "fake.pdf" in lines[0] and "scan.pdf" in lines[1]


def test_a_page_printed_from_a_browser_loses_its_print_header_and_url_footer() -> None:
    def page(number: int, lines: list[str]) -> list[tuple[float, float, str]]:
        out: list[tuple[float, float, str]] = [(20, 780, "10/3/25, 8:15 AM"), (300, 780, "Ferry deal | Coast Courier")]
        out += [(72, 740 - 14 * k, x) for k, x in enumerate(lines) if x]
        return [*out, (20, 20, "https://courier.example/business/ferry-deal"), (560, 20, f"{number}/2")]

    first = ["Ferry deal approved", "", "By Jane Roe", "October 3, 2025", "", "Regulators approved the deal."]
    a = read(make_pdf([page(1, first), page(2, ["The buyer keeps all 14 routes."])]))
    assert a.text.startswith("Ferry deal approved\n\nBy Jane Roe\n\nOctober 3, 2025\n\nRegulators approved")
    assert "8:15" not in a.text and "https" not in a.text and "1/2" not in a.text
    assert (a.title, a.author, a.date) == ("Ferry deal approved", "Jane Roe", "2025-10-03")


def test_the_files_own_title_wins_over_a_masthead_above_the_headline() -> None:
    lines = [(72.0, 760.0, "THE COAST COURIER"), (72.0, 730.0, "Ferry operator agrees to buy rival line")]
    lines.append((72.0, 700.0, "The harbour operator said on Friday it would buy a rival ferry line for $420 million."))
    a = read(make_pdf([lines], info_title="Ferry operator agrees to buy rival line | Coast Courier"))
    assert a.title == "Ferry operator agrees to buy rival line"


def test_control_characters_in_a_pdf_title_never_reach_the_terminal(tmp_path: Path) -> None:
    long_line = "The harbour operator said on Friday it would buy a rival ferry line for $420 million, and more. " * 3
    (tmp_path / "a.pdf").write_bytes(make_pdf([[(72.0, 700.0, long_line)]], info_title="Ferry \x1b[31mdeal"))
    (src,) = read_corpus([tmp_path]).sources
    assert src.title.startswith("Ferry") and "deal" in src.title and "\x1b" not in src.title


def two_pages_with_header(header: str, info_title: str = "") -> bytes:
    first = [["Ferry operator agrees to buy rival line"], ["The harbour operator will pay $420 million."]]
    first.append(["Get our free morning briefing from Tidewater Digest in your inbox."])
    second = [["Regulators will review the purchase, which adds 14 routes."]]
    return make_pdf(article_pages([first, second], header=header, footer=True), info_title=info_title)


def test_the_site_in_a_running_header_beside_the_headline_is_the_outlet() -> None:
    a = read(two_pages_with_header("Coast Courier - Ferry operator agrees to buy rival line"))
    assert (a.title, a.outlet) == ("Ferry operator agrees to buy rival line", "Coast Courier")
    assert "Coast Courier" not in a.text


def test_the_site_after_the_headline_in_the_files_title_is_the_outlet() -> None:
    a = read(two_pages_with_header("", info_title="Ferry operator agrees to buy rival line | Coast Courier"))
    assert a.outlet == "Coast Courier"


def test_a_running_header_that_is_not_beside_the_headline_names_no_outlet() -> None:
    a = read(two_pages_with_header("Quarterly review of shipping - draft for comment"))
    assert a.outlet != "Quarterly review of shipping"


def test_a_sentence_broken_by_a_page_before_a_capital_or_a_figure_stays_one_paragraph() -> None:
    first = [
        ["The harbour operator said on Friday it had agreed to buy a rival ferry line in"],
        ["a deal that values the business at about eight times its sales in the most recent"],
    ]
    second = [["Atlantic Coast region and adds the rival's 14 routes to its network of crossings."]]
    second.append(["The rival line carried more passengers than ever last year, and its sales hit"])
    third = [["$96 million, up from the year before, when the operator first made an approach."]]
    a = read(make_pdf(article_pages([first, second, third], header="Coast Courier", footer=True)))
    assert "in the most recent Atlantic Coast region" in a.text
    assert "its sales hit $96 million" in a.text


def test_a_short_heading_at_the_foot_of_a_page_stays_apart_from_the_next_page() -> None:
    first = [["The harbour operator said on Friday it had agreed to buy a rival ferry line for"]]
    first[0].append("$420 million, a deal that gives it the 14 routes it did not yet run in the region.")
    first.append(["FINANCING"])
    second = [["Banks will lend most of the price, the operator said in a statement on Friday."]]
    a = read(make_pdf(article_pages([first, second], header="Coast Courier", footer=True)))
    assert "\n\nFINANCING\n\nBanks will lend" in a.text
