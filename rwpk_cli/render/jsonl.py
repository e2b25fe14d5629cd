"""JSON Lines: one event object per line, for streaming into other tools."""

from __future__ import annotations

import json

from .docs import EventsDoc
from .jsonout import event_object


def timeline(doc: EventsDoc) -> str:
    """Each event as one compact JSON object on its own line."""
    return "".join(json.dumps(event_object(row), ensure_ascii=False) + "\n" for row in doc.rows)


meetings = export = timeline
