"""One log file's cache, so that an unchanged file is not parsed again.

The TOML file stays the only source of truth. The cache is a SQLite file per log file under
``$XDG_CACHE_HOME/rwpk/``, keyed on a hash of the file's bytes (and rwpk's version and the
cache's schema), so it can never answer for other content. A corrupt, foreign or outdated cache
is ignored and rebuilt. When the file only grew by appended events (``rwpk add``), ``extend`` adds
the new events, parsed by the caller's function, to the cache. An event is stored as a JSON text
with a checksum of its bytes, beside the columns its indexes need; nothing is ever unpickled. This
module knows one file: ``open.py`` and ``includes.py`` decide which files to cache and what their
events were checked against.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from datetime import date
from json.encoder import encode_basestring as _quote  # a JSON string literal, as json.dumps writes it
from pathlib import Path
from typing import Any

from .. import __version__
from ..dates.span import DateSpan, Precision
from ..dates.span import span_fields as _span
from ..dates.span import span_of_fields as _unspan
from ..errors import DamagedCacheError, Problem, RwpkError
from .kinds import Kind
from .model import Actor, Event, Log, Participant, Role, Source, Trade
from .shape import Shape
from .store import Keeper, LogStore, Rows

try:  # the BLAKE2 that hashlib itself wraps; importing hashlib loads OpenSSL, 5 ms of every run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b

#: What a damaged cache raises as it is read: a missing table or column, a row that does not decode.
_DAMAGE = (sqlite3.Error, ValueError, KeyError, TypeError, IndexError, OverflowError, AttributeError)
_FIRST_DAY, _LAST_DAY = date.min.toordinal(), date.max.toordinal()
LOCK_SECONDS = 10.0  # how long an extension waits for another run's
SCHEMA = "18"  # raised whenever what a cache holds, or how a log is checked, changes
#: From this size on, a log is hashed with OpenSSL's SHA-256, which uses the CPU's SHA instructions:
#: 30 ms for a 40 MB log against BLAKE2's 75 ms, well worth the 5 ms it takes to load.
LARGE_LOG = 1 << 20


def cache_dir() -> Path:
    """Where caches live: $XDG_CACHE_HOME/rwpk, else ~/.cache/rwpk."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rwpk"


def cache_file(source: Path) -> Path:
    """The cache of one log file, named after its absolute path."""
    digest = blake2b(str(source.resolve()).encode("utf-8"), digest_size=16).hexdigest()
    return cache_dir() / f"{digest}.sqlite"


def digest_of(data: bytes) -> str:
    """The hash a cache is keyed on, named with its algorithm: BLAKE2b for a log under ``LARGE_LOG``
    bytes, SHA-256 for a larger one. The algorithm depends on the size alone, so the same bytes
    always give the same digest."""
    if len(data) < LARGE_LOG:
        return "blake2b:" + blake2b(data, digest_size=32).hexdigest()
    import hashlib

    return "sha256:" + hashlib.sha256(data).hexdigest()


# --- encoding --------------------------------------------------------------------------------------


# An event is one JSON array (``body``) of these values, its lists (participants, tags, sources)
# as JSON texts within it, with a checksum of its bytes; beside it, the columns its indexes need.
_FIELDS = ("first, last, id, precision, approximate, uncertain, span_text, open_start, open_end, span_ends, "
           "kind, title, place, people, tags, sources, summary, date_text, line, people_line, file, "
           "imported, planned")  # fmt: skip
_INSERT = "INSERT INTO events (first, last, bucket, id, body, crc) VALUES (?, ?, ?, ?, ?, ?)"
_META_KEYS = ("schema", "version", "digest", "size", "header", "context", "counts", "shape", "ids", "free")
#: Event ids are kept in buckets, by a hash of the id, each with its count and sum of hashes in the
#: checked meta table: a new id is known to be free from one bucket's few rows, read through the
#: index and proved complete by its tally, instead of a scan of every row.
BUCKETS = 4096


def _crc(values: Sequence[Any]) -> int:
    """A checksum of one stored row, as SQLite gives it back (ints, strings, None): every row read is
    checked against it, so a flipped byte in the cache is found instead of answered from."""
    return zlib.crc32(repr(tuple(values)).encode("utf-8", "surrogatepass"))


def _body_crc(body: str) -> int:
    return zlib.crc32(body.encode("utf-8", "surrogatepass"))


