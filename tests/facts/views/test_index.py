"""One FactIndex for every view: the export, the diff and the panes quote the same sentence.

Our own two-article deal: an announced price and a rumoured one. One claim
carries no sentence of its own (its number does), one neither (its sentence
comes from the article's text).
"""

from __future__ import annotations

import datetime as dt

from markdown_it import MarkdownIt
from textual.widgets import Static

from facts.analyse.timeline import timeline, update_note
from facts.labels import claim_label
from facts.model import Attribution, Claim, Conflict, Entity, FactBase, Number, Source, Span
from facts.views.export import render_markdown
from facts.views.index import FactIndex
from tests.tui.tui_fixture import loaded, plain
from tui.app import ScaledealApp

ANNOUNCED = (
    "Tidewater Foods to buy Larkspur Dairy\n\n"
    "Tidewater Foods announced on Monday that it will pay 80 million euros for Larkspur Dairy. "
    "The dairy employs 120 people.\n"
)
RUMOURED = (
    "Larkspur Dairy up for sale\n\n"
    "Mr. Hale of Tidewater Foods is in talks to buy Larkspur Dairy for about 95 million euros, people familiar said. "
    "A vote is due in May.\n"
)
TEXTS = {"announced.txt": ANNOUNCED, "rumoured.txt": RUMOURED}
PRICE_SENTENCE = "Tidewater Foods announced on Monday that it will pay 80 million euros for Larkspur Dairy."
RUMOUR_SENTENCE = (  # "Mr." ends no sentence: a view that split at ". " would quote half of it
    "Mr. Hale of Tidewater Foods is in talks to buy Larkspur Dairy for about 95 million euros, people familiar said."
)


def span(source: str, quote: str, occurrence: int = 1) -> Span:
    start = -1
    for _ in range(occurrence):
        start = TEXTS[source].index(quote, start + 1)
    return Span(source=source, start=start, end=start + len(quote), text=quote)


def mentions(name: str) -> list[Span]:
    return [span(s, name, i + 1) for s, text in TEXTS.items() for i in range(text.count(name))]


def deal() -> FactBase:
    sources = [Source(id=s, path=f"/deal/{s}", title=t.split("\n")[0], text=t, date="2032-05-0" + str(i + 1))
               for i, (s, t) in enumerate(TEXTS.items())]  # fmt: skip
    paid = Number(id="n:announced.txt:1", span=span("announced.txt", "80 million euros"), value=8e7, unit="EUR",
                  attribute="deal value", sentence=span("announced.txt", PRICE_SENTENCE))  # fmt: skip
    whisper = Attribution(kind="anonymous", origin="people familiar")
    rumour = Number(id="n:rumoured.txt:1", span=span("rumoured.txt", "95 million euros"), value=9.5e7, unit="EUR",
                    qualifier="approx", attribute="deal value", attribution=whisper)  # fmt: skip
    staff = Number(id="n:announced.txt:2", span=span("announced.txt", "120"), value=120, unit="count",
                   attribute="headcount", sentence=span("announced.txt", "The dairy employs 120 people."))  # fmt: skip
    price = Conflict(
        id="deal-value",
        attribute="deal value",
        explanation="80 million is not about 95 million",
        claims=[
            Claim(span=paid.span, value=paid.value, unit="EUR", number_id=paid.id),  # its number has the sentence
            Claim.of_number(rumour),  # no sentence anywhere: the article's text has it
        ],
    )
    entities = [
        Entity(id="tidewater-foods", name="Tidewater Foods", kind="organisation", mentions=mentions("Tidewater Foods")),
        Entity(id="larkspur-dairy", name="Larkspur Dairy", kind="organisation", mentions=mentions("Larkspur Dairy")),
    ]
    return FactBase(corpus="dairy", sources=sources, numbers=[paid, rumour, staff], entities=entities,
                    conflicts=[price])  # fmt: skip


def quoted_in_export(fb: FactBase, index: FactIndex) -> list[str]:
    """The sentences the export quotes for the conflict's claims, as a Markdown reader sees them."""
    text = render_markdown(fb, [("conflict", "deal-value")], now=dt.datetime(2032, 6, 1, tzinfo=dt.UTC), index=index)
    return [t.content.removesuffix("\n") for t in MarkdownIt("commonmark").parse(text) if t.type == "fence"]


def test_a_claim_reads_its_sentence_from_itself_its_number_or_its_article() -> None:
    fb = deal()
    ix = FactIndex.build(fb)
    paid, rumoured = fb.conflicts[0].claims
    assert ix.claim_sentence(paid).text == PRICE_SENTENCE
    assert ix.claim_sentence(rumoured).text == RUMOUR_SENTENCE
    assert quoted_in_export(fb, ix) == [PRICE_SENTENCE, RUMOUR_SENTENCE]


async def test_the_diff_shows_the_sentence_the_export_quotes() -> None:
    fb = deal()
    app = ScaledealApp(factbase=fb)
    async with app.run_test(size=(160, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        await pilot.pause()
        columns = [plain(c) for c in app.query(".diff-column").results(Static)]
        assert app.lookup is not None
        exported = quoted_in_export(fb, app.lookup)
    assert len(columns) == 2
    for column, sentence in zip(columns, exported, strict=True):
        assert column.rstrip().endswith(sentence)


def test_counts_per_source_are_numbers_distinct_entities_and_distinct_conflicts() -> None:
    ix = FactIndex.build(deal())
    assert ix.numbers_in == {"announced.txt": 2, "rumoured.txt": 1}
    assert ix.entities_in == {"announced.txt": 2, "rumoured.txt": 2}  # each named twice in one article
    assert ix.conflicts_in == {"announced.txt": 1, "rumoured.txt": 1}
    assert ix.line_of("announced.txt", ANNOUNCED.index("The dairy")) == 3
    kinds = {kind for _, _, kind in ix.highlights("rumoured.txt")}
    assert kinds == {"number", "entity", "claim"}


def test_a_conflict_has_one_side_per_value_and_its_update_note() -> None:
    fb = deal()
    ix = FactIndex.build(fb)
    conflict = ix.conflicts["deal-value"]
    sides = ix.sides[conflict.id]
    assert [s.label for s in sides] == [claim_label(c) for c in conflict.claims]
    # what the diff title says: the article by its label, never only its file name
    assert sides[1].origins == (f"unnamed sources in {ix.label_of('rumoured.txt')}",)
    note = ix.update_note(conflict)
    assert note.startswith("update, not a dispute") and note == update_note(fb, conflict)
    assert ix.timeline("deal value") == timeline(fb, "deal value")
    assert ix.get(("number", "n:announced.txt:2")) is fb.numbers[2]
    assert ix.get(("check", "missing")) is None
