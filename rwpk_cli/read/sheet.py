"""CSV: rwpk's own export (its header is the JSON contract's columns), or any spreadsheet read
through a rules file (see ``rules``).

Every row is read before anything is decided: a row that cannot be read is a problem naming its
line and column (``sheet.csv:14: column 'Date': …``), and all of them are reported together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from ..dates.parse import parse_date
from ..errors import DateError, InputError, Problem, UsageError
from ..log.check.ids import slug
from .contract import checked_kind, incoming
from .input import Input
from .records import Cited, Incoming, Person, Problems, Reading, short_hash
from .rows import DELIMITERS, first_line, rows, sniff
from .rules import Rules, Spec, missing_column

#: rwpk's CSV export; the participants' columns are aligned item for item with ``participants``.
OWN_COLUMNS = ("id", "date", "kind", "title", "participants")
LIST_COLUMNS = ("tags", "sources")


def _delimiter(source: Input, given: str | None, header: int, notes: list[str]) -> str:
    if given is not None:
        return given
    found = sniff(first_line(source.text, header))
    if found != ",":
        notes.append(f"{source.display}: the columns are separated by {DELIMITERS[found]}s")
    return found


def _header(source: Input, row: list[str], line: int, needed: set[str]) -> dict[str, int]:
    names = [cell.strip() for cell in row]
    missing = sorted(needed - set(names))
    if missing:
        listed = ", ".join(repr(n) for n in names if n) or "none"
        raise InputError([Problem(source.display, line, f"no column {missing[0]!r}; the header has {listed}")])
    return {name: index for index, name in reversed(list(enumerate(names)))}


def read(source: Input, rules: Rules | None = None) -> Reading:
    """The events of a CSV file: rwpk's own columns, or through ``rules``."""
    if rules is not None:
        return _read_with_rules(source, rules)
    notes: list[str] = []
    delimiter = _delimiter(source, None, 1, notes)
    found = rows(source, delimiter)
    try:
        line, head = next(found)
    except StopIteration:
        return Reading([], Counter(), notes=tuple(notes))
    names = [cell.strip() for cell in head]
    if not set(OWN_COLUMNS) <= set(names):
        raise UsageError(
            f"{source.display}: the columns are not rwpk's CSV export ({', '.join(OWN_COLUMNS)} …); "
            "to import another spreadsheet, say which column is which in a rules file: --rules RULES.toml "
            "(see 'rwpk import --help')"
        )
    columns = _header(source, head, line, set(OWN_COLUMNS))
    problems = Problems(source.display)
    events, skipped = [], Counter[str]()
    for line, row in _listing(found, problems):
        if not any(cell.strip() for cell in row):
            skipped["blank"] += 1
            continue
        record = _own_record(row, columns)
        event = incoming(record, line, "rwpk", problems)
        if event is not None:
            events.append(event._replace(imported=f"rwpk:{event.id}" if event.id else _row_key(source, row)))
    problems.raise_any()
    return Reading(events, skipped, notes=tuple(notes))


def _listing(found: Iterator[tuple[int, list[str]]], problems: Problems) -> Iterator[tuple[int, list[str]]]:
    """The rows until one the csv module cannot read (an unclosed quote runs to the end of the file),
    which is then a problem listed with those of the rows before it."""
    try:
        yield from found
    except InputError as error:
        problems.found += error.problems


def _own_record(row: list[str], columns: Mapping[str, int]) -> dict[str, object]:
    from ..render.csvout import split_list, undefuse

    def cell(name: str) -> str:
        index = columns.get(name)
        return undefuse(row[index]) if index is not None and index < len(row) else ""

    names = split_list(cell("participants"))
    aligned = {key: split_list(cell(column), len(names)) for column, key in _PARTICIPANT_COLUMNS.items()}
    certain = split_list(cell("participant_titles_certain"), len(names))
    people = [
        {
            "name": name,
            **{key: (values[i] if i < len(values) and values[i] else None) for key, values in aligned.items()},
            "title_certain": not (i < len(certain) and certain[i] == "false"),
        }
        for i, name in enumerate(names)
    ]
    record: dict[str, object] = {key: cell(key) or None for key in ("id", "date", "kind", "title", "place", "summary")}
    record["participants"] = people
    for key in LIST_COLUMNS:
        record[key] = split_list(cell(key))
    return record


_PARTICIPANT_COLUMNS = {"participant_ids": "id", "participant_countries": "country", "participant_titles": "title"}


def _row_key(source: Input, row: list[str]) -> str:
    return f"csv:{source.name}:{short_hash(chr(0x1F).join(cell.strip() for cell in row))}"


# --- a spreadsheet through rules -------------------------------------------------------------------


