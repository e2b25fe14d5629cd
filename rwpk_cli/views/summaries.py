"""Actor summaries: each actor's latest role, events, meetings, first and last seen, and counterparts.

They are counted from the events, and kept beside them in the log's store so that ``rwpk actors``
need not read every event: ``SUMMARIES`` is the keeper that the store is opened with, and
``summaries_of`` reads the kept rows back, adding up those of a log kept in several files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from ..dates.span import DateSpan
from ..dates.span import span_fields as _span
from ..dates.span import span_of_fields as _unspan
from ..errors import DamagedCacheError
from ..log.kinds import MEETING_KINDS
from ..log.model import Actor, Event, Log
from ..log.store import LogStore, Rows

#: Someone an actor took part in events with, from the other side: (name, how often, the ordinal of
#: the last day of their latest shared event). A plain tuple: a large log's summaries hold tens of
#: thousands, read from the cache at C speed.
Counterpart = tuple[str, int, int]


class ActorSummary(NamedTuple):
    """One actor at a glance: latest role, how often they appear, when, and with whom.

    ``first`` is the date of the earliest event, ``last`` that of the event that ends last, each
    as the event gives it (a week stays a week). Counterparts are the other side's participants
    (a participant of the actor's own country is a companion, not a counterpart), most often first,
    then most recent."""

    actor: Actor
    role: str | None
    events: int
    meetings: int
    first: DateSpan | None
    last: DateSpan | None
    counterparts: tuple[Counterpart, ...] = ()


def earliest(a: DateSpan | None, b: DateSpan) -> DateSpan:
    """Of two event dates, the one that starts first (then ends first)."""
    return b if a is None or (b.start, b.end) < (a.start, a.end) else a


def latest(a: DateSpan | None, b: DateSpan) -> DateSpan:
    """Of two event dates, the one that ends last (then starts last)."""
    return b if a is None or (b.end, b.start) > (a.end, a.start) else a


def ranked(counts: Mapping[str, tuple[int, int]]) -> tuple[Counterpart, ...]:
    """Counterparts most often first, then most recent, then by name; ``counts`` gives each name's
    count and the ordinal of its last day."""
    found = [(name, times, last) for name, (times, last) in counts.items()]
    return tuple(sorted(found, key=lambda c: (-c[1], -c[2], c[0])))


def on_the_same_side(a: str | None, b: str | None) -> bool:
    """Whether two participants' countries are both known and equal; an unknown country counts as
    the other side, since it cannot be told."""
    return a is not None and a == b


#: An event with more actors than this (a summit, a conference) counts for each of them but adds
#: no counterparts or network pairs: its pairs grow with the square of its size (5,000 people,
#: 12.5 million pairs), and say little about who met whom. rwpk check warns about such an event.
CROWD = 200


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
        self._country = {ident: actor.country for ident, actor in actors.items()}
        self._events = dict.fromkeys(actors, 0)
        self._meetings = dict.fromkeys(actors, 0)
        self._first: dict[str, DateSpan] = {}
        self._last: dict[str, DateSpan] = {}
        self._others: dict[str, dict[str, tuple[int, date]]] = {ident: {} for ident in actors}
        for summary in start:
            ident = summary.actor.id
            self._events[ident], self._meetings[ident] = summary.events, summary.meetings
            if summary.first is not None and summary.last is not None:
                self._first[ident], self._last[ident] = summary.first, summary.last
            self._others[ident] = {name: (times, date.fromordinal(last)) for name, times, last in summary.counterparts}

    def add(self, event: Event) -> None:
        """Count one event for each actor who took part in it."""
        people = event.participants
        ids = list(dict.fromkeys(p.actor_id for p in people if p.actor_id))
        if not ids:
            return
        label, country, first, last = self._label, self._country, self._first, self._last
        names = [
            (p.actor_id, label[p.actor_id] if p.actor_id else p.name, country[p.actor_id] if p.actor_id else None)
            for p in people
        ]
        when = event.when
        meeting, start, end = event.kind in MEETING_KINDS, when.start, when.end
        events, meetings, others = self._events, self._meetings, self._others
        for ident in ids:
            events[ident] += 1
            if meeting:
                meetings[ident] += 1
            # Inlined earliest() and latest(): this runs for every participant of every event.
            f = first.get(ident)
            if f is None or start < f.start or (start == f.start and end < f.end):
                first[ident] = when
            la = last.get(ident)
            if la is None or end > la.end or (end == la.end and start > la.start):
                last[ident] = when
            if len(ids) > CROWD:
                continue
            mine, side = others[ident], country[ident]
            for other, name, other_side in names:
                if other != ident and (side is None or side != other_side):  # not on_the_same_side
                    seen = mine.get(name)
                    mine[name] = (1, end) if seen is None else (seen[0] + 1, end if end > seen[1] else seen[1])

    def summaries(self, country: str | None = None, ids: Iterable[str] | None = None) -> list[ActorSummary]:
        """The summaries so far, in the order the actors were declared: every actor's (of one
        country, if given), or only those of ``ids``."""
        wanted = None if ids is None else set(ids)
        out = []
        for ident, actor in self._actors.items():
            if (country is not None and actor.country != country) or (wanted is not None and ident not in wanted):
                continue
            role = actor.latest_role
            out.append(
                ActorSummary(
                    actor,
                    role.title if role else None,
                    self._events[ident],
                    self._meetings[ident],
                    self._first.get(ident),
                    self._last.get(ident),
                    ranked({n: (t, d.toordinal()) for n, (t, d) in self._others[ident].items()}),
                )
            )
        return out


# --- kept beside the events ----------------------------------------------------------------------


def _encode(summaries: Iterable[ActorSummary]) -> list[tuple[str, str]]:
    """Rows of an actor's id and its summary as JSON, so that an append rewrites only the summaries
    of the actors it names."""
    return [
        (s.actor.id, json.dumps([s.role, s.events, s.meetings, _span(s.first), _span(s.last),
                                 [list(c) for c in s.counterparts]],
                                ensure_ascii=False))
        for s in summaries
    ]  # fmt: skip


def _decode(rows: Iterable[tuple[str, str]], actors: Mapping[str, Actor]) -> list[ActorSummary]:
    try:
        return _decoded(rows, actors)
    except (ValueError, KeyError, TypeError, IndexError, OverflowError, AttributeError) as error:
        raise DamagedCacheError(f"an actor summary: {type(error).__name__}: {error}") from None


def _decoded(rows: Iterable[tuple[str, str]], actors: Mapping[str, Actor]) -> list[ActorSummary]:
    out = []
    for ident, body in rows:
        role, events, meetings, first, last, counterparts = json.loads(body)
        others: tuple[Counterpart, ...] = tuple(map(tuple, counterparts))
        out.append(ActorSummary(actors[ident], role, events, meetings, _unspan(first), _unspan(last), others))
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
    merged = {ident: ActorSummary(actor, None, 0, 0, None, None) for ident, actor in actors.items()}
    others: dict[str, dict[str, tuple[int, int]]] = {ident: {} for ident in actors}
    for rows in files:
        for s in _decode(rows, actors):
            m = merged[s.actor.id]
            first = earliest(m.first, s.first) if s.first else m.first
            last = latest(m.last, s.last) if s.last else m.last
            merged[s.actor.id] = m._replace(events=m.events + s.events, meetings=m.meetings + s.meetings,
                                            first=first, last=last)  # fmt: skip
            mine = others[s.actor.id]
            for c in s.counterparts:
                name, times, day = c
                before, recent = mine.get(name, (0, day))
                mine[name] = (before + times, max(recent, day))
    out = []
    for ident, actor in actors.items():
        role = actor.latest_role
        out.append(merged[ident]._replace(role=role.title if role else None, counterparts=ranked(others[ident])))
    return out
