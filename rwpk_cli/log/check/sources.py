"""Checking ``[source.ID]`` tables, and the source ids that events and trade figures cite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..lines import TableKey
from ..model import Source
from .fields import FieldReader

SOURCE_KEYS = ("title", "outlet", "url", "published")


def sources(reader: FieldReader, data: Mapping[str, Any]) -> dict[str, Source]:
    """The file's sources, by id, in the order they are declared."""
    out: dict[str, Source] = {}
    for where, table in reader.records(data, "source"):
        ident = reader.record_id(where, "source")
        owner = f"source '{ident}'"
        reader.unknown_keys(table, where, SOURCE_KEYS, owner)
        out[ident] = Source(
            id=ident,
            title=reader.text(table, where, "title", owner),
            outlet=reader.text(table, where, "outlet", owner),
            url=reader.text(table, where, "url", owner),
            published=reader.date_value(table, where, "published", owner),
            line=reader.lines.table(where),
            file=reader.tag,
        )
    return out


def cited(
    reader: FieldReader, table: Mapping[str, Any], where: TableKey, owner: str, known: Mapping[str, Source]
) -> tuple[str, ...]:
    """The ``sources`` a record cites; each must be declared."""
    ids = reader.texts(table, where, "sources", owner)
    for ident in ids:
        if ident not in known:
            import difflib

            listed = ", ".join(sorted(known)[:12]) + (f" and {len(known) - 12} more" if len(known) > 12 else "")
            near = difflib.get_close_matches(ident, list(known), n=1)
            hint = f"did you mean '{near[0]}'? " if near else ""
            reader.problem(
                reader.lines.key(where, "sources"),
                f"{owner}: unknown source '{ident}'; {hint}declare it as [source.{ident}] or use a known id "
                f"({listed or 'none yet'})",
            )
    return ids
