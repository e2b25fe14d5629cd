"""A cache that does not decode completely is ignored and rebuilt: every answer equals a fresh parse."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from rwpk_cli.log.cache import cache_file
from tests.conftest import Run

QUERIES = [
    ("timeline", "--format", "json"),
    ("timeline", "--since", "2021-06", "--format", "json"),
    ("actors", "--format", "json"),
    ("meetings", "alpha", "--format", "json"),
    ("network", "--format", "json"),
    ("check",),
]
EVENT_COLUMNS = ["first", "last", "id", "precision", "approximate", "uncertain", "span_text", "open_start",
                 "open_end", "span_ends", "kind", "title", "place", "people", "tags", "sources", "summary", "date_text",
                 "line", "people_line", "file"]  # fmt: skip


def _sql(*statements: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        db = sqlite3.connect(path)
        try:
            with db:
                for statement in statements:
                    db.execute(statement)
        except sqlite3.OperationalError:
            pass  # damaged already: a query that never reads what is missing (actors) leaves it so
        finally:
            db.close()

    return damage


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 999 // 1000])


def _drop_column(column: str) -> Callable[[Path], None]:
    return _sql(*(f"DROP INDEX IF EXISTS {i}" for i in ("events_last", "events_first", "events_id")),
                f"ALTER TABLE events DROP COLUMN {column}")  # fmt: skip


DAMAGE: dict[str, Callable[[Path], None]] = {
    "no events table": _sql("DROP TABLE events"),
    "no summaries table": _sql("DROP TABLE summaries"),
    "no meta table": _sql("DROP TABLE meta"),
    "an unknown kind": _sql("UPDATE events SET kind = 'party'"),
    "malformed people": _sql("UPDATE events SET people = '[[' WHERE people != ''"),
    "people of the wrong shape": _sql("UPDATE events SET people = '[1, 2]' WHERE people != ''"),
    "malformed tags": _sql("UPDATE events SET tags = '{'"),
    "a date past every calendar": _sql("UPDATE events SET first = 99999999999"),
    "a negative date": _sql("UPDATE events SET last = -5"),
    "an unknown precision": _sql("UPDATE events SET precision = 'eon'"),
    "people that are null": _sql("UPDATE events SET people = 'null' WHERE people != ''"),
    "malformed summary": _sql("UPDATE summaries SET body = '[1,'"),
    "a summary of the wrong shape": _sql("UPDATE summaries SET body = '[]'"),
    "a summary of an unknown actor": _sql("UPDATE summaries SET actor = 'nobody' WHERE seq = 1"),
    "a summary that is a number": _sql("UPDATE summaries SET body = 5"),
    "a malformed header": _sql("UPDATE meta SET value = '{' WHERE key = 'header'"),
    "truncated at 99.9%": _truncate,
    **{f"no {column} column": _drop_column(column) for column in EVENT_COLUMNS},
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_cache_is_ignored_and_rebuilt(run: Run, small_log: Path, damage: str) -> None:
    fresh = {q: run("--no-cache", "--file", str(small_log), *q) for q in QUERIES}
    run("--file", str(small_log), "timeline")  # builds the cache
    cache = cache_file(small_log)
    assert cache.is_file()
    for query in QUERIES:
        DAMAGE[damage](cache)
        result = run("--file", str(small_log), *query)
        expected = fresh[query]
        assert (result.exit_code, result.stdout, result.stderr) == (expected.exit_code, expected.stdout,
                                                                    expected.stderr), query  # fmt: skip
        again = run("--file", str(small_log), *query)  # answered from the rebuilt cache
        assert (again.exit_code, again.stdout) == (expected.exit_code, expected.stdout), query


def test_readers_extending_the_cache_at_once_leave_it_equal_to_a_fresh_parse(small_log: Path, tmp_path: Path) -> None:
    """After each add, several readers start together and each may extend the cache with the new
    event; the cache must end up holding each event once."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    rwpk = [sys.executable, "-m", "rwpk_cli", "--file", str(small_log)]
    query = ["timeline", "--format", "json"]
    subprocess.run([*rwpk, *query], env=env, check=True, capture_output=True)
    for n in range(6):
        subprocess.run([*rwpk, "add", "--date", f"2022-0{n + 1}-01", "--kind", "call", "--title", f"Call {n}"],
                       env=env, check=True, capture_output=True)  # fmt: skip
        readers = [subprocess.Popen([*rwpk, *query], env=env, stdout=subprocess.PIPE) for _ in range(4)]
        outputs = {reader.communicate()[0] for reader in readers}
        assert all(reader.returncode == 0 for reader in readers)
        fresh = subprocess.run([*rwpk, "--no-cache", *query], env=env, check=True, capture_output=True).stdout
        assert outputs == {fresh}
    cached = subprocess.run([*rwpk, *query], env=env, check=True, capture_output=True).stdout
    fresh = subprocess.run([*rwpk, "--no-cache", *query], env=env, check=True, capture_output=True).stdout
    assert cached == fresh
    assert cached.count(b'"title": "Call 5"') == 1


