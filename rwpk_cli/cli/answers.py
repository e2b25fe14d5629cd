"""Answers that must not be silently empty: an unknown filter value, bounds the wrong way round, and
a filter that matched nothing are said, not shown as an empty table."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from ..errors import UsageError
from ..log.model import Log
from ..views.filters import Filters
from .support import say_error

#: How many of the log's values an unknown-value message lists.
LISTED = 12


def known(option: str, value: str, values: Iterable[str], what: str) -> None:
    """Refuse ``value`` for ``option`` when the log has no such ``what``, saying what it has."""
    have = sorted(set(values))
    if value in have:
        return
    near = difflib.get_close_matches(value, have, n=1, cutoff=0.6)
    hint = f"; did you mean '{near[0]}'?" if near else ""
    shown = ", ".join(have[:LISTED]) + (f" and {len(have) - LISTED} more" if len(have) > LISTED else "")
    listing = f" (the log has: {shown})" if have else " (the log has none)"
    raise UsageError(f"{option} {value}: the log has no {what} '{value}'{hint}{listing}")


def countries(log: Log) -> set[str]:
    """Every country the log names: its actors' and its trade figures'."""
    found = {a.country for a in log.actors.values() if a.country}
    return found | {c for t in log.trades for c in (t.origin, t.destination)}


def check_filters(log: Log, filters: Filters) -> None:
    """Usage errors for filters that cannot match by construction: a --country the log never names,
    --since after --until."""
    if filters.country is not None:
        known("--country", filters.country, countries(log), "country")
    if filters.since is not None and filters.until is not None and filters.since.start > filters.until.end:
        raise UsageError(
            f"--since {filters.since.text} is after --until {filters.until.text}; swap them, or use --on for one period"
        )


def nothing_matched(count: int, filters: Filters, all_tags: Callable[[], Iterable[str]]) -> None:
    """When a filtered view is empty: a usage error if a --tag is none of the log's (looked up only
    now, since the tags are in the events), else a note on stderr that nothing matched."""
    if count:
        return
    from ..log.names import fold

    if filters.tags:
        have = {fold(t): t for t in all_tags()}
        for tag in sorted(filters.tags):
            known("--tag", tag, have, "tag")
    filtering = filters._replace(limit=None, reverse=False) != Filters()
    say_error("rwpk: no events match these filters" if filtering else "rwpk: the log has no events yet")
