"""What a view hands to a renderer: the log, the rows to show, and a heading."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..log.model import Actor, Log
from ..views.rows import EventRow, span_of
from ..views.summaries import ActorSummary

if TYPE_CHECKING:
    from ..views.analysis import Activity, ActorCard, Flow, Link


class EventsDoc(NamedTuple):
    """A list of events (a timeline, an export, or one official's meetings when ``official`` is set)."""

    log: Log
    rows: Sequence[EventRow]
    heading: str
    official: Actor | None = None
    raw: bool = False  # CSV only: leave cells that look like formulas as they are
    sections: tuple[Section, ...] = ()  # Markdown only: extra report sections (export --with)

    def summary(self, noun: str = "event") -> list[str]:
        """Plain-text parts of a summary line: the count, then the span of dates when there is one."""
        count = len(self.rows)
        parts = [f"{count} {noun}{'' if count == 1 else 's'}"]
        span = span_of([row.event for row in self.rows])
        if span:
            first, last = span
            parts.append(first.label if first == last else f"{first.label} to {last.label}")
        return parts


class ActorsDoc(NamedTuple):
    """Actor summaries."""

    log: Log
    summaries: Sequence[ActorSummary]


class ActorDoc(NamedTuple):
    """One actor's card."""

    log: Log
    card: ActorCard


class NetworkDoc(NamedTuple):
    """Who meets whom."""

    log: Log
    links: Sequence[Link]


class TradeDoc(NamedTuple):
    """Trade flows by year and direction."""

    log: Log
    flows: Sequence[Flow]
    raw: bool = False  # CSV only: leave text cells that look like formulas as they are


class StatsDoc(NamedTuple):
    """Activity over time."""

    log: Log
    activity: Activity


#: An extra section of the Markdown report.
Section = ActorsDoc | NetworkDoc | TradeDoc | StatsDoc