_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # the C scanner json.loads ends in


def _parsed(text: str) -> Any:
    """``json.loads(text)`` for the texts rwpk itself wrote (no white space around them): a third
    of the time, for tens of thousands of small texts. ValueError when it is not exactly one value."""
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        raise ValueError("not JSON") from None
    if end != len(text):
        raise ValueError("more than one JSON value")
    return value


def _event_row(stored: Sequence[Any]) -> list[Any]:
    """An event's values from its stored ``(body, crc)``; DamagedCacheError when they differ. Checking
    the body's bytes, and reading them with the C JSON decoder, costs a fraction of checking and
    converting two dozen columns."""
    body, crc = stored
    if not isinstance(body, str) or _body_crc(body) != crc:
        raise DamagedCacheError("a row does not match its checksum")
    row = _parsed(body)
    if not isinstance(row, list) or len(row) != 23:
        raise DamagedCacheError("a row does not hold an event")
    return row


def _checked(row: Sequence[Any]) -> Sequence[Any]:
    """A row read with its checksum last, without the checksum; DamagedCacheError when they differ."""
    if _crc(row[:-1]) != row[-1]:
        raise DamagedCacheError("a row does not match its checksum")
    return row[:-1]


def _bucket(ident: str) -> int:
    return zlib.crc32(ident.encode("utf-8", "surrogatepass")) % BUCKETS


class _Ids:
    """Each bucket's number of ids and the sum of their hashes, as the meta table keeps them."""

    def __init__(self, body: str) -> None:
        found = json.loads(body)
        self.counts: list[int] = [int(n) for n in found[0]]
        self.sums: list[int] = [int(n) for n in found[1]]
        if len(self.counts) != BUCKETS or len(self.sums) != BUCKETS:
            raise ValueError("the id tally has the wrong number of buckets")

    @staticmethod
    def of(idents: Iterable[str], base: _Ids | None = None) -> str:
        counts = list(base.counts) if base else [0] * BUCKETS
        sums = list(base.sums) if base else [0] * BUCKETS
        for ident in idents:
            value = zlib.crc32(ident.encode("utf-8", "surrogatepass"))
            counts[value % BUCKETS] += 1
            sums[value % BUCKETS] += value
        return json.dumps([counts, sums], separators=(",", ":"))


def _free_names(events: Iterable[Event], known: Iterable[str] = ()) -> str:
    """The names of the participants that are no actor, each once, as JSON: an actor appended to
    the log must not be one that such a name would now mean (``parse.records_after``)."""
    names = set(known)
    names.update(p.name for e in events for p in e.participants if p.actor_id is None)
    return json.dumps(sorted(names), ensure_ascii=False)


def _meta_check(meta: Mapping[str, str]) -> str:
    return str(_crc([meta.get(key) for key in _META_KEYS]))


def _month(ordinal: int) -> int:
    day = date.fromordinal(ordinal)
    return day.year * 12 + day.month - 1


class _Counts:
    """How many events end in each month, and how many summary rows there are, kept in the checked
    meta table. A query's rows are counted against them, so an index that a flipped byte has damaged
    (and that would silently skip or repeat rows) is found, not answered from."""

    def __init__(self, body: str) -> None:
        found = json.loads(body)
        self.months: dict[int, int] = {int(m): int(n) for m, n in found["months"].items()}
        self.summaries = int(found["summaries"])

    @staticmethod
    def of(events: Sequence[Event], summaries: int, months: dict[int, int] | None = None) -> str:
        return _Counts.text(_Counts.months_of(events, months), summaries)

    @staticmethod
    def months_of(events: Sequence[Event], months: dict[int, int] | None = None) -> dict[int, int]:
        """How many of ``events`` end in each month, added to ``months``."""
        tally = dict(months or {})
        for event in events:
            month = _month(event.when.end.toordinal())
            tally[month] = tally.get(month, 0) + 1
        return tally

    @staticmethod
    def text(months: Mapping[int, int], summaries: int) -> str:
        return json.dumps({"months": {str(m): n for m, n in sorted(months.items())}, "summaries": summaries})

    def ending_from(self, month: int | None) -> int:
        return sum(n for m, n in self.months.items() if month is None or m >= month)


