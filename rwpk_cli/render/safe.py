"""User text made safe to show: control characters and bidi overrides become visible stand-ins."""

from __future__ import annotations

import re

from ..log.text import UNSAFE


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control shown as a stand-in, so it cannot act on the terminal."""
    return UNSAFE.sub(_stand_in, text)


def one_line(text: str) -> str:
    """``text`` on one line: runs of whitespace (newlines and tabs included) become one space."""
    return visible(" ".join(text.split()))


def paragraphs(text: str) -> list[str]:
    """The paragraphs of user text: the runs between blank lines, each without its outer white space.
    Every format meant for people keeps them (a page's, a report's and a slide's paragraphs)."""
    return [part for part in (p.strip() for p in re.split(r"\n[ \t]*(?:\r?\n)+", text.replace("\r\n", "\n"))) if part]


def shown(text: str) -> str:
    """User text for a page, a calendar or a slide: the one rule every human-facing export applies,
    line breaks as newlines, controls and bidi overrides made visible (newlines and tabs are kept for
    the format to handle)."""
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def web_url(url: str | None) -> str | None:
    """A URL to link to: http and https only; anything else (javascript:, data:) is dropped."""
    return url.strip() if url and is_web_url(url) else None


#: The most of one piece of user text a terminal cell shows; the exports keep all of it.
CELL_LIMIT = 300


def cell(text: str, limit: int = CELL_LIMIT) -> str:
    """``text`` on one line for a terminal cell, cut to ``limit`` characters with "…": a 10 MB title
    would otherwise take the table layout a minute."""
    shown = one_line(text[: limit * 4])
    return shown if len(shown) <= limit and len(text) <= limit * 4 else shown[: limit - 1].rstrip() + "…"


def is_web_url(url: str) -> bool:
    """True for http and https URLs, the only ones rwpk turns into links."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url.strip()).scheme.lower() in ("http", "https")
    except ValueError:
        return False


def money(amount: float) -> str:
    """A readable amount: $34.7M, $3.25M, $950K, $1.2B."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(amount) >= size:
            value = amount / size
            text = f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{'-' if amount < 0 else ''}${text.lstrip('-')}{suffix}"
    return f"{'-' if amount < 0 else ''}${abs(amount):,.0f}"


def percent(share: float) -> str:
    """A share as a percentage that never claims all or nothing when it is not: 93%, 99.6%, 0.4%."""
    whole = round(share * 100)
    if (whole == 100 and share < 1) or (whole == 0 and share > 0):
        tenths = int(share * 1000) / 10 if share < 1 else 99.9  # truncated: 99.96% is 99.9%, not 100.0%
        return f"{max(tenths, 0.1):.1f}%" if share >= 0.0005 else "<0.1%"
    return f"{whole}%"


def balance(origin: str, destination: str, amount: int) -> str:
    """Whose a year's balance is, from the exporter's side: "PK surplus $12.9M", "RW deficit $12.9M"."""
    if amount == 0:
        return f"{origin}–{destination} balanced"
    return f"{origin} {'surplus' if amount > 0 else 'deficit'} {money(abs(amount))}"


#: How many of an actor's counterparts a summary names before "+N more".
COUNTERPARTS_SHOWN = 3


#: The most rows a terminal table shows; the rest are counted in its caption (every other format has
#: them all). A table of 20,000 rows takes Rich many seconds and no one reads it.
TABLE_ROWS = 500


def shown_rows(count: int) -> str:
    """The caption's note when a terminal table leaves rows out."""
    if count <= TABLE_ROWS:
        return ""
    return f" · the first {TABLE_ROWS:,} shown; --format tsv, csv or json for all"
