#!/usr/bin/env python3
"""How reading saved pages and PDFs scales: the invented test pages, and a
PDF of 1 and of 10 pages, read cold (no memo) and again (memo, as a live
folder does on every change). Prints times and ratios.

    python benchmarks/readers.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facts.read import corpus
from tests.facts.read.pdf_maker import article_pages, make_pdf

PAGES = Path(__file__).resolve().parent.parent / "tests" / "facts" / "read" / "pages"
LINE = "The port said on Friday that fees for the largest ships would rise by 4% from April."


def timed(folder: Path) -> float:
    t = time.perf_counter()
    corpus.read_corpus([folder])
    return time.perf_counter() - t


def pdf_of(pages: int) -> bytes:
    body = [[[f"Page {p} heading"], [LINE, LINE, LINE], [LINE, LINE]] for p in range(pages)]
    return make_pdf(article_pages([[[x for para in page for x in para]] for page in body], header="Running head"))


def main() -> None:
    timed(PAGES)  # the imports (trafilatura, lxml, pypdf) are not what is measured
    corpus._READ.clear()
    cold = timed(PAGES)
    warm = timed(PAGES)
    n = len(list(PAGES.glob("*.htm*")))
    print(f"{n} web pages: {cold / n * 1000:.0f} ms a page cold, {warm / n * 1000:.1f} ms again (x{cold / warm:.0f})")
    with tempfile.TemporaryDirectory() as d:
        one, ten = Path(d) / "one", Path(d) / "ten"
        one.mkdir()
        ten.mkdir()
        (one / "a.pdf").write_bytes(pdf_of(1))
        (ten / "a.pdf").write_bytes(pdf_of(10))
        timed(one)
        corpus._READ.clear()
        t1, t10 = timed(one), timed(ten)
        print(f"PDF: 1 page {t1 * 1000:.0f} ms, 10 pages {t10 * 1000:.0f} ms (ratio {t10 / t1:.1f} for 10x the pages)")


if __name__ == "__main__":
    main()
