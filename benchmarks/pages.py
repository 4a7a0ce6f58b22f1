"""Issue 15's "done when": the development corpora as saved web pages and as PDFs.

    python benchmarks/pages.py [--corpus DIR --gold GOLD.yaml] [--work DIR] [--keep]

For each corpus (default: every folder in ../shared/corpora plus ../shared/seeds,
gold from ../shared/gold/<name>/gold.yaml) it writes `<name>-html/` (each article
as a saved web page, rotating over three site layouts whose teaser rails carry
OTHER, invented figures), `<name>-pdf/` (multi-page PDFs with a running header
and a "Page N of M" footer) and a gold file per variant (file names changed, a
`sources:` section saying the title/outlet/author/date put in the page, and a
`boilerplate:` section listing the furniture strings). It then scores the .txt
corpus and each variant with ../shared/tools/score.py and prints a table.
Not part of the test suite: the corpora live outside the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the hand-written PDFs of the reader tests

from tests.facts.read.pdf_maker import make_pdf  # noqa: E402  (after the path is set)

SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
SCALEDEAL = ROOT / ".venv" / "bin" / "scaledeal"

# Invented furniture: teasers carry figures that are in no article.
TEASERS = [
    "Chipmaker weighs $9.9 billion bid for rival",
    "Survey: 61% of retail investors expect more mergers",
    "Carmaker to cut 4,200 jobs after profit warning",
    "Lender's shares jump 17% on upgrade",
]
COOKIE = "We use cookies to improve your experience. By continuing you accept our use of 38 partners."
NEWSLETTER = "Get the 7am briefing: the 5 stories that matter, free every weekday."
COPYRIGHT = "© 2026 {outlet}. All rights reserved."
COMMENTS = "Comments (12)"

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MON = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
NUM_MONTH = {m.lower()[:3]: i for i, m in enumerate(MONTHS.split("|"), start=1)}


@dataclass
class Layout:
    name: str
    outlet: str
    author: str
    date: str  # ISO, used when the article states none


LAYOUTS = [
    Layout("news", "The Morning Ledger", "Dana Okafor", "2026-02-10"),
    Layout("blog", "Deal Notes Blog", "Sam Varga", "2026-03-18"),
    Layout("wire", "Continental Wire Service", "Lee Brandt-Moss", "2026-01-22"),
]


@dataclass
class Article:
    name: str
    title: str
    paragraphs: list[str]
    meta: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- reading the .txt
def own_date(lines: list[str]) -> str | None:
    """The article's own date from its first lines (dateline or byline), as ISO."""
    head = " ".join(lines[:4])
    m = re.search(rf"\b({MONTHS}|{MON})\.? (\d{{1,2}}), (\d{{4}})\b", head)
    if m:
        return f"{m[3]}-{NUM_MONTH[m[1].lower()[:3]]:02d}-{int(m[2]):02d}"
    m = re.search(rf"\b(\d{{1,2}}) ({MONTHS}|{MON})\.? (\d{{4}})\b", head)
    if m:
        return f"{m[3]}-{NUM_MONTH[m[2].lower()[:3]]:02d}-{int(m[1]):02d}"
    m = re.search(r"\b(\d{2})\.(\d{2})\.(\d{4})\b", head)
    if m:
        return f"{m[3]}-{m[2]}-{m[1]}"
    return None


def own_author(lines: list[str]) -> str | None:
    """A byline near the top ("By NAME | date") or a labelled "Author: NAME" line anywhere."""
    for line in lines[:4]:
        m = re.match(r"\s*By ([^|\n]+?)\s*(?:\||$)", line)
        if m:
            return m[1]
    for line in lines:  # a label glued to the next one ("Author: NAMECreation Time: ...") is cut there
        m = re.match(r"\s*Author:\s*(.+?)(?:(?<=[a-z])(?=[A-Z][a-z]+ ?(?:Time|Date):)|\s*$)", line)
        if m:
            return m[1]
    return None


