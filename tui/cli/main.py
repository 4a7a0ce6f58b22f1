"""The `scaledeal` command line: argument parsing and the headless commands.

`extract`, `export` and `check` never import textual (an import-linter
contract, and tests/cli/test_lazy_imports.py), so they start fast and work
where there is no terminal. `scaledeal [PATH]` opens the app through the
`open_app` callback that tui/main.py passes in: this package never names it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facts.model import Notice

PROG = "scaledeal"
EXIT_OK, EXIT_USAGE = 0, 2


def err(message: str) -> None:
    from facts.text import single_line  # messages quote file names and text: never an escape to the terminal

    print(f"{PROG}: {single_line(message)}", file=sys.stderr)


def warn_all(warnings: Sequence[Notice]) -> None:
    for w in warnings:
        err(f"warning: {w}")


# ---------------------------------------------------------------- subcommands
def cmd_extract(args: argparse.Namespace) -> int:
    from facts.build import extract_paths
    from facts.store.contract import contract_json, contract_yaml
    from tui.cli.progress import stderr_progress

    to_file = bool(args.output) and args.output != "-"
    if to_file and not _can_write(args.output, args.force):  # before the slow part
        return EXIT_USAGE
    fb = extract_paths(args.paths, progress=stderr_progress(), curation=not args.no_curation)
    warn_all(fb.warnings)
    # written in pieces as they are made: never a second copy of a large fact base in memory
    out = contract_json(fb) if args.format == "json" else contract_yaml(fb)
    if to_file:
        return EXIT_OK if _write(args.output, out, args.force) else EXIT_USAGE
    sys.stdout.writelines(out)
    return EXIT_OK


def _can_write(path: str, force: bool) -> bool:
    from facts.store.files import check_writable

    try:
        check_writable(path, overwrite=force)
    except OSError as e:
        _write_error(e)
        return False
    return True


def _write(path: str, text: str | Iterable[str], force: bool) -> bool:
    """Write `text` to `path` atomically; a failure is one line on stderr and
    leaves nothing half-written (the cache keeps the extraction: a rerun is quick)."""
    from facts.store.files import write_atomic

    try:
        write_atomic(path, text, overwrite=force)
    except OSError as e:
        _write_error(e)
        return False
    return True


def _write_error(e: OSError) -> None:
    from facts.store.files import write_failure

    hint = " (use --force to replace it)" if isinstance(e, FileExistsError) else ""
    err(f"error: {write_failure(e)}{hint}")


OpenApp = Callable[[str | None, bool], int]  # (folder, watch it)


def _no_app(path: str | None, watch: bool) -> int:
    err("the app is started by `scaledeal` (tui/main.py); this entry point is headless")
    return EXIT_USAGE


SUBCOMMANDS: dict[str, Callable[[argparse.ArgumentParser], None]] = {}


def _extract_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the bundled corpus)")
    p.add_argument(
        "--format", choices=["json", "yaml"], default="json", help="json: the contract view; yaml: the whole fact base"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--no-curation", action="store_true", help="leave out the curated files (claims.yaml, sources.yaml)")
    p.set_defaults(func=cmd_extract)


def _export_parser(p: argparse.ArgumentParser) -> None:
    from tui.cli.export import add_arguments

    add_arguments(p)


def _check_parser(p: argparse.ArgumentParser) -> None:
    from tui.cli.check import add_arguments

    add_arguments(p)


SUBCOMMANDS["extract"] = _extract_parser
SUBCOMMANDS["export"] = _export_parser  # tui/cli/export.py: `scaledeal export`
SUBCOMMANDS["check"] = _check_parser  # tui/cli/check.py: `scaledeal check`


def build_parser(sub: str | None, open_app: OpenApp = _no_app) -> argparse.ArgumentParser:
    if sub is None:
        p = argparse.ArgumentParser(
            prog=PROG,
            description="Explore what many articles about one deal claim, and where they disagree.",
            epilog=f"headless commands: {', '.join(sorted(SUBCOMMANDS))} (run `{PROG} COMMAND --help`)",
        )
        p.add_argument("path", nargs="?", metavar="PATH", help="a folder of articles (default: the bundled corpus)")
        p.add_argument("--no-watch", action="store_true", help="do not follow changes to the folder's files")
        p.set_defaults(func=lambda args: open_app(args.path, not args.no_watch))
        return p
    p = argparse.ArgumentParser(prog=f"{PROG} {sub}")
    SUBCOMMANDS[sub](p)
    return p


def main(argv: Sequence[str] | None = None, open_app: OpenApp = _no_app) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    sub = argv[0] if argv and argv[0] in SUBCOMMANDS else None
    args = build_parser(sub, open_app).parse_args(argv[1:] if sub else argv)
    from facts.read.paths import CorpusError

    try:
        func: Callable[[argparse.Namespace], int] = args.func  # each subcommand's set_defaults(func=...)
        return func(args)
    except CorpusError as e:
        err(f"error: {e}")
        return EXIT_USAGE
    except (FileExistsError, FileNotFoundError, PermissionError, IsADirectoryError) as e:
        err(f"error: {e}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # `scaledeal extract | head`: not an error
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
