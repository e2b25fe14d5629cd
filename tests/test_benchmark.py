"""The benchmark stays runnable: a tiny run in CI, checking the report's shape and never its times."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent


def test_generate_writes_the_same_records_for_all_three_tools(tmp_path: Path) -> None:
    log, journal, ledger = generate(50, tmp_path)
    assert log.read_text(encoding="utf-8").count("[[event]]") == 50
    assert journal.read_text(encoding="utf-8").count(" 09:00 AM] ") == 50
    assert ledger.read_text(encoding="utf-8").count("    events:") == 50


def test_the_benchmark_runs_and_reports_every_target(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "60", "--runs", "1",
         "--startup-runs", "1", "--no-others", "--work", str(tmp_path)],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = done.stdout
    for row in ("| rwpk, cold (first run) |", "| rwpk, warm |", "| rwpk actors, warm |",
                "| rwpk, right after `rwpk add` |", "| `rwpk add`, one event |", "| 60 |", "| `rwpk --help` |",
                "| `rwpk timeline` (bundled log, warm) |", "After `rwpk add`, the next query takes"):  # fmt: skip
        assert row in report


def test_the_import_benchmark_runs_and_reports_its_row(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "imports.py"), "--sizes", "40", "--runs", "1",
         "--work", str(tmp_path)],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "| rows into events | `rwpk import` | peak RSS |" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("| 40 |")
