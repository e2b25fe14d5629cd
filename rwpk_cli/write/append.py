"""Adding to a log without losing a byte of it.

A new record (a TOML block, see ``blocks``) is *appended*: every byte already in the file stays
exactly as it was. The whole resulting text is parsed again before anything is written; the write is
atomic (temporary file, fsync, rename, fsync of the folder) and happens under an exclusive lock,
after checking that nobody changed the file since it was read.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import LogError, UsageError
from ..log.files import LogLocation, decode, read_bytes
from ..log.model import Log
from ..log.parse import parse_log
from .atomic import CHANGED, ConflictError, WriteError, holds, target_of, write_atomic

__all__ = ["ConflictError", "appended", "commit", "plan", "plan_records", "read_for_edit"]

LOCK_WAIT_SECONDS = 5.0


def appended(text: str, block: str) -> str:
    """``text`` followed by ``block`` after a blank line, in the file's own line endings.

    ``text`` is kept as an exact prefix of the result.
    """
    return text + tail_of(text, block)


def tail_of(text: str, block: str) -> str:
    """What ``appended`` adds after ``text``: a separator, then ``block`` in the file's line endings."""
    return separated(block, "\r\n" in text, text[-4:], not text or text.isspace())


def separated(block: str, crlf: bool, ending: str, empty: bool) -> str:
    """``block`` in the file's line endings (``crlf``), after what separates it from a text that
    ends with ``ending`` (a blank line), or alone when the text is ``empty``."""
    newline = "\r\n" if crlf else "\n"
    body = block.strip("\n")  # one copy of a large block at a time
    body = (body.replace("\n", newline) if newline != "\n" else body) + newline
    if empty:
        return body
    if ending.endswith(newline + newline) or ending.endswith("\n\n"):
        separator = ""
    elif ending.endswith("\n"):
        separator = newline
    else:
        separator = newline + newline
    return separator + body


class Addition(NamedTuple):
    """The outcome of an addition: the new text, the log it parses to, and the block that was added."""

    text: str
    log: Log
    block: str
    first_line: int


def plan(original: str, block: str, display: str, checked: bool = False) -> Addition:
    """Check ``original`` is valid (unless the caller has just ``checked`` it), append ``block``
    and check the whole result parses.

    Problems in the existing log raise LogError (nothing is touched); problems in the new block
    raise UsageError with the loader's own message.
    """
    if not checked and original.strip("\ufeff \t\r\n"):
        parse_log(original, display)  # refuse to touch a log that is invalid now
    text = appended(original, block)
    first_line = text.count("\n") - block.strip("\n").count("\n")
    try:
        log = parse_log(text, display)
    except LogError as error:
        messages = [p.message for p in error.problems]
        raise UsageError("the new entry is not valid: " + "; ".join(messages)) from None
    return Addition(text, log, block, first_line)


def plan_records(
    original: str, block: str, display: str, log: Log, whole: Callable[[str], Log] | None = None
) -> Addition:
    """``plan`` for a block of new actors, sources and events appended to a log already read as
    ``log``: the block is checked against the log's declarations and ids without parsing the old text
    again, when that gives exactly what a full parse would; otherwise the whole result is parsed, by
    ``whole`` when the log's own file is not all of it (it includes others)."""
    from ..log.parse import appended_records

    tail = tail_of(original, block)
    found = appended_records(original, tail, log, {e.id for e in log.events})
    if found is None:
        if whole is None:
            return plan(original, block, display, checked=True)
        text = original + tail
        return Addition(text, whole(text), block, text.count("\n") - inner_newlines(block))
    first_line = original.count("\n") + tail.count("\n") - inner_newlines(block)
    text = original + tail
    del tail  # a large import's block is held once more than it must be otherwise
    return Addition(text, found, block, first_line)


def inner_newlines(block: str) -> int:
    """``block.strip("\n").count("\n")``, without copying a large block."""
    lead = 0
    while lead < len(block) and block[lead] == "\n":
        lead += 1
    trail = 0
    while trail < len(block) - lead and block[len(block) - 1 - trail] == "\n":
        trail += 1
    return block.count("\n") - lead - trail


def read_for_edit(path: Path) -> tuple[bytes, str]:
    """The file's bytes and text, exactly as on disk (a BOM included, so it is kept); a missing
    file reads as empty, so a first add creates the log."""
    if not path.exists():
        return b"", ""
    location = LogLocation(path, str(path))
    data = read_bytes(location)
    decode(data, location.display)  # refuses text that is not UTF-8, naming the line
    return data, data.decode("utf-8")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the log (on a lock taken on the file itself, or on its folder when new)."""
    target = path if path.exists() else (path.parent if str(path.parent) else Path("."))
    descriptor = os.open(target, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ConflictError(
                        f"{path}: another rwpk is writing this log; try again when it has finished"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)


def remove_stale_temporaries(target: Path, keep: Path | None = None) -> None:
    """Remove the temporary files that an rwpk killed mid-write left beside the log (all but the
    caller's own ``keep``). Called under the lock, when no other rwpk can be writing one; the pattern
    is write_atomic's own."""
    folder = target.parent if str(target.parent) else Path(".")
    for stale in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if stale.name != (keep.name if keep else None) and stale.is_file() and not stale.is_symlink():
                stale.unlink()


def commit(path: Path, original: bytes, new_text: str) -> None:
    """Write ``new_text`` over ``path`` atomically, if the file still holds ``original``."""
    target, found = target_of(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"{path}: there is no folder {folder}; create it first, or give another path")
    if found is not None and not found.st_mode & 0o222:
        raise WriteError(f"{path}: the log is read-only; make it writable to add to it")
    with locked(path):
        remove_stale_temporaries(target)
        if not holds(target, original):
            raise ConflictError(f"{path}: {CHANGED}")
        write_atomic(path, new_text, expect=original)
