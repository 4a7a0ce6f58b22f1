"""Interaction at scale: search keystrokes over 100,000 facts against a raw
rapidfuzz scan, and the numbers pane with 100,000 rows against a DataTable."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import replace

from rapidfuzz import fuzz, process

from facts.model import FactBase, Number, Source

from .report import Report, ms

QUERIES = ["valuation", "revenue 2024", "billion", "founder", "per cent", "headcount"]


# ---------------------------------------------------------------- a big fact base
def grow(fb: FactBase, facts: int) -> FactBase:
    """`fb` repeated (sources renamed) until it holds at least `facts` facts."""
    per_copy = len(fb.numbers) + len(fb.entities) + len(fb.conflicts) + len(fb.sources)
    if per_copy == 0:
        raise ValueError("the extraction found nothing to grow a fact base from")
    copies = -(-facts // per_copy)
    sources: list[Source] = []
    numbers: list[Number] = []
    for k in range(copies):
        prefix = f"c{k}/" if k else ""
        for s in fb.sources:
            sources.append(s.model_copy(update={"id": prefix + s.id}))
        for n in fb.numbers:
            span = replace(n.span, source=prefix + n.span.source)
            sentence = replace(n.sentence, source=span.source) if n.sentence else None
            numbers.append(replace(n, id=prefix + n.id, span=span, sentence=sentence))
    return FactBase(corpus=fb.corpus, sources=sources, numbers=numbers, entities=fb.entities * copies,
                    conflicts=fb.conflicts * copies)  # fmt: skip


def fact_count(fb: FactBase) -> int:
    return len(fb.numbers) + len(fb.entities) + len(fb.conflicts) + len(fb.sources)


# ---------------------------------------------------------------- search
def keystrokes(words: list[str]) -> list[str]:
    """Every prefix a person types on the way to each query (from 2 letters)."""
    return [w[:i] for w in words for i in range(2, len(w) + 1)]


def search(report: Report, fb: FactBase) -> None:
    try:
        from facts.views.search import SearchIndex
    except ImportError:
        report.add("search keystroke over 100,000 facts", "search not available", "<= 2x raw rapidfuzz", None)
        return
    from facts.text import fold

    t0 = time.perf_counter()
    index = SearchIndex(fb)
    built = time.perf_counter() - t0
    choices = getattr(index, "_choices", None) or [fold(n.span.text + " " + n.attribute) for n in fb.numbers]
    typed = keystrokes(QUERIES + [e.name for e in fb.entities[:2]])
    index.search(typed[0])  # warm up
    ours, raw = [], []
    for q in typed:  # interleaved, so both see the same machine; CPU time of this thread
        t = time.thread_time()
        index.search(q, limit=50)
        ours.append(time.thread_time() - t)
        t = time.thread_time()
        process.extract(fold(q), choices, scorer=fuzz.partial_ratio, processor=None, limit=50, score_cutoff=70)
        raw.append(time.thread_time() - t)
    ratio = sum(ours) / sum(raw)
    report.add(
        f"search index build, {fact_count(fb):,} facts",
        f"{built:.2f} s ({len(choices):,} strings), off the UI thread",
    )
    report.add(
        f"search keystroke, {fact_count(fb):,} facts ({len(typed)} keys)",
        f"{ratio:.2f}x raw (mean {ms(statistics.mean(ours))} vs {ms(statistics.mean(raw))})",
        "<= 2x raw rapidfuzz",
        ratio <= 2.0,
    )


# ---------------------------------------------------------------- the numbers pane
SCROLL = ["page(1)"] * 15 + ["edge(1)", "page(-1)", "page(-1)", "edge(0)"] + ["cursor(1)"] * 10


def _frame(table, action: str | None = None) -> float:
    """Seconds of UI-thread work for one step: the action, then every
    visible line drawn (what the line API does for a frame)."""
    t = time.thread_time()  # CPU of the UI thread: a busy machine does not count
    if action:
        _call(table, action)
    for y in range(table.size.height):
        table.render_line(y)
    return time.thread_time() - t


def _call(table, action: str) -> None:
    name, _, arg = action.partition("(")
    getattr(table, f"action_{name}")(int(arg.rstrip(")")))


async def _pane_times(fb: FactBase) -> tuple[float, dict[str, float]]:
    """Seconds to fill and paint the numbers pane, and per step after it."""
    from textual.app import App, ComposeResult

    from facts.views.index import FactIndex
    from facts.views.selection import Selection
    from tui.panes.numbers import NumbersPane

    class Host(App):
        def compose(self) -> ComposeResult:
            yield NumbersPane(Selection(), id="numbers")  # panes are handed the selection they mark

    app = Host()
    async with app.run_test(size=(140, 45)) as pilot:
        pane = app.query_one(NumbersPane)
        lookup = FactIndex.build(fb)
        t = time.thread_time()
        pane.load(lookup)
        await pilot.pause()
        fill = time.thread_time() - t
        table = pane.table
        table.focus()
        await pilot.pause()
        steps: dict[str, float] = {}
        for i, action in enumerate(SCROLL):
            steps[f"{i}:{action}"] = _frame(table, action)
            await pilot.pause()
        t = time.thread_time()
        table.sort_by("value")
        steps["sort by value"] = time.thread_time() - t + _frame(table)
        await pilot.pause()
        t = time.thread_time()
        table.set_filter("unit:USD")
        steps["filter unit:USD"] = time.thread_time() - t + _frame(table)
        await pilot.pause()
    return fill, steps


async def _datatable_fill(fb: FactBase, rows: int) -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Host(App):
        def compose(self) -> ComposeResult:
            yield DataTable()

    app = Host()
    async with app.run_test(size=(140, 45)) as pilot:
        table = app.query_one(DataTable)
        table.add_columns("Value", "Unit", "Qual.", "Attribute", "Source", "Text")
        numbers = fb.numbers[:rows]
        t = time.thread_time()
        for n in numbers:
            table.add_row(str(n.value), n.unit, n.qualifier, n.attribute, n.span.source, n.span.text)
        await pilot.pause()
        return time.thread_time() - t


def numbers_pane(report: Report, fb: FactBase, small: FactBase, datatable_rows: int) -> None:
    try:
        import tui.panes.numbers  # noqa: F401
    except ImportError:
        report.add("numbers pane, 100,000 rows", "tui.panes.numbers not available yet", "no stalls", None)
        return
    rows = len(fb.numbers)
    fill_small, steps_small = asyncio.run(_pane_times(small))
    fill, steps = asyncio.run(_pane_times(fb))
    scroll = {k: v for k, v in steps.items() if k[0].isdigit()}
    scroll_small = [v for k, v in steps_small.items() if k[0].isdigit()]
    dt_rows = min(datatable_rows, rows)
    dt = asyncio.run(_datatable_fill(fb, dt_rows)) * rows / dt_rows
    how = "measured" if dt_rows == rows else f"scaled from {dt_rows:,} rows"
    report.add(f"DataTable filling the same {rows:,} rows (CPU)", f"{dt:.1f} s ({how})")
    report.add(
        f"numbers pane: fill + paint {rows:,} rows (CPU)",
        f"{ms(fill)} = {dt / fill:.0f}x faster than the DataTable ({ms(fill_small)} for {len(small.numbers):,} rows)",
        ">= 50x faster than DataTable",
        dt / fill >= 50,
    )
    worst_key = max(scroll, key=scroll.__getitem__)
    worst = scroll[worst_key]
    median = statistics.median(scroll.values())
    report.add(
        f"numbers pane: scroll frame on {rows:,} rows (CPU)",
        f"worst {ms(worst)} ({worst_key.split(':')[1]}), median {ms(median)} "
        f"({median / statistics.median(scroll_small):.1f}x the small table)",
        "no stall: worst < 50 ms",
        worst < 0.05,
    )
    for step in ("sort by value", "filter unit:USD"):
        report.add(f"numbers pane: {step}, {rows:,} rows", ms(steps[step]), "UI thread; reported")
