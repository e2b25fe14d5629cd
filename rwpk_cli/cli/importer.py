"""``rwpk import``: bring a spreadsheet, a calendar, an export or an event dataset into the log,
appending only what is new, through ``rwpk add``'s safe write."""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
from typing import TYPE_CHECKING, Annotated

import typer

from .lazy import command
from .support import emit, reports_errors, say_error

if TYPE_CHECKING:
    from pathlib import Path

    from ..read import Format
    from ..read.plan import Selection
    from ..write.append import Addition

EVENT_FORMATS = "csv, json, jsonl, ics, timelinejs, icews, gdelt, plover"
ROLE_FORMATS = "wikidata, whogov"


def _format(name: str | None, path: str, holds: str) -> "Format":
    from ..errors import UsageError
    from ..read import formats_holding, infer

    choices = formats_holding(holds)
    if name is not None:
        chosen = choices.get(name.strip().lower())
        if chosen is None:
            other = "rwpk import roles FILE" if holds == "events" else "rwpk import FILE"
            elsewhere = (
                f"; {name} is read by {other}"
                if name in formats_holding("roles" if holds == "events" else "events")
                else ""
            )
            raise UsageError(f"--format {name}: use one of {', '.join(choices)}{elsewhere}")
        return chosen
    found = infer(path, holds)
    if found is None:
        what = "stdin has no name" if path == "-" else f"the name {path!r} does not say which format it is"
        sheet = path.lower().endswith((".xlsx", ".xls", ".ods", ".numbers"))
        hint = "; save the spreadsheet as CSV (UTF-8) and import that with --rules" if sheet else ""
        raise UsageError(f"{what}; give --format, one of {', '.join(choices)}{hint}")
    return found


def _selection(between: tuple[str, str] | None, since: str | None, until: str | None) -> "Selection":
    from ..errors import UsageError
    from ..read.plan import Selection
    from .support import parse_option

    if between is not None:
        from ..read.codes import country_code

        codes = []
        for code in between:
            found = country_code(code) if code.isalpha() and len(code) in (2, 3) else None
            if found is None:
                raise UsageError(f"--between {code!r}: not a country code; give two ISO codes, e.g. --between RW PK")
            codes.append(found)
        if codes[0] == codes[1]:
            raise UsageError(f"--between {between[0]} {between[1]}: give two different countries, e.g. --between RW PK")
        between = (codes[0], codes[1])
    from datetime import date

    today = date.today()  # a relative --since ("last month") counts from today, as in the views
    first, last = parse_option("--since", since, today), parse_option("--until", until, today)
    if first is not None and last is not None and first.start > last.end:
        raise UsageError(f"--since {since} is after --until {until}; swap them")
    return Selection(between, first, last)


