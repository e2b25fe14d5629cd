"""``rwpk import``: every format read from fixture files written from the documented layouts, round
trips of rwpk's own exports, re-runs that add nothing, and the safe write.

The dataset fixtures (tests/data/import) are written from the ICEWS, GDELT 2.0, PLOVER, Wikidata
SPARQL and WhoGov layouts, not copied from the datasets; they hold rows that must merge, rows that
must be skipped, hostile text and every date style the formats use.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rwpk_cli.log.parse import parse_log
from rwpk_cli.read import FORMATS, infer, read_file
from rwpk_cli.read.input import Input
from rwpk_cli.read.plan import Selection, plan_events
from rwpk_cli.read.tenures import keeps_every_byte
from rwpk_cli.write.blocks import NewActor, NewEvent, NewSource, actor_blocks, event_blocks, source_blocks
from rwpk_cli.write.insert import with_include, with_roles
from tests.conftest import Run, examples

DATA = Path(__file__).parent / "data" / "import"
ROOT = Path(__file__).parent.parent
BUNDLED = ROOT / "events.toml"
SHEET = ROOT / "examples" / "import" / "meetings.csv"
RULES = ROOT / "examples" / "import" / "meetings.rules.toml"


def _timeline(run: Run, log: Path) -> list[dict[str, Any]]:
    result = run("--file", str(log), "timeline", "--format", "json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def _import(run: Run, log: Path, *args: str) -> str:
    result = run("--file", str(log), "import", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return result.stderr


def _copy_of_bundled(tmp_path: Path) -> Path:
    log = tmp_path / "events.toml"
    shutil.copy(BUNDLED, log)
    return log


# --- the registry ---------------------------------------------------------------------------------


def test_the_formats_are_the_documented_names() -> None:
    assert sorted(FORMATS) == sorted(
        ["csv", "json", "jsonl", "ics", "timelinejs", "icews", "gdelt", "plover", "wikidata", "whogov"]
    )


@pytest.mark.parametrize(
    ("name", "holds", "expected"),
    [
        ("sheet.csv", "events", "csv"),
        ("SHEET.CSV", "events", "csv"),
        ("all.json", "events", "json"),
        ("all.jsonl", "events", "jsonl"),
        ("all.ndjson", "events", "jsonl"),
        ("cal.ics", "events", "ics"),
        ("story.timeline.json", "events", "timelinejs"),
        ("events.2024.tab", "events", "icews"),
        ("20250120000000.export.CSV", "events", "gdelt"),
        ("polecat.jsonl", "events", "jsonl"),
        ("ministers.json", "roles", "wikidata"),
        ("whogov.csv", "roles", "whogov"),
        ("sheet.xlsx", "events", None),
        ("-", "events", None),
        ("data.tsv", "events", None),
    ],
)
def test_the_extension_names_the_format_only_when_it_is_unambiguous(
    name: str, holds: str, expected: str | None
) -> None:
    found = infer(name, holds)
    assert (found.name if found else None) == expected


def test_a_name_that_does_not_say_the_format_is_a_usage_error_naming_the_choices(run: Run, tmp_path: Path) -> None:
    (tmp_path / "x.dat").write_text("a\tb\n", encoding="utf-8")
    result = run("--file", str(tmp_path / "log.toml"), "import", str(tmp_path / "x.dat"))
    assert result.exit_code == 2
    assert "give --format, one of csv, json, jsonl, ics, timelinejs, icews, gdelt, plover" in result.stderr


# --- rwpk's own exports: round trips --------------------------------------------------------------

EXACT = ["json", "jsonl", "csv"]
LOSSY = {
    "ics": {"sources", "approximate", "uncertain", "participant ids", "precision of an approximate date"},
    "timelinejs": {"sources", "tags", "participant ids", "precision"},
}


def _comparable(event: dict[str, Any], drop: set[str]) -> dict[str, Any]:
    kept = {k: v for k, v in event.items() if k not in drop}
    kept["participants"] = [
        {
            k: v
            for k, v in p.items()
            if not (k == "title_certain" and drop) and not (k == "id" and "participant ids" in drop)
        }
        for p in event["participants"]
    ]
    return kept


@pytest.mark.parametrize("fmt", EXACT)
def test_an_export_imported_into_an_empty_log_gives_the_same_timeline(fmt: str, run: Run, tmp_path: Path) -> None:
    exported = tmp_path / f"all.{fmt}"
    assert run("export", "--format", fmt, "-o", str(exported)).exit_code == 0
    log = tmp_path / "new.toml"
    _import(run, log, str(exported))
    original = _timeline(run, BUNDLED)
    again = _timeline(run, log)
    assert [_comparable(e, set()) for e in again] == [_comparable(e, set()) for e in original]


@pytest.mark.parametrize("fmt", sorted(LOSSY))
def test_a_calendar_or_timelinejs_export_gives_the_events_back_but_what_the_format_cannot_carry(
    fmt: str, run: Run, tmp_path: Path
) -> None:
    extension = "ics" if fmt == "ics" else "timeline.json"
    exported = tmp_path / f"all.{extension}"
    assert run("export", "-o", str(exported)).exit_code == 0
    log = tmp_path / "new.toml"
    _import(run, log, str(exported))
    original, again = _timeline(run, BUNDLED), _timeline(run, log)
    assert [e["id"] for e in again] == [e["id"] for e in original]
    drop = {"sources", "participant ids", "approximate", "uncertain", "date", "precision"}
    drop |= {"tags"} if fmt == "timelinejs" else set()
    assert [_comparable(e, drop) for e in again] == [_comparable(e, drop) for e in original]
    if fmt == "ics":  # X-RWPK-DATE keeps each date at its precision
        assert [(e["date"], e["precision"]) for e in again] == [(e["date"], e["precision"]) for e in original]


# No NUL: no text format carries it raw, and a file holding one is refused as not text.
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=30
).filter(lambda t: t.strip() == t and bool(t.strip()))
_DATES = st.sampled_from(
    ["2024-01-03", "2024", "2024-02", "2025-W04", "2024-Q2", "2024-01-03/2024-01-05", "2024~", "2023?", "early 2024"]
)


@st.composite
def _logs(draw: st.DrawFn) -> str:
    names = draw(st.lists(_TEXT, min_size=1, max_size=4, unique_by=lambda t: t.casefold()))
    actors = [
        NewActor(f"a{i}", f"Person {name}", draw(st.sampled_from([None, "RW", "PK"])), None, (),
                 tuple({"title": t, "since": s} for t, s in draw(st.lists(st.tuples(_TEXT, st.sampled_from(
                     ["2019-01-01", "2023-06-01", "2024-03-11"])), max_size=2, unique_by=lambda r: r[1]))))
        for i, name in enumerate(names)
    ]  # fmt: skip
    sources = [NewSource("s1", "A report", "Outlet", "https://example.org/1", "2025-01-24")]
    events = []
    for number in range(draw(st.integers(1, 5))):
        people = draw(st.lists(st.sampled_from([a.id for a in actors] + ["A Stranger"]), max_size=3, unique=True))
        events.append(
            NewEvent(
                draw(_DATES),
                draw(st.sampled_from(["meeting", "visit", "call", "statement"])),
                draw(_TEXT),
                tuple(people),
                draw(st.one_of(st.none(), _TEXT)),
                tuple(draw(st.lists(_TEXT, max_size=2, unique=True))),
                draw(st.sampled_from([(), ("s1",)])),
                draw(st.one_of(st.none(), _TEXT)),
                id=f"e{number}",
            )
        )
    return "\n".join([source_blocks(sources), actor_blocks(actors), event_blocks(events)])


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=_logs(), fmt=st.sampled_from(EXACT))
def test_any_log_round_trips_through_its_exports(
    text: str, fmt: str, run: Run, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("trip")
    log = folder / "log.toml"
    log.write_text(text, encoding="utf-8")
    exported = folder / f"all.{fmt}"
    result = run("--file", str(log), "export", "--format", fmt, "-o", str(exported))  # CSV defused, as by default
    assert result.exit_code == 0, result.stderr
    again = folder / "again.toml"
    _import(run, again, str(exported))
    original, imported = _timeline(run, log), _timeline(run, again)
    assert [_comparable(e, set()) for e in imported] == [_comparable(e, set()) for e in original]


# --- re-running adds nothing ------------------------------------------------------------------------

IMPORTS = [
    ("icews", [str(DATA / "icews.tab")]),
    ("gdelt", [str(DATA / "gdelt.export.CSV")]),
    ("plover", ["--format", "plover", str(DATA / "plover.jsonl")]),
    ("rules", [str(SHEET), "--rules", str(RULES)]),
]


@pytest.mark.parametrize(("name", "args"), IMPORTS, ids=[n for n, _ in IMPORTS])
def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    name: str, args: list[str], run: Run, tmp_path: Path
) -> None:
    log = _copy_of_bundled(tmp_path)
    first = _import(run, log, *args)
    assert "0 already in the log" in first
    after_first = log.read_bytes()
    second = _import(run, log, *args)
    assert "0 new," in second
    assert "nothing to add" in second
    assert log.read_bytes() == after_first
    assert after_first.startswith(BUNDLED.read_bytes())  # every byte of the log kept


def test_a_newer_release_with_one_more_row_adds_exactly_one_event(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    _import(run, log, str(DATA / "icews.tab"), "--between", "RW", "PK")
    before = len(_timeline(run, log))
    said = _import(run, log, str(DATA / "icews-newer.tab"), "--between", "RW", "PK")
    assert "1 new, 6 already in the log" in said
    after = _timeline(run, log)
    assert len(after) == before + 1
    assert next(e for e in after if e["date"] == "2025-05-02")["kind"] == "meeting"  # CAMEO 046 negotiate


def test_a_newer_sheet_with_one_more_row_adds_exactly_that_row(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "desk.toml"
    sheet = tmp_path / "meetings.csv"
    shutil.copy(SHEET, sheet)
    _import(run, log, str(sheet), "--rules", str(RULES))
    with sheet.open("a", encoding="utf-8") as handle:
        handle.write("M-031,2025-05-06,,Bilateral meeting,Rice trade review,,,Kigali,trade,,\n")
    said = _import(run, log, str(sheet), "--rules", str(RULES))
    assert said.endswith("1 new, 29 already in the log, 3 skipped (2 blank, 1 cancelled)\n")
    assert 'imported = "csv:meetings.csv:M-031"' in log.read_text(encoding="utf-8")


# --- a spreadsheet through rules ------------------------------------------------------------------


def test_the_example_spreadsheet_reads_every_row_its_rules_describe(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    said = _import(run, log, str(SHEET), "--rules", str(RULES))
    assert "29 new, 0 already in the log, 3 skipped (2 blank, 1 cancelled)" in said
    events = {e["title"]: e for e in _timeline(run, log)}
    relative = events["Defence Minister receives the DG Foreign Military Cooperation"]
    assert (relative["date"], relative["precision"]) == ("2025-W03", "week")  # "last week" as of 2025-01-24
    assert events["Gen Muganga meets Gen Mirza"]["kind"] == "meeting"  # mapped from "Bilateral meeting"
    assert events["Foreign ministers speak by telephone"]["kind"] == "call"
    people = events["Gen Muganga meets Gen Mirza"]["participants"]
    assert [(p["id"], p["title"]) for p in people] == [
        ("muganga", "Chief of Defence Staff, Rwanda Defence Force"),
        ("mirza", "Chairman of the Joint Chiefs of Staff Committee"),
    ]  # names matched to the log's actors, with their titles at the time
    assert events["Trade officials meet in Kigali"]["approximate"] is True  # "early 2024"
    assert events["Gen Muganga calls on the caretaker foreign minister"]["tags"] == ["defence", "diplomacy"]
    assert "Planned ministerial visit" not in events  # skipped by the rule
    text = log.read_text(encoding="utf-8")
    assert 'date = "last week"\nas_of = 2025-01-24' in text  # the expression kept, with its reference day


def test_a_rules_import_of_a_sheet_with_every_bad_row_names_each(run: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    lines = SHEET.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("3 January 2024", "03/01/2024")
    lines[3] = lines[3].replace("Courtesy call", "Coffee")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log = _copy_of_bundled(tmp_path)
    result = run("--file", str(log), "import", str(sheet), "--rules", str(RULES))
    assert result.exit_code == 65
    assert f"{sheet}:3: column 'Date': '03/01/2024' reads two ways" in result.stderr
    assert f"{sheet}:4: column 'Type': unknown kind 'Coffee'" in result.stderr
    assert log.read_bytes() == BUNDLED.read_bytes()


# --- event datasets -------------------------------------------------------------------------------


def test_icews_rows_of_one_event_merge_and_codes_outside_the_range_are_counted(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "new.toml"
    said = _import(run, log, str(DATA / "icews.tab"))
    assert "7 new, 0 already in the log, 2 skipped (2 outside the diplomatic range (CAMEO 06–20))" in said
    events = _timeline(run, log)
    visit = [e for e in events if e["date"] == "2024-01-03"]
    assert len(visit) == 1  # three rows: two reports of the visit and its host's side
    assert visit[0]["kind"] == "visit"
    assert visit[0]["sources"] == ["icews-story-50000001", "icews-story-50000002"]
    assert visit[0]["place"] == "Islamabad"
    assert [e["kind"] for e in events if e["date"] == "2024-03-15"] == ["call"]
    assert [e["kind"] for e in events if e["date"] == "2025-04-21"] == ["agreement"]
    assert [e["kind"] for e in events if e["date"] == "2024-06-01"] == ["statement"]
    assert next(e["date"] for e in events) == "2017-02-14"  # the 2017 release's M/D/YYYY
    hostile = next(e for e in events if e["date"] == "2025-01-20")
    assert 'Muneer-ud-Din "PAF" <b>' in [p["name"] for p in hostile["participants"]]
    text = log.read_text(encoding="utf-8")
    assert 'imported = "icews:40000001"' in text
    assert 'outlet = "The News International"' in text


def test_between_keeps_the_dyad_either_way_and_since_bounds_the_dates(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "new.toml"
    said = _import(run, log, str(DATA / "icews.tab"), "--between", "PK", "RW", "--since", "2024-06")
    assert said.endswith(
        "3 new, 0 already in the log, 6 skipped (3 before --since, 2 outside the diplomatic range (CAMEO 06–20), "
        "1 not between PK–RW); 6 new actors, 3 new sources\n"
    )
    assert [e["date"] for e in _timeline(run, log)] == ["2024-06-01", "2025-01-20", "2025-04-21"]
    countries = [{p["country"] for p in e["participants"]} for e in _timeline(run, log)]
    assert all(c == {"RW", "PK"} for c in countries)


def test_dataset_actors_match_the_logs_actors_by_name(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    _import(run, log, str(DATA / "icews.tab"), "--between", "RW", "PK")
    call = next(e for e in _timeline(run, log) if e["date"] == "2024-03-15")
    assert call["participants"][0]["id"] == "nduhungirehe"  # the log's actor, not a new one
    assert call["participants"][0]["title"] == "Ambassador to the Netherlands"


def test_gdelt_rows_map_their_cameo_codes_and_merge_the_two_sides_of_a_visit(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "new.toml"
    said = _import(run, log, str(DATA / "gdelt.export.CSV"))
    assert "2 new, 0 already in the log, 1 skipped (1 outside the diplomatic range (CAMEO 06–20))" in said
    events = _timeline(run, log)
    assert [(e["date"], e["kind"], len(e["sources"])) for e in events] == [
        ("2025-01-20", "visit", 2),
        ("2025-01-22", "statement", 1),
    ]
    assert {p["country"] for p in events[0]["participants"]} == {"RW", "PK"}
    assert events[0]["place"] == "Kigali, Kigali, Rwanda"
    text = log.read_text(encoding="utf-8")
    assert 'url = "https://www.newtimes.co.rw/article/1"' in text
    assert "published = 2025-01-21" in text


def test_plover_types_and_modes_map_to_kinds(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "new.toml"
    said = _import(run, log, "--format", "plover", str(DATA / "plover.jsonl"))
    assert "4 new" in said
    assert "1 skipped" in said
    kinds = {e["date"]: e["kind"] for e in _timeline(run, log)}
    assert kinds == {"2024-03-12": "call", "2025-01-20": "visit", "2025-04-21": "agreement", "2024-07-01": "statement"}


# --- tenures --------------------------------------------------------------------------------------


def test_wikidata_tenures_keep_their_precision_and_reach_the_meetings_view(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    before = log.read_text(encoding="utf-8")
    result = run("--file", str(log), "import", "roles", str(DATA / "ministers.json"))
    assert result.exit_code == 0, result.stderr
    assert (
        "4 new roles, 1 already in the log, 1 skipped (1 contradicting a recorded tenure); 1 new actor" in result.stderr
    )
    assert "Munir Akram as Permanent Representative" in result.stderr
    assert "contradicts" in result.stderr
    after = log.read_text(encoding="utf-8")
    assert keeps_every_byte(before, after)
    data = tomllib.loads(after)
    dar = data["actor"]["ishaq-dar"]
    assert dar["country"] == "PK"  # from the result's countryCode
    assert {"title": "Minister of Finance", "since": "1998", "until": "1999-10"} in dar["roles"]
    assert '{title = "Ambassador of Rwanda to Belgium", since = "2015", until = "2017"}' in after
    again = run("--file", str(log), "import", "roles", str(DATA / "ministers.json"))
    assert "0 new roles" in again.stderr
    assert log.read_text(encoding="utf-8") == after
    _import(run, log, str(DATA / "icews.tab"), "--between", "RW", "PK")
    meetings = json.loads(run("--file", str(log), "meetings", "Ishaq Dar", "--format", "json").stdout)
    assert [p["title"] for e in meetings for p in e["participants"] if p["id"] == "ishaq-dar"] == [
        "Minister of Foreign Affairs"
    ]


def test_whogov_years_become_tenures_known_to_the_year(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    result = run("--file", str(log), "import", "roles", str(DATA / "whogov.csv"))
    assert result.exit_code == 0, result.stderr
    assert "1 vacant" in result.stderr
    data = tomllib.loads(log.read_text(encoding="utf-8"))
    assert data["actor"]["albert-murasira"]["roles"] == [{"title": "Min. of Defence", "since": "2021", "until": "2023"}]
    dar = next(a for a in data["actor"].values() if a["name"] == "Ishaq Dar")
    assert {"title": "Min. of Finance", "since": "2019", "until": "2019"} in dar["roles"]
    assert {"title": "Min. of Finance", "since": "2022", "until": "2022"} in dar["roles"]  # a gap: two tenures


# --- writing --------------------------------------------------------------------------------------


def test_a_dry_run_prints_a_fragment_that_loads_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    result = run("--file", str(log), "import", str(DATA / "icews.tab"), "--dry-run")
    assert result.exit_code == 0
    assert "a dry run: nothing was written" in result.stderr
    assert log.read_bytes() == BUNDLED.read_bytes()
    combined = parse_log(BUNDLED.read_text(encoding="utf-8") + "\n" + result.stdout, "x.toml")
    assert len(combined.events) == len(parse_log(BUNDLED.read_text(encoding="utf-8"), "x.toml").events) + 7


def test_into_a_new_file_adds_it_to_the_logs_includes(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    before = log.read_text(encoding="utf-8")
    _import(run, log, str(DATA / "icews.tab"), "--between", "RW", "PK", "--into", str(tmp_path / "icews.toml"))
    after = log.read_text(encoding="utf-8")
    assert keeps_every_byte(before, after)
    assert 'include = ["icews.toml"]' in after
    assert 'imported = "icews:40000001"' in (tmp_path / "icews.toml").read_text(encoding="utf-8")
    assert len(_timeline(run, log)) == len(_timeline(run, BUNDLED)) + 6
    again = _import(run, log, str(DATA / "icews.tab"), "--between", "RW", "PK", "--into", str(tmp_path / "icews.toml"))
    assert "nothing to add" in again


def test_into_a_file_the_log_does_not_include_is_refused(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    (tmp_path / "other.toml").write_text("", encoding="utf-8")
    result = run("--file", str(log), "import", str(DATA / "icews.tab"), "--into", str(tmp_path / "other.toml"))
    assert result.exit_code == 2
    assert "does not include it" in result.stderr
    assert log.read_bytes() == BUNDLED.read_bytes()


def test_the_query_after_an_import_is_answered_from_the_cache(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _copy_of_bundled(tmp_path)
    bundled = len(_timeline(run, BUNDLED))
    _import(run, log, str(DATA / "icews.tab"))
    import rwpk_cli.log.parse as parse

    def no_parse(*_: object) -> None:
        raise AssertionError("the log was parsed again")

    monkeypatch.setattr(parse, "parse_log", no_parse)
    monkeypatch.setattr(parse.LogFile, "__init__", no_parse)
    assert len(_timeline(run, log)) == bundled + 7


def test_an_import_into_a_log_that_changed_meanwhile_is_refused(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _copy_of_bundled(tmp_path)
    import rwpk_cli.read.plan as plan

    real = plan.plan_events

    def meanwhile(*args: Any) -> Any:
        with log.open("a", encoding="utf-8") as handle:
            handle.write("\n# a note saved by an editor\n")
        return real(*args)

    monkeypatch.setattr(plan, "plan_events", meanwhile)
    result = run("--file", str(log), "import", str(DATA / "icews.tab"))
    assert result.exit_code == 75
    assert log.read_text(encoding="utf-8").endswith("# a note saved by an editor\n")


# --- the library: readers and blocks ----------------------------------------------------------------


def test_the_readers_are_usable_without_the_command_line() -> None:
    source = Input("icews.tab", "icews.tab", (DATA / "icews.tab").read_text(encoding="utf-8"))
    reading = read_file(FORMATS["icews"], source)
    outcome = plan_events(None, reading, Selection(between=("RW", "PK")))
    assert (outcome.new, outcome.already) == (6, 0)
    assert outcome.skipped["not between RW–PK"] == 1
    log = parse_log(outcome.block, "x.toml")
    assert len(log.events) == 6
    assert all(e.imported and e.imported.startswith("icews:") for e in log.events)


@settings(max_examples=examples(100))
@given(
    title=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1).filter(str.strip),
    people=st.lists(
        st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1).filter(lambda t: t.strip() == t != ""),
        max_size=3,
    ),  # a participant's name is read without the spaces around it, as in any log
)
def test_any_text_written_as_a_block_reads_back_exactly(title: str, people: list[str]) -> None:
    block = event_blocks([NewEvent("2024-01-03", "meeting", title, tuple(people), summary=title, imported="x:1")])
    event = parse_log(block, "x.toml").events[0]
    assert (event.title, event.summary, event.imported) == (title, title, "x:1")
    assert [p.name for p in event.participants] == people


ACTOR_TABLES = [
    '[actor.x]\nname = "X"\n',
    '[actor.x]\nname = "X"\nroles = []\n',
    '[actor.x]\nname = "X"\nroles = [{ title = "A", since = 2020-01-01 }]\ncountry = "RW"\n',
    '[actor.x]\nname = "X"\nroles = [\n  { title = "A", since = "2019" },  # a comment ] with a bracket\n]\n',
    '[actor.x]\nname = "X"\nroles = [\n  { title = "A]", since = "2019" }\n]\n\n[actor.y]\nname = "Y"\n',
    '[actor.x] # the actor\naliases = [\n  "a",\n  "b",\n]\nname = """X\n[not a table]"""\n',
]


@pytest.mark.parametrize("table", ACTOR_TABLES)
def test_roles_are_inserted_into_any_shape_of_actor_table_and_nothing_else_changes(table: str) -> None:
    text = f'# a log\n{table}\n[[event]]\ndate = 2024-01-03\nkind = "meeting"\ntitle = "T"\nparticipants = ["x"]\n'
    before = parse_log(text, "x.toml")
    after_text = with_roles(text, {"x": before.actors["x"].line}, {"x": [{"title": "New", "since": "2024-03-11"}]})
    assert keeps_every_byte(text, after_text)
    after = parse_log(after_text, "x.toml")
    assert after.actors["x"].roles[:-1] == before.actors["x"].roles
    assert after.actors["x"].roles[-1].title == "New"
    unplaced = [e._replace(line=0, participants_line=0) for e in after.events]
    assert unplaced == [e._replace(line=0, participants_line=0) for e in before.events]
    assert after.actors.keys() == before.actors.keys()


@pytest.mark.parametrize(
    "text",
    [
        "",
        '[log]\ntitle = "T"\n',
        '[log]\ninclude = ["a.toml"]\ntitle = "T"\n',
        '# c\n[log] # x\ntitle = "T"\n\n[actor.a]\nname = "A"\n',
    ],
)
def test_an_include_is_added_to_any_shape_of_log_table(text: str) -> None:
    after = with_include(text, "new.toml")
    assert keeps_every_byte(text, after)
    found = tomllib.loads(after)["log"]["include"]
    assert found[-1] == "new.toml"
    assert found[:-1] == tomllib.loads(text).get("log", {}).get("include", [])


@settings(max_examples=examples(200))
@given(
    old=st.text(max_size=40),
    inserts=st.lists(st.tuples(st.integers(0, 40), st.text(min_size=1, max_size=5)), max_size=4),
)
def test_keeps_every_byte_holds_exactly_for_insertions(old: str, inserts: list[tuple[int, str]]) -> None:
    new = old
    for at, piece in sorted(inserts, reverse=True):
        new = new[: min(at, len(old))] + piece + new[min(at, len(old)) :]
    assert keeps_every_byte(old, new)


@pytest.mark.parametrize(
    ("old", "new"), [("ab", "ba"), ("abc", "ac"), ("a" * 5000 + "b", "a" * 5000), ("x = 1\n", "x = 2\n"), ("é", "e")]
)
def test_keeps_every_byte_finds_a_change_or_a_loss(old: str, new: str) -> None:
    assert not keeps_every_byte(old, new)


def test_a_large_log_with_a_source_declared_after_its_events_loads_whole(tmp_path: Path) -> None:
    from rwpk_cli.log.parse import CHUNK_EVENTS

    events = [NewEvent("2024-01-03", "meeting", f"Meeting {n}", id=f"e{n}") for n in range(CHUNK_EVENTS + 5)]
    cited = NewEvent("2024-01-04", "meeting", "Cited", sources=("late",), id="cited")
    text = event_blocks([*events, cited]) + "\n" + source_blocks([NewSource("late", "Declared after the events")])
    log = parse_log(text, "big.toml")
    assert log.sources["late"].title == "Declared after the events"
    assert len(log.events) == CHUNK_EVENTS + 6


@st.composite
def _blocks(draw: st.DrawFn) -> str:
    """New actors, sources and events, whose names may fit the old log's free-text participants."""
    names = draw(st.lists(st.sampled_from(["A Stranger", "Person 0", "Stranger", "New Person", "a0"]), max_size=2))
    actors = [NewActor(f"n{i}", name, "RW") for i, name in enumerate(dict.fromkeys(names))]
    sources = [NewSource("s2", "Another")] if draw(st.booleans()) else []
    people = tuple(draw(st.lists(st.sampled_from(["a0", "n0", "A Stranger", "Someone"]), max_size=2, unique=True)))
    cite = draw(st.sampled_from([(), ("s1",), ("s2",), ("missing",)]))
    ident = draw(st.sampled_from([None, "e0", "new"]))
    events = [NewEvent(draw(_DATES), "meeting", draw(_TEXT), people, sources=cite, id=ident)]
    return "\n".join(p for p in (source_blocks(sources), actor_blocks(actors), event_blocks(events)) if p)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_logs(), block=_blocks())
