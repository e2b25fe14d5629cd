"""check and check --strict: every warning, where it points, and the exit codes."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run

LINTED = """\
[actor.amb]
name = "Ann Ambassador"
roles = [{ title = "Ambassador", since = 2019-01-01, until = 2021-12-31 }]

[actor.idle]
name = "Idle Person"

[source.s]
outlet = "Daily"

[source.unused]
outlet = "Nobody cites this"

[[event]]
id = "posted"
date = 2020-06-01
kind = "meeting"
title = "During the posting"
participants = ["amb", "Someone Unknown"]
sources = ["s"]

[[event]]
id = "after-posting"
date = 2023-03-01
kind = "meeting"
title = "After the posting ended"
participants = ["amb"]
sources = ["s"]

[[event]]
id = "after-posting-again"
date = "2023-03"
kind = "meeting"
title = "The same meeting, logged twice"
participants = ["amb"]
sources = ["s"]

[[event]]
id = "future"
date = 2999-01-01
kind = "other"
title = "Not yet"

[[trade]]
year = 2022
from = "AA"
to = "BB"
value_usd = 100
goods = { tea = 80, coffee = 30 }
sources = ["s"]
"""

EXPECTED = [
    "5: warning: actor 'idle' takes part in no event; remove it or add it to an event",
    "11: warning: source 'unused' is cited by nothing; remove it or cite it",
    "19: warning: event 'posted': participant 'Someone Unknown' is no declared actor; "
    "add [actor.…] for them or fix the name",
    "27: warning: event 'after-posting' (1 Mar 2023): Ann Ambassador held no recorded role then "
    "(Ambassador (1 Jan 2019 to 31 Dec 2021)); check the date or add the role",
    "30: warning: event 'after-posting-again' looks like a duplicate of 'after-posting' (line 22): "
    "same kind, same people, overlapping dates",
    "35: warning: event 'after-posting-again' (Mar 2023): Ann Ambassador held no recorded role then "
    "(Ambassador (1 Jan 2019 to 31 Dec 2021)); check the date or add the role",
    "38: warning: event 'future' has no source; add sources = [\"…\"]",
    "38: warning: event 'future' is dated 1 Jan 2999, after today (2025-06-01)",
    "44: warning: trade 2022 AA→BB: the goods add up to $110, more than the total $100",
]


def test_check_lists_warnings_without_failing(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "linted.toml"
    path.write_text(LINTED, encoding="utf-8")
    result = run("--file", str(path), "check", "--as-of", "2025-06-01")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"{path}:{line}" for line in EXPECTED]


def test_strict_fails_on_warnings(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "linted.toml"
    path.write_text(LINTED, encoding="utf-8")
    result = run("--file", str(path), "check", "--strict", "--as-of", "2025-06-01")
    assert result.exit_code == 65
    assert result.stderr.splitlines()[-1] == "rwpk: 9 warnings with --strict"


def test_strict_points_at_an_official_outside_their_tenure(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "tenure.toml"
    path.write_text(
        '[actor.amb]\nname = "Ann"\nroles = [{ title = "Ambassador", until = "2021" }]\n\n[source.s]\noutlet = "D"\n\n'
        '[[event]]\ndate = 2024-05-05\nkind = "meeting"\ntitle = "Late"\nsources = ["s"]\n\nparticipants = ["amb"]\n',
        encoding="utf-8",
    )
    result = run("--file", str(path), "check", "--strict")
    assert result.exit_code == 65
    assert result.stderr.startswith(
        f"{path}:14: warning: event '2024-05-05-late' (5 May 2024): Ann held no recorded role"
    )


def test_the_bundled_log_is_clean_even_under_strict(run: Run) -> None:
    result = run("check", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_different_kinds_on_the_same_day_are_not_duplicates(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "kinds.toml"
    path.write_text(
        '[actor.a]\nname = "A"\n[source.s]\noutlet = "D"\n'
        '[[event]]\ndate = 2024-01-01\nkind = "consultation"\ntitle = "Talks"\nparticipants = ["a"]\nsources = ["s"]\n'
        '[[event]]\ndate = 2024-01-01\nkind = "agreement"\ntitle = "MoU"\nparticipants = ["a"]\nsources = ["s"]\n',
        encoding="utf-8",
    )
    assert run("--file", str(path), "check", "--strict").exit_code == 0
