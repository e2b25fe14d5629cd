"""Checking ``[[event]]`` tables: one description of an event's fields, read by two paths.

Most events of a large log are well formed, so each table first takes a quick path that checks
its values without composing messages; anything unusual sends it down the full path, which
reports every problem with its line. Both paths read the fields of ``EVENT_FIELDS`` and build the
event with ``_event``, so a field added there is checked by both or the tests fail.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, NamedTuple

from ...dates.parse import parse_date
from ...dates.span import DateSpan, Precision, joined
from ...errors import DateError
from ..kinds import Kind
from ..lines import TableKey
from ..model import Actor, Event, Participant, Source
from ..names import NameIndex
from .fields import FieldReader, show
from .ids import EventIds
from .sources import cited

TEXT, TEXTS, DATE, COUNT, KIND, FLAG = "text", "texts", "date", "count", "kind", "flag"


class Field(NamedTuple):
    """A key an event may have: how its value is read, whether it must be there, and whether the
    quick path reads it (an event with a key the quick path does not read takes the full path)."""

    key: str
    shape: str
    required: bool = False
    quick: bool = True


#: Every key an event may have, in the order the full path reads them (which orders its messages).
EVENT_FIELDS = (
    Field("id", TEXT),
    Field("title", TEXT, required=True),
    Field("sources", TEXTS),
    Field("as_of", DATE),
    Field("date", DATE, required=True),
    Field("end", DATE, quick=False),
    Field("days", COUNT, quick=False),
    Field("kind", KIND, required=True),
    Field("participants", TEXTS),
    Field("place", TEXT),
    Field("summary", TEXT),
    Field("date_text", TEXT),
    Field("tags", TEXTS),
    Field("imported", TEXT),
    Field("planned", FLAG),
)
_KINDS = {kind.value: kind for kind in Kind}
_SHARED_KEYS = ("place", "tags", "sources")
_NO = object()  # a value the quick path does not accept


def _quick_text(value: object) -> object:
    return value if isinstance(value, str) and value.strip() else _NO


def _quick_texts(value: object) -> object:
    """A list of non-empty texts (or one text) as a tuple."""
    if isinstance(value, str):
        return (value,) if value.strip() else _NO
    if not isinstance(value, list):
        return _NO
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return _NO
    return tuple(value)


def _quick_date(value: object) -> object:
    return value if isinstance(value, str | date) else _NO


def _quick_flag(value: object) -> object:
    return value if isinstance(value, bool) else _NO


def _quick_kind(value: object) -> object:
    return _KINDS.get(value, _NO) if isinstance(value, str) else _NO


_QUICK_SHAPES: dict[str, Callable[[object], object]] = {
    TEXT: _quick_text,
    TEXTS: _quick_texts,
    DATE: _quick_date,
    KIND: _quick_kind,
    FLAG: _quick_flag,
}
_QUICK = {f.key: _QUICK_SHAPES[f.shape] for f in EVENT_FIELDS if f.quick}
_REQUIRED = frozenset(f.key for f in EVENT_FIELDS if f.required)
_SHAPE = {f.key: f.shape for f in EVENT_FIELDS}
_MISSING = {
    "title": 'add title = "…"',
    "date": 'add date = 2024-01-03 or date = "Jan 2024"',
    "kind": f'add kind = "meeting" (or {", ".join(k.value for k in Kind)})',
}


def _event(values: Mapping[str, Any], when: DateSpan, kind: Kind, people: tuple[Participant, ...],
           lines: tuple[int, int], file: str) -> Event:  # fmt: skip
    """The event of a table's values, read by either path."""
    get = values.get
    return Event(get("id") or "", when, kind, values["title"], get("place"), people, get("tags") or (),
                 get("sources") or (), get("summary"), get("date_text"), lines[0], lines[1], file,
                 get("imported"), bool(get("planned")))  # fmt: skip


