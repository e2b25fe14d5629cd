"""The event views: ``timeline``, ``meetings`` and ``export``, each a filtered list of events in any format."""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
from typing import TYPE_CHECKING, Annotated

import typer

from .lazy import command
from .options import (
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
from .support import emit, reports_errors, say_error, store

if TYPE_CHECKING:
    from pathlib import Path

    from ..log.model import Event, Log
    from ..log.store import LogStore
    from ..render.docs import EventsDoc, Section


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
    from ..render.docs import EventsDoc
    from ..views.filters import select
    from ..views.rows import rows
    from .answers import check_filters, nothing_matched

    chosen = pick_format("timeline", fmt, output, "table")
    arguments = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of)
    opened = store(ctx, arguments.date_window())
    filters = arguments.resolve(opened.header)
    log = opened.log(*filters.date_window())
    check_filters(log, filters)
    doc = EventsDoc(log._replace(trades=filters.trades(log)), rows(log, select(log, filters)), log.title, raw=raw)
    nothing_matched(len(doc.rows), filters, lambda: _tags(opened))
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
    """Show an official's meetings, with everyone's title at the time.

    Meetings, visits, consultations, calls and agreements, with every person's title on the date of
    each event.

    Examples:

      rwpk meetings Nduhungirehe

      rwpk meetings "Gen Muganga" --format md

      rwpk meetings akram --since 2025 --format json

      rwpk meetings Muganga -o muganga.ics
    """
    from ..render.docs import EventsDoc
    from ..views.filters import Filters, resolve_official
    from ..views.rows import meetings as select_meetings
    from .answers import check_filters, nothing_matched

    chosen = pick_format("meetings", fmt, output, "table")
    arguments = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of)
    opened = store(ctx, arguments.date_window())
    person = resolve_official(opened.header, name)
    filters = arguments.resolve(opened.header)
    log = opened.log(*filters.date_window())
    check_filters(log, filters)
    doc = EventsDoc(log, select_meetings(log, person, filters), f"Meetings of {person.name}", person, raw=raw)
    if len(doc.rows) == 0 and filters._replace(limit=None, reverse=False) == Filters():
        say_error(f"rwpk: {person.name} takes part in no meeting, visit, consultation, call or agreement in the log")
    else:
        nothing_matched(len(doc.rows), filters, lambda: _tags(opened))
    emit(render_view("meetings", chosen, doc), output)


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
    """Export the timeline for a report, a spreadsheet or the web.

    Markdown by default.
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
    from ..errors import UsageError
    from ..render.docs import EventsDoc
    from ..views.filters import select
    from ..views.rows import rows
    from .answers import check_filters, nothing_matched

    chosen = pick_format("export", fmt, output, "md")
    wanted = [s.strip() for s in (sections or "").split(",") if s.strip()]
    unknown = [s for s in wanted if s not in REPORT_SECTIONS]
    if unknown:
        raise UsageError(f"--with: unknown section {', '.join(unknown)}; choose from {', '.join(REPORT_SECTIONS)}")
    if wanted and chosen != "md":
        raise UsageError(f"--with adds sections to the Markdown report; it does not apply to --format {chosen}")
    arguments = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of)
    opened = store(ctx, (None, None) if wanted else arguments.date_window())
    filters = arguments.resolve(opened.header)
    # Report sections (actors, network, stats) describe the whole log, so they need every event.
    log = opened.log() if wanted else opened.log(*filters.date_window())
    log = log._replace(trades=filters.trades(log))  # a report shows the trade of the years it covers
    check_filters(log, filters)
    selected = select(log, filters)
    nothing_matched(len(selected), filters, lambda: _tags(opened))
    extra = tuple(_section(name, log, selected) for name in dict.fromkeys(wanted))
    doc = EventsDoc(log, rows(log, selected), log.title, raw=raw, sections=extra)
    if chosen == "parquet":
        _parquet(doc, output)
        return
    emit(render_view("export", chosen, doc), output)


def _parquet(doc: "EventsDoc", output: "Path | None") -> None:
    """Write the export as Parquet files into the folder ``-o`` names."""
    from ..errors import UsageError
    from ..write.tables import write_parquet
    from .support import say_error

    if output is None or str(output) == "-":
        raise UsageError("--format parquet writes six files; give the folder for them with -o, e.g. -o out/")
    tables = render_view("export", "parquet", doc)
    assert isinstance(tables, dict)
    written = write_parquet(tables, output)
    say_error(f"rwpk: wrote {', '.join(p.name for p in written)} in {output}")


REPORT_SECTIONS = ("actors", "network", "trade", "stats")


def _tags(opened: "LogStore") -> list[str]:
    """Every tag of the log, read only when a filtered view came out empty."""
    return [t for e in opened.log().events for t in e.tags]


def _section(name: str, log: "Log", events: "list[Event]") -> "Section":
    from ..render.docs import ActorsDoc, NetworkDoc, StatsDoc, TradeDoc
    from ..views.analysis import activity, flows, network
    from ..views.summaries import summarise

    if name == "actors":
        return ActorsDoc(log, summarise(log))
    if name == "network":
        return NetworkDoc(log, network(log, events))
    if name == "trade":
        return TradeDoc(log, flows(log))
    return StatsDoc(log, activity(log, events))
