"""Checking a large log on two cores: the later half of its chunks in a forked process.

The parent checks the first half while a child, forked after the declarations were read, checks the
second with a copy of the same state, then sends what it added (``check.log.Part``) back through a
pipe, pickled (values made by this package only; nothing read from elsewhere is unpickled). The
parent merges it only when the two halves could not have affected each other, and otherwise the log
is checked again on one core, so the result, the problems and their order never depend on it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable, Iterator
from typing import Any

_MIN_CHUNKS = 2  # a log of fewer chunks is checked on one core


def split_at(chunks: int) -> int:
    """How many of a log's chunks the parent checks, the child the rest; 0 for one process (too
    few chunks, one core, no fork, or ``RWPK_JOBS=1``)."""
    if chunks < _MIN_CHUNKS or not may_fork():
        return 0
    return (chunks * 11 + 19) // 20  # the child also pickles its part, which takes longer than reading it


def may_fork() -> bool:
    """Whether work may go to a second core: the system forks, has two cores, and ``RWPK_JOBS`` is not 1."""
    return hasattr(os, "fork") and os.environ.get("RWPK_JOBS", "").strip() != "1" and (os.cpu_count() or 1) >= 2


class Forked:
    """A forked child's work: its result, read once, or discarded."""

    def __init__(self, pid: int, descriptor: int) -> None:
        self._pid, self._descriptor = pid, descriptor
        self._ended_well = False

    def result(self) -> Any | None:
        """What the child's work returned; None when it failed or sent nothing whole."""
        found = list(self.received())
        return found[0] if len(found) == 1 and self._ended_well else None

    def received(self) -> Iterator[Any]:
        """Each value the child sent (``forked_sending``), as it comes, until the child ends or
        fails. A value is given only when it came whole."""
        try:
            with os.fdopen(self._descriptor, "rb", buffering=1 << 20) as stream:
                self._descriptor = -1
                while True:
                    yield pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            pass
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        self._ended_well = os.waitstatus_to_exitcode(status) == 0

    def discard(self) -> None:
        """Stop the child, if it still runs, and reap it."""
        if self._descriptor >= 0:
            os.close(self._descriptor)
            self._descriptor = -1
        if self._pid:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = 0


def forked(work: Callable[[], Any]) -> contextlib.AbstractContextManager[Forked | None]:
    """Run ``work`` in a forked child, whose result is ``Forked.result``; see ``forked_sending``."""
    return forked_sending(lambda send: send(work()))


@contextlib.contextmanager
def forked_sending(work: Callable[[Callable[[Any], None]], None]) -> Iterator[Forked | None]:
    """Run ``work(send)`` in a forked child, which sends values to the parent as it goes; yields None
    when the system cannot fork. The child is always reaped: leaving the block before reading all it
    sent (an error, Ctrl-C) stops it."""
    child = _fork(work)
    try:
        yield child
    finally:
        if child is not None:
            child.discard()


def _fork(work: Callable[[Callable[[Any], None]], None]) -> Forked | None:
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the child: do the work, send it, and leave without running the parent's exit code
        code = 1
        try:
            os.close(reading)
            with os.fdopen(writing, "wb", buffering=1 << 20) as stream:
                work(lambda value: pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        except BaseException:
            pass
        finally:
            os._exit(code)
    os.close(writing)
    return Forked(pid, reading)
