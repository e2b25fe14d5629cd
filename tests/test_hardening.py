"""Bad input never gives a traceback: unreadable files, limits, pipes, Ctrl-C, and terminal-hostile text."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rwpk_cli.cli import app as cli_app
from rwpk_cli.cli import entry
from tests.ceiling import ceiling
from tests.conftest import SMALL_LOG, Run


def test_size_limit(run: Run, small_log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RWPK_MAX_BYTES", "100")
    result = run("--file", str(small_log), "timeline")
    assert result.exit_code == 66
    assert result.stderr == f"rwpk: {small_log}: larger than the limit of 100 bytes; split it into several logs\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file, so permissions cannot be tested as root")
def test_unreadable_file(run: Run, small_log: Path) -> None:
    small_log.chmod(0)
    result = run("--file", str(small_log), "timeline")
    assert result.exit_code == 66
    assert "permission denied" in result.stderr


def test_permission_denied_is_reported(run: Run, small_log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refuse(path: object, *args: Any, **kwargs: Any) -> int:
        if Path(str(path)) == small_log:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    result = run("--file", str(small_log), "timeline")
    assert result.exit_code == 66
    assert result.stderr == f"rwpk: {small_log}: permission denied; check the file's permissions\n"


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_app, "app", interrupted)
    with pytest.raises(SystemExit) as caught:
        entry.main()
    assert caught.value.code == 130
    assert capsys.readouterr().err == "\nrwpk: interrupted\n"


def test_closed_pipe_gives_no_traceback(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_text(
        "".join(
            f'[[event]]\ndate = 2024-01-{i % 28 + 1:02d}\nkind = "call"\ntitle = "Event {i}"\n' for i in range(3000)
        ),
        encoding="utf-8",
    )
    for command in (["timeline"], ["export"], ["timeline", "--format", "json"]):
        piped = subprocess.run(
            f"{sys.executable} -m rwpk_cli --file {big} {' '.join(command)} | head -n 1",
            shell=True,
            capture_output=True,
            text=True,
            check=False,
        )
        assert piped.stdout
        assert "Traceback" not in piped.stderr
        assert "Error" not in piped.stderr


def test_terminal_escapes_in_error_messages_are_shown_not_run(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "esc.toml"
    path.write_text('[[event]]\ndate = "\\u001b[2J\\u202e"\nkind = "call"\ntitle = "T"\n', encoding="utf-8")
    result = run("--file", str(path), "check")
    assert result.exit_code == 65
    assert "\x1b" not in result.stderr
    assert "\u202e" not in result.stderr
    assert "cannot read '␛[2J<U+202E>' as a date" in result.stderr


def test_module_entry_point_runs(small_log: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rwpk_cli", "--file", str(small_log), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "no source" in done.stderr  # a warning, not a failure


def test_comment_only_log_is_an_empty_log(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    path.write_text("# my log, to be filled\n", encoding="utf-8")
    result = run("--file", str(path), "timeline", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


ADD = ["add", "--date", "2024-01-01", "--kind", "call", "--title", "X"]


@pytest.mark.parametrize("command", [["timeline"], ["check"], ADD])
def test_a_fifo_is_refused_without_blocking(run: Run, tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "log.toml"
    os.mkfifo(fifo)
    result = run("--file", str(fifo), *command)  # would hang on open() if it were read as a file
    assert result.exit_code == 66
    assert (
        result.stderr == f"rwpk: {fifo}: is a FIFO (a named pipe), not a regular file; give the path of a .toml file\n"
    )


def test_an_include_of_a_device_is_refused_before_reading_it(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "log.toml"
    log.write_text('[log]\ninclude = ["/dev/zero"]\n', encoding="utf-8")
    result = run("--no-cache", "--file", str(log), "timeline")
    assert result.exit_code == 65
    assert f"{log}:2: include '/dev/zero': /dev/zero: is a device, not a regular file" in result.stderr


def test_adding_through_a_symlink_writes_its_target(run: Run, small_log: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(small_log)
    result = run("--file", str(link), *ADD)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert "X" in small_log.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no stray temp file


def test_a_hard_linked_log_is_refused(run: Run, small_log: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    os.link(small_log, other)
    before = small_log.read_bytes()
    result = run("--file", str(small_log), *ADD)
    assert result.exit_code == 73
    assert "has 2 hard links" in result.stderr
    assert small_log.read_bytes() == other.read_bytes() == before


def test_a_device_is_never_replaced_by_a_write(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    result = run("export", "-o", str(fifo))
    assert result.exit_code == 73
    assert "not a regular file" in result.stderr
    assert fifo.is_fifo()


def test_a_read_only_log_is_refused_whoever_runs_rwpk(run: Run, small_log: Path) -> None:
    small_log.chmod(0o444)
    before = small_log.read_bytes()
    result = run("--file", str(small_log), *ADD)
    assert result.exit_code == 73
    assert result.stderr == f"rwpk: {small_log}: the log is read-only; make it writable to add to it\n"
    assert small_log.read_bytes() == before


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_an_add_keeps_the_logs_owner_group_and_mode(run: Run, small_log: Path) -> None:
    os.chown(small_log, 65534, 65534)
    small_log.chmod(0o600)
    result = run("--file", str(small_log), *ADD)
    assert result.exit_code == 0, result.stderr
    after = small_log.stat()
    assert (after.st_uid, after.st_gid, after.st_mode & 0o777) == (65534, 65534, 0o600)


def test_an_add_removes_the_temporary_files_a_killed_add_left(run: Run, small_log: Path) -> None:
    stale = [small_log.parent / f".{small_log.name}.{n}.tmp" for n in ("a1b2c3", "zz9")]
    for path in stale:
        path.write_text("half a log", encoding="utf-8")
    unrelated = small_log.parent / ".other.toml.x.tmp"
    unrelated.write_text("not ours", encoding="utf-8")
    result = run("--file", str(small_log), *ADD)
    assert result.exit_code == 0, result.stderr
    assert [p.exists() for p in stale] == [False, False]
    assert unrelated.exists()


def test_sigterm_interrupts_like_ctrl_c_and_leaves_the_log_whole(tmp_path: Path) -> None:
    block = '[[event]]\nid = "e{n}"\ndate = 2024-01-03\nkind = "call"\ntitle = "Call {n}"\nsummary = "{pad}"\n\n'
    log = tmp_path / "big.toml"
    log.write_text("".join(block.format(n=n, pad="x" * 200) for n in range(40_000)), encoding="utf-8")
    before = log.read_bytes()
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-m", "rwpk_cli", "--file", str(log), *ADD], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    time.sleep(0.5)  # while the 40,000 events are read and checked
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    if process.returncode == 0:  # the signal came once the write had begun: it completes and says so
        assert b"rwpk: added event" in err
        assert log.read_bytes().startswith(before)
    else:  # as Ctrl-C exits; without a handler SIGTERM would kill it (-15)
        assert process.returncode == 130, err
        assert log.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_include_chain_too_deep_is_a_problem_not_a_crash(run: Run, tmp_path: Path) -> None:
    for n in range(1500):
        text = (
            f'[log]\ninclude = ["f{n + 1}.toml"]\n'
            if n < 1499
            else '[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "x"\n'
        )
        (tmp_path / f"f{n}.toml").write_text(text, encoding="utf-8")
    for cache in ("--no-cache", None):
        with ceiling(cpu_seconds=10, megabytes=300):
            result = run(*([cache] if cache else []), "--file", str(tmp_path / "f0.toml"), "check")
        assert result.exit_code == 65
        assert "includes nest more than 100 files deep" in result.stderr


def test_adding_to_a_log_in_a_folder_that_does_not_exist(run: Run, tmp_path: Path) -> None:
    result = run("--file", str(tmp_path / "nofolder" / "new.toml"), *ADD)
    assert result.exit_code == 73
    assert result.stderr == (
        f"rwpk: {tmp_path / 'nofolder' / 'new.toml'}: there is no folder {tmp_path / 'nofolder'}; "
        "create it first, or give another path\n"
    )


def test_an_argument_that_is_not_utf8_is_a_usage_error(small_log: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [os.fsencode(sys.executable), b"-m", b"rwpk_cli", b"--file", os.fsencode(small_log), b"add",
               b"--date", b"2024-01-01", b"--kind", b"call", b"--title", b"\xff"]  # fmt: skip
    before = small_log.read_bytes()
    result = subprocess.run(command, env=env, capture_output=True, check=False)
    assert result.returncode == 2
    assert result.stderr == b"rwpk: the argument '\\xff' is not UTF-8; write it in UTF-8\n"
    assert small_log.read_bytes() == before


def test_a_closed_stderr_keeps_the_exit_code(tmp_path: Path) -> None:
    log = tmp_path / "bad.toml"
    log.write_text('[[event]]\ndate = "nonsense"\nkind = "call"\ntitle = "x"\n', encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-m", "rwpk_cli", "--file", str(log), "check"], env=env,
                               stderr=subprocess.PIPE)  # fmt: skip
    assert process.stderr is not None
    process.stderr.close()  # rwpk check 2>&1 | head -0
    assert process.wait(timeout=60) == 65


def test_a_value_nested_too_deeply_appended_to_a_cached_log(run: Run, small_log: Path) -> None:
    run("--file", str(small_log), "timeline")  # builds the cache
    lines = small_log.read_text(encoding="utf-8").count("\n")
    with small_log.open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[event]]\ndate = 2024-01-02\nkind = "call"\ntitle = "Deep"\ntags = ' + "[" * 3000 + "]" * 3000 + "\n"
        )
    with ceiling(cpu_seconds=5, megabytes=300):
        result = run("--file", str(small_log), "timeline")
    assert result.exit_code == 65
    assert f"{small_log}:{lines + 6}: invalid TOML: nested too deeply to read" in result.stderr


def _limited(cpu_seconds: int, megabytes: int) -> Callable[[], None]:
    """A child's ceilings: CPU time and address space, set with resource limits, not by timing."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return limit


