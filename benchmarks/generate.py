"""Write an N-event rwpk log, and the same records as a jrnl journal and an hledger journal.

    python benchmarks/generate.py 100000 --out /tmp/bench

writes /tmp/bench/events-100000.toml, journal-100000.txt (jrnl) and ledger-100000.journal (hledger).
The mix is realistic: every kind, ~300 actors with roles and tenures, ~800 sources, exact days,
months, years, ISO weeks, intervals and relative dates resolved against an as_of day, summaries of
a few sentences, tags, and now and then a free-text participant.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

KINDS = ["meeting", "visit", "consultation", "agreement", "call", "statement", "other"]
COUNTRIES = ["RW", "PK", "KE", "UG", "TZ", "CD", "BI", "ET", "IN", "CN", "US", "GB", "FR", "UN", "AU", "EU"]
TITLES = ["Minister of Foreign Affairs", "Ambassador", "Minister of Defence", "Chief of Defence Staff",
          "Permanent Representative to the United Nations", "Trade Commissioner", "Deputy Minister",
          "Director General, Bilateral Affairs", "High Commissioner", "Special Envoy"]  # fmt: skip
PLACES = ["Kigali", "Islamabad", "New York", "Geneva", "Addis Ababa", "Nairobi", "London", "Beijing", "Paris"]
_VOCABULARY = """talks cooperation trade security agreement visit delegation signed discussed partnership
investment health education defence counterterrorism peacekeeping region bilateral"""
WORDS = _VOCABULARY.split()
FIRST = ["Amina", "Jean", "Grace", "Ali", "Fatima", "Paul", "Hassan", "Claire", "Omar", "Ruth", "Yusuf", "Marie"]
LAST = ["Uwimana", "Khan", "Mugisha", "Ahmed", "Niyonzima", "Malik", "Habimana", "Qureshi", "Kagame", "Shah"]
START = date(1990, 1, 1)
SPAN_DAYS = (date(2025, 12, 31) - START).days


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _date(rng: random.Random, day: date) -> tuple[str, str | None, date]:
    """A date expression in the log's mix, an as_of if relative, and the day the record is filed under."""
    roll = rng.random()
    if roll < 0.70:
        return day.isoformat(), None, day
    if roll < 0.78:
        return f'"{day:%Y-%m}"', None, day.replace(day=1)
    if roll < 0.82:
        return f'"{day.year}"', None, date(day.year, 1, 1)
    if roll < 0.87:
        year, week, _ = day.isocalendar()
        return f'"{year}-W{week:02d}"', None, date.fromisocalendar(year, week, 1)
    if roll < 0.92:
        end = day + timedelta(days=rng.randint(1, 4))
        return f'"{day.isoformat()}/{end.isoformat()}"', None, day
    if roll < 0.96:
        return f'"{day:%B} {day.day}, {day.year}"', None, day
    as_of = day + timedelta(days=rng.randint(7, 13))
    return '"last week"', as_of.isoformat(), day


def generate(count: int, out: Path, seed: int = 7) -> tuple[Path, Path, Path]:
    """Write the three files and return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    actors = []
    for i in range(max(20, min(300, count // 30))):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        since = START + timedelta(days=rng.randint(0, SPAN_DAYS - 400))
        until = since + timedelta(days=rng.randint(365, 3650))
        actors.append((f"a{i}", name, rng.choice(COUNTRIES), rng.choice(TITLES), since, until))
    sources = [
        (f"s{i}", f"Report {i}", START + timedelta(days=rng.randint(0, SPAN_DAYS)))
        for i in range(max(10, min(800, count // 10)))
    ]
    toml = [f'[log]\ntitle = "Benchmark log of {count} events"\n']
    for ident, name, country, title, since, until in actors:
        toml.append(
            f'[actor.{ident}]\nname = "{name}"\ncountry = "{country}"\n'
            f'roles = [{{ title = "{title}", since = {since.isoformat()}, until = {until.isoformat()} }}]\n'
        )
    for ident, title, published in sources:
        toml.append(f'[source.{ident}]\ntitle = "{title}"\noutlet = "Daily"\npublished = {published.isoformat()}\n')
    jrnl, ledger = [], []
    for i in range(count):
        day = START + timedelta(days=rng.randint(0, SPAN_DAYS))
        expression, as_of, filed = _date(rng, day)
        kind = rng.choice(KINDS)
        people = rng.sample(actors, rng.randint(1, 3))
        names = [p[0] if rng.random() < 0.6 else p[1] for p in people]
        if rng.random() < 0.05:
            names.append(f"Visitor {i}")  # a free-text participant, matching no actor
        title = f"{people[0][1]} {kind} on {rng.choice(WORDS)} {i}"
        summary = " ".join(_sentence(rng, rng.randint(6, 12)) for _ in range(rng.randint(1, 3)))
        tags = rng.sample(WORDS, rng.randint(0, 2))
        place = rng.choice(PLACES)
        source = rng.choice(sources)[0]
        lines = ["[[event]]", f'id = "e{i}"', f"date = {expression}"]
        if as_of:
            lines.append(f"as_of = {as_of}")
        lines += [f'kind = "{kind}"', f"title = {json.dumps(title)}", f'place = "{place}"',
                  f"participants = {json.dumps(names)}", f"tags = {json.dumps(tags)}",
                  f"summary = {json.dumps(summary)}", f'sources = ["{source}"]']  # fmt: skip
        toml.append("\n".join(lines) + "\n")
        tag_text = " ".join(f"@{t}" for t in tags)
        jrnl.append(f"[{filed.isoformat()} 09:00 AM] {title}\n{summary} {tag_text} @{kind}\n")
        ledger.append(f"{filed.isoformat()} {title}  ; {kind}\n    events:{kind}  1\n    places:{place}\n")
    paths = (out / f"events-{count}.toml", out / f"journal-{count}.txt", out / f"ledger-{count}.journal")
    paths[0].write_text("\n".join(toml), encoding="utf-8")
    paths[1].write_text("\n".join(jrnl), encoding="utf-8")
    paths[2].write_text("\n".join(ledger), encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many events")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/data"), help="folder to write into")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for path in generate(args.count, args.out, args.seed):
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
