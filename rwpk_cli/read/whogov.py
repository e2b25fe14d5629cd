"""A WhoGov-style CSV of cabinet members: one row per person, position and year, read by column name
(``country_isocode`` or ``country``, ``year``, ``name``, ``position``).

WhoGov records each cabinet as it stood in July of the year, so consecutive years of the same
person in the same position are one tenure, known to the year: 2019, 2020, 2021 become
``since = "2019"``, ``until = "2021"``. A tenure that reaches the file's last year has no end yet.
Vacant positions (no name) are skipped and counted.
"""

from __future__ import annotations

from collections import Counter

from ..errors import InputError, Problem
from .codes import country_code
from .input import Input
from .records import Problems, Reading, Tenure
from .rows import rows, sniff


def read(source: Input) -> Reading:
    found = rows(source, sniff(source.text.split("\n", 1)[0]))
    try:
        line, header = next(found)
    except StopIteration:
        return Reading([], Counter())
    names = [cell.strip().lower() for cell in header]
    country_column = next((c for c in ("country_isocode", "country", "country_name") if c in names), None)
    missing = [c for c in ("year", "name", "position") if c not in names]
    if missing or country_column is None:
        wanted = missing[0] if missing else "country_isocode"
        message = (f"no column {wanted!r}; a WhoGov file has country_isocode (or country), year, name and "
                   f"position; this one has {', '.join(names[:6])}")  # fmt: skip
        raise InputError([Problem(source.display, line, message)])
    at = {name: names.index(name) for name in names}
    problems = Problems(source.display)
    years: dict[tuple[str, str, str | None], list[tuple[int, int]]] = {}  # (year, line) of each row
    skipped = Counter[str]()
    for line, cells in found:
        if not any(c.strip() for c in cells):
            continue

        def get(name: str, cells: list[str] = cells) -> str:
            value = cells[at[name]].strip() if at[name] < len(cells) else ""
            return "" if value == "NA" else value

        name, position, held = get("name"), get("position"), get("year")
        if not name:
            skipped["vacant"] += 1
            continue
        if not held.isdigit() or len(held) != 4:
            problems.add(line, f"column 'year': {held!r} is not a year")
            continue
        if not position:
            problems.add(line, "column 'position': is empty")
            continue
        country = country_code(get(country_column))
        years.setdefault((name, position, country), []).append((int(held), line))
    problems.raise_any()
    latest = max((year for spans in years.values() for year, _ in spans), default=0)
    tenures = []
    for (name, position, country), spans in years.items():
        spans.sort()
        run = [spans[0]]
        for year, line in [*spans[1:], (10**9, 0)]:
            if year == run[-1][0] + 1 or year == run[-1][0]:
                run.append((year, line))
                continue
            first, last = run[0][0], run[-1][0]
            key = f"whogov:{country or ''}:{name}:{position}:{first}"
            until = None if last == latest else str(last)  # in the file's last year: not known to have ended
            tenures.append(Tenure(key, run[0][1], name, position, country, str(first), until))
            run = [(year, line)]
    tenures.sort(key=lambda t: t.line)
    return Reading([], skipped, tenures)
