"""New records as TOML blocks, rendered with tomlkit: what ``rwpk add`` appends, byte for byte."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

import tomlkit

from ..log.text import UNSAFE

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


#: What ``rwpk add`` writes as a TOML escape instead of raw: the unsafe characters, and the line and
#: paragraph separators that some editors and tools break lines at.
_ESCAPED = re.compile(f"{UNSAFE.pattern[:-1]}\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _dumps(document: Any) -> str:
    """The TOML of ``document``, with every unsafe character written as an escape, so that the block
    ``--dry-run`` prints cannot act on the terminal and the log shows such characters in any editor.
    tomlkit writes every string as a basic (double-quoted) string or key, where escapes are valid."""
    return _ESCAPED.sub(_escape, tomlkit.dumps(document))


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
    return _dumps(document)


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
    return _dumps(document)
