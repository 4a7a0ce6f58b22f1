"""Fuzzy search over every fact kind: typos still find the fact, best match first."""

from __future__ import annotations

from facts.model import FactBase, Number, Source, Span
from facts.views.search import SearchIndex
from tests.facts.views.test_export import deal_factbase


def index() -> SearchIndex:
    return SearchIndex(deal_factbase())


def test_a_misspelt_attribute_finds_the_numbers_about_it():
    hits = index().search("valuaton")
    assert hits[0].kind == "number" and "valuation" in hits[0].label
    assert hits[0].label.startswith("about $1.9B")


def test_a_misspelt_name_finds_the_person():
    hits = index().search("Priya Ramaswammy")
    assert (hits[0].kind, hits[0].fact_id) == ("entity", "priya-ramaswamy")
    assert hits[0].label == "Priya Ramaswamy (person)"


def test_an_alias_finds_its_entity():
    hits = [h for h in index().search("Quilfield") if h.kind == "entity"]
    assert hits[0].fact_id == "quillfield-robotics"


def test_digits_as_written_find_the_number():
    hits = index().search("2.4")
    assert hits[0].kind == "number" and hits[0].label.startswith("$2.4B")


def test_a_formatted_value_finds_the_number():
    assert index().search("$2.4B")[0].label.startswith("$2.4B")


def test_an_attribute_word_finds_the_stake():
    hits = index().search("stake")
    assert hits[0].kind == "number" and hits[0].label == "40% · stake"


def test_a_conflict_is_found_by_its_attribute_and_outranks_sentence_matches():
    hits = index().search("founding yaer")
    kinds = [h.kind for h in hits[:3]]
    assert "conflict" in kinds
    conflict = next(h for h in hits if h.kind == "conflict")
    assert conflict.fact_id == "founding-year"
    assert conflict.context == "2011 (The Ledger) vs 2012 (Northwind nears a deal…)"  # outlet, else a short title


def test_a_word_only_in_a_sentence_finds_the_numbers_of_that_sentence():
    hits = index().search("warehouse robot")
    assert hits and hits[0].kind == "number" and hits[0].label.startswith("about $1.9B")
    assert "warehouse robot maker" in hits[0].context


def test_a_source_is_found_by_its_title():
    hits = [h for h in index().search("nears a deal") if h.kind == "source"]
    assert hits[0].fact_id == "b.txt"


def test_results_are_best_first_and_each_fact_appears_once():
    hits = index().search("deal value", limit=None)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({(h.kind, h.fact_id) for h in hits}) == len(hits)


def test_limit_and_min_score_are_respected():
    idx = index()
    assert len(idx.search("quillfield", limit=2)) == 2
    assert all(h.score >= 95 for h in idx.search("quillfield", limit=None, min_score=95))


def test_nonsense_and_empty_queries_find_nothing():
    idx = index()
    assert idx.search("") == [] and idx.search("   ") == [] and idx.search("$%!") == []
    assert idx.search("zzqxv jjkw") == []


def test_hostile_text_in_hits_is_one_display_safe_line():
    for hit in index().search("loud note script", limit=None, min_score=0):
        for text in (hit.label, hit.context):
            assert "\n" not in text and "\x1b" not in text


def test_a_cancelled_search_returns_nothing():
    assert index().search("quillfield", cancelled=lambda: True) == []


def test_numbers_without_a_recorded_sentence_are_found_by_their_sentence():
    text = "Intro line.\nThe glassworks sold 300 kilns last year. Other news follows."
    start = text.index("300")
    fb = FactBase(
        sources=[Source(id="g.txt", path="g.txt", text=text)],
        numbers=[
            Number(id="n1", span=Span(source="g.txt", start=start, end=start + 3, text="300"), value=300, unit="count")
        ],
    )
    hits = SearchIndex(fb).search("glasworks")
    assert hits[0].fact_id == "n1" and hits[0].context == "g: The glassworks sold 300 kilns last year."


def test_an_empty_fact_base_finds_nothing():
    assert SearchIndex(FactBase()).search("anything") == []


def test_a_big_index_still_finds_the_one_fact(monkeypatch):
    # more strings than one scan chunk: the best match survives the chunk merge
    monkeypatch.setattr("facts.views.search.CHUNK", 16)
    fb = deal_factbase()
    filler = [
        Number(
            id=f"f{i}",
            span=Span(source="a.txt", start=0, end=9, text="Northwind"),
            value=float(i),
            unit="count",
            attribute=f"filler {i}",
        )
        for i in range(200)
    ]
    fb.numbers = filler + fb.numbers
    assert index_of(fb).search("valuaton")[0].label.startswith("about $1.9B")


def index_of(fb: FactBase) -> SearchIndex:
    return SearchIndex(fb)
