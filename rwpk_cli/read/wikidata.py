"""A Wikidata SPARQL result (``application/sparql-results+json``) of positions held, as tenures.

Each binding is one "position held" (P39) statement: ``person`` and ``personLabel``,
``positionLabel``, and optionally ``start``/``end`` with ``startPrecision``/``endPrecision``
(Wikidata's codes: 9 a year, 10 a month, 11 a day) and ``countryCode`` or ``country``. A date keeps
its precision: a year-precise start of 1999 is "1999", never 1 January 1999. A date given without
its precision is read as a day only when it is not the first of January; otherwise it is a
problem that asks for the precision variables of the README's query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from .codes import country_code
from .input import Input
from .jsonrecords import _broken, array_items
from .jsonrecords import document as json_document
from .records import Problems, Reading, Tenure

_PRECISION = {"9": 4, "10": 7, "11": 10}  # how many characters of YYYY-MM-DD each precision keeps


def _value(binding: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        found = binding.get(name)
        if isinstance(found, Mapping) and isinstance(found.get("value"), str) and found["value"].strip():
            return str(found["value"]).strip()
    return None


def _time(binding: Mapping[str, Any], name: str, line: int, problems: Problems) -> str | None:
    value = _value(binding, name)
    if value is None:
        return None
    day = value.lstrip("+")[:10]
    if len(day) != 10 or day[4] != "-" or not day[:4].isdigit():
        problems.add(line, f"'{name}': {value!r} is not a Wikidata time")
        return None
    precision = _value(binding, f"{name}Precision")
    if precision is None:
        if day.endswith("-01-01"):
            problems.add(line, f"'{name}' {value!r} has no {name}Precision, and 1 January may stand for the whole "
                         "year; add the precision variables of the README's query")  # fmt: skip
            return None
        return day
    keep = _PRECISION.get(precision)
    if keep is None:
        return day[:4] if precision.isdigit() and int(precision) < 9 else day
    return day[:keep]


def _bindings(source: Input) -> Iterator[tuple[int, object]]:
    """Each binding with the line it starts on (the document parsed already, so it is well formed)."""
    import re

    found = re.search(r'"bindings"\s*:\s*\[', source.text)
    if found is None:
        return iter(())
    return array_items(source, start=found.end() - 1)


def read(source: Input) -> Reading:
    document = json_document(source)
    results = document.get("results") if isinstance(document, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        expected = 'expected a SPARQL JSON result {"head": …, "results": {"bindings": […]}}'
        raise _broken(source, source.text, 0, f"{expected}; download the query's result as JSON")
    problems = Problems(source.display)
    tenures = []
    skipped = Counter[str]()
    for number, (line, binding) in enumerate(_bindings(source), start=1):
        if not isinstance(binding, dict):
            problems.add(line, f"binding {number} is not an object")
            continue
        person = _value(binding, "person", "item")
        name = _value(binding, "personLabel", "itemLabel", "name")
        title = _value(binding, "positionLabel", "position_label", "title")
        if not name or not title:
            problems.add(line, f"binding {number} has no personLabel or positionLabel; use the README's query")
            continue
        qid = person.rsplit("/", 1)[-1] if person else None
        if name == qid:
            skipped["people with no English label"] += 1
            continue
        since = _time(binding, "start", line, problems)
        until = _time(binding, "end", line, problems)
        country = country_code(_value(binding, "countryCode", "countryLabel"))
        statement = _value(binding, "stmt", "statement")
        key = f"wikidata:{statement.rsplit('/', 1)[-1]}" if statement else f"wikidata:{qid}:{title}:{since}"
        tenures.append(Tenure(key, line, name, title, country, since, until, qid))
    problems.raise_any()
    return Reading([], skipped, tenures)
