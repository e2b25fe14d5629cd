"""Events as views show them: each participant with their name, country and title at the time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..dates.span import DateSpan
from ..errors import UsageError
from ..log.kinds import MEETING_KINDS, Kind
from ..log.model import Actor, Event, Log, Role
from .filters import Filters, select
from .summaries import on_the_same_side


class PersonRow(NamedTuple):
    """A participant as shown: their title is the one they held on the event's date."""

    id: str | None
    name: str
    country: str | None
    title: str | None
    title_certain: bool = True  # False when the event's dates only partly overlap the tenure

    @property
    def shown_title(self) -> str | None:
        """The title as views show it: with a "?" when the tenure may not cover the event."""
        if self.title is None:
            return None
        return self.title if self.title_certain else f"{self.title}?"

    @property
    def label(self) -> str:
        """Plain text: "Name (CC), Title", leaving out what is unknown."""
        text = self.name + (f" ({self.country})" if self.country else "")
        return text + (f", {self.shown_title}" if self.title else "")


class EventRow(NamedTuple):
    """An event ready to render, with its participants' titles at the time and its sources."""

    event: Event
    participants: tuple[PersonRow, ...]

    def others(self, actor_id: str) -> tuple[PersonRow, ...]:
        """The participants other than ``actor_id``."""
        return tuple(p for p in self.participants if p.id != actor_id)

    def counterparts(self, actor_id: str) -> tuple[PersonRow, ...]:
        """The participants on the other side from ``actor_id``: those whose country is not known to
        be the official's own."""
        me = self.person(actor_id)
        return tuple(p for p in self.others(actor_id) if not on_the_same_side(me.country if me else None, p.country))

    def companions(self, actor_id: str) -> tuple[PersonRow, ...]:
        """The participants of the official's own country, who accompany them rather than meet them."""
        me = self.person(actor_id)
        return tuple(p for p in self.others(actor_id) if on_the_same_side(me.country if me else None, p.country))

    def person(self, actor_id: str) -> PersonRow | None:
        """The row of one participant, if they took part."""
        return next((p for p in self.participants if p.id == actor_id), None)


def kind_label(event: Event) -> str:
    """The event's kind as views show it: "visit", or "visit (planned)" for one still to come."""
    return f"{event.kind.value} (planned)" if event.planned else event.kind.value


def rows(log: Log, events: Iterable[Event]) -> list[EventRow]:
    """Each event with every participant's name, country and title on that date."""
    actors = log.actors
    out = []
    for event in events:
        when = event.when
        people = []
        for p in event.participants:
            actor = actors.get(p.actor_id) if p.actor_id else None
            if actor is None:
                people.append(PersonRow(p.actor_id, p.name, None, None, True))
                continue
            roles = actor.roles
            if len(roles) == 1:  # most officials: one tenure, tested without building a list
                role: Role | None = roles[0] if roles[0].held_during(when) else None
            else:
                role = actor.role_on(when) if roles else None
            if role is None:
                people.append(PersonRow(p.actor_id, actor.name, actor.country, None, True))
            else:
                people.append(PersonRow(p.actor_id, actor.name, actor.country, role.title, role.covers(when)))
        out.append(EventRow(event, tuple(people)))
    return out


def meetings(log: Log, official: Actor, filters: Filters) -> list[EventRow]:
    """The official's meetings, visits, consultations, calls and agreements that pass the filters.
    A ``--kind`` outside those is a usage error: an empty set of kinds would mean no filter at all."""
    outside = sorted(k.value for k in filters.kinds - MEETING_KINDS)
    if outside:
        shown = ", ".join(k.value for k in Kind if k in MEETING_KINDS)
        raise UsageError(
            f"--kind {', '.join(outside)}: meetings shows only {shown}; "
            f"for other kinds use rwpk timeline --official {official.id} --kind {outside[0]}"
        )
    kinds = filters.kinds or MEETING_KINDS
    officials = tuple(dict.fromkeys((official.id, *filters.officials)))
    narrowed = filters._replace(kinds=frozenset(kinds), officials=officials)
    return rows(log, select(log, narrowed))


def span_of(events: Sequence[Event]) -> tuple[DateSpan, DateSpan] | None:
    """The first and last dates of a list of events in timeline order."""
    if not events:
        return None
    return events[0].when, max(events, key=lambda e: (e.when.end, e.when.start)).when
