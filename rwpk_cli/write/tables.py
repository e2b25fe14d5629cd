"""Tables written as Parquet files into a folder, each atomically (a temporary file, then a rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .atomic import WriteError


def write_parquet(tables: Mapping[str, Any], folder: Path) -> list[Path]:
    """Write each table to ``folder/NAME.parquet`` (the folder made if missing); the paths written."""
    import pyarrow.parquet as parquet

    if folder.exists() and not folder.is_dir():
        raise WriteError(f"{folder}: is not a folder; Parquet is six files, so give -o a folder, e.g. -o out/")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(f"{folder}: cannot make the folder: {error.strerror or error}") from None
    written = []
    for name, table in tables.items():
        target = folder / f"{name}.parquet"
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        os.close(handle)
        try:
            parquet.write_table(table, temporary)
            os.replace(temporary, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise WriteError(f"{target}: cannot write: {error.strerror or error}") from None
        written.append(target)
    return written
