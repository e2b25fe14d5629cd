"""Reading typed values out of one file's parsed TOML tables, reporting every problem with its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from datetime import date, datetime
from functools import cached_property
from typing import Any

from ...dates.parse import parse_date
from ...dates.span import DateSpan
from ...errors import DateError, Problem, RelativeDateError
from ..lines import KeyFinder, LineIndex, TableKey

ID_PATTERN = re.compile(r"^[a-z0-9_-]+$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{2,6}$")
_RELATIVE = object()  # marks a date expression that needs a reference day


def type_name(value: object) -> str:
    """How a TOML value's type is named in a message."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def show(value: object) -> str:
    """A value quoted in a message, cut to a readable length."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def date_hint(key: str, value: object) -> str:
    """What to write instead of a value that is no date."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f'{key} = "{value}" or {key} = 2024-01-03'
    return f'{key} = 2024-01-03 or {key} = "Jan 2024"'


class FieldReader:
    """One file's problems and warnings, where its tables are, and typed reads of their values.

    ``lines`` may be replaced between reads: a large log is checked a chunk at a time, each chunk
    with its own index. ``tag`` is what records of an included file carry as their ``file``.
    """

    def __init__(self, file: str, text: str, lines: LineIndex | None = None, included: bool = False) -> None:
        self.file = file
        self.source_text = text
        self.tag = file if included else ""
        self.lines = lines if lines is not None else LineIndex(text)
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._absolute: dict[object, object] = {}  # date value -> its DateSpan, or _RELATIVE
        self._relative: dict[tuple[object, DateSpan | None], DateSpan] = {}  # (value, reference) -> DateSpan

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def top_line(self, name: str) -> int:
        """The line of a top-level key."""
        return self.lines.key(("", ""), name)

    def table_of(self, data: Mapping[str, Any], name: str) -> Mapping[str, Any] | None:
        """The table ``[name]``, or None when it is absent or no table (reported)."""
        value = data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(self.top_line(name), f"{name} must be a table, like [{name}], not {type_name(value)}")
            return None
        return value

    def field(
        self,
        table: Mapping[str, Any],
        where: TableKey,
        key: str,
        owner: str,
        kind: type | tuple[type, ...],
        article: str,
    ) -> Any:
        """The value of ``key`` when it is of ``kind``; None when absent or of another type (reported)."""
        value = table.get(key)
        if value is None:
            return None
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kind):
            self.problem(
                self.lines.key(where, key),
                f"{owner}: {key} must be {article}, not {type_name(value)} ({show(value)}); fix the value of {key}",
            )
            return None
        return value

    def text(
        self, table: Mapping[str, Any], where: TableKey, key: str, owner: str, required: bool = False
    ) -> str | None:
        """A non-empty text; a missing one is reported only when ``required``."""
        value = self.field(table, where, key, owner, str, "text")
        if value is not None and not value.strip():
            self.problem(self.lines.key(where, key), f"{owner}: {key} is empty; write some text or remove the key")
            return None
        if value is None and required and key not in table:
            self.problem(self.lines.table(where), f'{owner}: {key} is missing; add {key} = "…"')
        return value if isinstance(value, str) else None

    def texts(self, table: Mapping[str, Any], where: TableKey, key: str, owner: str) -> tuple[str, ...]:
        """A list of non-empty texts (one text counts as a list of one)."""
        value = table.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(
                self.lines.key(where, key),
                f'{owner}: {key} must be a list of non-empty texts, like {key} = ["a", "b"], not {show(value)}',
            )
            return ()
        return tuple(value)

    def date_value(
        self, table: Mapping[str, Any], where: TableKey, key: str, owner: str, ref: DateSpan | None = None
    ) -> DateSpan | None:
        """A date or date expression, relative ones resolved against ``ref``."""
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str | date):
            self.problem(
                self.lines.key(where, key),
                f"{owner}: {key} must be a date or a date expression in quotes, not {type_name(value)} "
                f"({show(value)}); write {date_hint(key, value)}",
            )
            return None
        try:
            return self.span(value, ref)
        except DateError as error:
            self.problem(self.lines.key(where, key), f"{owner}: {key}: {error}")
            return None

    def span(self, value: str | date, ref: DateSpan | None) -> DateSpan:
        """parse_date, remembered: a log repeats the same days and expressions many times, and only a
        relative expression ("last week") depends on the reference day."""
        known = self._absolute.get(value)
        if known is None:
            try:
                span = parse_date(value)
            except RelativeDateError:
                self._absolute[value] = _RELATIVE
            else:
                self._absolute[value] = span
                return span
        elif known is not _RELATIVE:
            return known  # type: ignore[return-value]
        relative = self._relative.get((value, ref))
        if relative is None:
            relative = self._relative[value, ref] = parse_date(value, ref)
        return relative

    def records(self, data: Mapping[str, Any], name: str) -> list[tuple[TableKey, Mapping[str, Any]]]:
        """The entries of [name.ID] tables (as ID keys) or [[name]] arrays (as indexes)."""
        value = data.get(name)
        if value is None:
            return []
        if name in ("event", "trade"):
            if not isinstance(value, list):
                self.problem(self.top_line(name), f"{name} must be an array of tables: write [[{name}]], not [{name}]")
                return []
            records: list[tuple[TableKey, Mapping[str, Any]]] = []
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    records.append(((name, index), item))
                else:
                    self.problem(self.top_line(name), f"{name} #{index + 1} must be a table, not {type_name(item)}")
            return records
        if not isinstance(value, dict):
            self.problem(self.top_line(name), f"{name} must be tables like [{name}.some-id], not {type_name(value)}")
            return []
        out: list[tuple[TableKey, Mapping[str, Any]]] = []
        for key, item in value.items():
            if isinstance(item, dict):
                out.append(((name, key), item))
            else:
                self.problem(self.lines.key((name, ""), key), f"{name}.{key} must be a table like [{name}.{key}]")
        return out

    def record_id(self, where: TableKey, kind: str) -> str:
        """The id of a [kind.ID] table, which may use only lowercase letters, digits, - and _."""
        ident = str(where[1])
        if not ID_PATTERN.match(ident):
            self.problem(
                self.lines.table(where),
                f"{kind} id '{ident}' may use only lowercase letters, digits, - and _; rename [{kind}.{ident}]",
            )
        return ident

    def country(self, table: Mapping[str, Any], where: TableKey, key: str, owner: str) -> str | None:
        """A country code: ISO 3166-1 alpha-2 (any case), or an organisation code in capitals."""
        value = self.text(table, where, key, owner)
        if value is None:
            return None
        if len(value) == 2 and value.isascii():
            value = value.upper()
        if not COUNTRY_PATTERN.match(value):
            self.problem(
                self.lines.key(where, key),
                f'{owner}: {key} {show(value)} is not a country code; use ISO 3166-1 alpha-2 such as "RW" '
                'or an organisation code in capitals such as "UN"',
            )
            return None
        return value

    @cached_property
    def keys_in_text(self) -> KeyFinder:
        return KeyFinder(self.source_text)

    def key_line(self, where: TableKey, key: str) -> int:
        """The line of ``key`` in a table, also where the index recorded only the table's header."""
        found = self.lines.keys.get((where, key))
        return found if found is not None else self.keys_in_text.line(self.lines.table(where), key)

    def unknown_keys(
        self, table: Mapping[str, Any], where: TableKey, known: Collection[str], what: str, line: int | None = None
    ) -> None:
        """Warn about each key of ``table`` that rwpk does not read, suggesting the nearest known one;
        ``line`` is where an inline table (a role) is, whose keys the index does not record."""
        for key in table:
            if key in known:
                continue
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"rwpk reads {', '.join(known)}; it is ignored"
            at = line if line is not None else self.key_line(where, key)
            self.warnings.append(Problem(self.file, at, f"unknown key '{key}' in {what}; {hint}"))
