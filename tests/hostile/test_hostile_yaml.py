"""Curated YAML written by a stranger: cases tests/test_check_cmd.py leaves out.

Every broken file is one `file:line: message` (a warning for `extract` and the
app, a problem for `check`), never a traceback and never a hang; text inside
a curated file is as untrusted as an article and never reaches the terminal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.tui.tui_fixture import loaded
from tui.app import ScaledealApp
from tui.cli.main import main

ARTICLE_A = "Larkspur Foods agreed to buy half of Tallow Creek Dairy.\nThe price was $90 million.\n"
ARTICLE_B = "Larkspur Foods now owns all of Tallow Creek Dairy.\nIt paid $120 million.\n"
CONFLICT = """\
conflicts:
  - id: share
    attribute: ownership
    verdict: contradiction
    explanation: {explanation}
    claims:
      - {{source: a.txt, quote: "half of Tallow Creek Dairy", value: half}}
      - {{source: b.txt, quote: "owns all of Tallow Creek Dairy", value: all}}
"""
BOMB = "\n".join(
    ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    + [f"a{k}: &a{k} [{', '.join([f'*a{k - 1}'] * 10)}]" for k in range(1, 12)]
    + ["claims: *a11"]
)
ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def corpus(tmp_path: Path, claims: str | bytes | None = None, sources: str | bytes | None = None) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    for name, body in (("claims.yaml", claims), ("sources.yaml", sources)):
        if body is not None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            (tmp_path / name).write_bytes(data)
    return tmp_path


def scaledeal(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """A fresh process with a time limit: a hang fails the test instead of stalling the suite."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli.main", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "SCALEDEAL_NO_CACHE": "1"},
    )


