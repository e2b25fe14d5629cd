"""Terminal pictures for the analysis views: an actor's card, the network, trade flows and activity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..log.model import Role
from ..views.analysis import known_span
from .docs import ActorDoc, NetworkDoc, StatsDoc, TradeDoc
from .safe import TABLE_ROWS, balance, cell, money, percent, shown_rows

BAR_WIDTH = 36
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar in eighths of a character, scaled so that ``largest`` fills ``width``."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def compressed(periods: Sequence[tuple[str, int]], run: int = 3) -> list[tuple[str, int]]:
    """Periods with each run of ``run`` or more empty ones folded into a single "first–last" row."""
    out: list[tuple[str, int]] = []
    empty: list[str] = []
    for period, count in [*periods, ("", -1)]:
        if count == 0:
            empty.append(period)
            continue
        if len(empty) >= run:
            out.append((f"{empty[0]}–{empty[-1]}", 0))
        else:
            out += [(p, 0) for p in empty]
        empty = []
        if count > 0:
            out.append((period, count))
    return out


def _table(title: str, caption: str | None = None) -> Table:
    return Table(
        title=Text(cell(title), style="bold"),
        caption=Text(cell(caption), style="dim") if caption else None,
        box=box.SIMPLE_HEAVY,
        header_style="bold",
        pad_edge=False,
    )


def _tenure_rows(roles: Sequence[Role], first: date, last: date) -> Table:
    """One line per role across the days from ``first`` to ``last``: a solid bar where the tenure is
    recorded, a faded one ending in "?" where its start or end is not."""
    grid = Table(box=None, show_header=True, header_style="dim", pad_edge=False)
    span = max((last - first).days, 1)
    grid.add_column("Role", overflow="fold")
    grid.add_column(f"{first.year} … {last.year}", no_wrap=True)
    grid.add_column("Tenure", overflow="fold")

    def at(day: date) -> int:
        return round((min(max(day, first), last) - first).days / span * BAR_WIDTH)

    for role in roles:
        left = at(role.since.start) if role.since else 0
        right = max(left + 1, at(role.until.end)) if role.until else BAR_WIDTH
        line = Text("·" * left, style="dim")
        if role.since is None:
            line.append("?", style="dim")
        width = right - left - (role.since is None) - (role.until is None)
        known = role.since is not None and role.until is not None
        line.append(("━" if known else "╌") * max(width, 0), style="bold cyan" if known else "cyan dim")
        if role.until is None:
            line.append("?", style="dim")
        line.append("·" * max(BAR_WIDTH - right, 0), style="dim")
        since = role.since.label if role.since else "start not recorded"
        until = role.until.label if role.until else "no end recorded"
        grid.add_row(Text(cell(role.title)), line, Text(f"{since} – {until}", style="dim"))
    return grid


def actor(doc: ActorDoc) -> RenderableType:
    """Name, country and aliases; the tenures as bars; events by kind; counterparts; every event."""
    card, who = doc.card, doc.card.actor
    heading = Text(cell(who.name), style="bold")
    if who.country:
        heading.append(f"  {cell(who.country)}", style="cyan")
    heading.append(f"  {who.type}", style="dim")
    if who.aliases:
        heading.append("\nalso: " + ", ".join(cell(a) for a in who.aliases), style="dim")
    count = len(card.events)
    summary = f"{count} event{'' if count == 1 else 's'}, {card.meetings} of them meetings or visits"
    heading.append(f"\n{summary} · {cell(doc.log.path)}", style="dim")
    parts: list[RenderableType] = [Panel(heading, box=box.ROUNDED, expand=False)]
    known = known_span(who, card.events)
    if who.roles and known is not None:
        parts += [Text("Roles", style="bold"), _tenure_rows(who.roles, *known)]
    else:
        parts.append(Text("No roles recorded.", style="dim"))
    if card.by_kind:
        kinds = _table("Events by kind")
        kinds.add_column("Kind")
        kinds.add_column("Events", justify="right")
        kinds.add_column("")
        largest = card.by_kind[0][1]
        for kind, count in card.by_kind:
            kinds.add_row(kind, str(count), Text(bar(count, largest, 20), style="cyan"))
        parts.append(kinds)
    for name, contacts in (("Counterparts", card.counterparts), ("With (same country)", card.companions)):
        if not contacts:
            continue
        others = _table(name)
        for column in ("Name", "Country", "Events", "First contact", "Last contact"):
            others.add_column(column, justify="right" if column == "Events" else "left")
        for c in contacts:
            others.add_row(Text(cell(c.name)), c.country or "—", str(c.times), c.first.label, c.last.label)
        parts.append(others)
    if card.events:
        events = _table("Events")
        for column in ("Date", "Kind", "Event", "As"):
            events.add_column(column, overflow="fold")
        for e in card.events:
            role = who.role_on(e.when)
            title = None if role is None else role.title if role.covers(e.when) else f"{role.title}?"
            events.add_row(e.when.label, e.kind.value, Text(cell(e.title)), Text(cell(title or "—"), style="italic"))
        parts.append(events)
    return Group(*parts)


def network(doc: NetworkDoc) -> RenderableType:
    """Pairs of actors, strongest first, with their countries; cross-border pairs marked."""
    count = len(doc.links)
    table = _table(f"Who meets whom · {doc.log.title}", f"{count} pairs · {doc.log.path}{shown_rows(count)}")
    for column in ("Actor", "Counterpart", "Shared events", "", "Last contact", "Cross-border"):
        table.add_column(column, justify="right" if column == "Shared events" else "left", overflow="fold")
    largest = doc.links[0].times if doc.links else 0
    for link in doc.links[:TABLE_ROWS]:
        table.add_row(
            Text(cell(f"{link.a.name} ({link.a.country or '?'})")),
            Text(cell(f"{link.b.name} ({link.b.country or '?'})")),
            str(link.times),
            Text(bar(link.times, largest, 12), style="cyan"),
            link.last.label,
            Text("✓ " + f"{link.a.country}–{link.b.country}", style="green")
            if link.cross_border
            else Text("—", style="dim"),
        )
    return table


def trade(doc: TradeDoc) -> RenderableType:
    """Each year and direction as a bar, with the main goods and their shares, and the balance."""
    table = _table("Trade flows", f"{len(doc.flows)} flows · {doc.log.path}")
    for column in ("Year", "From → To", "Value", "", "Main goods", "Balance"):
        table.add_column(column, justify="right" if column in ("Value", "Balance") else "left", overflow="fold")
    largest = max((f.trade.value_usd for f in doc.flows), default=0)
    for flow in doc.flows:
        t = flow.trade
        goods = "\n".join(
            [
                *(
                    f"{cell(name)} {money(value)} ({percent(flow.share(name))})"
                    for name, value in sorted(t.goods.items(), key=lambda kv: -kv[1])
                ),
                *([f"also {cell(', '.join(t.other_goods))}"] if t.other_goods else []),
            ]
        )
        owed = (
            Text("not recorded", style="dim")
            if flow.balance_usd is None
            else Text(
                balance(t.origin, t.destination, flow.balance_usd), style="green" if flow.balance_usd >= 0 else "red"
            )
        )
        table.add_row(
            str(t.year),
            f"{t.origin} → {t.destination}",
            money(t.value_usd),
            Text(bar(t.value_usd, largest, 24), style="cyan"),
            goods or Text("—", style="dim"),
            owed,
        )
    return table


def stats(doc: StatsDoc) -> RenderableType:
    """Events per period as bars; counts by kind, country pair and place; busiest periods; longest gaps."""
    a = doc.activity
    parts: list[RenderableType] = []
    periods = _table(f"Events per {a.by} · {doc.log.title}", f"{a.total} events · {doc.log.path}")
    periods.add_column(a.by.capitalize())
    periods.add_column("Events", justify="right")
    periods.add_column("")
    largest = max((n for _, n in a.periods), default=0)
    for period, count in compressed(a.periods):
        chart = Text(bar(count, largest), style="cyan") if count else Text("no events", style="dim")
        periods.add_row(period, str(count), chart)
    parts.append(periods)
    for title, counts in (("By kind", a.by_kind), ("By country pair", a.by_country_pair), ("By place", a.by_place)):
        if counts:
            table = _table(title)
            table.add_column(title.removeprefix("By ").capitalize(), overflow="fold")
            table.add_column("Events", justify="right")
            for name, count in counts[:10]:
                table.add_row(Text(cell(name)), str(count))
            parts.append(table)
    if a.busiest:
        parts.append(Text("Busiest: " + ", ".join(f"{p} ({n})" for p, n in a.busiest)))
    if a.gaps:
        quiet = _table("Longest gaps")
        for column in ("Days", "After", "Until"):
            quiet.add_column(column, justify="right" if column == "Days" else "left", overflow="fold")
        for gap in a.gaps:
            quiet.add_row(
                f"c. {gap.days}" if gap.approximate else str(gap.days),
                Text(f"{gap.after.when.label} · {cell(gap.after.title)}"),
                Text(f"{gap.before.when.label} · {cell(gap.before.title)}"),
            )
        parts.append(quiet)
    return Group(*parts)
