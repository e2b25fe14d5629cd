"""Every export format, read back with its ecosystem's own reader: csv, json, icalendar, an HTML parser."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rwpk_cli import render
from rwpk_cli.log.parse import parse_log
from rwpk_cli.render.csvout import COLUMNS, defuse, join_list, split_list, undefuse
from rwpk_cli.render.docs import EventsDoc
from rwpk_cli.render.html import script_json
from rwpk_cli.render.safe import shown
from rwpk_cli.views.rows import rows
from tests.conftest import Run, examples

HOSTILE_TEXTS = [
    "a | pipe",
    "**markup** [x](javascript:alert(1)) <b>bold</b>",
    "<script>alert('x')</script>",
    "javascript:alert(1)",
    "quotes \"double\" 'single' “curly”",
    "back\\slash and a literal \\N and \\n",
    "emoji 🇷🇼🇵🇰 and RTL שלום مرحبا",
    "=SUM(A1:A3)",
    "+1 -1 @cmd",
    "ctrl \x1b[31m bell\x07 del\x7f nul-free",
    "semi; colon, comma",
    "</script><script>alert(1)</script>",
    "'=already quoted",
]


def toml_str(text: str) -> str:
    """A TOML basic string: JSON's escaping, plus DEL, which TOML also requires escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def hostile_log(tmp_path: Path) -> Path:
    """A log whose titles, names, places and summaries carry every kind of hostile text."""
    parts = ['[log]\ntitle = "Hostile <log> & </script>"\n']
    for i, text in enumerate(HOSTILE_TEXTS):
        quoted = toml_str(text)
        parts.append(f'[actor.a{i}]\nname = {quoted}\ncountry = "X{chr(65 + i)}"\nroles = [{{ title = {quoted} }}]\n')
    parts.append('[source.bad]\ntitle = "Bad <link>"\nurl = "javascript:alert(1)"\n')
    parts.append('[source.good]\ntitle = "Good"\nurl = "https://example.org/a?b=1&c=<2>"\n')
    for i, text in enumerate(HOSTILE_TEXTS):
        quoted = toml_str(text)
        parts.append(
            f'[[event]]\nid = "e{i}"\ndate = 2024-01-{i + 1:02d}\nkind = "meeting"\ntitle = {quoted}\n'
            f'place = {quoted}\nsummary = {quoted}\nparticipants = ["a{i}", "Free {i}"]\ntags = [{quoted}]\n'
            'sources = ["bad", "good"]\n'
        )
    path = tmp_path / "hostile.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _export(run: Run, fmt: str, *args: str) -> str:
    global_args = [a for a in args if a != "--raw"]
    result = run(*global_args, "export", "--format", fmt, *(["--raw"] if "--raw" in args else []))
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes.decode("utf-8")  # the bytes a user gets: .stdout folds CRLF


def _json_events(run: Run, *args: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = json.loads(_export(run, "json", *args))
    return events


@pytest.fixture(params=["bundled", "hostile"])
def log_args(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, ...]:
    return () if request.param == "bundled" else ("--file", str(hostile_log(tmp_path)))


# --- the registry --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("r.md", "md"), ("r.csv", "csv"), ("r.json", "json"), ("r.jsonl", "jsonl"), ("R.ICS", "ics"),
        ("r.html", "html"), ("r.htm", "html"), ("r.timeline.json", "timelinejs"), ("r.txt", None), ("r", None),
    ],
)  # fmt: skip
def test_format_from_extension(filename: str, expected: str | None) -> None:
    assert render.from_extension(filename, "export") == expected


def test_every_format_renders_every_view_it_claims() -> None:
    for fmt in render.FORMATS.values():
        module = fmt.load()
        for view in fmt.views:
            assert callable(getattr(module, view)), f"{fmt.name} lacks {view}"


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "ics", "timelinejs", "html", "md"])
def test_output_file_by_extension_matches_stdout(run: Run, tmp_path: Path, fmt: str) -> None:
    extension = {"timelinejs": ".timeline.json", "md": ".md"}.get(fmt, f".{fmt}")
    target = tmp_path / f"out{extension}"
    env_stamp = {"SOURCE_DATE_EPOCH": "1700000000"}
    os.environ.update(env_stamp)
    try:
        assert run("export", "-o", str(target)).exit_code == 0
        assert target.read_bytes() == _export(run, fmt).encode("utf-8")
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


# --- CSV -----------------------------------------------------------------------------------------


