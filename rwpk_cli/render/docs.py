"""What a view hands to a renderer: the log, the rows to show, and a heading."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Actor, Log
from ..query import ActorSummary, EventRow


@dataclass(frozen=True, slots=True)
class EventsDoc:
    """A list of events (a timeline, an export, or one official's meetings when ``official`` is set)."""

    log: Log
    rows: Sequence[EventRow]
    heading: str
    official: Actor | None = None


@dataclass(frozen=True, slots=True)
class ActorsDoc:
    """Actor summaries."""

    log: Log
    summaries: Sequence[ActorSummary]
