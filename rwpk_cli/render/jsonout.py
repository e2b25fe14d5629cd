"""JSON for scripts; the field names are a contract and stay stable."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from json.encoder import encode_basestring as _quote  # a JSON string literal, as json.dumps writes it
from typing import Any

from ..dates.span import DateSpan
from ..log.kinds import Kind
from ..views.analysis import Contact
from ..views.rows import EventRow, PersonRow
from .chunks import Chunks
from .docs import ActorDoc, ActorsDoc, EventsDoc, NetworkDoc, StatsDoc, TradeDoc
from .safe import balance


def event_object(row: EventRow) -> dict[str, Any]:
    """One event as the JSON contract describes it."""
    event, when = row.event, row.event.when
    return {
        "id": event.id,
        "date": when.canonical,
        "start": when.start.isoformat(),
        "end": when.end.isoformat(),
        "precision": when.precision.value,
        "approximate": when.approximate,
        "uncertain": when.uncertain,
        "kind": event.kind.value,
        "title": event.title,
        "place": event.place,
        "participants": [
            {"id": p.id, "name": p.name, "country": p.country, "title": p.title, "title_certain": p.title_certain}
            for p in row.participants
        ],
        "tags": list(event.tags),
        "sources": list(event.sources),
        "summary": event.summary,
    }


_BOOL = {True: "true", False: "false"}
_KINDS = {kind: kind.value for kind in Kind}  # an enum's .value is a descriptor call


def _text(value: str | None) -> str:
    return "null" if value is None else _quote(value)


def _texts(values: Sequence[str]) -> str:
    return "[" + ", ".join(map(_quote, values)) + "]"


def event_json(row: EventRow) -> str:
    """``json.dumps(event_object(row), ensure_ascii=False)``, written directly: several times faster,
    for thousands of events, with the json module's own string escaping (a test holds the two equal)."""
    return EventWriter().json(row)


class EventWriter:
    """``event_json`` for many events: the parts that events share (a date, a participant with their
    title, a list of tags) are written once each. A date is remembered by the object itself, which
    the events being written keep alive, since events read from a cache share their dates."""

    def __init__(self) -> None:
        self._dates: dict[int, tuple[DateSpan, str]] = {}
        self._people: dict[PersonRow, str] = {}
        self._lists: dict[tuple[str, ...], str] = {}

    def json(self, row: EventRow) -> str:
        event = row.event
        when = event.when
        known = self._dates.get(id(when))
        if known is None or known[0] is not when:
            known = self._dates[id(when)] = (when, _date_fields(when))
        people, lists = self._people, self._lists
        found = []
        for p in row.participants:
            text = people.get(p)
            if text is None:
                text = people[p] = (
                    f'{{"id": {_text(p.id)}, "name": {_quote(p.name)}, "country": {_text(p.country)}, '
                    f'"title": {_text(p.title)}, "title_certain": {_BOOL[p.title_certain]}}}'
                )
            found.append(text)
        tags, sources = lists.get(event.tags) or self._list(event.tags), lists.get(event.sources)
        place, summary = event.place, event.summary
        return (
            f'{{"id": {_quote(event.id)}, {known[1]}, "kind": "{_KINDS[event.kind]}", "title": {_quote(event.title)}, '
            f'"place": {"null" if place is None else _quote(place)}, "participants": [{", ".join(found)}], '
            f'"tags": {tags}, "sources": {sources or self._list(event.sources)}, '
            f'"summary": {"null" if summary is None else _quote(summary)}}}'
        )

    def _list(self, values: tuple[str, ...]) -> str:
        text = self._lists.get(values)
        if text is None:
            text = self._lists[values] = _texts(values)
        return text


def _date_fields(when: DateSpan) -> str:
    return (
        f'"date": {_quote(when.canonical)}, "start": "{when.start.isoformat()}", "end": "{when.end.isoformat()}", '
        f'"precision": "{when.precision.value}", "approximate": {_BOOL[when.approximate]}, '
        f'"uncertain": {_BOOL[when.uncertain]}'
    )


def _dump(value: object) -> str:
    """Pretty JSON; an array puts one compact object per line, which reads well and is written by
    the C encoder (indent= would fall back to the pure-Python one, ten times slower on big logs)."""
    if isinstance(value, list):
        if not value:
            return "[]\n"
        return "[\n  " + ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value) + "\n]\n"
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def timeline(doc: EventsDoc) -> Chunks:
    """An array of events, one per line, written a thousand events at a time."""
    return Chunks(_array(doc.rows))


