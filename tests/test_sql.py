"""``rwpk sql``: read-only SQL over the log's tables, checked against the JSON contract and refused
for anything that would write."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run

BUNDLED = Path(__file__).parent.parent / "events.toml"


def _sql(run: Run, *args: str) -> list[dict[str, Any]]:
    result = run("sql", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def test_the_events_table_holds_the_json_contracts_columns(run: Run) -> None:
    timeline = json.loads(run("timeline", "--format", "json").stdout)
    rows = _sql(run, "SELECT * FROM events ORDER BY start, end, id")
    assert [r["id"] for r in rows] == [e["id"] for e in timeline]
    for row, event in zip(rows, timeline, strict=True):
        for key in ("date", "start", "end", "precision", "kind", "title", "place", "summary"):
            assert row[key] == event[key], key
        assert (bool(row["approximate"]), bool(row["uncertain"])) == (event["approximate"], event["uncertain"])
        assert json.loads(row["tags"]) == event["tags"]


def test_participants_carry_each_persons_title_at_the_time(run: Run) -> None:
    timeline = json.loads(run("timeline", "--format", "json").stdout)
    rows = _sql(run, "SELECT event_id, actor_id, name, country, title FROM participants ORDER BY event_id, position")
    expected = sorted(
        ((e["id"], p["id"], p["name"], p["country"], p["title"]) for e in timeline for p in e["participants"]),
        key=lambda r: r[0],
    )
    got = [(r["event_id"], r["actor_id"], r["name"], r["country"], r["title"]) for r in rows]
    assert sorted(got, key=lambda r: r[0]) == expected


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # meetings per year
        (
            "SELECT substr(start, 1, 4) AS year, count(*) AS meetings FROM events WHERE kind = 'meeting' "
            "GROUP BY year ORDER BY year",
            [{"year": "2024", "meetings": 2}, {"year": "2025", "meetings": 2}],
        ),
        # officials who met a counterpart of the other country more than once
        (
            "SELECT a.name AS official, count(DISTINCT a.event_id) AS times FROM participants a "
            "JOIN participants b ON a.event_id = b.event_id AND a.country <> b.country "
            "JOIN events e ON e.id = a.event_id WHERE e.kind = 'meeting' AND a.country = 'RW' "
            "GROUP BY a.actor_id HAVING times > 1 ORDER BY times DESC",
            [{"official": "Mubarakh Muganga", "times": 2}],
        ),
        # the sources cited most
        (
            "SELECT source_id, count(*) AS events FROM event_sources GROUP BY source_id ORDER BY events DESC, "
            "source_id LIMIT 1",
            [{"source_id": "ktpress-2025-01", "events": 10}],
        ),
    ],
)
def test_the_readmes_worked_questions(statement: str, expected: list[dict[str, Any]], run: Run) -> None:
    assert _sql(run, statement) == expected


@pytest.mark.parametrize(
    ("statement", "refused"),
    [
        ("INSERT INTO events (id) VALUES ('x')", "INSERT"),
        ("UPDATE events SET title = 'x'", "UPDATE"),
        ("DELETE FROM events", "DELETE"),
        ("DROP TABLE events", "CREATE or DROP"),
        ("CREATE TABLE x (a)", "CREATE or DROP"),
        ("CREATE TEMP TABLE x (a)", "CREATE or DROP"),
        ("ATTACH DATABASE 'other.db' AS other", "ATTACH"),
        ("PRAGMA journal_mode = WAL", "PRAGMA journal_mode"),
        ("PRAGMA writable_schema = 1", "PRAGMA writable_schema"),
        ("BEGIN", "a transaction"),
    ],
)
def test_a_statement_that_would_write_is_refused(statement: str, refused: str, run: Run, tmp_path: Path) -> None:
    log = tmp_path / "events.toml"
    shutil.copy(BUNDLED, log)
    before = len(run("--file", str(log), "sql", "SELECT id FROM events", "--format", "json").stdout)
    result = run("--file", str(log), "sql", statement)
    assert result.exit_code == 2
    assert f"sql only reads the log: {refused} is refused" in result.stderr
    assert not (tmp_path / "other.db").exists()
    assert len(run("--file", str(log), "sql", "SELECT id FROM events", "--format", "json").stdout) == before


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("SELECT * FROM nowhere", "SQL: no such table: nowhere"),
        ("SELEKT 1", 'SQL: near "SELEKT": syntax error'),
        ("SELECT 1; SELECT 2", "SQL: You can only execute one statement at a time."),
    ],
)
def test_sql_that_sqlite_cannot_run_exits_2_with_its_message(statement: str, message: str, run: Run) -> None:
    result = run("sql", statement)
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_tables_follow_the_log_when_it_changes(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "events.toml"
    shutil.copy(BUNDLED, log)
    count = "SELECT count(*) AS n FROM events"
    before = run("--file", str(log), "sql", count, "--format", "json").stdout
    added = run("--file", str(log), "add", "--date", "2025-04-21", "--kind", "agreement", "--title", "A new MoU")
    assert added.exit_code == 0
    after = run("--file", str(log), "sql", count, "--format", "json").stdout
    assert json.loads(after)[0]["n"] == json.loads(before)[0]["n"] + 1


def test_csv_reads_back_with_the_csv_module(run: Run) -> None:
    result = run("sql", "SELECT id, title, place FROM events ORDER BY id", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert rows[0].keys() == {"id", "title", "place"}
    assert len(rows) == len(_sql(run, "SELECT id FROM events"))
