"""The rwpk command line: parse options, call the core, pick a renderer, print, map errors to exit codes."""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__
from .cli_lazy import LazyGroup, command, group
from .cli_options import (
    AsOf,
    Country,
    FilterArgs,
    Kinds,
    Limit,
    Officials,
    On,
    Output,
    Raw,
    Reverse,
    Search,
    Since,
    Strict,
    Tags,
    Until,
    complete_actor,
    format_option,
    pick_format,
    render_view,
)  # fmt: skip
from .cli_support import State, emit, load, parse_option, reference_day, reports_errors, say_error, store

if TYPE_CHECKING:
    from .model import Event, Log
    from .render.docs import Section

app = typer.Typer(
    name="rwpk",
    cls=LazyGroup,
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
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Parse the log afresh and leave the cache ($XDG_CACHE_HOME/rwpk) alone."),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="Show the version and exit.")
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = State(file=file, no_cache=no_cache)


# --- commands ------------------------------------------------------------------------------------


@command()
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
    fmt: str | None = format_option("timeline", "table"),
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
    from .query import rows, select
    from .render.docs import EventsDoc

    chosen = pick_format("timeline", fmt, output, "table")
    opened = store(ctx)
    arguments = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of)
    filters = arguments.resolve(opened.header)
    log = opened.log(*filters.date_window())
    doc = EventsDoc(log, rows(log, select(log, filters)), log.title, raw=raw)
    emit(render_view("timeline", chosen, doc), output)


@command()
@reports_errors
def meetings(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="OFFICIAL", help="An actor id, name or alias, e.g. Nduhungirehe.", autocompletion=complete_actor
        ),
    ],
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
    fmt: str | None = format_option("meetings", "table"),
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
    from .query import meetings as select_meetings
    from .query import resolve_official
    from .render.docs import EventsDoc

    chosen = pick_format("meetings", fmt, output, "table")
    opened = store(ctx)
    person = resolve_official(opened.header, name)
    arguments = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of)
    filters = arguments.resolve(opened.header)
    log = opened.log(*filters.date_window())
    doc = EventsDoc(log, select_meetings(log, person, filters), f"Meetings of {person.name}", person, raw=raw)
    emit(render_view("meetings", chosen, doc), output)


@command()
@reports_errors
def actors(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Option(metavar="CODE", help="Only actors of this country, e.g. PK.")] = None,
    fmt: str | None = format_option("actors", "table"),
) -> None:
    """Summarise every actor: latest role, events, meetings, first and last seen, counterparts.

    Examples:

      rwpk actors

      rwpk actors --country RW --format md
    """
    from .render.docs import ActorsDoc

    opened = store(ctx)
    wanted = country.upper() if country else None
    summaries = [s for s in opened.summaries() if wanted is None or s.actor.country == wanted]
    doc = ActorsDoc(opened.header, summaries)
    emit(render_view("actors", fmt or "table", doc))


@command()
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
    fmt: str | None = format_option("export", "md"),
    output: Output = None,
    raw: Raw = False,
    sections: Annotated[
        str | None,
        typer.Option(
            "--with",
            metavar="SECTIONS",
            help="Markdown: add report sections, comma-separated: actors, network, trade, stats.",
        ),
    ] = None,
) -> None:
    """Export the timeline for a report, a spreadsheet, a calendar or the web: Markdown by default.
    With --output and no --format, the format follows the file's extension: .md .csv .json .jsonl
    .ics .html, and .timeline.json for TimelineJS. --with adds sections to the Markdown report, so
    that one file makes a complete briefing.

    Examples:

      rwpk export > report.md

      rwpk export --since 2025 -o briefing.md

      rwpk export -o timeline.html

      rwpk export -o rw-pk.ics

      rwpk export --format csv --kind agreement

      rwpk export --with actors,network,trade,stats -o briefing.md
    """
    from .errors import UsageError
    from .query import rows, select
    from .render.docs import EventsDoc

    chosen = pick_format("export", fmt, output, "md")
    wanted = [s.strip() for s in (sections or "").split(",") if s.strip()]
    unknown = [s for s in wanted if s not in REPORT_SECTIONS]
    if unknown:
        raise UsageError(f"--with: unknown section {', '.join(unknown)}; choose from {', '.join(REPORT_SECTIONS)}")
    if wanted and chosen != "md":
        raise UsageError(f"--with adds sections to the Markdown report; it does not apply to --format {chosen}")
    opened = store(ctx)
    arguments = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of)
    filters = arguments.resolve(opened.header)
    # Report sections (actors, network, stats) describe the whole log, so they need every event.
    log = opened.log() if wanted else opened.log(*filters.date_window())
    selected = select(log, filters)
    extra = tuple(_section(name, log, selected) for name in dict.fromkeys(wanted))
    doc = EventsDoc(log, rows(log, selected), log.title, raw=raw, sections=extra)
    emit(render_view("export", chosen, doc), output)


REPORT_SECTIONS = ("actors", "network", "trade", "stats")


def _section(name: str, log: "Log", events: "list[Event]") -> "Section":
    from .analysis import activity, flows, network
    from .query import summarise
    from .render.docs import ActorsDoc, NetworkDoc, StatsDoc, TradeDoc

    if name == "actors":
        return ActorsDoc(log, summarise(log))
    if name == "network":
        return NetworkDoc(log, network(log, events))
    if name == "trade":
        return TradeDoc(log, flows(log))
    return StatsDoc(log, activity(log, events))


@command()
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


@command()
@reports_errors
def dates(
    expression: Annotated[str, typer.Argument(metavar="EXPR", help="A date expression, e.g. 'last week' or 2024-Q1.")],
    as_of: AsOf = None,
    fmt: str | None = format_option("dates", "table"),
) -> None:
    """Show how a date expression normalises: interval, precision, flags, canonical and readable forms.

    Examples:

      rwpk dates "January 3, 2024"

      rwpk dates "last week" --as-of 2025-01-24

      rwpk dates "2024-01~/2024-03" --format json
    """
    span = parse_option("EXPR", expression, reference_day(as_of))
    assert span is not None
    emit(render_view("dates", fmt or "table", span))


from .cli_add import add_app  # noqa: E402  (the other modules' commands follow these in the help)
from .cli_analysis import register as register_analysis  # noqa: E402

group("add", add_app)
register_analysis()
