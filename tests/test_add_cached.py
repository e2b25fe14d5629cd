"""`rwpk add` answered from the log's cache: the same file, the same messages and the same later
answers as an add that parses the whole log, without reading the events already there."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rwpk_cli.log.cache import cache_file
from tests.conftest import SMALL_LOG, Run

LATER = [
    ("timeline", "--format", "json"),
    ("timeline", "--since", "2023", "--format", "csv"),
    ("actors", "--format", "json"),
    ("check",),
    ("sql", "SELECT id, line FROM events ORDER BY line"),
]

#: The log's text as users may keep it: line endings, a BOM, a missing or doubled last newline.
SHAPES = {
    "lf": SMALL_LOG,
    "crlf": SMALL_LOG.replace("\n", "\r\n"),
    "bom": "\ufeff" + SMALL_LOG,
    "no-last-newline": SMALL_LOG.rstrip("\n"),
    "blank-lines-after": SMALL_LOG + "\n\n\n",
    "comment-last": SMALL_LOG + "# the end of the 2021 notes",
}

#: Additions, each as the arguments after --file: events (with free-text people, a source, an id
#: that clashes), a source, an actor (checked with the whole log), and refusals.
ADDITIONS = {
    "event": ("add", "--date", "2023-02-02", "--kind", "meeting", "--title", "Added", "--participant", "alpha"),
    "relative-event": ("add", "--date", "last week", "--as-of", "2023-03-01", "--kind", "call", "--title",
                       "Called", "--participant", "Someone New", "--source", "paper"),
    "clashing-title": ("add", "--date", "2020-05-04", "--kind", "meeting", "--title", "Alpha meets Beta",
                       "--duplicate"),
    "twin": ("add", "--date", "2020-05-04", "--kind", "meeting", "--title", "Alpha  meets beta"),
    "taken-id": ("add", "--date", "2023-02-02", "--kind", "call", "--title", "Again", "--id", "first"),
    "unknown-source": ("add", "--date", "2023-02-02", "--kind", "call", "--title", "Cited", "--source", "nope"),
    "source": ("add", "source", "weekly", "--published", "2023-01-05", "--outlet", "Weekly"),
    "taken-source": ("add", "source", "paper", "--published", "2023-01-05"),
    "actor": ("add", "actor", "delta", "--name", "Dora Delta", "--country", "DD"),
    "dry-run": ("add", "--date", "2023-02-02", "--kind", "visit", "--title", "Dry", "--dry-run"),
}  # fmt: skip


def _outcome(run: Run, log: Path, addition: tuple[str, ...], cached: bool) -> tuple[object, ...]:
    """What an addition gives: its exit code, output and messages, the file's bytes, then every later
    answer; from a cache made beforehand, or with none."""
    if cached:
        assert run("--file", str(log), "timeline").exit_code == 0  # builds the cache
        assert cache_file(log).is_file()
    else:
        cache_file(log).unlink(missing_ok=True)
    added = run("--file", str(log), *addition)
    later = [run("--file", str(log), *query) for query in LATER]
    fresh = [run("--no-cache", "--file", str(log), *query) for query in LATER]
    assert [(r.exit_code, r.stdout, r.stderr) for r in later] == [(r.exit_code, r.stdout, r.stderr) for r in fresh]
    return (added.exit_code, added.stdout, added.stderr, log.read_bytes(),
            *[(r.exit_code, r.stdout, r.stderr) for r in later])  # fmt: skip


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("addition", ADDITIONS)
def test_an_add_from_the_cache_equals_one_from_a_full_parse(
    run: Run, tmp_path: Path, shape: str, addition: str
) -> None:
    log = tmp_path / "events.toml"
    log.write_bytes(SHAPES[shape].encode("utf-8"))
    from_cache = _outcome(run, log, ADDITIONS[addition], cached=True)
    log.write_bytes(SHAPES[shape].encode("utf-8"))
    parsed = _outcome(run, log, ADDITIONS[addition], cached=False)
    assert from_cache == parsed


def test_an_event_is_added_without_parsing_the_log(run: Run, small_log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached path reads no event of the log: the parser is never asked for the whole text, and
    the next query answers from the cache that the addition brought up to date."""
    from rwpk_cli.log import parse

    run("--file", str(small_log), "timeline")
    before = small_log.read_bytes()

    def no_full_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole log was parsed")

    with monkeypatch.context() as patched:
        patched.setattr(parse, "parse_log", no_full_parse)
        patched.setattr(parse, "parse_taken", no_full_parse)
        for title in ("One", "Two", "Two"):
            added = run("--file", str(small_log), "add", "--date", "2023-02-02", "--kind", "call", "--title", title,
                        "--participant", "beta", "--duplicate")  # fmt: skip
            assert added.exit_code == 0, added.stderr
        answered = run("--file", str(small_log), "timeline", "--since", "2023-02", "--format", "json")
    assert small_log.read_bytes().startswith(before)
    assert answered.exit_code == 0
    assert [line.split('"')[3] for line in answered.stdout.splitlines()[1:-1]] == [
        "2023-02-02-one", "2023-02-02-two", "2023-02-02-two-2"]  # fmt: skip


