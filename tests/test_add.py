"""rwpk add: the old text stays an exact prefix, the result loads, and nothing is written on any failure."""

from __future__ import annotations

import fcntl
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rwpk_cli.cli import add as cli_add
from rwpk_cli.errors import LogError, UsageError
from rwpk_cli.log.files import bundled_log
from rwpk_cli.log.parse import parse_log
from rwpk_cli.log.text import UNSAFE
from rwpk_cli.write import append as edit
from rwpk_cli.write.append import ConflictError, appended, commit, plan
from rwpk_cli.write.blocks import NewEvent, event_block
from tests.conftest import SMALL_LOG, Run, examples


@pytest.fixture
def log_copy(tmp_path: Path) -> Path:
    """A copy of the bundled log to add to."""
    path = tmp_path / "events.toml"
    path.write_bytes(bundled_log().read_bytes())
    return path


def test_add_appends_only_the_new_block(run: Run, log_copy: Path) -> None:
    before = log_copy.read_bytes()
    result = run(
        "--file", str(log_copy), "add", "--date", "2025-04-21", "--kind", "agreement",
        "--title", "Rwanda and Pakistan sign an agreement", "--participant", "Nduhungirehe",
        "--participant", "Ishaq Dar", "--source", "ktpress-2025-01-21", "--tag", "mou",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    after = log_copy.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :].decode("utf-8") == (
        "\n[[event]]\n"
        "date = 2025-04-21\n"
        'kind = "agreement"\n'
        'title = "Rwanda and Pakistan sign an agreement"\n'
        'participants = ["nduhungirehe", "Ishaq Dar"]\n'
        'tags = ["mou"]\n'
        'sources = ["ktpress-2025-01-21"]\n'
    )
    line = before.count(b"\n") + 2
    assert result.stderr == (
        f"rwpk: added event '2025-04-21-rwanda-and-pakistan-sign-an-agreement' at {log_copy}:{line}\n"
    )
    assert result.stdout == ""
    events = run("--file", str(log_copy), "timeline", "--on", "2025-04-21", "--format", "json")
    assert '"title": "Minister of Foreign Affairs and International Cooperation"' in events.stdout