def test_a_huge_title_is_cut_in_the_terminal_and_kept_in_exports(tmp_path: Path) -> None:
    title = "word " * 2_000_000  # 10 MB
    log = tmp_path / "huge.toml"
    log.write_text(f'[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "{title}"\n', encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "80", "NO_COLOR": "1"}
    shown = subprocess.run([sys.executable, "-m", "rwpk_cli", "--file", str(log), "timeline", "--format", "table"],
                           env=env, capture_output=True, text=True, check=False,
                           preexec_fn=_limited(20, 2048))  # fmt: skip
    assert shown.returncode == 0, shown.stderr[-500:]
    assert "…" in shown.stdout
    assert shown.stdout.count("word") <= 300 // 5
    piped = subprocess.run([sys.executable, "-m", "rwpk_cli", "--file", str(log), "timeline"], env=env,
                           capture_output=True, text=True, check=False, preexec_fn=_limited(20, 2048))  # fmt: skip
    assert piped.returncode == 0, piped.stderr[-500:]
    assert piped.stdout.count("\n") == 1  # into a pipe, the record is one whole line
    assert piped.stdout.split("\t")[3] == title.strip()
    exported = subprocess.run([sys.executable, "-m", "rwpk_cli", "--file", str(log), "timeline", "--format", "json"],
                              env=env, capture_output=True, text=True, check=False)  # fmt: skip
    assert json.loads(exported.stdout)[0]["title"] == title  # the export keeps all of it


