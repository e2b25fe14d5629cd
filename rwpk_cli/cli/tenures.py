"""``rwpk import roles FILE``: officials' tenures from Wikidata or WhoGov, added to the log's actors."""

from __future__ import annotations

import typer

from ..read.records import Reading
from .support import emit, say_error


def import_roles(ctx: typer.Context, reading: Reading, path: str, dry_run: bool) -> None:
    """Add the tenures of ``reading`` to the log: to its actors' roles in place, and as new actors."""
    from ..errors import LogError, UsageError
    from ..log.parse import parse_log
    from ..read.tenures import plan_roles
    from ..write.append import Addition
    from .add import committed, current_log

    current = current_log(ctx, dry_run)
    outcome = plan_roles(current.text, current.log, reading, path, current.where.display)
    for report in outcome.reports:
        say_error(f"rwpk: {report}")
    display = current.where.display
    if outcome.text == current.text:
        say_error(f"rwpk: {path}: {outcome.summary()}; nothing to add to {display}")
        return
    try:
        log = parse_log(outcome.text, display)
    except LogError as error:  # the loader's own message, as for a new entry that does not load
        raise UsageError("the new roles are not valid: " + "; ".join(p.message for p in error.problems)) from None
    if dry_run:
        emit(_difference(current.text, outcome.text))
        say_error(f"rwpk: {path}: {outcome.summary()} (a dry run: nothing was written)")
        return
    addition = Addition(outcome.text, log, "", 0)
    committed(current, addition, f"rwpk: imported roles from {path} into {display}: {outcome.summary()}")


def _difference(old: str, new: str) -> str:
    """What a dry run shows: the changed lines of the log, as a unified diff."""
    import difflib

    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), "log", "log with roles")
    return "".join(lines)
