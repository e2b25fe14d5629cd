"""rwpk's JSON and JSON Lines exports: each object an event in the JSON contract (see ``contract``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..errors import InputError, Problem
from .contract import incoming
from .input import Input
from .jsonrecords import array_items, line_items
from .records import Problems, Reading, short_hash


def _read(source: Input, items: Iterator[tuple[int, object]], problems: Problems | None = None) -> Reading:
    problems = problems or Problems(source.display)
    events = []
    for line, record in items:
        if isinstance(record, dict) and ("event" in record and ("source" in record or "actor" in record)):
            message = "this is a PLOVER event, not an event of rwpk's JSON; import the file with --format plover"
            raise InputError([Problem(source.display, line, message)])
        event = incoming(record, line, "rwpk", problems)
        if event is not None:
            key = f"rwpk:{event.id}" if event.id else f"json:{source.name}:{short_hash(repr(record))}"
            events.append(event._replace(imported=key))
    problems.raise_any()
    return Reading(events, Counter())


def read_array(source: Input) -> Reading:
    """A JSON array of events (``timeline --format json``); a TimelineJS document is named as such."""
    head = source.text.lstrip()[:1]
    if head == "{" and '"events"' in source.text[:2000]:
        message = "this is a TimelineJS document, not rwpk's JSON array; import it with --format timelinejs"
        raise InputError([Problem(source.display, 1, message)])
    if head == "{" and '"bindings"' in source.text[:4000]:
        message = "this is a SPARQL result (tenures), not events; import it with rwpk import roles FILE"
        raise InputError([Problem(source.display, 1, message)])
    if head == "{":
        message = "a JSON object, not an array of events; for one object per line, import it with --format jsonl"
        raise InputError([Problem(source.display, 1, message)])
    return _read(source, array_items(source))


def read_lines(source: Input) -> Reading:
    """JSON Lines: one event object per line (``timeline --format jsonl``)."""
    problems = Problems(source.display)
    return _read(source, line_items(source, problems), problems)
