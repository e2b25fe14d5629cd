"""Every command, format and exit code, through the CLI as a user runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from rwpk_cli import __version__
from rwpk_cli.log.files import bundled_log
from tests.conftest import Run

# What the bundled log must say, from the seed article checked against FACTS.md.
BUNDLED_SINCE_2024 = {
    "muganga-visit-islamabad-2024-01-03": ("2024-01-03", "visit"),
    "muganga-jilani-2024-01-03": ("2024-01-03", "meeting"),
    "muganga-mirza-2024-01-03": ("2024-01-03", "meeting"),
    "marizamunda-muneer-ud-din-2025-01-20": ("2025-01-20", "meeting"),
    "mou-political-consultations-2025-01": ("2025-01-20~/2025-01-21~", "agreement"),
    "political-consultations-2025-01": ("2025-01-20~/2025-01-21~", "consultation"),
    "defence-delegation-kigali-2025-01": ("2025-W04", "visit"),
    "foreign-ministry-delegation-kigali-2025-01": ("2025-W04", "visit"),
    "nduhungirehe-akram-2025-01": ("2025-W04", "meeting"),
    "pakistan-mission-statement-2025-01": ("2025-W04", "statement"),
    "unsc-counterterrorism-debate-2025-01-21": ("2025-01-21", "statement"),
}


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- the bundled log -----------------------------------------------------------------------------


def test_timeline_since_2024_on_the_bundled_log_lists_every_event_of_the_article(run: Run) -> None:
    events = _json(run("timeline", "--since", "2024-01", "--format", "json"))
    assert {e["id"]: (e["date"], e["kind"]) for e in events} == BUNDLED_SINCE_2024
    starts = [(e["start"], e["end"], e["id"]) for e in events]
    assert starts == sorted(starts)


def test_timeline_table_names_the_log_and_shows_readable_dates(run: Run) -> None:
    result = run("timeline", "--since", "2024-01", "--format", "table")
    assert result.exit_code == 0
    out = result.stdout
    expected = [
        "Rwanda–Pakistan relations", "3 Jan 2024", "week of 20 Jan 2025", "c. 20–21 Jan 2025",
        "Mubarakh Muganga (RW)", "Sahir Shamshad Mirza (PK)", "Islamabad", "11 events", "events.toml",
        "Date", "Kind", "Event", "Participants", "Place",
    ]  # fmt: skip
    assert [text for text in expected if text not in out] == []
    assert "1962" not in out
    assert result.stderr == ""


def test_relations_of_1962_are_in_the_full_timeline(run: Run) -> None:
    events = _json(run("timeline", "--format", "json"))
    first = events[0]
    assert (first["id"], first["date"], first["precision"]) == ("relations-established", "1962-07", "month")
    assert len(events) == 12


def test_meetings_of_nduhungirehe_show_titles_at_the_time(run: Run) -> None:
    result = run("meetings", "Nduhungirehe", "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "Meetings of Olivier Nduhungirehe" in result.stdout
    assert "Munir Akram (PK)" in result.stdout
    assert "week of 20 Jan 2025" in result.stdout
    events = _json(run("meetings", "olivier nduh", "--format", "json"))
    assert [e["id"] for e in events] == ["nduhungirehe-akram-2025-01"]
    people = {p["id"]: p["title"] for p in events[0]["participants"]}
    assert people == {
        "nduhungirehe": "Minister of Foreign Affairs and International Cooperation",
        "akram": "Permanent Representative of Pakistan to the United Nations",
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Gen Mubarakh Muganga",
            {"muganga-visit-islamabad-2024-01-03", "muganga-jilani-2024-01-03", "muganga-mirza-2024-01-03"},
        ),
        ("Maj Gen Muneer-ud-Din", {"marizamunda-muneer-ud-din-2025-01-20", "defence-delegation-kigali-2025-01"}),
        ("mukeka", {"political-consultations-2025-01", "mou-political-consultations-2025-01"}),
        ("Ambassador Akram", {"nduhungirehe-akram-2025-01"}),
    ],
)
def test_meetings_by_any_form_of_the_name(run: Run, name: str, expected: set[str]) -> None:
    assert {e["id"] for e in _json(run("meetings", name, "--format", "json"))} == expected


@pytest.mark.parametrize("kinds", [["statement"], ["statement", "meeting"], ["other"]])
def test_meetings_refuse_a_kind_they_never_show(run: Run, kinds: list[str]) -> None:
    result = run("meetings", "Nduhungirehe", *(a for k in kinds for a in ("--kind", k)))
    assert result.exit_code == 2
    outside = ", ".join(sorted(k for k in kinds if k != "meeting"))
    assert result.stderr == (
        f"rwpk: --kind {outside}: meetings shows only meeting, visit, consultation, agreement, call; "
        f"for other kinds use rwpk timeline --official nduhungirehe --kind {outside.split(', ')[0]}\n"
    )
    assert result.stdout == ""


def test_meetings_exclude_statements(run: Run) -> None:
    ids = {e["id"] for e in _json(run("meetings", "nduhungirehe", "--format", "json"))}
    assert "unsc-counterterrorism-debate-2025-01-21" not in ids


def test_actors_json_on_the_bundled_log(run: Run) -> None:
    actors = {a["id"]: a for a in _json(run("actors", "--format", "json"))}
    assert actors["muganga"] == {
        "id": "muganga",
        "name": "Mubarakh Muganga",
        "country": "RW",
        "role": "Chief of Defence Staff, Rwanda Defence Force",
        "events": 3,
        "meetings": 3,
        "first": "2024-01-03",
        "last": "2024-01-03",
        "first_date": "2024-01-03",
        "last_date": "2024-01-03",
        "counterparts": ["Jalil Abbas Jilani", "Sahir Shamshad Mirza"],
    }
    assert actors["hamid-asghar-khan"]["counterparts"] == ["Clementine Mukeka"]
    assert actors["nduhungirehe"]["role"] == "Minister of Foreign Affairs and International Cooperation"
    assert actors["pakistan-mission-un"]["meetings"] == 0
    assert set(actors) >= {"akram", "mirza", "jilani", "marizamunda", "nyakarundi", "mukeka", "muneer-ud-din"}


def test_actors_country_filter(run: Run) -> None:
    actors = _json(run("actors", "--country", "pk", "--format", "json"))
    assert {a["country"] for a in actors} == {"PK"}
    assert len(actors) == 6


def test_actors_table(run: Run) -> None:
    result = run("actors", "--format", "table")
    assert result.exit_code == 0
    assert "Latest role" in result.stdout
    assert "Juvenal Marizamunda" in result.stdout
    assert "Minister of Defence" in result.stdout


def test_export_md_is_the_same_document_as_timeline_md(run: Run) -> None:
    exported = run("export", "--format", "md")
    assert exported.exit_code == 0
    assert exported.stdout == run("timeline", "--format", "md").stdout
    assert exported.stdout == run("export").stdout  # Markdown is the default


def test_check_on_the_bundled_log_is_silent(run: Run) -> None:
    result = run("check")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_version_and_help(run: Run) -> None:
    assert run("--version").stdout == f"rwpk {__version__}\n"
    result = run("--help")
    assert result.exit_code == 0
    for command in ("timeline", "meetings", "actors", "export", "check", "dates"):
        assert command in result.stdout


# --- which log is used ---------------------------------------------------------------------------


def test_file_option_beats_environment_beats_cwd_beats_bundled(
    run: Run, small_log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Rwanda–Pakistan" in run("timeline", "--format", "table").stdout
    local = Path.cwd() / "events.toml"
    local.write_text('[log]\ntitle = "Local log"\n', encoding="utf-8")
    assert "Local log" in run("timeline", "--format", "table").stdout
    monkeypatch.setenv("RWPK_FILE", str(small_log))
    assert "Test relations" in run("timeline", "--format", "table").stdout
    other = tmp_path / "other.toml"
    other.write_text('[log]\ntitle = "Chosen by option"\n', encoding="utf-8")
    assert "Chosen by option" in run("--file", str(other), "timeline", "--format", "table").stdout


def test_stdin_log(run: Run, small_log: Path) -> None:
    result = run("--file", "-", "timeline", "--format", "json", input=small_log.read_text(encoding="utf-8"))
    assert [e["id"] for e in _json(result)] == ["first", "relative", "late", "statement"]
    bad = run("--file", "-", "check", input="[[event]]\ndate = 'nope'\nkind = 'call'\ntitle = 'T'\n")
    assert bad.exit_code == 65
    assert bad.stderr.startswith("<stdin>:2: event #1 ('T'): date: cannot read 'nope'")


def test_missing_file_exits_66(run: Run) -> None:
    result = run("--file", "nowhere.toml", "timeline")
    assert result.exit_code == 66
    assert result.stderr == (
        "rwpk: nowhere.toml: no such file; check the path, or run rwpk without --file to use ./events.toml\n"
    )


def test_bundled_log_is_the_repository_file() -> None:
    top = Path(__file__).resolve().parent.parent / "events.toml"
    assert bundled_log().read_bytes() == top.read_bytes()


# --- the small log: tenures, free-text people, relative dates, filters ----------------------------


def test_titles_follow_tenures_and_end_with_them(run: Run, small_log: Path) -> None:
    events = {e["id"]: e for e in _json(run("--file", str(small_log), "timeline", "--format", "json"))}
    first = {p["id"]: (p["title"], p["title_certain"]) for p in events["first"]["participants"]}
    # Beta was Envoy "until 2020": on 4 May 2020 the tenure may already have ended.
    assert first == {"alpha": ("Ambassador", True), "beta": ("Envoy", False)}
    late = events["late"]["participants"]
    assert [(p["id"], p["title"]) for p in late] == [("alpha", "Foreign Minister"), ("beta", None), (None, None)]
    assert late[2] == {"id": None, "name": "A Stranger", "country": None, "title": None, "title_certain": True}
    gamma = events["statement"]["participants"][0]
    assert (gamma["id"], gamma["title"]) == ("gamma", None)  # an actor with no roles


def test_relative_date_resolves_against_the_first_source(run: Run, small_log: Path) -> None:
    events = {e["id"]: e for e in _json(run("--file", str(small_log), "timeline", "--format", "json"))}
    relative = events["relative"]
    assert (relative["date"], relative["start"], relative["end"], relative["precision"]) == (
        "2021-W09", "2021-03-01", "2021-03-07", "week",
    )  # fmt: skip


def test_relative_date_prefers_as_of(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "asof.toml"
    log.write_text(
        '[source.s]\npublished = 2021-03-10\n\n[[event]]\ndate = "yesterday"\nas_of = 2022-02-02\n'
        'kind = "call"\ntitle = "T"\nsources = ["s"]\n',
        encoding="utf-8",
    )
    (event,) = _json(run("--file", str(log), "timeline", "--format", "json"))
    assert event["date"] == "2022-02-01"
    assert event["id"] == "2022-02-01-t"  # derived from the date and the title


def _ids(run: Run, log: Path, *args: str) -> list[str]:
    return [e["id"] for e in _json(run("--file", str(log), "timeline", *args, "--format", "json"))]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["first", "relative", "late", "statement"]),
        (("--since", "2021-06"), ["late", "statement"]),
        (("--since", "2022-06"), ["statement"]),  # overlap: an event dated 2022 is kept
        (("--since", "2022-06", "--strict"), []),
        (("--until", "2021-03-03"), ["first", "relative"]),
        (("--until", "2021-03-03", "--strict"), ["first"]),
        (("--on", "2021"), ["relative", "late"]),
        (("--on", "2021-08-15"), ["late"]),
        (("--on", "2021-08-15", "--strict"), []),
        (("--kind", "meeting", "--kind", "visit"), ["first", "late"]),
        (("--official", "Ada"), ["first", "relative", "late"]),
        (("--official", "alpha", "--official", "Béta"), ["first", "late"]),
        (("--official", "bruno beta"), ["first", "late"]),
        (("--country", "bb"), ["first", "relative", "late", "statement"]),
        (("--country", "AA", "--kind", "statement"), []),
        (("--tag", "press"), ["statement"]),
        (("--tag", "security", "--tag", "press"), ["first", "statement"]),
        (("--search", "CAPITAL"), ["first", "late"]),
        (("--search", "envoy posting"), ["late"]),
        (("--limit", "2"), ["first", "relative"]),
        (("--reverse", "--limit", "2"), ["statement", "late"]),
        (("--since", "last year", "--as-of", "2022-05-05"), ["relative", "late", "statement"]),
    ],
)
def test_filters(run: Run, small_log: Path, args: tuple[str, ...], expected: list[str]) -> None:
    assert _ids(run, small_log, *args) == expected


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("timeline", "--since", "03/01/2024"), 2, "rwpk: --since: '03/01/2024' reads two ways"),
        (("timeline", "--until", "whenever"), 2, "rwpk: --until: cannot read 'whenever' as a date"),
        (("timeline", "--official", "Zed"), 2, "rwpk: no actor matches 'Zed'."),
        (("timeline", "--official", "Alpah"), 2, "Did you mean 'Ada Alpha'?"),
        (("meetings", "nobody"), 2, "no actor matches 'nobody'"),
        (
            ("timeline", "--format", "xml"),
            2,
            "'xml' is not one of table, md, csv, json, tsv, jsonl, ics, timelinejs, html",
        ),
        (("timeline", "--kind", "party"), 2, "party"),
        (("actor", "Akram", "--format", "csv"), 2, "'csv' is not one of table, md, json"),
        (("dates", "January 31 and 30"), 2, "rwpk: EXPR: 'January 31 and 30': the second day comes before the first"),
    ],
)
def test_usage_errors_exit_2(run: Run, small_log: Path, args: tuple[str, ...], code: int, message: str) -> None:
    result = run("--file", str(small_log), *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_ambiguous_official_lists_candidates(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "khans.toml"
    log.write_text('[actor.a]\nname = "Ali Khan"\n\n[actor.b]\nname = "Hamid Khan"\n', encoding="utf-8")
    result = run("--file", str(log), "meetings", "Khan")
    assert result.exit_code == 2
    assert result.stderr == (
        "rwpk: 'Khan' fits several actors: Ali Khan (a); Hamid Khan (b). Use more of the name or the actor id.\n"
    )


def test_meetings_md_and_json_on_the_small_log(run: Run, small_log: Path) -> None:
    md = run("--file", str(small_log), "meetings", "alpha", "--format", "md").stdout
    assert md.startswith("# Meetings of Ada Alpha\n")
    assert "as *Ambassador*" in md
    assert "as *Foreign Minister*" in md
    assert "with Bruno Béta (BB), *Envoy?*" in md
    events = _json(run("--file", str(small_log), "meetings", "alpha", "--format", "json"))
    assert [e["id"] for e in events] == ["first", "relative", "late"]


def test_check_reports_unknown_tables_as_warnings_without_failing(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "extra.toml"
    log.write_text('[log]\ntitle = "x"\n\n[notes]\ntext = "kept by the user"\n', encoding="utf-8")
    result = run("--file", str(log), "check")
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"{log}:4: warning: unknown table [notes] is ignored; rwpk reads log, actor, source, event, trade\n"
    )


# --- dates ---------------------------------------------------------------------------------------


def test_dates_json(run: Run) -> None:
    assert _json(run("dates", "last week", "--as-of", "2025-01-24", "--format", "json")) == {
        "text": "last week",
        "start": "2025-01-13",
        "end": "2025-01-19",
        "precision": "week",
        "approximate": False,
        "uncertain": False,
        "canonical": "2025-W03",
        "label": "week of 13 Jan 2025",
    }


def test_dates_table(run: Run) -> None:
    result = run("dates", "early 2024")
    assert result.exit_code == 0
    for text in ("c. Jan–Apr 2024", "2024-01~/2024-04~", "2024-01-01", "2024-04-30", "range", "yes"):
        assert text in result.stdout


# --- export to a file ----------------------------------------------------------------------------


def test_export_writes_a_file_atomically_and_infers_the_format(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run("export", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"rwpk: wrote {target}\n"
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 12
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind
    md = tmp_path / "report.md"
    run("export", "-o", str(md))
    assert md.read_text(encoding="utf-8").startswith("# Rwanda–Pakistan relations\n")


def test_export_to_dash_is_stdout(run: Run) -> None:
    result = run("export", "-o", "-")
    assert result.stdout.startswith("# Rwanda–Pakistan relations")


def test_failed_export_leaves_the_old_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "keep.md"
    target.write_text("old report\n", encoding="utf-8")
    result = run("--file", str(tmp_path / "missing.toml"), "export", "-o", str(target))
    assert result.exit_code == 66
    assert target.read_text(encoding="utf-8") == "old report\n"
    unwritable = run("export", "-o", str(tmp_path / "no-such-folder" / "r.md"))
    assert unwritable.exit_code == 73
    assert "cannot write" in unwritable.stderr


# --- hostile text in the terminal ----------------------------------------------------------------


def test_terminal_output_shows_markup_and_controls_literally(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "hostile.toml"
    log.write_text(
        '[[event]]\ndate = 2024-01-01\nkind = "other"\n'
        'title = "[bold red]x[/] :smile: \\u001b[31mred\\u202e"\nplace = "<script>"\n',
        encoding="utf-8",
    )
    result = run("--file", str(log), "timeline")
    assert result.exit_code == 0
    assert "[bold red]x[/] :smile: ␛[31mred<U+202E>" in result.stdout
    assert "\x1b" not in result.stdout
    assert "<script>" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["timeline", "--country", "ZZ"], 2, "rwpk: --country ZZ: the log has no country 'ZZ' (the log has: PK, RW)\n"),
        (["meetings", "Akram", "--country", "ZZ"], 2, "--country ZZ: the log has no country 'ZZ'"),
        (["export", "--country", "zz"], 2, "--country ZZ: the log has no country 'ZZ'"),
        (["timeline", "--tag", "counterterrorisn"], 2,
         "rwpk: --tag counterterrorisn: the log has no tag 'counterterrorisn'; did you mean 'counterterrorism'? "
         "(the log has: counterterrorism, defence, diplomacy, diplomatic-relations, mou, security, un)\n"),
        (["stats", "--tag", "nosuch"], 2, "--tag nosuch: the log has no tag 'nosuch' (the log has: "),
        (["timeline", "--since", "2025", "--until", "2024"], 2,
         "rwpk: --since 2025 is after --until 2024; swap them, or use --on for one period\n"),
        (["trade", "--from", "XX"], 2, "rwpk: --from XX: the log has no trade with 'XX' (the log has: PK, RW)\n"),
        (["trade", "--to", "xx"], 2, "--to XX: the log has no trade with 'XX'"),
        (["timeline", "--kind", "call", "--since", "2025-06"], 0, "rwpk: no events match these filters\n"),
        (["meetings", "Akram", "--since", "2026"], 0, "rwpk: no events match these filters\n"),
        (["trade", "--year", "1990"], 0, "rwpk: no trade figures match\n"),
        (["timeline", "--tag", "UN", "--since", "2026"], 0, "rwpk: no events match these filters\n"),
    ],
)  # fmt: skip
def test_an_empty_answer_is_never_silent(run: Run, args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    if code:
        assert result.stdout == ""


def test_a_real_answer_says_nothing_more(run: Run) -> None:
    result = run("timeline", "--country", "pk", "--tag", "un", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--format", "json", "--file", "{log}"],
        ["timeline", "-f", "{log}", "--format", "json"],
        ["timeline", "--format", "json", "--file={log}", "--no-cache"],
        ["--no-cache", "timeline", "--format", "json", "-f", "{log}"],
        ["meetings", "alpha", "--format", "json", "-f", "{log}"],
    ],
)
def test_the_global_options_may_follow_the_command(run: Run, small_log: Path, args: list[str]) -> None:
    result = run(*(a.replace("{log}", str(small_log)) for a in args))
    assert result.exit_code == 0, result.stderr
    assert "Ada Alpha" in result.stdout  # the small log's, not the bundled log's


def test_no_cache_after_the_command_leaves_the_cache_alone(run: Run, small_log: Path) -> None:
    from rwpk_cli.log.cache import cache_dir

    assert run("timeline", "-f", str(small_log), "--no-cache").exit_code == 0
    assert not cache_dir().exists()
    assert run("timeline", "-f", str(small_log)).exit_code == 0
    assert any(cache_dir().iterdir())


def test_add_takes_the_file_after_its_subcommand(run: Run, small_log: Path) -> None:
    added = run("add", "--date", "2024-02-02", "--kind", "call", "--title", "Later", "-f", str(small_log))
    assert added.exit_code == 0, added.stderr
    actor = run("add", "actor", "zed", "--name", "Zed", "--country", "ZZ", "--file", str(small_log))
    assert actor.exit_code == 0, actor.stderr
    text = small_log.read_text(encoding="utf-8")
    assert 'title = "Later"' in text
    assert "[actor.zed]" in text


def test_a_missing_log_named_by_the_environment_says_so(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RWPK_FILE", str(tmp_path / "gone.toml"))
    result = run("timeline")
    assert result.exit_code == 66
    assert result.stderr == (
        f"rwpk: {tmp_path / 'gone.toml'}: no such file, named by $RWPK_FILE; check the path, or unset RWPK_FILE "
        "to use ./events.toml\n"
    )
    given = run("--file", str(tmp_path / "gone.toml"), "timeline")
    assert "or run rwpk without --file" in given.stderr


def test_bare_rwpk_lists_the_commands_on_stdout(run: Run) -> None:
    from rwpk_cli.cli.app import ORDER

    result = run()
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "rwpk: a diplomatic timeline from a plain-text TOML log."
    assert [line.split()[0] for line in lines if line.startswith("  ")] == list(ORDER)
    assert "Example: rwpk timeline --since 2024-01" in lines
    assert max(len(line) for line in lines) <= 80
    assert "..." not in result.stdout


def test_every_command_has_a_summary_that_fits_80_columns(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    listing = run("--help").stdout.split("Commands:")[1]
    assert "..." not in listing
    assert all(len(line) <= 80 for line in listing.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timelin"], "No such command 'timelin'. Did you mean 'timeline'?"),
        (["meeting", "Akram"], "No such command 'meeting'. Did you mean 'meetings'?"),
        (["zzz"], "No such command 'zzz'. The commands: timeline, meetings, actors,"),
        (["timeline", "--kind", "meetin"], "'meetin' is not one of 'meeting', 'visit',"),
        (["timeline", "--kind", "meetin"], "Did you mean 'meeting'?"),
        (["add", "--kind", "vist", "--date", "2024", "--title", "T", "--dry-run"], "did you mean 'visit'?"),
    ],
)
def test_a_near_miss_gets_did_you_mean(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message.lower() in " ".join(result.stderr.split()).lower()


HELP_COMMANDS = [["timeline"], ["meetings"], ["actors"], ["export"], ["check"], ["dates"], ["add"], ["add", "actor"],
                 ["add", "source"], ["actor"], ["network"], ["trade"], ["stats"]]  # fmt: skip


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=" ".join)
def test_command_help_reads_cleanly_at_80_columns(
    run: Run, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = run(*command, "--help").stdout
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "[x>=" not in text  # no Click jargon
    assert "--install-completion" not in text  # only the root installs completion
    assert text.count("(default") + text.count("[default:") <= len(set(re.findall(r"^\s+(-\S+)", text, re.M)))
    assert len(re.findall(r"(?i)^(?:positional )?arguments:$", text, flags=re.M)) <= 1  # listed once
    parts = re.split(r"(?i)^(?:positional )?arguments:$", text, flags=re.M)
    arguments = parts[1].split("Options:")[0] if len(parts) > 1 else ""
    for line in filter(str.strip, arguments.splitlines()):  # every positional argument says what it is
        assert len(line.split()) > 2, line


@pytest.mark.parametrize("command", [["add", "actor"], ["add", "source"], ["add"]], ids=" ".join)
def test_help_examples_paste_as_they_are(run: Run, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = run(*command, "--help").stdout
    examples = text.split("Examples:")[1].split("\n\n")[1]
    joined = re.sub(r" \\\n\s+", " ", examples.strip())
    for example in joined.splitlines():
        assert example.strip().startswith("rwpk add"), example
        assert example.count('"') % 2 == 0, example  # no quoted argument cut by a re-wrap


@pytest.mark.parametrize(
    ("command", "fields"),
    [(["timeline"], 6), (["meetings", "Nduhungirehe"], 6), (["actors"], 9), (["network"], 6), (["trade"], 5)],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_into_a_pipe_a_list_view_prints_one_line_per_record(run: Run, command: list[str], fields: int) -> None:
    piped = run(*command)  # CliRunner's stdout is no terminal, as a pipe is not
    assert piped.exit_code == 0, piped.stderr
    lines = piped.stdout.splitlines()
    records = json.loads(run(*command, "--format", "json").stdout)
    assert len(lines) == len(records)
    assert all(line.count("\t") == fields - 1 for line in lines)
    assert all(line == line.rstrip(" ") for line in lines)
    assert "━" not in piped.stdout
    table = run(*command, "--format", "table")  # the table, forced
    assert "━" in table.stdout


def test_piped_timeline_keeps_each_record_whole_for_grep(run: Run) -> None:
    lines = [line.split("\t") for line in run("timeline").stdout.splitlines()]
    events = json.loads(run("timeline", "--format", "json").stdout)
    assert [fields[0] for fields in lines] == [e["id"] for e in events]
    assert [fields[1] for fields in lines] == [e["date"] for e in events]  # the canonical date, its precision kept
    assert [fields[3] for fields in lines] == [e["title"] for e in events]
    assert "2025-W04" in [fields[1] for fields in lines]


def test_an_ambiguous_name_lists_a_few_candidates_not_all(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "alike.toml"
    log.write_text("".join(f'[actor.a{n}]\nname = "Jean Pierre"\n' for n in range(30)), encoding="utf-8")
    result = run("--file", str(log), "meetings", "Jean Pierre")
    assert result.exit_code == 2
    assert "Jean Pierre (a0); Jean Pierre (a1);" in result.stderr
    assert result.stderr.count("Jean Pierre (") == 10
    assert "and 20 more. Use more of the name or the actor id." in result.stderr


TABLE_VIEWS = [["timeline"], ["meetings", "Nduhungirehe"], ["actors"], ["actor", "Akram"], ["network"], ["trade"],
               ["stats"], ["dates", "last week", "--as-of", "2025-01-24"]]  # fmt: skip
_EDGES = "()[],;:×✓—–·│┃━ "


def _tokens(text: str) -> list[str]:
    found = [t.strip(_EDGES) for line in text.splitlines() for t in line.split()]
    return [t for t in found if any(ch.isalnum() for ch in t)]  # words; bars are drawn to the space left


@pytest.mark.parametrize("width", [60, 80, 100, 140])
@pytest.mark.parametrize("command", TABLE_VIEWS, ids=" ".join)
def test_no_table_splits_a_word_at_any_width(
    run: Run, monkeypatch: pytest.MonkeyPatch, command: list[str], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    whole = set(_tokens(run(*command, "--format", "table").stdout))  # nothing wraps at 400 columns
    whole |= set(_tokens(f"hidden at {width} columns; widen the terminal, or --format md the bars"))
    monkeypatch.setenv("COLUMNS", str(width))
    shown = run(*command, "--format", "table").stdout
    assert all(len(line) <= width for line in shown.splitlines()), shown
    split = [t for t in _tokens(shown) if t not in whole and not t.endswith("…")]
    assert split == [], shown


def test_an_unknown_source_id_gets_did_you_mean(run: Run, tmp_path: Path) -> None:
    result = run("add", "--date", "2024-01-01", "--kind", "call", "--title", "T", "--source", "ktpress-2025-01-2",
                 "--dry-run")  # fmt: skip
    assert result.exit_code == 2
    assert "unknown source 'ktpress-2025-01-2'; did you mean 'ktpress-2025-01-21'?" in result.stderr


@pytest.mark.parametrize(("command", "width"), [(["trade"], 70), (["network"], 72)], ids=["trade", "network"])
def test_bars_are_drawn_to_the_space_left(
    run: Run, monkeypatch: pytest.MonkeyPatch, command: list[str], width: int
) -> None:
    def longest_bar(text: str) -> int:
        return max((len(t) for line in text.splitlines() for t in line.split() if set(t) <= set("█▉▊▋▌▍▎▏")),
                   default=0)  # fmt: skip

    monkeypatch.setenv("COLUMNS", "200")
    wide = longest_bar(run(*command, "--format", "table").stdout)
    monkeypatch.setenv("COLUMNS", str(width))
    narrow = run(*command, "--format", "table").stdout
    assert 0 < longest_bar(narrow) < wide
    assert all(len(line) <= width for line in narrow.splitlines())
