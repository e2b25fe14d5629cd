"""ICEWS coded events: the Dataverse ``events.YYYY.tab`` files, tab-separated with a header.

The columns are read by name: ``Event ID, Event Date, Source Name, Source Sectors, Source Country,
Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence
Number, Publisher, City, District, Province, Country, Latitude, Longitude``. Cells are not quoted
(quotes are text), ``NA`` is an empty cell, and ``Event Date`` is ``YYYY-MM-DD`` (or ``M/D/YYYY``,
as one year's release writes it). Each event cites its story, under its publisher.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..errors import InputError, Problem
from .codes import cameo_name
from .datasets import Coded, Side, cameo_of, day_problem, not_between, outside, reading
from .input import Input
from .records import Cited, Problems, Reading

COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
           "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
           "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude")  # fmt: skip
NEEDED = ("Event ID", "Event Date", "Source Name", "Event Text", "CAMEO Code", "Target Name")
_US_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def day_of(text: str) -> str | None:
    """An ICEWS event date as an ISO day, or None."""
    from datetime import date

    found = _US_DAY.match(text)
    try:
        if found:
            return date(int(found[3]), int(found[1]), int(found[2])).isoformat()
        if _ISO_DAY.match(text):
            return date.fromisoformat(text).isoformat()
    except ValueError:
        return None
    return None


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time, without a list of them all."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def read(source: Input, between: tuple[str, str] | None = None) -> Reading:
    """The events of ``source``; with ``between``, only those between the two countries."""
    lines = _lines(source.text)
    first = next(lines, "")
    header = [name.strip() for name in first.rstrip("\r").split("\t")]
    missing = [name for name in NEEDED if name not in header]
    if missing:
        found = ", ".join(repr(n) for n in header[:6] if n) + (", …" if len(header) > 6 else "") or "nothing"
        raise InputError([Problem(source.display, 1, f"no column {missing[0]!r}: an ICEWS file starts with the header "
                                f"{', '.join(COLUMNS[:4])}, …; this one has {found}")])  # fmt: skip
    at = {name: header.index(name) for name in COLUMNS if name in header}
    problems = Problems(source.display)
    rows: list[Coded] = []
    skipped = Counter[str]()
    for number, raw in enumerate(lines, start=2):
        raw = raw.rstrip("\r")
        if not raw.strip():
            continue
        cells = ["" if c == "NA" else c for c in map(str.strip, raw.split("\t"))]
        if len(cells) < len(header):
            problems.add(number, f"has {len(cells)} columns, the header {len(header)}; the line may be cut short")
            continue

        def get(name: str, cells: list[str] = cells) -> str:
            index = at.get(name)
            return cells[index] if index is not None else ""

        day = day_of(get("Event Date"))
        if day is None:
            problems.add(
                number, f"column 'Event Date': {day_problem(get('Event Date'), 'ICEWS', 'YYYY-MM-DD or M/D/YYYY')}"
            )
            continue
        code = get("CAMEO Code")
        kind = cameo_of(code, "CAMEO Code", number, problems, skipped)
        if kind is None:
            continue
        sides = tuple(
            Side(get(f"{side} Name"), get(f"{side} Country") or None)
            for side in ("Source", "Target")
            if get(f"{side} Name")
        )
        if outside(sides, between):
            skipped[not_between(between or ("", ""))] += 1
            continue
        story = get("Story ID")
        cited = (Cited(f"icews-story-{story}", outlet=get("Publisher") or None, published=day),) if story else ()
        place = get("City") or get("Province") or get("Country") or None
        intensity = get("Intensity")
        note = f"CAMEO {code} ({get('Event Text')})" + (f", intensity {intensity}" if intensity else "")
        action = get("Event Text") or cameo_name(code)
        rows.append(Coded(f"icews:{get('Event ID')}", number, day, kind, action, sides, place, cited, note))
    problems.raise_any()
    return reading(rows, "ICEWS", skipped)
