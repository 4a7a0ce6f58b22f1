"""`t`: the timeline of one attribute: its claims in date order, each with
where its date comes from, its status (rumour, reported, announced) and notes
such as "update: supersedes the rumoured over $2B"; Enter reads the claim.

The timeline (facts.analyse.timeline, through the app's FactIndex) is asked in
a thread worker, so a big corpus never freezes the screen while it runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from facts.analyse.timeline import TimelineEntry
from facts.labels import claim_label, format_value, said_by
from facts.model import Claim
from facts.text import display_safe
from facts.views.index import FactIndex
from tui.messages import OpenReader
from tui.widgets.detail import field_line, quote
from tui.widgets.fact_table import Column, FactTable
from tui.widgets.footer import Footer

STATUS_STYLE = {"rumour": "italic $warning", "reported": "", "announced": "bold $success"}
BASIS = {"mentioned": "in text", "source": "article", "": ""}


def by_article_date(lookup: FactIndex, claims: list[Claim]) -> list[TimelineEntry]:
    """A conflict whose attribute has no figures (a curated, qualitative one):
    its own claims by their articles' dates, undated last; no status is guessed."""
    entries = []
    for c in claims:
        source = lookup.sources.get(c.span.source)
        date = source.date if source is not None else ""
        entries.append(
            TimelineEntry(date=date, basis="source" if date else "", source=c.span.source, claim=c, status="")
        )
    return sorted(entries, key=lambda e: (e.date == "", e.date, e.source, e.claim.span.start))


def date_cell(e: TimelineEntry) -> str:
    return format_value(e.date, "date") if e.date else "undated"


class TimelineScreen(Screen[None]):
    """The claims of one attribute (and subject), oldest first."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "Back")]

    def __init__(self, lookup: FactIndex, attribute: str, subject: str = "", claims: Sequence[Claim] = ()) -> None:
        super().__init__()
        self.lookup = lookup
        self.attribute, self.subject = attribute, subject
        self.claims = list(claims)  # a conflict's own claims, for when its attribute has no figures
        self.entries: list[TimelineEntry] | None = None  # None until the worker is done

    def compose(self) -> ComposeResult:
        yield Static(self._title("working out the order…"), id="timeline-title")
        yield FactTable(self._columns(), empty_text="Working out the order…", id="timeline")
        with VerticalScroll(classes="detail", can_focus=False):
            yield Static(Content(""), id="timeline-detail")
        yield Footer()

    def _title(self, status: str) -> Content:
        about = f" · {self.lookup.name_of(self.subject)}" if self.subject else ""
        return Content.assemble(
            ("Timeline ", "bold"),
            (display_safe(self.attribute or "(no attribute)") + display_safe(about), "bold $accent"),
            (f"  {status} · Enter reads the claim · Esc back", "$text-muted"),
        )

    def _columns(self) -> list[Column[TimelineEntry]]:
        return [
            Column("date", "Date", date_cell, width=11, sort_key=lambda e: (e.date == "", e.date)),
            Column("basis", "Dated by", lambda e: BASIS.get(e.basis, e.basis), width=8, style="fact-table--dim"),
            Column("source", "Source", lambda e: self.lookup.label_of(e.source), width=12, style="fact-table--dim"),
            Column("value", "Value", lambda e: claim_label(e.claim), width=12, flex=1,
                   style="fact-table--value"),
            Column("status", "Status", lambda e: e.status or "", width=9, filterable=True),
            Column("said", "Said by", lambda e: said_by(e.claim.attribution), width=14, hide_below=90,
                   style="fact-table--dim"),
            Column("note", "Note", lambda e: e.note, width=14, flex=2, filterable=True),
        ]  # fmt: skip

    def on_mount(self) -> None:
        self.query_one(FactTable).focus()
        self.load()

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load(self) -> None:
        worker = get_current_worker()
        try:
            entries = self.lookup.timeline(self.attribute, self.subject) or by_article_date(self.lookup, self.claims)
        except Exception as e:  # a failing domain call is one line, never a traceback
            self.app.call_from_thread(self._failed, f"{type(e).__name__}: {e}")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show, entries)

    def show(self, entries: list[TimelineEntry]) -> None:
        self.entries = entries
        table = self.query_one(FactTable)
        table.empty_text = "No dated claims of this attribute."
        table.set_items(entries)
        dated = sum(1 for e in entries if e.date)
        self.query_one("#timeline-title", Static).update(self._title(f"{len(entries)} claims, {dated} dated"))

    def _failed(self, message: str) -> None:
        self.query_one(FactTable).empty_text = "Could not order these claims."
        self.query_one(FactTable).set_items([])
        self.query_one("#timeline-title", Static).update(self._title(display_safe(message)[:120]))

    def on_fact_table_highlighted(self, event: FactTable.Highlighted) -> None:
        event.stop()
        self.query_one("#timeline-detail", Static).update(self.detail(event.item) if event.item else Content(""))

    def detail(self, e: TimelineEntry) -> Content:
        claim, lookup = e.claim, self.lookup
        basis = {"mentioned": "a date the text mentions", "source": "the article's date"}.get(e.basis, "no date known")
        sentence = lookup.claim_sentence(claim)
        parts = [
            field_line("value", claim_label(claim), "bold"),
            field_line("date", f"{date_cell(e)} ({basis})"),
            field_line("status", e.status or "(unknown)", STATUS_STYLE.get(e.status, "")),
            field_line("said by", said_by(claim.attribution) or "the article, in its own voice"),
            field_line("cited", lookup.cited(claim.span)),
        ]
        if e.note:
            parts.append(field_line("note", e.note, "bold $accent"))
        parts += [
            Content("\n"),
            quote(sentence.text, claim.span.start - sentence.start, claim.span.end - sentence.start),
        ]
        return Content.assemble(*parts)

    def on_fact_table_chosen(self, event: FactTable.Chosen) -> None:
        event.stop()
        e: TimelineEntry = event.item
        self.post_message(OpenReader(e.claim.span.source, e.claim.span.start))
