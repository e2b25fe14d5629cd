"""From a TOML file to a validated :class:`~rwpk_cli.model.Log`, or every problem with its FILE:LINE."""

from __future__ import annotations

import gc
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import LogError, Problem
from .logfile import LogLocation, read_text
from .model import Log
from .tomllines import EventLines, FastLineIndex
from .validate import Validator

_HUGE_NUMBER = re.compile(r"\d{4300,}")
_HEADER_REST = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\n|$)")
CHUNK_EVENTS = 4096  # events parsed at a time in a large log
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector while a log becomes objects. Those objects hold no cycles, so
    nothing is left uncollected, and the collector would otherwise rescan every one of them again
    and again as their number grows: a fifth of the time on a 100,000-event log."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_log(text: str, display: str) -> Log:
    """Parse and validate log text; raises LogError listing every problem found."""
    with paused_gc():
        return _parse_log(text, display)


def _parse_log(text: str, display: str) -> Log:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        empty = "the log is empty; add an event (rwpk add) or check that this is the right file"
        raise LogError([Problem(display, 1, empty)])
    in_chunks = _parse_in_chunks(text, display)
    if in_chunks is not None:
        return in_chunks
    data = _parse_whole(text, display)
    fast = FastLineIndex(text)
    events = data.get("event")
    if not isinstance(events, list) or fast.counts.get("event", 0) == len(events):
        try:
            return Validator(display, text, fast).build(data)
        except LogError:
            pass  # report with the exact scanner, which follows strings and brackets
    return Validator(display, text).build(data)


def _parse_whole(text: str, display: str) -> dict[str, Any]:
    """The TOML data of the whole text, or LogError naming the line of a syntax error."""
    try:
        return parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _TOML_POSITION.search(message)
        line = int(where["line"]) if where else 1
        column = int(where["column"]) if where else None
        reason = _TOML_POSITION.sub("", message)
        problem = Problem(display, line, f"invalid TOML: {reason}; fix the syntax on this line", column)
        raise LogError([problem]) from None
    except RecursionError:
        raise LogError([Problem(display, 1, "invalid TOML: nested too deeply to read")]) from None
    except ValueError as error:  # tomllib raises this outside TOMLDecodeError, for huge integers
        huge = _HUGE_NUMBER.search(text)
        if huge is None:
            raise LogError([Problem(display, 1, f"invalid TOML: {error}")]) from None
        line = text.count("\n", 0, huge.start()) + 1
        message = f"invalid TOML: a number with {len(huge.group())} digits is too long to read; shorten it"
        raise LogError([Problem(display, line, message)]) from None


def _event_headers(text: str) -> list[int]:
    """The offsets of the lines that are exactly an ``[[event]]`` header (and maybe a comment)."""
    starts = [0] if text.startswith("[[event]]") and _HEADER_REST.match(text, 9) else []
    hit = text.find("\n[[event]]")
    while hit >= 0:
        if _HEADER_REST.match(text, hit + 10):
            starts.append(hit + 1)
        hit = text.find("\n[[event]]", hit + 10)
    return starts


def _parse_in_chunks(text: str, display: str) -> Log | None:
    """A large log parsed a few thousand events at a time, so that the whole TOML tree is never in
    memory at once: the declarations before the first ``[[event]]``, then chunks that each begin at
    an ``[[event]]`` line. None when the log is small, is laid out otherwise (tables other than
    events and trades after the first event), or has any problem: the whole text is then parsed
    in one piece, which reports every problem exactly."""
    starts = _event_headers(text)
    if len(starts) <= CHUNK_EVENTS:
        return None
    prelude = text[: starts[0]]
    try:
        head = parse_toml(prelude)
        if "event" in head:
            return None
        validator = Validator(display, prelude, FastLineIndex(prelude))
        title, actors, sources = validator.declarations(head)
        trades = validator.trades(head, sources)
        line = prelude.count("\n") + 1
        for first in range(0, len(starts), CHUNK_EVENTS):
            heads = starts[first : first + CHUNK_EVENTS]
            begin, end = heads[0], starts[first + CHUNK_EVENTS] if first + CHUNK_EVENTS < len(starts) else len(text)
            chunk = text[begin:end]
            data = parse_toml(chunk)
            only_events = text.count("\n[", begin, end) == len(heads) - 1
            lines: EventLines | FastLineIndex = (
                EventLines(text, heads, end, line) if only_events else FastLineIndex(chunk, first_line=line)
            )
            if set(data) - {"event", "trade"} or lines.counts.get("event", 0) != len(data.get("event", ())):
                return None
            validator.lines = lines
            validator.add_events(data, actors, sources)
            trades += validator.trades(data, sources)
            line += chunk.count("\n")
        if validator.problems:
            return None
        return validator.finish(title, actors, sources, trades)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError, LogError):
        return None


def parse_toml(text: str) -> dict[str, Any]:
    """TOML to data: with rtoml when it is installed (about five times faster on large logs), and
    with tomllib whenever rtoml objects, so that every syntax error has tomllib's line and column."""
    try:
        import rtoml
    except ImportError:
        return tomllib.loads(text)
    try:
        data: dict[str, Any] = rtoml.loads(text)
    except ValueError:  # rtoml.TomlParsingError, and integers beyond 64 bits; tomllib has the final word
        return tomllib.loads(text)
    return data


def load_log(location: LogLocation) -> Log:
    """Read and validate the log at ``location``."""
    return parse_log(read_text(location), location.display)