def test_a_log_changed_since_it_was_read_is_not_written(run: Run, small_log: Path) -> None:
    """The file's identity (inode, size, mtime, ctime) is what the cached add checks it against: a
    change after the scan, even one that keeps the size and the mtime, refuses the write."""
    import os

    from rwpk_cli.log.scan import scan
    from rwpk_cli.write.atomic import ConflictError
    from rwpk_cli.write.tail import commit_tail

    found = scan(small_log, 1 << 30)
    assert found is not None
    stat = small_log.stat()
    changed = small_log.read_bytes().replace(b"Alpha meets Beta", b"Alpha MEETS Beta")
    small_log.write_bytes(changed)
    os.utime(small_log, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(ConflictError):
        commit_tail(small_log, found, '\n[[event]]\ndate = 2023-01-01\nkind = "call"\ntitle = "x"\n')
    assert small_log.read_bytes() == changed
    assert [p.name for p in small_log.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_log_changed_while_it_was_copied_ahead_is_not_written(small_log: Path) -> None:
    """The copy made ahead, under the lock, while the log is hashed, is used only when the file kept
    the identity the hashing saw: a change between the copy and the scan refuses the write, keeps the
    changed file, leaves no temporary file and lets the lock go."""
    import os

    from rwpk_cli.log.scan import scan
    from rwpk_cli.write.ahead import CopyAhead
    from rwpk_cli.write.append import locked
    from rwpk_cli.write.atomic import ConflictError

    ahead = CopyAhead.begin(small_log)
    assert ahead is not None
    ahead.release()  # nothing committed: no copy is left, and the lock is free
    assert [p.name for p in small_log.parent.iterdir() if p.name.endswith(".tmp")] == []
    ahead = CopyAhead.begin(small_log)
    assert ahead is not None
    ahead._wait()  # the copy is made
    stat = small_log.stat()
    changed = small_log.read_bytes().replace(b"Alpha meets Beta", b"Alpha MEETS Beta")
    small_log.write_bytes(changed)
    os.utime(small_log, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    found = scan(small_log, 1 << 30)
    assert found is not None
    with pytest.raises(ConflictError):
        ahead.commit(found, '\n[[event]]\ndate = 2023-01-01\nkind = "call"\ntitle = "x"\n')
    assert small_log.read_bytes() == changed
    assert [p.name for p in small_log.parent.iterdir() if p.name.endswith(".tmp")] == []
    with locked(small_log):  # would wait and fail if the refused commit had kept the lock
        pass


def test_an_add_copied_ahead_holds_the_lock_from_the_start(
    run: Run, small_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An addition given whole takes the log's lock before it reads the log, and the result is the
    file a full parse gives: the old bytes, then the block."""
    from rwpk_cli.log import scan as scan_module
    from rwpk_cli.write.append import LOCK_WAIT_SECONDS
    from rwpk_cli.write.atomic import ConflictError

    run("--file", str(small_log), "timeline")
    before = small_log.read_bytes()
    real_scan = scan_module.scan
    seen: list[str] = []

    def scan_under_lock(path: Path, *args: object, **kwargs: object) -> object:
        import rwpk_cli.write.append as append

        monkeypatch.setattr(append, "LOCK_WAIT_SECONDS", 0.0)
        try:
            with append.locked(path):
                seen.append("free")
        except ConflictError:
            seen.append("held")
        monkeypatch.setattr(append, "LOCK_WAIT_SECONDS", LOCK_WAIT_SECONDS)
        return real_scan(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_module, "scan", scan_under_lock)
    added = run("--file", str(small_log), "add", "--date", "2023-02-02", "--kind", "call", "--title", "Ahead")
    assert added.exit_code == 0, added.stderr
    assert seen == ["held"]
    assert small_log.read_bytes().startswith(before)
    assert small_log.read_bytes()[len(before) :].decode("utf-8").count("[[event]]") == 1


def test_a_damaged_id_index_is_found_before_an_id_is_reused(run: Run, small_log: Path) -> None:
    """An id index that hides a taken id is caught by its bucket's tally: the add then reads the log
    afresh, and the new event gets an id of its own, as a full parse gives it."""
    import sqlite3

    def again() -> None:
        added = run("--file", str(small_log), "add", "--date", "2023-02-02", "--kind", "call", "--title", "Again",
                    "--duplicate")  # fmt: skip
        assert added.exit_code == 0, added.stderr

    run("--file", str(small_log), "timeline")
    again()
    with sqlite3.connect(cache_file(small_log)) as db:  # the index now files the id under another bucket
        db.execute("UPDATE events SET bucket = (bucket + 1) % 4096 WHERE id = '2023-02-02-again'")
    again()
    query = ("timeline", "--since", "2023", "--format", "json")
    answered = run("--file", str(small_log), *query)
    assert '"2023-02-02-again-2"' in answered.stdout
    assert answered.stdout == run("--no-cache", "--file", str(small_log), *query).stdout


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    titles=st.lists(
        st.sampled_from(["Talks", "Talks ", "Call", "Alpha meets Beta", "Ünïcode"]), min_size=1, max_size=4
    ),
    ending=st.sampled_from(["", "\n", "\n\n", "\r\n"]),
)
def test_any_run_of_additions_gives_the_file_a_full_parse_gives(
    run: Run, tmp_path: Path, titles: list[str], ending: str
) -> None:
    text = (SMALL_LOG.rstrip("\n") + ending).encode("utf-8")
    results = []
    for cached in (True, False):
        log = tmp_path / "events.toml"
        log.write_bytes(text)
        cache_file(log).unlink(missing_ok=True)
        if cached:
            run("--file", str(log), "timeline")  # each add then answers from the cache it keeps up to date
        flag = () if cached else ("--no-cache",)
        for title in titles:
            added = run(*flag, "--file", str(log), "add", "--date", "2021-08-01", "--kind", "meeting", "--title",
                        title, "--duplicate")  # fmt: skip
            assert added.exit_code == 0, added.stderr
        results.append((log.read_bytes(), run("--file", str(log), "timeline", "--format", "json").stdout))
    assert results[0] == results[1]


#: Logs that define a name another way than rwpk's blocks do: a block appended to them would not
#: load, so an add is refused, from the cache or not, and the file is left as it was.
OTHERWISE = {
    "an event array, with [[event]] in a comment": (
        '# Older logs used [[event]] tables.\nevent = [\n  { id = "one", date = 2020-01-01, kind = "meeting", '
        'title = "One" },\n]\n\n[log]\ntitle = "Inline"\n',
        ("add", "--date", "2023-02-02", "--kind", "meeting", "--title", "Added"),
    ),
    "an event array under an escaped key": (
        '"\\u0065vent" = [{ id = "one", date = 2020-01-01, kind = "meeting", title = "One" }]\n',
        ("add", "--date", "2023-02-02", "--kind", "meeting", "--title", "Added"),
    ),
    "sources in an inline table": (
        'source = { paper = { title = "P", published = 2021-03-10 } }\n\n[log]\ntitle = "I"\n\n[[event]]\n'
        'id = "one"\ndate = 2020-01-01\nkind = "meeting"\ntitle = "One"\nsources = ["paper"]\n',
        ("add", "source", "s1", "--published", "2023-01-01"),
    ),
    "actors in an inline table": (
        'actor = { alpha = { name = "Ada" } }\n\n[[event]]\nid = "one"\ndate = 2020-01-01\nkind = "meeting"\n'
        'title = "One"\nparticipants = ["alpha"]\n',
        ("add", "actor", "bob", "--name", "Bob"),
    ),
}


@pytest.mark.parametrize("case", OTHERWISE)
@pytest.mark.parametrize("cached", [True, False], ids=["from-the-cache", "parsed"])
def test_a_block_that_would_not_load_is_refused(run: Run, tmp_path: Path, case: str, cached: bool) -> None:
    text, addition = OTHERWISE[case]
    log = tmp_path / "events.toml"
    log.write_text(text, encoding="utf-8")
    assert run("--no-cache", "--file", str(log), "check").exit_code in (0, 1)  # it loads as it is
    if cached:
        run("--file", str(log), "timeline")
    added = run("--file", str(log), *addition)
    assert added.exit_code == 2, added.stderr
    assert "the new entry is not valid" in added.stderr
    assert log.read_text(encoding="utf-8") == text
    for query in LATER[:4]:
        answer, fresh = run("--file", str(log), *query), run("--no-cache", "--file", str(log), *query)
        assert (answer.exit_code, answer.stdout) == (fresh.exit_code, fresh.stdout)


@pytest.mark.parametrize("key", ['"include"', "'include'", "log.include"])
def test_an_include_under_any_key_spelling_is_followed(run: Run, tmp_path: Path, key: str) -> None:
    """A quoted or dotted include key makes the log a collection, from the cache as without it: the
    included file's declarations are known, and an add that repeats one is refused."""
    (tmp_path / "other.toml").write_text('[actor.zed]\nname = "Zed Zulu"\n\n[source.osrc]\npublished = 2020-01-01\n')
    head = f"{key} = [\"other.toml\"]\nlog.title = \"Q\"\n" if key.startswith("log.") else (
        f"[log]\ntitle = \"Q\"\n{key} = [\"other.toml\"]\n")  # fmt: skip
    log = tmp_path / "events.toml"
    log.write_text(head + '\n[[event]]\nid = "one"\ndate = 2020-01-01\nkind = "meeting"\ntitle = "One"\n'
                   'participants = ["zed"]\n', encoding="utf-8")  # fmt: skip
    before = log.read_bytes()
    for query in (("actors", "--format", "json"), ("timeline", "--format", "json")):
        assert run("--file", str(log), *query).stdout == run("--no-cache", "--file", str(log), *query).stdout
    assert "Zed Zulu" in run("--file", str(log), "actors", "--format", "json").stdout
    refused = run("--file", str(log), "add", "source", "osrc", "--published", "2021-01-01")
    assert refused.exit_code == 2
    assert "already exists" in refused.stderr
    assert log.read_bytes() == before


def test_an_actor_is_added_from_the_cache_unless_an_old_name_would_now_mean_them(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new actor is checked against the free-text names the cache keeps: with none that fits, the
    log is not parsed and the actor's summary row is there at once; with one that fits (an old
    event's "Dora Delta" would now be the new actor), the whole log is read, as a full parse reads it."""
    from rwpk_cli.log import parse

    log = tmp_path / "events.toml"
    text = (
        SMALL_LOG
        + '\n[[event]]\ndate = 2022-01-01\nkind = "call"\ntitle = "Late call"\nparticipants = ["Dora Delta"]\n'
    )
    calls: list[object] = []
    real = parse.parse_log

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    for name, parsed in (("Bo Beta-Two", False), ("Dora Delta", True)):
        log.write_text(text, encoding="utf-8")
        run("--file", str(log), "timeline")
        calls.clear()

        with monkeypatch.context() as patched:
            patched.setattr(parse, "parse_log", counted)
            patched.setattr(parse, "parse_taken", lambda *a: (_ for _ in ()).throw(AssertionError("query parsed")))
            added = run("--file", str(log), "add", "actor", "newcomer", "--name", name, "--country", "DD")
            assert added.exit_code == 0, added.stderr
            if not parsed:  # the next queries answer from the cache the add brought up to date
                answered = run("--file", str(log), "actors", "--format", "json")
        assert bool(calls) is parsed
        for query in (("actors", "--format", "json"), ("timeline", "--format", "json"), ("check",)):
            answer, fresh = run("--file", str(log), *query), run("--no-cache", "--file", str(log), *query)
            assert (answer.exit_code, answer.stdout, answer.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr)
        if not parsed:
            assert '"newcomer"' in answered.stdout
