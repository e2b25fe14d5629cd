"""iCalendar (RFC 5545) through the icalendar library: one all-day VEVENT per event.

Each event spans its whole interval (DTEND is exclusive, so the day after the last day). The UID is
derived from the log's title and the event id, so re-importing updates events instead of copying
them. ``X-RWPK-DATE`` (an extension property, which calendars ignore) keeps the date at its precision
("1962-07", "2025-W04") for ``rwpk import``. DTSTAMP honours SOURCE_DATE_EPOCH for reproducible output.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as VEvent
from icalendar.prop import vText

from .. import __version__
from ..dates.span import MAX_DAY
from ..log.model import Log
from ..views.rows import EventRow
from .docs import EventsDoc
from .safe import shown, web_url

# Controls have no place in a calendar; tab and newline are kept (newline is escaped as \n).
# U+FEFF goes too: calendar readers (icalendar among them) drop it from the start of a value.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")


def _escape(text: str) -> str:
    """RFC 5545 TEXT escaping, done here because icalendar turns a literal backslash-N into a newline."""
    clean = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return clean.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


class _Text(vText):
    """A TEXT value that icalendar writes with correct escaping."""

    def to_ical(self) -> bytes:
        return _escape(str(self)).encode("utf-8")


class _TextList(vText):
    """A comma-separated list of TEXT values (CATEGORIES), each escaped correctly."""

    items: list[str]

    def __new__(cls, items: Iterable[str]) -> _TextList:
        values = list(items)
        self = super().__new__(cls, ",".join(values))
        self.items = values
        return self

    def to_ical(self) -> bytes:
        return ",".join(_escape(item) for item in self.items).encode("utf-8")


def _stamp() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch.strip()), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


def uid_for(log: Log, event_id: str) -> str:
    """A stable UID: the event id and a short hash of the log's title."""
    digest = hashlib.sha256(log.title.encode("utf-8")).hexdigest()[:12]
    return f"{event_id}.{digest}@rwpk"


def description(log: Log, row: EventRow) -> str:
    """The plain-text body: the date as sources gave it, people with titles, summary, sources."""
    event = row.event
    lines = [f"Date: {event.when.label}" + (f" (source: {shown(event.date_text)})" if event.date_text else "")]
    if row.participants:
        lines.append("Participants:")
        lines += [f"- {shown(p.label)}" for p in row.participants]
    if event.summary:
        lines += ["", shown(event.summary)]
    cited = [log.sources[i] for i in event.sources if i in log.sources]
    if cited:
        lines += ["", "Sources:"]
        lines += [f"- {shown(s.label)}" + (f" <{url}>" if (url := web_url(s.url)) else "") for s in cited]
    return "\n".join(lines)


def timeline(doc: EventsDoc) -> str:
    """A VCALENDAR with one all-day VEVENT per event, CRLF line endings."""
    calendar = Calendar()
    calendar.add("prodid", f"-//rwpk//rwpk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _Text(shown(doc.heading)), encode=False)
    stamp = _stamp()
    for row in doc.rows:
        event, when = row.event, row.event.when
        first = when.end if when.open_start else when.start
        last = when.start if when.open_end else when.end
        entry = VEvent()
        entry.add("uid", uid_for(doc.log, event.id))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", first)
        entry.add("dtend", last + timedelta(days=1) if last < MAX_DAY else last)
        entry.add("summary", _Text(shown(event.title)), encode=False)
        if event.place:
            entry.add("location", _Text(shown(event.place)), encode=False)
        entry.add("description", _Text(description(doc.log, row)), encode=False)
        entry.add("categories", _TextList([event.kind.value, *map(shown, event.tags)]), encode=False)
        entry.add("x-rwpk-date", _Text(when.canonical), encode=False)  # the date at its precision, for re-import
        calendar.add_component(entry)
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


meetings = export = timeline
