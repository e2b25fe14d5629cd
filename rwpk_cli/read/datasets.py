"""What the event-dataset readers (ICEWS, GDELT, PLOVER) share: a coded row as an incoming event,
and the merging of rows that describe the same event.

Each row names two sides (source and target), a day, a coded action and where it was reported.
Rows of the same day, the same two sides and the same kind are one event reported several times
(by several stories, or several sentences of one): they are merged into one event citing every
source, keyed by its first row, so that the same rows give the same event on every import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from .codes import OUTSIDE, cameo_kind, country_code, country_name, is_country_name
from .records import Cited, Incoming, Person, Problems, Reading


class Side(NamedTuple):
    """One side of a coded event: an actor's name and country as the dataset gives them."""

    name: str
    country: str | None  # the dataset's own code or name

    def person(self) -> Person:
        return _person(self.name, self.country)


@cache
def _person(name: str, country: str | None) -> Person:
    """A dataset's side as a participant (the same few names recur on thousands of rows): a state or
    an office ("Government (Pakistan)", a name in capitals, a country's name) is an organisation."""
    code = country_code(country)
    if name == country and len(name) == 3 and code:  # a side given only as its country's code
        return Person(country_name(name) or name, country=code, type="organization")
    organization = "(" in name or is_country_name(name) or name.isupper()
    shown = name.title() if name.isupper() else name
    return Person(shown, country=code, type="organization" if organization else None)


class Coded(NamedTuple):
    """One dataset row, read."""

    key: str
    line: int
    day: str
    kind: str
    action: str  # the dataset's words for the action ("Make a visit", "CONSULT")
    sides: tuple[Side, ...]
    place: str | None
    cited: tuple[Cited, ...]
    note: str  # a line for the summary: the row's code and score


def cameo_of(code: str, column: str, line: int, problems: Problems, skipped: Counter[str]) -> str | None:
    """The kind of a row's CAMEO code; None (the row left out) when the code is outside the
    diplomatic range (counted) or is no CAMEO code (a problem naming the column)."""
    try:
        kind = cameo_kind(code)
    except ValueError:
        problems.add(line, f"column {column!r}: {code!r} is not a CAMEO event code (two to four digits); "
                     "fix the code or delete the row")  # fmt: skip
        return None
    if kind is None:
        skipped[OUTSIDE] += 1
    return kind


def not_between(between: tuple[str, str]) -> str:
    """The reason an event outside the dyad is skipped, as the summary line counts it."""
    return f"not between {'–'.join(between)}"


def outside(sides: tuple[Side, ...], between: tuple[str, str] | None) -> bool:
    """Whether a row's sides are not the two countries of ``between`` (either way round). The readers
    leave such rows out as they read, so a large file's other rows are never held in memory."""
    if between is None:
        return False
    countries = {country_code(side.country) for side in sides}
    return not {code.upper() for code in between} <= countries


def day_problem(text: str, dataset: str, layout: str) -> str:
    """Why a dataset's day cannot be read, in the words of rwpk's date parser where it has them."""
    from ..dates.parse import parse_date
    from ..errors import DateError

    try:
        parse_date(text)
    except DateError as error:
        return f"{error} ({dataset} writes {layout})"
    return f"{text!r} is not written as {dataset} writes a day, {layout}"


def _title(row: Coded, people: tuple[Person, ...]) -> str:
    names = [p.name for p in people]
    if len(names) >= 2:
        return f"{names[0]} – {row.action.lower()} – {', '.join(names[1:])}"
    return f"{names[0]} – {row.action.lower()}" if names else row.action


def reading(rows: list[Coded], dataset: str, skipped: Counter[str]) -> Reading:
    """The events of a dataset's rows, merged, with a note naming the countries rwpk cannot read
    (their actors get no country, so --between cannot find them)."""
    unknown = Counter(
        side.country for row in rows for side in row.sides if side.country and country_code(side.country) is None
    )
    notes: tuple[str, ...] = ()
    if unknown:
        names = ", ".join(f"{name!r} ({n})" for name, n in unknown.most_common(5))
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        notes = (f"countries rwpk does not know, so their actors have no country: {names}{more}",)
    return Reading(merged(rows, dataset), skipped, notes=notes)


def merged(rows: Iterable[Coded], dataset: str) -> list[Incoming]:
    """One event per (day, the two sides, kind), citing the sources of all its rows."""
    groups: dict[tuple[object, ...], list[Coded]] = {}
    for row in rows:
        sides = tuple(sorted({(s.name, s.country or "") for s in row.sides}))
        groups.setdefault((row.day, sides, row.kind), []).append(row)
    events = []
    for group in groups.values():
        first = group[0]
        people = tuple(dict.fromkeys(side.person() for side in first.sides))
        cited = tuple({c.id: c for row in group for c in row.cited}.values())
        notes = list(dict.fromkeys(row.note for row in group))
        summary = f"{dataset} {'event' if len(group) == 1 else f'{len(group)} reports'}: " + "; ".join(notes)
        events.append(
            Incoming(
                first.key,
                first.line,
                first.day,
                first.kind,
                _title(first, people),
                people,
                first.place,
                (),
                cited,
                summary,
            )
        )
    return events
