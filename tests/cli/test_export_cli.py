"""`scaledeal export`: the app's export (Markdown, CSV, JSON) from a script, never touching textual."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import ROOT

# Run the CLI in a fresh interpreter and report whether textual or rich got imported.
PROBE = """
import sys
from tui.cli.main import main
code = main(sys.argv[1:])
heavy = sorted(m for m in ("textual", "rich") if m in sys.modules)
print("IMPORTED:" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def scaledeal_export(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, "export", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SCALEDEAL_NO_CACHE": "1"},
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Harbour Lane buys Ostrava Glassworks\n\n"
        "Harbour Lane Partners agreed to pay $3.2 billion for Ostrava Glassworks.\n",
        encoding="utf-8",
    )
    (folder / "two.txt").write_text(
        "Glassworks sale nears\n\n"
        "The glassworks employs 1,200 people and its valuation reached $2.9 billion in March.\n",
        encoding="utf-8",
    )
    return folder


def messages(out: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in out.stderr.splitlines() if not line.startswith("IMPORTED:")]


def test_export_writes_markdown_without_importing_textual(corpus: Path, tmp_path: Path):
    target = tmp_path / "facts.md"
    out = scaledeal_export(str(corpus), "-k", "source", "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert "IMPORTED:\n" in out.stderr + "\n"
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# Facts from corpus\n")
    assert "## Sources (2)" in md
    assert "Headline — source 1, paragraph 1:\n\n```text\nHarbour Lane buys Ostrava Glassworks\n```" in md
    assert "1. “Harbour Lane buys Ostrava Glassworks”, undated — file `one.txt`" in md
    assert messages(out) == [f"scaledeal export: wrote 2 facts to {target}"]


def test_an_existing_file_is_kept_unless_forced(corpus: Path, tmp_path: Path):
    target = tmp_path / "facts.md"
    target.write_text("my notes\n", encoding="utf-8")
    out = scaledeal_export(str(corpus), "-o", str(target))
    assert out.returncode == 2
    assert messages(out) == [f"scaledeal export: {target}: already exists (use --force to replace it)"]
    assert target.read_text(encoding="utf-8") == "my notes\n"
    forced = scaledeal_export(str(corpus), "-k", "source", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Facts from corpus")


def test_dash_prints_the_markdown_to_stdout(corpus: Path):
    out = scaledeal_export(str(corpus), "--kind", "sources", "-o", "-")
    assert out.returncode == 0
    assert out.stdout.startswith("# Facts from corpus\n") and "Glassworks sale nears" in out.stdout


def test_a_misspelt_query_selects_the_matching_numbers_only(corpus: Path):
    out = scaledeal_export(str(corpus), "--query", "valuaton", "--kind", "number", "-o", "-")
    assert out.returncode == 0, out.stderr
    assert "## Numbers" in out.stdout and "## Sources (1)\n\n1. “Glassworks sale nears”" in out.stdout
    assert "Figure: `$2.9 billion`" in out.stdout
    assert "\\$3.2 billion" not in out.stdout


def test_csv_and_json_hold_the_same_facts_and_quotes_as_markdown(corpus: Path, tmp_path: Path):
    md = scaledeal_export(str(corpus), "-k", "number", "-o", "-").stdout
    as_csv = scaledeal_export(str(corpus), "-k", "number", "--format", "csv", "-o", "-")
    target = tmp_path / "facts.json"
    as_json = scaledeal_export(str(corpus), "-k", "number", "-o", str(target))  # the format by the extension
    assert as_csv.returncode == as_json.returncode == 0, as_csv.stderr + as_json.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    data = json.loads(target.read_text(encoding="utf-8"))
    quotes = [t.content.removesuffix("\n") for t in MarkdownIt("commonmark").parse(md) if t.type == "fence"]
    assert quotes == [r["quote"] for r in rows if r["record"] == "fact"]
    assert quotes == [q["text"] for f in data["facts"] for q in f["quotes"]]
    assert "Harbour Lane Partners agreed to pay $3.2 billion for Ostrava Glassworks." in quotes
    assert len(data["sources"]) == 2 and data["sources"][0]["file"] == "one.txt"


def test_nothing_matching_writes_nothing(corpus: Path, tmp_path: Path):
    target = tmp_path / "none.md"
    out = scaledeal_export(str(corpus), "--query", "qqxzzv", "-o", str(target))
    assert out.returncode == 1
    assert messages(out) == ["scaledeal export: no facts matching 'qqxzzv'; nothing written"]
    assert not target.exists()


def test_a_missing_output_directory_is_one_line(corpus: Path, tmp_path: Path):
    out = scaledeal_export(str(corpus), "-o", str(tmp_path / "nowhere" / "x.md"))
    assert out.returncode == 2
    [line] = messages(out)
    assert line.startswith("scaledeal export: cannot write ") and "no such directory" in line
    assert "Traceback" not in out.stderr


def test_an_unknown_kind_is_refused(corpus: Path):
    out = scaledeal_export(str(corpus), "--kind", "number,widget", "-o", "-")
    assert out.returncode == 2
    kinds = "source, entity, number, conflict, check"
    assert messages(out) == [f"scaledeal export: unknown kind 'widget' (choose from {kinds})"]


def test_a_corpus_that_does_not_exist_is_one_line(tmp_path: Path):
    out = scaledeal_export(str(tmp_path / "missing"), "-o", "-")
    assert out.returncode == 2
    assert len(messages(out)) == 1 and "no such file or directory" in out.stderr


def test_selected_exports_what_the_app_kept_for_this_corpus_in_its_order(corpus: Path, tmp_path: Path):
    from facts.views.selection import save_selection, selection_file

    data = tmp_path / "data"
    path = selection_file([str(corpus)], "corpus", data / "selections")
    save_selection(path, [("source", "two.txt"), ("source", "gone.txt"), ("source", "one.txt")], "corpus")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, "export", str(corpus), "--selected", "--format", "json", "-o", "-"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SCALEDEAL_NO_CACHE": "1", "SCALEDEAL_DATA_DIR": str(data)},
    )
    assert out.returncode == 0, out.stderr
    assert [f["id"] for f in json.loads(out.stdout)["facts"]] == ["two.txt", "one.txt"]
