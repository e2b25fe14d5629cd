"""Analysis commands: actor summaries, one actor's card, the counterpart network, trade flows and
activity over time."""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
from typing import Annotated

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
from .support import emit, load, reports_errors, say_error, store

Name = Annotated[
    str,
    typer.Argument(metavar="NAME", help="An actor id, name or alias, e.g. Akram.", autocompletion=complete_actor),
]


def register() -> None:
    """Add the analysis commands to rwpk's root command."""
    command("actors")(reports_errors(actors))
    command("actor")(reports_errors(actor))
    command("network")(reports_errors(network_command))
    command("trade")(reports_errors(trade))
    command("stats")(reports_errors(stats))


def actors(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Option(metavar="CODE", help="Only actors of this country, e.g. PK.")] = None,
    fmt: str | None = format_option("actors", "table"),
    output: Output = None,
) -> None:
    """Summarise every actor and their contacts.

    Each actor's latest role, events, meetings, first and last seen, and most frequent counterparts.

    Examples:

      rwpk actors

      rwpk actors --country RW --format md
    """
    from ..render.docs import ActorsDoc
    from ..views.summaries import summaries_of

    opened = store(ctx)
    wanted = country.upper() if country else None
    summaries = [s for s in summaries_of(opened) if wanted is None or s.actor.country == wanted]
    doc = ActorsDoc(opened.header, summaries)
    emit(render_view("actors", pick_format("actors", fmt, output, "table"), doc), output)


def actor(
    ctx: typer.Context, name: Name, fmt: str | None = format_option("actor", "table"), output: Output = None
) -> None:
    """Show one actor's card: roles, counterparts and events.

    Name, country and aliases; the roles as a tenure timeline; events by kind; counterparts with
    counts and first and last contact; and every event.

    Examples:

      rwpk actor Akram

      rwpk actor "Gen Muganga" --format md > muganga.md

      rwpk actor nduhungirehe --format json
    """
    from ..render.docs import ActorDoc
    from ..views.analysis import actor_card
    from ..views.filters import resolve_official

    chosen = pick_format("actor", fmt, output, "table")
    log = load(ctx)
    emit(render_view("actor", chosen, ActorDoc(log, actor_card(log, resolve_official(log, name)))), output)


def network_command(
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
    fmt: str | None = format_option("network", "table"),
    output: Output = None,
) -> None:
    """Show who meets whom, the strongest pairs first.

    Pairs of actors with their shared events and last contact, with countries; a cross-border pair
    is marked. Mermaid goes in Markdown; DOT feeds Graphviz.

    Examples:

      rwpk network

      rwpk network --since 2025 --format mermaid

      rwpk network --format dot | dot -Tsvg > network.svg
    """
    from ..render.docs import NetworkDoc
    from ..views.analysis import network
    from ..views.filters import select

    chosen = pick_format("network", fmt, output, "table")
    log = load(ctx)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of)
    emit(render_view("network", chosen, NetworkDoc(log, network(log, select(log, filters.resolve(log))))), output)


network_command.__name__ = "network"


def trade(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(metavar="YEAR", help="Only this year.")] = None,
    origin: Annotated[str | None, typer.Option("--from", metavar="CODE", help="Only trade from this country.")] = None,
    destination: Annotated[str | None, typer.Option("--to", metavar="CODE", help="Only trade to this country.")] = None,
    fmt: str | None = format_option("trade", "table"),
    output: Output = None,
    raw: Raw = False,
) -> None:
    """Show trade flows by year and direction.

    Values, main goods with their share of the total, and each year's balance, as bars in the
    terminal. Warns when the goods add up to more than the total.

    Examples:

      rwpk trade

      rwpk trade --year 2022 --from RW --format json

      rwpk trade --format csv > trade.csv
    """
    from ..render.docs import TradeDoc
    from ..views.analysis import flows
    from .answers import known

    log = load(ctx)
    origin, destination = (c.upper() if c else None for c in (origin, destination))
    for option, code in (("--from", origin), ("--to", destination)):
        if code is not None:
            known(option, code, {c for t in log.trades for c in (t.origin, t.destination)}, "trade with")
    found = flows(log, year, origin, destination)
    if not found:
        say_error("rwpk: no trade figures match" if log.trades else "rwpk: the log has no trade figures")
    for flow in found:
        if flow.goods_over_total:
            t = flow.trade
            flow_name = f"{t.year} {t.origin}→{t.destination}"
            say_error(f"{log.path}:{t.line}: warning: trade {flow_name}: the goods add up to more than the total")
    emit(render_view("trade", pick_format("trade", fmt, output, "table"), TradeDoc(log, found, raw=raw)), output)


def stats(
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
    by: Annotated[str, typer.Option(metavar="year|month", help="Count per year (default) or per month.")] = "year",
    fmt: str | None = format_option("stats", "table"),
    output: Output = None,
) -> None:
    """Show activity over time: counts, busiest periods and gaps.

    Events per year or month as bars; counts by kind, country pair and place; the busiest periods;
    and the longest gaps between events.

    Examples:

      rwpk stats

      rwpk stats --by month --since 2024

      rwpk stats --format json
    """
    if by not in ("year", "month"):
        raise typer.BadParameter(f"'{by}' is not one of year, month.", param_hint="'--by'")
    from ..render.docs import StatsDoc
    from ..views.analysis import activity
    from ..views.filters import select
    from .answers import check_filters, nothing_matched

    log = load(ctx)
    filters = FilterArgs(since, until, on, strict, kind, official, country, tag, search, limit, reverse, as_of).resolve(
        log
    )
    check_filters(log, filters)
    selected = select(log, filters)
    nothing_matched(len(selected), filters, lambda: [t for e in log.events for t in e.tags])
    emit(
        render_view("stats", pick_format("stats", fmt, output, "table"), StatsDoc(log, activity(log, selected, by))),
        output,
    )
