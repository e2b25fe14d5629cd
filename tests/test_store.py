"""The cache: it answers exactly as a fresh parse would, is never stale, and is never trusted blindly."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rwpk_cli.log.cache import SCHEMA, cache_dir, cache_file
from tests.conftest import Run

QUERIES = [
    ("timeline", "--format", "json"),
    ("timeline", "--since", "2021-06", "--format", "json"),
    ("timeline", "--until", "2021-03-03", "--strict", "--format", "json"),
    ("timeline", "--on", "2021", "--format", "json"),
    ("timeline", "--since", "2020", "--until", "2021-06", "--official", "alpha", "--format", "csv"),
    ("meetings", "alpha", "--since", "2021", "--format", "json"),
    ("actors", "--format", "json"),
    ("actors", "--country", "bb", "--format", "json"),
    ("export", "--format", "md"),
    ("export", "--with", "actors,network,trade,stats"),
    ("stats", "--format", "json"),
    ("network", "--format", "json"),
    ("check",),
]


@pytest.mark.parametrize("query", QUERIES)
def test_cached_answers_equal_fresh_ones(run: Run, small_log: Path, query: tuple[str, ...]) -> None:
    fresh = run("--no-cache", "--file", str(small_log), *query)
    first = run("--file", str(small_log), *query)  # builds the cache
    warm = run("--file", str(small_log), *query)  # answers from it
    assert cache_file(small_log).is_file()
    for result in (first, warm):
        assert (result.exit_code, result.stdout, result.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr)


def test_the_cache_lives_under_xdg_cache_home(small_log: Path, run: Run) -> None:
    run("--file", str(small_log), "timeline")
    assert cache_dir() == Path(os.environ["XDG_CACHE_HOME"]) / "rwpk"
    assert [p.suffix for p in cache_dir().iterdir()] == [".sqlite"]


def test_never_stale_even_with_the_same_size_and_time(run: Run, small_log: Path) -> None:
    run("--file", str(small_log), "timeline")
    stat = small_log.stat()
    text = small_log.read_text(encoding="utf-8").replace("Alpha meets Beta", "Alpha MEETS Beta")
    small_log.write_text(text, encoding="utf-8")
    os.utime(small_log, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert small_log.stat().st_size == stat.st_size
    assert "Alpha MEETS Beta" in run("--file", str(small_log), "timeline", "--format", "json").stdout


@pytest.mark.parametrize("damage", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200, b""])
def test_a_corrupt_cache_is_ignored_and_rebuilt(run: Run, small_log: Path, damage: bytes) -> None:
    expected = run("--no-cache", "--file", str(small_log), "timeline", "--format", "json").stdout
    run("--file", str(small_log), "timeline")
    cache_file(small_log).write_bytes(damage)
    result = run("--file", str(small_log), "timeline", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")
    with sqlite3.connect(cache_file(small_log)) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA,)


def test_a_foreign_database_is_not_trusted(run: Run, small_log: Path) -> None:
    cache_file(small_log).parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(cache_file(small_log)) as connection:
        connection.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        connection.execute("INSERT INTO meta VALUES ('schema', '1'), ('digest', 'forged'), ('version', '0.1.0')")
    result = run("--file", str(small_log), "timeline", "--format", "json")
    assert result.exit_code == 0
    assert '"id": "first"' in result.stdout


def test_no_cache_writes_nothing(run: Run, small_log: Path) -> None:
    assert run("--no-cache", "--file", str(small_log), "timeline").exit_code == 0
    assert not cache_dir().exists()


def test_stdin_is_never_cached(run: Run, small_log: Path) -> None:
    result = run("--file", "-", "timeline", input=small_log.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert not cache_dir().exists()


def test_an_unwritable_cache_costs_only_speed(
    run: Run, small_log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = run("--file", str(small_log), "timeline", "--format", "json")
    assert result.exit_code == 0
    assert '"id": "first"' in result.stdout


def test_an_invalid_log_is_reported_not_cached(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[event]]\ndate = "never"\nkind = "call"\ntitle = "T"\n', encoding="utf-8")
    result = run("--file", str(path), "timeline")
    assert result.exit_code == 65
    assert not cache_file(path).exists()


def test_after_an_add_the_cache_sees_the_new_event(run: Run, small_log: Path) -> None:
    run("--file", str(small_log), "timeline")
    added = run("--file", str(small_log), "add", "--date", "2023-05-05", "--kind", "call", "--title", "Added later")
    assert added.exit_code == 0, added.stderr
    assert "Added later" in run("--file", str(small_log), "timeline", "--since", "2023", "--format", "json").stdout


def test_an_appended_id_is_looked_up_through_an_index(run: Run, small_log: Path) -> None:
    """An append checks each new id against the ids of its bucket, read from the index alone; reading
    every row for each would make adding to a large log slow, and more so when titles repeat (each
    clash tries another suffix)."""
    run("--file", str(small_log), "timeline")
    query = "EXPLAIN QUERY PLAN SELECT id FROM events INDEXED BY events_bucket WHERE bucket = ?"
    with sqlite3.connect(cache_file(small_log)) as connection:
        plan = connection.execute(query, (7,)).fetchall()
    assert "USING COVERING INDEX events_bucket (bucket=?)" in " ".join(str(row[-1]) for row in plan)


def test_appended_events_are_added_without_parsing_the_log_again(
    run: Run, small_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rwpk_cli.log import parse

    run("--file", str(small_log), "timeline")  # builds the cache
    for title, people in (("First added", "alpha"), ("Second added", "Bruno"), ("Third added", "Someone New")):
        result = run(
            "--file", str(small_log), "add", "--date", "2023-02-02", "--kind", "meeting", "--title", title,
            "--participant", people,
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr

    def no_full_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole log was parsed again")

    with monkeypatch.context() as patched:
        patched.setattr(parse, "parse_taken", no_full_parse)
        cached = {q: run("--file", str(small_log), *q) for q in QUERIES}
    for query, result in cached.items():
        fresh = run("--no-cache", "--file", str(small_log), *query)
        assert (result.exit_code, result.stdout, result.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr), query


def test_an_append_that_crosses_to_the_large_log_hash_still_extends_the_cache(
    run: Run, small_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log under LARGE_LOG bytes is keyed on BLAKE2b and a larger one on SHA-256; an append across
    the line must still find the old cache, since the old bytes are hashed as they were."""
    from rwpk_cli.log import cache, parse

    note = "x" * 400
    block = '\n[[event]]\nid = "pad-{:05d}"\ndate = 2019-01-01\nkind = "other"\ntitle = "Padding"\nsummary = "{}"\n'
    text = small_log.read_text(encoding="utf-8")
    count = (cache.LARGE_LOG - len(text) - 1000) // len(block.format(0, note))
    text += "".join(block.format(n, note) for n in range(count))
    text += "# " + "-" * (cache.LARGE_LOG - 100 - len(text.encode()) - 3) + "\n"  # a comment, to 100 bytes short
    small_log.write_text(text, encoding="utf-8")
    assert small_log.stat().st_size == cache.LARGE_LOG - 100
    run("--file", str(small_log), "timeline")  # builds the cache, keyed on BLAKE2b
    added = run("--file", str(small_log), "add", "--date", "2023-05-05", "--kind", "call", "--title", note)
    assert added.exit_code == 0, added.stderr
    assert small_log.stat().st_size >= cache.LARGE_LOG

    def no_full_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole log was parsed again")

    with monkeypatch.context() as patched:
        patched.setattr(parse, "parse_taken", no_full_parse)
        cached = run("--file", str(small_log), "timeline", "--since", "2023", "--format", "json")
    fresh = run("--no-cache", "--file", str(small_log), "timeline", "--since", "2023", "--format", "json")
    assert (cached.exit_code, cached.stdout) == (0, fresh.stdout)
    assert note in cached.stdout


