"""Options shared by rwpk's commands, declared once: filters, formats, output, and their completion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from .. import render
from ..log.kinds import Kind
from .support import parse_option, reference_day

if TYPE_CHECKING:
    from ..log.model import Log
    from ..views.filters import Filters

# --- completion from the log in use --------------------------------------------------------------


def _log_for_completion(ctx: typer.Context) -> Log | None:
    """The log the command line names (--file, $RWPK_FILE, ./events.toml, bundled), or None if unreadable."""
    from ..errors import RwpkError
    from ..log.files import locate
    from ..log.open import load_log

    try:
        file = ctx.find_root().params.get("file")
        return load_log(locate(file if isinstance(file, str) else None))
    except (RwpkError, OSError):
        return None


def complete_actor(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Actor ids, full names and aliases that start with what was typed, each with the actor's name
    as help. Bash would insert a name with a space as two words, so there only ids and one-word names
    and aliases are offered; zsh and fish quote full names themselves."""
    log = _log_for_completion(ctx)
    if log is None:
        return []
    import os

    from ..render.safe import one_line, visible

    bash = "bash" in os.environ.get("_RWPK_COMPLETE", "")
    found: dict[str, str] = {}
    for a in log.actors.values():
        for text in (a.id, a.name, *a.aliases):
            if text.startswith(incomplete) and one_line(text) == text and not (bash and " " in text):
                found.setdefault(text, visible(a.name))  # nothing a shell would act on
    return sorted(found.items())


def complete_tag(ctx: typer.Context, incomplete: str) -> list[str]:
    """Tags used in the log that start with what was typed."""
    log = _log_for_completion(ctx)
    from ..render.safe import one_line

    tags = sorted({t for e in log.events for t in e.tags}) if log else []
    return [t for t in tags if t.startswith(incomplete) and one_line(t) == t]


def complete_source(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Source ids that start with what was typed, with the source's title as help."""
    from ..render.safe import one_line

    log = _log_for_completion(ctx)
    if log is None:
        return []
    sources = log.sources.values()
    return [(s.id, one_line(s.label)) for s in sources if s.id.startswith(incomplete) and one_line(s.id) == s.id]


def pick_format(view: str, given: str | None, output: Path | None, default: str) -> str:
    """--format when given, else the output file's extension, else the view's default, which for a
    list view printing into a pipe is tab-separated lines rather than a table."""
    if given:
        return given
    if output is None or str(output) == "-":
        import sys

        if default == "table" and view in render.PIPED and not (sys.stdout and sys.stdout.isatty()):
            return "tsv"  # into a pipe: one line per record (--format table forces the table)
        return default
    found = render.from_extension(output.name, view)
    if found is None:
        from ..errors import UsageError

        known = " ".join(ext for name in render.choices(view) for ext in render.FORMATS[name].extensions)
        raise UsageError(
            f"-o {output}: rwpk cannot tell the format from this name; give --format "
            f"({', '.join(render.choices(view))}) or a known extension: {known}"
        )
    return found


def format_option(view: str, default: str) -> Any:
    names = render.choices(view)

    def check(value: str | None) -> str | None:
        if value is not None and value not in names:
            raise typer.BadParameter(f"'{value}' is not one of {', '.join(names)}.")
        return value

    return typer.Option(
        None,
        "--format",
        metavar="FORMAT",
        help=f"Output format (default {default}). {render.describe(view)}.",
        callback=check,
        autocompletion=lambda: names,
    )


def render_view(view: str, fmt: str, doc: object) -> object:
    renderer: Callable[[object], object] = getattr(render.FORMATS[fmt].load(), view)
    return renderer(doc)


# --- shared options ------------------------------------------------------------------------------

FILTERS = "Filters"
_KIND_NAMES = ", ".join(k.value for k in Kind)
Since = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="Events on or after this date (overlapping it), e.g. 2024-01.", rich_help_panel=FILTERS
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="Events on or before this date (overlapping it), e.g. 2025-Q1.", rich_help_panel=FILTERS
    ),
]
On = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="Events overlapping this date, e.g. 2025-W04.", rich_help_panel=FILTERS),
]
Strict = Annotated[
    bool, typer.Option("--strict", help="Keep only events wholly inside the date bounds.", rich_help_panel=FILTERS)
]
Kinds = Annotated[
    list[Kind] | None,
    typer.Option(
        "--kind", "-k", metavar="KIND", help=f"Only this kind (repeatable): {_KIND_NAMES}.", rich_help_panel=FILTERS
    ),
]
Officials = Annotated[
    list[str] | None,
    typer.Option(
        "--official",
        metavar="NAME",
        autocompletion=complete_actor,
        help="Only events with this person (repeatable: all of them).",
        rich_help_panel=FILTERS,
    ),
]
Country = Annotated[
    str | None,
    typer.Option(
        metavar="CODE", help="Only events with a participant of this country, e.g. RW.", rich_help_panel=FILTERS
    ),
]
Tags = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        autocompletion=complete_tag,
        help="Only events with this tag (repeatable: any of them).",
        rich_help_panel=FILTERS,
    ),
]
Search = Annotated[
    str | None,
    typer.Option(
        "--search",
        "-s",
        metavar="TEXT",
        help="Text to find in title, summary or place, ignoring case and accents.",
        rich_help_panel=FILTERS,
    ),
]


