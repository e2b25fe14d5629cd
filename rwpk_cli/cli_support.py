"""What every rwpk command shares: the chosen log, the consoles, error reporting and output."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import typer

from .atomic import write_atomic
from .dates import DateSpan, parse_date
from .errors import DateError, LogError, RwpkError, UsageError
from .load import LogLocation, load_log, locate
from .model import Log
from .render.safe import visible

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(slots=True)
class State:
    """What the global options chose."""

    file: str | None = None


def stdout() -> Any:
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def say_error(message: str) -> None:
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True, highlight=False, emoji=False, markup=False).print(Text(visible(message)), soft_wrap=True)


def reports_errors(command: F) -> F:
    """Turn the project's own errors into a message on stderr and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LogError as error:
            for problem in error.problems:
                say_error(str(problem))
            count = len(error.problems)
            noun, pronoun = ("problem", "it") if count == 1 else ("problems", "them")
            say_error(f"rwpk: the log has {count} {noun}; fix {pronoun} and run 'rwpk check'")
            raise typer.Exit(error.exit_code) from None
        except RwpkError as error:
            say_error(f"rwpk: {error}")
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def location(ctx: typer.Context) -> LogLocation:
    state = ctx.find_object(State) or State()
    return locate(state.file)


def load(ctx: typer.Context) -> Log:
    log = load_log(location(ctx))
    for warning in log.warnings:
        say_error(warning.as_warning())
    return log


def emit(result: object, output: Path | None = None) -> None:
    if output is not None and str(output) != "-":
        text = result if isinstance(result, str) else plain(result)
        write_atomic(output, text.encode("utf-8"))
        say_error(f"rwpk: wrote {output}")
    elif isinstance(result, str):
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            sys.stdout.write(result)
        else:
            sys.stdout.flush()
            stream.write(result.encode("utf-8"))  # UTF-8 whatever the locale, CRLF kept for CSV and ICS
        sys.stdout.flush()
    else:
        stdout().print(result)


def plain(renderable: object) -> str:
    from rich.console import Console

    console = Console(record=True, width=120, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def parse_option(name: str, value: str | None, ref: date) -> DateSpan | None:
    if value is None:
        return None
    try:
        return parse_date(value, ref)
    except DateError as error:
        raise UsageError(f"{name}: {error}") from None


def reference_day(as_of: str | None) -> date:
    if as_of is None:
        return date.today()
    span = parse_option("--as-of", as_of, date.today())
    assert span is not None
    return span.start
