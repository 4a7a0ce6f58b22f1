#!/usr/bin/env python3
"""Write a hostile corpus: every kind of text an article from the web or a
stranger's disk may hold, to prove scaledeal shows it literally and survives.

    python tests/hostile/generate.py OUT_DIR [--tiny N]

Deterministic. Files named `skip_*` must be skipped with a warning; every
other `.txt` must load. `MANIFEST` maps each file to what it tests.
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
DEAL = "Northwind Platforms agreed to buy 40% of Helix Vision for about $2.5 billion on 3 March 2026."

TEXT_CASES: dict[str, tuple[str, str]] = {
    "markup.txt": (
        "Rich/Textual markup must show as characters",
        "[bold red]Breaking[/] news: [link=https://evil.example]click[/link] [@click=app.quit]quit[/]\n"
        f"{DEAL} [/] [b]unclosed and [i]nested [on red]tags\n"
        "Markdown too: **bold** _it_ `code` # heading | pipe | <script>alert(1)</script> [x](javascript:1)\n",
    ),
    "ansi.txt": (
        "ANSI CSI and OSC sequences must never reach the terminal",
        f"{ESC}[31mred{ESC}[0m {ESC}[2J{ESC}[H cleared? {ESC}[10;10H moved {ESC}[?1049h alt screen\n"
        f"{ESC}]8;;https://evil.example{ST}a link{ESC}]8;;{ST} and {ESC}]52;c;cm0gLXJmIH4={BEL} clipboard\n"
        f"{ESC}]0;new title{BEL} title. {DEAL}\n",
    ),
    "bidi.txt": (
        "BIDI overrides and zero-width characters are made visible",
        f"Price: \u202e$1.5 billion\u202c then \u2066isolate\u2069. Zero\u200bwidth\u200c joiner\u200d. {DEAL}\n"
        "\ufeffBOM inside and a soft\u00adhyphen.\n",
    ),
    "controls.txt": (
        "NUL and other control characters are shown, not interpreted",
        "Tab\there, bell\x07, backspace\x08x, vertical\x0btab, form\x0cfeed, "
        f"nul\x00end, del\x7f, c1\x9b31m.\n{DEAL}\n",
    ),
    "hostile_deal.txt": (
        "Names and figures wrapped in markup and escapes: they reach every pane and a conflict",
        f"[bold]Northwind Platforms[/bold] to buy Helix Vision, {ESC}]0;pwned{BEL}sources say\n\n"
        f"[@click=app.quit]Northwind Platforms[/] will pay {ESC}[31m$3.1 billion{ESC}[0m for Helix Vision, "
        f"people said {ESC}]8;;https://evil.example{ST}here{ESC}]8;;{ST}.\n"
        f"Helix Vision was \u202efounded\u202c in 2011 by Dana Whitcombe {BEL}[link=https://evil.example]src[/link].\n"
        f"Helix Vision was founded in 2014, a filing shows {ESC}]52;c;cm0gLXJmIH4={BEL}\u200b.\n"
        "Ms. Whitcombe said **Northwind Platforms** paid $3.1 billion | not # a [table](javascript:1).\n",
    ),
    "empty.txt": ("An empty file is a source with no facts", ""),
    "whitespace.txt": ("Only whitespace", "   \n\n\t  \n"),
    "crlf.txt": ("Windows and old Mac newlines", f"Headline\r\n\r\n{DEAL}\r\nOld mac line\rend\r\n"),
    "long_words.txt": ("Pathological tokens", "$" + "9" * 5000 + " " + "," * 5000 + " " + "1," * 3000 + "\n" + DEAL),
    "regex_bait.txt": (
        "Inputs that make naive regexes backtrack",
        ("about " * 2000) + "$" + ("1.1" * 500) + (" billion" * 300) + "\n" + ("A " * 5000) + "\n",
    ),
}

BINARY_CASES: dict[str, tuple[str, bytes]] = {
    "skip_invalid_utf8.txt": ("Invalid UTF-8 is skipped with a warning", "Café deal at £5m".encode("latin-1")),
    "skip_binary.txt": ("A binary file with a .txt name is skipped", bytes(range(256)) * 64),
    "skip_utf16.txt": ("UTF-16 text is not UTF-8", DEAL.encode("utf-16")),
}


FILLER = "the board met again and the talks went on through the night while advisers read the terms "


# File names are hostile too: markup and escapes in the name itself, one of
# them in a file that must be skipped (so the name reaches a warning).
NAME_CASES: dict[str, tuple[str, bytes]] = {
    "[b]named [i]x[@click=app.quit]y.txt": ("Markup in a file name is shown as typed", DEAL.encode()),
    "esc\x1b[31mname\x1b]0;t\x07.txt": ("An escape in a file name never reaches the terminal", DEAL.encode()),
    "skip_esc\x1b]52;c;eA==\x07.txt": ("A skipped file's hostile name is shown safely in its warning", b"\xff\xfe"),
}


def _write_named(out: Path, manifest: dict[str, str]) -> None:
    for name, (why, data) in NAME_CASES.items():
        try:
            (out / name).write_bytes(data)
        except OSError:  # a file system that refuses such names: nothing to test there
            continue
        manifest[name.encode("unicode_escape").decode("ascii")] = why


def huge_line(size: int) -> str:
    """One line of `size` characters (a minified page dump): prose with a
    fact every ~2 KB, and no newline anywhere."""
    chunk = FILLER * 22 + DEAL + " "
    return (chunk * (size // len(chunk) + 1))[:size]


def generate(out: Path, tiny: int = 0, huge_mb: float = 5.0) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, str] = {}
    for name, (why, text) in TEXT_CASES.items():
        (out / name).write_bytes(text.encode("utf-8"))
        manifest[name] = why
    for name, (why, data) in BINARY_CASES.items():
        (out / name).write_bytes(data)
        manifest[name] = why
    _write_named(out, manifest)
    (out / "huge_single_line.txt").write_text(huge_line(int(huge_mb * 1024 * 1024)), encoding="utf-8")
    manifest["huge_single_line.txt"] = f"A {huge_mb:g} MB single-line file"
    loop = out / "loop"
    if not os.path.lexists(loop):
        os.symlink(".", loop)  # a symlink loop: ./loop -> .
    manifest["loop"] = "A symlink loop is not followed"
    if tiny:
        rng = random.Random(7)
        many = out / "many"
        many.mkdir(exist_ok=True)
        for i in range(tiny):
            n = rng.randint(1, 999)
            (many / f"tiny_{i:05d}.txt").write_text(f"Deal {i}: ${n} million for {rng.randint(1, 99)}%.\n")
        manifest["many/"] = f"{tiny} tiny files"
    (out / "MANIFEST").write_text("".join(f"{k}\t{v}\n" for k, v in manifest.items()), encoding="utf-8")
    return manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--tiny", type=int, default=0, help="also write this many tiny articles under many/")
    ap.add_argument("--huge-mb", type=float, default=5.0)
    a = ap.parse_args()
    generate(a.out, a.tiny, a.huge_mb)


if __name__ == "__main__":
    main()
