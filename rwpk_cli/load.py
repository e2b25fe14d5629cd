"""From a TOML file to a validated :class:`~rwpk_cli.model.Log`, or every problem with its FILE:LINE.

Which log is used: ``--file PATH`` (``-`` is stdin), then ``$RWPK_FILE``, then ``./events.toml``,
then the log bundled with rwpk.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import LogError, Problem, ReadError
from .model import Log
from .tomllines import FastLineIndex
from .validate import Validator

BUNDLED_NAME = "events.toml"
MAX_BYTES = 512 * 1024 * 1024
_HUGE_NUMBER = re.compile(r"\d{4300,}")
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")


@dataclass(frozen=True, slots=True)
class LogLocation:
    """Where a log comes from: a path, or stdin when ``path`` is None; ``display`` names it to users."""

    path: Path | None
    display: str
    bundled: bool = False


def bundled_log() -> Path:
    """The log shipped with rwpk (inside the package once installed; beside it in a source tree)."""
    packaged = Path(str(resources.files("rwpk_cli").joinpath(BUNDLED_NAME)))
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / BUNDLED_NAME


def locate(option: str | None, environ: dict[str, str] | None = None, cwd: Path | None = None) -> LogLocation:
    """Pick the log: the option, then $RWPK_FILE, then ./events.toml, then the bundled log."""
    environ = dict(os.environ) if environ is None else environ
    chosen = option or environ.get("RWPK_FILE") or None
    if chosen == "-":
        return LogLocation(None, "<stdin>")
    if chosen:
        return LogLocation(Path(chosen), chosen)
    local = (cwd or Path.cwd()) / BUNDLED_NAME
    if local.is_file():
        return LogLocation(local, BUNDLED_NAME)
    return LogLocation(bundled_log(), f"{BUNDLED_NAME} (bundled with rwpk)", bundled=True)


def max_bytes() -> int:
    """The largest log rwpk reads: 512 MiB, or $RWPK_MAX_BYTES."""
    configured = os.environ.get("RWPK_MAX_BYTES", "")
    return int(configured) if configured.isdigit() else MAX_BYTES


def read_bytes(location: LogLocation) -> bytes:
    """The log's bytes, within the size limit; unreadable files raise ReadError."""
    name = location.display
    limit = max_bytes()
    try:
        if location.path is None:
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with location.path.open("rb") as handle:
                data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ReadError(
            f"{name}: no such file; check the path, or run rwpk without --file to use ./events.toml"
        ) from None
    except IsADirectoryError:
        raise ReadError(f"{name}: is a directory, not a log file; give the path of a .toml file") from None
    except PermissionError:
        raise ReadError(f"{name}: permission denied; check the file's permissions") from None
    except OSError as error:
        raise ReadError(f"{name}: cannot be read: {error.strerror or error}") from None
    check_size(data, name)
    return data


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


def parse_log(text: str, display: str) -> Log:
    """Parse and validate log text; raises LogError listing every problem found."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        empty = "the log is empty; add an event (rwpk add) or check that this is the right file"
        raise LogError([Problem(display, 1, empty)])
    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _TOML_POSITION.search(message)
        line = int(where["line"]) if where else 1
        column = int(where["column"]) if where else None
        reason = _TOML_POSITION.sub("", message)
        problem = Problem(display, line, f"invalid TOML: {reason}; fix the syntax on this line", column)
        raise LogError([problem]) from None
    except RecursionError:
        raise LogError([Problem(display, 1, "invalid TOML: nested too deeply to read")]) from None
    except ValueError as error:  # tomllib raises this outside TOMLDecodeError, for huge integers
        huge = _HUGE_NUMBER.search(text)
        if huge is None:
            raise LogError([Problem(display, 1, f"invalid TOML: {error}")]) from None
        line = text.count("\n", 0, huge.start()) + 1
        message = f"invalid TOML: a number with {len(huge.group())} digits is too long to read; shorten it"
        raise LogError([Problem(display, line, message)]) from None
    fast = FastLineIndex(text)
    events = data.get("event")
    if not isinstance(events, list) or fast.counts.get("event", 0) == len(events):
        try:
            return Validator(display, text, fast).build(data)
        except LogError:
            pass  # report with the exact scanner, which follows strings and brackets
    return Validator(display, text).build(data)


def parse_toml(text: str) -> dict[str, Any]:
    """TOML to data: with rtoml when it is installed (about five times faster on large logs), and
    with tomllib whenever rtoml objects, so that every syntax error has tomllib's line and column."""
    try:
        import rtoml
    except ImportError:
        return tomllib.loads(text)
    try:
        data: dict[str, Any] = rtoml.loads(text)
    except ValueError:  # rtoml.TomlParsingError, and integers beyond 64 bits; tomllib has the final word
        return tomllib.loads(text)
    return data


def load_log(location: LogLocation) -> Log:
    """Read and validate the log at ``location``."""
    return parse_log(read_text(location), location.display)
