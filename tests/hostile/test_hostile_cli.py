"""The command line on a hostile corpus: exits 0, warns once per skipped file,
every span it prints is exact, and nothing it read was modified."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import facts.read.corpus as corpus_mod
from facts.read.corpus import read_corpus
from tests.hostile.generate import BINARY_CASES, generate
from tui.cli.main import main


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    generate(out, tiny=50, huge_mb=5)
    return out


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def test_extract_survives_the_hostile_corpus(hostile, capsys):
    before = digests(hostile)
    assert main(["extract", str(hostile), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    warned = [line for line in err.splitlines() if line]
    for name in BINARY_CASES:
        assert sum(name in w for w in warned) == 1, f"{name} should be named in exactly one warning"
    assert all(w.startswith("scaledeal: warning: ") for w in warned)
    texts = {s.id: s.text for s in read_corpus([hostile]).sources}
    assert {s["id"] for s in data["sources"]} == set(texts)
    for n in data["numbers"]:
        assert texts[n["source"]][n["start"] : n["end"]] == n["text"]
    for e in data["entities"]:
        for m in e["mentions"]:
            assert texts[m["source"]][m["start"] : m["end"]] == m["text"]
    assert digests(hostile) == before, "an input file was modified"


def test_text_with_a_stray_nul_still_loads(hostile):
    ids = {s.id for s in read_corpus([hostile]).sources}
    assert "controls.txt" in ids and "huge_single_line.txt" in ids


def test_path_that_does_not_exist_exits_2_with_one_line(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing" in err and "Traceback" not in err


def test_folder_of_only_unreadable_files_exits_2(tmp_path, capsys):
    for name, (_why, data) in BINARY_CASES.items():
        (tmp_path / name).write_bytes(data)
    assert main(["extract", str(tmp_path)]) == 2
    assert "could be read" in capsys.readouterr().err


def test_file_that_disappears_while_loading_is_a_warning(tmp_path, monkeypatch):
    (tmp_path / "stays.txt").write_text("A deal worth $5 million.\n")
    ghost = tmp_path / "ghost.txt"
    real_walk = corpus_mod._walk
    monkeypatch.setattr(corpus_mod, "_walk", lambda root, w: iter([*real_walk(root, w), ghost]))
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["stays.txt"]
    assert "ghost.txt" in str(corpus.warnings[0])


def test_folder_without_permission_is_a_warning(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Readable.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Hidden.\n")
    real_scandir = corpus_mod.os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(corpus_mod.os, "scandir", scandir)
    corpus = read_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["a.txt"]
    assert any("locked" in str(w) and "Permission denied" in str(w) for w in corpus.warnings)


def test_ten_thousand_tiny_files(tmp_path, capsys):
    generate(tmp_path, tiny=10_000, huge_mb=0.01)
    assert main(["extract", str(tmp_path / "many"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["sources"]) == 10_000
