"""The log as SQL tables, for ``rwpk sql``: a SQLite file beside the log's cache, built once for each
state of the log and then only read.

The tables (documented in the README):

- ``events``: the JSON contract's columns (``id, date, start, end, precision, approximate,
  uncertain, kind, title, place, summary``), with ``date_text`` and ``imported``, and ``tags`` as a
  JSON array;
- ``participants``: ``event_id, position, actor_id, name, country, title`` (the title held then),
  ``title_certain``;
- ``actors``: ``id, name, country, type, aliases`` (JSON); ``roles``: ``actor_id, title, since,
  until, since_start, until_end`` (the tenure's widest days);
- ``sources``: ``id, title, outlet, url, published, published_start, published_end``;
  ``event_sources``: ``event_id, source_id, position``;
- ``trade``: ``year, origin, destination, value_usd``; ``trade_goods``: ``year, origin,
  destination, good, value_usd``.

Days are ISO text (``2025-01-20``), which SQLite's date functions read; flags are 0 and 1.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from ..dates.span import DateSpan
from ..log.model import Log
from .rows import rows

SCHEMA = "1"
TABLES = {
    "events": "id TEXT PRIMARY KEY, date TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, "
    "precision TEXT NOT NULL, approximate INTEGER NOT NULL, uncertain INTEGER NOT NULL, kind TEXT NOT NULL, "
    "title TEXT NOT NULL, place TEXT, "
    "summary TEXT, date_text TEXT, imported TEXT, tags TEXT NOT NULL",
    "participants": "event_id TEXT NOT NULL, position INTEGER NOT NULL, actor_id TEXT, name TEXT NOT NULL, "
    "country TEXT, title TEXT, title_certain INTEGER NOT NULL",
    "actors": "id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, type TEXT NOT NULL, aliases TEXT NOT NULL",
    "roles": "actor_id TEXT NOT NULL, title TEXT NOT NULL, since TEXT, until TEXT, since_start TEXT, until_end TEXT",
    "sources": "id TEXT PRIMARY KEY, title TEXT, outlet TEXT, url TEXT, published TEXT, published_start TEXT, "
    "published_end TEXT",
    "event_sources": "event_id TEXT NOT NULL, source_id TEXT NOT NULL, position INTEGER NOT NULL",
    "trade": "year INTEGER NOT NULL, origin TEXT NOT NULL, destination TEXT NOT NULL, value_usd INTEGER NOT NULL",
    "trade_goods": "year INTEGER NOT NULL, origin TEXT NOT NULL, destination TEXT NOT NULL, good TEXT NOT NULL, "
    "value_usd INTEGER NOT NULL",
}
INDEXES = ("CREATE INDEX participants_event ON participants (event_id)",
           "CREATE INDEX participants_actor ON participants (actor_id)",
           "CREATE INDEX events_start ON events (start)",
           "CREATE INDEX event_sources_event ON event_sources (event_id)")  # fmt: skip


def _text(span: DateSpan | None) -> str | None:
    return span.canonical if span is not None else None


def build(log: Log, path: Path) -> None:
    """Write the tables of ``log`` to a new SQLite file at ``path`` (atomically: a reader never
    sees a half-built file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, log)
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fill(connection: sqlite3.Connection, log: Log) -> None:
    with connection:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for name, columns in TABLES.items():
            connection.execute(f"CREATE TABLE {name} ({columns})")
        shown = rows(log, log.events)
        connection.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (e.id, e.when.canonical, e.when.start.isoformat(), e.when.end.isoformat(), e.when.precision.value,
                 int(e.when.approximate), int(e.when.uncertain), e.kind.value, e.title, e.place, e.summary,
                 e.date_text, e.imported, json.dumps(list(e.tags), ensure_ascii=False))
                for e in log.events
            ),
        )  # fmt: skip
        connection.executemany(
            "INSERT INTO participants VALUES (?,?,?,?,?,?,?)",
            (
                (row.event.id, n, p.id, p.name, p.country, p.title, int(p.title_certain))
                for row in shown
                for n, p in enumerate(row.participants)
            ),
        )
        connection.executemany(
            "INSERT INTO event_sources VALUES (?,?,?)",
            ((e.id, s, n) for e in log.events for n, s in enumerate(e.sources)),
        )
        connection.executemany(
            "INSERT INTO actors VALUES (?,?,?,?,?)",
            ((a.id, a.name, a.country, a.type, json.dumps(list(a.aliases), ensure_ascii=False))
             for a in log.actors.values()),
        )  # fmt: skip
        connection.executemany(
            "INSERT INTO roles VALUES (?,?,?,?,?,?)",
            (
                (a.id, r.title, _text(r.since), _text(r.until), r.since.start.isoformat() if r.since else None,
                 r.until.end.isoformat() if r.until else None)
                for a in log.actors.values()
                for r in a.roles
            ),
        )  # fmt: skip
        connection.executemany(
            "INSERT INTO sources VALUES (?,?,?,?,?,?,?)",
            (
                (s.id, s.title, s.outlet, s.url, _text(s.published),
                 s.published.start.isoformat() if s.published else None,
                 s.published.end.isoformat() if s.published else None)
                for s in log.sources.values()
            ),
        )  # fmt: skip
        connection.executemany(
            "INSERT INTO trade VALUES (?,?,?,?)", ((t.year, t.origin, t.destination, t.value_usd) for t in log.trades)
        )
        connection.executemany(
            "INSERT INTO trade_goods VALUES (?,?,?,?,?)",
            ((t.year, t.origin, t.destination, good, value) for t in log.trades for good, value in t.goods.items()),
        )
        for statement in INDEXES:
            connection.execute(statement)
        connection.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))


