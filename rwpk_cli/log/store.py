"""What a view queries: a log's header (actors, sources, trades), its events by window, and rows kept per actor.

A store is answered from memory (``MemoryStore``), from one file's cache (``cache.CachedFile``) or
from several files' stores (``includes.CollectionStore``). Beside the events, each store keeps rows
per actor that a layer above defines through a ``Keeper`` (the views keep actor summaries, so that
``rwpk actors`` need not read every event); the log layer stores them without knowing what they say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Protocol

from .model import Actor, Event, Log

#: Rows kept per actor: (actor id, a JSON text that only the keeper reads).
Rows = Sequence[tuple[str, str]]


class Keeper(Protocol):
    """Defines the rows a store keeps per actor, for a whole file and for events appended to it."""

    def rows(self, log: Log) -> list[tuple[str, str]]:
        """A row for every actor of ``log.actors``, in their order, counting the events of ``log``."""
        ...

    def updated(self, actors: Mapping[str, Actor], rows: Rows, events: Sequence[Event]) -> list[tuple[str, str]]:
        """``rows`` (those of the actors that ``events`` name) brought up to date with ``events``."""
        ...


class LogStore:
    """A log to query: its header (a Log without events), its events, and the rows kept per actor."""

    def __init__(self, header: Log) -> None:
        self.header = header

    def events(self, start: date | None = None, end: date | None = None) -> tuple[Event, ...]:
        """The events that overlap the days from ``start`` to ``end`` (either may be open), in timeline order."""
        raise NotImplementedError

    def kept(self) -> list[Rows]:
        """The rows kept per actor, one list for each file of the log, in the files' order."""
        raise NotImplementedError

    def log(self, start: date | None = None, end: date | None = None) -> Log:
        """The log, with every event or with those overlapping a window."""
        return self.header._replace(events=self.events(start, end))

    def ids(self) -> list[tuple[str, int, str]]:
        """Every event's id, line and file ("" for the log's own file)."""
        return [(e.id, e.line, e.file) for e in self.events()]


class MemoryStore(LogStore):
    """A log parsed for this run only (stdin, --no-cache, or a cache that could not be written)."""

    def __init__(self, log: Log, keeper: Keeper, rows: Rows | None = None) -> None:
        super().__init__(log._replace(events=()))
        self._log = log
        self._keeper = keeper
        self._rows = rows

    def events(self, start: date | None = None, end: date | None = None) -> tuple[Event, ...]:
        return tuple(
            e
            for e in self._log.events
            if (start is None or e.when.end >= start) and (end is None or e.when.start <= end)
        )

    def kept(self) -> list[Rows]:
        return [self._keeper.rows(self._log) if self._rows is None else self._rows]
