"""Curated files merged into the automatic facts: what a user sees change."""

from __future__ import annotations

from pathlib import Path

from facts.curate.load import apply_curation
from facts.model import Claim, Conflict, Entity, FactBase, Number, Span
from facts.read.corpus import make_source

ALPHA = (
    "Northwind Ltd agreed to buy a minority stake in Bluefin Labs.\n"
    "The price was $2 billion, and Northwind gets no board seat.\n"
    "Bluefin founder Ada Quist stays in charge. Northwind said the stake is small.\n"
)
BETA = (
    "Northwind will take over Bluefin Labs completely, a memo says.\n"
    "The takeover values Bluefin at $3 billion. Quist will leave.\n"
)


def _span(source: str, text: str, quote: str, occurrence: int = 1) -> Span:
    pos = -1
    for _ in range(occurrence):
        pos = text.index(quote, pos + 1)
    return Span(source=source, start=pos, end=pos + len(quote), text=quote)


def _facts() -> FactBase:
    """A small automatic fact base over two articles, as the extractor would build it."""
    a, b = make_source("alpha.txt", "alpha.txt", ALPHA), make_source("beta.txt", "beta.txt", BETA)
    n1 = Number(id="n:alpha.txt:1", span=_span("alpha.txt", ALPHA, "$2 billion"), value=2e9, unit="USD")
    n2 = Number(id="n:beta.txt:1", span=_span("beta.txt", BETA, "$3 billion"), value=3e9, unit="USD")
    auto = Conflict(
        id="price",
        attribute="deal value",
        claims=[Claim(span=n1.span, value=2e9, unit="USD"), Claim(span=n2.span, value=3e9, unit="USD")],
    )
    people = [
        Entity(
            id="ada-quist",
            name="Ada Quist",
            kind="person",
            aliases=["Quist"],
            mentions=[_span("alpha.txt", ALPHA, "Ada Quist"), _span("beta.txt", BETA, "Quist")],
        ),
        Entity(
            id="northwind-ltd",
            name="Northwind Ltd",
            kind="organisation",
            mentions=[_span("alpha.txt", ALPHA, "Northwind Ltd")],
        ),
        Entity(id="northwind", name="Northwind", kind="organisation", mentions=[_span("beta.txt", BETA, "Northwind")]),
    ]
    return FactBase(corpus="t", sources=[a, b], numbers=[n1, n2], entities=people, conflicts=[auto])


