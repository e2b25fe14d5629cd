"""Rich tables for the terminal. User text enters as ``Text`` (never markup), with controls made visible."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..dates.span import DateSpan
from ..views.rows import EventRow, PersonRow, kind_label
from .docs import ActorsDoc, EventsDoc
from .safe import COUNTERPARTS_SHOWN, TABLE_ROWS, cell, shown_rows

KIND_STYLES = {
    "meeting": "cyan",
    "visit": "green",
    "consultation": "blue",
    "agreement": "magenta",
    "call": "yellow",
    "statement": "bright_black",
    "other": "white",
}


def _text(value: str | None, style: str = "") -> Text:
    return Text(cell(value), style=style) if value else Text("—", style="dim")


def _caption(doc_log_path: str, count: int, noun: str) -> Text:
    return Text(f"{count} {noun}{'' if count == 1 else 's'} · {cell(doc_log_path)}", style="dim")


def _person(p: PersonRow, with_title: bool) -> Text:
    text = Text(cell(p.name))
    if p.country:
        text.append(f" ({cell(p.country)})", style="dim")
    if with_title and p.shown_title:
        text.append("\n  " + cell(p.shown_title), style="italic dim")
    return text


def _people(people: tuple[PersonRow, ...], with_title: bool = False) -> Text:
    if not people:
        return Text("—", style="dim")
    return Text("\n").join(_person(p, with_title) for p in people)


def _sides(row: EventRow, official: str) -> Text:
    """An official's counterparts, then those of their own country who accompanied them ("with")."""
    cell = _people(row.counterparts(official), with_title=True)
    for person in row.companions(official):
        cell.append("\n")
        cell.append_text(Text("with ", style="dim") + _person(person, True))
    return cell


def _new_table(title: str, caption: Text) -> Table:
    return Table(
        title=Text(cell(title), style="bold"),
        caption=caption,
        box=box.SIMPLE_HEAVY,
        header_style="bold",
        show_lines=False,
        pad_edge=False,
        expand=False,
    )


def timeline(doc: EventsDoc) -> RenderableType:
    """Columns Date, Kind, Event, Participants (with country), Place."""
    caption = _caption(doc.log.path, len(doc.rows), "event")
    caption.append(shown_rows(len(doc.rows)))
    table = _new_table(doc.heading, caption)
    table.add_column("Date", min_width=11)
    table.add_column("Kind")
    table.add_column("Event", overflow="fold")
    table.add_column("Participants", overflow="fold")
    table.add_column("Place", overflow="fold")
    for row in doc.rows[:TABLE_ROWS]:
        event = row.event
        table.add_row(
            Text(event.when.label),
            Text(kind_label(event), style=KIND_STYLES.get(event.kind.value, "")),
            _text(event.title),
            _people(row.participants),
            _text(event.place),
        )
    return table


export = timeline


def meetings(doc: EventsDoc) -> RenderableType:
    """The official's meetings: their title then, the counterparts with theirs, and the place."""
    official = doc.official
    caption = _caption(doc.log.path, len(doc.rows), "meeting")
    caption.append(shown_rows(len(doc.rows)))
    table = _new_table(doc.heading, caption)
    table.add_column("Date", min_width=11)
    table.add_column("Kind")
    table.add_column("Event", overflow="fold")
    table.add_column("As", overflow="fold")
    table.add_column("Counterparts", overflow="fold")
    table.add_column("Place", overflow="fold")
    for row in doc.rows[:TABLE_ROWS]:
        me = row.person(official.id) if official else None
        table.add_row(
            Text(row.event.when.label),
            Text(row.event.kind.value, style=KIND_STYLES.get(row.event.kind.value, "")),
            _text(row.event.title),
            _text(me.shown_title if me else None, "italic"),
            _sides(row, official.id) if official else _people(row.participants, with_title=True),
            _text(row.event.place),
        )
    return table


def actors(doc: ActorsDoc) -> RenderableType:
    """Name and country, latest role, counts, first and last seen, most frequent counterparts."""
    caption = _caption(doc.log.path, len(doc.summaries), "actor")
    caption.append(shown_rows(len(doc.summaries)))
    table = _new_table(f"Actors · {doc.log.title}", caption)
    table.add_column("Name", ratio=2, min_width=14, overflow="fold")
    table.add_column("Latest role", ratio=3, overflow="fold")
    table.add_column("Events", justify="right")
    table.add_column("Meetings", justify="right")
    table.add_column("Seen", min_width=11)
    table.add_column("Counterparts", ratio=3, overflow="fold")
    for s in doc.summaries[:TABLE_ROWS]:
        name = Text(cell(s.actor.name), style="bold")
        if s.actor.country:
            name.append(f" ({cell(s.actor.country)})", style="dim")
        shown = s.counterparts[:COUNTERPARTS_SHOWN]
        counterparts = Text("\n").join(Text(f"{cell(name)} ×{times}") for name, times, _ in shown)
        if len(s.counterparts) > COUNTERPARTS_SHOWN:
            counterparts.append(f"\n+{len(s.counterparts) - COUNTERPARTS_SHOWN} more", style="dim")
        table.add_row(
            name,
            _text(s.role),
            str(s.events),
            str(s.meetings),
            _seen(s.first, s.last),
            counterparts or Text("—", style="dim"),
        )
    return table


def _seen(first: DateSpan | None, last: DateSpan | None) -> Text:
    """From the earliest event's date to that of the one that ended last, each as the log gives it."""
    if first is None or last is None:
        return Text("never", style="dim")
    return Text(first.label if first == last else f"{first.label} – {last.label}")


def dates(span: DateSpan) -> RenderableType:
    """How one expression normalises, as a two-column table."""
    table = Table(box=box.SIMPLE, show_header=False)
    table.add_column(style="bold")
    table.add_column()
    for key, value in (
        ("text", cell(span.text)),
        ("label", span.label),
        ("canonical", span.canonical),
        ("start", span.start.isoformat()),
        ("end", span.end.isoformat()),
        ("days", str(span.days)),
        ("precision", span.precision.value),
        ("approximate", "yes" if span.approximate else "no"),
        ("uncertain", "yes" if span.uncertain else "no"),
    ):
        table.add_row(key, Text(value))
    return Group(table)


_PANELS = ("actor", "network", "stats", "trade")


def __getattr__(name: str) -> object:
    """The analysis views live in their own module, loaded only when the registry asks for one of them."""
    if name in _PANELS:
        from . import panels

        return getattr(panels, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