def test_csv_reads_back_to_the_json_values(run: Run, log_args: tuple[str, ...]) -> None:
    text = _export(run, "csv", *log_args)
    assert text.endswith("\r\n")
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(records[0].keys()) == COLUMNS
    events = _json_events(run, *log_args)
    assert len(records) == len(events)
    for record, event in zip(records, events, strict=True):
        values = {k: undefuse(v) for k, v in record.items()}
        assert values["id"] == event["id"]
        assert values["title"] == event["title"]
        assert values["place"] == (event["place"] or "")
        assert values["summary"] == (event["summary"] or "")
        people = event["participants"]
        assert split_list(values["participants"]) == [p["name"] for p in people]
        for column, key in (("participant_ids", "id"), ("participant_countries", "country"),
                            ("participant_titles", "title")):  # fmt: skip
            assert split_list(values[column], len(people)) == [p[key] or "" for p in people]
        assert split_list(values["tags"]) == event["tags"]
        assert split_list(values["sources"]) == event["sources"]
        assert values["approximate"] == str(event["approximate"]).lower()
        assert (values["start"], values["end"], values["date"]) == (event["start"], event["end"], event["date"])


def test_csv_defuses_formulas_unless_raw(run: Run, tmp_path: Path) -> None:
    args = ("--file", str(hostile_log(tmp_path)))
    defused = {r["id"]: r for r in csv.DictReader(io.StringIO(_export(run, "csv", *args), newline=""))}
    assert defused["e7"]["title"] == "'=SUM(A1:A3)"
    assert defused["e8"]["title"] == "'+1 -1 @cmd"
    assert defused["e12"]["title"] == "''=already quoted"
    assert defused["e0"]["title"] == "a | pipe"
    raw = _export(run, "csv", *args, "--raw")
    plain = {r["id"]: r for r in csv.DictReader(io.StringIO(raw, newline=""))}
    assert plain["e7"]["title"] == "=SUM(A1:A3)"
    assert plain["e12"]["title"] == "'=already quoted"


@pytest.mark.parametrize("cell", ["=1+1", "+x", "-x", "@x", "\tx", "\rx", "'=x", "''+x", "'x", "x=", "", "plain"])
def test_defuse_is_reversible_and_safe(cell: str) -> None:
    out = defuse(cell)
    assert undefuse(out) == cell
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))


# --- JSON and JSON Lines -------------------------------------------------------------------------


def test_jsonl_is_the_json_array_one_per_line(run: Run, log_args: tuple[str, ...]) -> None:
    lines = _export(run, "jsonl", *log_args).splitlines()
    assert [json.loads(line) for line in lines] == _json_events(run, *log_args)


def test_json_keeps_hostile_text_exactly(run: Run, tmp_path: Path) -> None:
    events = _json_events(run, "--file", str(hostile_log(tmp_path)))
    assert [e["title"] for e in events] == HOSTILE_TEXTS


# --- iCalendar -----------------------------------------------------------------------------------


def _calendar(text: str) -> list[Any]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_ics_reads_back_to_the_same_events(run: Run, log_args: tuple[str, ...]) -> None:
    text = _export(run, "ics", *log_args)
    assert "\r\n" in text
    assert "\n" not in text.replace("\r\n", "")
    vevents = _calendar(text)
    events = _json_events(run, *log_args)
    assert len(vevents) == len(events)
    uids = [str(v["uid"]) for v in vevents]
    assert len(set(uids)) == len(uids)
    control = {chr(c) for c in [*range(0, 9), *range(11, 32), *range(127, 160), 0xFEFF]}
    for vevent, event in zip(vevents, events, strict=True):
        expected_title = "".join(c for c in shown(event["title"]) if c not in control)
        assert str(vevent["summary"]) == expected_title
        assert str(vevent["uid"]).startswith(event["id"] + ".")
        assert vevent.decoded("dtstart") == date.fromisoformat(event["start"])
        assert vevent.decoded("dtend") == date.fromisoformat(event["end"]) + timedelta(days=1)
        categories = [str(c) for c in vevent["categories"].cats]
        assert categories == ["".join(c for c in shown(x) if c not in control) for x in [event["kind"], *event["tags"]]]
        if event["place"]:
            assert str(vevent["location"]) == "".join(c for c in shown(event["place"]) if c not in control)
        description = str(vevent["description"])
        for person in event["participants"]:
            assert "".join(c for c in shown(person["name"]) if c not in control) in description


