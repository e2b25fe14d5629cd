"""Checking ``[[trade]]`` figures: a year's trade in one direction, with its main goods."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ..lines import TableKey
from ..model import Source, Trade
from .fields import FieldReader, show
from .sources import cited

TRADE_KEYS = ("year", "from", "to", "value_usd", "goods", "other_goods", "sources")


def trades(reader: FieldReader, data: Mapping[str, Any], known: Mapping[str, Source]) -> list[Trade]:
    """The valid [[trade]] figures of ``data``."""
    out = []
    lines = reader.lines
    for where, table in reader.records(data, "trade"):
        owner = f"trade #{int(where[1]) + 1}"
        before = len(reader.problems)
        reader.unknown_keys(table, where, TRADE_KEYS, owner)
        for key in ("year", "from", "to", "value_usd"):
            if key not in table:
                reader.problem(lines.table(where), f"{owner}: {key} is missing; add {key} = …")
        year = reader.field(table, where, "year", owner, int, "a year such as 2022")
        origin = reader.country(table, where, "from", owner)
        destination = reader.country(table, where, "to", owner)
        value = reader.field(table, where, "value_usd", owner, (int, float), "an amount in US dollars")
        if value is not None and not math.isfinite(value):
            reader.problem(
                lines.key(where, "value_usd"), f"{owner}: value_usd {value} is no amount; give the amount traded"
            )
            value = None
        elif value is not None and value < 0:
            reader.problem(
                lines.key(where, "value_usd"), f"{owner}: value_usd {value} is negative; give the amount traded"
            )
        goods = _goods(reader, table, where, owner)
        other_goods = reader.texts(table, where, "other_goods", owner)
        source_ids = cited(reader, table, where, owner, known)
        if len(reader.problems) == before and year is not None and origin and destination and value is not None:
            line = lines.table(where)
            out.append(Trade(year, origin, destination, int(value), goods, source_ids, line, reader.tag, other_goods))
    return out


def _goods(reader: FieldReader, table: Mapping[str, Any], where: TableKey, owner: str) -> dict[str, int]:
    value = table.get("goods")
    if value is None:
        return {}
    valid = isinstance(value, dict) and all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and v >= 0 for v in value.values()
    )
    if not valid:
        reader.problem(
            reader.lines.key(where, "goods"),
            f"{owner}: goods must be a table of amounts, like goods = {{ tea = 31_400_000 }}, not {show(value)}",
        )
        return {}
    return {k: int(v) for k, v in value.items()}
