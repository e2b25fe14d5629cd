"""Shared fixtures: every test runs in an empty folder with a clean, predictable environment."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import settings
from typer.testing import CliRunner

from rwpk_cli.cli.app import app

#: The property tests are the fuzz targets: RWPK_FUZZ=100 runs each with 100 times its examples.
FUZZ = max(1, int(os.environ.get("RWPK_FUZZ", "1") or "1"))
settings.register_profile("rwpk", max_examples=100 * FUZZ, **({"deadline": None} if FUZZ > 1 else {}))
settings.load_profile("rwpk")


def examples(count: int) -> int:
    """A property test's number of examples, times RWPK_FUZZ."""
    return count * FUZZ


SMALL_LOG = """\
[log]
title = "Test relations"

[actor.alpha]
name = "Ada Alpha"
country = "AA"
aliases = ["The Alpha"]
roles = [
  { title = "Ambassador", since = 2020-01-01, until = 2021-06-30 },
  { title = "Foreign Minister", since = 2021-07-01 },
]

[actor.beta]
name = "Bruno Béta"
country = "BB"
roles = [{ title = "Envoy", since = "2019", until = "2020" }]

[actor.gamma]
name = "Gita Gamma"
country = "BB"

[actor.unused]
name = "Una Used"

[source.paper]
title = "The Paper"
outlet = "Daily"
url = "https://example.org/paper"
published = 2021-03-10

[[event]]
id = "first"
date = 2020-05-04
kind = "meeting"
title = "Alpha meets Beta"
place = "Capital A"
participants = ["alpha", "beta"]
tags = ["security"]
sources = ["paper"]

[[event]]
id = "relative"
date = "last week"
kind = "call"
title = "Alpha calls Gamma"
participants = ["Ada Alpha", "gamma"]
sources = ["paper"]

[[event]]
id = "late"
date = "2021-08"
kind = "visit"
title = "Alpha visits B, meets Beta again"
place = "Capital B"
participants = ["alpha", "beta", "A Stranger"]
summary = "Beta's envoy posting had ended by then."

[[event]]
id = "statement"
date = "2022"
kind = "statement"
title = "Gamma speaks"
participants = ["gamma"]
tags = ["Press"]

[[trade]]
year = 2021
from = "AA"
to = "BB"
value_usd = 1_000_000
goods = { wheat = 600_000 }
"""


@pytest.fixture(autouse=True)
def signal_mask() -> Iterator[None]:
    """Tests that run rwpk's entry point in this process leave SIGINT and SIGTERM blocked, as the
    entry point does once a command has ended; restore the mask so later child processes get signals."""
    import signal

    before = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    yield
    signal.pthread_sigmask(signal.SIG_SETMASK, before)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No user log, colour or terminal size leaks in; the working folder is empty."""
    monkeypatch.delenv("RWPK_FILE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture
def small_log(tmp_path: Path) -> Path:
    """A small log with a tenure that ended before an event, an actor with no roles, and a relative date."""
    path = tmp_path / "small.toml"
    path.write_text(SMALL_LOG, encoding="utf-8")
    return path


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    """Invoke rwpk as a user would, with stdout and stderr kept apart."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(app, list(args), input=input)

    return invoke
