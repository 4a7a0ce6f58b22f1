#!/usr/bin/env python3
"""Set-up and everyday tasks with nothing but Python 3.11 on the machine.

    python3 dev.py app [PATH]   start scaledeal (the bundled corpus by default)
    python3 dev.py test         lint, check the import rules, run every test

Either creates `.venv` and installs the project into it when missing or when
pyproject.toml changed since the last install.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".scaledeal-installed"


def ensure_venv() -> None:
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == want and (BIN / "scaledeal").exists():
        return
    if not (BIN / "python").exists():
        print("dev.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing scaledeal and its test tools into .venv", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(want)


def run(*cmd: str) -> int:
    return subprocess.call(list(cmd), cwd=ROOT)


def test(extra: list[str]) -> int:
    steps = [
        [str(BIN / "ruff"), "check", "facts", "tui", "tests", "benchmarks", "docs", "dev.py"],
        [str(BIN / "lint-imports")],
        [str(BIN / "python"), "-m", "pytest", *extra],
    ]
    for step in steps:
        code = run(*step)
        if code != 0:
            print(f"dev.py: `{Path(step[0]).name} {' '.join(step[1:])}` failed ({code})")
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test"}:
        print(__doc__)
        return 2
    ensure_venv()
    if argv[0] == "app":
        return run(str(BIN / "scaledeal"), *argv[1:])
    return test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
