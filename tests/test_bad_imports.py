"""One bad file to import per error in tests/data/bad-imports, each with its expected stderr and exit code.

NAME.expected holds ``args: …`` (the options after ``rwpk import NAME.EXT``, may be empty) on its
first line, ``exit: CODE`` on its second and the exact stderr after them. Every case imports into a
copy of the bundled log, which must be byte for byte the same afterwards: a failed import writes
nothing. Run with RWPK_REGENERATE=1 to rewrite the expectations after a deliberate change, then
review the diff.
"""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

import pytest

from tests.ceiling import ceiling
from tests.conftest import Run

BAD = Path(__file__).parent / "data" / "bad-imports"
LOG = Path(__file__).parent.parent / "events.toml"
CASES = sorted(p.name for p in BAD.iterdir() if p.suffix != ".expected" and not p.name.endswith(".rules.toml"))


def test_every_bad_import_has_an_expectation() -> None:
    assert len(CASES) >= 15
    for name in CASES:
        assert _expected(name).is_file(), f"{name} has no {_expected(name).name}"


def _expected(name: str) -> Path:
    return BAD / f"{name.split('.')[0]}.expected"


@pytest.mark.parametrize("name", CASES)
def test_bad_import_message_exit_code_and_untouched_log(
    name: str, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for item in BAD.iterdir():
        shutil.copy(item, tmp_path / item.name)
    shutil.copy(LOG, tmp_path / "events.toml")
    before = (tmp_path / "events.toml").read_bytes()
    monkeypatch.chdir(tmp_path)
    expected_file = _expected(name)
    lines = expected_file.read_text(encoding="utf-8").split("\n", 2) if expected_file.exists() else ["args:", "", ""]
    args = shlex.split(lines[0].removeprefix("args:"))
    with ceiling(cpu_seconds=20, megabytes=400):
        result = run("--file", "events.toml", "import", name, *args)
    actual = f"{lines[0]}\nexit: {result.exit_code}\n{result.stderr}"
    if os.environ.get("RWPK_REGENERATE"):
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert (tmp_path / "events.toml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left
