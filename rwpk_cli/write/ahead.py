"""Copying a large log beside itself while its digest is computed, for an addition known in advance.

``rwpk add`` with its date, kind and title given needs no prompt, so it can take the log's lock at
once and let the kernel copy the old bytes into the new file (``copy_file_range``, on a thread of its
own) and flush them to the disk, while the main thread hashes the same bytes to find the cache that
answers for them: the two passes run on two cores instead of one after the other. Nothing is decided
from the copy. The write goes ahead only when the identity the file kept through the copy is the
identity the hashing pass saw, exactly as when the copy is made after it (``tail.commit_tail``).
When the addition takes another path (no cache, a block the cache cannot check, a dry run, an
error), ``release`` removes the copy and lets the lock go before anything else is written.
"""

from __future__ import annotations

import contextlib
import os
import threading
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType

from ..log.scan import Scan
from .append import locked, remove_stale_temporaries
from .atomic import ConflictError, WriteError, discard, discarded_on_error, sync_folder, temporary_beside
from .tail import Identity, copy_of, finish, writable_target


class CopyAhead:
    """The log's bytes being copied into a temporary file beside it, under the log's lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._target = path
        self._stack = ExitStack()
        self._thread: threading.Thread | None = None
        self._copied: Identity | None = None
        self._error: BaseException | None = None
        self._handle: int | None = None
        self._temporary: Path | None = None
        self._ours = 0

    @classmethod
    def begin(cls, path: Path) -> CopyAhead | None:
        """Lock the log and start copying it; None when it is no writable regular file (the usual path
        then says why) or the copy cannot start."""
        try:
            target, found = writable_target(path, None)
        except (ConflictError, WriteError):
            return None
        ahead = cls(path)
        try:
            ahead._stack.enter_context(locked(path))
            handle, temporary, ours = temporary_beside(target, found, path)
        except (OSError, ConflictError, WriteError):
            ahead.release()
            return None
        ahead._handle, ahead._temporary, ahead._ours, ahead._target = handle, temporary, ours, target
        try:
            remove_stale_temporaries(target, keep=temporary)
            thread = threading.Thread(target=ahead._run, args=(target, handle, found.st_size), daemon=True)
            thread.start()
        except BaseException:
            ahead.release()
            raise
        ahead._thread = thread
        return ahead

    def _run(self, target: Path, handle: int, size: int) -> None:
        try:
            self._copied = copy_of(target, handle, size)
            os.fsync(handle)  # the old bytes reach the disk now; the final fsync then writes only the tail
        except BaseException as error:  # reported by commit, on the main thread
            self._error = error

    def _wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def commit(self, scan: Scan, tail: str) -> None:
        """Append ``tail`` to the copy and swap it in, if the copy holds the bytes ``scan`` read;
        ConflictError otherwise, with nothing changed. The lock is let go either way."""
        self._wait()
        handle, temporary = self._handle, self._temporary
        assert handle is not None, "commit follows begin, once"
        assert temporary is not None
        self._handle = None
        try:
            with discarded_on_error(temporary, self._ours, self.path):
                if self._error is not None:
                    os.close(handle)
                    raise self._error
                finish(handle, self._copied, temporary, self._ours, self._target, scan, tail.encode("utf-8"), self.path)
        finally:
            self._temporary = None
            self._stack.close()
        sync_folder(self._target.parent if str(self._target.parent) else Path("."))

    def release(self) -> None:
        """Remove the copy, if it was not committed, and let the lock go; safe to call again."""
        self._wait()
        if self._handle is not None:
            with contextlib.suppress(OSError):
                os.close(self._handle)
            self._handle = None
        if self._temporary is not None:
            discard(self._temporary, self._ours)
            self._temporary = None
        self._stack.close()

    def __enter__(self) -> CopyAhead:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()
