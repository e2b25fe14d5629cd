"""Graphviz DOT: the counterpart network, for ``dot -Tsvg``."""

from __future__ import annotations

from .docs import NetworkDoc
from .safe import one_line


def quoted(text: str) -> str:
    """A DOT double-quoted string."""
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def network(doc: NetworkDoc) -> str:
    """An undirected graph: a node per actor, an edge per pair weighted by shared events.

    Cross-border pairs are drawn bold.
    """
    lines = [f"graph {quoted(doc.log.title)} {{", "  node [shape=box, style=rounded];"]
    seen: set[str] = set()
    for link in doc.links:
        for actor in (link.a, link.b):
            if actor.id not in seen:
                seen.add(actor.id)
                name = actor.name + (f" ({actor.country})" if actor.country else "")
                lines.append(f"  {quoted(actor.id)} [label={quoted(name)}];")
    for link in doc.links:
        style = ", style=bold" if link.cross_border else ""
        attributes = f"label={quoted(str(link.times))}, penwidth={min(1 + link.times, 6)}{style}"
        lines.append(f"  {quoted(link.a.id)} -- {quoted(link.b.id)} [{attributes}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
