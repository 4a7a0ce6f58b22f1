"""Reading lexicon files: parsed once, validated by their model, errors as file:line."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar, cast

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from facts.lexicon.models import Lexicon

DIRECTORY: Traversable = resources.files("facts.lexicon")
_SafeLoader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

L = TypeVar("L", bound=Lexicon)
_PLAIN = {"extra_forbidden": "unknown key", "missing": "missing"}  # pydantic's words for these read oddly here


class LexiconError(ValueError):
    """A bundled lexicon file is broken: `facts/lexicon/<name>.yaml:<line>: <what is wrong>`."""


def _file(name: str) -> str:
    return f"facts/lexicon/{name}.yaml"


def _text(name: str) -> str:
    return DIRECTORY.joinpath(f"{name}.yaml").read_text(encoding="utf-8")


@cache
def _parsed(name: str) -> Any:
    """The parsed `facts/lexicon/<name>.yaml`, before its model checks it (safe loader, read once).
    The C loader when PyYAML has it: the pure-Python one took 0.7 s of every process's start."""
    try:
        return yaml.load(_text(name), Loader=_SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise LexiconError(f"{_file(name)}:{line}: invalid YAML: {err.problem or err.context}") from None


def load_model(name: str, model: type[L]) -> L:
    """`facts/lexicon/<name>.yaml` validated by `model` (once); a broken file raises LexiconError."""
    return cast(L, _validated(name, model))  # _validated(name, model) is an instance of model


@cache
def _validated(name: str, model: type[Lexicon]) -> Lexicon:
    data = _parsed(name)
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        line = _line(yaml.compose(_text(name), Loader=yaml.SafeLoader), first["loc"])
        raise LexiconError(f"{_file(name)}:{line}: {_what(first)}") from None


def _what(error: ErrorDetails) -> str:
    """`where: what`, where being the dotted keys and list indices ("attributes.premium.units")."""
    loc = error["loc"]
    key = "[key]" in loc  # a mapping's key itself is wrong, not its value
    where = ".".join(str(p) for p in (loc[: loc.index("[key]")] if key else loc)) or "the file"
    return f"{where}{' (key)' if key else ''}: {_PLAIN.get(error['type'], error['msg'])}"


def _line(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """The 1-based line of the deepest part of `loc` written in the file: a
    mapping entry's key, a list's item; a missing key points at the entry that lacks it."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            entry = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if entry is None:
                break
            line, node = entry[0].start_mark.line + 1, entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def clear_cache() -> None:
    """Forget every lexicon read so far: the next load reads the files again (tests, tools)."""
    _parsed.cache_clear()
    _validated.cache_clear()
