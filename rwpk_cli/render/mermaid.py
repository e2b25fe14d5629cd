"""Mermaid diagrams for Markdown: the counterpart network as a graph."""

from __future__ import annotations

from ..log.model import Actor
from .docs import NetworkDoc
from .safe import one_line


def label(text: str) -> str:
    """Text safe inside a quoted Mermaid label: quotes and markup characters become entity codes."""
    codes = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "`": "#96;", "|": "#124;", "&": "#amp;"}
    return "".join(codes.get(c, c) for c in one_line(text))


def _node(actor: Actor) -> str:
    country = f" ({actor.country})" if actor.country else ""
    return label(actor.name + country)


def graph(doc: NetworkDoc) -> str:
    """A ``graph LR``: a node per actor, an edge per pair labelled with the shared events.

    A cross-border pair is drawn with a thick line.
    """
    ids: dict[str, str] = {}
    lines = ["graph LR"]
    for link in doc.links:
        for actor in (link.a, link.b):
            if actor.id not in ids:
                ids[actor.id] = f"n{len(ids)}"
                lines.append(f'  {ids[actor.id]}["{_node(actor)}"]')
    for link in doc.links:
        start, end = ("==", "===") if link.cross_border else ("--", "---")
        lines.append(f'  {ids[link.a.id]} {start} "{link.times}" {end} {ids[link.b.id]}')
    return "\n".join(lines) + "\n"


network = graph
