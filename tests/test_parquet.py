"""``rwpk export --format parquet``: six typed Parquet files, read back with pyarrow and DuckDB and
compared with the JSON export."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import Run

FILES = ["actors", "events", "participants", "roles", "sources", "trade"]


def _export(run: Run, folder: Path, *args: str) -> None:
    result = run("export", "--format", "parquet", "-o", str(folder), *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""


def test_the_six_files_hold_the_json_exports_events_field_for_field(run: Run, tmp_path: Path) -> None:
    _export(run, tmp_path / "out")
    assert sorted(p.stem for p in (tmp_path / "out").iterdir()) == FILES
    expected = json.loads(run("export", "--format", "json").stdout)
    events = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert [e["id"] for e in events] == [e["id"] for e in expected]
    for got, want in zip(events, expected, strict=True):
        assert got["start"] == datetime.date.fromisoformat(want["start"])
        assert got["end"] == datetime.date.fromisoformat(want["end"])
        for key in (
            "date",
            "precision",
            "approximate",
            "uncertain",
            "kind",
            "title",
            "place",
            "tags",
            "sources",
            "summary",
        ):
            assert got[key] == want[key], key
    people = pq.read_table(tmp_path / "out" / "participants.parquet").to_pylist()
    wanted = [
        (e["id"], p["id"], p["name"], p["country"], p["title"], p["title_certain"])
        for e in expected
        for p in e["participants"]
    ]
    assert [
        (p["event_id"], p["actor_id"], p["name"], p["country"], p["title"], p["title_certain"]) for p in people
    ] == wanted


def test_the_columns_are_typed(run: Run, tmp_path: Path) -> None:
    _export(run, tmp_path / "out")
    events = pq.read_schema(tmp_path / "out" / "events.parquet")
    assert events.field("start").type == pa.date32()
    assert events.field("approximate").type == pa.bool_()
    assert events.field("tags").type == pa.list_(pa.string())
    trade = pq.read_schema(tmp_path / "out" / "trade.parquet")
    assert trade.field("value_usd").type == pa.int64()
    assert pa.types.is_list(trade.field("goods").type)
    roles = pq.read_schema(tmp_path / "out" / "roles.parquet")
    assert roles.field("since_start").type == pa.date32()


def test_duckdb_answers_the_same_question_as_rwpk_sql(run: Run, tmp_path: Path) -> None:
    _export(run, tmp_path / "out")
    folder = tmp_path / "out"
    question = (
        "SELECT p.name, count(*) AS meetings FROM participants p JOIN events e ON e.id = p.event_id "
        "WHERE e.kind = 'meeting' GROUP BY p.name ORDER BY meetings DESC, p.name"
    )
    through_sql: list[dict[str, Any]] = json.loads(run("sql", question, "--format", "json").stdout)
    connection = duckdb.connect()
    for name in ("events", "participants"):
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{folder / name}.parquet')")
    through_duckdb = [{"name": n, "meetings": m} for n, m in connection.execute(question).fetchall()]
    assert through_duckdb == through_sql
    assert through_sql[0]["meetings"] >= 2


def test_a_filtered_export_keeps_only_its_events(run: Run, tmp_path: Path) -> None:
    _export(run, tmp_path / "out", "--kind", "visit")
    kinds = {e["kind"] for e in pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()}
    assert kinds == {"visit"}


@pytest.mark.parametrize(("args", "code", "message"), [
    ([], 2, "--format parquet writes six files; give the folder for them with -o"),
    (["-o", "-"], 2, "give the folder for them with -o"),
])  # fmt: skip
def test_parquet_needs_a_folder(args: list[str], code: int, message: str, run: Run) -> None:
    result = run("export", "--format", "parquet", *args)
    assert result.exit_code == code
    assert message in result.stderr


def test_a_file_in_place_of_the_folder_is_refused(run: Run, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("keep me", encoding="utf-8")
    result = run("export", "--format", "parquet", "-o", str(tmp_path / "out"))
    assert result.exit_code == 73
    assert "is not a folder" in result.stderr
    assert (tmp_path / "out").read_text(encoding="utf-8") == "keep me"


def test_without_pyarrow_it_says_how_to_install_it(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    result = run("export", "--format", "parquet", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "pip install 'rwpk[parquet]'" in result.stderr
    assert not (tmp_path / "out").exists()