def test_the_digest_depends_on_the_bytes_alone() -> None:
    from rwpk_cli.log.cache import LARGE_LOG, digest_of

    for size in (0, 1, LARGE_LOG - 1, LARGE_LOG, LARGE_LOG + 1):
        data = b"a" * size
        assert digest_of(data) == digest_of(bytes(data))
        assert digest_of(data) != digest_of(data[:-1] + b"b" if size else b"b")
    assert digest_of(b"a" * (LARGE_LOG - 1)).startswith("blake2b:")
    assert digest_of(b"a" * LARGE_LOG).startswith("sha256:")


@pytest.mark.parametrize(
    "appended",
    [
        '\n[[event]]\nid = "first"\ndate = 2023-01-01\nkind = "call"\ntitle = "Same id as an old event"\n',
        '\n[actor.newcomer]\nname = "Newcomer"\n',
        '\n[[event]]\ndate = "whenever"\nkind = "call"\ntitle = "Bad date"\n',
        '\n[[event]]\ndate = 2023-01-01\nkind = "call"\ntitle = "Names a new actor"\nparticipants = ["Zed"]\n'
        '\n[actor.zed]\nname = "Zed"\n',
    ],
)
def test_other_appended_text_falls_back_to_a_full_parse(run: Run, small_log: Path, appended: str) -> None:
    run("--file", str(small_log), "timeline")
    with small_log.open("a", encoding="utf-8") as handle:
        handle.write(appended)
    for query in QUERIES:
        fresh = run("--no-cache", "--file", str(small_log), *query)
        cached = run("--file", str(small_log), *query)
        assert (cached.exit_code, cached.stdout, cached.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr), query


