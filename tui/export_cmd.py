"""`scaledeal export [PATH] --query Q --kind K -o FILE` (to be written)."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", metavar="PATH")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print("scaledeal export: not written yet")
    return 1
