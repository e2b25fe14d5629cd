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
from datetime import date, datetime, timedelta
from typing import Any

from ..errors import InputError, Problem
from .contract import KINDS, checked_date
from .input import Input
from .records import Cited, Incoming, Person, Problems, Reading, short_hash

_BEGIN_EVENT = re.compile(r"^BEGIN:VEVENT\r?$", re.MULTILINE | re.IGNORECASE)
_RWPK_UID = re.compile(r"^(?P<id>.+)\.[0-9a-f]{12}@rwpk$")
_PERSON = re.compile(r"^- (?P<name>.+?)(?: \((?P<country>[A-Z0-9]{2,3})\))?(?:, (?P<title>.+?))?\??$")


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _people(description: str) -> tuple[Person, ...]:
    """The participants an rwpk description lists, "- Name (CC), Title" each."""
    if "\nParticipants:\n" not in f"\n{description}":
        return ()
    block = f"\n{description}".split("\nParticipants:\n", 1)[1].split("\n\n", 1)[0]
    people = []
    for line in block.split("\n"):
        found = _PERSON.match(line)
        if found:
            people.append(
                Person(
                    found["name"],
                    country=found["country"],
                    title=found["title"],
                    free=not (found["country"] or found["title"]),
                )
            )
    return tuple(people)


def _summary(description: str) -> str | None:
    """An rwpk description's summary: the paragraph after the date and participants, before the sources."""
    parts = description.split("\n\n")
    body = [p for p in parts[1:] if not p.startswith("Sources:")]
    return "\n\n".join(body) or None


def read(source: Input) -> Reading:
    from icalendar import Calendar

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
        for entry in calendar.walk("VEVENT"):
            uid = str(entry.get("uid", "")).strip()
            at = next(starts, -1)
            line = source.text.count("\n", 0, at) + 1 if at >= 0 else 1
            if entry.get("rrule") is not None:
                skipped["recurring events"] += 1
                continue
            if str(entry.get("status", "")).upper() == "CANCELLED":
                skipped["cancelled events"] += 1
                continue
            start = _day(entry.decoded("dtstart")) if entry.get("dtstart") is not None else None
            if start is None:
                problems.append(
                    Problem(source.display, line, f"event {uid or '(no UID)'} has no DTSTART; give it a date")
                )
                continue
            end = _day(entry.decoded("dtend")) if entry.get("dtend") is not None else None
            all_day = not isinstance(entry.decoded("dtstart"), datetime)
            last = end - timedelta(days=1) if end is not None and all_day and end > start else (end or start)
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
