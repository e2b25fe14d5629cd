"""Checking: ``check`` validates the log and lists its warnings; ``dates`` shows how a date expression reads."""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
from typing import Annotated

import typer

from .lazy import command
from .options import AsOf, format_option, render_view
from .support import emit, load, parse_option, reference_day, reports_errors, say_error


@command()
@reports_errors
def check(
    ctx: typer.Context,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 65) on warnings too.")] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DAY", help="The day that counts as today for the 'event after today' warning."
        ),
    ] = None,
) -> None:
    """Validate the log. Prints nothing and exits 0 when it is clean. Otherwise lists every problem
    as FILE:LINE: message and exits 65; warnings (a participant who is no declared actor, an event
    with no source, an official outside their recorded tenures, a likely duplicate, an unused actor
    or source, an event after today, goods over a trade total) are listed without failing, unless
    --strict.

    Examples:

      rwpk check

      rwpk check --strict

      rwpk --file notes/2024.toml check
    """
    from ..views.lint import warnings

    log = load(ctx)
    found = warnings(log, reference_day(as_of))
    for warning in found:
        say_error(warning.as_warning())
    if strict and (found or log.warnings):
        count = len(found) + len(log.warnings)
        say_error(f"rwpk: {count} warning{'' if count == 1 else 's'} with --strict")
        raise typer.Exit(65)


@command()
@reports_errors
def dates(
    expression: Annotated[str, typer.Argument(metavar="EXPR", help="A date expression, e.g. 'last week' or 2024-Q1.")],
    as_of: AsOf = None,
    fmt: str | None = format_option("dates", "table"),
) -> None:
    """Show how a date expression normalises.

    Its interval, precision and flags, and its canonical and readable forms.

    Examples:

      rwpk dates "January 3, 2024"

      rwpk dates "last week" --as-of 2025-01-24

      rwpk dates "2024-01~/2024-03" --format json
    """
    span = parse_option("EXPR", expression, reference_day(as_of))
    assert span is not None
    emit(render_view("dates", fmt or "table", span))