class _Encoder:
    """Events to rows. The lists are written as JSON with the json module's own string escaping,
    which is several times faster than a JSONEncoder call per list; _Decoder reads them with json."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, ...], str] = {}

    def row(self, e: Event) -> tuple[Any, ...]:
        """``(first, last, bucket, id, body, crc)``: the indexed columns, then the event's JSON and its checksum."""
        w = e.when
        people = ",".join(
            f"[{_quote(p.name)},{_quote(p.actor_id) if p.actor_id is not None else 'null'}]" for p in e.participants
        )
        first, last = w.start.toordinal(), w.end.toordinal()
        body = (f"[{first},{last},{_quote(e.id)},{_quote(w.precision.value)},{int(w.approximate)},{int(w.uncertain)},"
                f"{_quote(w.text)},{int(w.open_start)},{int(w.open_end)},{_quote(w.ends)},{_quote(e.kind.value)},"
                f"{_quote(e.title)},{_maybe(e.place)},{_quote(f'[{people}]' if people else '')},"
                f"{self._strings(e.tags)},{self._strings(e.sources)},{_maybe(e.summary)},{_maybe(e.date_text)},"
                f"{e.line},{e.participants_line},{_quote(e.file)},{_maybe(e.imported)},{int(e.planned)}]")  # fmt: skip
        return (first, last, _bucket(e.id), e.id, body, _body_crc(body))

    def _strings(self, values: tuple[str, ...]) -> str:
        """A list of strings as a JSON string holding its JSON: what the decoder keeps, shared."""
        found = self._texts.get(values)
        if found is None:
            found = self._texts[values] = _quote(f"[{','.join(map(_quote, values))}]" if values else "")
        return found


def _maybe(value: str | None) -> str:
    return "null" if value is None else _quote(value)


def _in_order(row: Sequence[Any]) -> tuple[int, int, str]:
    """Events in date order, then by id: what ``ORDER BY first, last, id`` gave."""
    return (row[0], row[1], row[2])


def _in_timeline_order(event: Event) -> tuple[date, date, str]:
    """``_in_order`` for decoded events."""
    return (event.when.start, event.when.end, event.id)


_KINDS = {kind.value: kind for kind in Kind}  # faster than Kind(value) for thousands of rows
_new: Callable[[type[Event], tuple[Any, ...]], Event] = tuple.__new__
_PRECISIONS = {precision.value: precision for precision in Precision}


class _Decoder:
    """Rows back to events, sharing the values that repeat (dates, participant lists, tags)."""

    def __init__(self) -> None:
        self._spans: dict[tuple[Any, ...], DateSpan] = {}
        self._people: dict[str, tuple[Participant, ...]] = {"": ()}
        self._texts: dict[str, tuple[str, ...]] = {"": ()}

    def event(self, row: Sequence[Any]) -> Event:
        """An event from its row, already checked against its checksum (``_checked``)."""
        (first, last, ident, precision, approximate, uncertain, text, open_start, open_end, ends, kind, title, place,
         people, tags, sources, summary, date_text, line, people_line, file, imported, planned) = row  # fmt: skip
        key = (first, last, precision, approximate, uncertain, text, open_start, open_end, ends)
        span = self._spans.get(key)
        if span is None:
            span = self._spans[key] = DateSpan(
                date.fromordinal(first), date.fromordinal(last), _PRECISIONS[precision], bool(approximate),
                bool(uncertain), text, bool(open_start), bool(open_end), str(ends),
            )  # fmt: skip
        who = self._people.get(people)
        if who is None:
            who = self._people[people] = tuple(Participant(n, a) for n, a in _parsed(people))
        # tuple.__new__ makes the named tuple without the Python-level __new__ that Event(...) calls:
        # a third of the time, for tens of thousands of events (the fields are given in their order).
        return _new(Event, (ident, span, _KINDS[kind], title, place, who, self._strings(tags), self._strings(sources),
                            summary, date_text, line, people_line, file, imported, bool(planned)))  # fmt: skip

    def _strings(self, body: str) -> tuple[str, ...]:
        found = self._texts.get(body)
        if found is None:
            found = self._texts[body] = tuple(_parsed(body))
        return found


def declarations_json(actors: Mapping[str, Actor], sources: Mapping[str, Source]) -> str:
    """A file's actors and sources as JSON: its header keeps them, and a collection of files hashes
    them all, so that a change to any declaration re-checks the events that may name it."""
    return json.dumps(
        [[[a.id, a.name, a.country, a.type, list(a.aliases),
           [[r.title, _span(r.since), _span(r.until)] for r in a.roles], a.line, a.file] for a in actors.values()],
         [[s.id, s.title, s.outlet, s.url, _span(s.published), s.line, s.file] for s in sources.values()]],
        ensure_ascii=False,
    )  # fmt: skip


