"""What every reader gives back: the records of a file, in the log's terms, with where each came from.

A reader knows one file format and nothing of the log it is imported into. It gives each record
as an :class:`Incoming` event (or a :class:`Tenure`), keyed by ``imported`` (where it came from,
e.g. ``"icews:12345678"``), so that importing the same file again finds it in the log. Rows it
leaves out on purpose are counted by reason in ``skipped``; rows it cannot read are problems, all
reported together, and then nothing is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from ..errors import InputError, Problem


class Person(NamedTuple):
    """A participant as the file names them. rwpk's own exports also give the actor's id, country
    and title at the time; a dataset gives a name and a country."""

    name: str
    id: str | None = None
    country: str | None = None
    title: str | None = None
    type: str | None = None  # "organization" for a dataset's sectors and states
    free: bool = False  # a name as a hand-kept log writes it: an actor only if the log knows it
    title_certain: bool = True  # False: the title was held on some of the event's days, maybe not all


class Cited(NamedTuple):
    """A source a record cites: an id the file gives, or one made from its url or story."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


class Incoming(NamedTuple):
    """One event read from a file, ready to become an ``[[event]]`` table."""

    imported: str
    line: int
    date: str
    kind: str
    title: str
    people: tuple[Person, ...] = ()
    place: str | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[Cited, ...] = ()
    summary: str | None = None
    date_text: str | None = None
    as_of: str | None = None
    id: str | None = None
    note: str | None = None  # written as a comment above the event: the sentence a draft read it from
    planned: bool = False  # what the source says will happen


class Tenure(NamedTuple):
    """A position someone held, read from a tenures file (Wikidata, WhoGov)."""

    imported: str
    line: int
    name: str
    title: str
    country: str | None = None
    since: str | None = None
    until: str | None = None
    wikidata: str | None = None  # the person's Q-id, when the file gives it


class Reading(NamedTuple):
    """What a reader found: the records, and how many rows it skipped for each reason."""

    events: list[Incoming]
    skipped: Counter[str]
    tenures: Sequence[Tenure] = ()
    notes: tuple[str, ...] = ()  # what the reader decided about the file, told to the user


def short_hash(text: str, size: int = 8) -> str:
    """A stable hexadecimal digest of ``text`` (Python's ``hash`` changes from run to run)."""
    from hashlib import blake2b

    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=size).hexdigest()


class Problems:
    """The problems of one file, collected row by row and raised together."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.found: list[Problem] = []

    def add(self, line: int, message: str, column: int | None = None) -> None:
        self.found.append(Problem(self.display, line, message, column))

    def raise_any(self) -> None:
        """InputError (exit 65) with every problem, in line order, when there is any."""
        if self.found:
            raise InputError(sorted(self.found, key=lambda p: p.line))
