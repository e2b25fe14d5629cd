"""Loading: which log, line numbers of problems, and the bundled log's facts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rwpk_cli.errors import LogError, Problem, ReadError
from rwpk_cli.log.files import LogLocation, bundled_log, locate, read_text
from rwpk_cli.log.lines import LineIndex
from rwpk_cli.log.model import Log
from rwpk_cli.log.open import load_log
from rwpk_cli.log.parse import parse_log
from tests.conftest import examples


def test_locate_precedence(tmp_path: Path) -> None:
    assert locate("-", {}, tmp_path) == LogLocation(None, "<stdin>")
    assert locate("a.toml", {"RWPK_FILE": "b.toml"}, tmp_path).display == "a.toml"
    assert locate(None, {"RWPK_FILE": "b.toml"}, tmp_path).display == "b.toml"
    assert locate(None, {}, tmp_path).path == bundled_log()
    (tmp_path / "events.toml").write_text("", encoding="utf-8")
    assert locate(None, {}, tmp_path) == LogLocation(tmp_path / "events.toml", "events.toml")


def test_line_index_finds_tables_keys_and_inline_items() -> None:
    text = (
        '[log]\ntitle = "a # not a comment"\n\n'
        "[actor.x]\n"
        'name = """multi\n[not.a.table]\nline"""\n'
        "roles = [\n  { title = 'A' },\n\n  { title = \"B\" },\n]\n"
        "[[event]]\ndate = 1\n[[event]]\n\n  date = 2\n"
    )
    index = LineIndex(text)
    assert index.table(("actor", "x")) == 4
    assert index.key(("actor", "x"), "name") == 5
    assert index.item(("actor", "x"), "roles", 0) == 9
    assert index.item(("actor", "x"), "roles", 1) == 11
    assert ("not", "a") not in index.tables
    assert index.key(("event", 0), "date") == 14
    assert index.key(("event", 1), "date") == 17
    assert index.key(("event", 1), "kind") == 15  # a missing key points at its table


def test_problems_point_at_the_key_line_and_are_all_reported() -> None:
    text = (
        "# comment\n\n"
        '[source.s]\npublished = "whenever"\n\n'
        '[[event]]\nkind = "meeting"\ntitle = "A"\n\n\ndate = "someday"\n\n'
        '[[event]]\ndate = 2024-01-01\nkind = "meeting"\ntitle = "B"\nsources = ["nope"]\n'
    )
    with pytest.raises(LogError) as caught:
        parse_log(text, "x.toml")
    assert [(p.line, p.message.split(":")[0]) for p in caught.value.problems] == [
        (4, "source 's'"),
        (11, "event #1 ('A')"),
        (17, "event #2 ('B')"),
    ]
    assert str(caught.value.problems[0]).startswith("x.toml:4: source 's': published: cannot read 'whenever'")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "windows.toml"
    path.write_bytes(b'\xef\xbb\xbf[[event]]\r\ndate = 2024-01-03\r\nkind = "call"\r\ntitle = "T"\r\n')
    log = load_log(LogLocation(path, "windows.toml"))
    assert log.events[0].when.start == date(2024, 1, 3)


def test_huge_integers_and_deep_nesting_are_log_errors() -> None:
    with pytest.raises(LogError, match="invalid TOML"):
        parse_log("x = " + "9" * 5000 + "\n", "big.toml")
    with pytest.raises(LogError, match="invalid TOML"):
        parse_log("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "deep.toml")


def test_unreadable_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a directory"):
        read_text(LogLocation(tmp_path, "dir"))
    (tmp_path / "bad.toml").write_bytes(b"a = 1\nb = 2\nc = '\xff'\n")
    with pytest.raises(ReadError, match=r"bad\.toml:3: not UTF-8 \(byte 0xff\)"):
        read_text(LogLocation(tmp_path / "bad.toml", "bad.toml"))


def _problems(text: str) -> list[Problem] | None:
    """The problems parse_log reports, or None when the text is a valid log."""
    try:
        parse_log(text, "fuzz.toml")
    except LogError as error:
        return error.problems
    return None


@settings(max_examples=examples(200))
@given(st.text(max_size=200))
def test_any_text_gives_a_log_or_a_log_error(text: str) -> None:
    problems = _problems(text)
    assert problems is None or (problems and all(p.line >= 1 for p in problems))


EVENT_LINES = st.lists(
    st.sampled_from(
        [
            'date = "2024-01"', "date = 2024-01-03", 'date = "last week"', "date = 7", 'kind = "meeting"',
            'kind = "brunch"', 'title = "T"', "title = 3", 'participants = ["a", "Khan"]', "days = 2",
            'end = "2023"', 'sources = ["s", "zz"]', 'as_of = "x"', 'tags = "one"', "place = []",
        ]
    ),
    max_size=6,
    unique=True,
)  # fmt: skip


@given(st.lists(EVENT_LINES, max_size=4))
def test_generated_logs_give_a_log_or_located_problems(events: list[list[str]]) -> None:
    head = '[actor.a]\nname = "Ali Khan"\n[actor.b]\nname = "Hamid Khan"\n[source.s]\npublished = 2024-02-02\n'
    text = head + "".join("[[event]]\n" + "\n".join(lines) + "\n" for lines in events)
    problems = _problems(text)
    if problems is None:
        assert len(parse_log(text, "gen.toml").events) == len(events)
    else:
        assert all(1 <= p.line <= text.count("\n") + 1 for p in problems)


def test_bundled_log_facts() -> None:
    log = load_log(LogLocation(bundled_log(), "bundled"))
    assert log.title == "Rwanda–Pakistan relations"
    akram = log.actors["akram"]
    assert akram.title_on(log.events[-1].when) == "Permanent Representative of Pakistan to the United Nations"
    mirza = next(e for e in log.events if e.id == "muganga-mirza-2024-01-03")
    assert mirza.date_text == "On January 3, 2024"
    trade = {(t.origin, t.destination): t for t in log.trades}
    assert trade["RW", "PK"].value_usd == 34_700_000
    assert dict(trade["RW", "PK"].goods) == {"tea": 31_400_000, "coffee": 3_250_000}
    assert trade["PK", "RW"].value_usd == 47_600_000
    assert dict(trade["PK", "RW"].goods) == {"rice": 44_400_000}
    relations = next(e for e in log.events if e.id == "relations-established")
    assert relations.when.canonical == "1962-07"
    assert log.sources["ktpress-2025-01"].published is not None
    assert not log.warnings


def test_the_fast_line_index_agrees_with_the_exact_scanner(tmp_path: Path) -> None:
    from benchmarks.generate import generate
    from rwpk_cli.log.lines import FastLineIndex, LineIndex

    generated, _, _ = generate(300, tmp_path)
    for text in (bundled_log().read_text(encoding="utf-8"), generated.read_text(encoding="utf-8")):
        fast, exact = FastLineIndex(text), LineIndex(text)
        assert fast.tables == exact.tables
        assert fast.keys
        assert all(exact.keys[key] == line for key, line in fast.keys.items())


def test_large_logs_report_problems_at_the_exact_line() -> None:
    text = 'summary = """\n[[event]]\n"""\n[[event]]\ndate = "whenever"\nkind = "call"\ntitle = "T"\n'
    with pytest.raises(LogError) as caught:
        parse_log(text, "tricky.toml")
    assert str(caught.value.problems[0]).startswith("tricky.toml:5: event #1 ('T'): date: cannot read 'whenever'")


_PRELUDE = """\
[log]
title = "Chunks"