def _array(rows: Sequence[EventRow], size: int = 1000) -> Iterator[str]:
    if not rows:
        yield "[]\n"
        return
    write = EventWriter().json
    for start in range(0, len(rows), size):
        yield ("[\n  " if start == 0 else ",\n  ") + ",\n  ".join(map(write, rows[start : start + size]))
    yield "\n]\n"


meetings = export = timeline


def actors(doc: ActorsDoc) -> str:
    """An array of actor summaries."""
    return _dump(
        [
            {
                "id": s.actor.id,
                "name": s.actor.name,
                "country": s.actor.country,
                "role": s.role,
                "events": s.events,
                "meetings": s.meetings,
                "first": s.first.start.isoformat() if s.first else None,
                "last": s.last.start.isoformat() if s.last else None,
                "first_date": s.first.canonical if s.first else None,
                "last_date": s.last.canonical if s.last else None,
                "counterparts": [c[0] for c in s.counterparts],
            }
            for s in doc.summaries
        ]
    )


def dates(span: DateSpan) -> str:
    """One normalised date expression."""
    return _dump(
        {
            "text": span.text,
            "start": span.start.isoformat(),
            "end": span.end.isoformat(),
            "precision": span.precision.value,
            "approximate": span.approximate,
            "uncertain": span.uncertain,
            "canonical": span.canonical,
            "label": span.label,
        }
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _contact(c: Contact) -> dict[str, object]:
    first, last = c.first, c.last
    return {"id": c.id, "name": c.name, "count": c.times, "first": first.start.isoformat(),
            "last": last.start.isoformat(), "first_date": first.canonical, "last_date": last.canonical}  # fmt: skip


def actor(doc: ActorDoc) -> str:
    """One actor's card."""
    card, who = doc.card, doc.card.actor
    return _dump(
        {
            "id": who.id,
            "name": who.name,
            "country": who.country,
            "aliases": list(who.aliases),
            "roles": [
                {
                    "title": r.title,
                    "since": r.since.canonical if r.since else None,
                    "until": r.until.canonical if r.until else None,
                }
                for r in who.roles
            ],
            "events": len(card.events),
            "by_kind": dict(card.by_kind),
            "counterparts": [_contact(c) for c in card.counterparts],
            "companions": [_contact(c) for c in card.companions],
            "timeline": [e.id for e in card.events],
        }
    )


def network(doc: NetworkDoc) -> str:
    """Pairs of actors, strongest first."""
    return _dump(
        [
            {
                "a": {"id": link.a.id, "name": link.a.name, "country": link.a.country},
                "b": {"id": link.b.id, "name": link.b.name, "country": link.b.country},
                "events": link.times,
                "first": link.first.start.isoformat(),
                "last": link.last.start.isoformat(),
                "first_date": link.first.canonical,
                "last_date": link.last.canonical,
                "cross_border": link.cross_border,
            }
            for link in doc.links
        ]
    )


def trade(doc: TradeDoc) -> str:
    """Trade flows: year, direction, value, goods and the year's balance."""
    return _dump(
        [
            {
                "year": f.trade.year,
                "from": f.trade.origin,
                "to": f.trade.destination,
                "value_usd": f.trade.value_usd,
                "goods": dict(f.trade.goods),
                "other_goods": list(f.trade.other_goods),
                "balance_usd": f.balance_usd,
                "balance": None
                if f.balance_usd is None
                else balance(f.trade.origin, f.trade.destination, f.balance_usd),
            }
            for f in doc.flows
        ]
    )


def stats(doc: StatsDoc) -> str:
    """Activity over time."""
    a = doc.activity
    return _dump(
        {
            "by": a.by,
            "total": a.total,
            "periods": dict(a.periods),
            "by_kind": dict(a.by_kind),
            "by_country_pair": dict(a.by_country_pair),
            "by_place": dict(a.by_place),
            "busiest": [{"period": p, "events": n} for p, n in a.busiest],
            "gaps": [
                {
                    "days": g.days,
                    "approximate": g.approximate,
                    "after": g.after.id,
                    "before": g.before.id,
                    "from": _day(g.after.when.end),
                    "to": _day(g.before.when.start),
                }
                for g in a.gaps
            ],
        }
    )
