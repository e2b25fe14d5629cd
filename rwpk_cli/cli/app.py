"""The root command: rwpk's global options and its commands, each built only when it runs (see ``lazy``).

The commands live in one module per group: ``events`` (timeline, meetings, export), ``analysis``
(actors, actor, network, trade, stats), ``check`` (check, dates) and ``add``.
"""

# No `from __future__ import annotations` here: Typer reads each command's annotations as it builds
# the command, and string annotations would be compiled and evaluated again on every run.
from typing import Annotated

import typer

from .. import __version__
from . import add, analysis, check, draft, events, importer, sql  # noqa: F401  (they register their commands)
from .lazy import COMMANDS, LazyGroup, group
from .support import State

app = typer.Typer(
    name="rwpk",
    cls=LazyGroup,
    help=(
        "A diplomatic timeline from a plain-text TOML log of meetings, visits, consultations, "
        "agreements, statements and trade figures.\n\n"
        "The log is --file PATH (- for stdin), else $RWPK_FILE, else ./events.toml, else the "
        "Rwanda–Pakistan log bundled with rwpk. --file and --no-cache may come before or after the command.\n\n"
        "Examples:\n\n"
        "  rwpk timeline --since 2024-01\n\n"
        "  rwpk meetings Nduhungirehe\n\n"
        "  rwpk export --format md -o briefing.md\n\n"
        "  rwpk dates 'last week' --as-of 2025-01-24"
    ),
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rwpk {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            "-f",
            metavar="PATH",
            help="The log to read; - reads stdin. Default: $RWPK_FILE, ./events.toml, the bundled log.",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Parse the log afresh and leave the cache ($XDG_CACHE_HOME/rwpk) alone."),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_version, help="Show the version and exit.")
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = State(file=file, no_cache=no_cache)
    if ctx.invoked_subcommand is None:  # bare `rwpk`: what it can do, on stdout, and exit 0
        assert isinstance(ctx.command, LazyGroup)
        typer.echo(ctx.command.summary(ctx), nl=False)
        raise typer.Exit()


group("add", add.add_app)
analysis.register()
# The root help lists the commands in this order: the timeline views, checking, adding, analysis, SQL.
ORDER = (
    "timeline",
    "meetings",
    "actors",
    "export",
    "check",
    "dates",
    "add",
    "import",
    "draft",
    "actor",
    "network",
    "trade",
    "stats",
    "sql",
)
for _name in ORDER:
    COMMANDS[_name] = COMMANDS.pop(_name)