def _not_negative(value: int | None) -> int | None:
    if value is not None and value < 0:
        raise typer.BadParameter(f"{value} is less than 0; give 0 or more.")
    return value


Limit = Annotated[
    int | None,
    typer.Option(
        "--limit", "-n", metavar="N", help="Show at most N events.", callback=_not_negative, rich_help_panel=FILTERS
    ),
]
Reverse = Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.", rich_help_panel=FILTERS)]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE atomically instead of stdout (- is stdout). Without --format, the extension picks it.",
    ),
]  # fmt: skip
Raw = Annotated[bool, typer.Option("--raw", help="CSV: leave cells that start like a formula (= + - @) as they are.")]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="DAY", help="Reference day for relative dates such as 'last week' (default: today)."
    ),
]


class FilterArgs(NamedTuple):
    """The filter options as given on the command line, before names and dates are resolved."""

    since: str | None
    until: str | None
    on: str | None
    strict: bool
    kinds: list[Kind] | None
    officials: list[str] | None
    country: str | None
    tags: list[str] | None
    search: str | None
    limit: int | None
    reverse: bool
    as_of: str | None

    def date_window(self) -> tuple[date | None, date | None] | None:
        """The days the date filters let through, as ``Filters.date_window`` gives them, read before
        the log is; None when a date does not parse (``resolve`` then reports it, in its turn)."""
        from ..errors import UsageError
        from ..views.filters import Filters

        try:
            ref = reference_day(self.as_of)
            dates = [parse_option(name, value, ref) for name, value in
                     (("--since", self.since), ("--until", self.until), ("--on", self.on))]  # fmt: skip
        except UsageError:
            return None
        return Filters(since=dates[0], until=dates[1], on=dates[2]).date_window()

    def resolve(self, log: Log) -> Filters:
        """Filters with dates normalised and official names matched to actor ids."""
        from ..log.names import fold
        from ..views.filters import Filters, resolve_official

        ref = reference_day(self.as_of)
        return Filters(
            since=parse_option("--since", self.since, ref),
            until=parse_option("--until", self.until, ref),
            on=parse_option("--on", self.on, ref),
            strict=self.strict,
            kinds=frozenset(self.kinds or ()),
            officials=tuple(resolve_official(log, name).id for name in self.officials or ()),
            country=self.country.upper() if self.country else None,
            tags=frozenset(fold(t) for t in self.tags or ()),
            search=self.search,
            limit=self.limit,
            reverse=self.reverse,
        )
