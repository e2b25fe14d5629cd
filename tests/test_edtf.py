"""EDTF conformance: every Level 0 and Level 1 feature of the Library of Congress specification.

Each row is the spec's own example (or one of its form), with the interval rwpk reads, its flags,
its canonical form (which reads back to the same interval) and its label. Deliberate deviations are
the last tests, and the README lists them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rwpk_cli.dates.parse import parse_date
from rwpk_cli.errors import DateError
from tests.conftest import Run

# text, start, end, approximate, uncertain, canonical, label
LEVEL_0 = [
    # Date
    ("1985-04-12", "1985-04-12", "1985-04-12", False, False, "1985-04-12", "12 Apr 1985"),
    ("1985-04", "1985-04-01", "1985-04-30", False, False, "1985-04", "Apr 1985"),
    ("1985", "1985-01-01", "1985-12-31", False, False, "1985", "1985"),
    # Date and time (read as the day; see the deviations)
    ("1985-04-12T23:20:30", "1985-04-12", "1985-04-12", False, False, "1985-04-12", "12 Apr 1985"),
    ("1985-04-12T23:20:30Z", "1985-04-12", "1985-04-12", False, False, "1985-04-12", "12 Apr 1985"),
    ("1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12", False, False, "1985-04-12", "12 Apr 1985"),
    ("1985-04-12T10:10:10+05:00", "1985-04-12", "1985-04-12", False, False, "1985-04-12", "12 Apr 1985"),
    # Time interval: each end keeps its own precision
    ("1964/2008", "1964-01-01", "2008-12-31", False, False, "1964/2008", "1964–2008"),
    ("2004-06/2006-08", "2004-06-01", "2006-08-31", False, False, "2004-06/2006-08", "Jun 2004 – Aug 2006"),
    ("2004-02-01/2005-02-08", "2004-02-01", "2005-02-08", False, False, "2004-02-01/2005-02-08",
     "1 Feb 2004 – 8 Feb 2005"),
    ("2004-02-01/2005-02", "2004-02-01", "2005-02-28", False, False, "2004-02-01/2005-02", "1 Feb 2004 – Feb 2005"),
    ("2004-02-01/2005", "2004-02-01", "2005-12-31", False, False, "2004-02-01/2005", "1 Feb 2004 – 2005"),
    ("2005/2006-02", "2005-01-01", "2006-02-28", False, False, "2005/2006-02", "2005 – Feb 2006"),
    ("2025-01-01/2025-01-31", "2025-01-01", "2025-01-31", False, False, "2025-01-01/2025-01-31", "1–31 Jan 2025"),
    ("2024/2024-06-15", "2024-01-01", "2024-06-15", False, False, "2024/2024-06-15", "2024 – 15 Jun 2024"),
]  # fmt: skip
LEVEL_1 = [
    # Seasons
    ("2001-21", "2001-03-01", "2001-05-31", False, False, "2001-03/2001-05", "Mar–May 2001"),
    ("2001-22", "2001-06-01", "2001-08-31", False, False, "2001-06/2001-08", "Jun–Aug 2001"),
    ("2001-23", "2001-09-01", "2001-11-30", False, False, "2001-09/2001-11", "Sep–Nov 2001"),
    ("2001-24", "2001-12-01", "2002-02-28", False, False, "2001-12/2002-02", "Dec 2001 – Feb 2002"),
    # Qualification of a date
    ("1984?", "1984-01-01", "1984-12-31", False, True, "1984?", "1984?"),
    ("2004-06~", "2004-06-01", "2004-06-30", True, False, "2004-06~", "c. Jun 2004"),
    ("2004-06-11%", "2004-06-11", "2004-06-11", True, True, "2004-06-11%", "c. 11 Jun 2004?"),
    # Unspecified digits
    ("201X", "2010-01-01", "2019-12-31", False, False, "2010/2019", "2010–2019"),
    ("20XX", "2000-01-01", "2099-12-31", False, False, "2000/2099", "2000–2099"),
    ("2004-XX", "2004-01-01", "2004-12-31", False, False, "2004", "2004"),
    ("1985-04-XX", "1985-04-01", "1985-04-30", False, False, "1985-04", "Apr 1985"),
    ("1985-XX-XX", "1985-01-01", "1985-12-31", False, False, "1985", "1985"),
    # Extended interval: open ends
    ("1985-04-12/..", "1985-04-12", "9999-12-31", False, False, "1985-04-12/..", "since 12 Apr 1985"),
    ("1985-04/..", "1985-04-01", "9999-12-31", False, False, "1985-04/..", "since Apr 1985"),
    ("1985/..", "1985-01-01", "9999-12-31", False, False, "1985/..", "since 1985"),
    ("../1985-04-12", "0001-01-01", "1985-04-12", False, False, "../1985-04-12", "until 12 Apr 1985"),
    ("../1985-04", "0001-01-01", "1985-04-30", False, False, "../1985-04", "until Apr 1985"),
    ("../1985", "0001-01-01", "1985-12-31", False, False, "../1985", "until 1985"),
    # Extended interval: unknown ends, which are not open ones
    ("1985-04-12/", "1985-04-12", "9999-12-31", False, False, "1985-04-12/", "from 12 Apr 1985, end unknown"),
    ("1985-04/", "1985-04-01", "9999-12-31", False, False, "1985-04/", "from Apr 1985, end unknown"),
    ("1985/", "1985-01-01", "9999-12-31", False, False, "1985/", "from 1985, end unknown"),
    ("/1985-04-12", "0001-01-01", "1985-04-12", False, False, "/1985-04-12", "until 12 Apr 1985, start unknown"),
    ("/1985-04", "0001-01-01", "1985-04-30", False, False, "/1985-04", "until Apr 1985, start unknown"),
    ("/1985", "0001-01-01", "1985-12-31", False, False, "/1985", "until 1985, start unknown"),
    # Extended interval: qualified ends, each keeping its own qualifier and precision
    ("1984?/2004-06~", "1984-01-01", "2004-06-30", True, True, "1984?/2004-06~", "1984? – c. Jun 2004"),
    ("2004-06~/2004-08?", "2004-06-01", "2004-08-31", True, True, "2004-06~/2004-08?", "c. Jun 2004 – Aug 2004?"),
    ("1984~/2004?", "1984-01-01", "2004-12-31", True, True, "1984~/2004?", "c. 1984 – 2004?"),
    ("1984/2004-06~", "1984-01-01", "2004-06-30", True, False, "1984/2004-06~", "1984 – c. Jun 2004"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "start", "end", "approximate", "uncertain", "canonical", "label"),
                         [*LEVEL_0, *LEVEL_1], ids=[row[0] for row in [*LEVEL_0, *LEVEL_1]])  # fmt: skip
def test_edtf_feature(
    text: str, start: str, end: str, approximate: bool, uncertain: bool, canonical: str, label: str
) -> None:
    span = parse_date(text)
    assert (span.start, span.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert (span.approximate, span.uncertain) == (approximate, uncertain)
    assert (span.canonical, span.label) == (canonical, label)
    again = parse_date(span.canonical)  # the canonical form reads back to the same interval and forms
    assert (again.start, again.end, again.canonical, again.label) == (span.start, span.end, canonical, label)


@pytest.mark.parametrize("text", ["Y170000002", "Y-170000002", "-1985", "-1985-04"])
def test_years_outside_1_to_9999_are_a_deliberate_deviation(text: str) -> None:
    with pytest.raises(DateError, match="rwpk reads the years 1 to 9999"):
        parse_date(text)


def test_an_unknown_end_is_not_an_open_one() -> None:
    unknown, open_ = parse_date("1985-04-12/"), parse_date("1985-04-12/..")
    assert (unknown.start, unknown.end) == (open_.start, open_.end)  # both reach as far as a filter must look
    assert unknown.canonical != open_.canonical
    assert unknown.label != open_.label


def test_an_events_ends_survive_the_cache(run: Run, tmp_path: Path) -> None:
    log = tmp_path / "ends.toml"
    log.write_text(
        '[actor.a]\nname = "A"\nroles = [{ title = "Envoy", since = "1984?", until = "2004-06~" }]\n'
        '[[event]]\ndate = "1984/2004-06~"\nkind = "other"\ntitle = "Mixed ends"\nparticipants = ["a"]\n'
        '[[event]]\ndate = "1985-04-12/"\nkind = "other"\ntitle = "Unknown end"\n',
        encoding="utf-8",
    )
    fresh = run("--no-cache", "--file", str(log), "timeline", "--format", "json").stdout
    run("--file", str(log), "timeline")  # builds the cache
    cached = run("--file", str(log), "timeline", "--format", "json").stdout
    assert cached == fresh
    assert [e["date"] for e in json.loads(cached)] == ["1984/2004-06~", "1985-04-12/"]
    assert (
        run("--file", str(log), "actor", "a", "--format", "json").stdout
        == run("--no-cache", "--file", str(log), "actor", "a", "--format", "json").stdout
    )
