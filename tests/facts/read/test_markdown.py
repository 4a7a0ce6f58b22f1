"""Markdown articles read as their text, without markup; the contract carries that text."""

from __future__ import annotations

from pathlib import Path

from facts.build import build
from facts.read.corpus import read_corpus
from facts.read.formats import markdown
from facts.store.contract import to_contract

DOC = """---
title: "Ferry fares rise"
author: Jane Roe
date: 2025-10-03
---
# Ferry *fares* rise

The operator said it spent **$3 billion** on [new boats](https://example.invalid/boats) and `docks` &amp; piers.

> A quoted line with _emphasis_.

- first item
- second item
"""


def test_markup_is_stripped_and_front_matter_read() -> None:
    a = markdown.read(Path("a.md"), DOC.encode())
    assert a.text.startswith(
        "Ferry fares rise\n\nThe operator said it spent $3 billion on new boats and docks & piers."
    )
    assert "A quoted line with emphasis." in a.text and "first item\nsecond item" in a.text
    assert "*" not in a.text and "](" not in a.text and "#" not in a.text
    assert (a.title, a.author, a.date) == ("Ferry fares rise", "Jane Roe", "2025-10-03")


def test_offsets_of_a_markdown_article_index_its_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(DOC, encoding="utf-8")
    fb = build(read_corpus([tmp_path]), workers=1)
    contract = to_contract(fb)
    (src,) = contract["sources"]
    assert src["text"].startswith("Ferry fares rise")
    money = [n for n in contract["numbers"] if n["unit"] == "USD"]
    assert money and all(src["text"][n["start"] : n["end"]] == n["text"] for n in contract["numbers"])
