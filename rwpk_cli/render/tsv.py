"""Tab-separated lines, one record per line: what a view prints into a pipe, as the GitHub CLI does.

No header, box, wrapping or padding, so ``rwpk timeline | grep Kigali`` gives whole records and
``cut -f`` picks columns. A tab, newline or control character in user text becomes a space or a
visible stand-in, so a record is always one line. Dates are the canonical (EDTF) forms, which keep
their precision: ``2025-W04``, ``2024``, ``2025-01-20~/2025-01-21~``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .docs import ActorsDoc, EventsDoc, NetworkDoc, TradeDoc
from .safe import balance, one_line


def _field(value: object) -> str:
    return "" if value is None else one_line(str(value))


def _lines(records: Iterable[Iterable[object]]) -> str:
    return "".join("\t".join(_field(v) for v in record) + "\n" for record in records)


def timeline(doc: EventsDoc) -> str:
    """id, date, kind, title, participants ("Name (CC)" joined with "; "), place."""
    return _lines(
        (
            row.event.id,
            row.event.when.canonical,
            row.event.kind.value,
            row.event.title,
            "; ".join(f"{p.name} ({p.country})" if p.country else p.name for p in row.participants),
            row.event.place,
        )
        for row in doc.rows
    )


meetings = timeline


def actors(doc: ActorsDoc) -> str:
    """id, name, country, latest role, events, meetings, first and last seen, counterparts."""
    return _lines(
        (
            s.actor.id,
            s.actor.name,
            s.actor.country,
            s.role,
            s.events,
            s.meetings,
            s.first.canonical if s.first else None,
            s.last.canonical if s.last else None,
            "; ".join(c[0] for c in s.counterparts),
        )
        for s in doc.summaries
    )


def network(doc: NetworkDoc) -> str:
    """actor, counterpart (ids), shared events, first and last, "cross-border" when it is."""
    return _lines(
        (
            link.a.id,
            link.b.id,
            link.times,
            link.first.canonical,
            link.last.canonical,
            "cross-border" if link.cross_border else "",
        )
        for link in doc.links
    )


def trade(doc: TradeDoc) -> str:
    """year, from, to, value in USD, the year's balance."""
    return _lines(
        (
            f.trade.year,
            f.trade.origin,
            f.trade.destination,
            f.trade.value_usd,
            None if f.balance_usd is None else balance(f.trade.origin, f.trade.destination, f.balance_usd),
        )
        for f in doc.flows
    )
