"""Articles written to a folder and read by the real pipeline, as a user would."""

from __future__ import annotations

from pathlib import Path

from facts.build import extract_paths
from facts.model import FactBase


def build(folder: Path, articles: dict[str, str], dates: dict[str, str] | None = None) -> FactBase:
    """The fact base of `articles` (file name: text). `dates` stand for the
    publication dates a page's metadata would give; short articles like these
    do not write them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    fb = extract_paths([folder])
    for s in fb.sources:
        s.date = (dates or {}).get(s.id, s.date)
    return fb
