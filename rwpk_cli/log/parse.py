"""From the text of one log file to a validated :class:`~rwpk_cli.log.model.Log`, or every problem
with its FILE:LINE; and the events of text appended to a log whose cache holds the rest."""

from __future__ import annotations

import gc
import re
import tomllib
from collections.abc import Collection, Container, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import LogError, Problem
from . import halves
from .check.log import Part, Validator
from .lines import EventLines, FastLineIndex, LineIndex
from .model import Actor, Event, Log, Source, Trade, in_timeline_order

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
    """Parse and validate the text of one log file; raises LogError listing every problem found."""
    with paused_gc():
        return LogFile(text, display).log()


class Released(Exception):
    """The text given to ``parse_taken`` was released before the halves of the log were merged, and
    they could not be: the caller reads the file again and checks it on one core."""


def parse_taken(texts: list[str], display: str, halves_allowed: bool = True) -> Log:
    """``parse_log`` of the one text in ``texts``, taken out of the list so that nothing else holds
    it: a large log's text (400 MB at a million events) is then released once the second half of its
    chunks is checked, before the half checked by a forked child is read back beside it. Raises
    ``Released`` when the halves then cannot be merged; ``halves_allowed=False`` checks on one core."""
    with paused_gc():
        file = LogFile(texts.pop(), display)
        file.releasable, file.halves_allowed = True, halves_allowed
        return file.log()


