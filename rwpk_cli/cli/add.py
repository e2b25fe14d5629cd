"""``rwpk add``: append an event, an actor or a source to the log, never changing a byte already there."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from .options import complete_actor, complete_source
from .support import emit, location, reports_errors, say_error, uninterrupted

if TYPE_CHECKING:
    from ..log.cache import CachedFile
    from ..log.files import LogLocation
    from ..log.model import Log
    from ..log.names import NameIndex
    from ..log.scan import Scan
    from ..write.ahead import CopyAhead
    from ..write.append import Addition
    from ..write.tail import Appending
    from .prompts import Answers

add_app = typer.Typer(
    add_completion=False,
    help=(
        "Add an event, an actor or a source to the log.\n\n"
        "The options below add an event. The new entry is appended: "
        "everything already in the file stays exactly as it was. The whole log is checked first, the "
        "write is atomic, and nothing is written if the result would not load.\n\n"
        "Examples:\n\n"
        "\b\n"
        '  rwpk add --date 2025-04-21 --kind agreement --title "MoU signed" \\\n'
        "      --participant Nduhungirehe\n"
        '  rwpk add --date "last week" --as-of 2025-01-24 --kind visit \\\n'
        '      --title "Delegation in Kigali" --dry-run\n'
        '  rwpk add actor dar --name "Ishaq Dar" --country PK \\\n'
        '      --role "Foreign Minister" --since 2024-03-11\n'
        "  rwpk add source dawn-2025-04 --url https://www.dawn.com/news/1 \\\n"
        "      --published 2025-04-22"
    ),
    invoke_without_command=True,
    rich_markup_mode=None,
)

DryRun = Annotated[bool, typer.Option("--dry-run", help="Print the TOML that would be appended; write nothing.")]


def _interactive() -> bool:
    return sys.stdin.isatty()


def _target(where: LogLocation) -> Path:
    from ..errors import UsageError

    if where.path is None:
        raise UsageError("cannot add to a log read from stdin; give the file with --file PATH")
    if where.bundled:
        raise UsageError(
            "there is no ./events.toml here and no --file or $RWPK_FILE, and rwpk does not write into the log "
            "bundled with it; name the log to add to, e.g. rwpk --file events.toml add …"
        )
    return where.path


class Current(NamedTuple):
    """The log as read once for an addition: its text, exactly as on disk (a BOM included), and, when
    it is not empty, what it parses to (an invalid log stops the addition here)."""

    where: LogLocation
    path: Path
    text: str
    log: Log | None

    @property
    def original(self) -> bytes:
        """The file's bytes as read, to detect a concurrent change: the text was decoded from UTF-8,
        which encodes back to exactly those bytes. Made when needed, so that a large log is not held
        twice while an addition is planned."""
        return self.text.encode("utf-8")


def current_log(ctx: typer.Context, dry_run: bool) -> Current:
    """The log to add to. A dry run writes nothing, so it may read any log: the bundled one, or stdin."""
    from ..errors import LogError
    from ..log.files import decode, read_bytes
    from ..log.parse import parse_log
    from ..write.append import read_for_edit

    where = location(ctx)
    if dry_run and (where.path is None or where.bundled):
        text = decode(read_bytes(where), where.display)
        log = parse_log(text, where.display) if text.strip("\ufeff \t\r\n") else None
        return Current(where, where.path or Path("-"), text, log)
    path = _target(where)
    original, text = read_for_edit(path)
    try:
        log = _whole_log(path, where.display, original, text) if text.strip("\ufeff \t\r\n") else None
    except LogError:
        _refuse_if_changed(path, original)  # an editor was saving it: try again, rather than "invalid"
        raise
    del original
    return Current(where, path, text, log)


class Tail(NamedTuple):
    """The log known by one streamed pass and answered by its cache (``log.scan``), for an addition
    that need not parse the events already there: its declarations, and the events it has, are the
    cache's."""

    where: LogLocation
    path: Path
    scan: Scan
    store: CachedFile
    ahead: CopyAhead | None = None

    @property
    def log(self) -> Log:
        """Its actors and sources (without events), which the options and prompts are checked against."""
        return self.store.header


def log_for_add(ctx: typer.Context, dry_run: bool, ahead: CopyAhead | None = None) -> Current | Tail:
    """The log to add to: from its cache, when the cache answers for the file as it is and the file
    keeps its log alone, so that a large log is neither parsed nor held; otherwise read whole (and
    the copy ``ahead``, which only an addition from the cache uses, is let go)."""
    from ..log.cache import cache_file, open_cached
    from ..log.files import max_bytes
    from ..log.scan import scan
    from .support import State

    where = location(ctx)
    state = ctx.find_object(State) or State()
    if where.path is not None and not where.bundled and not state.no_cache and not state.rebuild:
        found = scan(where.path, max_bytes())
        cached = open_cached(cache_file(where.path), found.digest, where.display) if found is not None else None
        alone = cached is not None and not (cached.includes or cached.context or cached.shape.includes)
        if found is not None and cached is not None and alone and not cached.shape.blank:
            return Tail(where, where.path, found, cached, ahead)
    if ahead is not None:
        ahead.release()
    return current_log(ctx, dry_run)


