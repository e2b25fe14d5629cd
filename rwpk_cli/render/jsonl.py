"""JSON Lines: one event object per line, for streaming into other tools."""

from __future__ import annotations

from .docs import EventsDoc
from .jsonout import EventWriter

#: Characters that Python's str.splitlines() and other readers take for line breaks: escaped, so a
#: record stays one line whatever its text holds (the JSON reads back the same).
_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085", "\x0b": "\\u000b",
                         "\x0c": "\\u000c", "\x1c": "\\u001c", "\x1d": "\\u001d", "\x1e": "\\u001e"})  # fmt: skip


def timeline(doc: EventsDoc) -> str:
    """Each event as one compact JSON object on its own line."""
    write = EventWriter().json
    return "".join(write(row).translate(_BREAKS) + "\n" for row in doc.rows)


meetings = export = timeline
