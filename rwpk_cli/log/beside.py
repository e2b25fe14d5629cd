"""Writing a large log's cache on two cores: a forked child encodes the later half of its events
and counts the rows kept per actor, from its copy of the same Log, while the parent encodes and
writes the first half.

The child counts the kept rows first, then sends its rows in batches, in order; the parent writes
each batch as it comes. Should the child fail at any point, the parent encodes or counts whatever
did not come whole, so the cache is the one a single core writes, byte for byte (a test compares them).
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from . import halves
from .model import Event, Log
from .store import Keeper, Rows

#: A log of at least this many events is written on two cores.
APART = 8192
_BATCH = 8192  # rows sent at a time

Encode = Callable[[Sequence[Event]], Iterable[tuple[Any, ...]]]


class Written(NamedTuple):
    """What the cache writer reads: the rows of every event, in order, then the rows kept per actor."""

    events: Iterable[tuple[Any, ...]]
    kept: Callable[[], Rows]


@contextlib.contextmanager
def written_beside(log: Log, keeper: Keeper, encode: Encode) -> Iterator[Written]:
    """The rows to write for ``log``: from two cores when it is large and the system allows it."""
    events = log.events
    if len(events) < APART or not halves.may_fork():
        yield Written(encode(events), lambda: keeper.rows(log))
        return
    # The child first counts the kept rows, which takes longer than the meta the parent makes meanwhile.
    half = len(events) * 3 // 4

    def later(send: Callable[[Any], None]) -> None:
        send(keeper.rows(log))  # first: the parent reads nothing until its own half is written
        rows = iter(encode(events[half:]))
        while batch := list(itertools.islice(rows, _BATCH)):
            send(batch)

    with halves.forked_sending(later) as child:
        if child is None:
            yield Written(encode(events), lambda: keeper.rows(log))
            return
        kept: list[Rows] = []

        def all_rows() -> Iterator[tuple[Any, ...]]:
            yield from encode(events[:half])
            received = child.received()
            kept.extend(itertools.islice(received, 1))
            count = half
            for batch in received:
                count += len(batch)
                yield from batch
            yield from encode(events[count:])  # what a child that failed did not send

        yield Written(all_rows(), lambda: kept[0] if kept else keeper.rows(log))
