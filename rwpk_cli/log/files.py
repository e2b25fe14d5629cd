"""Which log file is used, and its bytes and text, read safely.

Which log: ``--file PATH`` (``-`` is stdin), then ``$RWPK_FILE``, then ``./events.toml``, then the
log bundled with rwpk. Reading it is kept apart from parsing it, so that a run answered from the
cache never loads the parser.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..errors import ReadError

BUNDLED_NAME = "events.toml"
MAX_BYTES = 512 * 1024 * 1024


class LogLocation(NamedTuple):
    """Where a log comes from: a path, or stdin when ``path`` is None; ``display`` names it to users."""

    path: Path | None
    display: str
    bundled: bool = False
    from_environment: bool = False  # named by $RWPK_FILE rather than --file


def bundled_log() -> Path:
    """The log shipped with rwpk: inside the installed package, or beside it in a source tree."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / BUNDLED_NAME, package.parent / BUNDLED_NAME):
        if candidate.is_file():
            return candidate
    from importlib import resources  # a package inside a zip file or another importer

    return Path(str(resources.files("rwpk_cli").joinpath(BUNDLED_NAME)))


def locate(option: str | None, environ: dict[str, str] | None = None, cwd: Path | None = None) -> LogLocation:
    """Pick the log: the option, then $RWPK_FILE, then ./events.toml, then the bundled log."""
    environ = dict(os.environ) if environ is None else environ
    chosen = option or environ.get("RWPK_FILE") or None
    from_environment = not option and chosen is not None
    if chosen == "-":
        return LogLocation(None, "<stdin>", from_environment=from_environment)
    if chosen:
        return LogLocation(Path(chosen), chosen, from_environment=from_environment)
    local = (cwd or Path.cwd()) / BUNDLED_NAME
    if local.is_file():
        return LogLocation(local, BUNDLED_NAME)
    return LogLocation(bundled_log(), f"{BUNDLED_NAME} (bundled with rwpk)", bundled=True)


def max_bytes() -> int:
    """The largest log rwpk reads: 512 MiB, or $RWPK_MAX_BYTES."""
    configured = os.environ.get("RWPK_MAX_BYTES", "")
    return int(configured) if configured.isdigit() else MAX_BYTES


LOG_FILE = "a .toml file"


def read_bytes(location: LogLocation, what: str = LOG_FILE) -> bytes:
    """The bytes of a log (or of ``what`` another file is), within the size limit; unreadable files
    raise ReadError."""
    name = location.display
    limit = max_bytes()
    try:
        if location.path is None:
            data = _read_up_to(sys.stdin.buffer, limit + 1)
        else:
            data = _read_regular(location.path, name, limit + 1, what)
    except FileNotFoundError:
        if what != LOG_FILE:
            raise ReadError(f"{name}: no such file; check the path") from None
        if location.from_environment:
            raise ReadError(
                f"{name}: no such file, named by $RWPK_FILE; check the path, or unset RWPK_FILE to use ./events.toml"
            ) from None
        raise ReadError(
            f"{name}: no such file; check the path, or run rwpk without --file to use ./events.toml"
        ) from None
    except IsADirectoryError:
        raise ReadError(f"{name}: is a directory, not a file; give the path of {what}") from None
    except PermissionError:
        raise ReadError(f"{name}: permission denied; check the file's permissions") from None
    except OSError as error:
        raise ReadError(f"{name}: cannot be read: {error.strerror or error}") from None
    check_size(data, name)
    return data


def _read_regular(path: Path, name: str, limit: int, what: str) -> bytes:
    """Up to ``limit`` bytes of a regular file. The file is opened without blocking and checked
    before anything is read, so a FIFO, a device (/dev/zero) or a socket is refused at once rather
    than hanging or reading without end."""
    if stat.S_ISSOCK(mode := os.stat(path).st_mode):  # a socket cannot even be opened: say what it is
        raise ReadError(f"{name}: is {_kind(mode)}, not a regular file; give the path of {what}")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            raise ReadError(f"{name}: is {_kind(mode)}, not a regular file; give the path of {what}")
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return _read_up_to(handle, limit, os.fstat(descriptor).st_size + 1)
    finally:
        os.close(descriptor)


def _read_up_to(stream: BinaryIO, limit: int, expected: int = 1 << 20) -> bytes:
    """Up to ``limit`` bytes of ``stream``, allocating only what it holds: ``read(limit)`` would reserve
    the whole limit (512 MiB) for every log, however small."""
    data = stream.read(min(limit, expected))
    if len(data) < min(limit, expected):
        return data
    parts = [data]
    total = len(data)
    while total < limit and (chunk := stream.read(min(1 << 20, limit - total))):
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (a named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def check_size(data: bytes, name: str) -> None:
    """Refuse a log over the size limit."""
    limit = max_bytes()
    if len(data) > limit:
        raise ReadError(f"{name}: larger than the limit of {limit:,} bytes; split it into several logs")


def decode(data: bytes, name: str) -> str:
    """The text of a log's bytes, as UTF-8 (a BOM is accepted); anything else raises ReadError."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReadError(f"{name}:{line}: not UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8") from None
    return text.removeprefix("\ufeff")


def read_text(location: LogLocation) -> str:
    """The log's text, decoded as UTF-8 (a BOM is accepted); unreadable files raise ReadError."""
    return decode(read_bytes(location), location.display)