def test_a_block_checked_against_the_log_read_gives_what_a_full_parse_gives(text: str, block: str) -> None:
    from rwpk_cli.errors import UsageError
    from rwpk_cli.write.append import plan, plan_records

    log = parse_log(text, "x.toml")
    try:
        full = plan(text, block, "x.toml", checked=True)
    except UsageError as error:
        refused = str(error)
    else:
        refused = ""
    if refused:  # the same refusal, with the same message
        with pytest.raises(UsageError, match=f"^{re.escape(refused)}$"):
            plan_records(text, block, "x.toml", log)
        return
    quick = plan_records(text, block, "x.toml", log)
    assert quick.text == full.text
    assert quick.first_line == full.first_line
    assert quick.log == full.log


def test_an_imported_block_is_checked_without_parsing_the_log_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import rwpk_cli.write.append as append

    text = BUNDLED.read_text(encoding="utf-8")
    log = parse_log(text, "events.toml")
    reading = read_file(
        FORMATS["icews"], Input("icews.tab", "icews.tab", (DATA / "icews.tab").read_text(encoding="utf-8"))
    )
    block = plan_events(log, reading, Selection()).block

    def no_full_parse(*_: object, **__: object) -> None:
        raise AssertionError("the whole log was parsed again")

    monkeypatch.setattr(append, "plan", no_full_parse)
    addition = append.plan_records(text, block, "events.toml", log)
    assert len(addition.log.events) == len(log.events) + 7
    assert addition.log.actors.keys() > log.actors.keys()


