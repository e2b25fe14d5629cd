"""Large views are written in pieces: the pieces join to exactly the text a single write gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run

EVENTS = 2_345  # more than two of the thousand-event pieces, and a part of one


def _log(path: Path) -> Path:
    blocks = [
        f'[[event]]\ndate = 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\nkind = "meeting"\ntitle = "Talks number {i}"\n'
        f'participants = ["Someone {i % 7}"]\nsummary = "Line one\\nline two, with \\"quotes\\" and é"\n'
        for i in range(EVENTS)
    ]
    path.write_text('[log]\ntitle = "Many"\n\n' + "\n".join(blocks), encoding="utf-8")
    return path


@pytest.mark.parametrize("view", [("timeline",), ("export",)])
def test_a_view_in_pieces_is_one_json_array_on_stdout_and_in_a_file(
    run: Run, tmp_path: Path, view: tuple[str, ...]
) -> None:
    log = _log(tmp_path / "events.toml")
    printed = run("--file", str(log), *view, "--format", "json")
    assert printed.exit_code == 0, printed.stderr
    events = json.loads(printed.stdout)
    assert len(events) == EVENTS
    assert len({e["id"] for e in events}) == EVENTS
    assert printed.stdout.count("\n") == EVENTS + 2  # one event a line, between the brackets
    written = tmp_path / "out.json"
    assert run("--file", str(log), *view, "--format", "json", "-o", str(written)).exit_code == 0
    assert written.read_text(encoding="utf-8") == printed.stdout


def test_the_pieces_join_to_the_whole(tmp_path: Path) -> None:
    from rwpk_cli.log.parse import parse_log
    from rwpk_cli.render.docs import EventsDoc
    from rwpk_cli.render.jsonout import event_json, timeline
    from rwpk_cli.views.rows import rows

    log = parse_log(_log(tmp_path / "events.toml").read_text(encoding="utf-8"), "events.toml")
    shown = rows(log, log.events)
    assert str(timeline(EventsDoc(log, shown, log.title))) == "[\n  " + ",\n  ".join(map(event_json, shown)) + "\n]\n"
    assert str(timeline(EventsDoc(log, [], log.title))) == "[]\n"
