"""Analysis views keep each event's own date, count the other side as counterparts, and name them all."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run

LOG = """\
[actor.amina]
name = "Amina Uwase"
country = "RW"

[actor.dina]
name = "Dina Mukamana"
country = "RW"

[actor.ann]
name = "Ann Khan"
country = "PK"

[actor.zed]
name = "Zed Shah"
country = "PK"

[actor.bo]
name = "Bo Ali"
country = "PK"

[actor.cy]
name = "Cy Raza"
country = "PK"

[actor.eve]
name = "Eve Noor"
country = "PK"

[[event]]
id = "september"
date = "2023-09"
kind = "meeting"
title = "A month, its day unknown"
participants = ["amina", "ann", "dina"]

[[event]]
id = "visit"
date = 2024-10-30
end = 2024-11-03
kind = "visit"
title = "A visit over two months"
participants = ["amina", "bo"]

[[event]]
id = "inside"
date = 2024-11-01
kind = "meeting"
title = "A meeting during the visit"
participants = ["amina", "cy"]

[[event]]
id = "week"
date = "2025-W04"
kind = "meeting"
title = "A week, its day unknown"
participants = ["amina", "zed", "eve", "dina"]
"""


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.toml"
    path.write_text(LOG, encoding="utf-8")
    return path


def _json(run: Run, log: Path, *args: str) -> Any:
    result = run("--file", str(log), *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_actors_json_keeps_each_events_own_date_and_the_last_is_the_one_that_ends_last(run: Run, log: Path) -> None:
    actors = {a["id"]: a for a in _json(run, log, "actors")}
    amina = actors["amina"]
    assert (amina["first"], amina["first_date"]) == ("2023-09-01", "2023-09")
    assert (amina["last"], amina["last_date"]) == ("2025-01-20", "2025-W04")
    bo = actors["bo"]
    assert (bo["first_date"], bo["last_date"]) == ("2024-10-30/2024-11-03", "2024-10-30/2024-11-03")


def test_a_visit_that_ends_after_a_meeting_inside_it_is_last_seen(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "visit.toml"
    path.write_text(
        '[actor.a]\nname = "A"\n[[event]]\ndate = 2024-10-30\nend = 2024-11-03\nkind = "visit"\ntitle = "Visit"\n'
        'participants = ["a"]\n[[event]]\ndate = 2024-11-01\nkind = "meeting"\ntitle = "Inside"\n'
        'participants = ["a"]\n',
        encoding="utf-8",
    )
    (a,) = _json(run, path, "actors")
    assert (a["last"], a["last_date"]) == ("2024-10-30", "2024-10-30/2024-11-03")
    table = run("--file", str(path), "actors", "--format", "table").stdout
    assert "30 Oct – 3 Nov 2024" in " ".join(table.split())


def test_views_show_the_readable_date_not_a_start_day(run: Run, log: Path) -> None:
    actors = " ".join(run("--file", str(log), "actors", "--format", "table").stdout.split())
    assert "Sep 2023 – week of 20 Jan 2025" in actors
    card = " ".join(run("--file", str(log), "actor", "amina").stdout.split())
    assert "Sep 2023" in card
    assert "week of 20 Jan 2025" in card
    assert "20 Jan 2025 " not in card.replace("week of 20 Jan 2025", "")
    network = " ".join(run("--file", str(log), "network", "--format", "table").stdout.split())
    assert "week of 20 Jan 2025" in network
    report = run("--file", str(log), "actors", "--format", "md").stdout
    assert "| Sep 2023 | week of 20 Jan 2025 |" in report


def test_a_companion_of_the_same_country_is_no_counterpart(run: Run, log: Path) -> None:
    actors = {a["id"]: a for a in _json(run, log, "actors")}
    assert "Dina Mukamana" not in actors["amina"]["counterparts"]
    assert "Amina Uwase" not in actors["dina"]["counterparts"]
    assert set(actors["zed"]["counterparts"]) == {"Amina Uwase", "Dina Mukamana"}
    card = _json(run, log, "actor", "amina")
    assert [c["id"] for c in card["companions"]] == ["dina"]
    assert "dina" not in [c["id"] for c in card["counterparts"]]
    table = run("--file", str(log), "actor", "amina").stdout
    assert "With (same country)" in table


def test_counterparts_are_ranked_by_count_then_recency_and_the_rest_counted(run: Run, log: Path) -> None:
    actors = {a["id"]: a for a in _json(run, log, "actors")}
    # Each once: the most recent first (Eve and Zed, in the week; Bo, whose visit ended after Cy's
    # meeting; then Ann), not in alphabetical order.
    assert actors["amina"]["counterparts"] == ["Eve Noor", "Zed Shah", "Bo Ali", "Cy Raza", "Ann Khan"]
    table = run("--file", str(log), "actors", "--format", "table").stdout
    assert "+2 more" in table
    report = run("--file", str(log), "actors", "--format", "md").stdout
    assert "Eve Noor (1); Zed Shah (1); Bo Ali (1); +2 more" in report


def test_meetings_show_a_companion_as_accompanying(run: Run) -> None:
    """On the bundled log, Nyakarundi (RW) received the Pakistani delegation with Marizamunda (RW)."""
    table = " ".join(run("meetings", "Marizamunda", "--format", "table").stdout.split())
    assert "with Vincent Nyakarundi (RW)" in table
    report = run("meetings", "Marizamunda", "--format", "md").stdout
    assert "· with Muneer-ud-Din (PK), *Director General, Foreign Military Cooperation* · accompanied by " in report
    assert "with Vincent Nyakarundi" not in report


MISSION = """\
[[event]]
id = "mission"
date = 2024-03-01
end = 2024-05-31
kind = "visit"
title = "A three-month mission"

