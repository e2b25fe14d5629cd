"""Checking one file's parsed TOML: its ``[log]`` table, then every record type, into a Log."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from typing import Any, NamedTuple

from ...errors import LogError, Problem
from ..lines import LineIndex
from ..model import Actor, Event, Log, Source, Trade, in_timeline_order
from .actors import actors as check_actors
from .events import EventChecker
from .fields import FieldReader, show
from .ids import EventIds
from .sources import sources as check_sources
from .trade import trades as check_trades

KNOWN_TABLES = ("log", "actor", "source", "event", "trade")
DEFAULT_TITLE = "Event log"
LOG_KEYS = ("title", "include")


class Part(NamedTuple):
    """What checking a later part of a file added (see ``Validator.part_since``)."""

    drafts: list[tuple[str | None, Event]]
    warnings: list[Problem]
    problems: list[Problem]
    seen: list[tuple[str, int]]
    trades: list[Trade]


class Validator:
    """Builds a Log from one file's TOML data; ``build`` raises LogError with every problem, sorted by line.

    A large file is checked in steps: ``declarations`` first, then ``add_events`` and ``trades`` a
    chunk at a time (with ``lines`` set to each chunk's index), then ``finish``.
    """

    def __init__(self, file: str, text: str, lines: LineIndex | None = None, included: bool = False) -> None:
        """``included``: the text is a file that another log includes, and its records say so."""
        self.reader = FieldReader(file, text, lines, included)
        self.includes: tuple[tuple[str, int], ...] = ()
        self._ids = EventIds()
        self._events = EventChecker(self.reader, self._ids)
        self.chunk_trades: list[Trade] = []  # the trades of a large file's chunks, as they are checked

    @property
    def lines(self) -> LineIndex:
        return self.reader.lines

    @lines.setter
    def lines(self, lines: LineIndex) -> None:
        self.reader.lines = lines

    @property
    def problems(self) -> list[Problem]:
        return self.reader.problems

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
        reader, lines = self.reader, self.reader.lines
        for name in data:
            if name not in KNOWN_TABLES:
                line = lines.table((name, "")) if (name, "") in lines.tables else reader.top_line(name)
                message = f"unknown table [{name}] is ignored; rwpk reads {', '.join(KNOWN_TABLES)}"
                reader.warnings.append(Problem(reader.file, line, message))
        title = DEFAULT_TITLE
        log_table = reader.table_of(data, "log")
        if log_table is not None:
            reader.unknown_keys(log_table, ("log", ""), LOG_KEYS, "[log]")
            title = reader.text(log_table, ("log", ""), "title", "the log") or DEFAULT_TITLE
            self.includes = self._includes(log_table)
        return title, check_actors(reader, data), check_sources(reader, data)

    def _includes(self, table: Mapping[str, Any]) -> tuple[tuple[str, int], ...]:
        """The files named by ``include``, each with the line to report it at."""
        if "include" not in table:
            return ()
        reader = self.reader
        line = reader.lines.key(("log", ""), "include")
        if line == reader.lines.table(("log", "")):  # a quick index does not record this key: look for it
            found = re.search(r"^[ \t]*include[ \t]*=", reader.source_text, re.M)
            line = reader.source_text.count("\n", 0, found.start()) + 1 if found else line
        value = table["include"]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            reader.problem(
                line, f'the log: include must be a list of file paths, like include = ["2024.toml"], not {show(value)}'
            )
            return ()
        return tuple((path, line) for path in value)

    def add_events(self, data: Mapping[str, Any], actors: Mapping[str, Actor], sources: Mapping[str, Source]) -> None:
        """Validate the [[event]] tables of ``data``; ids are checked across every call."""
        self._events.add(data, actors, sources)

    def trades(self, data: Mapping[str, Any], sources: Mapping[str, Source]) -> list[Trade]:
        """The validated [[trade]] figures of ``data``."""
        return check_trades(self.reader, data, sources)

    def finish(self, title: str, actors: dict[str, Actor], sources: dict[str, Source], trades: list[Trade]) -> Log:
        """The Log of everything added so far, or LogError with every problem, sorted by line."""
        events = self._ids.with_ids(self._events.drafts)
        if self.problems:
            raise LogError(sorted(self.problems, key=lambda p: (p.line, p.column or 0)))
        return Log(
            path=self.reader.file,
            title=title,
            actors=actors,
            sources=sources,
            events=tuple(in_timeline_order(events)),
            trades=tuple(sorted(trades, key=lambda t: (t.year, t.origin, t.destination))),
            warnings=tuple(sorted(self.reader.warnings, key=lambda p: p.line)),
        )

    def mark(self) -> tuple[int, int, int, int, int]:
        """How much has been checked so far, for ``part_since``."""
        return (len(self._events.drafts), len(self.reader.warnings), len(self.reader.problems), len(self._ids.seen),
                len(self.chunk_trades))  # fmt: skip

    def part_since(self, mark: tuple[int, int, int, int, int]) -> Part:
        """What was checked since ``mark``: a later part of the file, checked apart from the rest."""
        drafts, warnings, problems, seen, trades = mark
        return Part(self._events.drafts[drafts:], self.reader.warnings[warnings:], self.reader.problems[problems:],
                    list(self._ids.seen.items())[seen:], self.chunk_trades[trades:])  # fmt: skip

    def absorb(self, part: Part) -> bool:
        """Add a later part of the file, checked apart, as if it had been checked here after what was:
        False (and nothing is added) when that could differ, since the part has a problem or uses an
        explicit id this part already used; the file is then checked whole."""
        if part.problems or any(ident in self._ids.seen for ident, _ in part.seen):
            return False
        self._ids.seen.update(part.seen)
        self._events.drafts.extend(part.drafts)
        self.reader.warnings.extend(part.warnings)
        self.chunk_trades.extend(part.trades)
        return True

    def release_text(self) -> None:
        """Stop holding the file's text (see ``parse.parse_taken``): nothing may report a problem after."""
        self.reader.source_text = ""
        vars(self.reader).pop("keys_in_text", None)  # where functools.cached_property keeps its value

    def taken(self, existing_ids: Container[str]) -> None:
        """Count ``existing_ids`` (a log's the checked text is appended to) as taken."""
        self._ids.existing = existing_ids

    def appended_events(self, data: Mapping[str, Any], log: Log, existing_ids: Container[str]) -> list[Event] | None:
        """Events of text appended to ``log``, validated against its actors and sources; None when
        the text needs a full parse instead (a problem, or an id that is already taken)."""
        self._ids.existing = existing_ids
        self.add_events(data, log.actors, log.sources)
        events = self._ids.with_ids(self._events.drafts)
        explicit = [e.id for e in events]
        if self.problems or self.reader.warnings or len(set(explicit)) != len(explicit):
            return None
        return in_timeline_order(events)
