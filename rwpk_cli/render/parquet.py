"""Parquet for the engines beyond one machine (DuckDB, Spark, BigQuery): the export as Arrow tables.

``export`` gives one table per file of ``rwpk export --format parquet -o DIR/``: ``events``,
``participants``, ``actors``, ``roles``, ``sources`` and ``trade``, with typed columns: days as
``date32``, flags as booleans, lists as lists (a trade's goods as a list of ``{good, value_usd}``).
pyarrow is an optional dependency (``pip install 'rwpk[parquet]'``), imported only here.
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from .docs import EventsDoc

MISSING = "Parquet needs pyarrow, which is not installed; install it with: pip install 'rwpk[parquet]'"


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise UsageError(MISSING) from None
    return pyarrow


def export(doc: EventsDoc) -> dict[str, Any]:
    """The six tables of the export, by file name (without ``.parquet``)."""
    pa = _pyarrow()
    text, day, flag = pa.string(), pa.date32(), pa.bool_()
    texts = pa.list_(text)
    log, events = doc.log, [row.event for row in doc.rows]
    tables = {
        "events": pa.table(
            {
                "id": pa.array([e.id for e in events], text),
                "date": pa.array([e.when.canonical for e in events], text),
                "start": pa.array([e.when.start for e in events], day),
                "end": pa.array([e.when.end for e in events], day),
                "precision": pa.array([e.when.precision.value for e in events], text),
                "approximate": pa.array([e.when.approximate for e in events], flag),
                "uncertain": pa.array([e.when.uncertain for e in events], flag),
                "kind": pa.array([e.kind.value for e in events], text),
                "title": pa.array([e.title for e in events], text),
                "place": pa.array([e.place for e in events], text),
                "tags": pa.array([list(e.tags) for e in events], texts),
                "sources": pa.array([list(e.sources) for e in events], texts),
                "summary": pa.array([e.summary for e in events], text),
                "date_text": pa.array([e.date_text for e in events], text),
            }
        ),
        "participants": _participants(pa, doc),
        "actors": pa.table(
            {
                "id": pa.array([a.id for a in log.actors.values()], text),
                "name": pa.array([a.name for a in log.actors.values()], text),
                "country": pa.array([a.country for a in log.actors.values()], text),
                "type": pa.array([a.type for a in log.actors.values()], text),
                "aliases": pa.array([list(a.aliases) for a in log.actors.values()], texts),
            }
        ),
        "roles": _roles(pa, doc),
        "sources": pa.table(
            {
                "id": pa.array([s.id for s in log.sources.values()], text),
                "title": pa.array([s.title for s in log.sources.values()], text),
                "outlet": pa.array([s.outlet for s in log.sources.values()], text),
                "url": pa.array([s.url for s in log.sources.values()], text),
                "published": pa.array(
                    [s.published.canonical if s.published else None for s in log.sources.values()], text
                ),
                "published_start": pa.array(
                    [s.published.start if s.published else None for s in log.sources.values()], day
                ),
                "published_end": pa.array(
                    [s.published.end if s.published else None for s in log.sources.values()], day
                ),
            }
        ),
        "trade": pa.table(
            {
                "year": pa.array([t.year for t in log.trades], pa.int32()),
                "origin": pa.array([t.origin for t in log.trades], text),
                "destination": pa.array([t.destination for t in log.trades], text),
                "value_usd": pa.array([t.value_usd for t in log.trades], pa.int64()),
                "goods": pa.array(
                    [[{"good": g, "value_usd": v} for g, v in t.goods.items()] for t in log.trades],
                    pa.list_(pa.struct([("good", text), ("value_usd", pa.int64())])),
                ),
            }
        ),
    }
    return tables


def _participants(pa: Any, doc: EventsDoc) -> Any:
    people = [(row.event.id, n, p) for row in doc.rows for n, p in enumerate(row.participants)]
    return pa.table(
        {
            "event_id": pa.array([e for e, _, _ in people], pa.string()),
            "position": pa.array([n for _, n, _ in people], pa.int32()),
            "actor_id": pa.array([p.id for _, _, p in people], pa.string()),
            "name": pa.array([p.name for _, _, p in people], pa.string()),
            "country": pa.array([p.country for _, _, p in people], pa.string()),
            "title": pa.array([p.title for _, _, p in people], pa.string()),
            "title_certain": pa.array([p.title_certain for _, _, p in people], pa.bool_()),
        }
    )


def _roles(pa: Any, doc: EventsDoc) -> Any:
    roles = [(a.id, r) for a in doc.log.actors.values() for r in a.roles]
    return pa.table(
        {
            "actor_id": pa.array([a for a, _ in roles], pa.string()),
            "title": pa.array([r.title for _, r in roles], pa.string()),
            "since": pa.array([r.since.canonical if r.since else None for _, r in roles], pa.string()),
            "until": pa.array([r.until.canonical if r.until else None for _, r in roles], pa.string()),
            "since_start": pa.array([r.since.start if r.since else None for _, r in roles], pa.date32()),
            "until_end": pa.array([r.until.end if r.until else None for _, r in roles], pa.date32()),
        }
    )