def _header(log: Log, includes: Sequence[tuple[str, int]] = ()) -> str:
    return json.dumps(
        {
            "path": log.path,
            "title": log.title,
            "declarations": declarations_json(log.actors, log.sources),
            "includes": [list(i) for i in includes],
            "trades": [[t.year, t.origin, t.destination, t.value_usd, dict(t.goods), list(t.sources), t.line, t.file,
                        list(t.other_goods)] for t in log.trades],
            "warnings": [[w.file, w.line, w.message, w.column] for w in log.warnings],
        },
        ensure_ascii=False,
    )  # fmt: skip


def _unheader(body: str, display: str) -> tuple[Log, tuple[tuple[str, int], ...], str]:
    """The header's Log (without events), the files it includes, and its declarations' JSON."""
    data = json.loads(body)
    declared = data["declarations"]
    actor_rows, source_rows = json.loads(declared)
    actors = {
        a[0]: Actor(
            a[0],
            a[1],
            a[2],
            a[3],
            tuple(a[4]),
            tuple(Role(t, _unspan(s), _unspan(u)) for t, s, u in a[5]),
            a[6],
            a[7],
        )
        for a in actor_rows
    }
    sources = {s[0]: Source(s[0], s[1], s[2], s[3], _unspan(s[4]), s[5], s[6]) for s in source_rows}
    trades = tuple(Trade(t[0], t[1], t[2], t[3], t[4], tuple(t[5]), t[6], t[7], tuple(t[8])) for t in data["trades"])
    warnings = tuple(Problem(w[0] if w[0] != data["path"] else display, w[1], w[2], w[3]) for w in data["warnings"])
    includes = tuple((name, line) for name, line in data["includes"])
    return Log(display, data["title"], actors, sources, (), trades, warnings), includes, declared


# --- one file's cache ----------------------------------------------------------------------------