# --- flipped bytes: a bounded mutation test --------------------------------------------------------

APPENDED = '\n[[event]]\nid = "appended"\ndate = 2024-07-01\nkind = "call"\ntitle = "Added"\nparticipants = ["alpha"]\n'
FLIPPED = [("timeline", "--format", "json"), ("timeline", "--since", "2024-06", "--format", "json"),
           ("timeline", "--until", "2021-06", "--format", "json"), ("actors", "--format", "json"),
           ("check",)]  # fmt: skip


def _index_bytes(cache: Path) -> list[int]:
    """The positions of the non-zero bytes of the cache's date and id indexes (pages from dbstat)."""
    with sqlite3.connect(cache) as db:
        size = int(db.execute("PRAGMA page_size").fetchone()[0])
        pages = [p for (p,) in db.execute(
            "SELECT pageno FROM dbstat WHERE name IN ('events_last', 'events_first', 'events_bucket')")]  # fmt: skip
    data = cache.read_bytes()
    return [spot for page in pages for spot in range((page - 1) * size, page * size) if data[spot]]


@pytest.mark.parametrize("appended", [False, True], ids=["as-built", "after-an-append"])
def test_flipped_bytes_never_change_an_answer(run: Run, small_log: Path, appended: bool) -> None:
    """Every answer from a cache with one flipped byte equals a fresh parse (the damage is found and
    the cache rebuilt): 120 random bytes anywhere, and 120 bytes of the date and id indexes, whose
    damage would otherwise skip or repeat rows (or hide a taken id) without any decoding error."""
    run("--file", str(small_log), "timeline")  # builds the cache
    cache = cache_file(small_log)
    pristine = cache.read_bytes()
    rng = random.Random(13)
    anywhere = [(rng.randrange(len(pristine)), rng.randrange(1, 256)) for _ in range(120)]
    in_indexes = [(spot, rng.choice([0x01, 0x10, 0x80])) for spot in rng.sample(_index_bytes(cache), 120)]
    if appended:  # the next run extends the cache with the new event, reading the damaged one
        with small_log.open("a", encoding="utf-8") as handle:
            handle.write(APPENDED)
    fresh = {q: run("--no-cache", "--file", str(small_log), *q) for q in FLIPPED}
    wrong = []
    for number, (position, mask) in enumerate(anywhere + in_indexes):
        damaged = bytearray(pristine)
        damaged[position] ^= mask
        query = FLIPPED[number % len(FLIPPED)]
        cache.write_bytes(bytes(damaged))
        result = run("--file", str(small_log), *query)
        expected = fresh[query]
        if (result.exit_code, result.stdout, result.stderr) != (expected.exit_code, expected.stdout, expected.stderr):
            wrong.append((position, mask, query))
    assert wrong == []
