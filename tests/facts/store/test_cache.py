"""The extraction cache: a second open does not extract again, a changed
article does, and a broken or tampered cache is ignored, never trusted."""

from __future__ import annotations

import os
import re
import shutil
import stat
import time
from pathlib import Path

import pytest

import facts.build as extract_mod
import facts.store.cache as cache_mod
from facts.build import build
from facts.extract.entities import Candidate
from facts.model import Number, Span
from facts.read.corpus import read_corpus

ARTICLES = {
    "first.txt": "Orbital Freight agreed to pay 120 dollars a share for 40 percent of Kestrel.\n",
    "second.txt": "Kestrel employs 900 people and was set up in 2011 by Dana Whitlow.\n",
    "third.txt": "Nothing numeric here, only Kestrel and Orbital Freight again.\n",
}


def fake_numbers(text: str, source: str) -> list[Number]:
    """Every run of digits, so the tests do not depend on the real grammar."""
    out = []
    for m in re.finditer(r"\d+", text):
        span = Span(source=source, start=m.start(), end=m.end(), text=m.group())
        out.append(Number(id=f"n:{source}:{m.start()}", span=span, value=float(m.group()), unit="count"))
    return out


def fake_candidates(text: str, source: str) -> list[Candidate]:
    spans = (Span(source=source, start=m.start(), end=m.end(), text=m.group()) for m in re.finditer(r"[A-Z]\w+", text))
    return [Candidate(span) for span in spans]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """A private cache dir, and the list of sources the extractors ran on."""
    seen: list[str] = []
    monkeypatch.setenv("SCALEDEAL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SCALEDEAL_NO_CACHE", raising=False)
    monkeypatch.setattr(extract_mod, "find_numbers", lambda text, src: seen.append(src) or fake_numbers(text, src))
    monkeypatch.setattr(extract_mod, "find_candidates", fake_candidates)
    return seen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted(p for p in (tmp_path / "cache").rglob("*.json"))


def test_second_open_does_not_extract_again(calls, folder):
    first = build(read_corpus([folder]))
    assert sorted(calls) == sorted(ARTICLES)
    calls.clear()
    second = build(read_corpus([folder]))
    assert calls == []
    assert second.model_dump() == first.model_dump()


def test_cached_open_keeps_the_article_texts_and_spans_exact(calls, folder):
    build(read_corpus([folder]))
    fb = build(read_corpus([folder]))
    texts = {s.id: s.text for s in fb.sources}
    assert texts == ARTICLES
    assert fb.numbers and all(texts[n.span.source][n.span.start : n.span.end] == n.span.text for n in fb.numbers)


def test_only_the_edited_article_is_extracted_again(calls, folder):
    build(read_corpus([folder]))
    calls.clear()
    (folder / "second.txt").write_text("Kestrel now employs 950 people.\n", encoding="utf-8")
    fb = build(read_corpus([folder]))
    assert calls == ["second.txt"]
    assert 950 in [n.value for n in fb.numbers]


def test_a_new_article_is_extracted_and_the_rest_come_from_the_cache(calls, folder):
    build(read_corpus([folder]))
    calls.clear()
    (folder / "fourth.txt").write_text("A fourth piece mentions 77 stores.\n", encoding="utf-8")
    build(read_corpus([folder]))
    assert calls == ["fourth.txt"]


def test_garbage_in_the_cache_is_ignored(calls, folder, tmp_path):
    expected = build(read_corpus([folder])).model_dump()
    for p in cache_files(tmp_path):
        p.write_bytes(b"\x00{not json at all")
    calls.clear()
    assert build(read_corpus([folder])).model_dump() == expected
    assert sorted(calls) == sorted(ARTICLES), "a broken entry must be recomputed"


def test_a_tampered_entry_whose_quotes_do_not_match_is_not_trusted(calls, folder, tmp_path):
    expected = build(read_corpus([folder])).model_dump()
    for p in cache_files(tmp_path):
        p.write_bytes(
            p.read_bytes().replace(b'"text":"900"', b'"text":"666"').replace(b'"text":"120"', b'"text":"666"')
        )
    fb = build(read_corpus([folder]))
    assert fb.model_dump() == expected
    assert "666" not in [n.span.text for n in fb.numbers]


