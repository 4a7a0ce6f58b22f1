"""`scaledeal check`: every kind of mistake in a curated file is reported
as `file:line: message`, never as a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.cli.main import main

ARTICLE_A = "Harbourline Group agreed to buy a third of Tidewater Ferries.\nThe price was $400 million in cash.\n"
ARTICLE_B = "Harbourline Group bought Tidewater Ferries outright last week.\nIt paid $450 million.\n"

GOOD = """\
claims:
  - id: third
    source: a.txt
    quote: "a third of Tidewater Ferries"
    value: minority stake
conflicts:
  - id: ownership
    attribute: ownership
    verdict: contradiction
    explanation: A third is not the whole company.
    claims:
      - third
      - {source: b.txt, quote: "bought Tidewater Ferries outright", value: full takeover}
"""


def _corpus(tmp_path: Path, claims: str | None = None, sources: str | None = None) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    if claims is not None:
        (tmp_path / "claims.yaml").write_text(claims, encoding="utf-8")
    if sources is not None:
        (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    return tmp_path


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(path)])
    out = capsys.readouterr().out
    return code, out.splitlines()


def _only_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str], **files: str) -> str:
    code, lines = _check(_corpus(tmp_path, **files), capsys)
    assert code == 1
    assert len(lines) == 1, lines
    return lines[0]


def test_valid_corpus_passes_with_a_one_line_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(_corpus(tmp_path, GOOD, "a.txt:\n  title: The price was $400 million in cash.\n"), capsys)
    assert code == 0
    assert len(lines) == 1 and lines[0].startswith("OK: 2 articles")
    assert "1 claims, 1 conflicts" in lines[0]


def test_bundled_seed_curation_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _check(SEEDS, capsys)
    assert code == 0, lines


def test_yaml_syntax_error_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = "claims:\n  - id: x\n    quote: [unclosed\n"
    line = _only_problem(tmp_path, capsys, claims=broken)
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:")
    assert "invalid YAML" in line


def test_wrong_type_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(
        tmp_path, capsys, claims=GOOD.replace("    value: minority stake\n", "    occurrence: twice\n")
    )
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:5: claims[0].occurrence:")
    assert "integer" in line


def test_unknown_key_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD.replace("    explanation:", "    explaination:"))
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:10: conflicts[0]: unknown key 'explaination'")


def test_quote_not_in_the_article_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD.replace("a third of Tidewater", "a quarter of Tidewater"))
    assert line == f"{tmp_path / 'claims.yaml'}:4: quote not found in a.txt: 'a quarter of Tidewater Ferries'"


def test_quote_repeated_fewer_times_than_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD.replace("    value: minority stake\n", "    occurrence: 3\n"))
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:4: quote occurs only 1 time(s) in a.txt")


def test_unknown_source_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD.replace("{source: b.txt", "{source: c.txt"))
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:13: unknown source 'c.txt'")


def test_bad_verdict_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD.replace("verdict: contradiction", "verdict: unsure"))
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:9: conflicts[0].verdict: 'unsure' is not one of")


def test_unknown_claim_id_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD.replace("      - third\n", "      - thrid\n"))
    assert line == f"{tmp_path / 'claims.yaml'}:12: unknown claim id 'thrid'"


def test_rejecting_an_unknown_conflict_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD + "reject:\n  - conflict: no-such-conflict\n")
    assert line == f"{tmp_path / 'claims.yaml'}:15: reject: no automatic conflict 'no-such-conflict'"


def test_merging_an_unknown_entity_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims="merge:\n  - entities: [Nobody Known, Also Unknown]\n")
    assert line == f"{tmp_path / 'claims.yaml'}:2: merge: unknown entity 'Nobody Known'"


def test_source_metadata_not_stated_by_the_text_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, sources="b.txt:\n  outlet: Invented Times\n")
    assert line == f"{tmp_path / 'sources.yaml'}:2: outlet not found in b.txt: 'Invented Times'"


def test_non_iso_date_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, sources="a.txt:\n  date: last week\n")
    assert line.startswith(f"{tmp_path / 'sources.yaml'}:2: date is not ISO 8601")


def test_yaml_bomb_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # nine levels of nine aliases each: expanded, this would be 9**9 strings
    rows = ['a0: &a0 ["boom", "boom", "boom", "boom", "boom", "boom", "boom", "boom", "boom"]']
    rows += [f"a{k}: &a{k} [{', '.join([f'*a{k - 1}'] * 9)}]" for k in range(1, 10)]
    line = _only_problem(tmp_path, capsys, claims="\n".join(rows) + "\n")
    assert line == f"{tmp_path / 'claims.yaml'}:1: anchors and aliases (& and *) are not allowed here"


def test_control_characters_in_a_quote_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _only_problem(tmp_path, capsys, claims=GOOD.replace("a third of", "\\e[2Ja third\\x07 of"))
    assert "\x1b" not in line and "\x07" not in line
    assert "quote not found" in line


def test_a_problem_in_both_files_lists_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _corpus(tmp_path, GOOD.replace("verdict: contradiction", "verdict: unsure"), "z.txt:\n  title: x\n")
    code, lines = _check(root, capsys)
    assert code == 1
    assert [x.split(":")[0] for x in lines] == [str(root / "claims.yaml"), str(root / "sources.yaml")]


def test_folder_without_articles_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "claims.yaml").write_text(GOOD, encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no articles found" in err and "1 .yaml" in err


def test_unreadable_article_is_a_warning_not_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _corpus(tmp_path, GOOD)
    (root / "c.txt").write_bytes(b"caf\xe9 au lait\n")
    assert main(["check", str(root)]) == 0  # like extract: skipped with a warning naming it
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "warning" in err[0] and "c.txt" in err[0] and "not UTF-8" in err[0]


def test_deeply_nested_yaml_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # who refuses it (our depth check or the YAML library's own) is not the point:
    # one line naming the file and line, no traceback
    line = _only_problem(tmp_path, capsys, claims="claims: " + "[" * 5000 + "]" * 5000 + "\n")
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:1: ")
    assert "nest" in line


def test_curated_file_that_is_not_utf8_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _corpus(tmp_path)
    (root / "claims.yaml").write_bytes(b"claims:\n  - id: x\n    quote: caf\xe9\n")
    code, lines = _check(root, capsys)
    assert code == 1 and lines == [f"{root / 'claims.yaml'}:3: not UTF-8"]


def test_oversized_curated_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("facts.curate.safe_yaml.MAX_BYTES", 100)
    line = _only_problem(tmp_path, capsys, claims=GOOD)
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:1: too large")


def test_python_object_tags_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = _only_problem(tmp_path, capsys, claims='claims:\n  - !!python/object/apply:os.system ["true"]\n')
    assert line.startswith(f"{tmp_path / 'claims.yaml'}:2: unsupported tag")
