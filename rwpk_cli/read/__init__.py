"""Reading the files users already have, for ``rwpk import``: one module per format, one registry.

Each reader turns a file into :class:`records.Reading` (events, or tenures for ``import roles``)
and knows nothing of the log; ``plan`` decides what of it is new, and renders the TOML that
``rwpk import`` appends through ``rwpk add``'s safe write.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .input import Input
    from .records import Reading
    from .rules import Rules


class Format(NamedTuple):
    """A format ``rwpk import`` reads: its module and function, the extensions that name it, and what
    it holds (``events``, or ``roles`` for ``rwpk import roles``)."""

    name: str
    module: str
    function: str
    extensions: tuple[str, ...]
    holds: str
    description: str

    def reader(self) -> Callable[..., Reading]:
        found: Callable[..., Reading] = getattr(import_module(f"{__name__}.{self.module}"), self.function)
        return found


FORMATS = {
    f.name: f
    for f in (
        Format("csv", "sheet", "read", (".csv",), "events", "rwpk's CSV export, or any spreadsheet with --rules"),
        Format("json", "jsonfile", "read_array", (".json",), "events", "rwpk's JSON export (a JSON array)"),
        Format("jsonl", "jsonfile", "read_lines", (".jsonl", ".ndjson"), "events", "rwpk's JSON Lines export"),
        Format("ics", "calendar", "read", (".ics",), "events", "an iCalendar file: rwpk's export or any calendar"),
        Format("timelinejs", "timelinejs", "read", (".timeline.json",), "events", "a TimelineJS3 JSON document"),
        Format("icews", "icews", "read", (".tab",), "events", "ICEWS coded events (tab-separated, with a header)"),
        Format("gdelt", "gdelt", "read", (".export.csv",), "events", "GDELT 2.0 events (61 columns, no header)"),
        Format("plover", "plover", "read", (), "events", "PLOVER coded events (JSON Lines or a JSON array)"),
        Format("wikidata", "wikidata", "read", (".json", ".srj"), "roles", "a Wikidata SPARQL result (JSON)"),
        Format("whogov", "whogov", "read", (".csv",), "roles", "a WhoGov-style CSV of cabinet members"),
    )
}


def formats_holding(holds: str) -> dict[str, Format]:
    """The formats of events, or of roles."""
    return {name: f for name, f in FORMATS.items() if f.holds == holds}


def infer(path: str, holds: str) -> Format | None:
    """The format a file's name gives, when exactly one format of ``holds`` claims its longest
    matching extension (``.timeline.json`` before ``.json``)."""
    lower = path.lower()
    best: list[Format] = []
    length = 0
    for candidate in formats_holding(holds).values():
        for extension in candidate.extensions:
            if lower.endswith(extension) and len(extension) >= length:
                best = [*best, candidate] if len(extension) == length else [candidate]
                length = len(extension)
    return best[0] if len(best) == 1 else None


DATASETS = ("icews", "gdelt", "plover")


def read_file(
    chosen: Format, source: Input, rules: Rules | None = None, between: tuple[str, str] | None = None
) -> Reading:
    """What ``chosen`` reads in ``source``. Only CSV takes rules; the datasets leave out the rows not
    ``between`` two countries as they read (the other formats' events are selected afterwards)."""
    reader = chosen.reader()
    if chosen.name == "csv":
        return reader(source, rules)
    return reader(source, between) if chosen.name in DATASETS else reader(source)
