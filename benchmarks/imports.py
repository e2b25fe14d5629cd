"""Time ``rwpk import`` of an ICEWS-shaped file into a log of the same size, and the query after it.

    python benchmarks/imports.py                       # 100,000 rows into 100,000 events, 3 runs
    python benchmarks/imports.py --sizes 1000 10000 --runs 3

For each size N, the log is ``generate.py``'s N events and the file N ICEWS rows: most between
Rwanda and Pakistan, some between other countries, with CAMEO codes inside and outside the
diplomatic range, so that the import selects, merges, skips and counts as it does on a real slice.
Each run imports into a fresh copy of the log; the query after it (``timeline --since 2024-01
--format json``) is timed against the same query on the same log once its cache is warm, in the same
rounds. Times are
medians of whole processes, peak memory from the kernel (see ``run.py``).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate
from benchmarks.run import Step, measure

COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
           "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
           "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude")  # fmt: skip
CODES = [("040", "Consult"), ("041", "Discuss by telephone"), ("042", "Make a visit"), ("043", "Host a visit"),
         ("046", "Engage in negotiation"), ("057", "Sign formal agreement"), ("013", "Make optimistic comment"),
         ("071", "Provide economic aid"), ("112", "Accuse")]  # fmt: skip
COUNTRIES = ["Rwanda", "Pakistan", "Kenya", "India", "Uganda"]
PUBLISHERS = ["Dawn", "The New Times", "The News International", "KT Press", "APP", "Daily Nation"]


def icews_file(count: int, out: Path, seed: int = 11) -> Path:
    """An ICEWS-shaped TSV of ``count`` rows."""
    rng = random.Random(seed)
    people = {c: [f"{c[:3]} Official {n}" for n in range(300)] for c in COUNTRIES}
    first = date(2000, 1, 1)
    path = out / f"icews-{count}.tab"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(COLUMNS) + "\n")
        for n in range(count):
            source, target = ("Rwanda", "Pakistan") if rng.random() < 0.7 else tuple(rng.sample(COUNTRIES, 2))
            if rng.random() < 0.5:
                source, target = target, source
            code, text = rng.choice(CODES)
            day = first + timedelta(days=rng.randrange(9500))
            row = [str(50_000_000 + n), day.isoformat(), rng.choice(people[source]), "Government", source, text, code,
                   "1.0", rng.choice(people[target]), "Government", target, str(70_000_000 + n // 2), "1",
                   rng.choice(PUBLISHERS), "Kigali", "NA", "NA", "Rwanda", "-1.95", "30.06"]  # fmt: skip
            handle.write("\t".join(row) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--work", type=Path, default=None, help="folder for the generated files (default: a temporary one)"
    )
    args = parser.parse_args()
    rwpk = shutil.which("rwpk", path=str(Path(sys.executable).parent)) or "rwpk"
    work = args.work or Path(tempfile.mkdtemp(prefix="rwpk-import-bench-"))
    print("| rows into events | `rwpk import` | peak RSS | query right after | warm query | after / warm |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        folder = work / str(size)
        folder.mkdir(parents=True, exist_ok=True)
        log, _, _ = generate(size, folder)
        dataset = icews_file(size, folder)
        target = folder / "target.toml"
        env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "XDG_CACHE_HOME": str(folder / "cache"),
               "HOME": str(folder)}  # fmt: skip
        query = ["timeline", "--since", "2024-01", "--format", "json"]
        fresh = ["cp", str(log), str(target)]
        imported = [rwpk, "--file", str(target), "import", str(dataset), "--between", "RW", "PK"]
        steps = [
            Step("import", imported, before=fresh),
            Step("after", [rwpk, "--file", str(target), *query]),
            Step("warm", [rwpk, "--file", str(target), *query]),  # the same log, queried once already
        ]
        found = measure(steps, env, args.runs)
        ratio = found["after"].seconds / found["warm"].seconds
        print(f"| {size:,} | {found['import'].seconds:.2f} s | {found['import'].megabytes:.0f} MB | "
              f"{found['after'].seconds:.2f} s | {found['warm'].seconds:.2f} s | {ratio:.2f}× |")  # fmt: skip


if __name__ == "__main__":
    main()
