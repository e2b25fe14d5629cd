"""Checking records: the quick and full paths of event checking agree, and unknown keys are warned about."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rwpk_cli.dates.parse import parse_date
from rwpk_cli.log.check.events import EVENT_FIELDS, EventChecker
from rwpk_cli.log.check.fields import FieldReader
from rwpk_cli.log.check.ids import EventIds
from rwpk_cli.log.model import Actor, Event, Source
from rwpk_cli.log.names import NameIndex
from tests.conftest import Run

ACTORS = {"akram": Actor("akram", "Munir Akram", "PK"), "mukeka": Actor("mukeka", "Clementine Mukeka", "RW")}
SOURCES = {"s1": Source("s1", published=parse_date("2025-01-24"))}
NAMES = NameIndex(ACTORS.values())

#: Well-formed values for each shape a field can have.
GOOD: dict[str, st.SearchStrategy[Any]] = {
    "text": st.text(st.characters(codec="utf-8"), min_size=1).filter(str.strip),
    "texts": st.lists(st.sampled_from(["un", "security", "trade"]), max_size=3),
    "date": st.sampled_from([date(2024, 1, 3), "2024-01", "last week", "2025-W04", "c. 2001"]),
    "kind": st.sampled_from(["meeting", "visit", "call"]),
    "flag": st.booleans(),
}
#: A value of the wrong type for each shape.
BAD = {"text": 42, "texts": [1, 2], "date": 3.5, "kind": ["meeting"], "count": "three", "flag": "yes"}


def _checker() -> EventChecker:
    return EventChecker(FieldReader("t.toml", ""), EventIds())


def _quick(table: dict[str, Any]) -> Event | None:
    return _checker()._quick(("event", 0), table, 1, NAMES, SOURCES)


def _full(table: dict[str, Any]) -> tuple[Event | None, list[str]]:
    checker = _checker()
    event = checker._full(("event", 0), table, 1, NAMES, SOURCES)
    return event, [p.message for p in checker.reader.problems]


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for field in EVENT_FIELDS:
        if not field.quick or not (field.required or draw(st.booleans())):
            continue
        if field.key == "sources":
            table[field.key] = draw(st.sampled_from([["s1"], []]))
        elif field.key == "participants":
            table[field.key] = draw(st.lists(st.sampled_from(["Akram", "mukeka", "Someone Else"]), max_size=3))
        elif field.key == "as_of":
            table[field.key] = "2025-01-24"
        else:
            table[field.key] = draw(GOOD[field.shape])
    if "last week" in (table.get("date"),) and "as_of" not in table and table.get("sources") != ["s1"]:
        table["as_of"] = "2025-01-24"
    return table


@given(tables())
def test_a_well_formed_event_takes_the_quick_path_to_the_same_event(table: dict[str, Any]) -> None:
    quick = _quick(table)
    full, problems = _full(table)
    assert problems == []
    assert quick is not None
    assert quick == full


@pytest.mark.parametrize("field", EVENT_FIELDS, ids=lambda f: f.key)
def test_a_bad_value_in_any_field_is_left_to_the_full_path_which_names_it(field: Any) -> None:
    table: dict[str, Any] = {"date": "2024-01-03", "kind": "meeting", "title": "A meeting"}
    table[field.key] = BAD[field.shape]
    assert _quick(table) is None
    _, problems = _full(table)  # any problem fails the whole file when it is finished
    assert any(field.key in message for message in problems), problems


@pytest.mark.parametrize("field", [f for f in EVENT_FIELDS if f.required], ids=lambda f: f.key)
def test_a_missing_required_field_is_reported(field: Any) -> None:
    table: dict[str, Any] = {"date": "2024-01-03", "kind": "meeting", "title": "A meeting"}
    del table[field.key]
    assert _quick(table) is None
    event, problems = _full(table)
    assert event is None
    assert problems == [problems[0]]
    assert f"{field.key} is missing" in problems[0]


def test_keys_the_quick_path_does_not_read_send_the_event_down_the_full_path() -> None:
    table = {"date": "2024-01-03", "days": 3, "kind": "visit", "title": "A visit"}
    assert _quick(table) is None
    event, problems = _full(table)
    assert problems == []
    assert event is not None
    assert (event.when.start, event.when.end) == (date(2024, 1, 3), date(2024, 1, 5))


def test_unknown_keys_fail_check_strict(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "log.toml"
    text = '[[event]]\ndate = 2024-01-03\nkind = "call"\ntitle = "A call"\nplcae = "Kigali"\n'
    log.write_text(text, encoding="utf-8")
    plain = run("--file", str(log), "check")
    assert plain.exit_code == 0
    assert f"{log}:5: warning: unknown key 'plcae' in event; did you mean 'place'?\n" in plain.stderr
    strict = run("--file", str(log), "check", "--strict")
    assert strict.exit_code == 65
    assert f"{log}:5: warning: unknown key 'plcae' in event; did you mean 'place'?\n" in strict.stderr


def test_an_unknown_key_in_a_large_log_is_warned_at_its_own_line(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large log is read in chunks with a quick index of headers only; the key's line is still exact."""
    from rwpk_cli.log import parse

    monkeypatch.setattr(parse, "CHUNK_EVENTS", 3)
    block = '[[event]]\nid = "e{n}"\ndate = 2024-01-03\nkind = "call"\ntitle = "Call {n}"\n\n'
    text = "".join(block.format(n=n) for n in range(10))
    text += '[[event]]\nid = "odd"\ndate = 2024-01-04\nkind = "call"\n"notes" = "x"\ntitle = "Odd"\n'
    log = tmp_path / "large.toml"
    log.write_text(text, encoding="utf-8")
    line = text.splitlines().index('"notes" = "x"') + 1
    result = run("--no-cache", "--file", str(log), "check")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"{log}:{line}: warning: unknown key 'notes' in event; rwpk reads id, title,")


def test_an_unknown_key_appended_to_a_cached_log_is_warned_about(run: Run, small_log: Path) -> None:
    run("--file", str(small_log), "timeline")  # builds the cache
    with small_log.open("a", encoding="utf-8") as handle:
        handle.write('\n[[event]]\ndate = 2024-02-02\nkind = "call"\ntitle = "Appended"\nsumary = "x"\n')
    lines = small_log.read_text(encoding="utf-8").count("\n")
    cached = run("--file", str(small_log), "timeline", "--format", "json")
    fresh = run("--no-cache", "--file", str(small_log), "timeline", "--format", "json")
    assert (cached.stdout, cached.stderr) == (fresh.stdout, fresh.stderr)
    assert f"{small_log}:{lines}: warning: unknown key 'sumary' in event; did you mean 'summary'?" in cached.stderr
