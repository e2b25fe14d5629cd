"""Which events a view shows: filters on dates, kinds, officials, countries, tags and text.

Every function returns new values; the log is never changed.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..dates.span import DateSpan
from ..log.kinds import Kind
from ..log.model import Actor, Event, Log, Trade
from ..log.names import NameIndex, fold


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

    def trades(self, log: Log) -> tuple[Trade, ...]:
        """The trade figures a filtered report shows: those of the years the date filters overlap
        (all of them with --strict, the years wholly inside the bounds), and of the --country."""
        since = self.since.start if self.since else None
        until = self.until.end if self.until else None
        if self.on is not None:
            since = max(since, self.on.start) if since else self.on.start
            until = min(until, self.on.end) if until else self.on.end

        def shown(t: Trade) -> bool:
            first, last = date(t.year, 1, 1), date(t.year, 12, 31)
            if self.strict:
                inside = (since is None or first >= since) and (until is None or last <= until)
            else:
                inside = (since is None or last >= since) and (until is None or first <= until)
            return inside and (self.country is None or self.country in (t.origin, t.destination))

        return tuple(t for t in log.trades if shown(t))

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
        if not self.officials and self.country is None:
            return True
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
