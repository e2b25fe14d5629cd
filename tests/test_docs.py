"""The README and --help stay true: every command is documented and every help has examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rwpk_cli.cli.lazy import COMMANDS as REGISTERED
from rwpk_cli.render import FORMATS
from tests.conftest import Run

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(REGISTERED)


def test_the_commands_are_the_documented_ones() -> None:
    assert COMMANDS == [
        "actor",
        "actors",
        "add",
        "check",
        "dates",
        "draft",
        "export",
        "import",
        "meetings",
        "network",
        "sql",
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


@pytest.mark.parametrize("name", sorted(REGISTERED))
def test_the_root_help_describes_each_command_as_its_own_help_does(name: str, run: Run) -> None:
    """``rwpk --help`` lists commands without building them; what it shows must be what they say."""
    import typer

    from rwpk_cli.cli.lazy import help_text

    built = typer.main.get_command(REGISTERED[name])
    assert help_text(REGISTERED[name]) == built.help
    listed = {line.split()[0]: line for line in run("--help").stdout.splitlines() if line.startswith("  ")}
    short = built.get_short_help_str(80 - 6 - max(len(n) for n in REGISTERED))
    assert listed[name].split(None, 1)[1] == short


def test_the_readme_csv_example_is_what_the_command_prints(run: Run) -> None:
    command = "rwpk export --format csv --on 2024-01-03 --search Sahir --kind meeting"
    shown = README.split(f"$ {command}\n")[1].split("\n```")[0] + "\n"
    result = run(*command.split()[1:])
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8").replace("\r\n", "\n") == shown


def test_the_format_reference_marks_every_required_event_key() -> None:
    reference = README.split("## The log format")[1]
    event = reference.split("\n[[event]]\n")[1].split("\n[[trade]]\n")[0]
    for key in ("date", "kind", "title"):  # what the checks refuse an event without
        line = next(line for line in event.splitlines() if line.startswith(f"{key} ="))
        assert "# required" in line, line
