"""The one way in: from where a log is to a store that answers for it, or to the whole validated Log.

``open_store`` composes the rest of this folder: it reads the file (``files``), answers from its
cache when the cache holds exactly these bytes (``cache``), extends the cache when events were only
appended, parses the file when it must (``parse``), and hands a log kept in several files to
``includes``. The parser is imported only when the cache cannot answer, so a cached run never loads it.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from . import cache
from .files import LogLocation, check_size, decode, max_bytes, read_bytes
from .model import Log
from .scan import digest_of_file
from .shape import may_include, shape_of
from .store import Keeper, LogStore, MemoryStore


def open_store(
    location: LogLocation, keeper: Keeper, use_cache: bool = True, rebuild: bool = False,
    window: tuple[date | None, date | None] | None = None, halves_allowed: bool = True,
) -> LogStore:  # fmt: skip
    """The log at ``location``, from its cache when the cache holds exactly these bytes; ``keeper``
    defines the rows kept per actor beside the events. A log that includes other files is answered
    from each file's own cache. ``rebuild`` parses every file and writes its cache anew, for a cache
    found damaged as it was read. A cache that answers for the file as it is is found by hashing the
    file in a stream, so a warm query never holds a large log in memory. ``window``: the days whose
    events the caller will ask for, read from the cache while the file is hashed (see ``_read_ahead``)."""
    if location.path is not None and use_cache and not rebuild and cache.cache_file(location.path).exists():
        if window is not None:
            ahead = _read_ahead(location.path, location.display, window)
            if ahead is not None:
                return ahead
        streamed = digest_of_file(location.path, max_bytes())
        warm = cache.open_cached(cache.cache_file(location.path), streamed, location.display) if streamed else None
        if warm is not None and not warm.includes and not warm.context:
            return warm
    data = read_bytes(location)
    if location.path is None or not use_cache:
        from .includes import Member, load_collection

        return MemoryStore(load_collection(Member(location.path, location.display, data)), keeper)
    check_size(data, location.display)
    digest = cache.digest_of(data)
    path = cache.cache_file(location.path)
    cached = None if rebuild else cache.open_cached(path, digest, location.display)
    if cached is not None and not cached.includes and not cached.context:
        return cached
    if cached is None and not may_include(data):  # one file: no need to look for others
        from .parse import appended_events, paused_gc

        extended = None if rebuild else cache.extend(path, data, digest, location.display, appended_events, keeper)
        if extended is not None:
            return extended
        shape = shape_of(data, includes=False)
        texts = [decode(data, location.display)]
        del data  # the text is parsed; its bytes need not be held beside it
        from .parse import Released, parse_taken

        try:
            log = parse_taken(texts, location.display, halves_allowed)
        except Released:  # the text was let go to save memory, and the log must be checked whole
            return open_store(location, keeper, use_cache, rebuild, window, halves_allowed=False)
        from .beside import written_beside

        with paused_gc(), written_beside(log, keeper, cache.event_rows) as rows:
            written = cache.write(path, digest, shape, log, rows.kept, encoded=rows.events)
        return written or MemoryStore(log, keeper)
    from .includes import open_collection

    return open_collection(location, data, digest, keeper, rebuild)


def _read_ahead(path: Path, display: str, window: tuple[date | None, date | None]) -> cache.CachedFile | None:
    """The file's cache with the events of ``window`` already read, when it holds exactly the file's
    bytes. The file is hashed on another thread while this one reads the cache (hashing runs without
    the interpreter's lock, so the two share the machine's cores); nothing read is given to anyone
    until the digests are equal. None when they are not, or the cache cannot answer: the caller then
    goes the usual way. A cache found damaged while it was read raises only if it was the file's."""
    import threading

    from ..errors import DamagedCacheError

    found: list[str | None] = []
    hashing = threading.Thread(target=lambda: found.append(digest_of_file(path, max_bytes(), 16 << 20)))
    hashing.start()
    warm = None
    try:
        warm = cache.open_cached(cache.cache_file(path), None, display)
        damaged = None
        if warm is not None and not warm.includes and not warm.context:
            try:
                warm.read_ahead(*window)
            except DamagedCacheError as error:
                damaged = error
    finally:
        hashing.join()
    if warm is None:
        return None
    if not found or found[0] is None or found[0] != warm.digest or warm.includes or warm.context:
        warm.close()
        return None
    if damaged is not None:
        raise damaged
    return warm


def remember(path: Path, data: bytes, log: Log, keeper: Keeper) -> None:
    """Write the cache of a one-file log whose bytes ``data`` were just checked as ``log`` (by the
    write that put them there), so the next query needs no parse. The cache is keyed on these bytes,
    so it can only ever answer for them; a log that includes others keeps its own way."""
    if may_include(data):
        return
    with contextlib.suppress(OSError):
        cache.save(cache.cache_file(path), cache.digest_of(data), shape_of(data), log, keeper.rows(log))


def load_log(location: LogLocation) -> Log:
    """Read and validate the log at ``location``, with the files it includes."""
    from .includes import Member, load_collection

    return load_collection(Member(location.path, location.display, read_bytes(location)))
