"""PLOVER coded events (openeventdata's schema), as JSON Lines or a JSON array.

A record has ``id``, ``date`` (YYYY-MM-DD), ``source`` (or ``actor``) and ``recipient``, each an
actor object or a list of them (``code``: an ISO alpha-3 country or IGO/NGO, ``actor_text``, …),
``event`` (a type or a list of types), ``mode``, and ``event_loc`` (``name``). Its ``link`` or
``cite_info.url`` becomes its source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .codes import PLOVER_OUTSIDE, PLOVER_TYPES, plover_kind
from .datasets import Coded, Side, day_problem, not_between, outside, reading
from .input import Input
from .jsonrecords import array_items, line_items
from .records import Cited, Problems, Reading, short_hash

_NAME_KEYS = ("actor_text", "identifier_text", "entity_name", "raw_text", "name")


def _listed(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _side(actor: object) -> Side | None:
    if isinstance(actor, str):
        return Side(actor, actor) if actor.strip() else None
    if not isinstance(actor, Mapping):
        return None
    code = actor.get("code") or actor.get("country_code") or actor.get("country")
    name = next((str(actor[k]) for k in _NAME_KEYS if isinstance(actor.get(k), str) and actor[k].strip()), None)
    name = name or (str(code) if code else None)
    return Side(name, str(code) if code else None) if name else None


def read(source: Input, between: tuple[str, str] | None = None) -> Reading:
    """The events of ``source``; with ``between``, only those between the two countries."""
    stripped = source.text.lstrip()
    problems = Problems(source.display)
    items = array_items(source) if stripped.startswith("[") else line_items(source, problems)
    rows: list[Coded] = []
    skipped = Counter[str]()
    for line, record in items:
        if not isinstance(record, dict):
            problems.add(line, f"expected a PLOVER event object, not {record!r:.60}")
            continue
        day = str(record.get("date") or "")[:10]
        try:
            date.fromisoformat(day)
        except ValueError:
            problems.add(line, f"'date': {day_problem(str(record.get('date')), 'PLOVER', 'YYYY-MM-DD')}")
            continue
        types = [str(t) for t in _listed(record.get("event"))]
        if not types:
            problems.add(line, "'event' is missing; a PLOVER record names its event type, e.g. \"CONSULT\"")
            continue
        modes = [str(m) for m in _listed(record.get("mode"))]
        try:
            kinds = [(t.upper(), plover_kind(t, modes)) for t in types]
        except ValueError as error:
            problems.add(
                line, f"'event': unknown PLOVER type {str(error)!r}; PLOVER has {', '.join(PLOVER_TYPES[:17])}"
            )
            continue
        chosen = next(((t, k) for t, k in kinds if k is not None), None)
        if chosen is None:
            skipped[PLOVER_OUTSIDE] += 1
            continue
        actors = _listed(record.get("source", record.get("actor"))) + _listed(record.get("recipient"))
        sides = tuple(s for s in map(_side, actors) if s is not None)
        if outside(sides, between):
            skipped[not_between(between or ("", ""))] += 1
            continue
        given = record.get("cite_info")
        cite: Mapping[str, object] = given if isinstance(given, Mapping) else {}
        url = str(record.get("link") or cite.get("url") or "").strip()
        outlet = urlsplit(url).hostname if url.startswith(("http://", "https://")) else None
        cited = (Cited(f"plover-{short_hash(url, 6)}", outlet=outlet, url=url),) if url else ()
        location = record.get("event_loc")
        place = str(location.get("name")) if isinstance(location, Mapping) and location.get("name") else None
        action = chosen[0].capitalize() + (f" ({', '.join(modes)})" if modes else "")
        ident = str(record.get("id") or "").strip() or short_hash(f"{day}|{types}|{actors}")
        rows.append(Coded(f"plover:{ident}", line, day, chosen[1], action, sides, place, cited, f"{chosen[0]} {ident}"))
    problems.raise_any()
    return reading(rows, "PLOVER", skipped)
