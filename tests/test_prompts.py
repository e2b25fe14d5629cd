"""Interactive ``rwpk add`` in a real pseudo-terminal (pexpect): each answer is checked as it is typed."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pexpect
import pytest

from rwpk_cli.log.files import bundled_log

TIMEOUT = 20


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "events.toml"
    path.write_bytes(bundled_log().read_bytes())
    return path


def _spawn(log: Path, tmp_path: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable, ["-m", "rwpk_cli", "--file", str(log), "add", *args], env=env, encoding="utf-8",
        timeout=TIMEOUT, dimensions=(40, 100),
    )  # fmt: skip


@pytest.mark.parametrize("cached", [False, True], ids=["parsed", "from-the-cache"])
def test_a_bad_answer_is_asked_again_with_the_reason(log: Path, tmp_path: Path, cached: bool) -> None:
    """The same questions, checks and bytes whether the add parses the log or answers from its cache."""
    import subprocess

    if cached:
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
        subprocess.run([sys.executable, "-m", "rwpk_cli", "--file", str(log), "timeline"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        assert list((tmp_path / "cache" / "rwpk").glob("*.sqlite"))
    before = log.read_bytes()
    child = _spawn(log, tmp_path)
    child.expect(r"Date \(")
    child.sendline("Janury 5")
    child.expect("Janury 5")  # the reason names what was typed
    child.expect("Date")  # and the question comes again
    child.sendline("2025-02-03")
    child.expect("Kind")
    child.sendline("meetin")
    child.expect("did you mean 'meeting'")
    child.expect("Kind")
    child.sendline("meeting")
    child.expect("Title")
    child.sendline("Talks in Kigali")
    child.expect("Participants")
    child.sendline("Akrma")
    child.expect(r"did you mean Munir Akram \(akram\)")
    child.sendline("y")
    child.expect("Place")
    child.sendline("Kigali")
    child.expect("Sources")
    child.sendline("ktpress-2025-01-2")
    child.expect("is no source of the log; did you mean 'ktpress-2025-01-21'")
    child.expect("Sources")
    child.sendline("ktpress-2025-01-21")
    child.expect("Summary")
    child.sendline("")
    child.expect("added event '2025-02-03-talks-in-kigali'")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    added = log.read_bytes()[len(before) :].decode("utf-8")
    assert log.read_bytes().startswith(before)
    assert added == (
        '\n[[event]]\ndate = 2025-02-03\nkind = "meeting"\ntitle = "Talks in Kigali"\nplace = "Kigali"\n'
        'participants = ["akram"]\nsources = ["ktpress-2025-01-21"]\n'
    )


def test_the_date_defaults_to_today(log: Path, tmp_path: Path) -> None:
    child = _spawn(log, tmp_path, "--kind", "call", "--title", "A call", "--dry-run")
    child.expect(rf"Date \({date.today().isoformat()}\)")
    child.sendline("")
    for _ in ("Participants", "Place", "Sources", "Summary"):
        child.expect(_)
        child.sendline("")
    child.expect(f"date = {date.today().isoformat()}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("key", ["\x04", "\x03"], ids=["ctrl-d", "ctrl-c"])
def test_ctrl_d_ends_like_ctrl_c_and_writes_nothing(log: Path, tmp_path: Path, key: str) -> None:
    before = log.read_bytes()
    child = _spawn(log, tmp_path)
    child.expect(r"Date \(")
    child.sendline("2025-02-03")
    child.expect("Kind")
    child.send(key)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert log.read_bytes() == before
