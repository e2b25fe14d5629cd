"""JSON Lines: one event object per line, for streaming into other tools."""

from __future__ import annotations

from .docs import EventsDoc
from .jsonout import event_json


def timeline(doc: EventsDoc) -> str:
    """Each event as one compact JSON object on its own line."""
    return "".join(event_json(row) + "\n" for row in doc.rows)


meetings = export = timeline
