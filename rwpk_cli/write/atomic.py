"""Writing a file so that it is either wholly replaced or left exactly as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ..errors import RwpkError


class WriteError(RwpkError):
    """An output file could not be written; any earlier file of that name is left untouched."""

    exit_code = 73  # EX_CANTCREAT


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


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` (beside a symbolic link's target), fsync it,
    then rename it into place, keeping the old file's mode, owner and group."""
    target, found = target_of(path)
    if found is not None and not found.st_mode & 0o222:
        raise WriteError(f"{path}: is read-only; make it writable to write it")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"{path}: cannot write here: {error.strerror or error}") from None
    try:
        os.chmod(temporary, _mode_for(target))
        if found is not None and (found.st_uid, found.st_gid) != (os.geteuid(), os.getegid()):
            # As root the file stays its owner's; otherwise it becomes ours, as an editor's save would.
            with contextlib.suppress(PermissionError):
                os.chown(temporary, found.st_uid, found.st_gid)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
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


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