def test_a_cache_folder_with_uri_characters_is_used(
    run: Run, small_log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rwpk_cli.log import parse

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "odd #name ?100% sure"))
    run("--file", str(small_log), "timeline")  # builds the cache

    def no_full_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cache was not used")

    monkeypatch.setattr(parse, "parse_taken", no_full_parse)
    result = run("--file", str(small_log), "timeline", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"id": "first"' in result.stdout


@given(
    people=st.lists(st.tuples(st.text(), st.none() | st.text(min_size=1)), max_size=4),
    tags=st.lists(st.text(min_size=1), max_size=3),
    sources=st.lists(st.text(min_size=1), max_size=2),
    title=st.text(min_size=1),
    summary=st.none() | st.text(),
)
def test_an_event_comes_back_from_its_cache_row_unchanged(
    people: list[tuple[str, str | None]], tags: list[str], sources: list[str], title: str, summary: str | None
) -> None:
    """Rows are written with hand-joined JSON for speed; any text must read back as it was."""
    from rwpk_cli.dates.parse import parse_date
    from rwpk_cli.log.cache import _Decoder, _Encoder, _event_row
    from rwpk_cli.log.kinds import Kind
    from rwpk_cli.log.model import Event, Participant

    event = Event("x", parse_date("2024-Q1~"), Kind.CALL, title, None, tuple(Participant(n, a) for n, a in people),
                  tuple(tags), tuple(sources), summary, "early 2024", 3, 5)  # fmt: skip
    first, last, _, ident, body, crc = _Encoder().row(event)  # the indexed columns, the body and its checksum
    assert (first, last, ident) == (event.when.start.toordinal(), event.when.end.toordinal(), event.id)
    assert _Decoder().event(_event_row((body, crc))) == event


@pytest.mark.parametrize(
    ("old", "appended"),
    [
        ('event = [{ date = 2024-01-01, kind = "call", title = "Static" }]\n',
         '\n[[event]]\ndate = 2024-02-02\nkind = "call"\ntitle = "Appended"\n'),
        ('event = []\n[actor.a]\nname = "A"\n', '\n[[event]]\ndate = 2024-02-02\nkind = "call"\ntitle = "Appended"\n'),
        ('[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "Array"\n',
         '\n[[event]]\ndate = 2024-02-02\nkind = "call"\ntitle = "Appended"\n'),
        ('[actor.a]\nname = "A"\n', '\n[[event]]\ndate = 2024-02-02\nkind = "call"\ntitle = "First"\n'),
        ('[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "Array"\n', '\n[event]\ndate = 2024-02-02\n'),
    ],
)  # fmt: skip
def test_the_caches_quick_path_accepts_exactly_what_a_full_parse_accepts(
    run: Run, tmp_path: Path, old: str, appended: str
) -> None:
    log = tmp_path / "log.toml"
    log.write_text(old, encoding="utf-8")
    run("--file", str(log), "timeline")  # builds the cache of the old text
    with log.open("a", encoding="utf-8") as handle:
        handle.write(appended)
    for query in (("check",), ("timeline", "--format", "json")):
        fresh = run("--no-cache", "--file", str(log), *query)
        cached = run("--file", str(log), *query)
        assert (cached.exit_code, cached.stdout, cached.stderr) == (fresh.exit_code, fresh.stdout, fresh.stderr)


def test_a_warm_query_hashes_the_log_in_a_stream_and_never_reads_it_whole(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import rwpk_cli.log.open as opening

    log = tmp_path / "events.toml"
    shutil.copy(Path(__file__).parent.parent / "events.toml", log)
    warm = run("--file", str(log), "timeline", "--format", "json")
    assert warm.exit_code == 0

    def whole(*_: object) -> bytes:
        raise AssertionError("the log was read whole")

    monkeypatch.setattr(opening, "read_bytes", whole)
    again = run("--file", str(log), "timeline", "--format", "json")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == warm.stdout
    with log.open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    changed = run("--file", str(log), "timeline", "--format", "json")
    assert isinstance(changed.exception, AssertionError)  # a changed log is read again, never answered stale
