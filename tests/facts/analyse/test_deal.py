"""The deal: its parties are found once in the build, stored on the fact base,
and one rule says which figures are about it (for conflicts, checks and the
timeline alike). The articles are our own, about an invented deal."""

from __future__ import annotations

from pathlib import Path

import pytest

from facts.analyse.conflicts import find_conflicts
from facts.analyse.deal import MAIN, Reach, deal_of, find_deal, is_about, subject_key
from facts.build import extract_paths
from facts.model import Deal, FactBase, Number, Party
from facts.store.cache import Cache
from facts.store.contract import dump_yaml, load_yaml

BUYER, TARGET, OTHER = "quillon-systems", "marrowick-analytics", "tessaly-foods"

ARTICLES = {
    "a.txt": (
        "Quillon Systems agreed to buy Marrowick Analytics for $2.4 billion, the companies said on Tuesday.\n\n"
        "Marrowick Analytics had revenue of $310 million last year.\n"
    ),
    "b.txt": (
        "Quillon Systems will pay $2.5 billion for Marrowick Analytics, people familiar with the matter said.\n\n"
        "Separately, Tessaly Foods agreed to buy a bakery chain for $60 million.\n"
    ),
    "c.txt": "Marrowick Analytics, which Quillon Systems is acquiring, employs 800 people.\n",
}


@pytest.fixture
def fb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FactBase:
    monkeypatch.setenv("SCALEDEAL_NO_CACHE", "1")
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return extract_paths([tmp_path])


def figure(fb: FactBase, quote: str) -> Number:
    (n,) = [n for n in fb.numbers if n.span.text == quote]
    return n


def test_the_parties_are_the_companies_named_in_most_articles(fb: FactBase) -> None:
    assert {p.entity for p in fb.deal.parties} == {BUYER, TARGET}
    assert fb.deal.basis == "mentions"


def test_a_figure_about_either_party_is_about_the_deal(fb: FactBase) -> None:
    for quote in ("$2.4 billion", "$2.5 billion"):
        n = figure(fb, quote)
        assert n.subject in (BUYER, TARGET)
        assert is_about(fb.deal, n.subject, n.attribute)
    (conflict,) = [c for c in fb.conflicts if c.attribute == "deal value"]
    assert {c.span.text for c in conflict.claims} == {"$2.4 billion", "$2.5 billion"}


def test_a_figure_about_a_third_company_is_not(fb: FactBase) -> None:
    n = figure(fb, "$60 million")
    assert (n.subject, n.attribute) == (OTHER, "deal value")
    assert not is_about(fb.deal, n.subject, n.attribute, reach="all")
    assert subject_key(fb.deal, n.subject, n.attribute) == OTHER
    assert all("$60 million" not in {c.span.text for c in k.claims} for k in fb.conflicts)


# ---------------------------------------------------------------- the rule and its reach
DEAL = Deal(parties=[Party(entity=BUYER, role="acquirer"), Party(entity=TARGET, role="target")])


@pytest.mark.parametrize(
    ("subject", "attribute", "reach", "about"),
    [
        (TARGET, "deal value", "deal", True),
        ("", "deal value", "deal", True),  # an unnamed deal figure is the deal's
        (OTHER, "deal value", "all", False),
        (TARGET, "revenue", "deal", False),  # the target's revenue is its own fact
        (TARGET, "revenue", "parties", True),
        ("", "revenue", "parties", False),
        ("", "revenue", "all", True),
        (OTHER, "revenue", "all", False),
    ],
)
def test_the_reach_widens_the_deal_beyond_deal_attributes(
    subject: str, attribute: str, reach: Reach, about: bool
) -> None:
    assert is_about(DEAL, subject, attribute, reach) is about
    assert subject_key(DEAL, subject, attribute, reach) == (MAIN if about else subject)


def test_without_a_company_named_in_most_articles_the_parties_come_from_deal_figures(fb: FactBase) -> None:
    deal_figures = [n for n in fb.numbers if n.subject != OTHER]  # the bakery is one source's aside
    bare = fb.model_copy(update={"entities": [], "numbers": deal_figures, "deal": Deal()})
    found = find_deal(bare)
    assert found.basis == "figures"
    assert {p.entity for p in found.parties} == {BUYER, TARGET}


def test_the_fact_bases_deal_is_what_the_stages_use(fb: FactBase) -> None:
    # a deal recorded on the fact base (curated, say) decides which figures are grouped as the deal's
    fb.deal = Deal(parties=[Party(entity=TARGET)])
    assert deal_of(fb) is fb.deal
    assert not [c for c in find_conflicts(fb) if c.attribute == "deal value"]


# ---------------------------------------------------------------- stored
def test_a_fact_base_stored_without_a_deal_still_loads(fb: FactBase) -> None:
    text = dump_yaml(fb)
    assert "\ndeal:\n" in text
    old = "\n".join(line for line in _without_section(text.splitlines(), "deal:"))
    loaded = load_yaml(old)
    assert loaded.deal == Deal()
    assert deal_of(loaded) == fb.deal  # found afresh


def _without_section(lines: list[str], key: str) -> list[str]:
    out, skipping = [], False
    for line in lines:
        if line == key:
            skipping = True
        elif skipping and not line.startswith((" ", "-")):
            skipping = False
        if not skipping:
            out.append(line)
    return out


def test_the_cache_keeps_the_deal(fb: FactBase, tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache")
    store.store_corpus("key", fb)
    loaded = store.load_corpus("key", fb.sources)
    assert loaded is not None
    assert loaded.deal == fb.deal and loaded.deal.parties
