"""`scaledeal extract` on saved pages and PDFs, and on folders with nothing readable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.facts.read.pdf_maker import article_pages, make_pdf
from tui.cli.main import main

PAGES = Path(__file__).parents[1] / "facts" / "read" / "pages"


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCALEDEAL_NO_CACHE", "1")


def test_contract_carries_the_text_of_pages_and_pdfs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_bytes((PAGES / "og_jsonld.html").read_bytes())
    lines = [["Ferry deal approved"], ["Regulators approved the $420 million ferry deal on Monday, the port said."]]
    (tmp_path / "b.pdf").write_bytes(make_pdf(article_pages([lines])))
    assert main(["extract", str(tmp_path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    by_id = {s["id"]: s for s in out["sources"]}
    assert by_id["a.html"]["author"] == "Jane Roe" and by_id["a.html"]["date"] == "2025-10-03"
    assert by_id["b.pdf"]["pages"] == [0]
    for n in out["numbers"]:
        assert by_id[n["source"]]["text"][n["start"] : n["end"]] == n["text"]
    assert {n["source"] for n in out["numbers"] if n["text"] == "$420 million"} == {"a.html", "b.pdf"}


def test_only_unreadable_files_exit_2_naming_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]]))
    (tmp_path / "locked.pdf").write_bytes(b"not really a pdf")
    (tmp_path / "list.html").write_bytes((PAGES / "index_page.html").read_bytes())
    assert main(["extract", str(tmp_path), "--format", "json"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "scan.pdf: no text layer" in err and "locked.pdf: not a PDF" in err and "list.html: no article" in err


def test_a_single_html_file_is_read_as_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(PAGES / "title_only.html"), "--format", "json"]) == 0
    (src,) = json.loads(capsys.readouterr().out)["sources"]
    assert src["title"] == "Glassworks owner weighs sale of kiln division" and "<" not in src["text"]
