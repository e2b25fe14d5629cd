"""The root command group, which builds a sub-command only when it is run, completed or shown.

Typer turns a function into a command by reading its signature and every option's annotation,
which costs a few milliseconds per command. ``rwpk timeline`` builds only ``timeline``;
``rwpk --help`` builds none and lists each command from its docstring.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import click
import typer
from typer.core import TyperGroup

F = TypeVar("F", bound=Callable[..., Any])

# Each command lives in a Typer app of its own, in the order the root help lists them.
COMMANDS: dict[str, typer.Typer] = {}


def command(name: str | None = None) -> Callable[[F], F]:
    """Register ``function`` as the root command ``name`` (default: the function's name)."""

    def register(function: F) -> F:
        own = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
        cli_name = name or function.__name__
        own.command(cli_name)(function)
        COMMANDS[cli_name] = own
        return function

    return register


def group(name: str, sub: typer.Typer) -> None:
    """Register a Typer app with its own sub-commands (``rwpk add …``) as the root command ``name``."""
    COMMANDS[name] = sub


def help_text(sub: typer.Typer) -> str:
    """The help a registered command would have once built: its ``help=``, else its function's docstring."""
    if len(sub.registered_commands) == 1 and sub.registered_callback is None:
        info = sub.registered_commands[0]
        given, function = info.help, info.callback
    else:
        given = sub.info.help
        function = sub.registered_callback.callback if sub.registered_callback else None
    if isinstance(given, str):
        return inspect.cleandoc(given)
    return inspect.getdoc(function) or ""


def _set_state(ctx: click.Context, **changes: Any) -> None:
    """Change the global options' State of this run, as every context up to the root sees it."""
    from .support import State

    state = ctx.find_object(State) or State()
    new = state._replace(**changes)
    context: click.Context | None = ctx
    while context is not None:
        context.obj = new
        context = context.parent


def _file_after(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        _set_state(ctx, file=value)


def _no_cache_after(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        _set_state(ctx, no_cache=True)


def _nearest(value: str, choices: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return found[0] if found else None


class SuggestingChoice(click.Choice):  # type: ignore[type-arg]
    """A choice that says "did you mean" for a near miss (``--kind meetin``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:
            near = _nearest(str(value), [str(c) for c in self.choices])
            if near is None:
                raise
            self.fail(f"{error.message} Did you mean '{near}'?", param, ctx)


def _suggest_choices(command: click.Command) -> None:
    for param in command.params:
        if isinstance(param.type, click.Choice) and not isinstance(param.type, SuggestingChoice):
            param.type = SuggestingChoice(list(param.type.choices), case_sensitive=param.type.case_sensitive)


def _argument_help(command: click.Command, app: typer.Typer) -> None:
    """Give positional arguments back the help their ``typer.Argument`` declares: Click 8.5 resets
    a parameter's help as Typer (0.24) builds it, so ``Arguments:`` listed ``ID  [required]`` alone."""
    import typing

    functions = [info.callback for info in app.registered_commands]
    if app.registered_callback is not None:
        functions.append(app.registered_callback.callback)
    helps: dict[str, str] = {}
    for function in functions:
        if function is None:
            continue
        for name, hint in typing.get_type_hints(function, include_extras=True).items():
            for meta in getattr(hint, "__metadata__", ()):
                if isinstance(meta, typer.models.ArgumentInfo) and meta.help:
                    helps[name] = meta.help
    for each in [command, *getattr(command, "commands", {}).values()]:
        for param in each.params:
            if isinstance(param, click.Argument) and not getattr(param, "help", None) and param.name in helps:
                param.help = helps[param.name]


def _no_second_list(ctx: click.Context, formatter: click.HelpFormatter) -> None:
    return None


def with_global_options(command: click.Command) -> click.Command:
    """Let ``--file/-f`` and ``--no-cache`` follow the command too (``rwpk timeline -f x``), as hledger
    takes ``-f`` anywhere; they are hidden in the command's help, which the root's describes."""
    command.params.append(
        click.Option(["-f", "--file"], metavar="PATH", hidden=True, expose_value=False, callback=_file_after)
    )
    command.params.append(
        click.Option(["--no-cache"], is_flag=True, hidden=True, expose_value=False, callback=_no_cache_after)
    )
    _suggest_choices(command)
    # Typer lists the arguments under "Arguments:"; Click 8.5 would list them again under
    # "Positional arguments:" once they have help.
    command.format_arguments = _no_second_list  # type: ignore[method-assign]
    for sub in getattr(command, "commands", {}).values():
        with_global_options(sub)
    return command


class LazyGroup(TyperGroup):
    """A Typer group whose commands come from ``COMMANDS``, built on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.commands, *(name for name in COMMANDS if name not in self.commands)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = self.commands.get(cmd_name)
        if found is None and cmd_name in COMMANDS:
            found = with_global_options(typer.main.get_command(COMMANDS[cmd_name]))
            _argument_help(found, COMMANDS[cmd_name])
            found.name = cmd_name
            self.commands[cmd_name] = found
        return found

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = click.utils.make_str(args[0])
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            near = _nearest(name, self.list_commands(ctx))
            hint = f" Did you mean '{near}'?" if near else ""
            ctx.fail(f"No such command '{name}'.{hint} The commands: {', '.join(self.list_commands(ctx))}.")
        return super().resolve_command(ctx, args)

    def summary(self, ctx: click.Context) -> str:
        """What bare ``rwpk`` prints: each command with its one-line summary, and an example."""
        names = self.list_commands(ctx)
        width = max(len(name) for name in names)
        lines = ["rwpk: a diplomatic timeline from a plain-text TOML log.", "", "Commands:"]
        for name in names:
            built = self.commands.get(name)
            stand_in = built or click.Command(name, help=help_text(COMMANDS[name]))
            if not stand_in.hidden:
                lines.append(f"  {name:<{width}}  {stand_in.get_short_help_str(76 - width)}")
        lines += ["", "Example: rwpk timeline --since 2024-01", "More: rwpk --help, and rwpk COMMAND --help"]
        return "\n".join(lines) + "\n"

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``rwpk --help``, from the docstrings, without building the commands."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            built = self.commands.get(name)
            stand_in = built or click.Command(name, help=help_text(COMMANDS[name]))
            if not stand_in.hidden:
                rows.append((name, stand_in.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)