def test_truncated_entry_from_an_interrupted_write_is_ignored(calls, folder, tmp_path):
    expected = build(read_corpus([folder])).model_dump()
    for p in cache_files(tmp_path):
        p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])
    assert build(read_corpus([folder])).model_dump() == expected


def test_no_cache_setting_writes_nothing_and_extracts_every_time(calls, folder, tmp_path, monkeypatch):
    monkeypatch.setenv("SCALEDEAL_NO_CACHE", "1")
    build(read_corpus([folder]))
    build(read_corpus([folder]))
    assert len(calls) == 2 * len(ARTICLES)
    assert not (tmp_path / "cache").exists()


def test_cache_never_writes_next_to_the_articles(calls, folder):
    before = sorted(p.name for p in folder.iterdir())
    build(read_corpus([folder]))
    build(read_corpus([folder]))
    assert sorted(p.name for p in folder.iterdir()) == before


def test_unwritable_cache_only_costs_speed(calls, folder, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SCALEDEAL_CACHE_DIR", str(blocker / "cache"))
    assert len(build(read_corpus([folder])).sources) == len(ARTICLES)


def test_warnings_come_from_this_reading_not_the_cached_one(calls, folder):
    build(read_corpus([folder]))
    (folder / "broken.txt").write_bytes(b"caf\xe9")
    fb = build(read_corpus([folder]))
    assert any("broken.txt" in str(w) for w in fb.warnings)
    (folder / "broken.txt").unlink()
    assert build(read_corpus([folder])).warnings == []


def test_any_change_to_the_extractor_code_gives_a_new_cache_version(tmp_path, monkeypatch):
    pkg = tmp_path / "facts"
    shutil.copytree(cache_mod.PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_mod, "PACKAGE", pkg)
    cache_mod.extractor_version.cache_clear()
    try:
        before = cache_mod.extractor_version()
        lexicon = next(pkg.joinpath("lexicon").glob("*.yaml"), None) or pkg / "numbers.py"
        lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# one more word\n", encoding="utf-8")
        cache_mod.extractor_version.cache_clear()
        assert cache_mod.extractor_version() != before
    finally:
        cache_mod.extractor_version.cache_clear()


# ---------------------------------------------------------------- signatures
def fresh_build(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    with monkeypatch.context() as m:
        m.setenv("SCALEDEAL_NO_CACHE", "1")
        return build(read_corpus([folder])).model_dump()


@pytest.mark.parametrize(
    ("pattern", "replacement"),
    [(rb'"value":1\d\d\.0', b'"value":999999.0'), (rb'"attribute":"[^"]*"', b'"attribute":"fine"')],
    ids=["value", "attribute"],
)
def test_an_edited_entry_is_rebuilt_not_trusted(calls, folder, tmp_path, monkeypatch, pattern, replacement):
    build(read_corpus([folder]))
    edited = 0
    for p in cache_files(tmp_path):
        data = p.read_bytes()
        changed = re.sub(pattern, replacement, data)
        edited += changed != data
        p.write_bytes(changed)
    assert edited, "the test must change some entry"
    calls.clear()
    assert build(read_corpus([folder])).model_dump() == fresh_build(folder, monkeypatch)
    assert calls, "an edited entry must be extracted again"


def test_an_entry_without_a_signature_is_rebuilt(calls, folder, tmp_path):
    expected = build(read_corpus([folder])).model_dump()
    for p in cache_files(tmp_path):
        p.write_bytes(p.read_bytes().split(b"\n", 1)[1])  # the JSON alone, as an older version wrote it
    calls.clear()
    assert build(read_corpus([folder])).model_dump() == expected
    assert sorted(calls) == sorted(ARTICLES)


def test_a_signed_entry_copied_over_another_is_refused(calls, folder, tmp_path):
    expected = build(read_corpus([folder])).model_dump()
    entries = [p for p in cache_files(tmp_path) if p.parent.parent.name == "sources"]
    donor = entries[0].read_bytes()
    for p in entries[1:]:
        p.write_bytes(donor)
    calls.clear()
    for p in cache_files(tmp_path):
        if p.parent.name == "corpus":
            p.unlink()
    assert build(read_corpus([folder])).model_dump() == expected
    assert len(calls) == len(ARTICLES) - 1


def test_the_key_is_private_and_made_once(calls, folder, tmp_path):
    build(read_corpus([folder]))
    key = tmp_path / "cache" / cache_mod.KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    first = key.read_bytes()
    build(read_corpus([folder]))
    assert key.read_bytes() == first


def test_a_key_others_can_read_is_replaced_and_its_entries_dropped(calls, folder, tmp_path):
    expected = build(read_corpus([folder])).model_dump()
    key = tmp_path / "cache" / cache_mod.KEY_FILE
    first = key.read_bytes()
    key.chmod(0o644)
    calls.clear()
    assert build(read_corpus([folder])).model_dump() == expected
    assert sorted(calls) == sorted(ARTICLES)
    assert key.read_bytes() != first and stat.S_IMODE(key.stat().st_mode) == 0o600


# ---------------------------------------------------------------- versions
def version_folder(root: Path, n: int, age_days: float) -> Path:
    d = root / f"v-{n:016x}"
    (d / "sources").mkdir(parents=True)
    then = time.time() - age_days * 86400
    os.utime(d, (then, then))
    return d


def test_the_most_recently_used_versions_are_kept_and_older_evicted(calls, folder, tmp_path):
    root = tmp_path / "cache"
    recent, older, oldest = (version_folder(root, i, age) for i, age in ((1, 1), (2, 5), (3, 30)))
    unrelated = root / "keep-me"
    unrelated.mkdir()
    build(read_corpus([folder]))
    kept = sorted(d.name for d in root.iterdir() if d.name.startswith("v-"))
    assert kept == sorted([recent.name, older.name, f"v-{cache_mod.extractor_version()}"])
    assert not oldest.exists() and unrelated.exists()


def test_opening_with_a_version_makes_it_recent_again(calls, folder, tmp_path):
    build(read_corpus([folder]))
    mine = tmp_path / "cache" / f"v-{cache_mod.extractor_version()}"
    long_ago = time.time() - 90 * 86400
    os.utime(mine, (long_ago, long_ago))
    build(read_corpus([folder]))  # a cache hit writes nothing, but it is a use
    assert mine.stat().st_mtime > long_ago + 86400


def test_two_installs_do_not_evict_each_other(tmp_path):
    root = tmp_path / "cache"
    a, b = version_folder(root, 1, 2), version_folder(root, 2, 1)
    assert cache_mod.evict_versions(root, keep=a) == []
    assert cache_mod.evict_versions(root, keep=b) == []
    assert a.exists() and b.exists()


def test_a_big_corpus_entry_is_written_and_read_a_few_hundred_records_at_a_time(tmp_path):
    """One call over a whole corpus held the GIL for seconds and froze the app while its cache loaded."""
    from facts.model import FactBase

    text = "7 " * 2_000
    fb = FactBase(corpus="many", numbers=fake_numbers(text, "a.txt"))
    lines = b"".join(cache_mod.encode_corpus(fb)).split(b"\n")
    assert len(lines) > 2_000 // cache_mod.CHUNK_WEIGHT
    assert max(len(line) for line in lines) < 400 * cache_mod.CHUNK_WEIGHT  # bytes: a few hundred records
    store = cache_mod.Cache(tmp_path / "cache")
    store.store_corpus("k", fb)
    assert store.load_corpus("k", []) is None  # the spans quote sources it was not given
    entry = b"".join(cache_mod.encode_corpus(fb))
    assert cache_mod.decode_corpus(entry) == fb
    assert cache_mod.decode_corpus(entry[:-5]) is None  # cut short
    assert cache_mod.decode_corpus(entry.replace(b"numbers\t", b"nothing\t", 1)) is None
