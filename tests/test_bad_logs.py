"""One bad log per error in tests/data/bad, each with its expected stderr and exit code.

NAME.expected holds ``exit: CODE`` on its first line and the exact stderr after it.
Run with RWPK_REGENERATE=1 to rewrite the expectations after a deliberate change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ceiling import CeilingExceeded, ceiling
from tests.conftest import Run

BAD = Path(__file__).parent / "data" / "bad"
CASES = sorted(p.name for p in BAD.glob("*.toml"))


def test_every_bad_log_has_an_expectation() -> None:
    assert len(CASES) >= 20
    for name in CASES:
        assert (BAD / name).with_suffix(".expected").is_file(), f"{name} has no .expected file"


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("command", [["check"], ["timeline"], ["export", "--format", "md"]])
def test_bad_log_message_and_exit_code(
    name: str, command: list[str], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    with ceiling(cpu_seconds=5, megabytes=300):  # a hostile log may not hang or balloon either
        result = run("--file", name, *command)
    expected_file = (BAD / name).with_suffix(".expected")
    actual = f"exit: {result.exit_code}\n{result.stderr}"
    if os.environ.get("RWPK_REGENERATE") and command == ["check"]:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    if result.exit_code != 0:
        assert result.stdout == ""
    assert "Traceback" not in result.stderr


def _spin() -> None:
    while True:
        pass


def test_the_ceiling_stops_a_case_that_runs_away() -> None:
    with pytest.raises(CeilingExceeded, match="CPU time"), ceiling(cpu_seconds=1):
        _spin()
    with pytest.raises(CeilingExceeded, match="memory"), ceiling(megabytes=64):
        bytearray(256 << 20)
    bytearray(256 << 20)  # and the limits are lifted afterwards
