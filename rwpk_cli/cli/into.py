"""``rwpk import --into FILE``: append the import to one file of a log kept in several files.

FILE is one of the log's includes, or a new file, which is then added to the log's
``[log] include``. The whole log (every file, with the new text) is checked before anything is
written. A new file is written first (it cannot exist yet), then the log's own file; if that second
write fails, the new file is removed again, so the log is as it was.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from pathlib import Path

import typer

from ..read.plan import Selection
from ..read.records import Reading
from .support import emit, location, say_error


def _includes(text: str) -> list[str]:
    try:
        found = tomllib.loads(text).get("log", {}).get("include", [])
    except tomllib.TOMLDecodeError:
        return []
    return [found] if isinstance(found, str) else [str(f) for f in found] if isinstance(found, list) else []


def import_into(
    ctx: typer.Context, reading: Reading, selection: Selection, into: str, path: str, dry_run: bool
) -> None:
    """Import ``reading`` into the include file ``into`` of the log."""
    from ..errors import LogError, UsageError
    from ..log.includes import Member, load_collection
    from ..read.plan import plan_events
    from ..write.append import appended, commit, read_for_edit
    from ..write.insert import with_include
    from .support import uninterrupted

    where = location(ctx)
    if where.path is None or where.bundled:
        raise UsageError("--into adds a file to a log of your own; name the log with --file PATH")
    main = where.path
    target = Path(into)
    if target.resolve() == main.resolve():
        raise UsageError(f"--into {into} is the log itself; leave out --into to append to it")
    name = os.path.relpath(target.resolve(), main.resolve().parent)
    main_bytes, main_text = read_for_edit(main)
    included = any((main.parent / item).resolve() == target.resolve() for item in _includes(main_text))
    into_bytes, into_text = read_for_edit(target)
    if not included and target.exists():
        raise UsageError(f"{into} exists but {where.display} does not include it; add it to [log] include first, "
                         "or give --into a new file")  # fmt: skip
    log = load_collection(Member(main, where.display, main_bytes)) if main_text.strip() else None
    outcome = plan_events(log, reading, selection)
    for note in outcome.notes:
        say_error(f"rwpk: {note}")
    if not outcome.block:
        say_error(f"rwpk: {path}: {outcome.summary()}; nothing to add to {where.display}")
        return
    new_into = appended(into_text, outcome.block)
    new_main = main_text if included else with_include(main_text, name)
    try:
        load_collection(
            Member(main, where.display, new_main.encode("utf-8")), {target.resolve(): new_into.encode("utf-8")}
        )
    except LogError as error:
        raise UsageError(
            "the imported entries are not valid: " + "; ".join(p.message for p in error.problems)
        ) from None
    if dry_run:
        emit(outcome.block)
        added = "" if included else f" (and {name!r} added to {where.display}'s include)"
        say_error(f"rwpk: {path}: {outcome.summary()}{added} (a dry run: nothing was written)")
        return
    with uninterrupted():
        commit(target, into_bytes, new_into)
        if new_main != main_text:
            try:
                commit(main, main_bytes, new_main)
            except BaseException:
                with contextlib.suppress(OSError):
                    target.unlink()  # it was new, and nothing names it: the log is as it was
                raise
        say_error(f"rwpk: imported {path} into {into} (part of {where.display}): {outcome.summary()}")