def _corpus(tmp_path: Path, claims: str = "", sources: str = "") -> Path:
    (tmp_path / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "beta.txt").write_text(BETA, encoding="utf-8")
    if claims:
        (tmp_path / "claims.yaml").write_text(claims, encoding="utf-8")
    if sources:
        (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    return tmp_path


TAKEOVER = """
conflicts:
  - id: control
    attribute: ownership
    verdict: contradiction
    explanation: One says a small stake, the other a full takeover.
    claims:
      - {source: alpha.txt, quote: "minority stake", value: stake}
      - {source: beta.txt, quote: "take over Bluefin Labs completely", value: takeover}
"""


def test_curated_conflict_appears_beside_automatic_ones_marked_curated(tmp_path: Path) -> None:
    fb = apply_curation(_facts(), _corpus(tmp_path, TAKEOVER))
    assert [c.provenance for c in fb.conflicts] == ["auto", "curated"]
    curated = fb.conflicts[1]
    assert (curated.kind, curated.verdict, curated.attribute) == ("qualitative", "contradiction", "ownership")
    assert [c.value for c in curated.claims] == ["stake", "takeover"]
    assert fb.warnings == []


def test_curated_claims_point_at_the_exact_characters_of_the_quote(tmp_path: Path) -> None:
    fb = apply_curation(_facts(), _corpus(tmp_path, TAKEOVER))
    texts = {s.id: s.text for s in fb.sources}
    for claim in fb.conflicts[1].claims:
        assert texts[claim.span.source][claim.span.start : claim.span.end] == claim.span.text
        assert claim.sentence is not None and claim.span.text in claim.sentence.text
        assert claim.provenance == "curated"


def test_occurrence_picks_the_later_repetition_of_a_quote(tmp_path: Path) -> None:
    claims = """
claims:
  - {id: first, source: alpha.txt, quote: "stake", occurrence: 1}
  - {id: second, source: alpha.txt, quote: "stake", occurrence: 2}
conflicts:
  - {id: size, attribute: stake size, verdict: compatible, claims: [first, second]}
"""
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    first, second = fb.conflicts[-1].claims
    assert first.span.start < second.span.start
    assert ALPHA[second.span.start : second.span.end] == "stake"


def test_quote_of_a_number_takes_the_automatic_value(tmp_path: Path) -> None:
    claims = """
conflicts:
  - id: price-curated
    attribute: deal value
    kind: numeric
    verdict: contradiction
    claims:
      - {source: alpha.txt, quote: "The price was $2 billion"}
      - {source: beta.txt, quote: "$3 billion"}
"""
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    claims_ = fb.conflicts[-1].claims
    assert [(c.value, c.unit) for c in claims_] == [(2e9, "USD"), (3e9, "USD")]
    assert claims_[0].number_id == "n:alpha.txt:1"


def test_curated_conflict_with_an_automatic_id_replaces_it(tmp_path: Path) -> None:
    claims = TAKEOVER.replace("id: control", "id: price")
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    assert [(c.id, c.provenance) for c in fb.conflicts] == [("price", "curated")]


def test_rejected_automatic_conflict_disappears(tmp_path: Path) -> None:
    claims = "reject:\n  - {conflict: price, reason: the two prices are for different things}\n"
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    assert fb.conflicts == []


def test_rejecting_by_attribute_drops_every_automatic_conflict_on_it(tmp_path: Path) -> None:
    fb = apply_curation(_facts(), _corpus(tmp_path, "reject:\n  - attribute: deal value\n"))
    assert fb.conflicts == []


def test_rejecting_a_conflict_that_does_not_exist_warns_and_changes_nothing(tmp_path: Path) -> None:
    fb = apply_curation(_facts(), _corpus(tmp_path, "reject:\n  - conflict: headcount\n"))
    assert [c.id for c in fb.conflicts] == ["price"]
    assert [str(w) for w in fb.warnings] == [f"{tmp_path / 'claims.yaml'}:2: reject: no automatic conflict 'headcount'"]


def test_merge_gathers_two_entities_into_one(tmp_path: Path) -> None:
    claims = "merge:\n  - {entities: [northwind-ltd, Northwind], reason: the same company}\n"
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    merged = [e for e in fb.entities if e.kind == "organisation"]
    assert len(merged) == 1
    assert merged[0].name == "Northwind Ltd" and "Northwind" in merged[0].aliases
    assert len(merged[0].mentions) == 2 and merged[0].provenance == "curated"


def test_split_moves_named_forms_into_a_new_entity(tmp_path: Path) -> None:
    claims = "split:\n  - {entity: ada-quist, forms: [Quist], name: Bo Quist, kind: person}\n"
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    by_name = {e.name: e for e in fb.entities}
    assert [m.text for m in by_name["Ada Quist"].mentions] == ["Ada Quist"]
    assert "Quist" not in by_name["Ada Quist"].aliases
    assert [m.text for m in by_name["Bo Quist"].mentions] == ["Quist"]
    assert by_name["Bo Quist"].provenance == "curated"


def test_number_attribute_is_corrected_by_quote(tmp_path: Path) -> None:
    claims = "numbers:\n  - {source: beta.txt, quote: values Bluefin at $3 billion, attribute: valuation}\n"
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    fixed = fb.numbers[1]
    assert (fixed.attribute, fixed.provenance) == ("valuation", "curated")
    assert fb.numbers[0].provenance == "auto"


def test_curated_source_metadata_overrides_the_automatic_one(tmp_path: Path) -> None:
    sources = 'alpha.txt:\n  title: "Northwind Ltd agreed to buy a minority stake in Bluefin Labs."\n'
    fb = apply_curation(_facts(), _corpus(tmp_path, sources=sources))
    alpha, beta = fb.sources
    assert alpha.title.startswith("Northwind Ltd agreed") and alpha.provenance == "curated"
    assert beta.provenance == "auto"


def test_a_curated_author_must_be_written_in_the_article(tmp_path: Path) -> None:
    sources = "alpha.txt:\n  author: Jane Roe\nbeta.txt:\n  author: Quist\n"
    fb = apply_curation(_facts(), _corpus(tmp_path, sources=sources))
    alpha, beta = fb.sources
    assert beta.author == "Quist" and beta.provenance == "curated"
    assert alpha.author == "" and any("author not found in alpha.txt" in str(w) for w in fb.warnings)


def test_empty_curated_value_keeps_the_automatic_one(tmp_path: Path) -> None:
    facts = _facts()
    facts.sources[0].outlet = "Harbour Wire"
    fb = apply_curation(facts, _corpus(tmp_path, sources='alpha.txt:\n  outlet: ""\n'))
    assert fb.sources[0].outlet == "Harbour Wire"


def test_invalid_entry_is_skipped_with_a_warning_and_the_rest_applies(tmp_path: Path) -> None:
    claims = (
        TAKEOVER
        + """
  - id: broken
    attribute: ownership
    verdict: maybe
    claims: [a, b]
"""
    )
    fb = apply_curation(_facts(), _corpus(tmp_path, claims))
    assert [c.id for c in fb.conflicts] == ["price", "control"]
    assert len(fb.warnings) == 1 and "verdict" in str(fb.warnings[0])


def test_broken_yaml_keeps_every_automatic_fact(tmp_path: Path) -> None:
    fb = apply_curation(_facts(), _corpus(tmp_path, "conflicts: [\n  - oops\n"))
    assert [c.id for c in fb.conflicts] == ["price"]
    assert len(fb.warnings) == 1 and "invalid YAML" in str(fb.warnings[0])


def test_claims_on_articles_that_were_not_opened_are_skipped_quietly(tmp_path: Path) -> None:
    root = _corpus(tmp_path, TAKEOVER)
    facts = _facts()
    facts.sources = facts.sources[:1]  # only alpha.txt was opened
    fb = apply_curation(facts, root)
    assert [c.provenance for c in fb.conflicts] == ["auto"]
    assert fb.warnings == []


def test_no_curated_files_changes_nothing(tmp_path: Path) -> None:
    before = _facts()
    after = apply_curation(_facts(), _corpus(tmp_path))
    assert after == before


def test_correcting_a_number_attribute_takes_it_out_of_a_false_conflict(tmp_path: Path) -> None:
    facts = _facts()
    for n in facts.numbers:
        n.attribute = "deal value"
    claims = "numbers:\n  - {source: beta.txt, quote: values Bluefin at $3 billion, attribute: valuation}\n"
    fb = apply_curation(facts, _corpus(tmp_path, claims))
    on_deal_value = [cl.span.text for c in fb.conflicts if c.attribute == "deal value" for cl in c.claims]
    assert "$3 billion" not in on_deal_value


def test_conflict_is_hidden_while_one_of_its_articles_is_not_opened(tmp_path: Path) -> None:
    claims = """
conflicts:
  - id: inside-alpha
    attribute: stake size
    verdict: compatible
    claims:
      - {source: alpha.txt, quote: "minority stake"}
      - {source: alpha.txt, quote: "the stake is small"}
  - id: across
    attribute: ownership
    verdict: contradiction
    claims:
      - {source: alpha.txt, quote: "minority stake"}
      - {source: alpha.txt, quote: "no board seat"}
      - {source: beta.txt, quote: "completely"}
"""
    facts = _facts()
    facts.sources = facts.sources[:1]  # only alpha.txt was opened
    fb = apply_curation(facts, _corpus(tmp_path, claims))
    assert [c.id for c in fb.conflicts if c.provenance == "curated"] == ["inside-alpha"]


def test_copies_of_the_bundled_articles_get_the_bundled_curation(tmp_path):
    from facts.curate.load import curation_root
    from facts.read.corpus import bundled_corpus, read_corpus

    for f in bundled_corpus().glob("*.txt"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    assert curation_root(tmp_path, read_corpus([tmp_path]).sources) == bundled_corpus()


def _curated(fb: FactBase) -> dict[str, set[str]]:
    """Each curated conflict's id -> the articles it quotes."""
    return {c.id: {cl.span.source for cl in c.claims} for c in fb.conflicts if c.provenance == "curated"}


def test_an_article_added_to_a_copy_keeps_the_curation_of_the_others(tmp_path: Path) -> None:
    from facts.build import extract_paths
    from facts.read.corpus import bundled_corpus

    for f in bundled_corpus().glob("*.txt"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "zz_added.txt").write_text("Northwind Ltd agreed to buy Bluefin Labs.\n", encoding="utf-8")
    bundled = _curated(extract_paths([bundled_corpus()]))
    assert bundled and _curated(extract_paths([tmp_path])) == bundled


def test_an_edited_copy_loses_only_its_own_curation_with_one_notice(tmp_path: Path) -> None:
    from facts.build import extract_paths
    from facts.read.corpus import bundled_corpus

    for f in bundled_corpus().glob("*.txt"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    edited = sorted(tmp_path.glob("*.txt"))[0]
    edited.write_bytes(edited.read_bytes() + b"\nOne more line.\n")
    fb = extract_paths([tmp_path])
    kept = _curated(fb)
    bundled = _curated(extract_paths([bundled_corpus()]))
    assert kept and set(kept) < set(bundled)
    assert all(edited.name not in sources for sources in kept.values())
    assert [c for c in bundled if edited.name not in bundled[c]] == list(kept)
    told = [w for w in fb.warnings if edited.name in str(w) and "differs" in str(w)]
    assert len(told) == 1


def test_an_article_edited_since_its_recorded_hash_loses_its_curation_with_one_notice(tmp_path: Path) -> None:
    import hashlib

    from facts.build import extract_paths

    folder = _corpus(tmp_path, TAKEOVER)
    stale = hashlib.sha256(b"the article as it was curated").hexdigest()
    fresh = hashlib.sha256((tmp_path / "beta.txt").read_bytes()).hexdigest()
    (folder / "sources.yaml").write_text(
        f"alpha.txt:\n  sha256: {stale}\nbeta.txt:\n  sha256: {fresh}\n", encoding="utf-8"
    )
    fb = extract_paths([folder])
    assert [c.id for c in fb.conflicts if c.provenance == "curated"] == []
    told = [str(w) for w in fb.warnings if "alpha.txt differs" in str(w)]
    assert len(told) == 1
    (folder / "sources.yaml").write_text(f"beta.txt:\n  sha256: {fresh}\n", encoding="utf-8")
    assert [c.id for c in extract_paths([folder]).conflicts if c.provenance == "curated"] == ["control"]
