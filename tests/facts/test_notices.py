"""Warnings know what they are about (a skipped file, a curation problem) and still read as the same line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from facts.curate.safe_yaml import Problem
from facts.model import FactBase, Notice
from facts.read.corpus import read_corpus, read_source
from facts.store.contract import dump_yaml, load_yaml
from tui.app import split_warnings


def test_a_file_that_cannot_be_read_is_a_skipped_file_with_its_old_line(tmp_path: Path) -> None:
    folder = tmp_path / "not-an-article.txt"
    folder.mkdir()
    warnings: list[Notice] = []
    assert read_source(folder, "not-an-article.txt", warnings) is None
    (notice,) = warnings
    assert (notice.kind, notice.file, notice.line) == ("skipped_file", str(folder), None)
    assert str(notice) == f"{folder}: skipped: {os.strerror(errno.EISDIR)}"


def test_undecodable_text_is_a_skipped_file_naming_it(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A fine article.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 deal".encode("latin-1"))
    (notice,) = read_corpus([tmp_path]).warnings
    assert notice.kind == "skipped_file" and notice.skipped
    assert str(notice).startswith(f"{tmp_path / 'latin1.txt'}: skipped: ")


def test_a_curation_problem_keeps_its_file_line_and_exact_text() -> None:
    problem = Problem("claims.yaml", 12, "unknown key 'valeu'")
    notice = problem.notice()
    assert (notice.kind, notice.file, notice.line) == ("curation_problem", "claims.yaml", 12)
    assert str(notice) == str(problem) == "claims.yaml:12: unknown key 'valeu'"
    assert not notice.skipped


def test_a_skipped_folder_reads_as_before() -> None:
    notice = Notice(kind="skipped_folder", file="/corpus/locked", message="Permission denied")
    assert str(notice) == "/corpus/locked: skipped folder: Permission denied"
    assert notice.skipped


def test_a_notice_reads_as_its_line() -> None:
    notice = Notice(kind="skipped_file", file="a.txt", message="gone")
    assert str(notice) == "a.txt: skipped: gone"


def test_plain_lines_of_an_older_fact_base_still_load_with_their_kinds() -> None:
    lines = ["corpus/a.txt: skipped: not UTF-8 text", "claims.yaml:3: quote not found in a.txt", "something else"]
    fb = FactBase.model_validate({"warnings": lines})
    assert [n.kind for n in fb.warnings] == ["skipped_file", "curation_problem", "other"]
    assert [str(n) for n in fb.warnings] == lines


def test_kinds_survive_the_yaml_file() -> None:
    fb = FactBase(warnings=[Notice(kind="curation_problem", file="claims.yaml", line=4, message="bad")])
    again = load_yaml(dump_yaml(fb))
    assert again.warnings == fb.warnings and again.warnings[0].line == 4


def test_the_app_sorts_warnings_by_kind_not_by_their_words() -> None:
    odd = Notice(kind="curation_problem", file="claims.yaml", line=4, message="title: skipped: not in the text")
    gone = Notice(kind="skipped_file", file="b.txt", message="No such file or directory")
    assert split_warnings([odd, gone]) == ([gone], [odd])
