"""Output formats: one registry of names drives the --format choices, their help and the dispatch.

Each format lives in its own module and is imported only when used, so ``rwpk --help`` stays fast.
A format module defines a function per view it supports (``timeline``, ``meetings``, ``actors``,
``dates``); each returns a ``str``, a Rich renderable, or ``chunks.Chunks`` (text in pieces,
for a view too large to hold whole). Renderers never print, never read files
and never decide which events to show: the views hand them what to render.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NamedTuple


class Format(NamedTuple):
    """An output format: its name on the command line, what it is for, and the views it renders."""

    name: str
    description: str
    module: str
    views: frozenset[str]
    extensions: tuple[str, ...] = ()

    def load(self) -> ModuleType:
        """The module that renders this format."""
        return importlib.import_module(f"{__name__}.{self.module}")


_ALL_VIEWS = frozenset({"timeline", "meetings", "actors", "export", "dates", "actor", "network", "trade", "stats"})
_EVENT_VIEWS = frozenset({"timeline", "meetings", "export"})
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "a table for the terminal", "table", _ALL_VIEWS - {"export"}, (".txt",)),
        Format("md", "Markdown (CommonMark/GFM) for reports", "markdown", _ALL_VIEWS - {"dates"}, (".md",)),
        Format(
            "csv",
            "CSV for spreadsheets, one row per record",
            "csvout",
            _EVENT_VIEWS | {"trade", "actors", "network", "stats"},
            (".csv",),
        ),
        Format("json", "JSON for scripts", "jsonout", _ALL_VIEWS, (".json",)),
        Format(
            "tsv",
            "tab-separated lines, one record each (the default in a pipe)",
            "tsv",
            frozenset({"timeline", "meetings", "actors", "network", "trade"}),
            (".tsv",),
        ),
        Format("jsonl", "JSON Lines, one event per line", "jsonl", _EVENT_VIEWS, (".jsonl",)),
        Format("ics", "iCalendar for calendar apps", "ics", _EVENT_VIEWS, (".ics",)),
        Format("timelinejs", "TimelineJS3 JSON for the web", "timelinejs", _EVENT_VIEWS, (".timeline.json",)),
        Format("html", "a standalone, offline HTML page", "html", _EVENT_VIEWS, (".html", ".htm")),
        Format("parquet", "Parquet files for DuckDB, Spark, BigQuery (-o FOLDER/)", "parquet", frozenset({"export"})),
        Format("mermaid", "a Mermaid graph for Markdown", "mermaid", frozenset({"network"}), (".mmd",)),
        Format("dot", "Graphviz DOT", "dot", frozenset({"network"}), (".dot", ".gv")),
    )
}


def choices(view: str) -> list[str]:
    """The names of the formats that can render ``view``, in registry order."""
    return [name for name, fmt in FORMATS.items() if view in fmt.views]


def describe(view: str) -> str:
    """One line for --help listing the formats of a view."""
    return "; ".join(f"{name}: {FORMATS[name].description}" for name in choices(view))


def from_extension(filename: str, view: str) -> str | None:
    """The format whose extension ``filename`` ends with, if it can render ``view``."""
    lower = filename.lower()
    # Longest extension first, so report.timeline.json is TimelineJS rather than plain JSON.
    candidates = sorted(
        ((ext, name) for name in choices(view) for ext in FORMATS[name].extensions), key=lambda c: -len(c[0])
    )
    return next((name for ext, name in candidates if lower.endswith(ext)), None)


#: The views that print tab-separated lines, not a table, when stdout is no terminal.
PIPED = FORMATS["tsv"].views
