"""Mermaid diagrams for Markdown: the counterpart network as a graph."""

from __future__ import annotations

from ..log.model import Actor
from .docs import NetworkDoc
from .safe import one_line


def label(text: str) -> str:
    """Text safe inside a quoted Mermaid label: quotes and markup characters become entity codes."""
    codes = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "`": "#96;", "|": "#124;", "&": "#amp;"}
    return "".join(codes.get(c, c) for c in one_line(text))


_TASK_CODES = {":": "#58;", ";": "#59;", "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;",
               "&": "#amp;", "%": "#37;"}  # fmt: skip


def task(text: str) -> str:
    """A Gantt task's name that no title can turn into syntax: its first character is an entity code,
    so no line starts with a keyword (click, call, section, title, dateFormat, weekday …), and every
    character that ends a field or starts a comment is one too. Mermaid decodes them as it draws."""
    shown = one_line(text) or "untitled"
    first = f"#{ord(shown[0])};"
    return first + "".join(_TASK_CODES.get(c, c) for c in shown[1:])


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
