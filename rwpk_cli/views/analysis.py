"""Analysis of a log: one actor's card, the counterpart network, trade flows and activity over time.

Every function takes the log (and the events to consider) and returns new values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import combinations
from typing import NamedTuple

from ..dates.span import DateSpan
from ..log.kinds import MEETING_KINDS
from ..log.model import Actor, Event, Log, Trade
from .summaries import CROWD, earliest, latest, on_the_same_side


class Contact(NamedTuple):
    """How often two parties met, and when first and last."""

    id: str | None
    name: str
    country: str | None
    times: int
    first: DateSpan  # the date of the earliest shared event
    last: DateSpan  # the date of the shared event that ended last


class ActorCard(NamedTuple):
    """Everything about one actor: roles, events by kind, counterparts (the other side), companions
    (participants of the actor's own country), and the events themselves."""

    actor: Actor
    events: tuple[Event, ...]
    by_kind: tuple[tuple[str, int], ...]
    counterparts: tuple[Contact, ...]
    companions: tuple[Contact, ...] = ()

    @property
    def meetings(self) -> int:
        """How many of the events are meetings, visits, consultations, calls or agreements."""
        return sum(1 for e in self.events if e.kind in MEETING_KINDS)


def _contacts(log: Log, events: Sequence[Event], key: str | None) -> list[Contact]:
    seen: dict[str, list[Event]] = defaultdict(list)
    names: dict[str, tuple[str | None, str, str | None]] = {}
    for event in events:
        if len({p.actor_id for p in event.participants if p.actor_id}) > CROWD:
            continue  # a crowd adds no counterparts (see CROWD)
        for p in event.participants:
            other = p.actor_id or f"text:{p.name}"
            if p.actor_id is not None and p.actor_id == key:
                continue
            seen[other].append(event)
            actor = log.actors.get(p.actor_id) if p.actor_id else None
            names[other] = (p.actor_id, actor.name if actor else p.name, actor.country if actor else None)
    contacts = [Contact(*names[k], len(v), *_first_and_last(v)) for k, v in seen.items()]
    return sorted(contacts, key=lambda c: (-c.times, -c.last.end.toordinal(), c.name))


def _first_and_last(events: Sequence[Event]) -> tuple[DateSpan, DateSpan]:
    first: DateSpan | None = None
    last: DateSpan | None = None
    for event in events:
        first, last = earliest(first, event.when), latest(last, event.when)
    assert first is not None
    assert last is not None
    return first, last


def known_span(actor: Actor, events: Sequence[Event]) -> tuple[date, date] | None:
    """The first and last days the log knows of an actor: the recorded ends of their roles and the
    days of their events. Pictures of tenures span these, never today, so that they depend on the
    log alone."""
    days = [
        d for r in actor.roles for d in ((r.since.start if r.since else None), (r.until.end if r.until else None)) if d
    ]
    days += [d for e in events for d in (e.when.start, e.when.end)]
    return (min(days), max(days)) if days else None


def actor_card(log: Log, actor: Actor) -> ActorCard:
    """The card of one actor."""
    events = tuple(e for e in log.events if any(p.actor_id == actor.id for p in e.participants))
    kinds = Counter(e.kind.value for e in events)
    contacts = _contacts(log, events, actor.id)
    companions = tuple(c for c in contacts if on_the_same_side(actor.country, c.country))
    others = tuple(c for c in contacts if not on_the_same_side(actor.country, c.country))
    return ActorCard(actor, events, tuple(kinds.most_common()), others, companions)


class Link(NamedTuple):
    """Two actors who took part in the same events."""

    a: Actor
    b: Actor
    times: int
    first: DateSpan  # the date of the earliest shared event
    last: DateSpan  # the date of the shared event that ended last

    @property
    def cross_border(self) -> bool:
        """True when both countries are known and differ."""
        return self.a.country is not None and self.b.country is not None and self.a.country != self.b.country


def network(log: Log, events: Sequence[Event]) -> list[Link]:
    """Pairs of actors with their shared events, strongest first (then most recent, then by name)."""
    shared: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        ids = sorted({p.actor_id for p in event.participants if p.actor_id})
        if len(ids) > CROWD:
            continue  # a crowd adds no pairs (see CROWD)
        for a, b in combinations(ids, 2):
            shared[a, b].append(event)
    links = [Link(log.actors[a], log.actors[b], len(v), *_first_and_last(v)) for (a, b), v in shared.items()]
    return sorted(links, key=lambda link: (-link.times, -link.last.end.toordinal(), link.a.name, link.b.name))


class Flow(NamedTuple):
    """One year's trade in one direction, with each good's share and the balance for that year."""

    trade: Trade
    balance_usd: int | None  # exports minus imports between the two; None when the reverse is not recorded

    def share(self, good: str) -> float:
        """A good's share of the total, from 0 to 1."""
        return self.trade.goods[good] / self.trade.value_usd if self.trade.value_usd else 0.0

    @property
    def goods_over_total(self) -> bool:
        """True when the goods add up to more than the total (a data problem worth a warning)."""
        return sum(self.trade.goods.values()) > self.trade.value_usd


def flows(log: Log, year: int | None = None, origin: str | None = None, destination: str | None = None) -> list[Flow]:
    """Trade by year and direction, with the balance against the reverse direction that year."""
    index = {(t.year, t.origin, t.destination): t for t in log.trades}
    out = []
    for trade in log.trades:
        if year is not None and trade.year != year:
            continue
        if origin is not None and trade.origin != origin.upper():
            continue
        if destination is not None and trade.destination != destination.upper():
            continue
        reverse = index.get((trade.year, trade.destination, trade.origin))
        out.append(Flow(trade, trade.value_usd - reverse.value_usd if reverse else None))
    return out


class Gap(NamedTuple):
    """A quiet time: from the end of ``after``, the event that had ended last so far, to the start of
    ``before``, the next event to begin."""

    after: Event
    before: Event

    @property
    def days(self) -> int:
        """Days from the end of the latest event so far to the start of the next."""
        return max((self.before.when.start - self.after.when.end).days, 0)

    @property
    def approximate(self) -> bool:
        """Whether either end of the gap is an approximate or uncertain date, so its length is too."""
        return any(w.approximate or w.uncertain for w in (self.after.when, self.before.when))


class Activity(NamedTuple):
    """Activity over time: counts per period, by kind, by country pair and by place; peaks and gaps."""

    by: str
    periods: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[str, int], ...]
    by_country_pair: tuple[tuple[str, int], ...]
    by_place: tuple[tuple[str, int], ...]
    busiest: tuple[tuple[str, int], ...]
    gaps: tuple[Gap, ...]
    total: int