[actor.alpha]
name = "Ada Alpha"
country = "AA"

[actor.beta]
name = "Ben Beta"
country = "BB"

[source.s1]
title = "A report"
published = 2025-01-24
"""


def _event(n: int) -> str:
    dates = ["2024-01-03", '"January 3, 2024"', '"last week"', '"2024-Q1"', "2023-05-06", '"2021"']
    return (
        f'[[event]]\ntitle = "Event {n}"\nkind = "meeting"\ndate = {dates[n % len(dates)]}\n'
        f'participants = ["Ada Alpha", "beta", "Someone Else"]\nsources = ["s1"]\nplace = "Kigali"\n\n'
    )


_TRADE = '[[trade]]\nyear = 2022\nfrom = "AA"\nto = "BB"\nvalue_usd = 5\n\n'
_LAYOUTS = {
    "events only": _PRELUDE + "".join(_event(n) for n in range(9)),
    "trades among events": _PRELUDE + "".join(_event(n) + (_TRADE if n == 4 else "") for n in range(9)),
    "an [[event]] line inside a string": _PRELUDE
    + "".join(_event(n) for n in range(3))
    + '[[event]]\ntitle = "Odd"\nkind = "call"\ndate = 2024-02-02\nsummary = """\n[[event]]\n"""\n\n'
    + "".join(_event(n) for n in range(3, 8)),
    "a problem in a later chunk": _PRELUDE
    + "".join(_event(n) for n in range(7))
    + _event(7).replace("meeting", "meetin"),
    "a declaration after the events": _PRELUDE + "".join(_event(n) for n in range(6)) + '[actor.gamma]\nname = "G"\n',
    "a duplicate id across chunks": _PRELUDE
    + "".join(_event(n).replace("[[event]]\n", f'[[event]]\nid = "e{n % 5}"\n') for n in range(8)),
}


def _outcome(text: str) -> object:
    try:
        return parse_log(text, "log.toml")
    except LogError as error:
        return [str(p) for p in error.problems]


@pytest.mark.parametrize("layout", sorted(_LAYOUTS))
def test_a_large_log_read_in_chunks_is_the_log_read_whole(layout: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunked parsing (for memory) must give exactly the log, or exactly the problems, of one parse."""
    from rwpk_cli.log import parse as load

    text = _LAYOUTS[layout]
    monkeypatch.setenv("RWPK_JOBS", "1")  # every chunk parsed here, to be counted (test_halves checks two cores)
    monkeypatch.setattr(load, "CHUNK_EVENTS", 10**9)
    whole = _outcome(text)
    parsed: list[str] = []
    real = load.parse_toml

    def counted(chunk: str) -> dict[str, object]:
        parsed.append(chunk)
        return real(chunk)

    monkeypatch.setattr(load, "parse_toml", counted)
    monkeypatch.setattr(load, "CHUNK_EVENTS", 2)
    assert _outcome(text) == whole
    if layout == "events only":
        assert len(parsed) == 1 + 5  # the declarations, then the nine events two at a time: parsed in chunks
        assert isinstance(whole, Log)
        assert len(whole.events) == 9


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("[[event]]\na = 1\n[[event]] # note\n[[event]]x = 1\n  [[event]]\n[[event]]", [0, 16, 60]),
        ("x = 1\n[[event]]\t\n", [6]),
        ("[[events]]\n[[event.sub]]\n", []),
        ("", []),
    ],
)
def test_event_headers_are_found_at_the_start_of_their_line(text: str, starts: list[int]) -> None:
    from rwpk_cli.log.parse import _event_headers

    assert _event_headers(text) == starts


_DAY = st.dates(min_value=date.min, max_value=date.max)


@settings(max_examples=examples(200))
@given(st.lists(st.tuples(_DAY, st.integers(0, 3), st.sampled_from(["a", "b", "a-2", "z", "é"])), max_size=40))
def test_events_are_put_in_timeline_order_as_their_sort_keys_say(drafts: list[tuple[date, int, str]]) -> None:
    """``in_timeline_order`` is ``sorted(key=sort_key)``: by first day, last day, then id, for any days."""
    from datetime import timedelta

    from rwpk_cli.dates.span import DateSpan, Precision
    from rwpk_cli.log.kinds import Kind
    from rwpk_cli.log.model import Event, in_timeline_order

    events = []
    for n, (start, length, ident) in enumerate(drafts):
        end = min(start + timedelta(days=length), date.max) if start <= date.max - timedelta(days=length) else start
        when = DateSpan(start, end, Precision.DAY, text=str(start))
        events.append(Event(ident, when, Kind.MEETING, f"Event {n}", None, (), (), (), None, None, n + 1, n + 1, ""))
    assert in_timeline_order(events) == sorted(events, key=lambda e: e.sort_key)
