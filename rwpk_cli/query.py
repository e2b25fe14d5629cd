"""Questions asked of a log: filtered timelines, an official's meetings, actor summaries.

Every function returns new values; the log is never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from .dates import DateSpan
from .kinds import MEETING_KINDS, Kind
from .model import Actor, Event, Log
from .names import NameIndex, fold


class Filters(NamedTuple):
    """What to keep: date bounds (an event matches when it overlaps them), kinds, officials and text."""

    since: DateSpan | None = None
    until: DateSpan | None = None
    on: DateSpan | None = None
    strict: bool = False
    kinds: frozenset[Kind] = frozenset()
    officials: tuple[str, ...] = ()  # actor ids; an event must include all of them
    country: str | None = None
    tags: frozenset[str] = frozenset()  # an event must carry at least one of them
    search: str | None = None
    limit: int | None = None
    reverse: bool = False

    def date_window(self) -> tuple[date | None, date | None]:
        """The widest days an event can touch and still pass the date filters (None: open)."""
        starts = [s.start for s in (self.since, self.on) if s is not None]
        ends = [s.end for s in (self.until, self.on) if s is not None]
        return (max(starts) if starts else None, min(ends) if ends else None)

    def matches(self, log: Log, event: Event) -> bool:
        """True when the event passes every filter (limit and order aside)."""
        return (
            self._dates_match(event.when)
            and (not self.kinds or event.kind in self.kinds)
            and self._people_match(log, event)
            and (not self.tags or bool(self.tags.intersection(fold(t) for t in event.tags)))
            and (self.search is None or _contains(event, self.search))
        )

    def _dates_match(self, when: DateSpan) -> bool:
        if self.strict:
            return (
                (self.since is None or when.start >= self.since.start)
                and (self.until is None or when.end <= self.until.end)
                and (self.on is None or when.within(self.on))
            )
        return (
            (self.since is None or when.end >= self.since.start)
            and (self.until is None or when.start <= self.until.end)
            and (self.on is None or when.overlaps(self.on))
        )

    def _people_match(self, log: Log, event: Event) -> bool:
        ids = {p.actor_id for p in event.participants}
        if not all(official in ids for official in self.officials):
            return False
        if self.country is None:
            return True
        return any(log.country_of(p) == self.country for p in event.participants)


def _contains(event: Event, needle: str) -> bool:
    wanted = fold(needle)
    return any(wanted in fold(text) for text in (event.title, event.summary, event.place) if text)


def select(log: Log, filters: Filters) -> list[Event]:
    """The events that match, in timeline order (or reversed), cut to the limit."""
    found = [e for e in log.events if filters.matches(log, e)]
    if filters.reverse:
        found.reverse()
    return found[: filters.limit] if filters.limit is not None else found


def resolve_official(log: Log, name: str) -> Actor:
    """The actor a name refers to; raises AmbiguousNameError or UnknownNameError."""
    return NameIndex(log.actors.values()).resolve(name)


# --- what views show -----------------------------------------------------------------------


class PersonRow(NamedTuple):
    """A participant as shown: their title is the one they held on the event's date."""

    id: str | None
    name: str
    country: str | None
    title: str | None

    @property
    def label(self) -> str:
        """Plain text: "Name (CC), Title", leaving out what is unknown."""
        text = self.name + (f" ({self.country})" if self.country else "")
        return text + (f", {self.title}" if self.title else "")


class EventRow(NamedTuple):
    """An event ready to render, with its participants' titles at the time and its sources."""

    event: Event
    participants: tuple[PersonRow, ...]

    def others(self, actor_id: str) -> tuple[PersonRow, ...]:
        """The participants other than ``actor_id``: an official's counterparts."""
        return tuple(p for p in self.participants if p.id != actor_id)

    def person(self, actor_id: str) -> PersonRow | None:
        """The row of one participant, if they took part."""
        return next((p for p in self.participants if p.id == actor_id), None)


def rows(log: Log, events: Iterable[Event]) -> list[EventRow]:
    """Each event with every participant's name, country and title on that date."""
    out = []
    for event in events:
        people = []
        for p in event.participants:
            actor = log.actors.get(p.actor_id) if p.actor_id else None
            people.append(
                PersonRow(
                    id=p.actor_id,
                    name=actor.name if actor else p.name,
                    country=actor.country if actor else None,
                    title=actor.title_on(event.when) if actor else None,
                )
            )
        out.append(EventRow(event, tuple(people)))
    return out


def meetings(log: Log, official: Actor, filters: Filters) -> list[EventRow]:
    """The official's meetings, visits, consultations, calls and agreements that pass the filters."""
    kinds = filters.kinds & MEETING_KINDS if filters.kinds else MEETING_KINDS
    officials = tuple(dict.fromkeys((official.id, *filters.officials)))
    narrowed = filters._replace(kinds=frozenset(kinds), officials=officials)
    return rows(log, select(log, narrowed))


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


def span_of(events: Sequence[Event]) -> tuple[DateSpan, DateSpan] | None:
    """The first and last dates of a list of events in timeline order."""
    if not events:
        return None
    return events[0].when, max(events, key=lambda e: (e.when.end, e.when.start)).when
