"""One pass over a log file's bytes, a megabyte at a time, so that a large log is never held whole.

It gives what the file's cache is keyed on (``cache.digest_of``), the file's identity while it was
read, and the digest of those bytes with more appended, without reading them again. ``rwpk add``
reads a log this way and answers from its cache, which also keeps the file's ``shape``, instead of
parsing every event.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import LARGE_LOG

try:  # as the cache hashes a small log
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b

_CHUNK = 1 << 20


def identity(found: os.stat_result) -> tuple[int, int, int, int, int]:
    """What any change to a file changes: its device and inode, size, mtime and ctime. A write, a
    truncation and a restored mtime all set the ctime, which no program can set back."""
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


@dataclass(frozen=True)
class Scan:
    """A log file as one pass read it. ``identity`` was the same before and after the pass, so the
    bytes hashed are the file's bytes for as long as its identity stays the same."""

    path: Path
    identity: tuple[int, int, int, int, int]
    digest: str
    _hashers: dict[str, Any] = field(repr=False, compare=False)

    @property
    def size(self) -> int:
        return self.identity[2]

    def digest_with(self, tail: bytes) -> str:
        """``cache.digest_of`` the file's bytes followed by ``tail``, without reading the file again."""
        name = "blake2b" if self.size + len(tail) < LARGE_LOG else "sha256"
        hasher = self._hashers[name].copy()
        hasher.update(tail)
        return f"{name}:{hasher.hexdigest()}"


def digest_of_file(path: Path, limit: int, chunk: int = _CHUNK) -> str | None:
    """``cache.digest_of`` the bytes of the file at ``path``, read in a stream (see ``scan``)."""
    found = scan(path, limit, chunk, to_extend=False)
    return found.digest if found is not None else None


def scan(path: Path, limit: int, chunk: int = _CHUNK, to_extend: bool = True) -> Scan | None:
    """The regular file at ``path`` read once, ``chunk`` bytes at a time; None when it is not a
    regular file of at most ``limit`` bytes, cannot be read, or changed while it was read (the
    caller's full read decides). On a thread of its own, large chunks keep it from waiting for the
    interpreter's lock between them: the hashing itself runs without it. ``to_extend``: keep what
    ``digest_with`` needs; without it a small log is hashed with BLAKE2 alone, so that a warm run
    never loads OpenSSL for it (5 ms)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    try:
        before = os.fstat(descriptor)
        if not stat.S_ISREG(before.st_mode) or before.st_size > limit:
            return None
        hashers: dict[str, Any] = {}
        if before.st_size < LARGE_LOG:
            hashers["blake2b"] = blake2b(digest_size=32)
        if before.st_size >= LARGE_LOG or to_extend:  # a large log's digest, or a small one grown past the limit
            import hashlib

            hashers["sha256"] = hashlib.sha256()
        buffer = bytearray(max(1, min(chunk, before.st_size)))
        view = memoryview(buffer)
        total = 0
        with os.fdopen(descriptor, "rb", buffering=0, closefd=False) as stream:
            while count := stream.readinto(buffer):
                for hasher in hashers.values():
                    hasher.update(view[:count])
                total += count
        if total != before.st_size or identity(os.fstat(descriptor)) != identity(before):
            return None
        name = "blake2b" if total < LARGE_LOG else "sha256"
        return Scan(path, identity(before), f"{name}:{hashers[name].copy().hexdigest()}", hashers)
    except OSError:
        return None
    finally:
        os.close(descriptor)
