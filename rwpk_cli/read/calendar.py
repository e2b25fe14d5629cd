"""iCalendar (.ics) through the icalendar library: each VEVENT an event.

A calendar rwpk exported gives back its events' ids (from the UID), kinds and tags (from
CATEGORIES) and participants (from the description's "Participants:" list). Any other calendar's
events keep their UID as where they came from, so a newer export of the same calendar adds only
the new events; their kind is the first CATEGORIES value that is one of rwpk's kinds, else "other".
An all-day event keeps its days; a timed one the day it starts on, in its own time zone. A
recurring event is skipped and counted: it is a series, not one event.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from ..errors import InputError, Problem
from .contract import KINDS, checked_date, labelled
from .input import Input
from .records import Cited, Incoming, Person, Problems, Reading, short_hash

_BEGIN_EVENT = re.compile(r"^BEGIN:VEVENT\r?$", re.MULTILINE | re.IGNORECASE)
_RWPK_UID = re.compile(r"^(?P<id>.+)\.[0-9a-f]{12}@rwpk$")


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    """A time in the calendar's own zone when it is given in UTC (as Google writes ``…Z`` times, with
    the zone in X-WR-TIMEZONE); a time with its own zone, or a floating one, as it is."""
    if zone is not None and moment.tzinfo is not None and moment.utcoffset() == timedelta(0):
        return moment.astimezone(zone)
    return moment


def _days(entry: Any, zone: tzinfo | None) -> tuple[date, date] | None:
    """The first and last day of an event. DTEND is exclusive: an all-day event to the 14th ends on
    the 13th, a meeting until midnight ends the day it began; DURATION stands in for a missing DTEND."""
    try:
        begins = entry.decoded("dtstart") if entry.get("dtstart") is not None else None
        ends = entry.decoded("dtend") if entry.get("dtend") is not None else None
        if ends is None and entry.get("duration") is not None and begins is not None:
            ends = begins + entry.decoded("duration")
    except (ValueError, TypeError, KeyError):
        return None
    if isinstance(begins, datetime):
        first = _local(begins, zone)
        last = _local(ends, zone) - timedelta(microseconds=1) if isinstance(ends, datetime) and ends > begins else first
        return first.date(), max(first.date(), last.date())
    if isinstance(begins, date):
        end = ends if isinstance(ends, date) and not isinstance(ends, datetime) else None
        return begins, (end - timedelta(days=1) if end is not None and end > begins else begins)
    return None


def _people(description: str) -> tuple[Person, ...]:
    """The participants an rwpk description lists, "- Name (CC), Title" each."""
    if "\nParticipants:\n" not in f"\n{description}":
        return ()
    block = f"\n{description}".split("\nParticipants:\n", 1)[1].split("\n\n", 1)[0]
    people = []
    for line in block.split("\n"):
        if line.startswith("- "):
            people.append(labelled(line[2:]))
    return tuple(people)


def _summary(description: str) -> str | None:
    """An rwpk description's summary: the paragraph after the date and participants, before the sources."""
    parts = description.split("\n\n")
    body = [p for p in parts[1:] if not p.startswith("Sources:")]
    return "\n\n".join(body) or None


def read(source: Input) -> Reading:
    from icalendar import Calendar

    if "END:VCALENDAR" not in source.text.upper():
        at = source.text.count("\n") + 1
        message = "the calendar is cut short: there is no END:VCALENDAR; export it again"
        if source.text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
            raise InputError([Problem(source.display, at, message)])
    if not source.text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        message = "not an iCalendar file: it should start with BEGIN:VCALENDAR; export the calendar as .ics"
        raise InputError([Problem(source.display, 1, message)])
    try:
        calendars = Calendar.from_ical(source.text, multiple=True)
    except (ValueError, IndexError, KeyError) as error:
        raise InputError([Problem(source.display, 1, f"not a valid iCalendar file: {error}")]) from None
    starts = iter([m.start() for m in _BEGIN_EVENT.finditer(source.text)])
    events: list[Incoming] = []
    skipped = Counter[str]()
    problems: list[Problem] = []
    found_problems = Problems(source.display)
    for calendar in calendars:
        ours = "rwpk" in str(calendar.get("prodid", ""))
        zone = _zone(str(calendar.get("x-wr-timezone", "")).strip())
        for entry in calendar.walk("VEVENT"):
            uid = str(entry.get("uid", "")).strip()
            at = next(starts, -1)
            line = source.text.count("\n", 0, at) + 1 if at >= 0 else 1
            if entry.get("rrule") is not None or entry.get("recurrence-id") is not None:
                skipped["recurring"] += 1  # a series, or one changed occurrence of it
                continue
            if str(entry.get("status", "")).upper() == "CANCELLED":
                skipped["cancelled"] += 1
                continue
            days = _days(entry, zone)
            if days is None:
                message = f"event {uid or '(no UID)'} has no DTSTART that is a date or a time; give it a date"
                problems.append(Problem(source.display, line, message))
                continue
            start, last = days
            when = start.isoformat() if last <= start else f"{start.isoformat()}/{last.isoformat()}"
            exact = str(entry.get("x-rwpk-date", "")).strip() if ours else ""
            if exact and checked_date(exact, found_problems, line, "X-RWPK-DATE") is None:
                continue
            when = exact or when
            title = str(entry.get("summary", "")).strip() or "(untitled)"
            categories = _categories(entry)
            kind = next((c for c in categories if c in KINDS), "other")
            tags = tuple(c for c in categories if c != kind)
            description = str(entry.get("description", "")).replace("\r\n", "\n")
            found = _RWPK_UID.match(uid) if ours else None
            ident = found["id"] if found else None
            key = f"rwpk:{ident}" if ident else (f"ics:{uid}" if uid else "")
            people = _people(description) if ours else _attendees(entry)
            summary = _summary(description) if ours else (description.strip() or None)
            place = str(entry.get("location", "")).strip() or None
            url = str(entry.get("url", "")).strip() or None
            cited = (Cited(f"ics-{short_hash(url, 4)}", url=url),) if url and not ours else ()
            events.append(Incoming(key, line, when, kind, title, people, place, tags, cited, summary, id=ident))
    problems += found_problems.found
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line))
    return Reading(events, skipped)


def _zone(name: str) -> tzinfo | None:
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _categories(entry: Any) -> list[str]:
    found = entry.get("categories")
    if found is None:
        return []
    items = found if isinstance(found, list) else [found]
    return [str(c).strip() for item in items for c in getattr(item, "cats", [item]) if str(c).strip()]


def _attendees(entry: Any) -> tuple[Person, ...]:
    found = entry.get("attendee")
    if found is None:
        return ()
    items = found if isinstance(found, list) else [found]
    people = []
    for item in items:
        name = str(getattr(item, "params", {}).get("CN", "")).strip() or str(item).removeprefix("mailto:").strip()
        if name:
            people.append(Person(name, free=True))
    return tuple(people)
