"""A large log is checked on two cores; the Log, the problems and their order are those of one core."""

from __future__ import annotations

from typing import Any

import pytest

from rwpk_cli.errors import LogError
from rwpk_cli.log import halves, parse
from rwpk_cli.log.parse import parse_log

HEAD = """\
[log]
title = "Halves"

[actor.alpha]
name = "Ada Alpha"
country = "AA"
roles = [{ title = "Envoy", since = 2020-01-01 }]

[source.paper]
published = 2021-03-10
"""


def _event(i: int, **extra: str) -> str:
    fields = {"date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}", "kind": '"meeting"', "title": f'"Talks {i % 9}"',
              "participants": '["alpha", "Someone Else"]', **extra}  # fmt: skip
    return "[[event]]\n" + "".join(f"{k} = {v}\n" for k, v in fields.items())


def _log(changes: dict[int, dict[str, str]] | None = None, count: int = 120) -> str:
    changes = changes or {}
    return HEAD + "\n" + "\n".join(_event(i, **changes.get(i, {})) for i in range(count))


CASES = {
    "clean": _log(),
    "explicit ids": _log({i: {"id": f'"e{i}"'} for i in range(0, 120, 7)}),
    "an id in both halves": _log({3: {"id": '"same"'}, 100: {"id": '"same"'}}),
    "a derived id taken later": _log(
        {2: {"title": '"Later"', "date": "2021-01-01"}, 110: {"id": '"2021-01-01-later"'}}
    ),
    "a problem in the later half": _log({101: {"kind": '"parade"'}}),
    "problems in both halves": _log({5: {"date": '"someday"'}, 90: {"sources": '["nope"]'}}),
    "a warning in the later half": _log({95: {"colour": '"red"'}}),
    "relative dates": _log({i: {"date": '"last week"', "sources": '["paper"]'} for i in range(60, 120, 5)}),
}


def _outcome(text: str) -> tuple[Any, ...]:
    try:
        log = parse_log(text, "halves.toml")
    except LogError as error:
        return ("error", error.problems)
    return ("log", log.events, log.warnings, log.trades)


