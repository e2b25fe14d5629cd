"""A log kept in several files with [log] include: one log, problems named by file, a cache per file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run

ROOT = """\
[log]
title = "Split log"
include = ["2023.toml", "later/2024.toml"]

[actor.alpha]
name = "Ada Alpha"
country = "AA"

[source.paper]
title = "The Paper"
published = 2024-06-10

[[event]]
id = "root-event"
date = 2022-01-05
kind = "meeting"
title = "In the main file"
participants = ["alpha", "beta"]
sources = ["paper"]
"""

YEAR_2023 = """\
[actor.beta]
name = "Ben Beta"
country = "BB"

[[event]]
id = "e2023"
date = 2023-03-01
kind = "visit"
title = "Beta visits"
participants = ["Ada Alpha", "Ben Beta"]
sources = ["paper"]
"""

YEAR_2024 = """\
[log]
include = ["notes.toml"]

[[event]]
id = "e2024"
date = "last week"
kind = "call"
title = "A call, dated by the source"
participants = ["beta"]
sources = ["paper"]
"""

NOTES = """\
[[event]]
date = 2024-07-01
kind = "statement"
title = "A note without id or source"
participants = ["alpha"]
"""


@pytest.fixture
def split_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "later").mkdir()
    for name, text in {"main.toml": ROOT, "2023.toml": YEAR_2023, "later/2024.toml": YEAR_2024,
                       "later/notes.toml": NOTES}.items():  # fmt: skip
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("main.toml")


def _events(run: Run, log: Path, *extra: str) -> list[dict[str, object]]:
    result = run(*extra, "--file", str(log), "timeline", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout))


def test_included_files_make_one_log(run: Run, split_log: Path) -> None:
    events = _events(run, split_log)
    assert [e["id"] for e in events] == ["root-event", "e2023", "e2024", "2024-07-01-a-note-without-id-or-source"]
    # a name declared in another file resolves; a relative date uses a source declared in another file
    assert events[1]["participants"][1]["id"] == "beta"  # type: ignore[index]
    assert events[2]["date"] == "2024-W23"


@pytest.mark.parametrize("query", [("timeline", "--format", "json"), ("actors", "--format", "json"),
                                   ("trade", "--format", "json"), ("check",)])  # fmt: skip
def test_the_per_file_caches_answer_as_a_fresh_read_does(run: Run, split_log: Path, query: tuple[str, ...]) -> None:
    fresh = run("--no-cache", "--file", str(split_log), *query)
    built = run("--file", str(split_log), *query)
    warm = run("--file", str(split_log), *query)
    assert (built.exit_code, built.stdout, built.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr)


def test_warnings_name_the_included_file(run: Run, split_log: Path) -> None:
    result = run("--file", str(split_log), "check", "--as-of", "2025-01-01")
    assert "later/notes.toml:1: warning: event '2024-07-01-a-note-without-id-or-source' has no source" in result.stderr


def test_editing_one_file_reparses_only_that_file(run: Run, split_log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rwpk_cli.log import includes as collection

    run("--file", str(split_log), "timeline")  # builds every file's cache
    parsed: list[str] = []
    real = collection.LogFile

    def counting(text: str, display: str, included: bool = False) -> object:
        parsed.append(Path(display).name)
        return real(text, display, included)

    monkeypatch.setattr(collection, "LogFile", counting)
    year = split_log.parent / "2023.toml"
    year.write_text(YEAR_2023 + '\n[[event]]\nid = "more"\ndate = 2023-04-01\nkind = "call"\ntitle = "More"\n')
    assert "more" in [e["id"] for e in _events(run, split_log)]
    assert parsed == ["2023.toml"]

    parsed.clear()
    split_log.write_text(ROOT + '\n[actor.gamma]\nname = "Gus Gamma"\n', encoding="utf-8")
    assert len(_events(run, split_log)) == 5
    assert sorted(parsed) == ["2023.toml", "2024.toml", "main.toml", "notes.toml"]  # a new actor: names re-checked

    parsed.clear()
    _events(run, split_log)
    assert parsed == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"2023.toml": YEAR_2023 + '[log]\ninclude = ["main.toml"]\n'},
         "2023.toml:13: include 'main.toml' leads back to a file that includes it (main.toml → 2023.toml → main.toml)"),
        ({"later/2024.toml": YEAR_2024.replace("notes.toml", "../later/2024.toml")},
         "include '../later/2024.toml' leads back to a file that includes it"),
        ({"2023.toml": None},
         "main.toml:3: include '2023.toml': there is no file 2023.toml; the path is relative to main.toml"),
        ({"2023.toml": YEAR_2023.replace('kind = "visit"', 'kind = "vist"')},
         "2023.toml:8: event 'e2023': unknown kind 'vist'; did you mean 'visit'?"),
        ({"later/notes.toml": NOTES + "[actor.alpha]\nname = 'Again'\n"},
         "later/notes.toml:6: actor 'alpha' is already declared in main.toml:5; declare it once, in one file"),
        ({"2023.toml": YEAR_2023.replace('id = "e2023"', 'id = "root-event"')},
         "2023.toml:5: event id 'root-event' is also used at main.toml:13"),
        ({"2023.toml": YEAR_2023 + "[log]\ninclude = 'x.toml'\n"},
         "2023.toml:13: the log: include must be a list of file paths"),
    ],
)  # fmt: skip
def test_problems_name_the_file_and_line(
    run: Run, split_log: Path, files: dict[str, str | None], expected: str
) -> None:
    for name, text in files.items():
        path = split_log.parent / name
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
    for cache in ((), ("--no-cache",)):
        result = run(*cache, "--file", str(split_log), "timeline")
        assert result.exit_code == 65, result.stderr
        assert expected in result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("data", "may"),
    [(b'include = ["a.toml"]', True), (b"[log]\n  include=[]", True), (b"a = 1\n\tinclude\t= []\n", True),
     (b'summary = "include = x"', False), (b"x\nincluded = 1", False), (b"", False)],
)  # fmt: skip
def test_a_log_that_may_include_others_is_told_from_one_that_cannot(data: bytes, may: bool) -> None:
    from rwpk_cli.log.shape import may_include

    assert may_include(data) is may
