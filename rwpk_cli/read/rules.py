"""A rules file: how the columns of a user's own spreadsheet become events.

In the spirit of hledger's CSV rules, a small TOML file names, for each field of an event, the
column it comes from or the value it always has::

    header = 2                  # the line holding the column names (a title row above it)
    id = "Ref"                  # the column that identifies a row, so re-imports find it
    delimiter = ","             # optional; otherwise read from the header line

    [fields]
    date = "Date"               # a column, read with rwpk's date expressions
    as_of = { value = "2025-01-24" }        # or a column: as_of = "Reported"
    kind = { column = "Type", map = { "Bilateral meeting" = "meeting", "Visit" = "visit" } }
    title = "Subject"
    participants = [{ column = "Rwanda side", separator = ";" }, { column = "Pakistan side", separator = ";" }]
    place = "Venue"
    tags = [{ column = "Topics", separator = "," }, { value = "defence" }]
    summary = "Notes"
    source_url = "Link"
    source_outlet = "Outlet"

    [[skip]]                    # rows to leave out, counted under their reason
    column = "Status"
    equals = ["cancelled", "postponed"]
    reason = "cancelled"

A field is a column name, or a table with ``column`` or ``value``, and optionally ``map`` (cell →
value), ``default`` (for an empty cell) and ``separator`` (for a list field).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..errors import InputError, Problem, UsageError

TEXT_FIELDS = ("date", "as_of", "kind", "title", "place", "summary", "date_text",
               "source_url", "source_outlet", "source_title", "source_published")  # fmt: skip
LIST_FIELDS = ("participants", "tags")
REQUIRED = ("date", "kind", "title")
TOP_KEYS = ("header", "id", "delimiter", "fields", "skip")
SPEC_KEYS = ("column", "value", "map", "default", "separator")
SKIP_KEYS = ("column", "equals", "matches", "empty", "reason")


class Spec(NamedTuple):
    """Where one field's value comes from."""

    column: str | None = None
    value: str | None = None
    map: Mapping[str, str] = {}
    default: str | None = None
    separator: str | None = None


class Skip(NamedTuple):
    """A row filter: rows whose ``column`` equals one of ``equals``, matches ``matches``, or is empty."""

    column: str
    equals: tuple[str, ...] = ()
    matches: re.Pattern[str] | None = None
    empty: bool = False
    reason: str = "skipped by a rule"


class Rules(NamedTuple):
    """A whole rules file."""

    display: str
    header: int
    id_column: str | None
    delimiter: str | None
    fields: Mapping[str, tuple[Spec, ...]]
    skips: tuple[Skip, ...]

    def columns(self) -> set[str]:
        """Every column the rules read."""
        named = {s.column for specs in self.fields.values() for s in specs if s.column}
        named |= {s.column for s in self.skips}
        return named | ({self.id_column} if self.id_column else set())


_TEXT: dict[str, str] = {}  # each rules file's text, to find the line a problem is on


def _line_of(display: str, key: str) -> int:
    """The first line of a rules file that sets ``key`` (or opens the table ``[key]``); 1 if none."""
    import re

    pattern = re.compile(rf"^\s*(\[\[?\s*{re.escape(key)}\s*\]\]?|\"?{re.escape(key)}\"?\s*=)", re.MULTILINE)
    text = _TEXT.get(display, "")
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _fail(display: str, message: str, key: str | None = None) -> InputError:
    if key is None and message.startswith("fields."):
        key = message.split(":")[0].split(" ")[0].split(".")[1]
    return InputError([Problem(display, _line_of(display, key) if key else 1, message)])


def _spec(display: str, name: str, raw: object) -> Spec:
    where = f"fields.{name}"
    if isinstance(raw, str):
        return Spec(column=raw)
    if not isinstance(raw, dict):
        raise _fail(display, f'{where} must be a column name or a table {{ column = "…" }}, not {raw!r}')
    unknown = sorted(set(raw) - set(SPEC_KEYS))
    if unknown:
        raise _fail(display, f"{where}: unknown key '{unknown[0]}'; a field reads {', '.join(SPEC_KEYS)}")
    if ("column" in raw) == ("value" in raw):
        raise _fail(display, f'{where} needs exactly one of column = "…" or value = "…"')
    for key in ("column", "value", "default", "separator"):
        if key in raw and not isinstance(raw[key], str):
            raise _fail(display, f"{where}.{key} must be text, not {raw[key]!r}")
    mapping = raw.get("map", {})
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise _fail(display, f'{where}.map must be a table of texts, e.g. {{ "Bilateral meeting" = "meeting" }}')
    return Spec(raw.get("column"), raw.get("value"), mapping, raw.get("default"), raw.get("separator"))


