"""Builds a fact base the way the app will once issue 8 is wired in:
extraction, then attribution per article, conflicts, and checks."""

from __future__ import annotations

from pathlib import Path

from facts.analyse.attribution import attribute_numbers
from facts.analyse.checks import find_checks
from facts.analyse.conflicts import find_conflicts
from facts.build import extract_paths
from facts.extract.document import document_of
from facts.model import FactBase


def build(folder: Path, articles: dict[str, str], dates: dict[str, str] | None = None) -> FactBase:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    fb = extract_paths([folder])
    for s in fb.sources:
        s.date = (dates or {}).get(s.id, s.date)
        attribute_numbers([n for n in fb.numbers if n.span.source == s.id], document_of(s.text), fb.entities)
    fb.conflicts = find_conflicts(fb) + [c for c in fb.conflicts if c.provenance == "curated"]
    fb.checks = find_checks(fb)
    return fb
