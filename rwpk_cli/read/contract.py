"""rwpk's own event records (the JSON contract of ``timeline --format json``) as incoming events.

The JSON, JSON Lines and CSV exports all carry the contract's fields; this module reads one record
of them, whatever file it came from, checking each field and naming the file, line and field of
what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..dates.parse import parse_date
from ..errors import DateError
from ..log.kinds import Kind
from .records import Cited, Incoming, Person, Problems

KINDS = tuple(kind.value for kind in Kind)


def _text(record: Mapping[str, Any], key: str, problems: Problems, line: int, required: bool = False) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip() and not required):
        if required:
            problems.add(line, f"'{key}' is missing; every event needs a {key}")
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(line, f"'{key}' must be text, not {value!r}")
        return None
    return value


def _texts(record: Mapping[str, Any], key: str, problems: Problems, line: int) -> tuple[str, ...]:
    value = record.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(line, f"'{key}' must be a list of texts, not {value!r}")
        return ()
    return tuple(value)


def checked_kind(value: str | None, problems: Problems, line: int, where: str = "'kind'") -> str | None:
    """A kind of rwpk's, or a problem listing them."""
    if value is None or value in KINDS:
        return value
    problems.add(line, f"{where}: unknown kind {value!r}; use one of {', '.join(KINDS)}")
    return None


def checked_date(value: str | None, problems: Problems, line: int, where: str = "'date'") -> str | None:
    """A date expression rwpk reads without a reference day, or a problem with the parser's message."""
    if value is None:
        return None
    try:
        parse_date(value)
    except DateError as error:
        problems.add(line, f"{where}: {error}")
        return None
    return value


def _people(record: Mapping[str, Any], problems: Problems, line: int) -> tuple[Person, ...]:
    value = record.get("participants")
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.add(line, f"'participants' must be a list, not {value!r}")
        return ()
    people = []
    for item in value:
        if isinstance(item, str) and item.strip():
            people.append(Person(item, free=True))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            problems.add(line, f"a participant must have a name: {item!r}")
            continue
        fields = {key: item.get(key) for key in ("id", "country", "title")}
        if not all(v is None or isinstance(v, str) for v in fields.values()):
            problems.add(line, f"a participant's id, country and title must be text: {item!r}")
            continue
        ident = fields["id"] or None
        sure = item.get("title_certain") is not False
        people.append(
            Person(item["name"], ident, fields["country"] or None, fields["title"] or None, free=ident is None,
                   title_certain=sure)
        )  # fmt: skip
    return tuple(people)


_LABEL = re.compile(r"^(?P<name>.+?)(?: \((?P<country>[A-Z0-9]{2,3})\)(?:, (?P<title>.+))?)?$")


def labelled(label: str) -> Person:
    """A participant as rwpk's calendars and TimelineJS slides list them: "Name (CC), Title", the
    title ending in "?" when the tenure may not span the event. The name ends at the country, so a
    name holding a comma comes back whole when the country is given; without it, the label is the name."""
    found = _LABEL.match(label.strip())
    if found is None or not found["country"]:
        return Person(label.strip(), free=True)
    title = found["title"]
    return Person(found["name"], country=found["country"], title=title.removesuffix("?") if title else None,
                  title_certain=not (title or "").endswith("?"))  # fmt: skip


def incoming(record: object, line: int, format_name: str, problems: Problems) -> Incoming | None:
    """The event of one contract record, or None (with its problems added) when it cannot be read."""
    if not isinstance(record, dict):
        problems.add(line, f'expected an event object {{"date": …, "kind": …, "title": …}}, not {record!r:.60}')
        return None
    before = len(problems.found)
    ident = _text(record, "id", problems, line)
    when = checked_date(_text(record, "date", problems, line, required=True), problems, line)
    kind = checked_kind(_text(record, "kind", problems, line, required=True), problems, line)
    title = _text(record, "title", problems, line, required=True)
    people = _people(record, problems, line)
    tags = _texts(record, "tags", problems, line)
    sources = _texts(record, "sources", problems, line)
    place = _text(record, "place", problems, line)
    summary = _text(record, "summary", problems, line)
    date_text = _text(record, "date_text", problems, line)
    if len(problems.found) > before or when is None or kind is None or title is None:
        return None
    key = f"{format_name}:{ident}" if ident else ""
    return Incoming(key, line, when, kind, title, people, place, tags, tuple(Cited(s) for s in sources), summary,
                    date_text, id=ident)  # fmt: skip
