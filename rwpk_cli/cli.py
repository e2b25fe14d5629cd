"""The rwpk command line: parse options, call the core, pick a renderer, print, map errors to exit codes."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__, render
from .atomic import write_atomic
from .dates import DateSpan, parse_date
from .errors import DateError, LogError, RwpkError, UsageError
from .load import LogLocation, load_log, locate
from .model import Kind, Log
from .query import Filters, resolve_official, rows, select, summarise
from .query import meetings as select_meetings
from .render.docs import ActorsDoc, EventsDoc

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="rwpk",
    help=(
        "A diplomatic timeline from a plain-text TOML log of meetings, visits, consultations, "
        "agreements, statements and trade figures.\n\n"
        "The log is --file PATH (- for stdin), else $RWPK_FILE, else ./events.toml, else the "
        "Rwanda–Pakistan log bundled with rwpk.\n\n"
        "Examples:\n\n"
        "  rwpk timeline --since 2024-01\n\n"
        "  rwpk meetings Nduhungirehe\n\n"
        "  rwpk export --format md -o briefing.md\n\n"
        "  rwpk dates 'last week' --as-of 2025-01-24"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


@dataclass(slots=True)
class State:
    """What the global options chose."""

    file: str | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rwpk {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            "-f",
            metavar="PATH",
            help="The log to read; - reads stdin. Default: $RWPK_FILE, ./events.toml, the bundled log.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="Show the version and exit.")
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = State(file=file)


# --- plumbing ------------------------------------------------------------------------------------


def _stdout() -> Any:
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def _say_error(message: str) -> None:
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True, highlight=False, emoji=False, markup=False).print(Text(message), soft_wrap=True)


def reports_errors(command: F) -> F:
    """Turn the project's own errors into a message on stderr and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LogError as error:
            for problem in error.problems:
                _say_error(str(problem))
            count = len(error.problems)
            noun, pronoun = ("problem", "it") if count == 1 else ("problems", "them")
            _say_error(f"rwpk: the log has {count} {noun}; fix {pronoun} and run 'rwpk check'")
            raise typer.Exit(error.exit_code) from None
        except RwpkError as error:
            _say_error(f"rwpk: {error}")
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _location(ctx: typer.Context) -> LogLocation:
    state = ctx.find_object(State) or State()
    return locate(state.file)


def _load(ctx: typer.Context) -> Log:
    log = load_log(_location(ctx))
    for warning in log.warnings:
        _say_error(f"{warning} (warning)")
    return log


def _emit(result: object, output: Path | None = None) -> None:
    if output is not None and str(output) != "-":
        text = result if isinstance(result, str) else _plain(result)
        write_atomic(output, text.encode("utf-8"))
        _say_error(f"rwpk: wrote {output}")
    elif isinstance(result, str):
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            sys.stdout.write(result)
        else:
            sys.stdout.flush()
            stream.write(result.encode("utf-8"))  # UTF-8 whatever the locale, CRLF kept for CSV and ICS
        sys.stdout.flush()
    else:
        _stdout().print(result)


def _plain(renderable: object) -> str:
    from rich.console import Console

    console = Console(record=True, width=120, file=open(os.devnull, "w"), color_system=None)  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def _parse_option(name: str, value: str | None, ref: date) -> DateSpan | None:
    if value is None:
        return None
    try:
        return parse_date(value, ref)
    except DateError as error:
        raise UsageError(f"{name}: {error}") from None


def _today(as_of: str | None) -> date:
    if as_of is None:
        return date.today()
    span = _parse_option("--as-of", as_of, date.today())
    assert span is not None
    return span.start


def _pick_format(view: str, given: str | None, output: Path | None, default: str) -> str:
    """--format when given, else the output file's extension, else the view's default."""
    if given:
        return given
    if output is not None and str(output) != "-":
        return render.from_extension(output.name, view) or default
    return default


def _format_option(view: str, default: str) -> Any:
    names = render.choices(view)

    def check(value: str | None) -> str | None:
        if value is not None and value not in names:
            raise typer.BadParameter(f"'{value}' is not one of {', '.join(names)}.")
        return value

    return typer.Option(
        None,
        "--format",
        metavar="|".join(names),
        help=f"Output format (default {default}). {render.describe(view)}.",
        callback=check,
        autocompletion=lambda: names,
    )


