"""An editor's save that lands while `rwpk add` writes is never overwritten: rwpk refuses (exit 75).

Editors do not take rwpk's lock. They save either in place (open with O_TRUNC, write) or by writing a
new file and renaming it over the log. The aimed tests land a save at each moment of rwpk's write
between its last read and its rename; the loop test saves at random moments while add runs 100 times.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rwpk_cli.write import swap
from rwpk_cli.write.append import ConflictError, commit, plan
from rwpk_cli.write.blocks import NewEvent, event_block
from tests.conftest import SMALL_LOG, Run

SAVED = SMALL_LOG + "\n# saved by the editor\n"


def save_in_place(path: Path, text: str) -> None:
    """How nano and VS Code save: truncate the file and write into it."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text)


def save_by_rename(path: Path, text: str) -> None:
    """How vim and Emacs save by default: write a new file beside the log and rename it over the log."""
    beside = path.with_name(path.name + ".editor-swap")
    beside.write_text(text, encoding="utf-8")
    os.replace(beside, path)


SAVES = [pytest.param(save_in_place, id="in-place"), pytest.param(save_by_rename, id="by-rename")]
Save = Callable[[Path, str], None]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "events.toml"
    path.write_text(SMALL_LOG, encoding="utf-8")
    return path


def addition_to(path: Path) -> tuple[bytes, str]:
    original = path.read_bytes()
    return original, plan(original.decode(), event_block(NewEvent("2024-05-05", "call", "A call")), "log").text


def once(action: Callable[[], None]) -> Callable[[], None]:
    """``action`` the first time the returned function is called, nothing after."""
    done: list[bool] = []

    def run_once() -> None:
        if not done:
            done.append(True)
            action()

    return run_once


