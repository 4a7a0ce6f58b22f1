"""Saved web pages: the article a reader sees, without the site around it,
and the page's own title, outlet, author and date."""

from __future__ import annotations

from pathlib import Path

import pytest

from facts.read.corpus import read_corpus
from facts.read.formats import Unreadable, html

PAGES = Path(__file__).parent / "pages"


def page(name: str) -> html.Article:
    return html.read(PAGES / name, (PAGES / name).read_bytes())


def test_headline_comes_first_then_the_body_without_furniture() -> None:
    a = page("og_jsonld.html")
    assert a.text.startswith("Harbour operator agrees to buy rival ferry line\n\nThe harbour operator said")
    for furniture in ("cookies", "Home", "Related", "Read more", "newsletter", "Share on", "Trending", "©", "$99"):
        assert furniture not in a.text


def test_teasers_inside_the_article_body_are_dropped_but_its_paragraphs_kept() -> None:
    a = page("teasers_inside.html")
    assert "auction draws 9 bidders" not in a.text and "Grid upgrade" not in a.text
    assert "shares rose 6%" not in a.text and "Comments" not in a.text
    assert "The seller, an infrastructure fund, bought most of the farms" in a.text  # right after "Related coverage"
    assert a.text.rstrip().endswith("a $400 million bond.")


def test_teaser_cards_ads_and_sign_up_boxes_without_telling_class_names_are_dropped() -> None:
    a = page("neutral_classes.html")
    for furniture in ("Why sensor prices", "fell 17%", "30 days", "newsletter", "Foundry output", "2019"):
        assert furniture not in a.text
    assert "The sensor maker employs 3,400 people" in a.text and a.text.rstrip().endswith("second half of the year.")


def test_metadata_from_og_tags_and_json_ld() -> None:
    a = page("og_jsonld.html")
    assert (a.title, a.outlet, a.author, a.date) == (
        "Harbour operator agrees to buy rival ferry line", "The Coastal Courier", "Jane Roe", "2025-10-03",
    )  # fmt: skip


def test_json_ld_graph_with_two_authors() -> None:
    a = page("graph_two_authors.html")
    assert (a.outlet, a.author, a.date) == ("Skyline Business Review", "Lena Fischer and Omar Haddad", "2023-02-07")


def test_site_name_is_cut_from_the_title_tag() -> None:
    a = page("title_only.html")
    assert a.title == "Glassworks owner weighs sale of kiln division"
    assert (a.outlet, a.author, a.date) == ("Northfield Evening Post", "Peter Anand", "2024-06-18")


def test_a_page_without_metadata_falls_back_to_its_byline_and_copyright_line() -> None:
    a = page("plain_byline.html")
    assert (a.outlet, a.author, a.date) == ("Bayside Tribune", "Alice Moreau", "2022-05-12")
    assert "Copyright" not in a.text and "By Alice" not in a.text


def test_meta_charset_decides_the_encoding() -> None:
    a = page("cp1252.htm")
    assert a.title == "Café chain’s owner sells 40 outlets" and "€28 million" in a.text and a.author == "Zoë Lambert"


def test_utf8_bom_is_honoured_and_not_in_the_title() -> None:
    data = b"\xef\xbb\xbf" + (PAGES / "og_jsonld.html").read_bytes()
    a = html.read(Path("x.html"), data)
    assert not a.title.startswith("\ufeff") and "\ufeff" not in a.text


def test_entities_are_decoded_and_spaces_collapsed() -> None:
    body = "".join(
        f"<p>Fees&nbsp;rose   to &pound;{k}   million &amp; the   port said   so on day {k}, adding {k} routes.</p>"
        for k in range(4, 9)
    )
    a = html.read(Path("x.html"), f"<html><body><article><h1>Fees rise</h1>{body}</article></body></html>".encode())
    assert "Fees rose to £4 million & the port said so on day 4" in a.text and "  " not in a.text


def test_an_index_page_is_no_article() -> None:
    with pytest.raises(Unreadable, match="index"):
        page("index_page.html")


def test_a_folder_of_pages_reads_each_and_names_the_index_page(tmp_path: Path) -> None:
    corpus = read_corpus([PAGES])
    ids = {s.id for s in corpus.sources}
    assert {"og_jsonld.html", "cp1252.htm", "teasers_inside.html"} <= ids and "index_page.html" not in ids
    (notice,) = [w for w in corpus.warnings if "index_page.html" in w.file]
    assert "index" in str(notice) and "\n" not in str(notice)
    src = next(s for s in corpus.sources if s.id == "og_jsonld.html")
    assert src.extracted and src.text.startswith(src.title)