#: The read-only pragmas a query may use to look at the schema.
_READ_PRAGMAS = frozenset({"table_info", "table_xinfo", "table_list", "index_list", "index_info", "foreign_key_list"})
_READING = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
_ACTIONS = {
    sqlite3.SQLITE_INSERT: "INSERT", sqlite3.SQLITE_UPDATE: "UPDATE", sqlite3.SQLITE_DELETE: "DELETE",
    sqlite3.SQLITE_ATTACH: "ATTACH", sqlite3.SQLITE_DETACH: "DETACH", sqlite3.SQLITE_PRAGMA: "PRAGMA",
    sqlite3.SQLITE_TRANSACTION: "a transaction", sqlite3.SQLITE_ALTER_TABLE: "ALTER",
}  # fmt: skip
#: The actions that make or remove a table, an index, a view or a trigger.
_SCHEMA_ACTIONS = {getattr(sqlite3, n) for n in dir(sqlite3) if n.startswith(("SQLITE_CREATE_", "SQLITE_DROP_"))}


class Refused(Exception):
    """A statement that would change something, or read outside the log's tables."""


class Answer:
    """A query's column names and rows."""

    def __init__(self, columns: list[str], found: list[tuple[object, ...]]) -> None:
        self.columns, self.rows = columns, found


def fresh(path: Path, digest: str) -> bool:
    """Whether the SQL file at ``path`` holds the tables of the log whose bytes hash to ``digest``."""
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return found.get("schema") == SCHEMA and found.get("digest") == digest


def stamp(path: Path, digest: str) -> None:
    """Record which state of the log the SQL file holds (after ``build``)."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("INSERT INTO meta VALUES ('digest', ?)", (digest,))
    finally:
        connection.close()


def query(path: Path, statement: str, limit: int = 1_000_000) -> Answer:
    """The answer to one read-only statement over the SQL file at ``path``: it is opened read-only, and
    an authorizer refuses anything but reading (Refused names what was refused); sqlite3.Error for
    SQL that SQLite cannot run."""
    refused: list[str] = []

    def authorize(action: int, first: str | None, second: str | None, *_: object) -> int:
        if action in _READING:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and first in _READ_PRAGMAS:  # they only describe the tables
            return sqlite3.SQLITE_OK
        if action in _SCHEMA_ACTIONS or (first or "").startswith(
            ("sqlite_master", "sqlite_temp_master", "sqlite_schema")
        ):
            refused.append("CREATE or DROP")  # a change of the schema, seen first as a write to sqlite_master
        else:
            what = _ACTIONS.get(action)
            refused.append(f"{what} {first}" if what == "PRAGMA" else what or "changing the database")
        return sqlite3.SQLITE_DENY

    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        connection.set_authorizer(authorize)
        try:
            cursor = connection.execute(statement)
        except sqlite3.DatabaseError as error:
            if refused:
                raise Refused(refused[0]) from None
            raise error from None
        columns = [d[0] for d in cursor.description or ()]
        found = cursor.fetchmany(limit)
        return Answer(columns, found)
    finally:
        connection.close()
