"""The contract and the YAML fact base are written in pieces, and the pieces
read back as the whole: nothing lost, no second copy needed."""

from __future__ import annotations

import json

from facts.build import extract_paths
from facts.model import FactBase
from facts.store.contract import contract_json, contract_yaml, load_yaml, to_contract
from tests.conftest import ROOT


def _seeds() -> FactBase:
    return extract_paths([ROOT / "seeds"])


def test_the_streamed_contract_is_the_contract() -> None:
    fb = _seeds()
    pieces = list(contract_json(fb))
    assert len(pieces) > len(fb.numbers)  # one piece an item, not one string
    assert json.loads("".join(pieces)) == json.loads(json.dumps(to_contract(fb)))


def test_the_streamed_yaml_reads_back_as_the_same_fact_base() -> None:
    fb = _seeds()
    assert load_yaml("".join(contract_yaml(fb))) == fb


def test_an_empty_fact_base_streams_valid_json_and_yaml() -> None:
    empty = FactBase()
    assert json.loads("".join(contract_json(empty))) == {k: [] for k in to_contract(empty)}
    assert load_yaml("".join(contract_yaml(empty))) == empty