@command("import")
@reports_errors
def import_(
    ctx: typer.Context,
    arguments: Annotated[
        list[str],
        typer.Argument(metavar="[roles] FILE", help="The file to import (- for stdin); 'roles FILE' imports tenures."),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help=f"{EVENT_FORMATS}; for roles: {ROLE_FORMATS}. Default: from the file's extension.",
        ),
    ] = None,
    rules: Annotated[
        str | None, typer.Option("--rules", metavar="RULES.toml", help="How a spreadsheet's columns map to events.")
    ] = None,
    into: Annotated[
        str | None,
        typer.Option("--into", metavar="FILE", help="Append to this include file of the log (created if new)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the TOML that would be appended; write nothing.")
    ] = False,
    between: Annotated[
        tuple[str, str] | None,
        typer.Option("--between", metavar="CC CC", help="Keep events between these two countries (either way)."),
    ] = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="Keep events on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(metavar="DATE", help="Keep events on or before this date.")] = None,
) -> None:
    """Import events from a sheet, a calendar, an export or a dataset.

    'rwpk import roles FILE' imports officials' tenures instead. Only what
    is new is appended: every record remembers where it came from (imported = "…"), so
    running the same import again adds nothing, and a newer export of the same file adds only its
    new rows. Every row is read first; if one cannot be read, all such rows are listed as FILE:LINE
    and nothing is written. The write is rwpk add's: every byte of the log kept, the whole result
    checked, atomic.

    Formats (--format; most follow from the extension): csv (rwpk's export, or any spreadsheet with
    --rules), json, jsonl, ics, timelinejs (.timeline.json), icews (.tab), gdelt (.export.csv),
    plover; for roles, wikidata (a SPARQL result as JSON) and whogov (.csv).
    The README's "Importing" section describes the rules file, the CAMEO and
    PLOVER codes each kind comes from, and the Wikidata query to use.

    Examples:

    \b
      rwpk import meetings.csv --rules meetings.rules.toml --dry-run
      rwpk import visits.ics
      rwpk import events.2024.tab --between RW PK --since 2024-01
      rwpk import --format plover polecat.jsonl --between RW PK
      rwpk import roles ministers.json
    """
    from ..errors import UsageError

    if len(arguments) == 2 and arguments[0] == "roles":
        holds, path = "roles", arguments[1]
    elif arguments == ["roles"]:
        raise UsageError("rwpk import roles needs the file of tenures: rwpk import roles FILE (a Wikidata JSON "
                         "result or a WhoGov CSV)")  # fmt: skip
    elif len(arguments) == 1:
        holds, path = "events", arguments[0]
    else:
        raise UsageError("give one file to import: rwpk import FILE, or rwpk import roles FILE")
    chosen = _format(fmt, path, holds)
    if rules is not None and chosen.name != "csv":
        raise UsageError(f"--rules describes a spreadsheet's columns; it does not apply to --format {chosen.name}")
    if holds == "roles" and (between or since or until or into):
        raise UsageError("rwpk import roles takes no --between, --since, --until or --into")
    selection = _selection(between, since, until)
    _run(ctx, chosen, path, rules, into, dry_run, selection)


def _run(
    ctx: typer.Context, chosen: "Format", path: str, rules: str | None, into: str | None, dry_run: bool,
    selection: "Selection",
) -> None:  # fmt: skip
    from ..read import read_file
    from ..read.input import read_input
    from ..read.rules import load_rules

    given_rules = load_rules(rules) if rules is not None else None
    reading = read_file(chosen, read_input(path), given_rules, selection.between)
    for note in reading.notes:
        say_error(f"rwpk: {note}")
    if chosen.holds == "roles":
        from .tenures import import_roles

        import_roles(ctx, reading, path, dry_run)
        return
    if into is not None:
        from .into import import_into

        import_into(ctx, reading, selection, into, path, dry_run)
        return
    from ..read.plan import plan_events
    from .add import committed, current_log, planned

    current = current_log(ctx, dry_run)
    outcome = plan_events(current.log, reading, selection)
    del reading  # a large file's records are in the block now: free them before the block is checked
    for note in outcome.notes:
        say_error(f"rwpk: {note}")
    display = current.where.display
    if not outcome.block:
        say_error(f"rwpk: {path}: {outcome.summary()}; nothing to add to {display}")
        return
    addition = planned(current, outcome.block)
    if dry_run:
        emit(outcome.block)
        say_error(f"rwpk: {path}: {outcome.summary()} (a dry run: nothing was written)")
        return
    summary = outcome.summary()
    del outcome
    committed(current, addition, f"rwpk: imported {path} into {display}: {summary}")
    target = current.path
    del current  # the old text and log: the cache is written from the new ones
    _remember(target, addition)


def _remember(path: "Path", addition: "Addition") -> None:
    """Write the new log's cache from the log just checked, so that the next query is answered at
    once instead of parsing the whole file again. A cache that cannot be written is no error."""
    from ..log.open import remember
    from ..views.summaries import SUMMARIES

    remember(path, addition.text.encode("utf-8"), addition.log, SUMMARIES)
