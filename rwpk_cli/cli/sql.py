"""``rwpk sql``: read-only SQL over the log's tables (see ``views.sql``)."""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
from typing import Annotated

import typer

from .lazy import command
from .support import emit, location, reports_errors, store

FORMATS = ("table", "csv", "json")


@command("sql")
@reports_errors
def sql(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(metavar="SELECT", help="One read-only SQL statement.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", metavar="FORMAT", help="table (at a terminal), csv (into a pipe) or json."),
    ] = None,
) -> None:
    """Answer a read-only SQL query over the log's tables.

    The tables: events, participants (each event's people, with their title at the time), actors,
    roles, sources, event_sources, trade and trade_goods; the README lists their columns. The
    tables are built once for each state of the log, beside its cache, and opened read-only: a
    statement that would change anything (INSERT, ATTACH, a PRAGMA that sets a value) is refused.

    Examples:

    \b
      rwpk sql "SELECT kind, count(*) FROM events GROUP BY kind"
      rwpk sql "SELECT name, title FROM participants WHERE event_id = 'muganga-mirza-2024-01-03'"
      rwpk sql "SELECT substr(start, 1, 4) AS year, count(*) FROM events GROUP BY year" --format csv
    """
    import sqlite3
    import sys

    from ..errors import UsageError
    from ..views.sql import Refused, query

    chosen = (fmt or ("table" if sys.stdout and sys.stdout.isatty() else "csv")).lower()
    if chosen not in FORMATS:
        raise UsageError(f"--format {fmt}: use one of {', '.join(FORMATS)}")
    path = _tables(ctx)
    try:
        answer = query(path, statement)
    except Refused as refused:
        raise UsageError(f"sql only reads the log: {refused} is refused; write a SELECT") from None
    except sqlite3.Error as error:
        raise UsageError(f"SQL: {error}") from None
    from ..render.sqlout import rendered

    emit(rendered(answer.columns, answer.rows, chosen))


def _tables(ctx: typer.Context) -> "Path":
    """The SQL file for the log as it is now, built when it is missing or holds another state."""
    import tempfile

    from ..log.cache import cache_dir, cache_file, digest_of
    from ..log.files import read_bytes
    from ..views.sql import build, fresh, stamp

    where = location(ctx)
    log = store(ctx).log()
    if where.path is None:  # stdin: the tables live as long as this run
        path = Path(tempfile.mkdtemp(prefix="rwpk-sql-")) / "log.sqlite"
        build(log, path)
        return path
    digest = digest_of(read_bytes(where))
    path = cache_dir() / f"{cache_file(where.path).stem}.sql.sqlite"
    if not fresh(path, digest):
        build(log, path)
        stamp(path, digest)
    return path


from pathlib import Path  # noqa: E402  (for the annotation Typer never reads)
