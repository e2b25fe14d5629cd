"""Turning parsed TOML data into model values, collecting every problem with its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Container, Mapping
from datetime import date, datetime
from typing import Any

from .dateparse import parse_date
from .dates import DateSpan, Precision
from .errors import DateError, LogError, Problem, RelativeDateError
from .kinds import Kind
from .model import Actor, Event, Log, Participant, Role, Source, Trade
from .names import NameIndex, fold
from .tomllines import LineIndex, TableKey

ID_PATTERN = re.compile(r"^[a-z0-9_-]+$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2,6}$")
KNOWN_TABLES = ("log", "actor", "source", "event", "trade")
DEFAULT_TITLE = "Event log"
# The keys an event may have that the quick path reads; an event with others (or with end or days)
# takes the full path, which reports problems.
_QUICK_KEYS = frozenset({"id", "date", "kind", "title", "place", "participants", "tags", "sources", "summary",
                         "date_text", "as_of"})  # fmt: skip
_KINDS = {kind.value: kind for kind in Kind}
_RELATIVE = object()  # marks a date expression that needs a reference day


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _date_hint(key: str, value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f'{key} = "{value}" or {key} = 2024-01-03'
    return f'{key} = 2024-01-03 or {key} = "Jan 2024"'


def _slug(text: str) -> str:
    words = re.findall(r"[0-9a-z]+", fold(text))
    return "-".join(words)[:48].rstrip("-")


class Validator:
    """Builds a Log from TOML data; ``build`` raises LogError with every problem, sorted by line."""

    def __init__(self, file: str, text: str, lines: LineIndex | None = None, included: bool = False) -> None:
        """``included``: the text is a file that another log includes, and its records say so."""
        self.file = file
        self._source_text = text
        self.tag = file if included else ""
        self.includes: tuple[tuple[str, int], ...] = ()
        self.lines = lines if lines is not None else LineIndex(text)
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._matches: dict[str, list[Actor]] = {}  # the same names recur across thousands of events
        self._existing_ids: Container[str] = frozenset()  # ids of events already loaded (appended text)
        self._names: tuple[Mapping[str, Actor], NameIndex] | None = None
        self._drafts: list[tuple[int, str | None, Event]] = []
        self._seen: dict[str, int] = {}  # explicit event ids, with the line of their first use
        self._absolute: dict[object, object] = {}  # date value -> its DateSpan, or _RELATIVE
        self._relative: dict[tuple[object, DateSpan | None], DateSpan] = {}  # (value, reference) -> DateSpan
        self._people: dict[str, Participant | None] = {}  # participant text -> resolved; None: ambiguous

    def build(
        self,
        data: Mapping[str, Any],
        actors: Mapping[str, Actor] | None = None,
        sources: Mapping[str, Source] | None = None,
    ) -> Log:
        """Validate everything, then return the Log or raise LogError. Events and trades may name
        the ``actors`` and ``sources`` given (those of a whole collection of files); by default,
        those the text declares."""
        title, own_actors, own_sources = self.declarations(data)
        known_actors = own_actors if actors is None else actors
        known_sources = own_sources if sources is None else sources
        self.add_events(data, known_actors, known_sources)
        return self.finish(title, own_actors, own_sources, self.trades(data, known_sources))

    def declarations(self, data: Mapping[str, Any]) -> tuple[str, dict[str, Actor], dict[str, Source]]:
        """The log's title, actors and sources; unknown tables are warned about."""
        for name in data:
            if name not in KNOWN_TABLES:
                self.warnings.append(
                    Problem(
                        self.file,
                        self.lines.table((name, "")) if (name, "") in self.lines.tables else self._top_line(name),
                        f"unknown table [{name}] is ignored; rwpk reads {', '.join(KNOWN_TABLES)}",
                    )
                )
        title = DEFAULT_TITLE
        log_table = self._table_of(data, "log")
        if log_table is not None:
            title = self._text(log_table, ("log", ""), "title", "the log") or DEFAULT_TITLE
            self.includes = self._includes(log_table)
        return title, self._actors(data), self._sources(data)

    def _includes(self, table: Mapping[str, Any]) -> tuple[tuple[str, int], ...]:
        """The files named by ``include``, each with the line to report it at."""
        if "include" not in table:
            return ()
        line = self.lines.key(("log", ""), "include")
        if line == self.lines.table(("log", "")):  # a quick index does not record this key: look for it
            found = re.search(r"^[ \t]*include[ \t]*=", self._source_text, re.M)
            line = self._source_text.count("\n", 0, found.start()) + 1 if found else line
        value = table["include"]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self._problem(
                line, f'the log: include must be a list of file paths, like include = ["2024.toml"], not {_show(value)}'
            )
            return ()
        return tuple((path, line) for path in value)

    def finish(self, title: str, actors: dict[str, Actor], sources: dict[str, Source], trades: list[Trade]) -> Log:
        """The Log of everything added so far, or LogError with every problem, sorted by line."""
        events = self._with_ids(self._drafts)
        if self.problems:
            raise LogError(sorted(self.problems, key=lambda p: (p.line, p.column or 0)))
        return Log(
            path=self.file,
            title=title,
            actors=actors,
            sources=sources,
            events=tuple(sorted(events, key=lambda e: e.sort_key)),
            trades=tuple(sorted(trades, key=lambda t: (t.year, t.origin, t.destination))),
            warnings=tuple(self.warnings),
        )

    # --- reporting -----------------------------------------------------------------------------

    def _problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def _top_line(self, name: str) -> int:
        return self.lines.key(("", ""), name)

    # --- typed fields ----------------------------------------------------------------------------

    def _table_of(self, data: Mapping[str, Any], name: str) -> Mapping[str, Any] | None:
        value = data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            self._problem(self._top_line(name), f"{name} must be a table, like [{name}], not {_type_name(value)}")
            return None
        return value

    def _field(
        self,
        table: Mapping[str, Any],
        where: TableKey,
        key: str,
        owner: str,
        kind: type | tuple[type, ...],
        article: str,
    ) -> Any:
        value = table.get(key)
        if value is None:
            return None
        if (isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,))) or not isinstance(
            value, kind
        ):
            self._problem(
                self.lines.key(where, key),
                f"{owner}: {key} must be {article}, not {_type_name(value)} ({_show(value)}); fix the value of {key}",
            )
            return None
        return value

    def _text(
        self, table: Mapping[str, Any], where: TableKey, key: str, owner: str, required: bool = False
    ) -> str | None:
        value = self._field(table, where, key, owner, str, "text")
        if value is not None and not value.strip():
            self._problem(self.lines.key(where, key), f"{owner}: {key} is empty; write some text or remove the key")
            return None
        if value is None and required and key not in table:
            self._problem(self.lines.table(where), f'{owner}: {key} is missing; add {key} = "…"')
        return value if isinstance(value, str) else None

    def _texts(self, table: Mapping[str, Any], where: TableKey, key: str, owner: str) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self._problem(
                self.lines.key(where, key),
                f'{owner}: {key} must be a list of non-empty texts, like {key} = ["a", "b"], not {_show(value)}',
            )
            return ()
        return tuple(value)

    def _date(
        self, table: Mapping[str, Any], where: TableKey, key: str, owner: str, ref: DateSpan | None = None
    ) -> DateSpan | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str | date):
            self._problem(
                self.lines.key(where, key),
                f"{owner}: {key} must be a date or a date expression in quotes, not {_type_name(value)} "
                f"({_show(value)}); write {_date_hint(key, value)}",
            )
            return None
        try:
            return self._span(value, ref)
        except DateError as error:
            self._problem(self.lines.key(where, key), f"{owner}: {key}: {error}")
            return None

    def _span(self, value: str | date, ref: DateSpan | None) -> DateSpan:
        """parse_date, remembered: a log repeats the same days and expressions many times, and only a
        relative expression ("last week") depends on the reference day."""
        known = self._absolute.get(value)
        if known is None:
            try:
                span = parse_date(value)
            except RelativeDateError:
                self._absolute[value] = _RELATIVE
            else:
                self._absolute[value] = span
                return span
        elif known is not _RELATIVE:
            return known  # type: ignore[return-value]
        relative = self._relative.get((value, ref))
        if relative is None:
            relative = self._relative[value, ref] = parse_date(value, ref)
        return relative

    def _records(self, data: Mapping[str, Any], name: str) -> list[tuple[TableKey, Mapping[str, Any]]]:
        """The entries of [name.ID] tables (as ID keys) or [[name]] arrays (as indexes)."""
        value = data.get(name)
        if value is None:
            return []
        if name in ("event", "trade"):
            if not isinstance(value, list):
                self._problem(
                    self._top_line(name), f"{name} must be an array of tables: write [[{name}]], not [{name}]"
                )
                return []
            records: list[tuple[TableKey, Mapping[str, Any]]] = []
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    records.append(((name, index), item))
                else:
                    self._problem(self._top_line(name), f"{name} #{index + 1} must be a table, not {_type_name(item)}")
            return records
        if not isinstance(value, dict):
            self._problem(self._top_line(name), f"{name} must be tables like [{name}.some-id], not {_type_name(value)}")
            return []
        out: list[tuple[TableKey, Mapping[str, Any]]] = []
        for key, item in value.items():
            if isinstance(item, dict):
                out.append(((name, key), item))
            else:
                self._problem(self.lines.key((name, ""), key), f"{name}.{key} must be a table like [{name}.{key}]")
        return out

    def _check_id(self, where: TableKey, kind: str) -> str:
        ident = str(where[1])
        if not ID_PATTERN.match(ident):
            self._problem(
                self.lines.table(where),
                f"{kind} id '{ident}' may use only lowercase letters, digits, - and _; rename [{kind}.{ident}]",
            )
        return ident

    def _country(self, table: Mapping[str, Any], where: TableKey, key: str, owner: str) -> str | None:
        value = self._text(table, where, key, owner)
        if value is None:
            return None
        if len(value) == 2 and value.isascii():
            value = value.upper()
        if not COUNTRY_PATTERN.match(value):
            self._problem(
                self.lines.key(where, key),
                f'{owner}: {key} {_show(value)} is not a country code; use ISO 3166-1 alpha-2 such as "RW" '
                'or an organisation code in capitals such as "UN"',
            )
            return None
        return value

    # --- records -------------------------------------------------------------------------------

    def _actors(self, data: Mapping[str, Any]) -> dict[str, Actor]:
        actors: dict[str, Actor] = {}
        for where, table in self._records(data, "actor"):
            ident = self._check_id(where, "actor")
            owner = f"actor '{ident}'"
            name = self._text(table, where, "name", owner, required=True)
            kind = self._text(table, where, "type", owner) or "person"
            if kind == "organisation":
                kind = "organization"
            if kind not in ("person", "organization"):
                self._problem(
                    self.lines.key(where, "type"), f'{owner}: type {_show(kind)} must be "person" or "organization"'
                )
            actors[ident] = Actor(
                id=ident,
                name=name or ident,
                country=self._country(table, where, "country", owner),
                type=kind,
                aliases=self._texts(table, where, "aliases", owner),
                roles=self._roles(table, where, owner),
                line=self.lines.table(where),
                file=self.tag,
            )
        return actors

    def _roles(self, table: Mapping[str, Any], where: TableKey, owner: str) -> tuple[Role, ...]:
        value = table.get("roles")
        if value is None:
            return ()
        if not isinstance(value, list):
            self._problem(
                self.lines.key(where, "roles"), f"{owner}: roles must be a list of {{ title = …, since = … }}"
            )
            return ()
        roles = []
        for index, item in enumerate(value):
            line = self.lines.item(where, "roles", index)
            if not isinstance(item, dict):
                self._problem(line, f'{owner}: role #{index + 1} must be {{ title = "…", since = …, until = … }}')
                continue
            role_owner = f"{owner}, role #{index + 1}"
            before = len(self.problems)
            title = self._role_text(item, line, role_owner)
            since, until = (self._role_date(item, key, line, role_owner) for key in ("since", "until"))
            if since and until and until.end < since.start:
                self._problem(line, f"{role_owner}: until {until.label} is before since {since.label}; swap them")
            if title is not None and len(self.problems) == before:
                roles.append(Role(title, since, until))
        return tuple(roles)

    def _role_text(self, item: Mapping[str, Any], line: int, owner: str) -> str | None:
        title = item.get("title")
        if title is None:
            self._problem(line, f'{owner}: title is missing; add title = "…"')
            return None
        if not isinstance(title, str) or not title.strip():
            self._problem(line, f'{owner}: title must be text, not {_show(title)}; write title = "…"')
            return None
        return title

    def _role_date(self, item: Mapping[str, Any], key: str, line: int, owner: str) -> DateSpan | None:
        value = item.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str | date):
                raise DateError(f"{_show(value)} is {_type_name(value)}, not a date; write {_date_hint(key, value)}")
            return parse_date(value)
        except DateError as error:
            self._problem(line, f"{owner}: {key}: {error}")
            return None

    def _sources(self, data: Mapping[str, Any]) -> dict[str, Source]:
        sources: dict[str, Source] = {}
        for where, table in self._records(data, "source"):
            ident = self._check_id(where, "source")
            owner = f"source '{ident}'"
            sources[ident] = Source(
                id=ident,
                title=self._text(table, where, "title", owner),
                outlet=self._text(table, where, "outlet", owner),
                url=self._text(table, where, "url", owner),
                published=self._date(table, where, "published", owner),
                line=self.lines.table(where),
                file=self.tag,
            )
        return sources

    def _source_ids(
        self, table: Mapping[str, Any], where: TableKey, owner: str, sources: Mapping[str, Source]
    ) -> tuple[str, ...]:
        ids = self._texts(table, where, "sources", owner)
        for ident in ids:
            if ident not in sources:
                known = ", ".join(sorted(sources)) or "none yet"
                self._problem(
                    self.lines.key(where, "sources"),
                    f"{owner}: unknown source '{ident}'; declare it as [source.{ident}] or use a known id ({known})",
                )
        return ids

    def appended_events(self, data: Mapping[str, Any], log: Log, existing_ids: Container[str]) -> list[Event] | None:
        """Events of text appended to ``log``, validated against its actors and sources; None when
        the text needs a full parse instead (a problem, or an id that is already taken)."""
        self._existing_ids = existing_ids
        self.add_events(data, log.actors, log.sources)
        events = self._with_ids(self._drafts)
        explicit = [e.id for e in events]
        if self.problems or len(set(explicit)) != len(explicit):
            return None
        return sorted(events, key=lambda e: e.sort_key)

    def add_events(self, data: Mapping[str, Any], actors: Mapping[str, Actor], sources: Mapping[str, Source]) -> None:
        """Validate the [[event]] tables of ``data``; a large log adds them chunk by chunk, with
        ``lines`` set to each chunk's index, and ids are checked across all of them."""
        if self._names is None or self._names[0] is not actors:
            self._names = (actors, NameIndex(actors.values()))
        names = self._names[1]
        seen = self._seen
        for where, table in self._records(data, "event"):
            line = self.lines.table(where)
            quick = self._quick_event(where, table, line, names, sources)
            if quick is not None and quick.id not in seen and quick.id not in self._existing_ids:
                if quick.id:
                    seen[quick.id] = self.lines.key(where, "id")
                self._drafts.append((line, quick.id or None, quick))
                continue
            ident = self._text(table, where, "id", f"event #{int(where[1]) + 1}")
            title = self._text(table, where, "title", self._owner(where, ident, None))
            owner = self._owner(where, ident, title)
            if title is None and "title" not in table:
                self._problem(line, f'{owner}: title is missing; add title = "…"')
            if ident is not None:
                if ident in self._existing_ids:
                    self._problem(line, f"{owner}: id '{ident}' is already taken")
                if ident in seen:
                    self._problem(
                        self.lines.key(where, "id"),
                        f"{owner}: id '{ident}' is used twice (first at line {seen[ident]}); give each event its own",
                    )
                seen.setdefault(ident, self.lines.key(where, "id"))
            event = self._event(where, table, owner, ident, title, names, sources)
            if event is not None:
                self._drafts.append((line, ident, event))

    def _quick_event(
        self, where: TableKey, table: Mapping[str, Any], line: int, names: NameIndex, sources: Mapping[str, Source]
    ) -> Event | None:
        """The event of a well-formed table, built without the checks' messages; None when anything
        is unusual, and the full path then validates the table and reports its problems."""
        if not table.keys() <= _QUICK_KEYS:
            return None
        get = table.get
        ident, title, kind_value = get("id"), get("title"), get("kind")
        kind = _KINDS.get(kind_value) if isinstance(kind_value, str) else None
        if kind is None or not isinstance(title, str) or not title.strip():
            return None
        if ident is not None and not _is_text(ident):
            return None
        place, summary, date_text = get("place"), get("summary"), get("date_text")
        if not (_optional_text(place) and _optional_text(summary) and _optional_text(date_text)):
            return None
        tags, source_ids, people = (
            _quick_texts(get("tags")),
            _quick_texts(get("sources")),
            _quick_texts(get("participants")),
        )
        if tags is None or source_ids is None or people is None:
            return None
        for source in source_ids:
            if source not in sources:
                return None
        participants = []
        for text in people:
            person = self._person(text, names)
            if person is None:
                return None
            participants.append(person)
        try:
            as_of, value = table.get("as_of"), table.get("date")
            if (as_of is not None and not isinstance(as_of, str | date)) or not isinstance(value, str | date):
                return None
            ref = self._span(as_of, None) if as_of is not None else None
            if ref is None and source_ids:
                ref = sources[source_ids[0]].published
            when = self._span(value, ref)
        except DateError:
            return None
        return Event(ident or "", when, kind, title, place, tuple(participants), tags, source_ids, summary, date_text,
                     line, self.lines.key(where, "participants"), self.tag)  # fmt: skip

    def _person(self, text: str, names: NameIndex) -> Participant | None:
        """The participant a name stands for, remembered; None when it fits several actors."""
        if text in self._people:
            return self._people[text]
        found = self._matches.get(text)
        if found is None:
            found = self._matches[text] = names.candidates(text)
        person = (
            None if len(found) > 1 else Participant(found[0].name, found[0].id) if found else Participant(text.strip())
        )
        self._people[text] = person
        return person

    @staticmethod
    def _owner(where: TableKey, ident: str | None, title: str | None) -> str:
        label = f"'{ident}'" if ident else f"#{int(where[1]) + 1}"
        return f"event {label}" + (f" ({_show(title)})" if title and not ident else "")

    def _event(
        self,
        where: TableKey,
        table: Mapping[str, Any],
        owner: str,
        ident: str | None,
        title: str | None,
        names: NameIndex,
        sources: Mapping[str, Source],
    ) -> Event | None:
        before = len(self.problems)
        source_ids = self._source_ids(table, where, owner, sources)
        as_of = self._date(table, where, "as_of", owner)
        ref = as_of
        if ref is None and source_ids and source_ids[0] in sources:
            ref = sources[source_ids[0]].published
        when = self._event_when(table, where, owner, ref)
        kind = self._kind(table, where, owner)
        participants = self._participants(table, where, owner, names)
        place = self._text(table, where, "place", owner)
        summary = self._text(table, where, "summary", owner)
        date_text = self._text(table, where, "date_text", owner)
        tags = self._texts(table, where, "tags", owner)
        if len(self.problems) > before or when is None or kind is None or title is None:
            return None
        return Event(
            id=ident or "",
            when=when,
            kind=kind,
            title=title,
            place=place,
            participants=participants,
            tags=tags,
            sources=source_ids,
            summary=summary,
            date_text=date_text,
            line=self.lines.table(where),
            participants_line=self.lines.key(where, "participants"),
            file=self.tag,
        )

    def _event_when(
        self, table: Mapping[str, Any], where: TableKey, owner: str, ref: DateSpan | None
    ) -> DateSpan | None:
        if "date" not in table:
            self._problem(
                self.lines.table(where), f'{owner}: date is missing; add date = 2024-01-03 or date = "Jan 2024"'
            )
            return None
        start = self._date(table, where, "date", owner, ref)
        end = self._date(table, where, "end", owner, ref)
        days = self._field(table, where, "days", owner, int, "a whole number of days")
        if start is None:
            return None
        if end is not None and days is not None:
            self._problem(self.lines.key(where, "days"), f"{owner}: give end or days, not both")
            return None
        if days is not None:
            if start.precision is not Precision.DAY or days < 1:
                self._problem(
                    self.lines.key(where, "days"),
                    f"{owner}: days = {days} needs a single-day date and a count of 1 or more; use end = … instead",
                )
                return None
            end = parse_date(start.start.fromordinal(start.start.toordinal() + days - 1))
        if end is None:
            return start
        if end.end < start.start:
            self._problem(
                self.lines.key(where, "end"),
                f"{owner}: end {_show(end.text)} is before the date {_show(start.text)}; fix one of them",
            )
            return None
        return DateSpan(
            start.start,
            end.end,
            Precision.RANGE,
            approximate=start.approximate or end.approximate,
            uncertain=start.uncertain or end.uncertain,
            text=f"{start.text}/{end.text}",
        )

    def _kind(self, table: Mapping[str, Any], where: TableKey, owner: str) -> Kind | None:
        if "kind" not in table:
            self._problem(self.lines.table(where), f'{owner}: kind is missing; add kind = "meeting" (or {_kinds()})')
            return None
        value = self._text(table, where, "kind", owner)
        if value is None:
            return None
        try:
            return Kind(value.strip().lower())
        except ValueError:
            close = difflib.get_close_matches(value.lower(), [k.value for k in Kind], n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self._problem(
                self.lines.key(where, "kind"), f"{owner}: unknown kind {_show(value)}; {hint}use one of {_kinds()}"
            )
            return None

    def _participants(
        self, table: Mapping[str, Any], where: TableKey, owner: str, names: NameIndex
    ) -> tuple[Participant, ...]:
        out = []
        for text in self._texts(table, where, "participants", owner):
            found = self._matches.get(text)
            if found is None:
                found = self._matches[text] = names.candidates(text)
            if len(found) > 1:
                listed = "; ".join(f"{a.name} ({a.id})" for a in found)
                self._problem(
                    self.lines.key(where, "participants"),
                    f"{owner}: participant {_show(text)} fits several actors ({listed}); write the actor id",
                )
            elif found:
                out.append(Participant(found[0].name, found[0].id))
            else:
                out.append(Participant(text.strip()))
        return tuple(out)

    def _with_ids(self, drafts: list[tuple[int, str | None, Event]]) -> list[Event]:
        """Give events without an id one derived from the date and title, unique in file order."""
        taken = {ident for _, ident, _ in drafts if ident}
        events = []
        for _, ident, event in drafts:
            if not ident:
                base = "-".join(p for p in (_slug(event.when.canonical), _slug(event.title)) if p) or "event"
                ident, n = base, 1
                while ident in taken or ident in self._existing_ids:
                    n += 1
                    ident = f"{base}-{n}"
                taken.add(ident)
                event = _replace_id(event, ident)
            events.append(event)
        return events

    def trades(self, data: Mapping[str, Any], sources: Mapping[str, Source]) -> list[Trade]:
        """The validated [[trade]] figures of ``data``."""
        trades = []
        for where, table in self._records(data, "trade"):
            owner = f"trade #{int(where[1]) + 1}"
            before = len(self.problems)
            for key in ("year", "from", "to", "value_usd"):
                if key not in table:
                    self._problem(self.lines.table(where), f"{owner}: {key} is missing; add {key} = …")
            year = self._field(table, where, "year", owner, int, "a year such as 2022")
            origin = self._country(table, where, "from", owner)
            destination = self._country(table, where, "to", owner)
            value = self._field(table, where, "value_usd", owner, (int, float), "an amount in US dollars")
            if value is not None and value < 0:
                self._problem(
                    self.lines.key(where, "value_usd"),
                    f"{owner}: value_usd {value} is negative; give the amount traded",
                )
            goods = self._goods(table, where, owner)
            source_ids = self._source_ids(table, where, owner, sources)
            if len(self.problems) == before and year is not None and origin and destination and value is not None:
                trades.append(
                    Trade(year, origin, destination, int(value), goods, source_ids, self.lines.table(where), self.tag)
                )
        return trades

    def _goods(self, table: Mapping[str, Any], where: TableKey, owner: str) -> dict[str, int]:
        value = table.get("goods")
        if value is None:
            return {}
        valid = isinstance(value, dict) and all(
            isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in value.values()
        )
        if not valid:
            self._problem(
                self.lines.key(where, "goods"),
                f"{owner}: goods must be a table of amounts, like goods = {{ tea = 31_400_000 }}, not {_show(value)}",
            )
            return {}
        return {k: int(v) for k, v in value.items()}


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _optional_text(value: object) -> bool:
    return value is None or (isinstance(value, str) and bool(value.strip()))


def _quick_texts(value: object) -> tuple[str, ...] | None:
    """A list of non-empty texts (or one text) as a tuple; None when it is anything else."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else None
    if not isinstance(value, list):
        return None
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return None
    return tuple(value)


def _kinds() -> str:
    return ", ".join(k.value for k in Kind)


def _replace_id(event: Event, ident: str) -> Event:
    return event._replace(id=ident)
