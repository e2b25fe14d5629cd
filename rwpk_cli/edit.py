"""Adding to a log without losing a byte of it.

A new record is rendered as a TOML block with tomlkit and *appended*: every byte already in the
file stays exactly as it was. The whole resulting text is parsed again before anything is written;
the write is atomic (temporary file, fsync, rename, fsync of the folder) and happens under an
exclusive lock, after checking that nobody changed the file since it was read.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import tomlkit

from .atomic import write_atomic
from .errors import LogError, RwpkError, UsageError
from .load import parse_log
from .logfile import LogLocation, decode, read_bytes
from .model import Log

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOCK_WAIT_SECONDS = 5.0


class ConflictError(RwpkError):
    """The log changed, or is being written, while rwpk was adding to it; nothing was written."""

    exit_code = 75  # EX_TEMPFAIL: try again


class NewEvent(NamedTuple):
    """An event to add, as given on the command line."""

    date: str
    kind: str
    title: str
    participants: tuple[str, ...] = ()
    place: str | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    summary: str | None = None
    as_of: str | None = None
    date_text: str | None = None
    id: str | None = None


class NewActor(NamedTuple):
    """An actor to add."""

    id: str
    name: str
    country: str | None = None
    type: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Mapping[str, str], ...] = ()


class NewSource(NamedTuple):
    """A source to add."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


def _date_value(text: str) -> Any:
    """An ISO day becomes a TOML date; any other expression stays a string."""
    if _ISO_DAY.match(text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            return text
    return text


def _table(values: Mapping[str, Any]) -> Any:
    table = tomlkit.table()
    for key, value in values.items():
        if value is None or value == () or value == []:
            continue
        table.add(key, list(value) if isinstance(value, tuple) else value)
    return table


def event_block(new: NewEvent) -> str:
    """The ``[[event]]`` block for a new event."""
    document = tomlkit.document()
    events = tomlkit.aot()
    events.append(
        _table(
            {
                "id": new.id,
                "date": _date_value(new.date),
                "as_of": _date_value(new.as_of) if new.as_of else None,
                "date_text": new.date_text,
                "kind": new.kind,
                "title": new.title,
                "place": new.place,
                "participants": new.participants,
                "tags": new.tags,
                "summary": new.summary,
                "sources": new.sources,
            }
        )
    )
    document.append("event", events)
    return tomlkit.dumps(document)


def actor_block(new: NewActor) -> str:
    """The ``[actor.ID]`` table for a new actor."""
    roles = tomlkit.array()
    for role in new.roles:
        inline = tomlkit.inline_table()
        for key, value in role.items():
            inline.append(key, _date_value(value) if key in ("since", "until") else value)
        roles.append(inline)
    values: dict[str, Any] = {
        "name": new.name,
        "country": new.country,
        "type": new.type,
        "aliases": new.aliases,
        "roles": roles if new.roles else None,
    }
    return _named_table("actor", new.id, values)


def source_block(new: NewSource) -> str:
    """The ``[source.ID]`` table for a new source."""
    values = {
        "title": new.title,
        "outlet": new.outlet,
        "url": new.url,
        "published": _date_value(new.published) if new.published else None,
    }
    return _named_table("source", new.id, values)


def _named_table(kind: str, ident: str, values: Mapping[str, Any]) -> str:
    document = tomlkit.document()
    outer = tomlkit.table(is_super_table=True)
    outer.add(ident, _table(values))
    document.append(kind, outer)
    return tomlkit.dumps(document)


def appended(text: str, block: str) -> str:
    """``text`` followed by ``block`` after a blank line, in the file's own line endings.

    ``text`` is kept as an exact prefix of the result.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    body = block.strip("\n").replace("\n", newline) + newline
    if not text.strip():
        return text + body
    if text.endswith(newline + newline) or text.endswith("\n\n"):
        separator = ""
    elif text.endswith("\n"):
        separator = newline
    else:
        separator = newline + newline
    return text + separator + body


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


def read_for_edit(path: Path) -> tuple[bytes, str]:
    """The file's bytes and text, exactly as on disk (a BOM included, so it is kept); a missing
    file reads as empty, so a first add creates the log."""
    if not path.exists():
        return b"", ""
    location = LogLocation(path, str(path))
    data = read_bytes(location)
    decode(data, location.display)  # refuses text that is not UTF-8, naming the line
    return data, data.decode("utf-8")


@contextmanager
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


def commit(path: Path, original: bytes, new_text: str) -> None:
    """Write ``new_text`` over ``path`` atomically, if the file still holds ``original``."""
    with locked(path):
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            current = b""
        if hashlib.sha256(current).digest() != hashlib.sha256(original).digest():
            raise ConflictError(
                f"{path}: the file changed while rwpk was adding to it; nothing was written, run the command again"
            )
        write_atomic(path, new_text.encode("utf-8"))