[[event]]
id = "inside-1"
date = 2024-03-18
kind = "meeting"
title = "A meeting inside the mission"

[[event]]
id = "inside-2"
date = 2024-05-04
kind = "meeting"
title = "Another inside it"

[[event]]
id = "after"
date = "2024-07-01~"
kind = "call"
title = "A call, about a month after"

[[event]]
id = "year-only"
date = "2001?"
kind = "statement"
title = "Some time in 2001"

[[event]]
id = "two-years"
date = 2022-12-20
end = 2023-01-10
kind = "visit"
title = "Over the new year"
"""


def test_gaps_are_measured_from_the_latest_end_so_far(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mission.toml"
    path.write_text(MISSION, encoding="utf-8")
    gaps = _json(run, path, "stats", "--since", "2024")["gaps"]
    assert [(g["after"], g["before"], g["days"], g["approximate"]) for g in gaps] == [
        ("mission", "after", 31, True),  # from the mission's end, not from the last meeting inside it
    ]


def test_stats_by_month_counts_an_event_only_in_a_month_that_holds_it(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mission.toml"
    path.write_text(MISSION, encoding="utf-8")
    stats = _json(run, path, "stats", "--by", "month")
    periods = stats["periods"]
    assert periods["2001, month unknown"] == 1
    assert periods["2001-01"] == 0  # a year-only event is not put in January
    assert periods["2022–2023, year unknown"] == 1
    assert periods["2022-12"] == 0
    assert periods["2024, month unknown"] == 1  # the mission, March to May
    assert periods["2024-03"] == 1
    assert periods["2024-05"] == 1
    keys = list(periods)
    assert keys.index("2001, month unknown") == keys.index("2001-01") - 1
    assert sum(periods.values()) == stats["total"] == 6
    assert all("unknown" not in b["period"] for b in stats["busiest"])
    table = run("--file", str(path), "stats", "--by", "month").stdout
    assert "2001, month unknown" in table


def _bullets_under_headings(markdown: str) -> list[tuple[str, str]]:
    """(nearest heading, bullet text) for every top-level list item, from a real Markdown parser."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    heading, found, depth = "", [], 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = tokens[index + 1].content
        elif token.type == "bullet_list_open":
            depth += 1
        elif token.type == "bullet_list_close":
            depth -= 1
        elif token.type == "list_item_open" and depth == 1:
            found.append((heading, tokens[index + 2].content))
    return found


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip


