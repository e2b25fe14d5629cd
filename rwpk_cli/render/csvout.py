"""CSV: one row per event with the columns of the JSON contract, written with the csv module.

A list (participants, tags, sources) is one cell, its items joined with "; ". Inside an item a
backslash is written ``\\\\`` and a semicolon ``\\;``, so an item may hold "; " and :func:`split_list`
gives the items back exactly. The participants' ids, countries and titles at the time (and whether
each title surely spans the event) are columns of their own, aligned item for item with
``participants`` (an empty item where there is none, so one participant with no id gives an empty
cell).

Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) get a
leading apostrophe, as OWASP advises; ``--raw`` leaves them alone for machine consumers. The
defusing is reversible: :func:`undefuse` gives back the original text.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..views.rows import EventRow
from .docs import ActorsDoc, EventsDoc, NetworkDoc, StatsDoc, TradeDoc
from .jsonout import event_object
from .safe import balance

COLUMNS = (
    "id", "date", "start", "end", "precision", "approximate", "uncertain", "kind", "title", "place",
    "participants", "participant_ids", "participant_countries", "participant_titles", "participant_titles_certain",
    "tags", "sources", "summary",
)  # fmt: skip
#: The participant columns beside ``participants`` (the names), and the key of each in the JSON contract.
PARTICIPANT_COLUMNS = {"participant_ids": "id", "participant_countries": "country", "participant_titles": "title"}
LIST_SEPARATOR = "; "
# = + - @ and the forms that compatibility normalisation (NFKC) turns into them: fullwidth, small,
# superscript and subscript; | (a DDE call in older spreadsheets); a tab or a CR.
_FORMULA_START = (
    "=", "+", "-", "@", "|", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\uff5c", "\ufe66", "\ufe62", "\ufe63",
    "\ufe6b", "\ufb29", "\u207c", "\u207a", "\u207b", "\u208c", "\u208a", "\u208b", "\t", "\r",
)  # fmt: skip
# What a spreadsheet may strip before it reads a formula ("trim spaces"): white space of any kind,
# NBSP included, and quotes. Tab and CR are formula starts themselves, so they are not stripped.
_LEADING = (
    " \n\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d"
    "\u2060\u202f\u205f\u3000\ufeff"
    "'\"`"
)


def _formula_like(cell: str) -> bool:
    return cell.lstrip(_LEADING).startswith(_FORMULA_START)


def defuse(cell: str) -> str:
    """Prefix an apostrophe when the cell, less the white space and quotes it starts with, begins
    like a formula (also in its fullwidth forms)."""
    return "'" + cell if _formula_like(cell) else cell


def undefuse(cell: str) -> str:
    """The inverse of :func:`defuse`."""
    return cell[1:] if cell.startswith("'") and _formula_like(cell[1:]) else cell


def join_list(items: list[str | None]) -> str:
    """Items in one cell: "; " between them, a backslash and a semicolon escaped inside each."""
    return LIST_SEPARATOR.join((item or "").replace("\\", "\\\\").replace(";", "\\;") for item in items)


def split_list(cell: str, count: int | None = None) -> list[str]:
    """The items of a list cell, exactly as they were (the inverse of :func:`join_list`). An empty
    cell is no item, or, for a column aligned with ``count`` participants, ``count`` empty items."""
    if not cell:
        return [""] * count if count == 1 else []
    items, start = [], 0
    index = 0
    while index < len(cell):
        if cell[index] == "\\":
            index += 2
            continue
        if cell.startswith(LIST_SEPARATOR, index):
            items.append(cell[start:index])
            index += len(LIST_SEPARATOR)
            start = index
            continue
        index += 1
    items.append(cell[start:])
    return [re.sub(r"\\(.)", r"\1", item) for item in items]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return join_list([v["name"] if isinstance(v, dict) else str(v) for v in value])
    return str(value)


def _record(row: EventRow) -> dict[str, Any]:
    """The JSON contract's record of an event, with the participants' aligned columns added."""
    record = event_object(row)
    people = record["participants"]
    for column, key in PARTICIPANT_COLUMNS.items():
        record[column] = join_list([p.get(key) for p in people])
    # whether each title was surely held for the whole event ("false": the title shown with a "?")
    record["participant_titles_certain"] = join_list([_BOOL[p["title_certain"]] if p["title"] else "" for p in people])
    return record


_BOOL = {True: "true", False: "false"}


def timeline(doc: EventsDoc) -> str:
    """A header row, then one row per event; lists are joined with "; " (see :func:`join_list`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in doc.rows:
        record = _record(row)
        cells = [_cell(record[column]) for column in COLUMNS]
        writer.writerow(cells if doc.raw else [defuse(c) for c in cells])
    return buffer.getvalue()


meetings = export = timeline


TRADE_COLUMNS = ("year", "from", "to", "value_usd", "goods", "other_goods", "balance_usd", "balance")


def trade(doc: TradeDoc) -> str:
    """One row per year and direction; goods as "name=amount" joined with "; ". Numbers are written
    as numbers: a negative balance is no formula, so only text cells are defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TRADE_COLUMNS)
    for flow in doc.flows:
        t = flow.trade
        goods = join_list([f"{name}={value}" for name, value in t.goods.items()])
        owed = None if flow.balance_usd is None else balance(t.origin, t.destination, flow.balance_usd)
        texts = [t.origin, t.destination, goods, join_list(list(t.other_goods)), owed or ""]
        if not doc.raw:
            texts = [defuse(c) for c in texts]
        origin, destination, goods, others, owed_text = texts
        numbers = (str(t.year), str(t.value_usd), "" if flow.balance_usd is None else str(flow.balance_usd))
        writer.writerow([numbers[0], origin, destination, numbers[1], goods, others, numbers[2], owed_text])
    return buffer.getvalue()


def _table(header: tuple[str, ...], rows: list[list[str]], raw: bool, numbers: frozenset[int] = frozenset()) -> str:
    """A header and rows; text cells defused unless ``raw`` (numbers are never formulas)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([c if raw or i in numbers else defuse(c) for i, c in enumerate(row)])
    return buffer.getvalue()


ACTOR_COLUMNS = ("id", "name", "country", "role", "events", "meetings", "first", "last", "first_date", "last_date",
                 "counterparts")  # fmt: skip


def actors(doc: ActorsDoc) -> str:
    """One row per actor: the JSON summary's fields, counterparts (ids) as a list cell."""
    rows = [
        [s.actor.id, s.actor.name, s.actor.country or "", s.role or "", str(s.events), str(s.meetings),
         s.first.start.isoformat() if s.first else "", s.last.start.isoformat() if s.last else "",
         s.first.canonical if s.first else "", s.last.canonical if s.last else "",
         join_list([c[0] for c in s.counterparts])]
        for s in doc.summaries
    ]  # fmt: skip
    return _table(ACTOR_COLUMNS, rows, raw=False, numbers=frozenset({4, 5}))


#: Gephi reads an edge list by its Source, Target, Type and Weight columns; the rest become attributes.
NETWORK_COLUMNS = ("Source", "Target", "Type", "Weight", "source_name", "target_name", "source_country",
                   "target_country", "first", "last", "first_date", "last_date", "cross_border")  # fmt: skip


def network(doc: NetworkDoc) -> str:
    """An undirected edge list, one row per pair, for Gephi, Cytoscape or a spreadsheet."""
    rows = [
        [link.a.id, link.b.id, "Undirected", str(link.times), link.a.name, link.b.name, link.a.country or "",
         link.b.country or "", link.first.start.isoformat(), link.last.start.isoformat(), link.first.canonical,
         link.last.canonical, "true" if link.cross_border else "false"]
        for link in doc.links
    ]  # fmt: skip
    return _table(NETWORK_COLUMNS, rows, raw=False, numbers=frozenset({3}))


STATS_COLUMNS = ("measure", "key", "value")


def stats(doc: StatsDoc) -> str:
    """Activity in long form, one row per number: events per period, by kind, by country pair and by
    place, the busiest periods, and each gap in days (keyed "AFTER → BEFORE", by event id)."""
    a = doc.activity
    rows = [["total", "", str(a.total)]]
    for measure, pairs in (("period", a.periods), ("kind", a.by_kind), ("country_pair", a.by_country_pair),
                           ("place", a.by_place), ("busiest", a.busiest)):  # fmt: skip
        rows += [[measure, key, str(count)] for key, count in pairs]
    rows += [["gap_days", f"{g.after.id} → {g.before.id}", str(g.days)] for g in a.gaps]
    return _table(STATS_COLUMNS, rows, raw=False, numbers=frozenset({2}))