def check_lines(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(root)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out.splitlines()


def one_problem(root: Path, capsys: pytest.CaptureFixture[str], file: str = "claims.yaml") -> str:
    code, lines = check_lines(root, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert re.match(rf"{re.escape(str(root / file))}:\d+: ", lines[0]), lines[0]
    return lines[0]


# ---------------------------------------------------------------- bombs and hangs
def test_an_alias_bomb_in_claims_is_one_warning_for_extract_without_a_hang(tmp_path: Path):
    root = corpus(tmp_path, claims=BOMB)
    out = scaledeal("extract", str(root), "--format", "json")
    assert out.returncode == 0, out.stderr
    warnings = [x for x in out.stderr.splitlines() if "claims.yaml" in x]
    assert len(warnings) == 1 and f"{root / 'claims.yaml'}:1: anchors and aliases" in warnings[0]


def test_an_alias_bomb_in_sources_is_one_problem_for_check(tmp_path: Path, capsys):
    line = one_problem(corpus(tmp_path, sources=BOMB), capsys, "sources.yaml")
    assert "anchors and aliases" in line


def test_a_merge_key_bomb_is_refused_like_any_alias(tmp_path: Path, capsys):
    bomb = "base: &b {title: x}\na.txt:\n  <<: *b\n"
    assert "anchors and aliases" in one_problem(corpus(tmp_path, sources=bomb), capsys, "sources.yaml")


def test_a_megabyte_long_quote_is_reported_on_one_short_line(tmp_path: Path, capsys):
    long = CONFLICT.format(explanation="fine").replace("half of Tallow Creek Dairy", "z" * 1_000_000)
    line = one_problem(corpus(tmp_path, claims=long), capsys)
    assert "quote not found" in line and len(line) < 600


def test_a_curated_file_that_is_a_pipe_never_hangs(tmp_path: Path):
    root = corpus(tmp_path)
    os.mkfifo(root / "claims.yaml")
    try:
        out = scaledeal("check", str(root), timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("scaledeal check hung on a named pipe called claims.yaml")
    assert out.returncode in (0, 1) and "Traceback" not in out.stderr


def test_an_article_that_is_a_pipe_is_skipped_not_waited_for(tmp_path: Path):
    root = corpus(tmp_path)
    os.mkfifo(root / "c.txt")
    try:
        out = scaledeal("extract", str(root), "--format", "json", timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("scaledeal extract hung on a named pipe called c.txt")
    assert out.returncode == 0 and "c.txt" in out.stderr


# ---------------------------------------------------------------- wrong shapes
@pytest.mark.parametrize(
    "body",
    [
        "- just\n- a list\n",
        "a bare sentence\n",
        "42\n",
        "claims: 5\n",
        "conflicts: some text\n",
        "claims:\n  - 7\n  - [nested, list]\n",
        "unknown_section:\n  - x: 1\n",
        "claims:\n  - {source: a.txt, quote: half, occurrence: 99999999999999999999999}\n",
        "claims:\n  - {source: a.txt, quote: half, occurrence: -3}\n",
        "claims:\n  - {source: a.txt, quote: ''}\n",
        "claims:\n  - {source: [a.txt], quote: {x: 1}}\n",
        "claims:\n\t- tab: indented\n",
        "claims:\n  - {source: a.txt, quote: half}\n  - {source: a.txt, quote: half, source: b.txt}\n",
        "%YAML 9.9\n---\nclaims: []\n",
        "--- \nclaims: []\n--- \nclaims: []\n",
        "!!binary aGVsbG8=\n",
        "claims: !!set {a, b}\n",
        "claims: [" * 40 + "]" * 40 + "\n",
    ],
    ids=lambda b: re.sub(r"\W+", "_", b)[:30],
)
def test_a_wrongly_shaped_claims_file_is_reported_by_file_and_line(tmp_path: Path, capsys, body: str):
    code, lines = check_lines(corpus(tmp_path, claims=body), capsys)
    assert code == 1 and lines, "a broken curated file must not pass"
    for line in lines:
        assert re.match(rf"{re.escape(str(tmp_path / 'claims.yaml'))}:\d+: \S", line), line


@pytest.mark.parametrize("body", [b"", b"# only a comment\n", b"\n\n\n"])
def test_an_empty_claims_file_is_fine(tmp_path: Path, capsys, body: bytes):
    code, lines = check_lines(corpus(tmp_path, claims=body), capsys)
    assert code == 0 and lines[0].startswith("OK: 2 articles")


def test_a_binary_claims_file_is_one_problem(tmp_path: Path, capsys):
    line = one_problem(corpus(tmp_path, claims=bytes(range(256)) * 4), capsys)
    assert "\x00" not in line and ESCAPES.search(line) is None


def test_a_folder_called_claims_yaml_is_one_problem(tmp_path: Path, capsys):
    root = corpus(tmp_path)
    (root / "claims.yaml").mkdir()
    code, lines = check_lines(root, capsys)
    assert code in (0, 1) and len(lines) == 1


def test_a_sources_file_of_the_wrong_types_names_each_line(tmp_path: Path, capsys):
    code, lines = check_lines(corpus(tmp_path, sources="a.txt:\n  title: [1, 2]\nb.txt: 17\n"), capsys)
    assert code == 1 and len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'sources.yaml'}:2: ")
    assert lines[1].startswith(f"{tmp_path / 'sources.yaml'}:3: ")


# ---------------------------------------------------------------- untrusted text in curated files
def test_escapes_written_in_yaml_never_reach_the_terminal_from_check(tmp_path: Path, capsys):
    body = 'claims:\n  - {id: x, source: "a\\e]52;c;eA==\\a.txt", quote: "\\e[2J\\x9bhalf"}\n'
    line = one_problem(corpus(tmp_path, claims=body), capsys)
    assert ESCAPES.search(line) is None
    assert "␛]52;c;eA==␇" in line or "\\x1b]52;c;eA==\\x07" in line  # made visible, or quoted as a repr


def test_broken_curation_keeps_every_automatic_fact_and_warns_in_extract(tmp_path: Path, capsys):
    root = corpus(tmp_path, claims="claims:\n  - {source: a.txt, quote: [unclosed\n")
    assert main(["extract", str(root), "--format", "json"]) == 0
    out = capsys.readouterr()
    assert '"$90 million"' in out.out and '"$120 million"' in out.out
    [warning] = [x for x in out.err.splitlines() if "claims.yaml" in x]
    assert re.search(r"claims\.yaml:\d+: invalid YAML", warning)


async def test_the_app_shows_a_curated_explanation_with_escapes_literally(tmp_path: Path):
    explanation = '"[bold]Half[/] is not \\e]52;c;eA==\\a all [@click=app.quit]x[/]"'
    root = corpus(tmp_path, claims=CONFLICT.format(explanation=explanation))
    app = ScaledealApp([str(root)])
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        await loaded(pilot, limit=60)
        await pilot.press("4")
        await pilot.pause()
        table = app.query_one("#pane-conflicts").table
        ids = [table.items[i].id for i in table.rows]
        table.move_cursor(ids.index("share"))
        await pilot.pause()
        verdict = app.query_one("#diff-verdict").render()
        shown = getattr(verdict, "plain", str(verdict))
        assert "[bold]Half[/] is not ␛]52;c;eA==␇ all [@click=app.quit]x[/]" in shown
        assert app.is_running


async def test_the_app_opens_with_a_bomb_beside_the_articles_and_says_so(tmp_path: Path):
    root = corpus(tmp_path, claims=BOMB)
    app = ScaledealApp([str(root)])
    async with app.run_test(size=(140, 36), notifications=True) as pilot:
        await loaded(pilot, limit=60)
        assert app.lookup is not None and len(app.lookup.sources) == 2
        messages = [n.message for n in app._notifications]
        assert any("claims.yaml:1: anchors and aliases" in m for m in messages), messages