def copy_ahead(ctx: typer.Context, dry_run: bool, *given: str | None) -> CopyAhead | None:
    """For an addition given whole on the command line (nothing to prompt for) to a log file, the
    log's lock taken and its copy begun (see ``write.ahead``); None otherwise. Only an addition that
    its cache answers uses the copy; ``log_for_add`` lets it go otherwise."""
    from .support import State

    where = location(ctx)
    state = ctx.find_object(State) or State()
    if dry_run or not all(given) or where.path is None or where.bundled or state.no_cache or state.rebuild:
        return None
    from ..write.ahead import CopyAhead

    return CopyAhead.begin(where.path)


def _read_whole(tail: Tail) -> Current:
    """The log of ``tail`` read and parsed whole, for a block that its cache cannot check."""
    from ..errors import LogError
    from ..write.append import read_for_edit

    original, text = read_for_edit(tail.path)
    try:
        log = _whole_log(tail.path, tail.where.display, original, text)
    except LogError:
        _refuse_if_changed(tail.path, original)
        raise
    del original
    return Current(tail.where, tail.path, text, log)


def _whole_log(path: Path, display: str, data: bytes, text: str) -> Log:
    """The log as its queries see it: with the files it includes, whose actors and sources its
    events may name."""
    from ..log.parse import parse_log
    from ..log.shape import may_include

    if not may_include(data):
        return parse_log(text, display)
    from ..log.includes import Member, load_collection

    return load_collection(Member(path, display, data))


def _refuse_if_changed(path: Path, original: bytes) -> None:
    """ConflictError (exit 75) when the log no longer holds what was read: a problem found in it may
    only be a save caught half-way, so the right answer is to try again."""
    from ..write.atomic import CHANGED, ConflictError, holds

    if not holds(path, original):
        raise ConflictError(f"{path}: {CHANGED}")


def planned_from(current: Current | Tail, block: str) -> tuple[Current | Tail, Addition | Appending]:
    """``planned`` for a log known by its cache too: the block is checked against the cache's
    declarations and ids when that gives what a full parse would; otherwise the whole log is read,
    and returned with the addition, since it is what the write must then start from."""
    if isinstance(current, Tail):
        from ..write.tail import appending

        found = appending(current.scan, current.store, block)
        if found is not None:
            return current, found
        if current.ahead is not None:
            current.ahead.release()  # the whole log is written, under the lock taken anew
        current = _read_whole(current)  # the block needs the whole log to be checked
    return current, planned(current, block)


def planned(current: Current, block: str) -> Addition:
    """The log with ``block`` appended, checked as a full parse would check it, as a real write does
    (a dry run too): the block alone against the log just read when that gives the same answer (see
    ``plan_records``), else the whole result. A block that does not load is refused; when the log
    changed meanwhile, that is the reason."""
    from ..errors import UsageError
    from ..write.append import plan, plan_records

    try:
        if current.log is not None:
            addition = plan_records(current.text, block, current.where.display, current.log, _with_includes(current))
            return addition
        return plan(current.text, block, current.where.display, checked=True)
    except UsageError:
        if current.where.path is not None and not current.where.bundled:
            _refuse_if_changed(current.path, current.original)
        raise


def _with_includes(current: Current) -> Callable[[str], Log] | None:
    """For a log that includes other files, how to check a whole new text of its own file: with them."""
    from ..log.shape import may_include

    if current.where.path is None or not may_include(current.text.encode("utf-8")):
        return None
    from ..errors import LogError, UsageError
    from ..log.includes import Member, load_collection

    def whole(text: str) -> Log:
        try:
            return load_collection(Member(current.path, current.where.display, text.encode("utf-8")))
        except LogError as error:
            messages = [p.message for p in error.problems]
            raise UsageError("the new entry is not valid: " + "; ".join(messages)) from None

    return whole


