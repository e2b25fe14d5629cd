"""Every console example in the README is what its commands print, byte for byte.

Each ```console block runs as one bash session in a real pseudo-terminal of 100 columns (the width
the README states), in a folder holding a copy of ``examples/``, and, for a block that adds to a log
or imports into one, a copy of the bundled log as ./events.toml. A line that is only "…" stands for
any lines.
RWPK_REGENERATE=1 rewrites the outputs from what the commands print, for review in the diff.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from rwpk_cli.log.files import bundled_log

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WIDTH = 100
MARK = "\x1e\x1e"  # printed before each command, to split the session's output
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _blocks(text: str) -> list[str]:
    return _BLOCK.findall(text)


def _commands(block: str) -> list[tuple[str, list[str], str]]:
    """Each command of a block (continuation lines joined), the output lines shown after it, and the
    command as the README writes it."""
    found: list[tuple[str, list[str], str]] = []
    lines = block.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("$ "):
            command, written = line[2:], line + "\n"
            while command.endswith("\\") and index + 1 < len(lines):
                index += 1
                command = command[:-1] + lines[index].strip()
                written += lines[index] + "\n"
            found.append((command, [], written))
        elif found:
            found[-1][1].append(line)
        index += 1
    return found


def _run(block: str, folder: Path) -> list[list[str]]:
    """The output lines of each command of ``block``, run in one bash session in a pty."""
    # Each command is preceded by a mark; the exit status is kept across it, so `echo $?` still works.
    keep = "status=$?; printf '%s\\n' \"$MARK\"; ( exit $status )"
    script = "".join(f"{keep}; {command}\n" for command, _, _ in _commands(block)) + f"{keep}\n"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "NO_COLOR": "1",
           "TERM": "xterm", "MARK": MARK, "XDG_CACHE_HOME": str(folder / ".cache")}  # fmt: skip
    env.pop("RWPK_FILE", None)
    child = pexpect.spawn("bash", ["--norc", "--noprofile", "-c", script], cwd=str(folder), env=env,
                          encoding="utf-8", timeout=60, dimensions=(200, WIDTH))  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    text = _ANSI.sub("", child.before).replace("\r\n", "\n")  # what the terminal shows, styles aside
    parts = text.split(MARK + "\n")[1:-1]
    return [part.splitlines() for part in parts]


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line for line, where a line that is only "…" stands for any lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "…":
        return any(_matches(expected[1:], actual[start:]) for start in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and _matches(expected[1:], actual[1:])


def _folder(tmp_path: Path, block: str) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    if "rwpk add" in block or "rwpk import" in block or "--append" in block:
        shutil.copy(bundled_log(), tmp_path / "events.toml")
    return tmp_path


BLOCKS = _blocks(README.read_text(encoding="utf-8"))


@pytest.mark.parametrize("number", range(len(BLOCKS)), ids=lambda n: _commands(BLOCKS[n])[0][0][:40])
def test_a_readme_example_is_what_its_commands_print(tmp_path: Path, number: int) -> None:
    block = BLOCKS[number]
    outputs = _run(block, _folder(tmp_path, block))
    commands = _commands(block)
    assert len(outputs) == len(commands)
    if os.environ.get("RWPK_REGENERATE"):
        text = README.read_text(encoding="utf-8")
        fresh = "".join(
            written + "".join(line.rstrip() + "\n" for line in output)
            for (_, _, written), output in zip(commands, outputs, strict=True)
        )
        README.write_text(text.replace(f"```console\n{block}```", f"```console\n{fresh}```", 1), encoding="utf-8")
        return
    for (command, expected, _), output in zip(commands, outputs, strict=True):
        shown = [line.rstrip() for line in output]
        assert _matches(expected, shown), f"$ {command}\n" + "\n".join(shown)


def test_the_readme_states_the_width_of_its_examples() -> None:
    assert f"shown at {WIDTH} columns, as a terminal of that width prints them" in README.read_text(encoding="utf-8")
