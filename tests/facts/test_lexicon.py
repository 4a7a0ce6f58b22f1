"""Lexicon files are checked by their models when loaded; a broken one names file:line."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from facts.lexicon import LexiconError, load_model, loader
from facts.lexicon.models import (
    MODELS,
    AttributesLexicon,
    AttributionLexicon,
    ChecksLexicon,
    MetadataLexicon,
    NumbersLexicon,
)

Edit = Callable[[str, str, str], None]
BUNDLED = Path(str(loader.DIRECTORY))


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    loader.clear_cache()
    yield
    loader.clear_cache()  # no later test sees a broken copy


@pytest.fixture
def edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Edit:
    """Copies the bundled lexicons to a folder the loader reads instead; edit(name, old, new) changes one."""
    for src in BUNDLED.glob("*.yaml"):
        shutil.copy(src, tmp_path / src.name)
    monkeypatch.setattr(loader, "DIRECTORY", tmp_path)

    def change(name: str, old: str, new: str) -> None:
        path = tmp_path / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


def line_of(name: str, pattern: str) -> int:
    """The 1-based line of the bundled file where `pattern` first matches."""
    text = (BUNDLED / f"{name}.yaml").read_text(encoding="utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match, pattern
    return text.count("\n", 0, match.start()) + 1


def test_every_bundled_lexicon_validates() -> None:
    names = {p.stem for p in BUNDLED.glob("*.yaml")}
    assert names == set(MODELS)  # a new lexicon file needs a model
    for name, model in MODELS.items():
        assert isinstance(load_model(name, model), model)


def test_an_unknown_key_names_its_line(edit: Edit) -> None:
    edit("checks", "base_words: [from]", "base_words: [from]\nbase_word: [since]")
    line = line_of("checks", r"^base_words:") + 1
    with pytest.raises(LexiconError, match=rf"^facts/lexicon/checks\.yaml:{line}: base_word: unknown key$"):
        load_model("checks", ChecksLexicon)


def test_a_value_of_the_wrong_type_names_its_line(edit: Edit) -> None:
    edit("checks", "tolerance: 0.005", "tolerance: tight")
    line = line_of("checks", r"^tolerance:")
    with pytest.raises(LexiconError, match=rf"^facts/lexicon/checks\.yaml:{line}: tolerance: .*valid number"):
        load_model("checks", ChecksLexicon)


def test_an_unquoted_yes_is_refused_not_read_as_a_boolean(edit: Edit) -> None:
    edit("metadata", "  - Subscribe to\n", "  - yes\n")
    line = line_of("metadata", r"^  - Subscribe to$")
    with pytest.raises(LexiconError, match=rf"^facts/lexicon/metadata\.yaml:{line}: newsletter_cues\.4: .*string"):
        load_model("metadata", MetadataLexicon)


def test_a_wrong_key_of_a_map_names_its_line(edit: Edit) -> None:
    edit("attribution", "own: 2.5,", "ours: 2.5,")
    line = line_of("attribution", r"^weights:")
    with pytest.raises(LexiconError, match=rf"^facts/lexicon/attribution\.yaml:{line}: weights\.ours \(key\): "):
        load_model("attribution", AttributionLexicon)


def test_a_hedge_the_grammar_does_not_know_names_its_line(edit: Edit) -> None:
    edit("numbers", "  approx: [about,", "  aprox: [about,")
    line = line_of("numbers", r"^  approx:")
    with pytest.raises(LexiconError, match=rf"^facts/lexicon/numbers\.yaml:{line}: hedges\.aprox \(key\): "):
        load_model("numbers", NumbersLexicon)


def test_a_missing_field_names_the_entry_that_lacks_it(edit: Edit) -> None:
    edit("attributes", "  premium:\n    units: [percent]\n", "  premium:\n")
    line = line_of("attributes", r"^  premium:")
    expected = rf"^facts/lexicon/attributes\.yaml:{line}: attributes\.premium\.units: missing$"
    with pytest.raises(LexiconError, match=expected):
        load_model("attributes", AttributesLexicon)


def test_a_count_noun_must_name_an_attribute_of_the_file(edit: Edit) -> None:
    edit("attributes", "  member: team size\n", "  member: crew size\n")
    line = line_of("attributes", r"^count_nouns:")
    with pytest.raises(LexiconError, match=rf"^facts/lexicon/attributes\.yaml:{line}: count_nouns: .*crew size"):
        load_model("attributes", AttributesLexicon)


def test_broken_yaml_names_its_line(edit: Edit) -> None:
    edit("checks", "base_words: [from]", "base_words: [from")
    with pytest.raises(LexiconError, match=r"^facts/lexicon/checks\.yaml:\d+: invalid YAML: "):
        load_model("checks", ChecksLexicon)


def test_a_lexicon_is_read_and_validated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    text = loader._text

    def counting(name: str) -> str:
        reads.append(name)
        return text(name)

    monkeypatch.setattr(loader, "_text", counting)
    first = load_model("checks", ChecksLexicon)
    assert load_model("checks", ChecksLexicon) is first
    assert reads == ["checks"]


def test_checks_name_only_attributes_the_attributes_lexicon_defines() -> None:
    attributes = load_model("attributes", AttributesLexicon)
    known = {*attributes.attributes, *attributes.special}
    checks = load_model("checks", ChecksLexicon)
    assert {*checks.rise_attributes, *checks.fall_attributes} <= known