def labelled_date(lines: list[str]) -> str | None:
    """An ISO date after a "Time:"/"Date:"/"Published:" label anywhere in the article."""
    m = re.search(r"(?:Time|Date|Published):\s*(\d{4}-\d{2}-\d{2})", "\n".join(lines))
    return m[1] if m else None


def read_article(path: Path, layout: Layout) -> Article:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    lines = text.split("\n")
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip("\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    meta = {
        "title": title,
        "outlet": layout.outlet,
        "author": own_author(lines[1:]) or layout.author,
        "date": own_date(lines[1:]) or labelled_date(lines) or layout.date,
    }
    return Article(path.stem, title, paragraphs, meta)


# ---------------------------------------------------------------- HTML layouts
def body_html(paragraphs: list[str], rail_at: int, rail: str) -> str:
    out = []
    for i, para in enumerate(paragraphs):
        if i == rail_at:
            out.append(rail)
        lines = para.split("\n")
        if para.startswith("## "):
            out.append(f"<h2>{html.escape(para[3:])}</h2>")
        elif all(line.lstrip().startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{html.escape(line.lstrip()[2:])}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append("<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>")
    return "\n".join(out)


def teaser_list(heading: str, teasers: list[str]) -> str:
    items = "".join(f'<li><a href="/story/{k}">{html.escape(t)}</a></li>' for k, t in enumerate(teasers))
    return f"<h3>{html.escape(heading)}</h3><ul>{items}</ul>"


def page_news(a: Article) -> tuple[str, list[str]]:
    m = a.meta
    inline = f'<aside class="related">{teaser_list("Related", TEASERS[:2])}</aside>'
    rail = f'<aside class="most-read">{teaser_list("Most read", TEASERS[2:])}</aside>'
    e = html.escape
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(a.title)} | {e(m["outlet"])}</title>
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(m["outlet"])}">
<meta name="author" content="{e(m["author"])}">
<meta property="article:published_time" content="{m["date"]}T08:00:00Z">
</head><body>
<div class="cookie-banner">{e(COOKIE)} <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/deals">Deals</a> <a href="/tech">Tech</a></nav>
<main><article>
<h1>{e(a.title)}</h1>
<div class="share"><a href="#">Share on X</a> <a href="#">Share on LinkedIn</a> <a href="#">Email</a></div>
{body_html(a.paragraphs, min(2, len(a.paragraphs) - 1), inline)}
</article>
{rail}
<div class="newsletter"><p>{e(NEWSLETTER)}</p><input type="email"><button>Sign up</button></div>
<section class="comments"><h3>{COMMENTS}</h3><p>Log in to comment.</p></section>
</main>
<footer><p>{e(COPYRIGHT.format(outlet=m["outlet"]))}</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""
    return page, [*TEASERS, COOKIE, NEWSLETTER, COPYRIGHT.format(outlet=m["outlet"]), COMMENTS]


def page_blog(a: Article) -> tuple[str, list[str]]:
    m = a.meta
    e = html.escape
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": m["date"],
        "author": {"@type": "Person", "name": m["author"]},
        "publisher": {"@type": "Organization", "name": m["outlet"]},
    }
    ld_text = json.dumps(ld).replace("</", "<\\/")
    also = teaser_list("You might also like", TEASERS[1:4])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(a.title)}</title>