class LogFile:
    """One log file on its way to a Log, in two steps: what it declares (title, includes, actors,
    sources), read first so that a collection of files can pool its declarations, then its events
    and trades, checked against the pooled declarations.

    A large file is read a chunk of events at a time, so that its whole TOML tree is never in
    memory at once: the declarations before the first ``[[event]]``, then chunks that each begin
    at an ``[[event]]`` line. Anything unusual (a problem, tables other than events and trades
    after the first event, a split that does not parse) falls back to one whole parse, which
    reports every problem exactly.
    """

    def __init__(self, text: str, display: str, included: bool = False, first_line: int = 1) -> None:
        """``first_line``: the line of the file that ``text`` starts on, for a block appended to a
        file; such a text is read whole, and any problem in it raises LogError without its line."""
        text = text.removeprefix("\ufeff")
        if not text.strip():
            empty = "the log is empty; add an event (rwpk add) or check that this is the right file"
            raise LogError([Problem(display, 1, empty)])
        self.text, self.display, self._included = text, display, included
        self._data: dict[str, Any] | None = None
        self._declared = ""
        self._late: frozenset[str] = frozenset()
        self._first_line = first_line
        self.releasable = False  # see parse_taken
        self.halves_allowed = True
        self._starts = _event_headers(text)
        head = self._prelude() if len(self._starts) > CHUNK_EVENTS and first_line == 1 else None
        if head is None:
            self._starts = []
            head = self._data = _parse_whole(text, display)
            self._fast = FastLineIndex(text, first_line)
            self._validator = Validator(display, text, self._fast, included)
        else:
            self._validator = Validator(display, text, FastLineIndex(self._declared), included)
        self._head = head
        self.title, self.actors, self.sources = self._validator.declarations(head)
        self.includes = self._validator.includes

    def _prelude(self) -> dict[str, Any] | None:
        """The file's declarations: those before the first event, and any table other than an event
        or a trade after it (an import appends actors and sources), read from a text that keeps only
        them, each on its own lines, so that every line number is the file's."""
        text, first = self.text, self._starts[0]
        self._declared = text[:first]
        others = text.count("\n[", first) - (len(self._starts) - 1) - text.count("\n[[trade]]", first)
        if others:
            self._declared = _with_late_declarations(text, first)
            self._late = frozenset({"actor", "source"})
        try:
            head = parse_toml(self._declared)
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            return None
        return None if "event" in head else head

    def log(
        self, actors: Mapping[str, Actor] | None = None, sources: Mapping[str, Source] | None = None,
        taken: Container[str] = frozenset(),
    ) -> Log:  # fmt: skip
        """The file's Log: its own declarations, with its events and trades checked against
        ``actors`` and ``sources`` (by default, its own); ``taken``: event ids used elsewhere (by
        the log this text is appended to)."""
        actors = self.actors if actors is None else actors
        sources = self.sources if sources is None else sources
        self._validator.taken(taken)
        if self._starts:
            in_chunks = self._in_chunks(actors, sources)
            if in_chunks is not None:
                return in_chunks
            if not self.text:
                raise Released
            self._data = _parse_whole(self.text, self.display)
            self._fast = FastLineIndex(self.text)
        data = self._data
        assert data is not None
        events = data.get("event")
        if not isinstance(events, list) or self._fast.counts.get("event", 0) == len(events):
            try:
                quick = Validator(self.display, self.text, self._fast, self._included)
                quick.taken(taken)
                return quick.build(data, actors, sources)
            except LogError:
                if self._first_line != 1:
                    raise  # the exact scanner numbers lines from the text's start
                # otherwise, report with the exact scanner, which follows strings and brackets
        exact = Validator(self.display, self.text, None, self._included)
        exact.taken(taken)
        return exact.build(data, actors, sources)

    def _in_chunks(self, actors: Mapping[str, Actor], sources: Mapping[str, Source]) -> Log | None:
        starts, validator = self._starts, self._validator
        try:
            trades = validator.trades(self._head, sources)
            firsts = list(range(0, len(starts), CHUNK_EVENTS))
            half = halves.split_at(len(firsts)) if self.halves_allowed else 0
            if half:
                mark = validator.mark()

                def later() -> Part | None:
                    return validator.part_since(mark) if self._chunks(firsts[half:], actors, sources) else None

                with halves.forked(later) as child:
                    if child is not None:
                        if not self._chunks(firsts[:half], actors, sources):
                            return None
                        if self.releasable:  # nothing reads the text unless the halves cannot be merged
                            self.text = ""
                            self._validator.release_text()
                        part = child.result()
                        if not isinstance(part, Part) or not validator.absorb(part):
                            return None
                        return self._finished(trades)
            if not self._chunks(firsts, actors, sources):
                return None
            return self._finished(trades)
        except (tomllib.TOMLDecodeError, ValueError, RecursionError, LogError):
            return None

    def _finished(self, trades: list[Trade]) -> Log | None:
        validator = self._validator
        if validator.problems:
            return None
        return validator.finish(self.title, self.actors, self.sources, trades + validator.chunk_trades)

    def _chunks(self, firsts: Sequence[int], actors: Mapping[str, Actor], sources: Mapping[str, Source]) -> bool:
        """Check the chunks of events that begin at these indexes of ``_starts``; False when they
        need the whole parse (a table other than events or trades, a chunk its index misreads)."""
        text, starts, validator = self.text, self._starts, self._validator
        if not firsts:
            return True
        line = text.count("\n", 0, starts[firsts[0]]) + 1
        for first in firsts:
            heads = starts[first : first + CHUNK_EVENTS]
            begin = heads[0]
            end = starts[first + CHUNK_EVENTS] if first + CHUNK_EVENTS < len(starts) else len(text)
            chunk = text[begin:end]
            data = parse_toml(chunk)
            only_events = text.count("\n[", begin, end) == len(heads) - 1
            lines: EventLines | FastLineIndex = (
                EventLines(text, heads, end, line) if only_events else FastLineIndex(chunk, first_line=line)
            )
            # the declarations among the events were read with the prelude
            others = set(data) - {"event", "trade", *self._late}
            if others or lines.counts.get("event", 0) != len(data.get("event", ())):
                return False
            validator.lines = lines
            validator.add_events(data, actors, sources)
            validator.chunk_trades += validator.trades(data, sources)
            line += chunk.count("\n")
        return True


def _with_late_declarations(text: str, first: int) -> str:
    """The text before the first event, then each table after it that is not an event or a trade
    (from its header to the next header), every other line left blank so that lines keep their
    numbers. A header inside a multi-line value ends a table early; the parse of the result, or of
    the chunks, then fails and the whole file is parsed instead."""
    parts = [text[:first]]
    kept_to = first
    at = text.find("\n[", first - 1 if first else 0)
    while at >= 0:
        start = at + 1
        following = text.find("\n[", start)
        if not text.startswith(("[[event]]", "[[trade]]"), start):
            end = len(text) if following < 0 else following + 1
            parts.append("\n" * text.count("\n", kept_to, start))
            parts.append(text[start:end])
            kept_to = end
        at = following
    return "".join(parts)


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
        hint = "fix the syntax on this line"
        if "at end of document" in message and (unclosed := LineIndex(text).unclosed) is not None:
            opening = text.splitlines()[unclosed - 1] if unclosed <= len(text.splitlines()) else ""
            quotes = (
                "'''"
                if opening.find("'''") != -1
                and (opening.find('"""') == -1 or opening.find("'''") < opening.find('"""'))
                else '"""'
            )
            line, column, hint = (
                unclosed,
                None,
                f"the multi-line string that starts here is never closed; end it with {quotes}",
            )
        problem = Problem(display, line, f"invalid TOML: {reason}; {hint}", column)
        raise LogError([problem]) from None
    except RecursionError:
        line = LineIndex(text).deep or 1
        raise LogError(
            [Problem(display, line, "invalid TOML: nested too deeply to read; flatten this value")]
        ) from None
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


