"""Domain lexicons (currency words, scale words, hedges, cues, honorifics) as data.

A new currency or hedge word is a one-line change to a YAML file here; each
file has a pydantic model (models.py) that checks it when it is first loaded.
"""

from __future__ import annotations

from facts.lexicon.loader import LexiconError, load_model

__all__ = ["LexiconError", "load_model"]