def committed(current: Current | Tail, addition: Addition | Appending, message: str) -> None:
    """Write the checked addition over the log (atomic, locked, refused if the file changed) and
    say ``message``, with Ctrl-C and SIGTERM held so that a done write is reported as done. An
    addition planned from the cache brings the cache up to date, so the next query needs no parse."""
    from ..write.append import commit
    from ..write.tail import Appending, commit_tail, remember_tail

    with uninterrupted():  # from here the write either does not happen or is reported as done
        if isinstance(addition, Appending):
            from ..views.summaries import SUMMARIES

            assert isinstance(current, Tail)
            if current.ahead is not None:  # the old bytes copied under the lock it holds
                current.ahead.commit(current.scan, addition.tail)
            else:
                commit_tail(current.path, current.scan, addition.tail)
            remember_tail(current.path, current.scan, addition, SUMMARIES)
        else:
            assert isinstance(current, Current)
            commit(current.path, current.original, addition.text)
        say_error(message)


def _write(
    current: Current | Tail, block: str, dry_run: bool, what: str | None = None, duplicate: bool = False
) -> None:
    """Check the log with ``block`` appended, then print it (a dry run) or write it. ``what`` names an
    actor or a source; an event is named by the id the log gives it, and refused when the log has the
    same event already (the same dates, kind and title) unless ``duplicate``."""
    from ..errors import UsageError

    display = current.where.display
    current, addition = planned_from(current, block)
    added = next((e for e in addition.log.events if e.line == addition.first_line), None) if what is None else None
    if added is not None and not duplicate:
        from ..views.lint import twin_among

        others = current.store.on_days(added.when.start, added.when.end) if isinstance(current, Tail) else ()
        twin = twin_among((*others, *addition.log.events), added)
        if twin is not None:
            raise UsageError(
                f"the log already has this event: '{twin.id}' ({twin.file or display}:{twin.line}) has the same "
                "date, kind and title; add --duplicate to add it anyway, or tell them apart in the title"
            )
    if dry_run:
        emit(block)
        return
    if what is None:
        what = f"event '{added.id}'" if added is not None else "an event"
    committed(current, addition, f"rwpk: added {what} at {display}:{addition.first_line}")


def _refuse_taken(current: Current | Tail, table: str, ident: str) -> None:
    from ..errors import UsageError

    log = current.log
    taken = (log.actors if table == "actor" else log.sources) if log else {}
    if ident in taken:
        where = taken[ident].file or current.where.display
        raise UsageError(f"{table} '{ident}' already exists ({where}:{taken[ident].line}); choose another id")


def _participant(names: NameIndex, text: str) -> str:
    from ..errors import AmbiguousNameError, UsageError

    found = names.candidates(text)
    if len(found) > 1:
        raise AmbiguousNameError(text, [f"{a.name} ({a.id})" for a in found])
    if found:
        return found[0].id
    close = names.suggest(text)
    if close:
        raise UsageError(
            f"--participant '{text}' is no actor of the log. Did you mean {' or '.join(repr(c) for c in close)}? "
            "Use their name or id, or add them first with 'rwpk add actor'."
        )
    return text


def _ask_missing(log: Log | None, date_: str | None, kind: str | None, title: str | None) -> Answers | None:
    """At a terminal, ask for what is missing (see ``prompts``); in a script, a usage error naming it.
    None when nothing is missing."""
    from ..errors import UsageError

    missing = [name for name, value in (("--date", date_), ("--kind", kind), ("--title", title)) if not value]
    if not missing:
        return None
    if not _interactive():
        them = "it" if len(missing) == 1 else "them"
        raise UsageError(
            f"missing {', '.join(missing)}; give {them} on the command line (rwpk prompts only at a terminal)"
        )
    from .prompts import ask_event

    return ask_event(log, date_, kind, title)


def _needs_reference(date_: str, as_of: str | None, sources: list[str], log: Log | None) -> bool:
    """A relative date with no as_of and no first source with a published date to resolve it."""
    from ..dates.parse import parse_date
    from ..errors import DateError, RelativeDateError

    if as_of:
        return False
    if sources and log is not None and sources[0] in log.sources and log.sources[sources[0]].published:
        return False
    try:
        parse_date(date_)
    except RelativeDateError:
        return True
    except DateError:
        return False
    return False