def test_dry_run_prints_the_block_and_writes_nothing(run: Run, log_copy: Path) -> None:
    before = log_copy.read_bytes()
    result = run(
        "--file", str(log_copy), "add", "--date", "last week", "--as-of", "2025-01-24", "--kind", "visit",
        "--title", "Delegation", "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == '[[event]]\ndate = "last week"\nas_of = 2025-01-24\nkind = "visit"\ntitle = "Delegation"\n'
    assert log_copy.read_bytes() == before


def test_a_relative_date_without_reference_records_today(run: Run, log_copy: Path) -> None:
    result = run("--file", str(log_copy), "add", "--date", "yesterday", "--kind", "call", "--title", "C", "--dry-run")
    assert f"as_of = {date.today().isoformat()}\n" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kind", "call", "--title", "T"), "rwpk: missing --date; give it on the command line (rwpk prompts only"),
        (("--title", "T"), "rwpk: missing --date, --kind; give them on the command line"),
        (("--date", "2025-13-01", "--kind", "call", "--title", "T"), "'2025-13-01' is not a day of the calendar"),
        (("--date", "03/01/2025", "--kind", "call", "--title", "T"), "reads two ways"),
        (("--date", "2025-01-01", "--kind", "party", "--title", "T"), "unknown kind 'party'"),
        (("--date", "2025-01-01", "--kind", "call", "--title", "T", "--source", "nope"), "unknown source 'nope'"),
        (("--date", "2025-01-01", "--kind", "call", "--title", "T", "--id", "relations-established"), "is used twice"),
        (("--date", "2025-01-01", "--kind", "call", "--title", "T", "--participant", "Nduhungirehi"),
         "Did you mean 'Olivier Nduhungirehe'?"),
    ],
)  # fmt: skip
def test_invalid_additions_exit_2_and_write_nothing(
    run: Run, log_copy: Path, args: tuple[str, ...], message: str
) -> None:
    before = log_copy.read_bytes()
    result = run("--file", str(log_copy), "add", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert log_copy.read_bytes() == before


def test_refuses_an_invalid_log(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[[event]]\ndate = "whenever"\nkind = "call"\ntitle = "T"\n', encoding="utf-8")
    before = path.read_bytes()
    result = run("--file", str(path), "add", "--date", "2025-01-01", "--kind", "call", "--title", "New")
    assert result.exit_code == 65
    assert f"{path}:2: event #1 ('T'): date: cannot read 'whenever'" in result.stderr
    assert path.read_bytes() == before


def test_refuses_stdin_and_the_bundled_log(run: Run) -> None:
    stdin = run("--file", "-", "add", "--date", "2025-01-01", "--kind", "call", "--title", "T")
    assert stdin.exit_code == 2
    assert "cannot add to a log read from stdin" in stdin.stderr
    bundled = run("add", "--date", "2025-01-01", "--kind", "call", "--title", "T")
    assert bundled.exit_code == 2
    assert "does not write into the log bundled with it" in bundled.stderr


def test_first_add_creates_the_log(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    assert run("--file", str(path), "add", "actor", "dar", "--name", "Ishaq Dar", "--country", "pk").exit_code == 0
    result = run(
        "--file", str(path), "add", "--date", "2025-04-21", "--kind", "call", "--title", "Call", "--participant", "Dar"
    )
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == (
        '[actor.dar]\nname = "Ishaq Dar"\ncountry = "pk"\n\n'
        '[[event]]\ndate = 2025-04-21\nkind = "call"\ntitle = "Call"\nparticipants = ["dar"]\n'
    )


def test_add_actor_and_source(run: Run, log_copy: Path) -> None:
    before = log_copy.read_bytes()
    actor = run(
        "--file", str(log_copy), "add", "actor", "dar", "--name", "Ishaq Dar", "--country", "PK",
        "--role", "Deputy Prime Minister", "--since", "2024-08-17", "--alias", "Dar",
    )  # fmt: skip
    assert actor.exit_code == 0, actor.stderr
    source = run(
        "--file", str(log_copy), "add", "source", "dawn", "--url", "https://www.dawn.com/", "--published", "2025-04-22"
    )
    assert source.exit_code == 0, source.stderr
    added = log_copy.read_bytes()[len(before) :].decode("utf-8")
    assert added == (
        '\n[actor.dar]\nname = "Ishaq Dar"\ncountry = "PK"\naliases = ["Dar"]\n'
        'roles = [{title = "Deputy Prime Minister", since = 2024-08-17}]\n'
        '\n[source.dawn]\nurl = "https://www.dawn.com/"\npublished = 2025-04-22\n'
    )
    again = run("--file", str(log_copy), "add", "actor", "akram", "--name", "Someone")
    assert again.exit_code == 2
    assert again.stderr == f"rwpk: actor 'akram' already exists ({log_copy}:22); choose another id\n"
    lonely = run("--file", str(log_copy), "add", "actor", "x", "--name", "X", "--since", "2020")
    assert lonely.exit_code == 2
    assert "give the role's title with --role" in lonely.stderr


def test_prompts_at_a_terminal(run: Run, log_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_add, "_interactive", lambda: True)
    result = run(
        "--file", str(log_copy), "add", "--dry-run", input="2025-05-01\nvisit\nA prompted visit\nAkram, Mukeka\n\n\n\n"
    )  # then no place, no sources, no summary
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        '[[event]]\ndate = 2025-05-01\nkind = "visit"\ntitle = "A prompted visit"\nparticipants = ["akram", "mukeka"]\n'
    )
    assert "Munir Akram (akram)" in result.stderr  # the actors are offered


@pytest.mark.parametrize(
    ("text", "expected_tail"),
    [
        ("a = 1\n", "a = 1\n\n[[event]]\n"),
        ("a = 1", "a = 1\n\n[[event]]\n"),
        ("a = 1\n\n", "a = 1\n\n[[event]]\n"),
        ("a = 1\r\n", "a = 1\r\n\r\n[[event]]\r\n"),
        ("\ufeffa = 1\n", "\ufeffa = 1\n\n[[event]]\n"),
        ("", "[[event]]\n"),
    ],
)
def test_appended_keeps_the_text_and_its_line_endings(text: str, expected_tail: str) -> None:
    result = appended(text, "[[event]]\ndate = 1\n")
    assert result.startswith(text)
    assert result.startswith(expected_tail)


def test_crlf_and_bom_logs_stay_byte_exact(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "windows.toml"
    original = b'\xef\xbb\xbf# notes\r\n[[event]]\r\ndate = 2024-01-03\r\nkind = "call"\r\ntitle = "T"\r\n'
    path.write_bytes(original)
    assert run("--file", str(path), "add", "--date", "2024-02-02", "--kind", "call", "--title", "U").exit_code == 0
    data = path.read_bytes()
    assert data.startswith(original)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert len(parse_log(data.decode("utf-8"), "w").events) == 2


def test_conflict_when_the_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "log.toml"
    path.write_text(SMALL_LOG, encoding="utf-8")
    original = path.read_bytes()
    addition = plan(SMALL_LOG, event_block(NewEvent("2024-01-01", "call", "T")), "log.toml")
    path.write_text(SMALL_LOG + "\n# edited by someone else\n", encoding="utf-8")
    with pytest.raises(ConflictError, match="changed while rwpk was adding"):
        commit(path, original, addition.text)
    assert path.read_text(encoding="utf-8").endswith("# edited by someone else\n")


def test_waits_for_the_lock_then_gives_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "log.toml"
    path.write_text(SMALL_LOG, encoding="utf-8")
    monkeypatch.setattr(edit, "LOCK_WAIT_SECONDS", 0.2)
    holder = os.open(path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        with pytest.raises(ConflictError, match="another rwpk is writing"):
            commit(path, path.read_bytes(), SMALL_LOG + "\n")
    finally:
        os.close(holder)
    assert path.read_text(encoding="utf-8") == SMALL_LOG


def test_plan_refuses_an_invalid_log_and_an_invalid_entry() -> None:
    with pytest.raises(LogError):
        plan("[[event]]\ndate = 1\n", "[[event]]\n", "x.toml")
    with pytest.raises(UsageError, match="the new entry is not valid"):
        plan(SMALL_LOG, event_block(NewEvent("someday", "call", "T")), "x.toml")


# --- the property: the old text is an exact prefix, and the result has one more event ------------

VALID_LOGS = [
    SMALL_LOG,
    SMALL_LOG.replace("\n", "\r\n"),
    "\ufeff" + SMALL_LOG,
    SMALL_LOG.rstrip("\n"),
    SMALL_LOG + "\n\n# trailing comment without newline",
    '# only a comment\n[log]\ntitle = "t"',
    'x_unknown = "kept"\n[[event]]\ndate = 2020-01-01\nkind = "other"\ntitle = "A"  # comment\n',
]
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40).filter(str.strip)
DATES = st.sampled_from(["2024-01-03", "2024", "Jan 2024", "2025-W04", "early 2024", "c. 2001", "2024-01/2024-03"])


@settings(max_examples=examples(80), suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(VALID_LOGS),
    DATES,
    st.sampled_from(["meeting", "visit", "call", "other"]),
    TEXT,
    st.lists(TEXT, max_size=3),
    st.one_of(st.none(), TEXT),
    st.lists(TEXT, max_size=2),
)
def test_add_keeps_the_old_text_as_a_prefix(
    text: str, when: str, kind: str, title: str, people: list[str], place: str | None, tags: list[str]
) -> None:
    before = parse_log(text, "p.toml")
    block = event_block(NewEvent(when, kind, title, tuple(people), place, tuple(tags), summary=title))
    assert UNSAFE.search(block) is None  # hidden and bidi characters are written as escapes
    addition = plan(text, block, "p.toml")
    assert addition.text.startswith(text)
    assert len(addition.log.events) == len(before.events) + 1
    added = next(e for e in addition.log.events if e.line == addition.first_line)
    assert (added.title, added.place, added.summary, added.tags) == (title, place, title, tuple(tags))


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\u2029"])
def test_line_breaks_other_than_newline_neither_shift_lines_nor_break_an_add(
    run: Run, tmp_path: Path, separator: str
) -> None:
    log = tmp_path / "log.toml"
    text = (
        f"# a comment with a{separator}separator in it\n"
        '[[event]]\nid = "old"\ndate = 2024-01-01\nkind = "call"\n'
        f'title = "Old"\nsummary = """two{separator}parts\n[[event]] inside a string"""\n'
    )
    log.write_text(text, encoding="utf-8")
    bad = log.read_text(encoding="utf-8") + '\n[[event]]\ndate = "nonsense"\nkind = "call"\ntitle = "Bad"\n'
    (tmp_path / "bad.toml").write_text(bad, encoding="utf-8")
    result = run("--no-cache", "--file", str(tmp_path / "bad.toml"), "check")
    assert result.exit_code == 65
    assert f"bad.toml:{bad.count(chr(10)) - 2}: event #2 ('Bad'): date:" in result.stderr  # the date's own line
    added = run("--file", str(log), "add", "--date", "2024-02-02", "--kind", "call", "--title", "New")
    assert added.exit_code == 0, added.stderr
    assert added.stderr == f"rwpk: added event '2024-02-02-new' at {log}:{text.count(chr(10)) + 2}\n"
    assert log.read_text(encoding="utf-8").startswith(text)


def test_a_dry_run_works_where_nothing_could_be_written(run: Run) -> None:
    # The bundled log (no ./events.toml, no --file) and a log on stdin cannot be added to, but a dry
    # run writes nothing: it shows the block, checked against that log.
    bundled = run("add", "--date", "2025-02-03", "--kind", "meeting", "--title", "First", "--dry-run")
    assert bundled.exit_code == 0, bundled.stderr
    assert bundled.stdout == '[[event]]\ndate = 2025-02-03\nkind = "meeting"\ntitle = "First"\n'
    refused = run("add", "--date", "2025-02-03", "--kind", "meeting", "--title", "First")
    assert refused.exit_code == 2
    assert "does not write into the log bundled with it" in refused.stderr
    text = bundled_log().read_text(encoding="utf-8")
    piped = run("--file", "-", "add", "actor", "zed", "--name", "Zed Z", "--country", "PK", "--dry-run", input=text)
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout == '[actor.zed]\nname = "Zed Z"\ncountry = "PK"\n'
    taken = run(
        "--file", "-", "add", "actor", "nduhungirehe", "--name", "X", "--country", "RW", "--dry-run", input=text
    )
    assert taken.exit_code == 2
    assert "actor 'nduhungirehe' already exists (<stdin>:" in taken.stderr


def test_the_same_event_is_not_added_twice_unless_meant(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "log.toml"
    first = ["--file", str(log), "add", "--date", "2025-02-03", "--kind", "meeting", "--title", "First talks"]
    assert run(*first).exit_code == 0
    before = log.read_bytes()
    for title in ("First talks", "first  TALKS"):  # case and spacing aside, the same title
        again = run(*first[:-1], title)
        assert again.exit_code == 2
        assert again.stderr == (
            f"rwpk: the log already has this event: '2025-02-03-first-talks' ({log}:1) has the same date, kind "
            "and title; add --duplicate to add it anyway, or tell them apart in the title\n"
        )
        assert run(*first[:-1], title, "--dry-run").exit_code == 2  # a dry run checks what an add would
    assert log.read_bytes() == before
    assert run(*first[:5], "--kind", "call", "--title", "First talks").exit_code == 0  # another kind: another event
    meant = run(*first, "--duplicate")
    assert meant.exit_code == 0, meant.stderr
    strict = run("--file", str(log), "check", "--strict")
    assert strict.exit_code == 65
    assert (
        "warning: event '2025-02-03-first-talks-3' has the same date, kind and title as '2025-02-03-first-talks' "
        "(line 1); remove one, or tell them apart in the title"
    ) in strict.stderr
    assert "looks like a duplicate" not in strict.stderr  # one warning for one pair