class _Row:
    """One row's cells by column name, and the problems found reading it."""

    def __init__(self, cells: list[str], columns: Mapping[str, int], line: int, problems: Problems) -> None:
        self.cells, self.columns, self.line, self.problems = cells, columns, line, problems

    def cell(self, column: str) -> str:
        index = self.columns[column]
        return self.cells[index].strip() if index < len(self.cells) else ""

    def value(self, spec: Spec) -> str | None:
        raw = spec.value if spec.value is not None else self.cell(spec.column or "")
        if not raw:
            return spec.default
        return spec.map.get(raw, raw) if spec.map else raw

    def values(self, spec: Spec) -> list[str]:
        raw = spec.value if spec.value is not None else self.cell(spec.column or "")
        items = raw.split(spec.separator) if spec.separator else [raw]
        found = [spec.map.get(i.strip(), i.strip()) if spec.map else i.strip() for i in items]
        return [item for item in found if item] or ([spec.default] if spec.default else [])

    def problem(self, spec: Spec, message: str) -> None:
        where = f"column {spec.column!r}" if spec.column else "the rules' value"
        self.problems.add(self.line, f"{where}: {message}")


def _read_with_rules(source: Input, rules: Rules) -> Reading:
    notes: list[str] = []
    delimiter = _delimiter(source, rules.delimiter, rules.header, notes)
    problems = Problems(source.display)
    events: list[Incoming] = []
    skipped = Counter[str]()
    columns: dict[str, int] | None = None
    for line, cells in _listing(rows(source, delimiter), problems):
        if line < rules.header:
            continue
        if columns is None:
            names = [cell.strip() for cell in cells]
            absent = sorted(rules.columns() - set(names))
            if absent:
                raise missing_column(rules, absent[0], [n for n in names if n])
            columns = _header(source, cells, line, rules.columns())
            continue
        if not any(cell.strip() for cell in cells):
            skipped["blank"] += 1
            continue
        row = _Row(cells, columns, line, problems)
        reason = _skipped_by(rules, row)
        if reason:
            skipped[reason] += 1
            continue
        event = _event(source, rules, row)
        if event is not None:
            events.append(event)
    if columns is None:
        raise InputError([Problem(source.display, rules.header, f"no header line {rules.header}: the file is shorter")])
    problems.raise_any()
    return Reading(events, skipped, notes=tuple(notes))


def _skipped_by(rules: Rules, row: _Row) -> str | None:
    for skip in rules.skips:
        cell = row.cell(skip.column)
        if (skip.empty and not cell) or cell in skip.equals or (skip.matches and skip.matches.search(cell)):
            return skip.reason
    return None


def _one(rules: Rules, row: _Row, name: str) -> tuple[Spec | None, str | None]:
    specs = rules.fields.get(name)
    if not specs:
        return None, None
    return specs[0], row.value(specs[0])


def _event(source: Input, rules: Rules, row: _Row) -> Incoming | None:
    before = len(row.problems.found)
    got = {name: _one(rules, row, name) for name in rules.fields if name not in ("participants", "tags")}
    for name in ("date", "kind", "title"):
        spec, value = got[name]
        if not value and spec is not None:
            row.problem(spec, f"is empty; every event needs a {name} (give the rules a default = \"…\", "
                        "or skip such rows with a [[skip]] rule)")  # fmt: skip
    as_of_spec, as_of = got.get("as_of", (None, None))
    if as_of and as_of_spec is not None:
        try:
            parse_date(as_of)
        except DateError as error:
            row.problem(as_of_spec, str(error))
    date_spec, when = got["date"]
    if when and date_spec is not None:
        try:
            parse_date(when, parse_date(as_of) if as_of and len(row.problems.found) == before else None)
        except DateError as error:
            row.problem(date_spec, str(error))
    kind_spec, kind = got["kind"]
    if kind and kind_spec is not None:
        hint = f"column {kind_spec.column!r}" if kind_spec.column else "the rules' kind"
        if checked_kind(kind, row.problems, row.line, hint) is None:
            row.problems.found[-1] = row.problems.found[-1]._replace(
                message=row.problems.found[-1].message + '; or map it in the rules: kind.map = { "…" = "meeting" }'
            )
    if len(row.problems.found) > before:
        return None
    people = tuple(
        Person(name, free=True) for spec in rules.fields.get("participants", ()) for name in row.values(spec)
    )
    tags = tuple(dict.fromkeys(t for spec in rules.fields.get("tags", ()) for t in row.values(spec)))
    source_of = _cited(source, got)
    ident = row.cell(rules.id_column) if rules.id_column else ""
    if rules.id_column and not ident:
        row.problems.add(row.line, f"column {rules.id_column!r}: is empty, and the rules name it as the row's id")
        return None
    title, place = got["title"][1] or "", got.get("place", (None, None))[1]
    values = [when, kind, title, *(p.name for p in people), *tags, place]
    key = f"csv:{source.name}:{ident}" if ident else _row_key(source, [v or "" for v in values])
    summary, date_text = got.get("summary", (None, None))[1], got.get("date_text", (None, None))[1]
    return Incoming(
        key, row.line, when or "", kind or "", title, people, place, tags, source_of, summary, date_text, as_of
    )


def _cited(source: Input, got: Mapping[str, tuple[Spec | None, str | None]]) -> tuple[Cited, ...]:
    url, outlet, title, published = (
        got.get(f"source_{k}", (None, None))[1] for k in ("url", "outlet", "title", "published")
    )
    if not (url or outlet or title):
        return ()
    ident = slug(url or f"{outlet or ''} {title or ''}")[:40].strip("-") or "source"
    digest = short_hash(url or f"{outlet}|{title}", 4)
    return (Cited(f"{ident}-{digest}", title, outlet, url, published),)
