"""Appending to a large log without holding it: the old bytes are copied by the kernel, not read.

``rwpk add`` on a log whose cache answers for it knows the file by one streamed pass (``log.scan``):
its digest, its identity (inode, size, mtime and ctime) and its last bytes. The new file is that
file's bytes, copied beside it with ``copy_file_range``, then the block; it is fsynced and swapped
into place under the same lock as any addition. Every change to the old file since the pass changes
its identity (a write sets the ctime, which no program can set back), so an identity unchanged
through the copy proves that the copy holds exactly the bytes the cache was built from; the file
swapped out is checked to be that same file, and swapped back when another program saved the log
meanwhile, as ``atomic._swap_in`` does.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import NamedTuple

from ..log import cache
from ..log.cache import CachedFile
from ..log.model import Log
from ..log.parse import records_after
from ..log.scan import Scan, identity
from ..log.shape import Shape
from ..log.store import Keeper
from . import swap
from .append import inner_newlines, locked, remove_stale_temporaries, separated
from .atomic import (
    CHANGED,
    ConflictError,
    WriteError,
    discarded_on_error,
    keep_both,
    sync_folder,
    target_of,
    temporary_beside,
)


class Appending(NamedTuple):
    """An addition planned against a log's cache: the text to append after the file's bytes, the
    log with only the new records (read as a full parse reads them, against the cache's
    declarations and ids), the block, and its first line in the file."""

    tail: str
    log: Log
    block: str
    first_line: int


def appending(scan: Scan, store: CachedFile, block: str) -> Appending | None:
    """``block`` appended to the file ``scan`` read, whose cache is ``store``, checked without the
    file's events; None when that cannot give what a full parse would (see ``parse.records_after``)."""
    shape = store.shape
    tail = tail_after(shape, block)
    grown = records_after(shape.lines, shape.extendable, tail, store.header, store.taken(), store.free_names())
    if grown is None:
        return None
    return Appending(tail, grown, block, shape.lines + tail.count("\n") - inner_newlines(block))


def remember_tail(path: Path, scan: Scan, addition: Appending, keeper: Keeper) -> None:
    """Bring the cache of the log just written up to date with the records appended, so that the
    next query answers from it; when it cannot, that query reads the new text itself."""
    data = addition.tail.encode("utf-8")
    with contextlib.suppress(OSError):
        cache.grow(cache.cache_file(path), scan.digest, data, scan.digest_with(data), addition.log,
                   addition.log.events, keeper)  # fmt: skip


def tail_after(shape: Shape, block: str) -> str:
    """What ``append.appended`` adds after a text of this shape, known without the text."""
    return separated(block, shape.crlf, shape.ending.decode("utf-8", "replace"), shape.blank)


def commit_tail(path: Path, scan: Scan, tail: str) -> None:
    """Write the file ``scan`` read, followed by ``tail``, over ``path``: atomic, locked, and only if
    the file is still the one the scan read (ConflictError otherwise, and nothing is changed)."""
    target, found = writable_target(path, scan)
    with locked(path):
        handle, temporary, ours = temporary_beside(target, found, path)
        remove_stale_temporaries(target, keep=temporary)
        with discarded_on_error(temporary, ours, path):
            try:
                copied = copy_of(target, handle, scan.size)
            except BaseException:
                os.close(handle)
                raise
            finish(handle, copied, temporary, ours, target, scan, tail.encode("utf-8"), path)
    sync_folder(target.parent if str(target.parent) else Path("."))


def writable_target(path: Path, scan: Scan | None) -> tuple[Path, os.stat_result]:
    """Where a write to ``path`` lands and what is there; ConflictError when it is not the file ``scan``
    read (or no file), WriteError when it is read-only."""
    target, found = target_of(path)
    if found is None or (scan is not None and identity(found) != scan.identity):
        raise ConflictError(f"{path}: {CHANGED}")
    if not found.st_mode & 0o222:
        raise WriteError(f"{path}: the log is read-only; make it writable to add to it")
    return target, found


Identity = tuple[int, int, int, int, int]


def copy_of(target: Path, handle: int, size: int) -> Identity | None:
    """Copy the first ``size`` bytes of ``target`` into ``handle``: the identity the file kept all
    through the copy, or None when it changed meanwhile."""
    source = os.open(target, os.O_RDONLY)
    try:
        before = identity(os.fstat(source))
        _copy(source, handle, size)
        return before if identity(os.fstat(source)) == before else None
    finally:
        os.close(source)


def finish(
    handle: int, copied: Identity | None, temporary: Path, ours: int, target: Path, scan: Scan, tail: bytes, path: Path
) -> None:
    """Add the tail after the old bytes copied into ``handle`` (which it closes), then swap the file in;
    ConflictError unless the file kept the identity the scan saw (``copied``: the one it kept through
    the copy) until the swap."""
    try:
        if copied != scan.identity:
            raise ConflictError(f"{path}: {CHANGED}")
        written = 0
        while written < len(tail):
            written += os.pwrite(handle, tail[written:], scan.size + written)
        os.fsync(handle)
    finally:
        os.close(handle)
    if identity(os.stat(target)) != scan.identity:
        raise ConflictError(f"{path}: {CHANGED}")
    _swap(temporary, ours, target, scan, path)


def _copy(source: int, destination: int, size: int) -> None:
    """``size`` bytes from the start of ``source`` to the start of ``destination``, in the kernel
    where it can (``copy_file_range``), else a megabyte at a time."""
    done = 0
    try:
        while done < size:
            count = os.copy_file_range(source, destination, size - done, done, done)
            if count == 0:
                break
            done += count
    except (AttributeError, OSError):  # no copy_file_range here, or not between these files
        done = 0
    while done < size:
        chunk = os.pread(source, min(1 << 20, size - done), done)
        if not chunk:
            raise OSError(0, "the log ended before its recorded size")
        done += os.pwrite(destination, chunk, done)


def _swap(temporary: Path, ours: int, target: Path, scan: Scan, path: Path) -> None:
    """Swap the new file in; give the old one back when it is not the file the scan read."""
    if not swap.exchange(temporary, target):
        if identity(os.stat(target)) != scan.identity:
            raise ConflictError(f"{path}: {CHANGED}")
        os.replace(temporary, target)
        return
    # The swap itself sets the old file's ctime; its device, inode, size and mtime must be the scan's.
    if identity(os.stat(temporary))[:4] == scan.identity[:4]:
        temporary.unlink()
        return
    keep_both(temporary, ours, target, path)