class CachedFile(LogStore):
    """A log file answered from its SQLite cache. ``includes`` are the files it names in
    ``[log] include`` (stored, not followed); ``declarations`` its actors and sources as JSON;
    ``context`` what its events were checked against, as the caller named it ("" for the file's own
    declarations)."""

    def __init__(
        self,
        header: Log,
        connection: sqlite3.Connection,
        meta: Mapping[str, str],
        includes: tuple[tuple[str, int], ...] = (),
        declarations: str = "",
    ) -> None:
        super().__init__(header)
        self._db = connection
        self.includes, self.declarations, self.context = includes, declarations, meta["context"]
        self._counts = _Counts(meta["counts"])
        self._ids = meta["ids"]
        self._free = meta["free"]
        self.digest = meta["digest"]
        self._ready: dict[tuple[date | None, date | None], tuple[Event, ...]] = {}
        #: What the file's bytes look like to text appended after them.
        self.shape = Shape.from_json(meta["shape"])

    def _all_checked(
        self, rows: Iterator[Sequence[Any]], month: int | None, keep: Callable[[Sequence[Any]], bool] | None = None,
        make: Callable[[Sequence[Any]], Any] | None = None,
    ) -> list[Any]:  # fmt: skip
        """Rows read with their checksums, each checked, and as many as the counts say end in or after
        ``month``, each once (an event is one line of one file): otherwise DamagedCacheError. Only the
        rows that ``keep`` accepts are returned (as their values, or what ``make`` makes of them, so
        that the values need not all be held at once), but every row is counted."""
        floor = date(month // 12, month % 12 + 1, 1).toordinal() if month is not None else _FIRST_DAY
        places: set[int] = set()  # the events' lines: a cache holds the events of one file
        add = places.add
        found: list[Any] = []
        read = 0
        for row in map(_event_row, rows):
            read += 1
            if row[1] < floor:
                raise DamagedCacheError("the cache's date index gives an event outside the dates asked")
            add(row[18])
            if keep is None or keep(row):
                found.append(row if make is None else make(row))
        if self._counts is None or read != self._counts.ending_from(month):
            raise DamagedCacheError("the cache holds a different number of events than it counted")
        if len(places) != read:
            raise DamagedCacheError("the cache gives an event twice")
        return found

    def ids(self) -> list[tuple[str, int, str]]:
        try:
            rows = self._all_checked(self._db.execute("SELECT body, crc FROM events"), None)
            return [(str(r[2]), int(r[18]), str(r[20])) for r in rows]
        except _DAMAGE as error:
            raise DamagedCacheError(f"{type(error).__name__}: {error}") from None

    def free_names(self) -> list[str]:
        """The names of the participants that are no actor (see ``_free_names``)."""
        try:
            names = json.loads(self._free)
        except ValueError:
            raise DamagedCacheError("the cache's free-text names do not decode") from None
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise DamagedCacheError("the cache's free-text names are not a list of names")
        return names

    def taken(self) -> Container[str]:
        """The cached events' ids, asked one at a time (see ``_StoredIds``)."""
        return _StoredIds(self._db, self._ids)

    def on_days(self, start: date, end: date) -> tuple[Event, ...]:
        """The events from exactly ``start`` to ``end``, found through the index of first days: what
        ``rwpk add`` compares a new event with. Each row is checked against its checksum."""
        try:
            query = "SELECT body, crc FROM events INDEXED BY events_first WHERE first = ? AND last = ?"
            found = [_event_row(r) for r in self._db.execute(query, (start.toordinal(), end.toordinal()))]
            if any((r[0], r[1]) != (start.toordinal(), end.toordinal()) for r in found):
                raise DamagedCacheError("the cache's date index gives an event outside the dates asked")
            return tuple(map(_Decoder().event, sorted(found, key=_in_order)))
        except _DAMAGE as error:
            raise DamagedCacheError(f"{type(error).__name__}: {error}") from None

    def events(self, start: date | None = None, end: date | None = None) -> tuple[Event, ...]:
        ready = self._ready.get((start, end))
        if ready is not None:
            return ready
        try:
            return self._events(start, end)
        except _DAMAGE as error:  # a damaged row or table: the command line rebuilds the cache
            raise DamagedCacheError(f"{type(error).__name__}: {error}") from None

    def _events(self, start: date | None, end: date | None) -> tuple[Event, ...]:
        # With a start, SQLite walks the index of the events that end from the start of its month on
        # (--since 2024: the recent few); otherwise it reads the table. Every row read is counted
        # against the months' counts, then filtered and sorted here, so a damaged index cannot drop,
        # repeat or misorder an event unnoticed.
        if start is None:
            month, rows = None, self._db.execute("SELECT body, crc FROM events NOT INDEXED")
        else:
            month = start.year * 12 + start.month - 1
            first_day = date(start.year, start.month, 1).toordinal()
            query = "SELECT body, crc FROM events INDEXED BY events_last WHERE last >= ?"
            rows = self._db.execute(query, (first_day,))
        low = start.toordinal() if start is not None else _FIRST_DAY
        high = end.toordinal() if end is not None else _LAST_DAY
        chosen: list[Event] = self._all_checked(rows, month, lambda r: r[1] >= low and r[0] <= high, _Decoder().event)
        chosen.sort(key=_in_timeline_order)
        return tuple(chosen)

    def read_ahead(self, start: date | None, end: date | None) -> None:
        """Read the events of a window now, for ``events`` to give later (see ``open.open_store``)."""
        self._ready[(start, end)] = self.events(start, end)

    def close(self) -> None:
        self._db.close()

    def kept(self) -> list[Rows]:
        try:
            stored = self._db.execute("SELECT actor, body, crc FROM summaries NOT INDEXED ORDER BY seq")
            rows = [(a, b) for a, b in map(_checked, stored)]
            if self._counts is None or len(rows) != self._counts.summaries or len({a for a, _ in rows}) != len(rows):
                raise DamagedCacheError("the cache holds a different number of summaries than it counted")
        except _DAMAGE as error:
            raise DamagedCacheError(f"{type(error).__name__}: {error}") from None
        if not all(isinstance(a, str) and isinstance(b, str) for a, b in rows):
            raise DamagedCacheError("a summary row is not text")
        return [rows]


def event_rows(events: Sequence[Event]) -> Iterator[tuple[Any, ...]]:
    """The rows of the events table for ``events``, in their order."""
    return map(_Encoder().row, events)


#: The rows kept per actor, given once the events are written: counted meanwhile on another core.
Later = Callable[[], Rows]


def write(
    path: Path, digest: str, shape: Shape, log: Log, rows: Rows | Later, includes: Sequence[tuple[str, int]] = (),
    context: str = "", encoded: Iterable[tuple[Any, ...]] | None = None,
) -> CachedFile | None:  # fmt: skip
    """Write a log file's cache, with the ``rows`` kept per actor, and open it; None when it cannot
    be written (that only costs speed). ``digest`` and ``shape`` are those of the file's bytes, which
    need not be held while the log is parsed."""
    if not save(path, digest, shape, log, rows, includes, context, encoded):
        return None
    return open_cached(path, digest, log.path)


def save(
    path: Path, digest: str, shape: Shape, log: Log, rows: Rows | Later, includes: Sequence[tuple[str, int]] = (),
    context: str = "", encoded: Iterable[tuple[Any, ...]] | None = None,
) -> bool:  # fmt: skip
    """Write a log file's cache without opening it; False when it cannot be written. ``encoded``:
    ``event_rows(log.events)``, when the caller makes them (see ``beside``)."""
    try:
        _write_cache(path, digest, shape, log, includes, context, rows, encoded)
    except (OSError, sqlite3.Error):
        return False
    return True


def open_cached(path: Path, digest: str | None, display: str) -> CachedFile | None:
    """The cache at ``path`` when it holds a file of exactly ``digest``; None otherwise. With no
    digest, the cache whatever file it holds: the caller compares its ``digest`` before any answer."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        if meta.get("check") != _meta_check(meta):
            connection.close()
            return None
        if (meta.get("schema"), meta.get("version")) != (SCHEMA, __version__) or digest not in (
            None,
            meta.get("digest"),
        ):
            connection.close()
            return None
        if not _days_in_range(connection):
            connection.close()
            return None
        header, includes, declarations = _unheader(meta["header"], display)
        return CachedFile(header, connection, meta, includes, declarations)
    except _DAMAGE:
        return None  # corrupt or foreign: ignored, and rebuilt by the caller


def _write_cache(
    path: Path, digest: str, shape: Shape, log: Log, includes: Sequence[tuple[str, int]], context: str,
    later: Rows | Later, encoded: Iterable[tuple[Any, ...]] | None = None,
) -> None:  # fmt: skip
    """Build the cache in a temporary file and rename it into place, so a reader never sees half of it.
    ``later``: the rows kept per actor, or what gives them once the events are written (``Later``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=".rwpk-", suffix=".sqlite", dir=path.parent)
    os.close(handle)
    try:
        # What the meta table says of the events, made first: on two cores the parent makes it while
        # the child counts the kept rows (``beside``), instead of after, when nothing runs beside it.
        events = log.events
        header, ids, free = _header(log, includes), _Ids.of(e.id for e in events), _free_names(events)
        months = _Counts.months_of(events)
        connection = sqlite3.connect(temporary)
        with connection:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            connection.execute(
                "CREATE TABLE events (seq INTEGER PRIMARY KEY, first INTEGER NOT NULL, last INTEGER NOT NULL, "
                "bucket INTEGER NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, crc INTEGER NOT NULL)"
            )
            connection.executemany(_INSERT, event_rows(events) if encoded is None else encoded)
            connection.execute("CREATE INDEX events_last ON events (last)")
            connection.execute("CREATE INDEX events_first ON events (first)")
            # An append checks each new id against the ids of its bucket, read from this index alone.
            connection.execute("CREATE INDEX events_bucket ON events (bucket, id)")
            rows = later() if callable(later) else later
            meta = {
                "schema": SCHEMA,
                "version": __version__,
                "digest": digest,
                "size": str(shape.size),
                "header": header,
                "context": context,
                "counts": _Counts.text(months, len(rows)),
                "shape": shape.to_json(),
                "ids": ids,
                "free": free,
            }
            meta["check"] = _meta_check(meta)
            connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
            connection.execute(
                "CREATE TABLE summaries (seq INTEGER PRIMARY KEY, actor TEXT UNIQUE NOT NULL, body TEXT NOT NULL, "
                "crc INTEGER NOT NULL)"
            )
            connection.executemany(
                "INSERT INTO summaries (actor, body, crc) VALUES (?, ?, ?)", ((a, b, _crc((a, b))) for a, b in rows)
            )
        connection.close()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


#: Reads text appended to a cached file: (the cached bytes, the appended bytes, the cached header,
#: the ids already taken) to the new events, or None when the text needs a full parse.
Appended = Callable[[bytes, bytes, Log, Container[str]], "list[Event] | None"]


def extend(path: Path, data: bytes, digest: str, display: str, appended: Appended, keeper: Keeper) -> CachedFile | None:
    """When the file only grew by appended events (as ``rwpk add`` does), read just the new text
    with ``appended`` and add its events, and the kept rows they change, to the cache in one
    transaction. Only a cache whose events were checked against the file's own declarations is
    extended. None when that does not apply or anything is off, so the caller parses the whole file.

    The transaction holds the cache's write lock from before it reads the cache's size to its
    commit, so two runs extending at once cannot both add the same events: the second waits, then
    finds the cache already holds these bytes and answers from it."""
    if not path.is_file():
        return None
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(path, timeout=LOCK_SECONDS, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        extended = _extend_locked(connection, data, digest, display, appended, keeper)
        connection.execute("COMMIT" if extended is not None else "ROLLBACK")
        if extended is None:
            connection.close()
        return extended
    except (*_DAMAGE, RecursionError, RwpkError):
        if connection is not None:
            connection.close()  # closing rolls back whatever the transaction had begun
        return None


def grow(
    path: Path, before: str, tail: bytes, digest: str, grown: Log, events: Sequence[Event], keeper: Keeper
) -> bool:
    """After ``events`` (and perhaps actors and sources) were appended to a file whose bytes had the
    digest ``before`` (and whose cache answered for them), make the cache answer for the file as it
    now is: its old bytes and ``tail``, of ``digest``, read as ``grown`` (whose actors and sources
    are the file's now). One transaction; False when the cache no longer held ``before``, or anything
    is off: the next query then reads the new text itself, as ``extend`` does."""
    if not path.is_file():
        return False
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(path, timeout=LOCK_SECONDS, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        if meta.get("check") != _meta_check(meta) or (
            meta.get("schema"),
            meta.get("version"),
            meta.get("context"),
            meta.get("digest"),
        ) != (SCHEMA, __version__, "", before):
            connection.execute("ROLLBACK")
            return False  # fmt: skip
        header, includes, declarations = _unheader(meta["header"], grown.path)
        _add_events(connection, meta, header, includes, declarations, events, keeper, digest, tail, grown)
        connection.execute("COMMIT")
        return True
    except (*_DAMAGE, RecursionError, RwpkError):
        return False
    finally:
        if connection is not None:
            connection.close()  # closing rolls back whatever the transaction had begun


def _days_in_range(connection: sqlite3.Connection) -> bool:
    """Whether every event's days are in the calendar, read through the indexes (a few pages, not a
    scan): a day out of range would make --since skip rows rather than fail to decode them."""
    bounds = connection.execute(
        "SELECT (SELECT min(first) FROM events), (SELECT max(first) FROM events), "
        "(SELECT min(last) FROM events), (SELECT max(last) FROM events)"
    ).fetchone()
    return all(b is None or (isinstance(b, int) and _FIRST_DAY <= b <= _LAST_DAY) for b in bounds)


def _extend_locked(
    connection: sqlite3.Connection, data: bytes, digest: str, display: str, appended: Appended, keeper: Keeper
) -> CachedFile | None:
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    if meta.get("check") != _meta_check(meta):
        return None
    if (meta.get("schema"), meta.get("version"), meta.get("context")) != (SCHEMA, __version__, ""):
        return None
    if not _days_in_range(connection):
        return None
    header, includes, declarations = _unheader(meta["header"], display)
    if meta.get("digest") == digest:  # another run extended it while this one waited for the lock
        return CachedFile(header, connection, meta, includes, declarations)
    size = int(meta.get("size", "0"))
    prefix = data[:size]
    if not 0 < size < len(data) or not prefix.endswith(b"\n") or digest_of(prefix) != meta.get("digest"):
        return None
    if not Shape.from_json(meta["shape"]).events_extend:
        return None  # the file defines event otherwise (event = [...]), which [[event]] cannot extend
    events = appended(prefix, data[size:], header, _StoredIds(connection, meta["ids"]))
    if events is None:
        return None
    return _add_events(connection, meta, header, includes, declarations, events, keeper, digest, data[size:])


def _add_events(
    connection: sqlite3.Connection, meta: dict[str, str], header: Log, includes: tuple[tuple[str, int], ...],
    declarations: str, events: Sequence[Event], keeper: Keeper, digest: str, tail: bytes,
    grown: Log | None = None,
) -> CachedFile:  # fmt: skip
    """Add ``events``, and the kept rows they change, to a cache whose meta was just checked, so that
    it answers for its file followed by ``tail``, whose digest is ``digest``; in the caller's
    transaction. ``grown``, when given, declares the file's actors and sources now (the old ones and
    those appended): the header takes them, and each new actor gets its row."""
    counts = _Counts(meta["counts"])
    added: dict[str, Actor] = {}
    if grown is not None and (
        grown.sources.keys() != header.sources.keys() or grown.actors.keys() != header.actors.keys()
    ):
        added = {i: a for i, a in grown.actors.items() if i not in header.actors}
        stored = json.loads(meta["header"])
        declarations = stored["declarations"] = declarations_json(grown.actors, grown.sources)
        meta["header"] = json.dumps(stored, ensure_ascii=False)
        header = header._replace(actors=grown.actors, sources=grown.sources)
    if added:  # a row for each new actor, in the order they were declared, before any event counts them
        fresh = keeper.rows(header._replace(actors=added, events=()))
        connection.executemany("INSERT INTO summaries (actor, body, crc) VALUES (?, ?, ?)",
                               [(i, b, _crc((i, b))) for i, b in fresh])  # fmt: skip
    named = sorted({p.actor_id for e in events for p in e.participants if p.actor_id})
    places = ", ".join("?" * len(named))  # read without the actor index, which a damaged cache may mislead
    stored = connection.execute(
        f"SELECT actor, body, crc FROM summaries NOT INDEXED WHERE actor IN ({places}) ORDER BY seq", named
    ).fetchall()
    rows = [(a, b) for a, b in map(_checked, stored)]
    changed = keeper.updated(header.actors, rows, events)
    connection.executemany(_INSERT, event_rows(events))
    new_actors = len({i for i, _ in changed} - {a for a, _ in rows}) + len(added)
    tally = _Counts.of(events, counts.summaries + new_actors, counts.months)
    then = Shape.from_json(meta["shape"]).then(tail)
    size, shape = then.size, then.to_json()
    ids = _Ids.of((e.id for e in events), _Ids(meta["ids"]))
    free = _free_names(events, json.loads(meta["free"]))
    meta.update(digest=digest, size=str(size), counts=tally, shape=shape, ids=ids, free=free)
    changing = ("digest", "size", "counts", "header", "shape", "ids", "free")
    updates = [(meta[key], key) for key in changing] + [(_meta_check(meta), "check")]
    connection.executemany("UPDATE meta SET value = ? WHERE key = ?", updates)
    connection.executemany(
        "INSERT INTO summaries (actor, body, crc) VALUES (?, ?, ?) "
        "ON CONFLICT (actor) DO UPDATE SET body = excluded.body, crc = excluded.crc",
        [(i, b, _crc((i, b))) for i, b in changed],
    )
    return CachedFile(header, connection, meta, includes, declarations)


class _StoredIds:
    """The ids of the cached events, asked one at a time: an append checks a few new ids, and reading
    all 1,000,000 into a set would cost more than the rest of the append.

    An id is looked up among the ids of its bucket, read from the bucket index alone; their number
    and the sum of their hashes must be the bucket's tally in the checked meta table, so an index
    that a flipped byte has damaged (and that would hide a taken id) is found, not answered from."""

    def __init__(self, connection: sqlite3.Connection, tally: str) -> None:
        self._db = connection
        self._tally = tally
        self._ids: _Ids | None = None

    def __contains__(self, ident: object) -> bool:
        if not isinstance(ident, str):
            return False
        if self._ids is None:
            self._ids = _Ids(self._tally)
        bucket = _bucket(ident)
        query = "SELECT id FROM events INDEXED BY events_bucket WHERE bucket = ?"
        found = [i for (i,) in self._db.execute(query, (bucket,))]
        hashes = [zlib.crc32(i.encode("utf-8", "surrogatepass")) for i in found]
        if len(found) != self._ids.counts[bucket] or sum(hashes) != self._ids.sums[bucket]:
            raise DamagedCacheError("the id index does not match its tally")
        if any(h % BUCKETS != bucket for h in hashes):
            raise DamagedCacheError("the id index gives an id of another bucket")
        return ident in found
