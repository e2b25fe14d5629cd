"""JSON for scripts; the field names are a contract and stay stable."""

from __future__ import annotations

import json
from typing import Any

from ..dates import DateSpan
from ..query import EventRow
from .docs import ActorsDoc, EventsDoc


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
            {"id": p.id, "name": p.name, "country": p.country, "title": p.title} for p in row.participants
        ],
        "tags": list(event.tags),
        "sources": list(event.sources),
        "summary": event.summary,
    }


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def timeline(doc: EventsDoc) -> str:
    """An array of events."""
    return _dump([event_object(row) for row in doc.rows])


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
                "first": s.first.isoformat() if s.first else None,
                "last": s.last.isoformat() if s.last else None,
                "counterparts": [name for name, _ in s.counterparts],
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