@pytest.mark.parametrize("view", [["export"], ["export", "--reverse"], ["meetings", "amina"]])
def test_every_event_in_the_report_sits_under_a_heading_that_holds_it(
    run: Run, tmp_path: Path, view: list[str]
) -> None:
    path = tmp_path / "mixed.toml"
    path.write_text(LOG + MISSION.replace('kind = "', 'participants = ["amina", "zed"]\nkind = "'), encoding="utf-8")
    events = {e["title"]: e for e in _json(run, path, "timeline")}
    markdown = run("--file", str(path), *view, "--format", "md").stdout
    placed = _bullets_under_headings(markdown)
    assert len(placed) == (len(events) if view[0] == "export" else 9)  # meetings leave out the statement
    years: dict[str, list[str]] = {}
    for heading, text in placed:
        (title,) = [t for t in events if t in text]
        start, end = date.fromisoformat(events[title]["start"]), date.fromisoformat(events[title]["end"])
        if heading in MONTHS:
            assert (start.month, end.month, start.year) == (MONTHS.index(heading) + 1,) * 2 + (end.year,), title
        else:
            assert heading == str(start.year), title
            assert (start.year, start.month) != (end.year, end.month), title
        years.setdefault(str(start.year), []).append(heading)
    for headings in years.values():  # the year's own events come before its months
        assert headings == sorted(headings, key=lambda h: h in MONTHS)


def test_a_title_whose_tenure_only_partly_overlaps_the_event_is_hedged(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "tenure.toml"
    path.write_text(
        '[actor.amb]\nname = "Ann Envoy"\ncountry = "PK"\nroles = [{ title = "Ambassador", since = 2023-09-29 }]\n'
        '[actor.host]\nname = "Hal Host"\ncountry = "RW"\n'
        '[[event]]\nid = "sep"\ndate = "2023-09"\nkind = "meeting"\ntitle = "In September"\n'
        'participants = ["amb", "host"]\n'
        '[[event]]\nid = "oct"\ndate = 2023-10-05\nkind = "meeting"\ntitle = "In October"\n'
        'participants = ["amb", "host"]\n',
        encoding="utf-8",
    )
    events = {e["id"]: e for e in _json(run, path, "timeline")}
    assert (events["sep"]["participants"][0]["title"], events["sep"]["participants"][0]["title_certain"]) == (
        "Ambassador",
        False,
    )
    assert events["oct"]["participants"][0]["title_certain"] is True
    report = run("--file", str(path), "export").stdout
    assert "Ann Envoy (PK), *Ambassador?*" in report
    assert "Ann Envoy (PK), *Ambassador*" in report  # October: surely in post
    meetings = " ".join(run("--file", str(path), "meetings", "amb", "--format", "table").stdout.split())
    assert "Ambassador?" in meetings
    card = " ".join(run("--file", str(path), "actor", "amb").stdout.split())
    assert "Ambassador?" in card


def test_a_date_filtered_report_shows_the_trade_and_sources_of_what_it_covers(run: Run) -> None:
    recent = run("export", "--since", "2024").stdout
    assert "## Trade figures" not in recent
    whole = run("export").stdout
    assert "## Trade figures" in whole
    assert "- **tdap**" in whole  # cited by the 2022 trade figures only
    assert "- **tdap**" not in recent
    assert "| 2022 |" in run("export", "--until", "2022").stdout
    briefing = run("export", "--since", "2024", "--with", "trade").stdout
    assert "| 2022 |" not in briefing
    assert run("export", "--since", "2022", "--until", "2022", "--strict").stdout.count("| 2022 |") == 2


class _Tomorrow(date):
    """A calendar in which today is far ahead, to show that no picture depends on it."""

    @classmethod
    def today(cls) -> _Tomorrow:
        return cls(2099, 6, 1)


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_role_pictures_depend_on_the_log_alone(run: Run, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    from rwpk_cli.render import markdown, panels

    before = run("actor", "Nduhungirehe", "--format", fmt).stdout
    for module in (markdown, panels):
        monkeypatch.setattr(module, "date", _Tomorrow, raising=False)
    after = run("actor", "Nduhungirehe", "--format", fmt).stdout
    assert before == after
    assert "2099" not in after
    if fmt == "md":  # the open role ends at the last day the log knows, and says its end is unknown
        assert (
            "#77;inister of Foreign Affairs and International Cooperation (end not recorded) :active, 2024-06-12, "
            "2025-01-26" in after
        )
        assert "#65;mbassador to the Netherlands (start not recorded) :active, 2017-09-01, 2024-06-30" in after
    else:
        assert "?╌" in after  # a start not recorded, faded
        assert "╌?" in after  # an end not recorded, faded
