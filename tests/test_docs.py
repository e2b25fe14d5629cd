"""The README and --help stay true: every command is documented and every help has examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rwpk_cli.cli import app
from rwpk_cli.render import FORMATS
from tests.conftest import Run

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(
    [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    + [g.name or "" for g in app.registered_groups]
)


def test_the_commands_are_the_documented_ones() -> None:
    assert COMMANDS == [
        "actor",
        "actors",
        "add",
        "check",
        "dates",
        "export",
        "meetings",
        "network",
        "stats",
        "timeline",
        "trade",
    ]


@pytest.mark.parametrize("command", ["actor", "source"])
def test_add_subcommands_are_documented(run: Run, command: str) -> None:
    assert f"`rwpk add {command}" in README
    result = run("add", command, "--help")
    assert result.exit_code == 0
    assert f"rwpk add {command}" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`rwpk {command}" in README


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"rwpk {command}" in result.stdout or command == "check"


def test_readme_has_exactly_the_two_setup_lines() -> None:
    blocks = re.findall(r"<!-- (main|test)-line -->\n```sh\n(.+)\n```", README)
    assert [kind for kind, _ in blocks] == ["main", "test"]
    main, test = (line for _, line in blocks)
    assert main.endswith("rwpk timeline --since 2024-01")
    assert "'.[test]'" in test
    assert test.endswith("pytest")


def test_every_format_is_in_the_readme() -> None:
    for name in FORMATS:
        assert f"`{name}`" in README
