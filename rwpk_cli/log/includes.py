"""A log kept in several files: ``[log] include = ["2023.toml", "2024.toml"]``.

Included paths are relative to the file that names them, and an included file may include others.
The files make one log: the first file's title, and every file's actors, sources, events and trade
figures. An event may name an actor or cite a source declared in any of the files. An id is
declared once across all of them, and a cycle of includes is an error at the include that closes it.

Each file has a cache of its own. A file whose bytes changed is parsed again; so is a file whose
events were checked against other declarations than the collection's now (an actor or source
added, changed or removed in any file), because its names may now resolve differently. The other
files are answered from their caches without being read past their bytes.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar

from ..errors import LogError, Problem, ReadError
from . import cache
from .cache import CachedFile, cache_file, declarations_json, digest_of, open_cached
from .check.ids import check_across_files
from .files import LogLocation, decode, read_bytes
from .model import Actor, Event, Log, Source, in_timeline_order
from .parse import LogFile, paused_gc
from .shape import shape_of
from .store import Keeper, LogStore, MemoryStore, Rows

__all__ = ["CollectionStore", "LogFile", "Member", "load_collection", "open_collection"]

R = TypeVar("R", Actor, Source)
MAX_DEPTH = 100  # files included inside each other; deeper is surely a mistake, and would exhaust the stack


class Member(NamedTuple):
    """One file of a collection: where it is (None for stdin), how it is shown, and its bytes."""

    path: Path | None
    display: str
    data: bytes


def include_target(parent: Member, name: str) -> tuple[Path, str]:
    """The path of an included file, relative to the file that includes it, and how to show it."""
    if parent.path is None:
        return Path.cwd() / name, name
    return parent.path.parent / name, str(Path(parent.display).parent / name)


def read_included(parent: Member, name: str, line: int) -> Member:
    """The bytes of an included file; a file that cannot be read is a problem at the include."""
    path, shown = include_target(parent, name)
    if not path.exists():
        message = f"include {name!r}: there is no file {shown}; the path is relative to {parent.display}"
        raise LogError([Problem(parent.display, line, message)])
    try:
        data = read_bytes(LogLocation(path, shown))
        decode(data, shown)  # text that is not UTF-8 is a problem at the include, like any other
        return Member(path, shown, data)
    except ReadError as error:
        raise LogError([Problem(parent.display, line, f"include {name!r}: {error}")]) from None


def walk(
    root: Member, open_member: Callable[[Member, bool], Sequence[tuple[str, int]]],
    pending: Mapping[Path, bytes] | None = None,
) -> None:  # fmt: skip
    """Visit the root file and every file it includes, depth first. ``open_member`` reads a file
    (included: True for all but the root) and returns its includes. Raises LogError for a cycle, a
    file included twice, or an included file that cannot be read. ``pending`` gives the bytes a file
    is about to have (by resolved path), so a write can check the whole log before it is made."""
    shown: dict[Path, str] = {}

    def visit(member: Member, chain: tuple[Path, ...]) -> None:
        includes = open_member(member, member is not root)
        here = (*chain, member.path.resolve()) if member.path is not None else chain
        if len(here) > MAX_DEPTH:
            message = f"includes nest more than {MAX_DEPTH} files deep; include the files from fewer levels"
            raise LogError([Problem(member.display, includes[0][1] if includes else 1, message)])
        for name, line in includes:
            path, display = include_target(member, name)
            try:
                if "\0" in name:
                    raise ValueError("the path holds a NUL character")
                key = path.resolve()
                path.exists()  # a name too long for the file system fails here, not later
            except (OSError, ValueError) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                message = f"include {name!r}: {reason}; give the path of a .toml file"
                raise LogError([Problem(member.display, line, message)]) from None
            if key in here:
                loop = " → ".join([*(shown[p] for p in here), display])
                message = f"include {name!r} leads back to a file that includes it ({loop}); remove one include"
                raise LogError([Problem(member.display, line, message)])
            if key in shown:
                message = f"include {name!r}: {shown[key]} is already part of this log; include each file once"
                raise LogError([Problem(member.display, line, message)])
            child = (
                Member(path, display, pending[key]) if pending and key in pending else read_included(member, name, line)
            )
            shown[key] = display
            visit(child, here)

    if root.path is not None:
        shown[root.path.resolve()] = root.display
    visit(root, ())


def pooled(declared: Sequence[tuple[str, Mapping[str, R]]], kind: str) -> dict[str, R]:
    """The actors (or sources) of all files, from (file, records) pairs; an id declared in two files
    is a problem at the second."""
    pool: dict[str, R] = {}
    where: dict[str, str] = {}
    problems = []
    for display, records in declared:
        for ident, record in records.items():
            if ident in pool:
                message = f"{kind} '{ident}' is already declared in {where[ident]}; declare it once, in one file"
                problems.append(Problem(display, record.line, message))
            else:
                pool[ident], where[ident] = record, f"{display}:{record.line}"
    if problems:
        raise LogError(problems)
    return pool


def load_collection(root: Member, pending: Mapping[Path, bytes] | None = None) -> Log:
    """The whole log of a file and the files it includes, validated; LogError lists the problems of
    every file. ``pending``: the bytes files are about to have (see ``walk``)."""
    with paused_gc():
        files: list[LogFile] = []

        def open_member(member: Member, included: bool) -> Sequence[tuple[str, int]]:
            files.append(LogFile(decode(member.data, member.display), member.display, included))
            return files[-1].includes

        walk(root, open_member, pending)
        if len(files) == 1:
            return files[0].log()
        actors = pooled([(f.display, f.actors) for f in files], "actor")
        sources = pooled([(f.display, f.sources) for f in files], "source")
        logs, problems = [], []
        for file in files:
            try:
                logs.append(file.log(actors, sources))
            except LogError as error:
                problems += error.problems
        if problems:
            raise LogError(problems)
        check_across_files([(e.id, e.line, e.file or root.display) for log in logs for e in log.events])
        events = in_timeline_order(e for log in logs for e in log.events)
        return _whole(logs, actors, sources, tuple(events))


def _whole(
    logs: Sequence[Log], actors: Mapping[str, Actor], sources: Mapping[str, Source], events: tuple[Event, ...]
) -> Log:
    """One Log of several files' Logs: the first file's title, everything pooled."""
    trades = sorted((t for log in logs for t in log.trades), key=lambda t: (t.year, t.origin, t.destination))
    warnings = tuple(w for log in logs for w in log.warnings)
    return Log(logs[0].path, logs[0].title, actors, sources, events, tuple(trades), warnings)


# --- answering from each file's cache ------------------------------------------------------------


class CollectionStore(LogStore):
    """A log of several files, each answered from its own store: events are merged in timeline
    order, and each file's kept rows are handed on for the keeper's layer to add up."""

    def __init__(self, header: Log, stores: Sequence[LogStore]) -> None:
        super().__init__(header)
        self._stores = stores

    def events(self, start: date | None = None, end: date | None = None) -> tuple[Event, ...]:
        return tuple(heapq.merge(*(s.events(start, end) for s in self._stores), key=lambda e: e.sort_key))

    def kept(self) -> list[Rows]:
        return [rows for store in self._stores for rows in store.kept()]


class _Entry(NamedTuple):
    member: Member
    digest: str
    cached: CachedFile | None
    file: LogFile | None

    def declared(self) -> tuple[str, Mapping[str, Actor], Mapping[str, Source]]:
        if self.cached is not None:
            return self.member.display, self.cached.header.actors, self.cached.header.sources
        assert self.file is not None
        return self.member.display, self.file.actors, self.file.sources


def open_collection(location: LogLocation, data: bytes, digest: str, keeper: Keeper, rebuild: bool = False) -> LogStore:
    """The log at ``location`` and the files it includes, from each file's cache where it holds."""
    with paused_gc():
        entries: list[_Entry] = []

        def open_member(member: Member, included: bool) -> Sequence[tuple[str, int]]:
            assert member.path is not None
            member_digest = digest_of(member.data) if entries else digest
            cached = None if rebuild else open_cached(cache_file(member.path), member_digest, member.display)
            if cached is not None:
                entries.append(_Entry(member, member_digest, cached, None))
                return cached.includes
            file = LogFile(decode(member.data, member.display), member.display, included)
            entries.append(_Entry(member, member_digest, None, file))
            return file.includes

        walk(Member(location.path, location.display, data), open_member)
        declared = [entry.declared() for entry in entries]
        actors = pooled([(display, a) for display, a, _ in declared], "actor")
        sources = pooled([(display, s) for display, _, s in declared], "source")
        many = len(entries) > 1
        context = _context([declarations_json(a, s) for _, a, s in declared]) if many else ""
        stores: list[LogStore] = []
        problems: list[Problem] = []
        for index, entry in enumerate(entries):
            if entry.cached is not None and entry.cached.context == context:
                stores.append(entry.cached)
                continue
            member = entry.member
            file = entry.file or LogFile(decode(member.data, member.display), member.display, index > 0)
            try:
                log = file.log(actors, sources)
            except LogError as error:
                problems += error.problems
                continue
            assert member.path is not None
            rows = keeper.rows(log._replace(actors=actors))
            path = cache_file(member.path)
            cached = cache.write(path, entry.digest, shape_of(member.data), log, rows, file.includes, context)
            stores.append(cached or MemoryStore(log, keeper, rows))
        if problems:
            raise LogError(problems)
        if not many:
            return stores[0]
        check_across_files([(i, line, file or location.display) for s in stores for i, line, file in s.ids()])
        header = _whole([s.header for s in stores], actors, sources, ())
        return CollectionStore(header, stores)


def _context(declarations: Sequence[str]) -> str:
    """The hash of every file's declarations, in order: what a file's events were checked against."""
    return digest_of("\n".join(declarations).encode("utf-8"))
