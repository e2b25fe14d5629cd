"""Terminal tables fitted to the width they are printed at: no word or header is ever split.

Each column is given the width of its longest word (and of its header's), so Rich wraps text at
spaces only; a word longer than ``LONGEST_WORD`` ends with "…" instead. When the columns cannot all
fit, the ones that matter least drop first (the bar, then Cross-border, Place, …), and the caption
says which are hidden and how to see them.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Column, Table
from rich.text import Text

#: The longest word a cell keeps whole; a longer one (a URL) is cut with "…" rather than folded.
LONGEST_WORD = 24
#: Headers of the columns that go first when a table is too wide, least important first.
DROP_FIRST = ("", "Cross-border", "Place", "Seen", "Balance", "Main goods", "As", "Last contact", "Kind", "Meetings",
              "Counterparts", "Participants")  # fmt: skip


def _plain(value: object) -> str:
    return value.plain if isinstance(value, Text) else str(value)


def _longest_word(texts: Iterable[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=1)


def _width(table: Table) -> int:
    """The least width the table needs: its columns at their least, their padding and the box's
    edges and dividers (Rich's own measure is clamped to the console, so it cannot say "too wide")."""
    columns = sum(column.min_width or 1 for column in table.columns)
    padding = sum(table._get_padding_width(index) for index in range(len(table.columns)))
    return columns + padding + table._extra_width


def _natural(column: Column) -> int:
    """The width a column takes when nothing has to wrap: its longest line (in terminal cells)."""
    lines = [line for value in (column.header, *column._cells) for line in _plain(value).splitlines()]
    return max((cell_len(line) for line in lines), default=1)


#: The fewest cells a bar keeps when bars are shrunk to the space left; when even that does not fit,
#: the bars are dropped.
SHORTEST_BAR = 4


def _is_bar(column: Column) -> bool:
    cells = [_plain(c) for c in column._cells]
    return bool(cells) and not any(ch.isalnum() for c in cells for ch in c)


def _resampled(cell: object, scale: float) -> object:
    """A bar drawn ``scale`` times as long: its characters picked at even steps, its style kept."""
    text = _plain(cell)
    if not text.strip():
        return cell
    length = max(1, round(len(text) * scale))
    drawn = "".join(text[int(i * len(text) / length)] for i in range(length))
    return Text(drawn, style=cell.style) if isinstance(cell, Text) else drawn


def _shrink_bars(table: Table, width: int) -> None:
    """When the table is too wide even with its text wrapped to the longest word, draw its bars
    shorter, to the space left (down to SHORTEST_BAR), before any column is dropped."""
    excess = _width(table) - width
    for column in table.columns:
        if excess <= 0 or not _is_bar(column):
            continue
        drawn = column.min_width or _natural(column)
        target = max(SHORTEST_BAR, drawn - excess)
        if target >= drawn:
            continue
        column._cells = [_resampled(c, target / drawn) for c in column._cells]  # type: ignore[misc]
        column.min_width = target
        excess -= drawn - target


def fit_table(table: Table, console: Console) -> None:
    """Give each column at least its longest word, drop columns until they fit, then share out the
    width: the widest columns give way first, never below their longest word."""
    for column in table.columns:
        cells = [_plain(c) for c in column._cells]
        words = _longest_word([_plain(column.header), *cells])
        if _is_bar(column):  # a bar is drawn to its width, never cut
            column.min_width = max(column.min_width or 0, _natural(column))
            continue
        column.min_width = max(column.min_width or 0, min(words, LONGEST_WORD))
        column.overflow = "ellipsis"
        column.no_wrap = False
    width = console.width
    _shrink_bars(table, width)
    hidden: list[str] = []
    for header in DROP_FIRST:
        if _width(table) <= width:
            break
        index = next((i for i, c in enumerate(table.columns) if _plain(c.header) == header), None)
        if index is not None and len(table.columns) > 2:
            del table.columns[index]
            for position, column in enumerate(table.columns):
                column._index = position
            hidden.append(header or "the bars")
    spare = width - (_width(table) - sum(column.min_width or 1 for column in table.columns))
    widths = [max(_natural(column), column.min_width or 1) for column in table.columns]
    floors = [column.min_width or 1 for column in table.columns]
    while sum(widths) > spare and any(w > f for w, f in zip(widths, floors, strict=True)):
        widest = max(range(len(widths)), key=lambda i: (widths[i] - floors[i] > 0, widths[i]))
        widths[widest] -= 1
    for column, chosen in zip(table.columns, widths, strict=True):
        column.width = chosen
    if hidden:
        note = Text(f"{', '.join(hidden)} hidden at {width} columns; widen the terminal, or --format md", style="dim")
        if table.caption is None:
            table.caption = note
        else:
            caption = table.caption if isinstance(table.caption, Text) else Text(str(table.caption))
            table.caption = Text("\n").join([caption, note])


def fit(renderable: RenderableType, console: Console) -> None:
    """Fit every table in ``renderable`` (a table, or a group of them) to the console's width."""
    if isinstance(renderable, Table):
        fit_table(renderable, console)
    elif isinstance(renderable, Group):
        for part in renderable.renderables:
            fit(part, console)
