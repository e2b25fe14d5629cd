"""An article as sentences: Markdown markup taken off, split where a sentence ends, each with its line.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quote) before a space and a capital,
except after an abbreviation of a title or a month ("Maj.", "Gen.", "Jan.") or an initial
("S. Jaishankar"). A line break ends a sentence too, so a headline and a dateline stand alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREVIATIONS_TEXT = """
    mr mrs ms dr gen maj lt col brig capt cpt adm sgt st sen rep gov prof amb hon no nos jan feb mar apr jun
    jul aug sep sept oct nov dec u.s u.n u.k e.g i.e vs jr sr inc ltd co h.e rt mt ft
"""
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])|`")
_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
#: A wire story's dateline, "SEOUL, Feb. 7 (Yonhap) -- ", "GEORGETOWN (Guyana), Nov. 21 - ", "NAIROBI,
#: Friday - ", "ISLAMABAD: " or "Dhaka, March 29: ": when it was filed, not an event's day. A place in
#: capitals may stand alone; one written as a name needs its day.
_DAY = (r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+)(?:,?\s*\d{4})?"
        r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)")  # fmt: skip
_AGENCY = r"\([A-Z][A-Za-z .]*\)"
#: The country after a place in capitals, before the day: "NUSA DUA, Indonesia, Nov 14 (Reuters) - ".
_COUNTRY = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}"
_DASH = r"(?:--|—|–|-|:)"
_NOT_A_PLACE = "(?:On|In|By|At|From|Since|Until|Through|Between|Last|Next|This|Early|Late|Before|After|During|Then)"
_DATELINE = re.compile(
    rf"^(?:{_AGENCY}\s*{_DASH}\s*)?"
    rf"(?:[A-Z][A-Z .'’-]{{2,40}}?(?:\s*{_AGENCY})?"
    rf"(?:(?:,\s*{_COUNTRY})?,\s*{_DAY}\s*{_AGENCY}\s*(?:{_DASH}\s+)?|(?:(?:,\s*{_COUNTRY})?,\s*{_DAY})?\s*(?:{_AGENCY})?\s*{_DASH}\s+)"
    rf"|(?!{_NOT_A_PLACE}\b)[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){{0,2}},\s*{_DAY}\s*(?:{_AGENCY}\s*(?:{_DASH}\s+)?|{_DASH}\s+)"
    # "Jakarta (VNA) - ": a place written as a name, then its agency and a dash
    rf"|(?!{_NOT_A_PLACE}\b)[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){{0,2}}\s*\([A-Z]{{2,6}}\)\s*{_DASH}\s+)"
    r"(?=[A-Z“\"])"
)


class Sentence(NamedTuple):
    """One sentence of the article: its text, the line it starts on, and its paragraph's number."""

    text: str
    line: int
    paragraph: int
    heading: bool = False  # a line of its own without a full stop: a headline, a dateline, a heading


def plain(line: str) -> str:
    """A Markdown line as text: links as their words, emphasis and code marks and list marks removed."""
    line = _HEADING.sub("", line)
    line = _LINK.sub(r"\1", line)
    return _MARKUP.sub("", line)


def sentences(text: str) -> list[Sentence]:
    """The article's sentences in order. Blank lines separate paragraphs; a line of its own that
    does not end as a sentence does (a headline) is marked as a heading."""
    found: list[Sentence] = []
    paragraph = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            paragraph += 1
            continue
        if _RULE.match(raw):
            continue
        line = " ".join(plain(raw).split())
        if not line:
            continue
        line = _DATELINE.sub("", line)
        heading = not re.search(r"[.!?][\"”’')\]]*$", line) and len(line.split()) < 25
        for piece in _split(line):
            found.append(Sentence(piece, number, paragraph, heading))
        if heading:
            paragraph += 1
    return found


def _split(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _END.finditer(line):
        before = line[start : match.start()].rstrip("\"”’')].!?")
        last = before.rsplit(None, 1)[-1].lstrip("([\"“‘'") if before.split() else ""
        word = last.lower().rstrip(".")
        if (
            word in _ABBREVIATIONS
            or re.fullmatch(r"[A-Z]", last.rstrip("."))
            or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", last)
        ):
            continue
        pieces.append(line[start : match.start()].strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def outside_quotes(text: str) -> str:
    """The sentence with quotations blanked (same length): a name in a quote takes no part. A
    sentence that begins inside a quotation (its opening mark in the sentence before) is blank to
    the closing mark; one that opens a quotation it does not close is blank from the opening mark."""
    blank = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    marks = [i for i, c in enumerate(blank) if c in '“”"']
    if not marks:
        return blank
    first = marks[0]
    before = blank[first - 1] if first else " "
    after = blank[first + 1] if first + 1 < len(blank) else " "
    opens = blank[first] == "“" or (blank[first] == '"' and before.isspace() and not after.isspace())
    if opens:
        return blank[:first] + " " * (len(blank) - first)
    return " " * (first + 1) + blank[first + 1 :]


def quoted(text: str, position: int) -> bool:
    """Whether ``position`` is inside a quotation, one the sentence opens without closing ("Good
    talks today in Tripoli. Agreements signed," she wrote) included."""
    blank = outside_quotes(text)
    return 0 <= position < len(text) and blank[position] == " " and not text[position].isspace()
