"""Writing a file so that it is either wholly replaced or left exactly as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import RwpkError
from . import swap

CHUNK = 1 << 20
CHANGED = "the file changed while rwpk was adding to it; nothing was written, run the command again"


class WriteError(RwpkError):
    """An output file could not be written; any earlier file of that name is left untouched."""

    exit_code = 73  # EX_CANTCREAT


class ConflictError(RwpkError):
    """The log changed, or is being written, while rwpk was adding to it; nothing was written."""

    exit_code = 75  # EX_TEMPFAIL: try again


def identity(found: os.stat_result) -> tuple[int, int, int, int]:
    """What changes when a file is replaced or rewritten: its device and inode, size and mtime."""
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def holds(path: Path, expected: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``expected``, read in chunks (a missing file holds b"")."""
    try:
        with open(path, "rb") as stream:
            offset = 0
            while chunk := stream.read(CHUNK):
                if expected[offset : offset + len(chunk)] != chunk:
                    return False
                offset += len(chunk)
            return offset == len(expected)
    except FileNotFoundError:
        return expected == b""


def target_of(path: Path) -> tuple[Path, os.stat_result | None]:
    """Where a write to ``path`` lands, and what is there now: a symbolic link's target (so the link
    stays a link), refused when it is not a regular file or has other hard links, which a rename would
    replace or split."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        found = target.stat()
    except FileNotFoundError:
        return target, None
    except OSError as error:
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    if not stat.S_ISREG(found.st_mode):
        kind = "a folder" if stat.S_ISDIR(found.st_mode) else "not a regular file (a device, a FIFO or a socket)"
        raise WriteError(f"{path}: is {kind}; rwpk writes only regular files (-o - writes to stdout)")
    if found.st_nlink > 1:
        raise WriteError(
            f"{path}: has {found.st_nlink} hard links, and replacing it would split them; "
            "copy it to a file of its own (cp --remove-destination) or write elsewhere"
        )
    return target, found


def write_atomic(path: Path, data: bytes | str | Iterable[str], expect: bytes | None = None) -> None:
    """Write ``data`` (text, or text in pieces, is written as UTF-8, a megabyte at a time, so that a
    large log is not held twice) to a temporary file beside ``path`` (beside a symbolic link's
    target), fsync it, then rename it into place, keeping the old file's mode, owner and group.

    With ``expect``, the file is replaced only if it still holds exactly those bytes at that moment
    (ConflictError otherwise, and the file is left as the other program saved it); see ``_swap_in``.
    """
    target, found = target_of(path)
    if found is not None and not found.st_mode & 0o222:
        raise WriteError(f"{path}: is read-only; make it writable to write it")
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary, ours = temporary_beside(target, found, path)
    with discarded_on_error(temporary, ours, path):
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                for piece in (data,) if isinstance(data, str) else data:
                    for start in range(0, len(piece), 1 << 20):
                        stream.write(piece[start : start + (1 << 20)].encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        if expect is None:
            os.replace(temporary, target)
        else:
            _swap_in(temporary, ours, target, found, expect, path)
    sync_folder(folder)


@contextlib.contextmanager
def discarded_on_error(temporary: Path, ours: int, path: Path) -> Iterator[None]:
    """Remove rwpk's temporary file if the block fails; an OSError becomes a WriteError naming ``path``."""
    try:
        yield
    except OSError as error:
        discard(temporary, ours)
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        discard(temporary, ours)
        raise


def temporary_beside(target: Path, found: os.stat_result | None, path: Path) -> tuple[int, Path, int]:
    """A new temporary file beside ``target``, with the mode, owner and group of the file ``found``
    there: its descriptor, path and inode. WriteError when the folder does not allow it."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"{path}: cannot write here: {error.strerror or error}") from None
    temporary, ours = Path(name), os.fstat(handle).st_ino
    try:
        os.chmod(temporary, _mode_for(target))
        if found is not None and (found.st_uid, found.st_gid) != (os.geteuid(), os.getegid()):
            # As root the file stays its owner's; otherwise it becomes ours, as an editor's save would.
            with contextlib.suppress(PermissionError):
                os.chown(temporary, found.st_uid, found.st_gid)
    except OSError as error:
        os.close(handle)
        discard(temporary, ours)
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    return handle, temporary, ours


def sync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename in it survives a crash (where the platform allows it)."""
    try:
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)


def discard(temporary: Path, ours: int) -> None:
    """Remove the temporary file, if what is at its name is still rwpk's own (after a swap it may be
    the user's log)."""
    with contextlib.suppress(OSError):
        if temporary.stat().st_ino == ours:
            temporary.unlink()


def _swap_in(temporary: Path, ours: int, target: Path, found: os.stat_result | None, expect: bytes, path: Path) -> None:
    """Put ``temporary`` in place of ``target`` only if ``target`` still is the file rwpk read.

    Where the platform can swap two files in one step, rwpk swaps, then checks that what it swapped
    out is the same file with the same bytes, and swaps back when not: a save that landed before that
    check is restored. Elsewhere the same checks run just before a plain rename.
    """
    if found is None:  # there was no log: create it only if there still is none
        try:
            placed = swap.create(temporary, target)
        except FileExistsError:
            raise ConflictError(f"{path}: {CHANGED}") from None
        if not placed:
            if target.exists():
                raise ConflictError(f"{path}: {CHANGED}")
            os.replace(temporary, target)
        return
    if identity(target.stat()) != identity(found):
        raise ConflictError(f"{path}: {CHANGED}")
    if not swap.exchange(temporary, target):
        if not holds(target, expect) or identity(target.stat()) != identity(found):
            raise ConflictError(f"{path}: {CHANGED}")
        os.replace(temporary, target)
        return
    if identity(temporary.stat()) == identity(found) and holds(temporary, expect):
        temporary.unlink()
        return
    keep_both(temporary, ours, target, path)


def keep_both(temporary: Path, ours: int, target: Path, path: Path) -> None:
    """After a swap put aside a file that another program had just saved as the log: swap it back,
    and raise ConflictError. A second save that landed between the two swaps is kept beside it."""
    swap.exchange(temporary, target)  # another program saved the log: give it back its file
    if temporary.stat().st_ino != ours:  # a second save landed between the two swaps: keep both
        kept = target.with_name(f"{target.name}.saved-{os.getpid()}")
        os.replace(temporary, kept)
        raise ConflictError(
            f"{path}: another program saved the log twice while rwpk was adding to it; nothing was "
            f"added; the log holds the first save, and the second is kept in {kept}"
        )
    raise ConflictError(f"{path}: {CHANGED}")


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