def after_the_first_fsync(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """Run ``action`` (an editor's save) right after rwpk's first fsync: the flush of its new file,
    the longest step between its check of the log and its rename. The flush of a copy made ahead
    (``write.ahead``) runs on a thread of its own before rwpk has read the log, and is passed over."""
    import threading

    real_fsync = os.fsync
    editor = once(action)

    def fsync_then_act(descriptor: int) -> None:
        real_fsync(descriptor)
        if threading.current_thread() is threading.main_thread():
            editor()

    monkeypatch.setattr(os, "fsync", fsync_then_act)


@pytest.mark.parametrize("save", SAVES)
def test_a_save_while_the_new_file_is_flushed_is_kept(log: Path, save: Save, monkeypatch: pytest.MonkeyPatch) -> None:
    # The flush of the new file is the longest step between rwpk's check of the log and its rename.
    original, text = addition_to(log)
    after_the_first_fsync(monkeypatch, lambda: save(log, SAVED))
    with pytest.raises(ConflictError, match="changed while rwpk was adding"):
        commit(log, original, text)
    assert log.read_text(encoding="utf-8") == SAVED
    assert sorted(p.name for p in log.parent.iterdir()) == ["events.toml"]


@pytest.mark.parametrize("save", SAVES)
def test_a_save_at_the_instant_of_the_swap_is_given_back(
    log: Path, save: Save, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last moment before the swap, after every check that runs before it.
    original, text = addition_to(log)
    real_exchange = swap.exchange
    editor = once(lambda: save(log, SAVED))

    def save_then_exchange(first: Path, second: Path) -> bool:
        editor()
        return real_exchange(first, second)

    monkeypatch.setattr(swap, "exchange", save_then_exchange)
    with pytest.raises(ConflictError):
        commit(log, original, text)
    assert log.read_text(encoding="utf-8") == SAVED
    assert sorted(p.name for p in log.parent.iterdir()) == ["events.toml"]


@pytest.mark.parametrize("save", SAVES)
def test_without_an_atomic_swap_the_check_runs_just_before_the_rename(
    log: Path, save: Save, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Platforms without renameat2 (macOS, old C libraries) check again immediately before the rename.
    monkeypatch.setattr(swap, "_renameat2", lambda: None)
    original, text = addition_to(log)
    after_the_first_fsync(monkeypatch, lambda: save(log, SAVED))
    with pytest.raises(ConflictError):
        commit(log, original, text)
    assert log.read_text(encoding="utf-8") == SAVED


@pytest.mark.parametrize("atomic_swap", [True, False], ids=["swap", "rename"])
def test_an_undisturbed_add_still_writes(log: Path, atomic_swap: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not atomic_swap:
        monkeypatch.setattr(swap, "_renameat2", lambda: None)
    original, text = addition_to(log)
    commit(log, original, text)
    assert log.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in log.parent.iterdir()) == ["events.toml"]


def test_a_log_created_meanwhile_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new.toml"
    text = plan("", event_block(NewEvent("2024-05-05", "call", "A call")), "new").text
    after_the_first_fsync(monkeypatch, lambda: save_in_place(path, SAVED))
    with pytest.raises(ConflictError):
        commit(path, b"", text)
    assert path.read_text(encoding="utf-8") == SAVED


def test_two_saves_around_the_swap_are_both_kept(log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # One save lands before the swap, a second between the swap and the swap back.
    original, text = addition_to(log)
    real_exchange = swap.exchange
    calls: list[int] = []

    def exchange_with_saves(first: Path, second: Path) -> bool:
        calls.append(1)
        if len(calls) == 1:
            save_by_rename(log, SAVED)
        result = real_exchange(first, second)
        if len(calls) == 1:
            save_by_rename(log, SAVED + "# second save\n")
        return result

    monkeypatch.setattr(swap, "exchange", exchange_with_saves)
    with pytest.raises(ConflictError, match="saved the log twice") as raised:
        commit(log, original, text)
    assert log.read_text(encoding="utf-8") == SAVED
    kept = [p for p in log.parent.iterdir() if p.name.startswith("events.toml.saved-")]
    assert [p.read_text(encoding="utf-8") for p in kept] == [SAVED + "# second save\n"]
    assert str(kept[0]) in str(raised.value)


def test_the_cli_exits_75_and_keeps_the_save(run: Run, log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    after_the_first_fsync(monkeypatch, lambda: save_by_rename(log, SAVED))
    result = run("--file", str(log), "add", "--date", "2024-05-05", "--kind", "call", "--title", "A call")
    assert result.exit_code == 75
    assert "changed while rwpk was adding to it; nothing was written" in result.stderr
    assert log.read_text(encoding="utf-8") == SAVED


# An editor in another process: told by a line on stdin when to save and how, it answers when done.
EDITOR = textwrap.dedent(
    """
    import os, sys, time
    path = sys.argv[1]
    for line in sys.stdin:
        delay, style, text_file = line.split()
        time.sleep(float(delay))
        text = open(text_file, encoding="utf-8").read()
        if style == "in-place":
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(text)
        else:
            with open(path + ".editor-swap", "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(path + ".editor-swap", path)
        print("saved", flush=True)
    """
)


@pytest.fixture
def editor(log: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(log)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    yield process
    assert process.stdin is not None
    process.stdin.close()
    process.wait(timeout=10)


def test_saving_in_a_loop_while_add_runs_100_times_loses_no_save(
    run: Run, log: Path, editor: subprocess.Popen[str], tmp_path: Path
) -> None:
    assert editor.stdin is not None
    assert editor.stdout is not None
    rounds = random.Random(13)
    outcomes: dict[int, int] = {}
    for number in range(100):
        # The editor opened the log a moment ago; it saves the text it has plus one line of its own,
        # at a random moment while rwpk adds an event.
        buffer = tmp_path / "buffer.txt"
        buffer.write_text(log.read_text(encoding="utf-8") + f"# save {number}\n", encoding="utf-8")
        style = rounds.choice(["in-place", "by-rename"])
        editor.stdin.write(f"{rounds.uniform(0, 0.03):.4f} {style} {buffer}\n")
        editor.stdin.flush()
        result = run(
            "--file", str(log), "add", "--date", "2024-05-05", "--kind", "call", "--title", f"Call {number}",
        )  # fmt: skip
        assert editor.stdout.readline() == "saved\n"
        outcomes[result.exit_code] = outcomes.get(result.exit_code, 0) + 1
        assert result.exit_code in (0, 75), result.stderr
        assert f"# save {number}\n" in log.read_text(encoding="utf-8"), f"round {number}: the save was lost"
    assert outcomes.get(0, 0) > 0, outcomes  # the adds that met no save went through
    assert [p.name for p in log.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("cut", [pytest.param(40, id="invalid-half"), pytest.param(None, id="valid-half")])
def test_a_log_read_while_an_editor_writes_it_asks_to_try_again(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: int | None
) -> None:
    # An editor saving in place truncates, then writes: rwpk may read the first part only. What that
    # part lacks (a source declared further down, a string closed further down) is no fault of the log.
    from rwpk_cli.write import append

    log = tmp_path / "events.toml"
    whole = '[[event]]\ndate = 2024-01-01\nkind = "call"\ntitle = "Call"\n\n[source.s1]\ntitle = "Paper"\n'
    log.write_text(whole, encoding="utf-8")
    half = whole[:cut] if cut else whole.split("[source.s1]")[0]

    def read_half(path: Path) -> tuple[bytes, str]:
        return half.encode(), half

    monkeypatch.setattr(append, "read_for_edit", read_half)
    result = run("--file", str(log), "add", "--date", "2024-02-02", "--kind", "call", "--title", "T", "--source", "s1")
    assert result.exit_code == 75, result.stderr
    assert "the file changed while rwpk was adding to it; nothing was written" in result.stderr
    assert log.read_text(encoding="utf-8") == whole
