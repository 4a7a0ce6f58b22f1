"""`scaledeal`: the app on a folder, or one of the headless commands of tui/cli/."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tui.cli.main import main as cli_main


def open_app(path: str | None, watch: bool = True) -> int:
    from pathlib import Path

    from facts.read.paths import check_path

    if path is not None:
        check_path(Path(path))  # a missing folder is one line and exit 2, as for the headless commands
    from tui.app import run_app  # only here: the headless commands never load textual

    return run_app(path, watch=watch)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
