"""CSV: one row per event with the columns of the JSON contract, written with the csv module.

Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) get a
leading apostrophe, as OWASP advises; ``--raw`` leaves them alone for machine consumers. The
defusing is reversible: :func:`undefuse` gives back the original text.
"""

from __future__ import annotations

import csv
import io

from .docs import EventsDoc, TradeDoc
from .jsonout import event_object
from .safe import balance

COLUMNS = (
    "id", "date", "start", "end", "precision", "approximate", "uncertain", "kind", "title", "place",
    "participants", "tags", "sources", "summary",
)  # fmt: skip
LIST_SEPARATOR = "; "
# = + - @ and their fullwidth forms, which spreadsheets also read as formulas; a tab or a CR.
_FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")
# What a spreadsheet may strip before it reads a formula ("trim spaces"): white space of any kind,
# NBSP included, and quotes. Tab and CR are formula starts themselves, so they are not stripped.
_LEADING = (
    " \n\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
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


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(v["name"] if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def timeline(doc: EventsDoc) -> str:
    """A header row, then one row per event; lists are joined with "; "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in doc.rows:
        record = event_object(row)
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
        goods = LIST_SEPARATOR.join(f"{name}={value}" for name, value in t.goods.items())
        owed = None if flow.balance_usd is None else balance(t.origin, t.destination, flow.balance_usd)
        texts = [t.origin, t.destination, goods, LIST_SEPARATOR.join(t.other_goods), owed or ""]
        if not doc.raw:
            texts = [defuse(c) for c in texts]
        origin, destination, goods, others, owed_text = texts
        numbers = (str(t.year), str(t.value_usd), "" if flow.balance_usd is None else str(flow.balance_usd))
        writer.writerow([numbers[0], origin, destination, numbers[1], goods, others, numbers[2], owed_text])
    return buffer.getvalue()
