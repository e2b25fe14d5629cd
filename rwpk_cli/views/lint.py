"""Warnings about a valid log: things that are allowed but are probably mistakes.

``rwpk check`` reports them without failing; ``rwpk check --strict`` fails on them (exit 65).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from ..errors import Problem
from ..log.model import Actor, Event, Log, Role, Source, Trade
from .summaries import CROWD


def warnings(log: Log, today: date) -> list[Problem]:
    """Every warning, sorted by line."""
    found = [
        *_free_text_participants(log),
        *_unsourced(log),
        *_outside_tenure(log),
        *_same_events(log),
        *_likely_duplicates(log),
        *_unreferenced(log),
        *_in_the_future(log, today),
        *_goods_over_total(log),
        *_crowds(log),
    ]
    return sorted(found, key=lambda p: (p.file != log.path, p.file, p.line, p.message))


def _problem(log: Log, record: Event | Actor | Source | Trade, line: int, message: str) -> Problem:
    """A warning at a line of the file that ``record`` comes from (a log may include other files)."""
    return Problem(record.file or log.path, line, message)


def _name(event: Event) -> str:
    return f"event '{event.id}'"


def _free_text_participants(log: Log) -> list[Problem]:
    return [
        _problem(
            log,
            e,
            e.participants_line or e.line,
            f"{_name(e)}: participant '{p.name}' is no declared actor; add [actor.…] for them or fix the name",
        )
        for e in log.events
        for p in e.participants
        if p.actor_id is None
    ]


def _unsourced(log: Log) -> list[Problem]:
    return [
        _problem(log, e, e.line, f'{_name(e)} has no source; add sources = ["…"]') for e in log.events if not e.sources
    ]


def _outside_tenure(log: Log) -> list[Problem]:
    out = []
    for event in log.events:
        for p in event.participants:
            actor = log.actors.get(p.actor_id) if p.actor_id else None
            if actor is None or not actor.roles or actor.role_on(event.when) is not None:
                continue
            tenures = "; ".join(_tenure(r) for r in actor.roles)
            out.append(
                _problem(
                    log,
                    event,
                    event.participants_line or event.line,
                    f"{_name(event)} ({event.when.label}): {actor.name} held no recorded role then ({tenures}); "
                    "check the date or add the role",
                )
            )
    return out


def _tenure(role: Role) -> str:
    since = role.since.label if role.since else "…"
    until = role.until.label if role.until else "…"
    return f"{role.title} ({since} to {until})"


def same_event(event: Event) -> tuple[object, ...]:
    """What makes two records the same event to a reader: the same dates, kind and title (its case
    and spacing aside). ``rwpk add`` refuses a second one unless told it is meant."""
    when = event.when
    return (when.start, when.end, when.precision, event.kind, " ".join(event.title.casefold().split()))


def twin_of(log: Log, event: Event) -> Event | None:
    """The first other event of ``log`` that is the same event as ``event``, if any."""
    return twin_among(log.events, event)


def twin_among(events: Iterable[Event], event: Event) -> Event | None:
    """The first of ``events``, other than ``event`` itself, that is the same event, if any."""
    key = same_event(event)
    return next((e for e in events if e is not event and e.line != event.line and same_event(e) == key), None)


def _same_events(log: Log) -> list[Problem]:
    first: dict[tuple[object, ...], Event] = {}
    out = []
    for event in log.events:
        earlier = first.setdefault(same_event(event), event)
        if earlier is not event:
            out.append(
                _problem(
                    log,
                    event,
                    event.line,
                    f"{_name(event)} has the same date, kind and title as '{earlier.id}' (line {earlier.line}); "
                    "remove one, or tell them apart in the title",
                )
            )
    return out


def likely_twin(events: Iterable[Event], event: Event) -> Event | None:
    """The first of ``events`` that is likely ``event`` told again: the same kind, the same people,
    overlapping dates (what ``check`` warns of)."""
    people = frozenset(p.actor_id or p.name for p in event.participants)
    if not people:
        return None
    for other in events:
        same = other.kind is event.kind and frozenset(p.actor_id or p.name for p in other.participants) == people
        if same and other is not event and other.when.overlaps(event.when):
            return other
    return None


def _likely_duplicates(log: Log) -> list[Problem]:
    """Events of the same kind, with the same people, on overlapping dates (not the same event,
    which ``_same_events`` names)."""
    groups: dict[tuple[str, frozenset[str]], list[Event]] = defaultdict(list)
    for event in log.events:
        people = frozenset(p.actor_id or p.name for p in event.participants)
        if people:
            groups[event.kind.value, people].append(event)
    out = []
    for events in groups.values():
        latest: Event | None = None  # the event reaching furthest so far, in start order
        for event in events:
            if latest is not None and event.when.start <= latest.when.end and same_event(event) != same_event(latest):
                out.append(
                    _problem(
                        log,
                        event,
                        event.line,
                        f"{_name(event)} looks like a duplicate of '{latest.id}' (line {latest.line}): "
                        "same kind, same people, overlapping dates",
                    )
                )
            if latest is None or event.when.end > latest.when.end:
                latest = event
    return out


def _unreferenced(log: Log) -> list[Problem]:
    used_actors = {p.actor_id for e in log.events for p in e.participants if p.actor_id}
    used_sources = {s for e in log.events for s in e.sources} | {s for t in log.trades for s in t.sources}
    out = [
        _problem(log, a, a.line, f"actor '{a.id}' takes part in no event; remove it or add it to an event")
        for a in log.actors.values()
        if a.id not in used_actors
    ]
    out += [
        _problem(log, s, s.line, f"source '{s.id}' is cited by nothing; remove it or cite it")
        for s in log.sources.values()
        if s.id not in used_sources
    ]
    return out


def _in_the_future(log: Log, today: date) -> list[Problem]:
    return [
        _problem(log, e, e.line, f"{_name(e)} is dated {e.when.label}, after today ({today.isoformat()})")
        for e in log.events
        if e.when.start > today
    ]


def _goods_over_total(log: Log) -> list[Problem]:
    out = []
    for trade in log.trades:
        total = sum(trade.goods.values())
        if total > trade.value_usd:
            out.append(
                _problem(
                    log,
                    trade,
                    trade.line,
                    f"trade {trade.year} {trade.origin}→{trade.destination}: the goods add up to ${total:,}, "
                    f"more than the total ${trade.value_usd:,}",
                )
            )
    return out


def _crowds(log: Log) -> list[Problem]:
    """Events with more actors than CROWD: they count for each actor, but add no counterparts."""
    out = []
    for event in log.events:
        actors = len({p.actor_id for p in event.participants if p.actor_id})
        if actors > CROWD:
            message = (f"{_name(event)} has {actors} actors taking part; events of more than {CROWD} add no "
                       "counterparts or network pairs (list the principals, or split the event)")  # fmt: skip
            out.append(_problem(log, event, event.participants_line or event.line, message))
    return out
