"""Time rwpk beside jrnl and hledger on the same records, and print the targets as a Markdown table.

    python benchmarks/run.py                      # 1k, 10k and 100k events, 5 runs each
    python benchmarks/run.py --sizes 1000 --runs 3 --startup-runs 5 --no-others

Every time is a whole process, started and reaped here with os.wait4, which also gives its peak
resident memory; each figure is the median of the runs. The commands compared are run in rounds,
each once in turn, so that the machine's slow spells fall on all of them alike. jrnl is installed from PyPI into its own
virtual environment under the work folder; hledger is Debian's package, skipped (and said so)
when it is not installed. Ratios are taken within one run of this script, on one machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %I:%M %p'
version: v4.6
"""


@dataclass(frozen=True)
class Measure:
    """The median wall time (seconds) and the largest peak RSS (MB) over the runs."""

    seconds: float
    megabytes: float


class Step(NamedTuple):
    """One command to time; ``before`` runs (untimed) ahead of each timed run."""

    name: str
    command: Sequence[str]
    before: Sequence[str] | None = None
    env: dict[str, str] | None = None  # in place of the run's environment


def run_once(command: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall time and peak RSS of one whole process; its output is discarded."""
    with open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=sink, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def measure(steps: Sequence[Step], env: dict[str, str], runs: int, cwd: Path | None = None) -> dict[str, Measure]:
    """Each step's median time and largest peak RSS over ``runs`` rounds.

    A round runs every step once, in turn, so a slow spell on a shared machine slows the commands
    being compared alike, instead of landing on whichever one happened to be running.
    """
    times: dict[str, list[float]] = {step.name: [] for step in steps}
    peaks: dict[str, list[float]] = {step.name: [] for step in steps}
    for _ in range(runs):
        for step in steps:
            step_env = step.env or env
            if step.before is not None:
                subprocess.run(step.before, env=step_env, check=True, capture_output=True, cwd=cwd)
            # What the commands before it wrote reaches the disk first (untimed), so that no command is
            # timed waiting for another one's writes, as a command that syncs its own file would be.
            os.sync()
            elapsed, peak = run_once(step.command, step_env, cwd)
            times[step.name].append(elapsed)
            peaks[step.name].append(peak)
    return {name: Measure(statistics.median(times[name]), max(peaks[name])) for name in times}


def jrnl_command(work: Path) -> list[str] | None:
    """jrnl 4.x from PyPI in its own virtual environment, or None when it cannot be installed."""
    venv = work / "jrnl-venv"
    binary = venv / "bin" / "jrnl"
    if not binary.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, check=False)
        installed = (
            made.returncode == 0
            and subprocess.run(
                [str(venv / "bin" / "pip"), "install", "-q", "jrnl>=4,<5"], capture_output=True, check=False
            ).returncode
            == 0
        )
        if not installed:
            print("jrnl could not be installed from PyPI; its column is skipped", file=sys.stderr)
            return None
    return [str(binary)]


def ratio(slow: float, fast: float) -> str:
    return f"{slow / fast:.1f}×" if fast > 0 else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5, help="rounds for the log sizes (default 5)")
    parser.add_argument("--startup-runs", type=int, default=21, help="rounds for the start-up times (default 21)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "rwpk-bench")
    parser.add_argument("--no-others", action="store_true", help="time rwpk only (no jrnl, no hledger)")
    args = parser.parse_args()

    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    # pip compiles an installed package's bytecode; a source checkout run with PYTHONDONTWRITEBYTECODE
    # would compile every module on every run instead, so compile it once, as an install would.
    spec = importlib.util.find_spec("rwpk_cli")
    if spec is not None and spec.submodule_search_locations:
        package = spec.submodule_search_locations[0]
        subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, capture_output=True)
    # The console script, as users run it; python -m would add runpy to every start-up.
    script = Path(sys.executable).parent / "rwpk"
    rwpk = [str(script)] if script.exists() else [sys.executable, "-m", "rwpk_cli"]
    cache = work / "cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    jrnl = None if args.no_others else jrnl_command(work)
    hledger = None if args.no_others else shutil.which("hledger")
    if hledger is None and not args.no_others:
        print("hledger is not installed (apt-get install hledger); its column is skipped", file=sys.stderr)
    clear_cache = [sys.executable, "-c", f"import shutil; shutil.rmtree({str(cache)!r}, ignore_errors=True)"]

    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{args.runs} runs per figure ({args.startup_runs} for start-up), taken in rounds that run every "
             "command once in turn (median; memory is the largest peak RSS).", ""]  # fmt: skip
    growth = ["| events | log size | cold | cold peak RSS | warm timeline | warm peak RSS | warm actors | `rwpk add` "
              "| add peak RSS | right after add |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    comparison: list[str] = []
    verdicts: list[str] = []
    for size in args.sizes:
        # Generated in a child process: a harness holding the data would lend its memory to every
        # process it forks, and inflate their peak RSS.
        subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "generate.py"), str(size),
                        "--out", str(work)], check=True, capture_output=True)  # fmt: skip
        log, journal, ledger = (work / f"events-{size}.toml", work / f"journal-{size}.txt",
                                work / f"ledger-{size}.journal")  # fmt: skip
        query = [*rwpk, "--file", str(log), "timeline", "--since", "2024-01", "--format", "json"]
        actors = [*rwpk, "--file", str(log), "actors", "--format", "json"]
        steps = [Step("rwpk, cold (first run)", query, before=clear_cache), Step("rwpk, warm", query),
                 Step("rwpk actors, warm", actors)]  # fmt: skip
        largest = size == max(args.sizes)
        copy = work / f"added-{size}.toml"
        shutil.copyfile(log, copy)
        # The appended copy keeps its cache apart, so that the cold runs' clearing leaves it alone. Each
        # add answers from that cache and brings it up to date, so every add finds the log unchanged
        # since its cache was made; --duplicate, since every round adds the same event again.
        add = [*rwpk, "--file", str(copy), "add", "--date", "2025-06-01", "--kind", "call", "--title", "Appended",
               "--duplicate"]  # fmt: skip
        after_query = [*rwpk, "--file", str(copy), "timeline", "--since", "2024-01", "--format", "json"]
        after_env = dict(env, XDG_CACHE_HOME=str(work / f"cache-added-{size}"))
        steps.append(Step("`rwpk add`, one event", add, env=after_env))
        steps.append(Step("rwpk, right after `rwpk add`", after_query, before=add, env=after_env))
        subprocess.run(after_query, env=after_env, check=True, capture_output=True)
        if largest or size >= 100_000:
            if jrnl is not None and size <= 100_000:
                config = work / "jrnl.yaml"
                config.write_text(JRNL_CONFIG.format(journal=journal), encoding="utf-8")
                jrnl_cmd = [*jrnl, "--config-file", str(config), "-from", "2024-01", "--format", "json"]
                steps.append(Step("jrnl 4.x `-from 2024-01 --format json`", jrnl_cmd))
            if hledger is not None:
                steps.append(Step("hledger `reg -b 2024-01 -O csv`", [hledger, "-f", str(ledger), "reg", "-b",
                                                                       "2024-01", "-O", "csv"]))  # fmt: skip
        timed = measure(steps, env, args.runs)
        cold, warm, warm_actors, added, after_add = (timed[step.name] for step in steps[:5])
        growth.append(
            f"| {size:,} | {log.stat().st_size / 1e6:.1f} MB | {cold.seconds:.2f} s | {cold.megabytes:.0f} MB "
            f"| {warm.seconds:.2f} s | {warm.megabytes:.0f} MB | {warm_actors.seconds:.2f} s | {added.seconds:.2f} s "
            f"| {added.megabytes:.0f} MB | {after_add.seconds:.2f} s |"
        )
        rows = list(timed.items())
        others = {name.split()[0]: m for name, m in rows[5:]}
        verdicts += targets(size, cold, warm, added, after_add, others.get("hledger"))
        if not largest and size < 100_000:
            continue
        comparison += [f"Equivalent data, {size:,} events:", "",
                       "| command | time | peak RSS | jrnl ÷ this | hledger ÷ this |",
                       "| --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
        for name, m in rows:
            versus = [ratio(others[o].seconds, m.seconds) if o in others else "—" for o in ("jrnl", "hledger")]
            comparison.append(f"| {name} | {m.seconds:.2f} s | {m.megabytes:.0f} MB | {versus[0]} | {versus[1]} |")
        comparison += [
            "",
            f"After `rwpk add`, the next query takes {after_add.seconds / warm.seconds:.1f}× the warm time.",
            "",
        ]

    bundled = [*rwpk, "timeline"]
    startup = [
        ("`python -c 'import typer'`", [sys.executable, "-c", "import typer"]),
        ("`rwpk --version`", [*rwpk, "--version"]),
        ("`rwpk --help`", [*rwpk, "--help"]),
        ("`python -c 'import typer, rich.console, rich.table'`",
         [sys.executable, "-c", "import typer, rich.console, rich.table"]),
        ("`rwpk timeline` (bundled log, warm)", bundled),
    ]  # fmt: skip
    subprocess.run(bundled, env=env, check=True, capture_output=True, cwd=work)
    startup_times = measure([Step(name, command) for name, command in startup], env, args.startup_runs, cwd=work)
    timed_startup = list(startup_times.items())
    start_lines = ["| start-up | time | ratio |", "| --- | ---: | ---: |"]
    for index, (name, m) in enumerate(timed_startup):
        base = timed_startup[0][1] if index < 3 else timed_startup[3][1]
        start_lines.append(f"| {name} | {m.seconds * 1000:.0f} ms | {m.seconds / base.seconds:.2f}× |")
    met = ["Against the targets, in this run:", "", *verdicts] if verdicts else []
    print("\n".join([*lines, *comparison, *growth, "", *start_lines, "", *met]))


def targets(
    size: int, cold: Measure, warm: Measure, added: Measure, after: Measure, hledger: Measure | None
) -> list[str]:
    """The targets for a million-event log, checked at the sizes they name (100k and 1M), each line
    saying what was measured and whether it met the target."""
    checks: list[tuple[str, float, float, str]] = []
    if size in (100_000, 1_000_000):
        limit = 0.5 if size == 100_000 else 1.5
        checks += [("`rwpk add` time", added.seconds, limit, "s"), ("`rwpk add` peak RSS", added.megabytes, 150, "MB")]
        if hledger is not None:
            checks.append(("cold ÷ hledger", cold.seconds / hledger.seconds, 0.4, "×"))
    if size == 1_000_000:
        checks += [("warm time", warm.seconds, 1.2, "s"), ("warm peak RSS", warm.megabytes, 150, "MB"),
                   ("right after add ÷ warm", after.seconds / warm.seconds, 1.2, "×"),
                   ("cold peak RSS", cold.megabytes, 1200, "MB")]  # fmt: skip
    return [f"- {size:,} events, {name}: {value:.2f} {unit} (target ≤ {limit:g} {unit}): "
            f"{'met' if value <= limit else 'not met'}" for name, value, limit, unit in checks]  # fmt: skip


if __name__ == "__main__":
    main()
