"""How a source is named for people: never by a hash file name when it has a better name."""

from __future__ import annotations

from facts.labels import source_citation, source_label
from facts.model import Source


def source(**kw: str) -> Source:
    return Source(id="007_9a8b7c6d5e4f3a2b.txt", path="x", **kw)


def test_a_source_is_labelled_by_its_outlet_then_a_short_title_then_its_file_stem():
    assert source_label(source(outlet="The Harbour Courier", title="Ferry operator sold")) == "The Harbour Courier"
    long_title = "Ferry operator agrees to sell its northern routes to a rival after a long winter of talks"
    label = source_label(source(title=long_title))
    assert label.startswith("Ferry operator agrees") and label.endswith("…") and len(label) <= 24
    assert source_label(source()) == "007_9a8b7c6d5e4f3a2b"
    assert source_label(None, "notes.txt") == "notes"


def test_a_citation_names_title_outlet_author_and_date_where_known():
    full = source(title="Ferry operator sold", outlet="The Harbour Courier", author="Mara Lindqvist", date="2029-11-04")
    assert source_citation(full) == "“Ferry operator sold”, The Harbour Courier, by Mara Lindqvist, 4 Nov 2029"
    assert source_citation(source()) == "untitled, undated"
    # a byline that only repeats the outlet is said once
    assert source_citation(source(title="T", outlet="Desk", author="Desk")) == "“T”, Desk, undated"
