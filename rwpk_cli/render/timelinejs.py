"""Knight Lab TimelineJS3 JSON: a title slide and one slide per event, ready to host.

TimelineJS shows headline and text as HTML, so every piece of user text is HTML-escaped here,
and only http and https URLs become links.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from ..log.model import Log
from ..views.rows import EventRow
from .docs import EventsDoc
from .safe import is_web_url


def _html_text(log: Log, row: EventRow) -> str:
    event = row.event
    parts = []
    if row.participants:
        people = "".join(f"<li>{escape(p.label)}</li>" for p in row.participants)
        parts.append(f"<ul>{people}</ul>")
    if event.place:
        parts.append(f"<p>{escape(event.place)}</p>")
    if event.summary:
        parts.append(f"<p>{escape(event.summary)}</p>")
    cited = [log.sources[i] for i in event.sources if i in log.sources]
    if cited:
        links = ", ".join(
            f'<a href="{escape(s.url)}" rel="noopener noreferrer">{escape(s.label)}</a>'
            if s.url and is_web_url(s.url)
            else escape(s.label)
            for s in cited
        )
        parts.append(f"<p>Sources: {links}</p>")
    return "".join(parts)


def slide(log: Log, row: EventRow) -> dict[str, Any]:
    """One TimelineJS event slide."""
    event = row.event
    start, end = event.when.known_parts()
    item: dict[str, Any] = {"start_date": start or end}
    if end is not None and start is not None:
        item["end_date"] = end
    item.update(
        display_date=event.when.label,
        text={"headline": escape(event.title), "text": _html_text(log, row)},
        group=event.kind.value,
        unique_id=event.id,
    )
    return item


def timeline(doc: EventsDoc) -> str:
    """The whole TimelineJS document."""
    summary = ", ".join(doc.summary())
    document = {
        "title": {"text": {"headline": escape(doc.heading), "text": f"<p>{escape(summary)}</p>"}},
        "events": [slide(doc.log, row) for row in doc.rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


meetings = export = timeline
