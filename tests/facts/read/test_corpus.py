"""Reading folders of articles: what is read, what is skipped, and why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from facts.read.corpus import bundled_corpus, decode, read_corpus, title_of
from facts.read.paths import CorpusError
from tests.conftest import SHARED


def write(p: Path, data: bytes | str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    return p


def test_bundled_corpus_holds_the_four_seed_articles_byte_identical():
    seeds = sorted(bundled_corpus().glob("*.txt"))
    assert len(seeds) == 4
    if SHARED.is_dir():
        for f in seeds:
            assert f.read_bytes() == (SHARED / "seeds" / f.name).read_bytes()


def test_folder_is_read_recursively_and_sorted(tmp_path):
    write(tmp_path / "b.txt", "Second story about a merger.\n")
    write(tmp_path / "sub" / "a.txt", "First story about a merger.\n")
    write(tmp_path / "notes.csv", "not,an,article")
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["b.txt", "a.txt"]
    assert corpus.name == tmp_path.name


def test_offsets_match_python_text_mode_reading(tmp_path):
    f = write(tmp_path / "crlf.txt", b"Line one.\r\nLine two.\rLine three.\r\n")
    (src,) = read_corpus([f]).sources
    with open(f, encoding="utf-8") as fh:
        assert src.text == fh.read()


def test_invalid_utf8_is_skipped_with_a_warning_naming_it(tmp_path):
    write(tmp_path / "good.txt", "A fine article.\n")
    write(tmp_path / "latin1.txt", "Caf\xe9 deal".encode("latin-1"))
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["good.txt"]
    (notice,) = corpus.warnings
    w = str(notice)
    assert "latin1.txt" in w and "not UTF-8" in w and "\n" not in w


def test_binary_file_with_txt_name_is_skipped(tmp_path):
    write(tmp_path / "good.txt", "A fine article.\n")
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["good.txt"]
    assert "binary" in str(corpus.warnings[0]) or "UTF-8" in str(corpus.warnings[0])


def test_empty_file_is_a_source_with_no_text(tmp_path):
    write(tmp_path / "empty.txt", b"")
    (src,) = read_corpus([tmp_path]).sources
    assert src.text == "" and src.chars == 0 and src.title == ""


def test_missing_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(CorpusError, match="nowhere"):
        read_corpus([tmp_path / "nowhere"])


def test_folder_without_articles_is_an_error(tmp_path):
    write(tmp_path / "table.csv", "nothing here")
    with pytest.raises(CorpusError, match=r"no articles found .*1 \.csv"):
        read_corpus([tmp_path])


def test_symlink_loop_does_not_hang(tmp_path):
    write(tmp_path / "a.txt", "An article.\n")
    os.symlink(tmp_path, tmp_path / "loop")
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["a.txt"]


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    write(tmp_path / "x" / "story.txt", "One.\n")
    write(tmp_path / "y" / "story.txt", "Two.\n")
    ids = [s.id for s in read_corpus([tmp_path]).sources]
    assert ids == ["x/story.txt", "y/story.txt"]


def test_title_skips_menu_words_and_cuts_long_lines():
    assert title_of("More\n\n  Why the merger matters to everyone\nbody") == "Why the merger matters to everyone"
    long = "word " * 100
    assert len(title_of(long)) <= 200 and title_of(long).endswith("…")


def test_title_shows_control_characters_visibly():
    assert "\x1b" not in title_of("Breaking \x1b[31mnews\x1b[0m about a merger\n")


def test_decode_reports_the_offset_of_the_bad_byte():
    text, problem = decode(b"ok\xffno")
    assert text is None and "offset 2" in problem


def test_text_with_a_single_nul_is_read_not_called_binary(tmp_path):
    write(tmp_path / "odd.txt", "Deal signed\x00 today.\n")
    (src,) = read_corpus([tmp_path]).sources
    assert "\x00" in src.text
