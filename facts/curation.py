"""Curated files beside the articles (sources.yaml, claims.yaml): schema,
validation with file:line, merge into the automatic facts (stub: to be written)."""

from __future__ import annotations

from pathlib import Path

from .model import FactBase


def apply_curation(fb: FactBase, root: Path | None) -> FactBase:
    """Merge the curated files found in `root` into `fb` (automatic facts)."""
    return fb