CROWD_COMMANDS = [["timeline"], ["check"], ["actors", "--format", "json"], ["network"], ["stats"], ["actor", "a1"],
                  ["meetings", "a1"], ["export", "--format", "md"], ["export", "--format", "html"],
                  ["export", "--format", "ics"], ["export", "--format", "timelinejs"]]  # fmt: skip


@pytest.fixture(scope="module")
def crowd_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One event with 5,000 actors taking part (a 300 KB log)."""
    actors = "".join(f'[actor.a{n}]\nname = "Person {n}"\ncountry = "{"RW" if n % 2 else "PK"}"\n' for n in range(5000))
    ids = ", ".join(f'"a{n}"' for n in range(5000))
    log = tmp_path_factory.mktemp("crowd") / "crowd.toml"
    event = (
        f'[[event]]\nid = "everyone"\ndate = 2024-01-01\nkind = "meeting"\ntitle = "Everyone"\nparticipants = [{ids}]\n'
    )
    log.write_text(actors + event, encoding="utf-8")
    return log


@pytest.mark.parametrize("command", CROWD_COMMANDS, ids=" ".join)
def test_an_event_with_5000_participants_stays_fast_and_small(crowd_log: Path, command: list[str]) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(crowd_log.parent / "cache"), "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "rwpk_cli", "--file", str(crowd_log), *command], env=env,
                            capture_output=True, text=True, check=False, preexec_fn=_limited(15, 1024))  # fmt: skip
    assert result.returncode == 0, result.stderr[-500:]
    if command == ["check"]:
        assert (
            "event 'everyone' has 5000 actors taking part; events of more than 200 add no counterparts" in result.stderr
        )


@pytest.mark.parametrize("command", [["timeline"], ["check"], ["actors", "--format", "json"], ADD], ids=" ".join)
def test_100000_actors_of_one_name_stay_fast(tmp_path: Path, command: list[str]) -> None:
    log = tmp_path / "alike.toml"
    actors = "".join(f'[actor.a{n}]\nname = "Jean Pierre"\n' for n in range(100_000))
    log.write_text(actors + '[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "One"\nparticipants = ["a1"]\n')
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "rwpk_cli", "--file", str(log), *command], env=env,
                            capture_output=True, text=True, check=False, preexec_fn=_limited(20, 2048))  # fmt: skip
    assert result.returncode == 0, result.stderr[-500:]


def test_reading_a_small_log_reserves_no_more_memory_than_it_needs(run: Run, small_log: Path) -> None:
    # read(limit) reserved the whole 512 MiB size limit for every log, failing under `ulimit -v`.
    with ceiling(megabytes=100):
        result = run("--no-cache", "--file", str(small_log), "timeline", "--format", "json")
        stdin = run("--file", "-", "check", input=small_log.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert stdin.exit_code == 0, stdin.stderr


def test_an_interrupt_that_lands_after_the_write_is_too_late_to_undo_it(
    run: Run, small_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C arriving as the new log is renamed into place: the add is done, so it is reported as
    # done (exit 0) rather than exiting 130 with the event written, which invites a duplicate.
    from rwpk_cli.write import append, atomic

    real = atomic.write_atomic

    def write_then_interrupt(path: Path, data: bytes, expect: bytes | None = None) -> None:
        real(path, data, expect)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(append, "write_atomic", write_then_interrupt)
    result = run("--file", str(small_log), *ADD)
    assert result.exit_code == 0, (result.exception, result.stderr)
    assert "rwpk: added event" in result.stderr
    assert small_log.read_text(encoding="utf-8").count("[[event]]") == SMALL_LOG.count("[[event]]") + 1


def test_sigterm_at_any_moment_of_an_add_leaves_a_consistent_outcome(tmp_path: Path) -> None:
    block = '[[event]]\nid = "e{n}"\ndate = 2024-01-03\nkind = "call"\ntitle = "Call {n}"\nsummary = "{pad}"\n\n'
    text = "".join(block.format(n=n, pad="x" * 200) for n in range(3_000))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def add(round_number: int, delay: float | None) -> tuple[int, str, bool]:
        log = tmp_path / f"log{round_number}.toml"
        log.write_text(text, encoding="utf-8")
        process = subprocess.Popen([sys.executable, "-m", "rwpk_cli", "--file", str(log), *ADD], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        if delay is not None:
            time.sleep(delay)
            process.send_signal(signal.SIGTERM)  # does nothing once the add has ended
        _, err = process.communicate(timeout=60)
        return process.returncode, err, log.read_text(encoding="utf-8") != text

    # The signals are spread from start-up to past the end of the write, as long as an add takes on
    # this machine now: a busy machine stretches every step alike.
    started = time.monotonic()
    assert add(0, None)[0] == 0
    whole = time.monotonic() - started
    outcomes = []
    for round_number in range(1, 48):
        delay = 0.1 + whole * 1.2 * ((round_number - 1) % 16) / 15
        code, err, written = add(round_number, delay)
        outcomes.append(code)
        if written:  # the write happened: it is reported, with exit 0
            assert (code, "rwpk: added event" in err) == (0, True), err
        else:  # or it did not, and the log is as it was (killed outright only before rwpk has started)
            assert code in (130, -signal.SIGTERM), err
            assert "added" not in err
        if round_number >= 16 and {0, 130} <= set(outcomes):
            break
    assert {0, 130} <= set(outcomes), outcomes  # the signals landed both before and after the write


def test_a_terminal_table_of_20000_pairs_shows_the_first_500(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "p200.toml"
    actors = "".join(f'[actor.a{n}]\nname = "Person {n}"\ncountry = "{"RW" if n % 2 else "PK"}"\n' for n in range(200))
    people = ", ".join(f'"a{n}"' for n in range(200))
    log.write_text(
        actors + f'[[event]]\ndate = 2024-01-01\nkind = "meeting"\ntitle = "All"\nparticipants = [{people}]\n'
    )
    with ceiling(cpu_seconds=10, megabytes=500):  # all 19,900 rows took 13 s
        table = run("--file", str(log), "network", "--format", "table")
        actors_table = run("--file", str(log), "actors", "--format", "table")
    assert table.exit_code == 0, table.stderr
    assert "19900 pairs" in table.stdout
    assert "the first 500 shown; --format tsv, csv or json for all" in " ".join(table.stdout.split())
    assert table.stdout.count("Person ") <= 2 * 500
    assert actors_table.exit_code == 0
    assert len(run("--file", str(log), "network", "--format", "tsv").stdout.splitlines()) == 19900


def test_a_socket_is_refused_as_what_it_is(run: Run, tmp_path: Path) -> None:
    import socket

    path = tmp_path / "log.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = run("--file", str(path), "timeline")
    finally:
        server.close()
    assert result.exit_code == 66
    assert result.stderr == f"rwpk: {path}: is a socket, not a regular file; give the path of a .toml file\n"


def _rwpk(args: list[str], tmp_path: Path, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "rwpk_cli", *args], env=env, check=False, **kwargs)


def _full_device(tmp_path: Path) -> Path:
    """A device of our own that, like /dev/full, refuses every write with ENOSPC."""
    path = tmp_path / "full"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    return path


def test_a_closed_or_full_stdout_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    closed = _rwpk(["timeline"], tmp_path, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 74
    assert closed.stderr.decode() == (
        "rwpk: cannot write the output: standard output is closed; write it to a file with -o FILE\n"
    )
    with _full_device(tmp_path).open("wb") as full:
        result = _rwpk(["export"], tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 74
    assert b"Traceback" not in result.stderr
    assert result.stderr.decode() == (
        "rwpk: cannot write the output: No space left on device; write it to a file with -o FILE\n"
    )


def test_a_closed_or_full_stderr_never_changes_an_outcome(tmp_path: Path, small_log: Path) -> None:
    close_stderr = {"preexec_fn": lambda: os.close(2)}
    assert _rwpk(["check"], tmp_path, **close_stderr).returncode == 0
    assert _rwpk(["--file", str(small_log), "check", "--strict"], tmp_path, **close_stderr).returncode == 65
    before = small_log.read_text(encoding="utf-8").count("[[event]]")
    added = _rwpk(["--file", str(small_log), *ADD], tmp_path, **close_stderr)
    assert added.returncode == 0  # the event is written, and the add says it succeeded
    with _full_device(tmp_path).open("wb") as full:
        again = _rwpk(["--file", str(small_log), *ADD[:-2], "--title", "Another"], tmp_path, stderr=full)
    assert again.returncode == 0
    assert small_log.read_text(encoding="utf-8").count("[[event]]") == before + 2


def test_a_terminal_timeline_of_600_events_shows_the_first_500(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "many.toml"
    log.write_text("".join(f'[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "Call {n:03d}"\n'
                           for n in range(600)), encoding="utf-8")  # fmt: skip
    table = run("--file", str(log), "timeline", "--format", "table").stdout
    assert "600 events" in table
    assert "the first 500 shown; --format tsv, csv or json for all" in " ".join(table.split())
    assert table.count("Call ") == 500
    assert len(run("--file", str(log), "timeline").stdout.splitlines()) == 600  # piped: every record
