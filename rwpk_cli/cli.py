"""The rwpk command line: parse options, call the core, pick a renderer, print, map errors to exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__, render
from .cli_support import State, emit, load, parse_option, reference_day, reports_errors, say_error
from .model import Kind, Log
from .query import Filters, resolve_official, rows, select, summarise
from .query import meetings as select_meetings
from .render.docs import ActorsDoc, EventsDoc

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

        ref = reference_day(self.as_of)
        return Filters(
            since=parse_option("--since", self.since, ref),
            until=parse_option("--until", self.until, ref),
            on=parse_option("--on", self.on, ref),
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
    log = load(ctx)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of).resolve(
        log
    )
    doc = EventsDoc(log, rows(log, select(log, filters)), log.title, raw=raw)
    emit(_render("timeline", chosen, doc), output)


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
    log = load(ctx)
    person = resolve_official(log, name)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of).resolve(
        log
    )
    doc = EventsDoc(log, select_meetings(log, person, filters), f"Meetings of {person.name}", person, raw=raw)
    emit(_render("meetings", chosen, doc), output)


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
    log = load(ctx)
    doc = ActorsDoc(log, summarise(log, country.upper() if country else None))
    emit(_render("actors", fmt or "table", doc))


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
    log = load(ctx)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of).resolve(
        log
    )
    doc = EventsDoc(log, rows(log, select(log, filters)), log.title, raw=raw)
    emit(_render("export", chosen, doc), output)


@app.command()
@reports_errors
def check(
    ctx: typer.Context,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 65) on warnings too.")] = False,
    as_of: AsOf = None,
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
    from .lint import warnings

    log = load(ctx)
    found = warnings(log, reference_day(as_of))
    for warning in found:
        say_error(warning.as_warning())
    if strict and (found or log.warnings):
        count = len(found) + len(log.warnings)
        say_error(f"rwpk: {count} warning{'' if count == 1 else 's'} with --strict")
        raise typer.Exit(65)


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
    span = parse_option("EXPR", expression, reference_day(as_of))
    assert span is not None
    emit(_render("dates", fmt or "table", span))


from .cli_add import add_app  # noqa: E402  (registers after the shared options above exist)

app.add_typer(add_app, name="add")


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