def _skip(display: str, raw: object) -> Skip:
    if not isinstance(raw, dict) or not isinstance(raw.get("column"), str):
        raise _fail(display, f'each [[skip]] needs column = "…", not {raw!r}')
    unknown = sorted(set(raw) - set(SKIP_KEYS))
    if unknown:
        raise _fail(display, f"[[skip]]: unknown key '{unknown[0]}'; a skip reads {', '.join(SKIP_KEYS)}")
    equals = raw.get("equals", [])
    equals = [equals] if isinstance(equals, str) else equals
    if not isinstance(equals, list) or not all(isinstance(v, str) for v in equals):
        raise _fail(display, "[[skip]] equals must be a text or a list of texts")
    pattern = None
    if "matches" in raw:
        try:
            pattern = re.compile(str(raw["matches"]))
        except re.error as error:
            raise _fail(display, f"[[skip]] matches is not a regular expression: {error}") from None
    if not (equals or pattern or raw.get("empty")):
        raise _fail(display, '[[skip]] needs equals = […], matches = "…" or empty = true')
    found = "empty" if raw.get("empty") else "/".join(equals) or f"matching {raw['matches']}"
    reason = raw.get("reason") or f"{raw['column']} {found}"
    return Skip(raw["column"], tuple(equals), pattern, bool(raw.get("empty")), str(reason))


def parse_rules(text: str, display: str) -> Rules:
    """The rules of a rules file's text; InputError (exit 65) naming what is wrong."""
    _TEXT[display] = text
    try:
        data: Mapping[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        import re

        found = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(error))
        line, column = (int(found[1]), int(found[2])) if found else (1, None)
        raise InputError([Problem(display, line, f"not valid TOML: {reason}", column)]) from None
    unknown = sorted(set(data) - set(TOP_KEYS))
    if unknown:
        raise _fail(display, f"unknown key '{unknown[0]}'{_close(unknown[0], TOP_KEYS)}; a rules file reads "
                    f"{', '.join(TOP_KEYS)}", unknown[0])  # fmt: skip
    header = data.get("header", 1)
    if not isinstance(header, int) or isinstance(header, bool) or header < 1:
        raise _fail(
            display, f"header must be the line number of the column names (1 or more), not {header!r}", "header"
        )
    delimiter = data.get("delimiter")
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise _fail(display, f'delimiter must be one character, e.g. "," or ";" or "\\t", not {delimiter!r}')
    ident = data.get("id")
    if ident is not None and not isinstance(ident, str):
        raise _fail(display, f"id must be a column name, not {ident!r}", "id")
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, dict):
        raise _fail(display, "there is no [fields] table; name at least the date, kind and title columns")
    fields: dict[str, tuple[Spec, ...]] = {}
    for name, raw in raw_fields.items():
        if name not in TEXT_FIELDS + LIST_FIELDS:
            known = TEXT_FIELDS + LIST_FIELDS
            raise _fail(display, f"fields.{name}: rwpk has no such field{_close(name, known)}; use {', '.join(known)}")
        if name in LIST_FIELDS:
            items = raw if isinstance(raw, list) else [raw]
            fields[name] = tuple(_spec(display, name, item) for item in items)
        else:
            fields[name] = (_spec(display, name, raw),)
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise _fail(
            display, f"[fields] needs {', '.join(missing)}: each event has a date, a kind and a title", "fields"
        )
    skips = data.get("skip", [])
    if not isinstance(skips, list):
        raise _fail(display, "skip must be an array of tables, written [[skip]]")
    return Rules(display, header, ident, delimiter, fields, tuple(_skip(display, s) for s in skips))


def _close(name: str, known: tuple[str, ...]) -> str:
    import difflib

    found = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean '{found[0]}'?)" if found else ""


def missing_column(rules: Rules, column: str, header: list[str]) -> InputError:
    """The problem of a rules file that names a column the sheet does not have, at the rules' line."""
    import difflib

    field = next((name for name, specs in rules.fields.items() if any(s.column == column for s in specs)), None)
    key = field or ("id" if rules.id_column == column else "column")
    close = difflib.get_close_matches(column, header, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else f"; its columns are {', '.join(map(repr, header[:8]))}"
    what = f"fields.{field}" if field else ("id" if key == "id" else "a [[skip]] rule")
    message = f"{what} names column {column!r}, which the sheet's header (line {rules.header}) does not have{hint}"
    return InputError([Problem(rules.display, _line_of(rules.display, key), message)])


def load_rules(path: str) -> Rules:
    """The rules file at ``path``."""
    from .input import read_input

    if path == "-":
        raise UsageError("--rules cannot be stdin; give the rules file's path")
    source = read_input(path)
    return parse_rules(source.text, source.display)
