"""Checking ``[actor.ID]`` tables and their roles."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ...dates.parse import parse_date
from ...dates.span import DateSpan
from ...errors import DateError
from ..lines import TableKey
from ..model import Actor, Role
from .fields import FieldReader, date_hint, show, type_name

ACTOR_KEYS = ("name", "country", "type", "aliases", "roles")
ROLE_KEYS = ("title", "since", "until")


def actors(reader: FieldReader, data: Mapping[str, Any]) -> dict[str, Actor]:
    """The file's actors, by id, in the order they are declared."""
    out: dict[str, Actor] = {}
    lines = reader.lines
    for where, table in reader.records(data, "actor"):
        ident = reader.record_id(where, "actor")
        owner = f"actor '{ident}'"
        reader.unknown_keys(table, where, ACTOR_KEYS, f"actor '{ident}'")
        name = reader.text(table, where, "name", owner, required=True)
        kind = reader.text(table, where, "type", owner) or "person"
        if kind == "organisation":
            kind = "organization"
        if kind not in ("person", "organization"):
            reader.problem(lines.key(where, "type"), f'{owner}: type {show(kind)} must be "person" or "organization"')
        out[ident] = Actor(
            id=ident,
            name=name or ident,
            country=reader.country(table, where, "country", owner),
            type=kind,
            aliases=reader.texts(table, where, "aliases", owner),
            roles=_roles(reader, table, where, owner),
            line=lines.table(where),
            file=reader.tag,
        )
    return out


def _roles(reader: FieldReader, table: Mapping[str, Any], where: TableKey, owner: str) -> tuple[Role, ...]:
    value = table.get("roles")
    if value is None:
        return ()
    if not isinstance(value, list):
        reader.problem(reader.lines.key(where, "roles"), f"{owner}: roles must be a list of {{ title = …, since = … }}")
        return ()
    roles = []
    for index, item in enumerate(value):
        line = reader.lines.item(where, "roles", index)
        if not isinstance(item, dict):
            reader.problem(line, f'{owner}: role #{index + 1} must be {{ title = "…", since = …, until = … }}')
            continue
        role_owner = f"{owner}, role #{index + 1}"
        if not item.keys() <= set(ROLE_KEYS):  # a quick index has no line for the role: find the roles key
            found = line if (where, "roles") in reader.lines.items else reader.key_line(where, "roles")
            reader.unknown_keys(item, where, ROLE_KEYS, role_owner, found)
        before = len(reader.problems)
        title = _role_title(reader, item, line, role_owner)
        since, until = (_role_date(reader, item, key, line, role_owner) for key in ("since", "until"))
        if since and until and until.end < since.start:
            reader.problem(line, f"{role_owner}: until {until.label} is before since {since.label}; swap them")
        if title is not None and len(reader.problems) == before:
            roles.append(Role(title, since, until))
    return tuple(roles)


def _role_title(reader: FieldReader, item: Mapping[str, Any], line: int, owner: str) -> str | None:
    title = item.get("title")
    if title is None:
        reader.problem(line, f'{owner}: title is missing; add title = "…"')
        return None
    if not isinstance(title, str) or not title.strip():
        reader.problem(line, f'{owner}: title must be text, not {show(title)}; write title = "…"')
        return None
    return title


def _role_date(reader: FieldReader, item: Mapping[str, Any], key: str, line: int, owner: str) -> DateSpan | None:
    value = item.get(key)
    if value is None:
        return None
    try:
        if not isinstance(value, str | date):
            raise DateError(f"{show(value)} is {type_name(value)}, not a date; write {date_hint(key, value)}")
        return parse_date(value)
    except DateError as error:
        reader.problem(line, f"{owner}: {key}: {error}")
        return None
