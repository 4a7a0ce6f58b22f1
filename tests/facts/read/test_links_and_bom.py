"""Symbolic links, FIFOs and byte-order marks: nothing is read from outside
the opened folder, nothing hangs, and a BOM is never part of a name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from facts.build import build
from facts.read.corpus import read_corpus

ARTICLE = "Harbour fees rise\n\nThe port said on Friday that fees would rise 4% next year.\n"


def test_a_link_to_a_file_outside_the_folder_is_skipped_naming_the_link(tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("Secret notes that are not an article.\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "status.txt").symlink_to("/proc/self/status")
    corpus = read_corpus([folder])
    assert [s.id for s in corpus.sources] == ["a.txt"]
    lines = sorted(str(w) for w in corpus.warnings)
    assert len(lines) == 2 and all("outside the opened folder" in x and "\n" not in x for x in lines)
    assert "leak.txt" in lines[0] and "status.txt" in lines[1]


def test_a_link_within_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "sub" / "a.txt")
    assert sorted(s.id for s in read_corpus([tmp_path]).sources) == ["a.txt", "b.txt"]


def test_a_broken_link_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (w,) = read_corpus([tmp_path]).warnings
    assert "gone.txt" in str(w) and "broken" in str(w)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_without_waiting_for_a_writer(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["a.txt"]
    assert "not a regular file" in str(corpus.warnings[0]) and "pipe.txt" in str(corpus.warnings[0])


def test_a_bom_is_in_no_title_and_no_entity_while_offsets_still_quote(tmp_path: Path) -> None:
    text = (
        "\ufeffNorbury Holdings agrees to buy Calloway Freight\n\n"
        "Shares rose after Norbury Holdings said it would pay $3 million.\n"
    )
    (tmp_path / "bom.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    (src,) = corpus.sources
    assert src.text == (tmp_path / "bom.txt").read_text(encoding="utf-8")  # offsets index the file as read
    assert src.title == "Norbury Holdings agrees to buy Calloway Freight"
    fb = build(corpus, workers=1)
    mentions = [m for e in fb.entities for m in e.mentions]
    assert mentions and all(src.text[m.start : m.end] == m.text and "\ufeff" not in m.text for m in mentions)
    assert all(not e.name.startswith("\ufeff") for e in fb.entities)
    assert all(src.text[n.span.start : n.span.end] == n.span.text for n in fb.numbers)


def test_a_bom_before_a_plain_word_makes_no_entity(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\ufeffShares of the ferry group rose on Monday.\n", encoding="utf-8")
    fb = build(read_corpus([tmp_path]), workers=1)
    assert "Shares" not in {e.name for e in fb.entities}


def test_a_folder_of_only_unreadable_files_names_them_and_why(tmp_path: Path) -> None:
    from facts.read.paths import CorpusError

    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    with pytest.raises(CorpusError) as info:
        read_corpus([tmp_path])
    message = str(info.value)
    assert "latin.txt: not UTF-8" in message and "scan.pdf:" in message and "\n" not in message


def test_a_folder_of_other_formats_says_what_it_skipped(tmp_path: Path) -> None:
    from facts.read.paths import CorpusError

    (tmp_path / "a.docx").write_bytes(b"PK")
    (tmp_path / "b.docx").write_bytes(b"PK")
    with pytest.raises(CorpusError, match=r"no articles found \(\.txt .*\.pdf\); skipped 2 other file\(s\): 2 \.docx"):
        read_corpus([tmp_path])