def _render(view: str, fmt: str, doc: object) -> object:
    renderer: Callable[[object], object] = getattr(render.FORMATS[fmt].load(), view)
    return renderer(doc)


# --- shared options ------------------------------------------------------------------------------

FILTERS = "Filters"
_KIND_NAMES = ", ".join(k.value for k in Kind)
Since = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="Events on or after this date (overlapping it), e.g. 2024-01.", rich_help_panel=FILTERS
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="Events on or before this date (overlapping it), e.g. 2025-Q1.", rich_help_panel=FILTERS
    ),
]
On = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="Events overlapping this date, e.g. 2025-W04.", rich_help_panel=FILTERS),
]
Strict = Annotated[
    bool, typer.Option("--strict", help="Keep only events wholly inside the date bounds.", rich_help_panel=FILTERS)
]
Kinds = Annotated[
    list[Kind] | None,
    typer.Option(
        "--kind", "-k", metavar="KIND", help=f"Only this kind (repeatable): {_KIND_NAMES}.", rich_help_panel=FILTERS
    ),
]
Officials = Annotated[
    list[str] | None,
    typer.Option(
        "--official",
        metavar="NAME",
        help="Only events with this person (repeatable: all of them).",
        rich_help_panel=FILTERS,
    ),
]
Country = Annotated[
    str | None,
    typer.Option(
        metavar="CODE", help="Only events with a participant of this country, e.g. RW.", rich_help_panel=FILTERS
    ),
]
Tags = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        help="Only events with this tag (repeatable: any of them).",
        rich_help_panel=FILTERS,
    ),
]
Search = Annotated[
    str | None,
    typer.Option(
        "--search",
        "-s",
        metavar="TEXT",
        help="Text to find in title, summary or place, ignoring case and accents.",
        rich_help_panel=FILTERS,
    ),
]
Limit = Annotated[
    int | None,
    typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N events.", rich_help_panel=FILTERS),
]
Reverse = Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.", rich_help_panel=FILTERS)]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE atomically instead of stdout (- is stdout). Without --format, the extension picks it.",
    ),
]  # fmt: skip
Raw = Annotated[bool, typer.Option("--raw", help="CSV: leave cells that start like a formula (= + - @) as they are.")]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="DAY", help="Reference day for relative dates such as 'last week' (default: today)."
    ),
]


@dataclass(frozen=True, slots=True)
class FilterArgs:
    """The filter options as given on the command line, before names and dates are resolved."""

    since: str | None
    until: str | None
    on: str | None
    strict: bool
    kinds: list[Kind] | None
    officials: list[str] | None
    country: str | None
    tags: list[str] | None
    search: str | None
    limit: int | None
    reverse: bool
    as_of: str | None

    def resolve(self, log: Log) -> Filters:
        """Filters with dates normalised and official names matched to actor ids."""
        from .names import fold

        today = _today(self.as_of)
        return Filters(
            since=_parse_option("--since", self.since, today),
            until=_parse_option("--until", self.until, today),
            on=_parse_option("--on", self.on, today),
            strict=self.strict,
            kinds=frozenset(self.kinds or ()),
            officials=tuple(resolve_official(log, name).id for name in self.officials or ()),
            country=self.country.upper() if self.country else None,
            tags=frozenset(fold(t) for t in self.tags or ()),
            search=self.search,
            limit=self.limit,
            reverse=self.reverse,
        )


# --- commands ------------------------------------------------------------------------------------


@app.command()
@reports_errors
def timeline(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    on: On = None,
    strict: Strict = False,
    kind: Kinds = None,
    official: Officials = None,
    country: Country = None,
    tag: Tags = None,
    search: Search = None,
    limit: Limit = None,
    reverse: Reverse = False,
    as_of: AsOf = None,
    fmt: str | None = _format_option("timeline", "table"),
    output: Output = None,
    raw: Raw = False,
) -> None:
    """Show the events of the log in date order, filtered.

    Examples:

      rwpk timeline --since 2024-01

      rwpk timeline --kind meeting --official Akram --format json

      rwpk timeline --on 2025-W04 --search counterterrorism --format md

      rwpk timeline --kind agreement -o agreements.csv
    """
    chosen = _pick_format("timeline", fmt, output, "table")
    log = _load(ctx)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of).resolve(
        log
    )
    doc = EventsDoc(log, rows(log, select(log, filters)), log.title, raw=raw)
    _emit(_render("timeline", chosen, doc), output)


