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

_INCLUDE_KEY = re.compile(rb"[ \t]*include[ \t]*=")
#: The first byte that an empty log (a BOM and white space) cannot hold: found without copying a byte.
_NOT_BLANK = re.compile(rb"[^\xef\xbb\xbf \t\r\n]")


def may_include(data: bytes) -> bool:
    """Whether a line of the log starts with an ``include =`` key."""
    at = data.find(b"include")
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        if _INCLUDE_KEY.match(data, start) and not data[start:at].strip(b" \t"):
            return True
        at = data.find(b"include", at + 7)
    return False


class Shape(NamedTuple):
    """A file's bytes as appended text sees them."""

    size: int  # bytes
    lines: int  # newlines in the file
    crlf: bool  # whether a line ends with \r\n
    ending: bytes  # the file's last four bytes
    blank: bool  # nothing but white space (and a BOM)
    event_tables: bool  # an [[event]] header
    mentions_event: bool  # the word event anywhere
    includes: bool  # a line that starts with an include key

    @property
    def events_extend(self) -> bool:
        """Whether an appended ``[[event]]`` table adds to the file's events: it has such tables, or
        nothing that could define ``event`` another way (``event = [...]``)."""
        return self.event_tables or not self.mentions_event

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
            self.event_tables or b"[[event]]" in tail,
            self.mentions_event or b"event" in joined,
            self.includes or may_include(tail),
        )

    def to_json(self) -> str:
        return json.dumps([self.size, self.lines, self.crlf, self.ending.hex(), self.blank, self.event_tables,
                           self.mentions_event, self.includes])  # fmt: skip

    @classmethod
    def from_json(cls, body: str) -> Shape:
        size, lines, crlf, ending, blank, tables, mentions, includes = json.loads(body)
        return cls(int(size), int(lines), bool(crlf), bytes.fromhex(ending), bool(blank), bool(tables), bool(mentions),
                   bool(includes))  # fmt: skip


def shape_of(data: bytes) -> Shape:
    """The shape of a whole file's bytes."""
    return Shape(
        len(data),
        data.count(b"\n"),
        b"\r\n" in data,
        data[-4:],
        _NOT_BLANK.search(data) is None,
        b"[[event]]" in data,
        b"event" in data,
        may_include(data),
    )