@add_app.callback(invoke_without_command=True)
@reports_errors
def add(
    ctx: typer.Context,
    date_: Annotated[str | None, typer.Option("--date", metavar="DATE", help="When: any date expression.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(metavar="KIND", help="meeting, visit, consultation, agreement, call, statement or other."),
    ] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="What happened, in a line.")] = None,
    participant: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME",
            help="An actor's name or id, or a person's name (repeatable).",
            autocompletion=complete_actor,
        ),
    ] = None,
    place: Annotated[str | None, typer.Option(metavar="TEXT", help="Where it happened.")] = None,
    tag: Annotated[list[str] | None, typer.Option(metavar="TAG", help="A tag (repeatable).")] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="A source id from the log (repeatable).", autocompletion=complete_source),
    ] = None,
    summary: Annotated[str | None, typer.Option(metavar="TEXT", help="What the source said.")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DAY", help="Reference day for a relative --date (default: today).")
    ] = None,
    date_text: Annotated[
        str | None, typer.Option("--date-text", metavar="TEXT", help="How the source worded the date.")
    ] = None,
    event_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="A unique id (default: derived from date and title).")
    ] = None,
    duplicate: Annotated[
        bool, typer.Option("--duplicate", help="Add it even if the log has an event of the same date, kind and title.")
    ] = False,
    dry_run: DryRun = False,
) -> None:
    """Add an event to the log."""
    if ctx.invoked_subcommand is not None:
        return
    from contextlib import nullcontext

    from ..log.names import NameIndex
    from ..write.blocks import NewEvent, event_block

    with copy_ahead(ctx, dry_run, date_, kind, title) or nullcontext() as ahead:
        current = log_for_add(ctx, dry_run, ahead)
        log = current.log
        asked = _ask_missing(log, date_, kind, title)
        names = NameIndex(log.actors.values() if log else ())
        people = tuple(_participant(names, p) for p in participant or [])
        sources = list(source or [])
        if asked is not None:  # each answer was checked as it was typed
            date_, kind, title = asked.date, asked.kind, asked.title
            people += tuple(asked.participants)
            place, summary = place or asked.place, summary or asked.summary
            sources += [s for s in asked.sources if s not in sources]
        date_, kind, title = date_ or "", kind or "", title or ""  # none is missing once asked
        if _needs_reference(date_, as_of, sources, log):
            as_of = date.today().isoformat()  # recorded in the log, so the date never drifts
        new = NewEvent(
            date=date_,
            kind=kind,
            title=title,
            participants=people,
            place=place,
            tags=tuple(tag or ()),
            sources=tuple(sources),
            summary=summary,
            as_of=as_of,
            date_text=date_text,
            id=event_id,
        )
        _write(current, event_block(new), dry_run, duplicate=duplicate)


@add_app.command("actor")
@reports_errors
def add_actor(
    ctx: typer.Context,
    actor_id: Annotated[str, typer.Argument(metavar="ID", help="Lowercase letters, digits, - and _.")],
    name: Annotated[str, typer.Option(metavar="TEXT", help="The actor's full name.")],
    country: Annotated[
        str | None, typer.Option(metavar="CODE", help="ISO 3166-1 alpha-2, or an organisation code.")
    ] = None,
    actor_type: Annotated[str | None, typer.Option("--type", metavar="TYPE", help="person or organization.")] = None,
    alias: Annotated[list[str] | None, typer.Option(metavar="TEXT", help="Another name (repeatable).")] = None,
    role: Annotated[str | None, typer.Option(metavar="TITLE", help="A role title.")] = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="When the role began.")] = None,
    until: Annotated[str | None, typer.Option(metavar="DATE", help="When the role ended.")] = None,
    dry_run: DryRun = False,
) -> None:
    """Add an actor, with one role if given.

    Examples:

    \b
      rwpk add actor dar --name "Ishaq Dar" --country PK \\
          --role "Foreign Minister" --since 2024-03-11
    """
    from ..errors import UsageError
    from ..write.blocks import NewActor, actor_block

    if (since or until) and not role:
        raise UsageError("--since and --until describe a role; give the role's title with --role")
    roles = ({k: v for k, v in (("title", role), ("since", since), ("until", until)) if v},) if role else ()
    new = NewActor(actor_id, name, country, actor_type, tuple(alias or ()), roles)
    current = log_for_add(ctx, dry_run)
    _refuse_taken(current, "actor", actor_id)
    _write(current, actor_block(new), dry_run, f"actor '{actor_id}'")


@add_app.command("source")
@reports_errors
def add_source(
    ctx: typer.Context,
    source_id: Annotated[str, typer.Argument(metavar="ID", help="Lowercase letters, digits, - and _.")],
    url: Annotated[str | None, typer.Option(metavar="URL", help="Where to read it.")] = None,
    published: Annotated[str | None, typer.Option(metavar="DATE", help="When it was published.")] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="Its headline.")] = None,
    outlet: Annotated[str | None, typer.Option(metavar="TEXT", help="Who published it.")] = None,
    dry_run: DryRun = False,
) -> None:
    """Add a source that events can cite.

    Examples:

    \b
      rwpk add source dawn-2025-04 --url https://www.dawn.com/news/1 \\
          --published 2025-04-22 --outlet Dawn
    """
    from ..write.blocks import NewSource, source_block

    new = NewSource(source_id, title, outlet, url, published)
    current = log_for_add(ctx, dry_run)
    _refuse_taken(current, "source", source_id)
    _write(current, source_block(new), dry_run, f"source '{source_id}'")