def test_a_huge_page_is_skipped_unread(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as fh:
        fh.write(b"<html><body><p>" + b"word " * (html.MAX_BYTES // 5 + 10) + b"</p></body></html>")
    (tmp_path / "ok.txt").write_text("A small article about fees.\n", encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["ok.txt"]
    assert "larger than" in str(corpus.warnings[0]) and "huge.html" in str(corpus.warnings[0])


def test_scripts_styles_and_inline_images_are_dropped_before_extraction_but_json_ld_is_read() -> None:
    from facts.read.formats.page_strip import strip_heavy

    heavy = "<script>var x = '$99 million';</script><style>p{}</style><!-- 42 -->"
    heavy += '<img src="data:image/png;base64,AAAA">'
    assert "$99" not in strip_heavy(heavy) and "42" not in strip_heavy(heavy) and "AAAA" not in strip_heavy(heavy)
    data = (PAGES / "graph_two_authors.html").read_bytes().replace(b"<article>", b"<article>" + heavy.encode() * 500)
    a = html.read(Path("x.html"), data)
    assert a.author == "Lena Fischer and Omar Haddad" and "$99" not in a.text


def test_an_unclosed_script_does_not_swallow_the_page_twice() -> None:
    from facts.read.formats.page_strip import strip_heavy

    assert strip_heavy("<p>kept</p><script>never closed <p>gone</p>") == "<p>kept</p>"


def test_a_utf16_page_with_its_bom_is_read() -> None:
    line = "<p>Fees rose to {} million at the port on Friday, adding routes across the bay.</p>"
    paragraphs = "".join(line.format(k) for k in (4, 5, 6))
    data = f"<html><body><article><h1>Fees rise at the port</h1>{paragraphs}</article></body></html>".encode("utf-16")
    a = html.read(Path("x.html"), data)
    assert a.title == "Fees rise at the port" and "Fees rose to 5 million" in a.text


def test_the_visible_headline_wins_over_a_social_variant_and_a_logo_heading() -> None:
    line = "<p>The harbour operator said on Friday it agreed to buy a rival, adding {} routes.</p>"
    body = "".join(line.format(k) for k in (3, 4, 5))
    page = (
        '<html><head><meta property="og:title" content="Ferry firm buys rival for $420m">'
        '<meta property="og:site_name" content="Coast Courier"></head><body><h1>Coast Courier</h1>'
        f"<article><h1>Ferry firm agrees to buy rival for $420 million</h1>{body}</article></body></html>"
    )
    a = html.read(Path("x.html"), page.encode())
    assert a.title == "Ferry firm agrees to buy rival for $420 million"
    assert a.text.count("Ferry firm") == 1


def test_a_line_break_keeps_its_words_apart() -> None:
    line = "<p>The port said fees would rise<br>by {}% next year, adding routes across the bay for summer.</p>"
    page = (
        f"<html><body><article><h1>Fees rise</h1>{''.join(line.format(k) for k in (3, 4, 5))}</article></body></html>"
    )
    assert "would rise by 4% next year" in html.read(Path("x.html"), page.encode()).text


def test_a_page_that_says_utf8_but_is_windows_1252_is_still_read() -> None:
    body = "".join(
        f"<p>The caf\xe9 chain sold {k} outlets for \x8028 million to a rival, the companies said.</p>" for k in (3, 4)
    )
    page = (
        f'<html><head><meta charset="utf-8"></head><body><article><h1>Caf\xe9 sale</h1>{body}</article></body></html>'
    )
    a = html.read(Path("x.html"), page.encode("latin-1"))
    assert "café chain sold 3 outlets for €28 million" in a.text


def test_a_label_above_a_line_break_does_not_run_into_the_next_sentence() -> None:
    para = "<p>Background<br>Coast Lines carries two million passengers a year on its 14 ferries across the bay.</p>"
    body = "<p>The harbour operator said on Friday it had agreed to buy a rival ferry line for $420 million.</p>"
    page = f"<html><body><article><h1>Ferry deal</h1>{body}{para}</article></body></html>"
    text = html.read(Path("x.html"), page.encode()).text
    assert "Background\nCoast Lines carries" in text