def test_ics_backslash_n_survives(run: Run, tmp_path: Path) -> None:
    vevents = {
        str(v["uid"]).split(".")[0]: v for v in _calendar(_export(run, "ics", "--file", str(hostile_log(tmp_path))))
    }
    assert str(vevents["e5"]["summary"]) == "back\\slash and a literal \\N and \\n"
    assert "\n" not in str(vevents["e5"]["summary"])
    assert str(vevents["e9"]["summary"]) == "ctrl ␛[31m bell␇ del␡ nul-free"  # controls shown, as on the page


def test_ics_is_reproducible_with_source_date_epoch(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1737936000")
    first, second = _export(run, "ics"), _export(run, "ics")
    assert first == second
    assert "DTSTAMP:20250127T000000Z" in first


def test_ics_uid_is_stable_across_runs_and_filters(run: Run) -> None:
    full = {str(v["uid"]) for v in _calendar(_export(run, "ics"))}
    some = {str(v["uid"]) for v in _calendar(_export(run, "ics", "--file", str(_bundled_copy())))}
    assert full == some
    assert "nduhungirehe-akram-2025-01.486749c8f1dc@rwpk" in full


def _bundled_copy() -> Path:
    from rwpk_cli.log.files import bundled_log

    return bundled_log()


# --- TimelineJS ----------------------------------------------------------------------------------


def test_timelinejs_document(run: Run) -> None:
    document = json.loads(_export(run, "timelinejs"))
    assert document["title"]["text"]["headline"] == "Rwanda–Pakistan relations"
    slides = {e["unique_id"]: e for e in document["events"]}
    assert len(slides) == 12
    assert slides["relations-established"]["start_date"] == {"year": 1962, "month": 7}
    assert "end_date" not in slides["relations-established"]
    assert slides["muganga-mirza-2024-01-03"]["start_date"] == {"year": 2024, "month": 1, "day": 3}
    week = slides["nduhungirehe-akram-2025-01"]
    assert (week["start_date"], week["end_date"]) == (
        {"year": 2025, "month": 1, "day": 20},
        {"year": 2025, "month": 1, "day": 26},
    )
    assert week["display_date"] == "week of 20 Jan 2025"
    assert week["group"] == "meeting"
    assert "Munir Akram (PK), Permanent Representative of Pakistan to the United Nations" in week["text"]["text"]


def test_timelinejs_escapes_html_and_links_only_the_web(run: Run, tmp_path: Path) -> None:
    document = json.loads(_export(run, "timelinejs", "--file", str(hostile_log(tmp_path))))
    slides = {e["unique_id"]: e for e in document["events"]}
    assert slides["e2"]["text"]["headline"] == "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
    body = slides["e2"]["text"]["text"]
    assert "<script" not in body
    assert 'href="https://example.org/a?b=1&amp;c=&lt;2&gt;"' in body
    assert "javascript:" not in body.replace("javascript:alert(1)</", "")  # only as escaped text, never a link
    assert 'href="javascript' not in body


# --- HTML ----------------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects what a browser would see: cards, scripts, links, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: list[dict[str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.hrefs: list[str] = []
        self.titles: list[str] = []
        self._in: str | None = None
        self.json_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.cards.append(values)
        if tag == "script":
            self.scripts.append(values)
            self._in = "json" if values.get("type") == "application/json" else "script"
        if tag == "a":
            self.hrefs.append(values.get("href") or "")
        if tag == "h3":
            self._in = "h3"
            self.titles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "h3"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "json":
            self.json_text += data
        elif self._in == "h3":
            self.titles[-1] += data


def _page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def test_html_page_structure(run: Run) -> None:
    text = _export(run, "html")
    page = _page(text)
    assert len(page.cards) == 12
    assert {c["data-kind"] for c in page.cards} == {
        "meeting",
        "visit",
        "consultation",
        "agreement",
        "statement",
        "other",
    }
    assert [s.get("type") for s in page.scripts] == ["application/json", None]
    assert all(h.startswith("https://") for h in page.hrefs)
    assert json.loads(page.json_text) == _json_events(run)
    assert "Content-Security-Policy" in text
    for needle in ("<title>Rwanda–Pakistan relations</title>", "12 events", "@media print", "max-width: 40rem"):
        assert needle in text
    assert "http://" not in text.replace('href="http', "")  # no external resources at all


def test_html_escapes_every_hostile_text(run: Run, tmp_path: Path) -> None:
    text = _export(run, "html", "--file", str(hostile_log(tmp_path)))
    page = _page(text)
    assert len(page.scripts) == 2  # ours: the data block and the page script, nothing injected
    assert len(page.cards) == len(HOSTILE_TEXTS)
    assert page.hrefs == ["https://example.org/a?b=1&c=<2>"] * len(HOSTILE_TEXTS)
    assert json.loads(page.json_text) == _json_events(run, "--file", str(hostile_log(tmp_path)))
    assert page.titles[2] == "<script>alert('x')</script>"
    assert page.titles[9] == "ctrl ␛[31m bell␇ del␡ nul-free"
    assert text.count("</script>") == 2


@pytest.mark.parametrize("value", ["</script>", "<!--", "]]>", "\u2028", "a&b", "</SCRIPT >"])
def test_script_json_cannot_break_out(value: str) -> None:
    out = script_json({"v": value})
    assert "<" not in out
    assert ">" not in out
    assert json.loads(out) == {"v": value}


# --- atomic writes -------------------------------------------------------------------------------


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("the old report", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = run("export", "-o", str(target))
    assert result.exit_code == 73
    assert result.stderr == f"rwpk: {target}: cannot write: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_export_keeps_the_permissions_of_the_file_it_replaces(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run("export", "-o", str(target)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o640


# --- properties ----------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30).filter(str.strip)


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=5))
def test_csv_json_and_ics_round_trip_any_text(records: list[tuple[str, str, str]]) -> None:
    lines = ['[log]\ntitle = "t"\n']
    for i, (title, place, summary) in enumerate(records):
        lines.append(
            f'[[event]]\nid = "e{i}"\ndate = 2024-03-{i + 1:02d}\nkind = "call"\ntitle = {toml_str(title)}\n'
            f"place = {toml_str(place)}\nsummary = {toml_str(summary)}\n"
        )
    log = parse_log("\n".join(lines), "prop.toml")
    doc = EventsDoc(log, rows(log, log.events), log.title)
    events = json.loads(str(render.FORMATS["json"].load().timeline(doc)))
    assert [(e["title"], e["place"], e["summary"]) for e in events] == list(records)
    table = list(csv.DictReader(io.StringIO(render.FORMATS["csv"].load().timeline(doc), newline="")))
    assert [(undefuse(r["title"]), undefuse(r["place"]), undefuse(r["summary"])) for r in table] == list(records)
    vevents = _calendar(render.FORMATS["ics"].load().timeline(doc))
    control = {chr(c) for c in [*range(0, 9), *range(11, 32), *range(127, 160), 0xFEFF]}

    def expected(text: str) -> str:
        return "".join(c for c in shown(text) if c not in control)

    assert [str(v["summary"]) for v in vevents] == [expected(t) for t, _, _ in records]
    assert [str(v["location"]) for v in vevents] == [expected(p) for _, p, _ in records]