@app.command()
@reports_errors
def meetings(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="OFFICIAL", help="An actor id, name or alias, e.g. Nduhungirehe.")],
    since: Since = None,
    until: Until = None,
    on: On = None,
    strict: Strict = False,
    kind: Kinds = None,
    official: Officials = None,
    country: Country = None,
    tag: Tags = None,
    search: Search = None,
    limit: Limit = None,
    reverse: Reverse = False,
    as_of: AsOf = None,
    fmt: str | None = _format_option("meetings", "table"),
    output: Output = None,
    raw: Raw = False,
) -> None:
    """Show an official's meetings, visits, consultations, calls and agreements, with every
    person's title on the date of each event.

    Examples:

      rwpk meetings Nduhungirehe

      rwpk meetings "Gen Muganga" --format md

      rwpk meetings akram --since 2025 --format json

      rwpk meetings Muganga -o muganga.ics
    """
    chosen = _pick_format("meetings", fmt, output, "table")
    log = _load(ctx)
    person = resolve_official(log, name)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of).resolve(
        log
    )
    doc = EventsDoc(log, select_meetings(log, person, filters), f"Meetings of {person.name}", person, raw=raw)
    _emit(_render("meetings", chosen, doc), output)


@app.command()
@reports_errors
def actors(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Option(metavar="CODE", help="Only actors of this country, e.g. PK.")] = None,
    fmt: str | None = _format_option("actors", "table"),
) -> None:
    """Summarise every actor: latest role, events, meetings, first and last seen, counterparts.

    Examples:

      rwpk actors

      rwpk actors --country RW --format md
    """
    log = _load(ctx)
    doc = ActorsDoc(log, summarise(log, country.upper() if country else None))
    _emit(_render("actors", fmt or "table", doc))


@app.command()
@reports_errors
def export(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    on: On = None,
    strict: Strict = False,
    kind: Kinds = None,
    official: Officials = None,
    country: Country = None,
    tag: Tags = None,
    search: Search = None,
    limit: Limit = None,
    reverse: Reverse = False,
    as_of: AsOf = None,
    fmt: str | None = _format_option("export", "md"),
    output: Output = None,
    raw: Raw = False,
) -> None:
    """Export the timeline for a report, a spreadsheet, a calendar or the web: Markdown by default.
    With --output and no --format, the format follows the file's extension: .md .csv .json .jsonl
    .ics .html, and .timeline.json for TimelineJS.

    Examples:

      rwpk export > report.md

      rwpk export --since 2025 -o briefing.md

      rwpk export -o timeline.html

      rwpk export -o rw-pk.ics

      rwpk export --format csv --kind agreement
    """
    chosen = _pick_format("export", fmt, output, "md")
    log = _load(ctx)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of).resolve(
        log
    )
    doc = EventsDoc(log, rows(log, select(log, filters)), log.title, raw=raw)
    _emit(_render("export", chosen, doc), output)


@app.command()
@reports_errors
def check(ctx: typer.Context) -> None:
    """Validate the log. Prints nothing and exits 0 when it is clean; otherwise lists every
    problem as FILE:LINE: message and exits 65.

    Examples:

      rwpk check

      rwpk --file notes/2024.toml check
    """
    _load(ctx)


@app.command()
@reports_errors
def dates(
    expression: Annotated[str, typer.Argument(metavar="EXPR", help="A date expression, e.g. 'last week' or 2024-Q1.")],
    as_of: AsOf = None,
    fmt: str | None = _format_option("dates", "table"),
) -> None:
    """Show how a date expression normalises: interval, precision, flags, canonical and readable forms.

    Examples:

      rwpk dates "January 3, 2024"

      rwpk dates "last week" --as-of 2025-01-24

      rwpk dates "2024-01~/2024-03" --format json
    """
    span = _parse_option("EXPR", expression, _today(as_of))
    assert span is not None
    _emit(_render("dates", fmt or "table", span))


def main() -> None:
    """Console entry point: the app, plus Ctrl-C (exit 130) and a closed pipe handled quietly."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("\nrwpk: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