<script type="application/ld+json">{ld_text}</script></head><body>
<header><div class="logo">{e(m["outlet"])}</div><a href="/about">About</a> <a href="/archive">Archive</a></header>
<div class="post">
<h1 class="entry-title">{e(a.title)}</h1>
<div class="entry-content">
{body_html(a.paragraphs, len(a.paragraphs), "")}
</div>
<div class="tags">Tags: <a href="/t/deals">deals</a> <a href="/t/m-and-a">M&amp;A</a></div>
</div>
<aside class="sidebar">{also}<div class="subscribe">{e(NEWSLETTER)}</div></aside>
<footer>{e(COPYRIGHT.format(outlet=m["outlet"]))}</footer>
</body></html>
"""
    return page, [*TEASERS[1:4], NEWSLETTER, COPYRIGHT.format(outlet=m["outlet"])]


def page_wire(a: Article) -> tuple[str, list[str]]:
    m = a.meta
    e = html.escape
    inline = f'<div class="read-more">{teaser_list("Read more", [TEASERS[0], TEASERS[3]])}</div>'
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{e(a.title)}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a.title)}">
<meta property="og:site_name" content="{e(m["outlet"])}">
</head><body>
<div class="topbar"><a href="/">{e(m["outlet"])}</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/subscribe">Subscribe</a></div>
<div class="story">
<h1>{e(a.title)}</h1>
<p class="byline">By <span class="author">{e(m["author"])}</span></p>
<time datetime="{m["date"]}T06:30:00+00:00">{m["date"]}</time>
<div class="story-body">
{body_html(a.paragraphs, min(3, len(a.paragraphs) - 1), inline)}
</div>
</div>
<footer><p>{e(COPYRIGHT.format(outlet=m["outlet"]))}</p></footer>
</body></html>
"""
    return page, [TEASERS[0], TEASERS[3], COPYRIGHT.format(outlet=m["outlet"])]


PAGES = {"news": page_news, "blog": page_blog, "wire": page_wire}


# ---------------------------------------------------------------- PDF
def to_winansi(text: str) -> tuple[str, bool]:
    """Text the PDF's WinAnsi font can show; True when something had to be changed."""
    out, changed = [], False
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            changed = True
            plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(plain or "?")
    return "".join(out), changed


def pdf_lines(a: Article) -> list[str]:
    """Title, then paragraphs wrapped at ~90 chars, a blank line between them ("" = blank)."""
    rows = [a.title, ""]
    for para in a.paragraphs:
        for line in para.split("\n"):
            rows += textwrap.wrap(line, 90, break_on_hyphens=False) or [""]
        rows.append("")
    return rows