def appended_events(prefix: bytes, tail: bytes, header: Log, existing_ids: Container[str]) -> list[Event] | None:
    """The validated events of ``tail``, text appended to a log of ``prefix`` bytes whose declarations
    are ``header``'s, with their lines in the whole file; None when the tail holds anything but new
    events (or a problem), which changes what older events mean: the caller parses it all. The
    caller has made sure that ``[[event]]`` tables extend the prefix's events (``Shape.events_extend``)."""
    text = tail.decode("utf-8")
    data = parse_toml(text)
    if set(data) != {"event"} or not isinstance(data["event"], list):
        return None
    lines = FastLineIndex(text, first_line=prefix.count(b"\n") + 1)
    if lines.counts.get("event", 0) != len(data["event"]):
        return None
    return Validator(header.path, text, lines).appended_events(data, header, existing_ids)


def appended_records(prefix: str, tail: str, header: Log, existing_ids: Container[str]) -> Log | None:
    """The whole Log of a log (``header``, read from ``prefix``) with ``tail`` appended, when the tail
    holds only new actors, sources and events: those are checked as a full parse checks them, against
    the old declarations and their own, and the old events kept as they were read. The tail is read
    as a file of its own, in chunks when it is large, with its lines numbered as in the whole file.
    None when that cannot give what a full parse would (a problem, a declaration or an id already
    taken, a warning, or a new actor that a name in an old event might now mean): the caller parses
    it all."""
    from .keys import defined_otherwise

    declared = _top_tables(tail)
    names = {p.name for e in header.events for p in e.participants if p.actor_id is None} if "actor" in declared else ()
    extendable = frozenset(name for name in declared & {"event", "actor", "source"}
                           if not defined_otherwise(prefix, name))  # fmt: skip
    return records_after(prefix.count("\n"), extendable, tail, header, existing_ids, names)


def records_after(
    lines: int, extendable: Collection[str], tail: str, header: Log, existing_ids: Container[str],
    free_names: Collection[str] | None,
) -> Log | None:  # fmt: skip
    """``appended_records`` for a prefix known only by its number of ``lines``, the names (event,
    actor, source) whose tables appended to it add to its own (``extendable``: see ``keys``), and
    the names of its free-text participants (None when unknown: a tail that declares actors then
    needs a full parse). The Log returned holds ``header.events`` and the new events."""
    if not _top_tables(tail) <= set(extendable):
        return None  # the old text may define a name otherwise (event = [...]), which the tail cannot extend
    try:
        if tail.count("[[event]]") > CHUNK_EVENTS:  # read in chunks: each line where the whole file has it
            part = LogFile("\n" * lines + tail, header.path)
        else:
            part = LogFile(tail, header.path, first_line=lines + 1)
    except LogError:
        return None
    data_keys = _top_tables(tail)
    if not data_keys <= {"event", "actor", "source"} or part.includes:
        return None
    actors, sources = part.actors, part.sources
    if part._validator.problems or part._validator.reader.warnings:
        return None
    if actors.keys() & header.actors or sources.keys() & header.sources:
        return None
    if actors and (free_names is None or _may_mean_a_new_actor(free_names, actors)):
        return None
    merged = header._replace(actors={**header.actors, **actors}, sources={**header.sources, **sources})
    try:
        found = part.log(merged.actors, merged.sources, existing_ids)
    except LogError:
        return None
    if found.warnings or found.trades or len({e.id for e in found.events}) != len(found.events):
        return None
    return merged._replace(events=tuple(in_timeline_order((*header.events, *found.events))))


def _top_tables(text: str) -> set[str]:
    """The top-level tables that a block's header lines name (``[[event]]``, ``[source.x]``)."""
    return {m.group(1) for m in re.finditer(r"^\[\[?\s*([A-Za-z0-9_-]+)", text, re.MULTILINE)}


def _may_mean_a_new_actor(names: Collection[str], actors: Mapping[str, Actor]) -> bool:
    """Whether a free-text participant of an old event fits one of the new actors, so that a full parse
    would now read it as that actor (or as ambiguous)."""
    from .names import NameIndex

    index = NameIndex(actors.values())
    return any(index.candidates(name) for name in names)
