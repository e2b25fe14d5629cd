"""Event ids: each explicit id used once, derived ids for the rest, and ids unique across files."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from ...errors import LogError, Problem
from ..model import Event
from ..names import fold


def slug(text: str) -> str:
    """Lowercase words joined by hyphens, for a derived id."""
    words = re.findall(r"[0-9a-z]+", fold(text))
    return "-".join(words)[:48].rstrip("-")


class EventIds:
    """The ids of one file's events, claimed as they are checked. ``existing`` are the ids of
    events already loaded when the text being checked was appended to a log."""

    def __init__(self, existing: Container[str] = frozenset()) -> None:
        self.existing = existing
        self.seen: dict[str, int] = {}  # explicit ids, with the line of their first use

    def free(self, ident: str) -> bool:
        """Whether an explicit id is neither used earlier in the file nor taken by a loaded event."""
        return ident not in self.seen and ident not in self.existing

    def with_ids(self, drafts: Sequence[tuple[str | None, Event]]) -> list[Event]:
        """Give events without an id one derived from the date and title, unique in file order."""
        taken = {ident for ident, _ in drafts if ident}
        events = []
        for ident, event in drafts:
            if not ident:
                base = "-".join(p for p in (slug(event.when.canonical), slug(event.title)) if p) or "event"
                ident, n = base, 1
                while ident in taken or ident in self.existing:
                    n += 1
                    ident = f"{base}-{n}"
                taken.add(ident)
                event = event._replace(id=ident)
            events.append(event)
        return events


def check_across_files(ids: Sequence[tuple[str, int, str]]) -> None:
    """Every event's (id, line, file) in a log of several files: an id used in two files is a
    problem (within one file, the file's own check finds it)."""
    first: dict[str, tuple[int, str]] = {}
    problems = []
    for ident, line, file in ids:
        seen = first.setdefault(ident, (line, file))
        if seen != (line, file):
            message = f"event id '{ident}' is also used at {seen[1]}:{seen[0]}; give each event its own id = \"…\""
            problems.append(Problem(file, line, message))
    if problems:
        raise LogError(sorted(problems, key=lambda p: (p.file, p.line)))