# --- calendars as calendar programs write them ------------------------------------------------------


def test_a_google_calendar_gives_each_event_its_days_in_the_calendars_zone(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "desk.toml"
    said = _import(run, log, str(DATA / "google.ics"))
    assert "5 new, 0 already in the log, 3 skipped (2 recurring, 1 cancelled)" in said
    days = {e["title"][:20]: (e["start"], e["end"], e["kind"]) for e in _timeline(run, log)}
    assert days["Dinner with the Rwan"][:2] == ("2025-06-21", "2025-06-21")  # 20:00 UTC is 01:00 in Karachi
    assert days["Call with Kigali"] == ("2025-03-10", "2025-03-10", "call")  # until midnight: one day
    assert days["Trade delegation in "] == ("2025-04-12", "2025-04-14", "visit")  # DTEND is exclusive
    assert days["Consultations in Isl"][:2] == ("2025-05-01", "2025-05-03")  # DURATION:P3D
    dinner = next(e for e in _timeline(run, log) if e["title"].startswith("Dinner"))
    assert [p["name"] for p in dinner["participants"]] == ["Dar, Ishaq"]
    assert dinner["summary"] == "Courtesy dinner, no press.\nSecond line."
    again = _import(run, log, str(DATA / "google.ics"))
    assert "0 new, 5 already in the log" in again  # the event without a UID too


def test_an_event_changed_in_the_calendar_since_its_import_is_reported_not_rewritten(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "desk.toml"
    calendar = tmp_path / "desk.ics"
    calendar.write_bytes((DATA / "google.ics").read_bytes())
    _import(run, log, str(calendar))
    before = log.read_bytes()
    calendar.write_bytes(calendar.read_bytes().replace(b"SUMMARY:Call with Kigali", b"SUMMARY:Call with Kigali, moved"))
    said = _import(run, log, str(calendar))
    assert "1 already imported changed in the file since" in said
    assert "edit them by hand" in said
    assert log.read_bytes() == before


def test_a_truncated_calendar_is_refused(run: Run, tmp_path: Path) -> None:
    cut = tmp_path / "cut.ics"
    cut.write_bytes((DATA / "google.ics").read_bytes()[:700])
    result = run("--file", str(tmp_path / "log.toml"), "import", str(cut))
    assert result.exit_code == 65
    assert "the calendar is cut short: there is no END:VCALENDAR" in result.stderr


# --- names and countries ------------------------------------------------------------------------------


def test_a_dataset_country_is_not_taken_for_an_actor_whose_name_merely_starts_with_it(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    assert "pakistan-mission-un" in log.read_text(encoding="utf-8")
    _import(run, log, str(DATA / "icews.tab"), "--between", "RW", "PK")
    visit = next(
        e
        for e in _timeline(run, log)
        if e["date"] == "2024-01-03" and e["kind"] == "visit" and e["sources"][0].startswith("icews")
    )
    ids = [p["id"] for p in visit["participants"]]
    assert "muganga" in ids
    assert "pakistan-mission-un" not in ids
    assert next(p for p in visit["participants"] if p["name"] == "Pakistan")["country"] == "PK"


def test_between_counts_a_sheets_participants_by_the_logs_actors_countries(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    said = _import(run, log, str(SHEET), "--rules", str(RULES), "--between", "RW", "PK")
    assert ": 6 new, 0 already in the log, 26 skipped (23 not between RW–PK" in said  # rows naming both sides


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--between", "RW", "RW"], "give two different countries"),
        (["--between", "RW", "XX"], "'XX': not a country code"),
        (["--since", "2025", "--until", "2024"], "--since 2025 is after --until 2024"),
        (["roles"], "rwpk import roles needs the file of tenures"),
    ],
)
def test_a_selection_that_can_match_nothing_is_a_usage_error(
    args: list[str], message: str, run: Run, tmp_path: Path
) -> None:
    files = [] if args == ["roles"] else [str(DATA / "icews.tab")]
    result = run("--file", str(tmp_path / "log.toml"), "import", *files, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "log.toml").exists()


def test_a_country_name_rwpk_cannot_read_is_said_not_dropped(run: Run, tmp_path: Path) -> None:
    rows = (DATA / "icews.tab").read_text(encoding="utf-8").splitlines()
    odd = rows[10].replace("\tKenya\t", "\tOccupied Palestinian Territory\t").replace("Kenya", "Palestine")
    drc = rows[10].replace("Kenya", "Congo, Democratic Republic of")
    sheet = tmp_path / "odd.tab"
    sheet.write_text("\n".join([rows[0], odd, drc.replace("40000010", "40000099")]) + "\n", encoding="utf-8")
    result = run("--file", str(tmp_path / "log.toml"), "import", str(sheet))
    assert result.exit_code == 0
    assert "countries rwpk does not know, so their actors have no country: 'Occupied Palestinian Territory' (1)" in (
        result.stderr
    )
    countries = {p["name"]: p["country"] for e in _timeline(run, tmp_path / "log.toml") for p in e["participants"]}
    assert countries["Congo, Democratic Republic of"] == "CD"  # the same words as ISO's name, in another order


def test_a_whogov_tenure_in_the_files_last_year_has_no_end_yet(run: Run, tmp_path: Path) -> None:
    log = _copy_of_bundled(tmp_path)
    assert run("--file", str(log), "import", "roles", str(DATA / "whogov.csv")).exit_code == 0
    data = tomllib.loads(log.read_text(encoding="utf-8"))
    marizamunda = next(a for a in data["actor"].values() if a["name"] == "Juvenal Marizamunda")
    assert {"title": "Min. of Defence", "since": "2023"} in marizamunda["roles"]


def test_importing_and_adding_to_a_log_whose_declarations_are_in_an_included_file(run: Run, tmp_path: Path) -> None:
    main = tmp_path / "main.toml"
    main.write_text(
        '[log]\ntitle = "T"\ninclude = ["people.toml"]\n\n[[event]]\ndate = 2024-01-03\nkind = "meeting"\n'
        'title = "A"\nparticipants = ["dar"]\nsources = ["s1"]\n',
        encoding="utf-8",
    )
    (tmp_path / "people.toml").write_text(
        '[actor.dar]\nname = "Ishaq Dar"\ncountry = "PK"\n\n[source.s1]\ntitle = "S"\n'
    )
    said = _import(run, main, str(DATA / "icews.tab"))
    assert "7 new" in said
    call = next(e for e in _timeline(run, main) if e["date"] == "2024-03-15")
    assert "dar" in [p["id"] for p in call["participants"]]  # the actor the included file declares
    added = run(
        "--file",
        str(main),
        "add",
        "--date",
        "2024-02-01",
        "--kind",
        "call",
        "--title",
        "B",
        "--participant",
        "Ishaq Dar",
    )
    assert added.exit_code == 0, added.stderr
    assert run("--file", str(main), "check").exit_code == 0


def test_the_same_event_coded_again_in_the_next_gdelt_file_is_already_in_the_log(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "new.toml"
    _import(run, log, str(DATA / "gdelt.export.CSV"))
    first = (DATA / "gdelt.export.CSV").read_text(encoding="utf-8").splitlines()[0]
    later = tmp_path / "20250121000000.export.CSV"
    later.write_text(
        first.replace("1100000001", "1100000777").replace("/article/1", "/article/9") + "\n", encoding="utf-8"
    )
    said = _import(run, log, str(later))
    assert "0 new, 1 already in the log" in said
    assert run("--file", str(log), "check").exit_code == 0
    assert len([e for e in _timeline(run, log) if e["date"] == "2025-01-20"]) == 1


def test_an_unclosed_quote_is_listed_with_the_bad_rows_before_it(run: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "t.csv"
    sheet.write_text(
        'Ref,Date,Type,Subject\nA,31 February 2024,Meeting,X\nB,2024-01-01,Meeting,"open\n', encoding="utf-8"
    )
    rules = tmp_path / "t.rules.toml"
    rules.write_text(
        '[fields]\ndate = "Date"\nkind = { column = "Type", map = { "Meeting" = "meeting" } }\ntitle = "Subject"\n'
    )
    result = run("--file", str(tmp_path / "log.toml"), "import", str(sheet), "--rules", str(rules))
    assert result.exit_code == 65
    assert f"{sheet}:2: column 'Date':" in result.stderr
    assert (
        f"{sheet}:3: cannot be read as comma-separated text: a quote opened in this row is never closed"
        in result.stderr
    )
    assert "has 2 problems" in result.stderr
