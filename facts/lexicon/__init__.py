"""Domain lexicons (currency words, scale words, hedges, cues, honorifics) as data.

A new currency or hedge word is a one-line change to a YAML file here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """The parsed `facts/lexicon/<name>.yaml` (safe loader, read once)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