def article_pdf(a: Article, per_page: int = 40) -> tuple[bytes, bool, list[str]]:
    rows = pdf_lines(a)
    per_page = min(per_page, -(-len(rows) // 2))  # a short article still runs to two pages
    chunks = [rows[i : i + per_page] for i in range(0, len(rows), per_page)]
    header, changed = to_winansi(f"{a.meta['outlet']} - {a.title}")
    pages, furniture = [], [header]
    for n, chunk in enumerate(chunks, start=1):
        footer = f"Page {n} of {len(chunks)}"
        furniture.append(footer)
        lines: list[tuple[float, float, str]] = [(72, 770, header)]
        y = 740.0
        for row in chunk:
            text, c = to_winansi(row)
            changed |= c
            if text:
                lines.append((72, y, text))
            y -= 17
        lines.append((270, 30, footer))
        pages.append(lines)
    m = a.meta
    info = {
        "Title": to_winansi(f"{a.title} | {m['outlet']}")[0],
        "Author": to_winansi(m["author"])[0],
        "CreationDate": "D:" + m["date"].replace("-", "") + "090000Z",
        "Producer": "Skia/PDF m120",
    }
    return make_pdf(pages, size=10, info=info), changed, furniture


# ---------------------------------------------------------------- gold
def rename(gold: dict[str, Any], ext: str) -> tuple[dict[str, Any], int]:
    """The gold with file names changed; for a PDF drop numbers whose quote had to be transliterated."""

    def new(name: str) -> str:
        return str(Path(name).with_suffix(ext))

    out = dict(gold)
    dropped = 0
    for key in ("numbers", "optional_numbers"):
        rows = []
        for row in gold.get(key) or []:
            if ext == ".pdf" and to_winansi(str(row[1]))[1]:
                dropped += 1
                continue
            rows.append([new(row[0]), *row[1:]])
        out[key] = rows
    conflicts = {}
    for cid, c in (gold.get("conflicts") or {}).items():
        if isinstance(c, list):
            c = {"kind": "numeric", "verdict": "contradiction", "claims": c}
        conflicts[cid] = {**c, "claims": [[new(q[0]), *q[1:]] for q in c["claims"]]}
    out["conflicts"] = conflicts
    return out, dropped


def build(name: str, corpus: Path, gold_path: Path, work: Path) -> dict[str, tuple[Path, Path, int]]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    files = sorted(corpus.glob("*.txt"))
    variants: dict[str, tuple[Path, Path, int]] = {"txt": (corpus, gold_path, 0)}
    for ext, kind in ((".html", "html"), (".pdf", "pdf")):
        out = work / f"{name}-{kind}"
        out.mkdir(parents=True, exist_ok=True)
        sources: dict[str, dict[str, str]] = {}
        boiler: dict[str, list[str]] = {}
        transliterated = 0
        for i, f in enumerate(files):
            layout = LAYOUTS[i % len(LAYOUTS)]
            a = read_article(f, layout)
            target = f.with_suffix(ext).name
            if kind == "html":
                page, furniture = PAGES[layout.name](a)
                (out / target).write_text(page, encoding="utf-8")
            else:
                data, changed, furniture = article_pdf(a)
                transliterated += changed
                (out / target).write_bytes(data)
            sources[target] = dict(a.meta)
            boiler[target] = furniture
        g, dropped = rename(gold, ext)
        g["sources"] = sources
        g["boilerplate"] = boiler
        gp = work / f"{name}-{kind}.gold.yaml"
        gp.write_text(yaml.safe_dump(g, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if transliterated:
            print(f"{name}-{kind}: {transliterated} file(s) transliterated, {dropped} gold number(s) dropped")
        variants[kind] = (out, gp, dropped)
    return variants


# ---------------------------------------------------------------- scoring
def score(corpus: Path, gold: Path, verbose: bool) -> dict[str, Any]:
    cmd = [sys.executable, str(SCORE), "--gold", str(gold), "--corpus", str(corpus), "--"]
    cmd += [str(SCALEDEAL), "extract", str(corpus), "--format", "json"]
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if verbose:
        print(r.stdout)
    line = next((x for x in r.stdout.splitlines() if x.startswith("summary: ")), "")
    pairs = (kv.split("=", 1) for kv in line[len("summary: ") :].split())
    return {k: v for k, v in pairs}


COLUMNS = [
    ("numbers F1", "numbers_f1"),
    ("metadata", "metadata_accuracy"),
    ("from boilerplate", "numbers_from_boilerplate"),
    ("entity B3", "entities_b3_f1"),
    ("conflict recall", "conflicts_recall"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="one corpus folder (with --gold)")
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--work", type=Path, help="where to write the pages (default: a temp dir)")
    ap.add_argument("--only", action="append", default=[], help="corpus names to run")
    ap.add_argument("--verbose", action="store_true", help="print score.py's full report")
    a = ap.parse_args()
    if a.corpus:
        todo = [(a.corpus.name, a.corpus, a.gold or SHARED / "gold" / a.corpus.name / "gold.yaml")]
    else:
        dirs = [*sorted(p for p in (SHARED / "corpora").iterdir() if p.is_dir()), SHARED / "seeds"]
        todo = [(d.name, d, SHARED / "gold" / d.name / "gold.yaml") for d in dirs]
        todo = [t for t in todo if t[2].exists() and (not a.only or t[0] in a.only)]
    work = a.work or Path(tempfile.mkdtemp(prefix="scaledeal-pages-"))
    print(f"work folder: {work}")
    rows = []
    for name, corpus, gold in todo:
        for kind, (folder, gp, _dropped) in build(name, corpus, gold, work).items():
            if a.verbose:
                print(f"==== {name} {kind}")
            rows.append((name, kind, score(folder, gp, a.verbose)))
    print(f"{'corpus':<12}{'variant':<8}" + "".join(f"{h:>18}" for h, _ in COLUMNS))
    for name, kind, s in rows:
        print(f"{name:<12}{kind:<8}" + "".join(f"{s.get(k, '-'):>18}" for _, k in COLUMNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