def _period(when: DateSpan, by: str) -> str:
    """The period an event's interval lies in; a wider interval is counted on a row of its own, which
    says that the month (or year) is not known."""
    start, end = when.start, when.end
    if start.year != end.year:
        return f"{start.year}–{end.year}, year unknown"
    if by == "year":
        return str(start.year)
    if start.month != end.month:
        return f"{start.year}, month unknown"
    return f"{start.year}-{start.month:02d}"


def _with_unknown(periods: list[str], counts: Counter[str]) -> list[tuple[str, int]]:
    """Every period with its count, each row of unknown month or year just before its first year's periods."""
    unknown = sorted((p for p in counts if "unknown" in p), key=lambda p: p.partition("–")[0][:4])
    out: list[tuple[str, int]] = []
    for period in periods:
        while unknown and unknown[0][:4] <= period[:4]:
            found = unknown.pop(0)
            out.append((found, counts[found]))
        out.append((period, counts.get(period, 0)))
    return out + [(p, counts[p]) for p in unknown]


def _all_periods(first: date, last: date, by: str) -> list[str]:
    if by == "year":
        return [str(y) for y in range(first.year, last.year + 1)]
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def activity(log: Log, events: Sequence[Event], by: str = "year", top: int = 3) -> Activity:
    """Counts of events per year (or month, with every empty period in between), and the rest."""
    counts = Counter(_period(e.when, by) for e in events)
    periods: list[tuple[str, int]] = []
    if events:
        first = min(e.when.start for e in events)
        last = max(e.when.start for e in events)
        if by == "month" and (last.year - first.year) > 200:
            by = "year"  # a month-by-month chart over centuries helps nobody
            counts = Counter(_period(e.when, by) for e in events)
        periods = _with_unknown(_all_periods(first, last, by), counts)
    pairs: Counter[str] = Counter()
    for event in events:
        countries = sorted({c for p in event.participants if (c := log.country_of(p))})
        for a, b in combinations(countries, 2):
            pairs[f"{a}–{b}"] += 1
    gaps = _gaps(sorted(events, key=lambda e: e.sort_key))
    exact = [(p, n) for p, n in counts.items() if "unknown" not in p]  # the busiest are periods that are known
    return Activity(
        by=by,
        periods=tuple(periods),
        by_kind=tuple(Counter(e.kind.value for e in events).most_common()),
        by_country_pair=tuple(pairs.most_common()),
        by_place=tuple(Counter(e.place for e in events if e.place).most_common()),
        busiest=tuple(sorted(exact, key=lambda kv: (-kv[1], kv[0]))[:top]),
        gaps=tuple(g for g in gaps[:top] if g.days > 0),
        total=len(events),
    )


def _gaps(ordered: Sequence[Event]) -> list[Gap]:
    """Quiet times between events in start order, each measured from the latest end so far: a
    meeting inside a three-month mission leaves no gap within the mission."""
    gaps = []
    latest_end: Event | None = None
    for event in ordered:
        if latest_end is not None and event.when.start > latest_end.when.end:
            gaps.append(Gap(latest_end, event))
        if latest_end is None or event.when.end > latest_end.when.end:
            latest_end = event
    gaps.sort(key=lambda g: (-g.days, g.after.when.start))
    return gaps
