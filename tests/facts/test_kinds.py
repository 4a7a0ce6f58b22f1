"""One registry of fact kinds: every view shows the kinds it lists, in its order."""

from __future__ import annotations

from typing import get_args

from facts.kinds import KIND_NAMES, KINDS, SEARCH_ORDER, FactKind, kind_named
from facts.model import FactBase
from facts.views.export import render_markdown
from tests.tui.tui_fixture import factbase
from tui.app import PANE_OF_KIND, PANES
from tui.cli.export import parse_kinds
from tui.screens.search import GROUPS


def test_every_factbase_collection_of_facts_has_a_kind() -> None:
    collections = {name for name, field in FactBase.model_fields.items() if "list[" in str(field.annotation)}
    collections -= {"warnings"}
    assert collections == {k.collection for k in KINDS}


def test_the_fact_kind_type_names_the_registry_in_order() -> None:
    assert get_args(FactKind) == KIND_NAMES


def test_keys_and_search_ranks_follow_the_registry() -> None:
    assert [k.key for k in KINDS] == [str(i + 1) for i in range(len(KINDS))]
    assert sorted(k.search_rank for k in KINDS) == list(range(len(KINDS)))


def test_the_panes_follow_the_registry_order() -> None:
    assert tuple(k.collection for k in KINDS) == PANES
    assert list(PANE_OF_KIND) == list(KIND_NAMES)


def test_the_export_sections_follow_the_registry_order() -> None:
    fb = factbase()
    refs = [(k.name, f.id) for k in reversed(KINDS) for f in k.facts(fb)[:1]]
    markdown = render_markdown(fb, refs)
    headings = [line.split(" (")[0][3:] for line in markdown.splitlines() if line.startswith("## ")]
    expected = [k.title for k in KINDS if k.facts(fb)]
    assert headings[: len(expected)] == expected  # then the timelines and the list of sources cited


def test_the_search_groups_follow_the_search_order() -> None:
    assert [name for name, _ in GROUPS] == [k.name for k in SEARCH_ORDER]
    assert SEARCH_ORDER[0].name == "entity" and SEARCH_ORDER[-1].name == "source"


def test_export_kinds_are_named_singular_or_plural() -> None:
    assert parse_kinds(["Numbers", "entity,conflicts", "number"]) == ("number", "entity", "conflict")
    assert parse_kinds(None) == KIND_NAMES
    assert kind_named("claims") is None