_MAYBE = st.none() | st.text()


@given(
    text=st.text(),
    maybe=_MAYBE,
    words=st.lists(st.text(), max_size=3),
    flags=st.tuples(st.booleans(), st.booleans()),
    people=st.lists(
        st.tuples(st.none() | st.text(), st.text(), st.none() | st.text(), st.none() | st.text()), max_size=3
    ),
)
def test_the_fast_event_writer_writes_what_json_dumps_writes(
    text: str,
    maybe: str | None,
    words: list[str],
    flags: tuple[bool, bool],
    people: list[tuple[str | None, str, str | None, str | None]],
) -> None:
    """JSON and JSONL write events without json.dumps, for speed; the bytes must be json.dumps's."""

    from rwpk_cli.dates.parse import parse_date
    from rwpk_cli.log.kinds import Kind
    from rwpk_cli.log.model import Event
    from rwpk_cli.render.jsonout import event_json, event_object
    from rwpk_cli.views.rows import EventRow, PersonRow

    when = parse_date("2024-03")._replace(approximate=flags[0], uncertain=flags[1], text=text)
    event = Event(text, when, Kind.VISIT, text, maybe, (), tuple(words), tuple(words), maybe)
    row = EventRow(event, tuple(PersonRow(*person) for person in people))
    assert event_json(row) == json.dumps(event_object(row), ensure_ascii=False)


