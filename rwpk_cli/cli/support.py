"""What every rwpk command shares: the chosen log, the consoles, error reporting and output.

The core (dates, loading, rendering) is imported inside the functions that use it, so that
``rwpk --help`` never pays for it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click
import typer

if TYPE_CHECKING:
    from ..dates.span import DateSpan
    from ..log.files import LogLocation
    from ..log.model import Log
    from ..log.store import LogStore
    from ..views.filters import Filters

F = TypeVar("F", bound=Callable[..., Any])


class State(NamedTuple):
    """What the global options chose."""

    file: str | None = None
    no_cache: bool = False
    rebuild: bool = False  # set when a damaged cache was found: the command runs again, parsing the log


def stdout() -> Any:
    """The console for data on stdout: no markup, no emoji codes, no highlighting."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def say_error(message: str) -> None:
    """A diagnostic on stderr, one line as it is (no markup, no wrapping), with user text's control
    characters shown as stand-ins. Written directly: a check of a large log prints thousands."""
    from ..render.safe import visible

    if sys.stderr is None:  # started with stderr closed (2>&-): there is nowhere to say it
        return
    try:
        # A line break inside a message is shown, not kept: an id holding one could otherwise forge a
        # FILE:LINE: line that editors and CI annotations would believe.
        sys.stderr.write(visible(message).replace("\n", "\u240a") + "\n")
        sys.stderr.flush()
    except BrokenPipeError:
        _stderr_closed()
    except (OSError, ValueError):  # a full disk, a closed stream: a diagnostic never fails the command
        _stderr_closed()


def _stderr_closed() -> None:
    """Stderr is closed (rwpk check 2>&1 | head -1) or full: send what is left nowhere and carry on,
    so the command still ends with its own exit code. Rich's default would exit 1."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stderr.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stderr = None


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while a write commits and is reported: once the new log is in place,
    rwpk says so and exits 0, rather than exiting 130 after writing (which invites a duplicate on a
    retry). A signal that came during a write that failed is delivered afterwards, as usual.

    After a successful write the signals stay held: all that is left is to return and exit, and a
    signal then could only turn a done write's exit code into 130. (The entry point holds them once
    any command has ended, too; tests that run commands in-process restore the mask.)"""
    import signal

    held = {signal.SIGINT, signal.SIGTERM}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a pending signal interrupts as usual
        raise
    pending = signal.sigpending() & held
    for _ in pending:
        signal.sigwait(pending)  # too late to stop the write: the work is done


def reports_errors(command: F) -> F:
    """Turn the project's own errors into a message on stderr and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ..errors import DamagedCacheError, InputError, LogError, RwpkError

        try:
            try:
                return command(*args, **kwargs)
            except DamagedCacheError:
                ctx = kwargs.get("ctx")
                state = ctx.find_object(State) if isinstance(ctx, click.Context) else None
                if ctx is None or state is None or state.rebuild:
                    raise
                ctx.obj = state._replace(rebuild=True)  # read the log afresh, write its cache anew, answer again
                return command(*args, **kwargs)
        except LogError as error:
            for problem in error.problems:
                say_error(str(problem))
            count = len(error.problems)
            noun, pronoun = ("problem", "it") if count == 1 else ("problems", "them")
            if isinstance(error, InputError):
                say_error(
                    f"rwpk: {error.display} has {count} {noun}; nothing was imported. Fix {pronoun} and run again"
                )
            else:
                say_error(f"rwpk: the log has {count} {noun}; fix {pronoun} and run 'rwpk check'")
            raise typer.Exit(error.exit_code) from None
        except RwpkError as error:
            say_error(f"rwpk: {error}")
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def location(ctx: typer.Context) -> LogLocation:
    """Where the log comes from, as the global options and the environment choose."""
    from ..log.files import locate

    state = ctx.find_object(State) or State()
    return locate(state.file)


def store(ctx: typer.Context, window: tuple[date | None, date | None] | None = None) -> LogStore:
    """The log to query, from its cache when it has not changed; its warnings go to stderr.
    ``window``: the days whose events the command will ask for, when it knows them (they are read
    while the log is hashed)."""
    from ..log.open import open_store
    from ..views.summaries import SUMMARIES

    state = ctx.find_object(State) or State()
    opened = open_store(location(ctx), SUMMARIES, use_cache=not state.no_cache, rebuild=state.rebuild, window=window)
    if not state.rebuild:  # a run again after a damaged cache has shown them already
        for warning in opened.header.warnings:
            say_error(warning.as_warning())
    return opened


def load(ctx: typer.Context) -> Log:
    """The whole validated log."""
    return store(ctx).log()


def window(ctx: typer.Context, filters: Filters) -> tuple[LogStore, Log]:
    """The store and the log with only the events that can pass the date filters."""
    opened = store(ctx)
    return opened, opened.log(*filters.date_window())


def emit(result: object, output: Path | None = None) -> None:
    """Print a rendered view, or write it atomically to ``output``."""
    if output is not None and str(output) != "-":
        from ..render.chunks import Chunks
        from ..write.atomic import write_atomic

        if isinstance(result, Chunks):
            write_atomic(output, result)
        else:
            text = result if isinstance(result, str) else plain(result)
            write_atomic(output, text.encode("utf-8"))
        say_error(f"rwpk: wrote {output}")
    else:
        try:
            _print(result)
        except BrokenPipeError:
            raise  # rwpk … | head: the entry point exits quietly
        except (OSError, ValueError, AttributeError) as error:
            from ..errors import OutputError

            reason = getattr(error, "strerror", None) or "standard output is closed"
            raise OutputError(f"cannot write the output: {reason}; write it to a file with -o FILE") from None


def _print(result: object) -> None:
    if sys.stdout is None:
        raise ValueError("standard output is closed")
    from ..render.chunks import Chunks

    if isinstance(result, (str, Chunks)):
        pieces = (result,) if isinstance(result, str) else result
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            for piece in pieces:
                sys.stdout.write(piece)
        else:
            sys.stdout.flush()
            for piece in pieces:  # UTF-8 whatever the locale, CRLF kept for CSV and ICS; a megabyte at a time
                for start in range(0, len(piece), 1 << 20):
                    stream.write(piece[start : start + (1 << 20)].encode("utf-8"))
        sys.stdout.flush()
    else:
        from ..render.fit import fit

        console = stdout()
        fit(result, console)  # type: ignore[arg-type]
        console.print(result)
        sys.stdout.flush()


def plain(renderable: object) -> str:
    """A Rich renderable as plain text, for writing a table to a file."""
    from rich.console import Console

    console = Console(record=True, width=120, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    console.print(renderable)
    return "".join(line.rstrip() + "\n" for line in console.export_text().splitlines())  # no padding


def parse_option(name: str, value: str | None, ref: date) -> DateSpan | None:
    """A date option, or a usage error naming the option."""
    if value is None:
        return None
    from ..dates.parse import parse_date  # the parser loads only when a date was given
    from ..errors import DateError, UsageError

    try:
        return parse_date(value, ref)
    except DateError as error:
        raise UsageError(f"{name}: {error}") from None


def reference_day(as_of: str | None) -> date:
    """The day relative dates on the command line are resolved against: --as-of, else today."""
    if as_of is None:
        return date.today()
    span = parse_option("--as-of", as_of, date.today())
    assert span is not None
    return span.start
