"""GDELT 2.0 events: the ``*.export.CSV`` files, tab-separated, without a header, 61 columns in
the order of the GDELT Event Codebook V2.0.

``Day`` is the event's day (YYYYMMDD), ``EventCode`` its CAMEO code (kept as text: it has leading
zeros), ``Actor1``/``Actor2`` its two sides with their CAMEO country codes, ``ActionGeo_FullName``
its place, and ``SOURCEURL`` the first report, cited with the day it was added (``DATEADDED``).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from urllib.parse import urlsplit

from .codes import cameo_name
from .datasets import Coded, Side, cameo_of, day_problem, not_between, outside, reading
from .input import Input
from .records import Cited, Problems, Reading, short_hash

COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)  # fmt: skip
AT = {name: index for index, name in enumerate(COLUMNS)}


def _day(text: str) -> str | None:
    if len(text) < 8 or not text[:8].isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


def read(source: Input, between: tuple[str, str] | None = None) -> Reading:
    """The events of ``source``; with ``between``, only those between the two countries."""
    problems = Problems(source.display)
    rows: list[Coded] = []
    skipped = Counter[str]()
    for number, raw in enumerate(source.text.split("\n"), start=1):
        raw = raw.rstrip("\r")
        if not raw.strip():
            continue
        cells = raw.split("\t")
        if len(cells) != len(COLUMNS):
            hint = (
                "; this looks like GDELT 1.0: import the 2.0 events files (*.export.CSV)"
                if len(cells) in (57, 58)
                else ""
            )
            problems.add(number, f"has {len(cells)} tab-separated columns; a GDELT 2.0 event has 61{hint}")
            continue

        def get(name: str, cells: list[str] = cells) -> str:
            return cells[AT[name]].strip()

        day = _day(get("Day"))
        if day is None:
            problems.add(number, f"column 'Day': {day_problem(get('Day'), 'GDELT', 'YYYYMMDD')}")
            continue
        code = get("EventCode")
        kind = cameo_of(code, "EventCode", number, problems, skipped)
        if kind is None:
            continue
        sides = tuple(
            Side(get(f"Actor{n}Name") or get(f"Actor{n}Code"), get(f"Actor{n}CountryCode") or None)
            for n in (1, 2)
            if get(f"Actor{n}Name") or get(f"Actor{n}Code")
        )
        if outside(sides, between):
            skipped[not_between(between or ("", ""))] += 1
            continue
        url = get("SOURCEURL")
        published = _day(get("DATEADDED"))
        outlet = urlsplit(url).hostname if url.startswith(("http://", "https://")) else None
        cited = (Cited(f"gdelt-{short_hash(url, 6)}", outlet=outlet, url=url, published=published),) if url else ()
        score, articles = get("GoldsteinScale"), get("NumArticles")
        note = f"CAMEO {code}" + (f", Goldstein {score}" if score else "")
        note += f", {articles} article{'' if articles == '1' else 's'}" if articles else ""
        rows.append(Coded(f"gdelt:{get('GlobalEventID')}", number, day, kind, cameo_name(code), sides,
                          get("ActionGeo_FullName") or None, cited, note))  # fmt: skip
    problems.raise_any()
    return reading(rows, "GDELT", skipped)
