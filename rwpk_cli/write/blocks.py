"""New records as TOML blocks: what ``rwpk add`` and ``rwpk import`` append, byte for byte.

The blocks are written directly rather than through tomlkit, which takes half a millisecond a
record (a minute for an imported dataset). Their values are texts, lists, days and inline tables,
and every text is a TOML basic string in the json module's escaping, which is a subset of TOML's,
with DEL and the unsafe characters escaped too. Whatever is appended is parsed in full before it
is written (``append.plan``), and tests hold the blocks to what the TOML parser reads back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from json.encoder import encode_basestring as _quote  # a JSON string literal, a valid TOML basic string
from typing import Any, NamedTuple

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
    imported: str | None = None  # where ``rwpk import`` read it
    note: str | None = None  # a comment written above the block, e.g. the sentence it was drafted from
    planned: bool = False  # announced for the future


class NewActor(NamedTuple):
    """An actor to add."""

    id: str
    name: str
    country: str | None = None
    type: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Mapping[str, object], ...] = ()


class NewSource(NamedTuple):
    """A source to add."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


def date_value(text: str) -> Any:
    """An ISO day becomes a TOML date; any other expression stays a string."""
    if _ISO_DAY.match(text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            return text
    return text


#: What ``rwpk add`` writes as a TOML escape instead of raw: the unsafe characters, and the line and
#: paragraph separators that some editors and tools break lines at.
_ESCAPED = re.compile(f"{UNSAFE.pattern[:-1]}\u2028\u2029\x7f]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _event_values(new: NewEvent) -> dict[str, Any]:
    values = {
        "id": new.id,
        "date": date_value(new.date),
        "as_of": date_value(new.as_of) if new.as_of else None,
        "date_text": new.date_text,
        "kind": new.kind,
        "title": new.title,
        "place": new.place,
        "participants": list(new.participants),
        "tags": list(new.tags),
        "summary": new.summary,
        "sources": list(new.sources),
        "imported": new.imported,
        "planned": True if new.planned else None,
    }
    return {key: value for key, value in values.items() if value is not None and value != []}


def event_block(new: NewEvent) -> str:
    """The ``[[event]]`` block for a new event."""
    return event_blocks([new])


def event_blocks(events: Iterable[NewEvent]) -> str:
    """The ``[[event]]`` blocks for new events, one after another with a blank line between them."""
    blocks = (
        _comment(new.note)
        + "[[event]]\n"
        + "".join(f"{key} = {_value(value)}\n" for key, value in _event_values(new).items())
        for new in events
    )
    return "\n".join(blocks)


def _comment(note: str | None, width: int = 98) -> str:
    """``note`` as TOML comment lines, wrapped; its unsafe characters written as escapes, as in values."""
    if not note:
        return ""
    import textwrap

    text = _ESCAPED.sub(_escape, " ".join(note.split()))
    return "".join(f"# {line}\n" for line in textwrap.wrap(text, width - 2, break_on_hyphens=False))


def _value(value: object) -> str:
    """A TOML value: a basic string, a day, a list, or an inline table."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _ESCAPED.sub(_escape, _quote(value))
    if isinstance(value, list):
        return "[" + ", ".join(map(_value, value)) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    assert isinstance(value, date)
    return value.isoformat()


def actor_block(new: NewActor) -> str:
    """The ``[actor.ID]`` table for a new actor."""
    return actor_blocks([new])


def _role(role: Mapping[str, Any]) -> dict[str, Any]:
    return {k: date_value(v) if k in ("since", "until") and isinstance(v, str) else v for k, v in role.items()}


def text_value(text: str) -> str:
    """A text as a TOML basic string."""
    return _value(text)


def role_text(role: Mapping[str, Any]) -> str:
    """One role as an inline table: ``{title = "…", since = 2024-03-11}``."""
    return _value(_role(role))


def actor_blocks(actors: Iterable[NewActor]) -> str:
    """The ``[actor.ID]`` tables for new actors, each role an inline table."""

    def values(new: NewActor) -> dict[str, Any]:
        roles = [_role(role) for role in new.roles]
        return {"name": new.name, "country": new.country, "type": new.type, "aliases": list(new.aliases),
                "roles": roles}  # fmt: skip

    return _named_tables("actor", ((new.id, values(new)) for new in actors))


def source_block(new: NewSource) -> str:
    """The ``[source.ID]`` table for a new source."""
    return source_blocks([new])


def source_blocks(sources: Iterable[NewSource]) -> str:
    """The ``[source.ID]`` tables for new sources."""
    return _named_tables(
        "source",
        (
            (
                new.id,
                {
                    "title": new.title,
                    "outlet": new.outlet,
                    "url": new.url,
                    "published": date_value(new.published) if new.published else None,
                },
            )
            for new in sources
        ),
    )


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(text: str) -> str:
    return text if _BARE_KEY.match(text) else _value(text)


def _named_tables(kind: str, tables: Iterable[tuple[str, Mapping[str, Any]]]) -> str:
    blocks = []
    for ident, values in tables:
        lines = "".join(
            f"{key} = {_value(value)}\n" for key, value in values.items() if value is not None and value != []
        )
        blocks.append(f"[{kind}.{_key(ident)}]\n{lines}")
    return "\n".join(blocks)
