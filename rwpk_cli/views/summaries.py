"""Actor summaries: each actor's latest role, events, meetings, first and last seen, and counterparts.

They are counted from the events, and kept beside them in the log's store so that ``rwpk actors``
need not read every event: ``SUMMARIES`` is the keeper that the store is opened with, and
``summaries_of`` reads the kept rows back, adding up those of a log kept in several files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from ..log.kinds import MEETING_KINDS
from ..log.model import Actor, Event, Log
from ..log.store import LogStore, Rows


class ActorSummary(NamedTuple):
    """One actor at a glance: latest role, how often they appear, when, and with whom."""

    actor: Actor
    role: str | None
    events: int
    meetings: int
    first: date | None
    last: date | None
    counterparts: tuple[tuple[str, int], ...] = ()


def summarise(log: Log, country: str | None = None) -> list[ActorSummary]:
    """A summary of every actor (of one country, if given), in the order they were declared."""
    tally = Tally(log.actors)
    for event in log.events:
        tally.add(event)
    return tally.summaries(country)


class Tally:
    """Actor summaries, counted one event at a time: ``summarise`` over a whole log, or the events
    appended to a cached log, starting from the cached summaries of the actors they name."""

    def __init__(self, actors: Mapping[str, Actor], start: Iterable[ActorSummary] = ()) -> None:
        self._actors = actors
        self._label = {ident: actor.name for ident, actor in actors.items()}
        self._events = dict.fromkeys(actors, 0)
        self._meetings = dict.fromkeys(actors, 0)
        self._first: dict[str, date] = {}
        self._last: dict[str, date] = {}
        self._others: dict[str, dict[str, int]] = {ident: {} for ident in actors}
        for summary in start:
            ident = summary.actor.id
            self._events[ident], self._meetings[ident] = summary.events, summary.meetings
            if summary.first is not None and summary.last is not None:
                self._first[ident], self._last[ident] = summary.first, summary.last
            self._others[ident] = dict(summary.counterparts)

    def add(self, event: Event) -> None:
        """Count one event for each actor who took part in it."""
        people = event.participants
        ids = list(dict.fromkeys(p.actor_id for p in people if p.actor_id))
        if not ids:
            return
        label, first, last = self._label, self._first, self._last
        names = [(p.actor_id, label[p.actor_id] if p.actor_id else p.name) for p in people]
        meeting, start = event.kind in MEETING_KINDS, event.when.start
        for ident in ids:
            self._events[ident] += 1
            if meeting:
                self._meetings[ident] += 1
            if ident not in first or start < first[ident]:
                first[ident] = start
            if ident not in last or start > last[ident]:
                last[ident] = start
            mine = self._others[ident]
            for other, name in names:
                if other != ident:
                    mine[name] = mine.get(name, 0) + 1

    def summaries(self, country: str | None = None, ids: Iterable[str] | None = None) -> list[ActorSummary]:
        """The summaries so far, in the order the actors were declared: every actor's (of one
        country, if given), or only those of ``ids``."""
        wanted = None if ids is None else set(ids)
        out = []
        for ident, actor in self._actors.items():
            if (country is not None and actor.country != country) or (wanted is not None and ident not in wanted):
                continue
            latest = actor.latest_role
            counterparts = tuple(sorted(self._others[ident].items(), key=lambda kv: (-kv[1], kv[0])))
            out.append(
                ActorSummary(
                    actor,
                    latest.title if latest else None,
                    self._events[ident],
                    self._meetings[ident],
                    self._first.get(ident),
                    self._last.get(ident),
                    counterparts,
                )
            )
        return out


# --- kept beside the events ----------------------------------------------------------------------


def _encode(summaries: Iterable[ActorSummary]) -> list[tuple[str, str]]:
    """Rows of an actor's id and its summary as JSON, so that an append rewrites only the summaries
    of the actors it names."""
    return [
        (s.actor.id, json.dumps([s.role, s.events, s.meetings, s.first.toordinal() if s.first else None,
                                 s.last.toordinal() if s.last else None, [list(c) for c in s.counterparts]],
                                ensure_ascii=False))
        for s in summaries
    ]  # fmt: skip


def _decode(rows: Iterable[tuple[str, str]], actors: Mapping[str, Actor]) -> list[ActorSummary]:
    out = []
    for ident, body in rows:
        role, events, meetings, first, last, counterparts = json.loads(body)
        start = date.fromordinal(first) if first else None
        end = date.fromordinal(last) if last else None
        others = tuple((n, c) for n, c in counterparts)
        out.append(ActorSummary(actors[ident], role, events, meetings, start, end, others))
    return out


class SummaryKeeper:
    """Keeps actor summaries in a log's store (a ``log.store.Keeper``)."""

    def rows(self, log: Log) -> list[tuple[str, str]]:
        return _encode(summarise(log))

    def updated(self, actors: Mapping[str, Actor], rows: Rows, events: Sequence[Event]) -> list[tuple[str, str]]:
        tally = Tally(actors, _decode(rows, actors))
        for event in events:
            tally.add(event)
        return _encode(tally.summaries(ids=[ident for ident, _ in rows] + _named(events)))


def _named(events: Sequence[Event]) -> list[str]:
    return [p.actor_id for e in events for p in e.participants if p.actor_id]


SUMMARIES = SummaryKeeper()


def summaries_of(store: LogStore) -> list[ActorSummary]:
    """Every actor's summary, in the order they were declared, from the rows the store kept."""
    actors = store.header.actors
    files = store.kept()
    if len(files) == 1:
        return _decode(files[0], actors)
    tallies: dict[str, list[Any]] = {ident: [0, 0, [], [], Counter()] for ident in actors}
    for rows in files:
        for s in _decode(rows, actors):
            tally = tallies[s.actor.id]
            tally[0] += s.events
            tally[1] += s.meetings
            tally[2] += [s.first] if s.first else []
            tally[3] += [s.last] if s.last else []
            tally[4].update(dict(s.counterparts))
    out = []
    for ident, actor in actors.items():
        events, meetings, firsts, lasts, others = tallies[ident]
        latest = actor.latest_role
        counterparts = tuple(sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
        first, last = min(firsts, default=None), max(lasts, default=None)
        role = latest.title if latest else None
        out.append(ActorSummary(actor, role, events, meetings, first, last, counterparts))
    return out
