"""Values written for people: $6.2B, 40%, 2016, 33x, 10 Jun 2025.

Used in conflict explanations, the TUI and the Markdown export, so a figure
reads the same everywhere.
"""

from __future__ import annotations

from facts.model import Attribution, Claim, Qualifier, Source, Value

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_HEDGES: dict[str, str] = {"approx": "about ", "over": "over ", "under": "under "}
SOURCE_LABEL_CHARS = 24  # a source's label fits a narrow column


def _short(x: float) -> str:
    """1234.5 -> '1,234.5'; trailing zeros dropped; at most 2 decimals."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def _scaled(x: float) -> str:
    for size, suffix in _SCALES:
        if abs(x) >= size:
            return _short(x / size) + suffix
    return _short(x)


def _date(iso: str) -> str:
    # "2025-06-10" -> "10 Jun 2025"; "--06-10" -> "10 Jun"; "2025-06" -> "Jun 2025"
    parts = iso.lstrip("-").split("-") if iso.startswith("--") else iso.split("-")
    try:
        if iso.startswith("--"):
            month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
            return f"{day} {_MONTHS[month - 1]}" if day else _MONTHS[month - 1]
        if len(parts) >= 3:
            return f"{int(parts[2][:2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def currency_symbol(unit: str) -> str:
    """'$' for USD; the code itself for a currency without a short sign."""
    return _SYMBOLS.get(unit, unit)


def format_value(value: Value | None, unit: str) -> str:
    """A figure as a person would write it: $6.2B, €3.2M, 49%, 2016, 33x, 1,500."""
    if value is None:
        return "?"
    if isinstance(value, str):
        return _date(value) if unit == "date" else value
    if unit == "percent":
        return f"{_short(value)}%"
    if unit == "multiplier":
        return f"{_short(value)}x"
    if unit in ("year", "age"):
        return str(int(value)) if float(value).is_integer() else _short(value)
    if unit == "count":
        return _scaled(value) if abs(value) >= 1e6 else _short(value)
    if unit in ("days", "weeks", "months", "years"):
        return f"{_short(value)} {unit if value != 1 else unit[:-1]}"
    if unit == "date":
        return str(value)
    symbol = _SYMBOLS.get(unit)
    amount = _scaled(value)
    return f"{symbol}{amount}" if symbol else f"{amount} {unit}"


def format_claim(value: Value | None, unit: str, qualifier: Qualifier | str = "exact") -> str:
    """A figure with its hedge: 'over $10B', 'about $15B', '$6.2B'."""
    return _HEDGES.get(qualifier, "") + format_value(value, unit)


def claim_label(claim: Claim) -> str:
    """What one side of a conflict says: the hedged figure, or its words."""
    if claim.value is None:
        return " ".join(claim.span.text.split())
    return format_claim(claim.value, claim.unit, claim.qualifier)


def said_by(a: Attribution | None) -> str:
    """`The Information (outlet)`; "" for a figure the article states in its own voice."""
    return f"{a.origin} ({a.kind})" if a is not None else ""


def _shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    word = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut  # end on a word when one ends late enough
    return word.rstrip(" ,;:-–—") + "…"


def source_label(source: Source | None, source_id: str = "", limit: int = SOURCE_LABEL_CHARS) -> str:
    """What people call an article in a narrow place: its outlet, else a short
    title, else its file name without the extension (hash names are for machines)."""
    if source is not None:
        for name in (source.outlet, source.title):
            if name.strip():
                return _shortened(name, limit)
        source_id = source_id or source.id
    return _shortened(source_id.rsplit(".", 1)[0], limit)


def source_citation(source: Source) -> str:
    """An article as a reference list cites it: “Title”, outlet, by author, date."""
    parts = [f"“{' '.join(source.title.split())}”" if source.title.strip() else "untitled"]
    parts += [" ".join(x.split()) for x in (source.outlet,) if x.strip()]
    if source.author.strip() and source.author.strip() != source.outlet.strip():
        parts.append(f"by {' '.join(source.author.split())}")
    parts.append(_date(source.date[:10]) if source.date else "undated")
    return ", ".join(parts)