class EventChecker:
    """The events of one file (or of text appended to a log), checked against known actors and sources."""

    def __init__(self, reader: FieldReader, ids: EventIds) -> None:
        self.reader, self.ids = reader, ids
        self.drafts: list[tuple[str | None, Event]] = []
        self._names: tuple[Mapping[str, Actor], NameIndex] | None = None
        self._matches: dict[str, list[Actor]] = {}  # the same names recur across thousands of events
        self._people: dict[str, Participant | None] = {}  # participant text -> resolved; None: ambiguous
        self._shared: dict[Any, Any] = {}  # see _share

    def add(self, data: Mapping[str, Any], actors: Mapping[str, Actor], sources: Mapping[str, Source]) -> None:
        """Check the [[event]] tables of ``data``; a large log adds them chunk by chunk."""
        if self._names is None or self._names[0] is not actors:
            self._names = (actors, NameIndex(actors.values()))
        names, reader, ids = self._names[1], self.reader, self.ids
        for where, table in reader.records(data, "event"):
            line = reader.lines.table(where)
            quick = self._quick(where, table, line, names, sources)
            if quick is not None and ids.free(quick.id):
                if quick.id:
                    ids.seen[quick.id] = reader.lines.key(where, "id")
                self.drafts.append((quick.id or None, quick))
                continue
            event = self._full(where, table, line, names, sources)
            if event is not None:
                self.drafts.append((event.id or None, event))

    # --- the quick path ------------------------------------------------------------------------

    def _quick(
        self, where: TableKey, table: Mapping[str, Any], line: int, names: NameIndex, sources: Mapping[str, Source]
    ) -> Event | None:
        """The event of a well-formed table; None when anything is unusual."""
        values: dict[str, Any] = {}
        for key, value in table.items():
            accept = _QUICK.get(key)
            if accept is None:
                return None
            value = accept(value)
            if value is _NO:
                return None
            values[key] = value
        if not values.keys() >= _REQUIRED:
            return None
        source_ids = values.get("sources", ())
        for source in source_ids:
            if source not in sources:
                return None
        participants = []
        for text in values.get("participants", ()):
            person = self._person(text, names)
            if person is None:
                return None
            participants.append(person)
        try:
            as_of = values.get("as_of")
            ref = self.reader.span(as_of, None) if as_of is not None else None
            if ref is None and source_ids:
                ref = sources[source_ids[0]].published
            when = self.reader.span(values["date"], ref)
        except DateError:
            return None
        lines = (line, self.reader.lines.key(where, "participants"))
        for key in _SHARED_KEYS:
            if key in values:
                values[key] = self._share(values[key])
        return _event(values, when, values["kind"], tuple(participants), lines, self.reader.tag)

    def _share(self, value: Any) -> Any:
        """One object for each value that recurs (a place, a list of tags or sources, and their
        texts): a large log holds a million events, and most repeat a few dozen such values."""
        found = self._shared.get(value)
        if found is None:
            if isinstance(value, tuple):
                value = tuple(self._shared.setdefault(item, item) for item in value)
            found = self._shared[value] = value
        return found

    def _person(self, text: str, names: NameIndex) -> Participant | None:
        """The participant a name stands for, remembered; None when it fits several actors."""
        if text in self._people:
            return self._people[text]
        found = self._candidates(text, names)
        person = (
            None if len(found) > 1 else Participant(found[0].name, found[0].id) if found else Participant(text.strip())
        )
        self._people[text] = person
        return person

    def _candidates(self, text: str, names: NameIndex) -> list[Actor]:
        found = self._matches.get(text)
        if found is None:
            found = self._matches[text] = names.candidates(text)
        return found

    # --- the full path -------------------------------------------------------------------------

    def _full(
        self, where: TableKey, table: Mapping[str, Any], line: int, names: NameIndex, sources: Mapping[str, Source]
    ) -> Event | None:
        """The event of a table, every problem reported; None when it has any."""
        reader, lines = self.reader, self.reader.lines
        reader.unknown_keys(table, where, _SHAPE, "event")
        ident = reader.text(table, where, "id", f"event #{int(where[1]) + 1}")
        title = reader.text(table, where, "title", _owner(where, ident, None))
        owner = _owner(where, ident, title)
        values: dict[str, Any] = {"id": ident, "title": title}
        if title is None and "title" not in table:
            reader.problem(line, f"{owner}: title is missing; {_MISSING['title']}")
        if ident is not None:
            if ident in self.ids.existing:
                reader.problem(line, f"{owner}: id '{ident}' is already taken")
            if ident in self.ids.seen:
                first = self.ids.seen[ident]
                message = f"{owner}: id '{ident}' is used twice (first at line {first}); give each event its own"
                reader.problem(lines.key(where, "id"), message)
            self.ids.seen.setdefault(ident, lines.key(where, "id"))
        before = len(reader.problems)
        for field in EVENT_FIELDS[2:]:
            key = field.key
            if key in ("end", "days"):
                continue  # read with the date, which they extend
            if key == "date":
                ref = values["as_of"]
                if ref is None and values["sources"] and values["sources"][0] in sources:
                    ref = sources[values["sources"][0]].published
                values["when"] = _when(reader, table, where, owner, ref)
            elif field.shape == KIND:
                values[key] = self._kind(table, where, owner)
            elif key == "sources":
                values[key] = cited(reader, table, where, owner, sources)
            elif key == "participants":
                values[key] = self._participants(table, where, owner, names)
            elif field.shape == DATE:
                values[key] = reader.date_value(table, where, key, owner)
            elif field.shape == TEXTS:
                values[key] = reader.texts(table, where, key, owner)
            elif field.shape == FLAG:
                values[key] = reader.field(table, where, key, owner, bool, "true or false")
            else:
                values[key] = reader.text(table, where, key, owner)
        when, kind = values["when"], values["kind"]
        if len(reader.problems) > before or when is None or kind is None or title is None:
            return None
        people_line = lines.key(where, "participants")
        return _event(values, when, kind, values["participants"], (lines.table(where), people_line), reader.tag)

    def _kind(self, table: Mapping[str, Any], where: TableKey, owner: str) -> Kind | None:
        reader = self.reader
        if "kind" not in table:
            reader.problem(reader.lines.table(where), f"{owner}: kind is missing; {_MISSING['kind']}")
            return None
        value = reader.text(table, where, "kind", owner)
        if value is None:
            return None
        found = _KINDS.get(value.strip().lower())
        if found is None:
            close = difflib.get_close_matches(value.lower(), list(_KINDS), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            message = f"{owner}: unknown kind {show(value)}; {hint}use one of {', '.join(_KINDS)}"
            reader.problem(reader.lines.key(where, "kind"), message)
        return found

    def _participants(
        self, table: Mapping[str, Any], where: TableKey, owner: str, names: NameIndex
    ) -> tuple[Participant, ...]:
        out = []
        for text in self.reader.texts(table, where, "participants", owner):
            found = self._candidates(text, names)
            if len(found) > 1:
                listed = "; ".join(f"{a.name} ({a.id})" for a in found)
                self.reader.problem(
                    self.reader.lines.key(where, "participants"),
                    f"{owner}: participant {show(text)} fits several actors ({listed}); write the actor id",
                )
            elif found:
                out.append(Participant(found[0].name, found[0].id))
            else:
                out.append(Participant(text.strip()))
        return tuple(out)


def _owner(where: TableKey, ident: str | None, title: str | None) -> str:
    label = f"'{ident}'" if ident else f"#{int(where[1]) + 1}"
    return f"event {label}" + (f" ({show(title)})" if title and not ident else "")


def _when(
    reader: FieldReader, table: Mapping[str, Any], where: TableKey, owner: str, ref: DateSpan | None
) -> DateSpan | None:
    """The event's interval: its date (relative ones resolved against ``ref``), extended by ``end`` or ``days``."""
    if "date" not in table:
        reader.problem(reader.lines.table(where), f"{owner}: date is missing; {_MISSING['date']}")
        return None
    start = reader.date_value(table, where, "date", owner, ref)
    end = reader.date_value(table, where, "end", owner, ref)
    days = reader.field(table, where, "days", owner, int, "a whole number of days")
    if start is None:
        return None
    if end is not None and days is not None:
        reader.problem(reader.lines.key(where, "days"), f"{owner}: give end or days, not both")
        return None
    if days is not None:
        if start.precision is not Precision.DAY or days < 1:
            reader.problem(
                reader.lines.key(where, "days"),
                f"{owner}: days = {days} needs a single-day date and a count of 1 or more; use end = … instead",
            )
            return None
        last = start.start.toordinal() + days - 1
        if last > date.max.toordinal():
            message = f"{owner}: days = {days} runs past the year 9999; give the number of days it lasted"
            reader.problem(reader.lines.key(where, "days"), message)
            return None
        end = parse_date(date.fromordinal(last))
    if end is None:
        return start
    if end.end < start.start:
        reader.problem(
            reader.lines.key(where, "end"),
            f"{owner}: end {show(end.text)} is before the date {show(start.text)}; fix one of them",
        )
        return None
    return joined(start, end, text=f"{start.text}/{end.text}")
