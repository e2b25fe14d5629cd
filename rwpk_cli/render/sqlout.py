"""A SQL answer as a terminal table, CSV (csv module) or JSON (an array of objects)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any


def rendered(columns: Sequence[str], found: Sequence[Sequence[Any]], fmt: str) -> Any:
    """The answer in ``fmt``: ``table`` (a Rich table), ``csv`` or ``json``."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, row, strict=True)) for row in found], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in found)
        return buffer.getvalue()
    from rich import box
    from rich.table import Table

    from .safe import shown

    table = Table(box=box.SIMPLE_HEAD, caption=f"{len(found)} row{'' if len(found) == 1 else 's'}")
    for column in columns:
        table.add_column(shown(column))
    for row in found:
        table.add_row(*("" if v is None else shown(str(v)) for v in row))
    return table
