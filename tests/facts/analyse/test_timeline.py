"""Timelines of a figure: claims ordered by the dates they mention or their
article's date, rumours told from announcements, and an update that is not a
dispute. Made-up articles about a fictional deal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facts.analyse.timeline import timeline, update_note
from facts.model import FactBase
from facts.views.export import render_markdown
from tests.facts.articles import build

RUMOUR = """Talk of a deal

Orbit Labs is in talks to buy Tern Analytics for over $2 billion, according to people familiar with the matter.
"""
ANNOUNCED = """Orbit Labs completes its purchase

On 14 May 2024 Orbit Labs announced it would buy Tern Analytics for $2.6 billion in cash.
"""
DISPUTE = """A different figure

Orbit Labs agreed to buy Tern Analytics for $3.1 billion, the companies said.
"""
DATES = {"rumour.txt": "2024-04-02", "announced.txt": "2024-06-01", "dispute.txt": "2024-05-20"}


def deal(tmp_path: Path, names: list[str]) -> FactBase:
    texts = {"rumour.txt": RUMOUR, "announced.txt": ANNOUNCED, "dispute.txt": DISPUTE}
    return build(tmp_path, {n: texts[n] for n in names}, DATES)


def test_claims_run_oldest_first_with_their_status(tmp_path: Path):
    fb = deal(tmp_path, ["announced.txt", "rumour.txt"])
    entries = timeline(fb, "deal value")
    assert [(e.source, e.status) for e in entries] == [("rumour.txt", "rumour"), ("announced.txt", "announced")]


def test_a_date_the_sentence_mentions_outranks_the_articles_date(tmp_path: Path):
    fb = deal(tmp_path, ["announced.txt", "rumour.txt"])
    entries = {e.source: e for e in timeline(fb, "deal value")}
    assert (entries["announced.txt"].date, entries["announced.txt"].basis) == ("2024-05-14", "mentioned")
    assert (entries["rumour.txt"].date, entries["rumour.txt"].basis) == ("2024-04-02", "source")


def test_a_rumour_an_announcement_replaced_reads_as_an_update(tmp_path: Path):
    fb = deal(tmp_path, ["announced.txt", "rumour.txt"])
    (conflict,) = [c for c in fb.conflicts if c.attribute == "deal value"]
    note = update_note(fb, conflict)
    assert note.startswith("update, not a dispute")
    assert "rumoured over $2B" in note and "announced $2.6B" in note
    final = next(e for e in timeline(fb, "deal value") if e.status == "announced")
    assert final.note == "update: supersedes the rumoured over $2B"


def test_two_announced_figures_stay_a_dispute(tmp_path: Path):
    fb = deal(tmp_path, ["announced.txt", "dispute.txt"])
    (conflict,) = [c for c in fb.conflicts if c.attribute == "deal value"]
    assert conflict.verdict == "contradiction"
    assert update_note(fb, conflict) == ""


def test_the_export_shows_checks_attributions_and_timelines(tmp_path: Path):
    text = "Orbit Labs said it paid $6 billion for a 40% stake in Tern Analytics, valuing it at $15 billion.\n"
    fb = build(tmp_path / "stake", {"stake.txt": text})
    fb_deal = deal(tmp_path / "deal", ["announced.txt", "rumour.txt"])
    check = fb.checks[0]
    md = render_markdown(fb, [("check", check.id)], now=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert "## Checks (1)" in md and "implies \\$15B" in md
    assert "Input: \\$6B, as written `$6 billion` — source 1, paragraph 1:" in md
    conflict = next(c for c in fb_deal.conflicts if c.attribute == "deal value")
    number = next(n for n in fb_deal.numbers if n.span.source == "rumour.txt" and n.attribute == "deal value")
    md = render_markdown(fb_deal, [("number", number.id), ("conflict", conflict.id)], now=dt.datetime(2025, 1, 1))
    assert "said by: anonymous: people familiar with" in md
    assert md.count("## Timelines (1)\n\n### deal value") == 1
    assert "- sourcing: " in md
    assert "- note: update, not a dispute" in md


def test_notes_for_every_conflict_split_each_article_once(tmp_path: Path, monkeypatch):
    """The shared Document cache holds only so many articles; update notes on
    10,000 articles split each about ten times over (16 s of opening the app)."""
    import facts.extract.document as document
    from facts.analyse.timeline import TimelineIndex

    fb = deal(tmp_path, ["announced.txt", "rumour.txt", "dispute.txt"])
    splits: list[int] = []
    real = document.split_sentences
    monkeypatch.setattr(document, "split_sentences", lambda text: splits.append(1) or real(text))
    document.document_of.cache_clear()
    ix = TimelineIndex(fb)
    for _ in range(3):
        for c in fb.conflicts:
            document.document_of.cache_clear()  # as a full cache evicts them
            update_note(fb, c, ix)
    assert len(splits) <= len(fb.sources)
