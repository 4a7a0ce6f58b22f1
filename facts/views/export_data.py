"""The export as CSV (for spreadsheets) and JSON (for scripts): the content of
the Markdown export (facts.views.export_doc.ExportDoc), in rows or in one object.

CSV: one row per quote (a fact without quotes has one row), then a row per
timeline entry and per cited source. A cell a spreadsheet would run as a
formula (it starts with = + - @ or a control) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json

from facts.text import display_safe
from facts.views.export_doc import CitedSource, ExportDoc, ExportFact, Timeline, locator

COLUMNS = ("record", "kind", "id", "fact", "details", "label", "quote", "figure", "source", "paragraph", "page")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else display_safe(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _fact_rows(f: ExportFact) -> list[list[object]]:
    details = "; ".join(f"{k}: {v}" for k, v in f.details)
    if f.timeline:
        details += f"; timeline: {f.timeline}"
    base: list[object] = ["fact", f.kind, f.id, f.title, details]
    if not f.quotes:
        return [[*base, "", "", "", "", "", ""]]
    return [[*base, q.label, q.text, q.figure, q.source, q.paragraph, q.page] for q in f.quotes]


def _timeline_rows(t: Timeline) -> list[list[object]]:
    rows: list[list[object]] = []
    for r in t.rows:
        what = f"{r.date} · {r.status} · {r.value}" + (f" ({r.note})" if r.note else "")
        rows.append(["timeline", "", "", t.title, what, "", "", r.value, r.source, r.paragraph, r.page])
    if t.more:
        rows.append(["timeline", "", "", t.title, f"… and {t.more} more", "", "", "", "", "", ""])
    return rows


def _source_row(s: CitedSource) -> list[object]:
    return ["source", "source", s.file, s.citation, f"source {s.number}", "", "", "", s.number, "", ""]


def csv_of(doc: ExportDoc) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    rows = [r for f in doc.facts for r in _fact_rows(f)]
    rows += [r for t in doc.timelines for r in _timeline_rows(t)]
    rows += [_source_row(s) for s in doc.sources]
    w.writerows([_cell(c) for c in row] for row in rows)
    return out.getvalue()


def json_of(doc: ExportDoc) -> str:
    """The document as one JSON object; each quote also carries its citation as words."""
    data = dataclasses.asdict(doc)
    for fact in data["facts"]:
        fact["details"] = [{"key": k, "value": v} for k, v in fact["details"]]
        for q in fact["quotes"]:
            q["cited"] = locator(q["source"], q["paragraph"], q["page"])
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
