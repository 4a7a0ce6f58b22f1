"""Tiny PDFs written by hand, for tests: pages of text lines in Helvetica.

Each line is (x, y, text) in points from the bottom left, 11 pt. Only what a
text layer needs: a catalog, a page tree, pages with one content stream, a
font, and a correct cross-reference table.
"""

from __future__ import annotations

Line = tuple[float, float, str]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _stream(lines: list[Line], size: float) -> bytes:
    ops = [f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({_escape(t)}) Tj ET" for x, y, t in lines]
    return "\n".join(ops).encode("cp1252")  # the font's WinAnsiEncoding


def make_pdf(
    pages: list[list[Line]], size: float = 11, info_title: str = "", info: dict[str, str] | None = None
) -> bytes:
    """A PDF of `pages`; `info` (or just `info_title`) fills its /Info dictionary,
    as a browser's "print to PDF" does."""
    info = {**({"Title": info_title} if info_title else {}), **(info or {})}
    n = len(pages)
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        content = 5 + 2 * i
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {content} 0 R >>".encode()
        )
        body = _stream(lines, size)
        objs.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    if info:
        fields = " ".join(f"/{k} ({_escape(v)})" for k, v in info.items())
        objs.append(f"<< {fields} >>".encode("cp1252"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    ref = f" /Info {len(objs)} 0 R" if info else ""
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R{ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def article_pages(
    paragraphs_per_page: list[list[list[str]]], header: str = "", footer: bool = False
) -> list[list[Line]]:
    """Pages of paragraphs (each a list of lines), with a running header and
    a page-number footer when asked; 14 pt leading, a blank line between paragraphs."""
    pages = []
    for number, paragraphs in enumerate(paragraphs_per_page, start=1):
        lines: list[Line] = []
        y = 750.0
        if header:
            lines.append((72, 770, header))
        for para in paragraphs:
            for line in para:
                lines.append((72, y, line))
                y -= 14
            y -= 14
        if footer:
            lines.append((300, 30, str(number)))
        pages.append(lines)
    return pages
