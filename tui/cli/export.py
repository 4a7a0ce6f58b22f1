"""`scaledeal export [PATH] --query Q --kind K -o FILE`: the app's export, headless.

Never imports textual: it runs where there is no terminal (scripts, CI).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facts.kinds import BY_NAME, KIND_NAMES, FactKind, FactRef, kind_named
from facts.model import FactBase
from facts.views.export_formats import FORMATS, format_for

if TYPE_CHECKING:
    from facts.views.index import FactIndex

DEFAULT_STEM = "scaledeal-export"  # .md, .csv or .json by the format
DEFAULT_MIN_SCORE = 85.0  # a typo or two in a name; not every sentence that shares a syllable
EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Write selected facts, each with its exact quote and citation: Markdown to read, "
        "CSV for spreadsheets, JSON for scripts (the same content in each)."
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the bundled corpus)")
    p.add_argument("-q", "--query", metavar="Q", help="only facts matching Q (fuzzy: typos allowed)")
    p.add_argument(
        "-k",
        "--kind",
        action="append",
        metavar="K",
        help=f"only facts of this kind: {', '.join(KIND_NAMES)} (repeat it or give a comma list; default: all)",
    )
    p.add_argument(
        "-f", "--format", choices=FORMATS, default=None, help="md, csv or json (default: by FILE's extension, else md)"
    )
    p.add_argument("-o", "--output", metavar="FILE", default=None, help=f"default: {DEFAULT_STEM}.FORMAT; - for stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument(
        "--selected", action="store_true", help="the facts selected in the app for this corpus, in their order"
    )
    p.add_argument(
        "--min-score", type=float, default=DEFAULT_MIN_SCORE, metavar="S", help="how close a match must be (0-100)"
    )
    p.set_defaults(func=run)


def parse_kinds(values: list[str] | None) -> tuple[FactKind, ...]:
    """`-k number -k entity,conflict` -> ("number", "entity", "conflict"); plurals are fine."""
    if not values:
        return KIND_NAMES
    kinds: list[FactKind] = []
    for word in (w.strip().lower() for v in values for w in v.split(",")):
        if not word:
            continue
        kind = kind_named(word)
        if kind is None:
            raise ValueError(f"unknown kind {word!r} (choose from {', '.join(KIND_NAMES)})")
        if kind.name not in kinds:
            kinds.append(kind.name)
    return tuple(kinds) or KIND_NAMES


def select(
    fb: FactBase, query: str | None, kinds: tuple[FactKind, ...], min_score: float, index: FactIndex | None = None
) -> list[FactRef]:
    """The facts to export: search hits (best first) or every fact of the kinds."""
    if query:
        from facts.views.search import SearchIndex

        hits = SearchIndex(fb, index).search(query, limit=None, min_score=min_score)
        return [(h.kind, h.fact_id) for h in hits if h.kind in kinds]
    return [(k, f.id) for k in kinds for f in BY_NAME[k].facts(fb)]


def selected(paths: list[str], fb: FactBase, index: FactIndex) -> list[FactRef]:
    """The selection the app keeps for this corpus, without the facts no longer in it."""
    from facts.views.selection import load_selection, selection_file

    return [r for r in load_selection(selection_file(paths, fb.corpus)) if index.get(r) is not None]


def _err(message: str) -> None:
    from facts.text import single_line  # file names and quotes: never an escape to the terminal

    print(f"scaledeal export: {single_line(message)}", file=sys.stderr)


def _write_error(e: OSError) -> None:
    from facts.store.files import write_failure

    _err(write_failure(e) + (" (use --force to replace it)" if isinstance(e, FileExistsError) else ""))


def run(args: argparse.Namespace) -> int:
    try:
        kinds = parse_kinds(args.kind)
    except ValueError as e:
        _err(str(e))
        return EXIT_USAGE
    fmt = format_for(args.format, args.output)
    output = args.output or f"{DEFAULT_STEM}.{fmt}"
    to_stdout = output == "-"
    target = Path(output)
    from facts.store.files import check_writable, write_atomic

    try:
        if not to_stdout:
            check_writable(target, overwrite=args.force)  # say so before the slow part
    except OSError as e:
        _write_error(e)
        return EXIT_USAGE

    from facts.build import extract_paths
    from facts.views.export import render
    from facts.views.index import FactIndex

    fb = extract_paths(args.paths)
    for w in fb.warnings:
        _err(f"warning: {w}")
    index = FactIndex.build(fb)  # one for the search and the export
    refs = selected(args.paths, fb, index) if args.selected else select(fb, args.query, kinds, args.min_score, index)
    if not refs:
        what = "selected in the app" if args.selected else "of the kinds asked for"
        what = f"matching {args.query!r}" if args.query and not args.selected else what
        _err(f"no facts {what}; nothing written")
        return EXIT_NOTHING
    text = render(fb, refs, fmt, index=index)
    if to_stdout:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomic(target, text, overwrite=args.force)
    except OSError as e:
        _write_error(e)
        return EXIT_USAGE
    _err(f"wrote {len(refs)} fact{'s' if len(refs) != 1 else ''} to {target}")
    return EXIT_OK