@pytest.mark.parametrize(
    "cell", [" =1+1", '"=1+1', "\u00a0=1+1", "\u3000=1", "\uff1d1+1", "\uff0bA1", "\uff20SUM(A1)", "  @SUM(A1)",
             "'\" -2+3", "\u200b=cmd()", "\u2060=1+1", "\ufe66=1+1", "\ufe661+1", "\u207c1+1", "\u208a1",
             "|cmd /c calc", "\uff5ccmd", "\u200d\ufe62A1"],
)  # fmt: skip
def test_a_formula_behind_spaces_quotes_or_in_fullwidth_is_defused(cell: str) -> None:
    assert defuse(cell) == "'" + cell
    assert undefuse(defuse(cell)) == cell


def test_every_start_that_normalises_to_a_formula_is_defused() -> None:
    # Whatever NFKC turns into = + - @ is read as a formula by some spreadsheet: all of it is defused.
    import sys
    import unicodedata

    formula = ("=", "+", "-", "@")
    starts = [chr(c) for c in range(sys.maxunicode + 1)
              if not 0xD800 <= c <= 0xDFFF and unicodedata.normalize("NFKC", chr(c)) in formula]  # fmt: skip
    assert [hex(ord(c)) for c in starts if defuse(c + "1") != "'" + c + "1"] == []


@pytest.mark.parametrize("name", ["report.xls", "report.ical", "report.markdown", "report"])
@pytest.mark.parametrize("command", [["timeline"], ["meetings", "Nduhungirehe"], ["export"]], ids=" ".join)
def test_an_output_name_of_no_known_format_is_refused(run: Run, tmp_path: Path, name: str, command: list[str]) -> None:
    target = tmp_path / name
    result = run(*command, "-o", str(target))
    assert result.exit_code == 2
    assert f"-o {target}: rwpk cannot tell the format from this name; give --format (" in result.stderr
    assert ".md .csv .json " in result.stderr
    assert ".jsonl .ics .timeline.json .html .htm" in result.stderr
    assert not target.exists()
    chosen = run(*command, "-o", str(target), "--format", "csv")  # with --format, any name will do
    assert chosen.exit_code == 0, chosen.stderr
    assert target.read_text(encoding="utf-8").startswith("id,")


@given(st.lists(st.text(alphabet=st.sampled_from(["a", ";", " ", "\\", "é"]), max_size=8), max_size=5))
def test_a_list_cell_gives_back_its_items_exactly(items: list[str]) -> None:
    cell = join_list(list(items))
    assert split_list(cell) == (items if cell or len(items) > 1 else [])


def test_csv_keeps_who_took_part_with_ids_countries_and_titles(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "people.toml"
    log.write_text(
        '[actor.a]\nname = "Semi; Colon"\ncountry = "AA"\nroles = [{ title = "Envoy; Acting" }]\n'
        '[[event]]\ndate = 2024-01-02\nkind = "call"\ntitle = "Call"\nparticipants = ["a", "Free \\\\ Text"]\n'
        'tags = ["x; y", "z"]\n',
        encoding="utf-8",
    )
    (record,) = csv.DictReader(io.StringIO(_export(run, "csv", "--file", str(log)), newline=""))
    assert split_list(record["participants"]) == ["Semi; Colon", "Free \\ Text"]
    assert split_list(record["participant_ids"]) == ["a", ""]
    assert split_list(record["participant_countries"]) == ["AA", ""]
    assert split_list(record["participant_titles"]) == ["Envoy; Acting", ""]
    assert split_list(record["tags"]) == ["x; y", "z"]
    import pandas

    frame = pandas.read_csv(io.StringIO(_export(run, "csv", "--file", str(log))), dtype=str, keep_default_na=False)
    assert list(frame["participant_ids"]) == [record["participant_ids"]]


def test_paragraph_breaks_in_a_summary_are_kept_in_every_report(run: Run, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    log = tmp_path / "log.toml"
    log.write_text(
        '[[event]]\nid = "e"\ndate = 2024-01-03\nkind = "call"\ntitle = "A call"\n'
        'summary = """First paragraph,\nstill the first.\n\nSecond paragraph."""\n',
        encoding="utf-8",
    )
    markdown = run("--file", str(log), "export", "--format", "md").stdout
    tokens = MarkdownIt("commonmark").parse(markdown)
    inside = [t.content for t in tokens if t.type == "inline" and t.content.startswith(("First", "Second"))]
    assert inside == ["First paragraph, still the first.", "Second paragraph."]
    slide = json.loads(run("--file", str(log), "export", "--format", "timelinejs").stdout)["events"][0]
    assert slide["text"]["text"].endswith("<p>First paragraph,\nstill the first.</p><p>Second paragraph.</p>")
