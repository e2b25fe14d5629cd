"""What a log file's bytes look like to text appended after them, found without parsing them.

A file's cache keeps its shape beside its events, since the shape is a function of the bytes the
cache is keyed on: ``rwpk add`` then appends to a large log knowing only its digest. Every test here
works on bytes (``bytes.find`` and ``bytes.count`` over a 400 MB log take a fraction of a second; a
multi-line regular expression would take seconds).
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from .keys import defined_otherwise
from .keys import may_include as may_include  # where the rest of rwpk finds it

#: The first byte that an empty log (a BOM and white space) cannot hold: found without copying a byte.
_NOT_BLANK = re.compile(rb"[^\xef\xbb\xbf \t\r\n]")
#: The names whose tables rwpk's blocks append: a log may let them be extended, or not.
NAMES = ("event", "actor", "source")


class Shape(NamedTuple):
    """A file's bytes as appended text sees them."""

    size: int  # bytes
    lines: int  # newlines in the file
    crlf: bool  # whether a line ends with \r\n
    ending: bytes  # the file's last four bytes
    blank: bool  # nothing but white space (and a BOM)
    #: Whether rwpk's headers for events, actors and sources add to the file's (see ``keys``).
    events_extend: bool
    actors_extend: bool
    sources_extend: bool
    includes: bool  # a line that may set an include key

    @property
    def extendable(self) -> frozenset[str]:
        """The names (event, actor, source) whose tables appended text may add."""
        flags = (self.events_extend, self.actors_extend, self.sources_extend)
        return frozenset(name for name, flag in zip(NAMES, flags, strict=True) if flag)

    def then(self, tail: bytes) -> Shape:
        """The shape of these bytes followed by ``tail``, which starts a line or ends one the file
        left open, as rwpk's appended blocks do."""
        joined = self.ending + tail
        return Shape(
            self.size + len(tail),
            self.lines + tail.count(b"\n"),
            self.crlf or b"\r\n" in joined,
            joined[-4:],
            self.blank and _NOT_BLANK.search(tail) is None,
            self.events_extend and not defined_otherwise(tail, "event"),
            self.actors_extend and not defined_otherwise(tail, "actor"),
            self.sources_extend and not defined_otherwise(tail, "source"),
            self.includes or may_include(tail),
        )

    def to_json(self) -> str:
        return json.dumps([self.size, self.lines, self.crlf, self.ending.hex(), self.blank, self.events_extend,
                           self.actors_extend, self.sources_extend, self.includes])  # fmt: skip

    @classmethod
    def from_json(cls, body: str) -> Shape:
        size, lines, crlf, ending, blank, events, actors, sources, includes = json.loads(body)
        return cls(int(size), int(lines), bool(crlf), bytes.fromhex(ending), bool(blank), bool(events), bool(actors),
                   bool(sources), bool(includes))  # fmt: skip


def shape_of(data: bytes, includes: bool | None = None) -> Shape:
    """The shape of a whole file's bytes; ``includes``: ``may_include(data)``, when the caller knows it."""
    return Shape(
        len(data),
        data.count(b"\n"),
        b"\r" in data and b"\r\n" in data,  # a byte is found at the speed of memchr, two bytes slower
        data[-4:],
        _NOT_BLANK.search(data) is None,
        not defined_otherwise(data, "event"),
        not defined_otherwise(data, "actor"),
        not defined_otherwise(data, "source"),
        may_include(data) if includes is None else includes,
    )