@pytest.mark.parametrize("case", CASES)
def test_two_cores_give_what_one_gives(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    monkeypatch.setattr(parse, "CHUNK_EVENTS", 16)  # 120 events: eight chunks, split five and three
    monkeypatch.setenv("RWPK_JOBS", "1")
    one = _outcome(CASES[case])
    monkeypatch.delenv("RWPK_JOBS")
    assert halves.split_at(8) == 5
    assert _outcome(CASES[case]) == one
    if case == "clean":
        assert one[0] == "log"
        assert len(one[1]) == 120


def test_the_later_half_is_checked_in_a_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second half comes back from another process (so the two cores are used), and a child that
    fails leaves the file to be checked on one core."""
    import os

    from rwpk_cli.log.check.log import Part

    monkeypatch.setattr(parse, "CHUNK_EVENTS", 16)
    parent = os.getpid()
    sent: list[object] = []
    real_result = halves.Forked.result

    def spying(self: halves.Forked) -> object:
        found = real_result(self)
        sent.append(found)
        return found

    monkeypatch.setattr(halves.Forked, "result", spying)
    assert len(parse_log(CASES["clean"], "halves.toml").events) == 120
    assert len(sent) == 1
    assert isinstance(sent[0], Part)
    assert len(sent[0].drafts) == 40  # the last three chunks: 2 x 16 + 8
    real_fork = halves._fork
    monkeypatch.setattr(halves, "_fork", lambda work: real_fork(lambda send: os._exit(3)))
    assert _outcome(CASES["clean"]) == _outcome_single(monkeypatch, CASES["clean"])
    assert sent[-1] is None
    assert os.getpid() == parent


def _outcome_single(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[Any, ...]:
    with monkeypatch.context() as single:
        single.setenv("RWPK_JOBS", "1")
        return _outcome(text)


@pytest.mark.parametrize(
    ("case", "kind"),
    [("clean", "log"), ("an id in both halves", "error"), ("a problem in the later half", "error"),
     ("problems in both halves", "error"), ("a warning in the later half", "log")],
)  # fmt: skip
def test_the_cases_are_what_they_say(monkeypatch: pytest.MonkeyPatch, case: str, kind: str) -> None:
    monkeypatch.setattr(parse, "CHUNK_EVENTS", 16)
    found = _outcome(CASES[case])
    assert found[0] == kind
    if case == "a warning in the later half":
        assert [w.line for w in found[2]] != []
    if case == "problems in both halves":
        assert len(found[1]) == 2


#: The cases whose halves cannot be merged, so the log is checked again on one core.
REFUSED = ("an id in both halves", "a problem in the later half", "problems in both halves")


@pytest.mark.parametrize("case", CASES)
def test_a_taken_text_is_released_and_read_again_when_needed(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """``parse_taken`` gives what ``parse_log`` gives, or says it let the text go too early."""
    monkeypatch.setattr(parse, "CHUNK_EVENTS", 16)
    texts = [CASES[case]]
    try:
        found: tuple[Any, ...] = ("log", *_log_parts(parse.parse_taken(texts, "halves.toml")))
    except parse.Released:
        found = ("released",)
    except LogError as error:
        found = ("error", error.problems)
    assert texts == []  # nothing but the parser held the text
    if case in REFUSED:
        assert found == ("released",)
        texts = [CASES[case]]
        found = ("error", _problems(lambda: parse.parse_taken(texts, "halves.toml", halves_allowed=False)))
    assert found == _outcome(CASES[case])


def _log_parts(log: Any) -> tuple[Any, ...]:
    return (log.events, log.warnings, log.trades)


def _problems(parsing: Any) -> Any:
    with pytest.raises(LogError) as raised:
        parsing()
    return raised.value.problems


@pytest.mark.parametrize("case", CASES)
def test_a_query_on_two_cores_answers_as_one_core(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, run: Any, case: str
) -> None:
    """Through the command line, a log whose halves cannot be merged is read again and checked on one
    core: the same output, messages and exit code as ``RWPK_JOBS=1``, and its cache answers after."""
    monkeypatch.setattr(parse, "CHUNK_EVENTS", 16)
    log = tmp_path / "halves.toml"
    log.write_text(CASES[case], encoding="utf-8")
    released: list[bool] = []
    real = parse.parse_taken

    def spying(texts: list[str], display: str, halves_allowed: bool = True) -> Any:
        try:
            return real(texts, display, halves_allowed)
        except parse.Released:
            released.append(True)
            raise

    monkeypatch.setattr(parse, "parse_taken", spying)
    args = ("--file", str(log), "timeline", "--format", "json")
    with monkeypatch.context() as single:
        single.setenv("RWPK_JOBS", "1")
        single.setenv("XDG_CACHE_HOME", str(tmp_path / "one-core"))
        one = run(*args)
    two = run(*args)
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert released == ([True] if case in REFUSED else [])
    assert (one.exit_code == 0) == (case not in REFUSED)


def test_the_text_is_let_go_before_the_later_half_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the child's half is read back, only the caller of this test still holds the text."""
    import sys

    monkeypatch.setattr(parse, "CHUNK_EVENTS", 16)
    text = _log(count=121)  # a text of its own, which nothing else holds
    alone = sys.getrefcount(text)
    held: list[int] = []
    real_result = halves.Forked.result

    def counting(self: halves.Forked) -> object:
        held.append(sys.getrefcount(text))
        return real_result(self)

    monkeypatch.setattr(halves.Forked, "result", counting)
    assert len(parse.parse_taken([text], "halves.toml").events) == 121
    assert held == [alone]
    assert len(parse_log(text, "halves.toml").events) == 121  # parse_log keeps it: there is no file to read again
    assert held[-1] > alone


def _stops_after(messages: int) -> Any:
    """A fork whose child's work stops (with an error) once it has sent ``messages`` values."""
    real_fork = halves._fork

    def fork(work: Any) -> Any:
        def limited(send: Any) -> None:
            sent = [0]

            def counted(value: Any) -> None:
                if sent[0] == messages:
                    raise RuntimeError("the child stops here")
                sent[0] += 1
                send(value)

            work(counted)

        return real_fork(limited)

    return fork


@pytest.mark.parametrize("child", ["answers", "fails at once", "fails after its first batch", "fails at its end"])
def test_the_cache_is_written_on_two_cores_as_on_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, run: Any, child: str
) -> None:
    """A large log's cache is written while a forked child encodes the later half of its events and
    counts the rows kept per actor: the cache is byte for byte the one a single core writes, and a
    child that fails anywhere costs only time."""
    import os
    import sqlite3

    from rwpk_cli.log import beside, cache
    from rwpk_cli.views.summaries import SummaryKeeper

    monkeypatch.setattr(beside, "APART", 0)
    monkeypatch.setattr(beside, "_BATCH", 16)  # 120 events: the child's 45 in three batches
    log = tmp_path / "halves.toml"
    log.write_text(CASES["relative dates"], encoding="utf-8")
    counted_here: list[int] = []
    real_rows = SummaryKeeper.rows

    def counting(self: SummaryKeeper, whole: Any) -> Any:
        counted_here.append(os.getpid())
        return real_rows(self, whole)

    monkeypatch.setattr(SummaryKeeper, "rows", counting)
    stops = {"fails at once": 0, "fails after its first batch": 2, "fails at its end": 3}
    if child in stops:
        monkeypatch.setattr(halves, "_fork", _stops_after(stops[child]))

    def built(jobs: str, folder: str) -> tuple[Any, ...]:
        with monkeypatch.context() as patched:
            patched.setenv("RWPK_JOBS", jobs)
            patched.setenv("XDG_CACHE_HOME", str(tmp_path / folder))
            answers = tuple(run("--file", str(log), *query).stdout for query in (["actors"], ["timeline"]))
            with sqlite3.connect(cache.cache_file(log)) as connection:
                tables = tuple(
                    connection.execute(f"SELECT * FROM {table} ORDER BY seq").fetchall()
                    for table in ("events", "summaries")
                )
        return (*answers, *tables)

    one = built("1", "one-core")
    assert counted_here == [os.getpid()]
    two = built("2", "two-cores")
    assert two == one
    assert "Ada Alpha" in one[0]
    assert len(one[2]) == 120
    assert counted_here[1:] == ([os.getpid()] if child == "fails at once" else [])
