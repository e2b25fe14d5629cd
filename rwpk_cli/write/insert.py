"""Adding items to an array of a table already in the log, by inserting text and nothing else:
roles to an actor (``rwpk import roles``), a file to ``[log] include`` (``rwpk import --into``).

TOML cannot reopen a table further down the file, so a role for an actor the log already has must
go into that actor's own ``roles = [...]``. This module finds the table by its header line, walks
its keys (skipping each value, strings, arrays and comments included) and inserts the new items
before the array's closing bracket, or a new ``KEY = [...]`` line after the table's last key. It
only ever inserts: the caller checks that every old byte is still there, in order, and that the
result parses to the log it expects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import UsageError
from .blocks import role_text, text_value

_KEY = re.compile(r"[ \t]*([A-Za-z0-9_-]+|\"[^\"\n]*\")[ \t]*=[ \t]*")


def _string_end(text: str, at: int) -> int:
    """The index just past the string that starts at ``at``."""
    for quote in ('"""', "'''"):
        if text.startswith(quote, at):
            i = at + 3
            while True:
                i = text.find(quote, i) if quote == "'''" else _unescaped(text, quote, i)
                if i < 0:
                    return len(text)
                end = i + 3
                while end < len(text) and text[end] == quote[0] and end < i + 5:
                    end += 1
                return end
    if text[at] == "'":
        end = text.find("'", at + 1)
        return len(text) if end < 0 else end + 1
    end = _unescaped(text, '"', at + 1)
    return len(text) if end < 0 else end + 1


def _unescaped(text: str, quote: str, at: int) -> int:
    i = at
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(quote, i):
            return i
        i += 1
    return -1


def _value_end(text: str, at: int) -> int:
    """The index just past the value that starts at ``at`` (a string, an array, an inline table or a
    bare value such as a number or a date, which ends at the line's end or a comment)."""
    if text[at] in "\"'":
        return _string_end(text, at)
    if text[at] in "[{":
        depth, i = 0, at
        while i < len(text):
            c = text[i]
            if c in "\"'":
                i = _string_end(text, i)
                continue
            if c == "#":
                i = text.find("\n", i)
                if i < 0:
                    return len(text)
                continue
            if c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return len(text)
    end = len(text)
    for stop in ("\n", "#"):
        found = text.find(stop, at)
        if found >= 0:
            end = min(end, found)
    return end


def _line_start(text: str, line: int) -> int:
    at = 0
    for _ in range(line - 1):
        at = text.index("\n", at) + 1
    return at


def _insert_into(text: str, header_line: int, items: Sequence[str], name: str = "roles") -> str:
    at = (
        text.index("\n", _line_start(text, header_line)) + 1
        if "\n" in text[_line_start(text, header_line) :]
        else len(text)
    )
    last_value_end = at - 1
    while at < len(text):
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        stripped = text[at:line_end].strip()
        if stripped.startswith("["):
            break  # the next table
        if not stripped or stripped.startswith("#"):
            at = line_end + 1
            continue
        key = _KEY.match(text, at)
        if key is None:
            raise UsageError(f"cannot find the table's keys in the log's text; add the {name} by hand")
        start = key.end()
        end = _value_end(text, start)
        if key.group(1) == name:
            return _into_array(text, start, end, items, name)
        last_value_end = end
        line_break = text.find("\n", end)
        at = len(text) if line_break < 0 else line_break + 1
    added = f"{name} = [" + ", ".join(items) + "]"
    newline = "\r\n" if "\r\n" in text else "\n"
    position = text.find("\n", last_value_end)
    if position < 0:
        return text + newline + added + newline
    return text[: position + 1] + added + newline + text[position + 1 :]


def _into_array(text: str, start: int, end: int, items: Sequence[str], name: str) -> str:
    if text[start] != "[" or text[end - 1] != "]":
        raise UsageError(f"the log's {name} is not an array [ … ]; add the {name} by hand")
    close = end - 1
    inside = text[start + 1 : close]
    newline = "\r\n" if "\r\n" in text else "\n"
    if "\n" not in inside:
        body = inside.strip()
        joined = ", ".join(items)
        if not body:
            return text[: start + 1] + joined + text[start + 1 :]
        return text[:close] + ("" if body.endswith(",") else ", ") + joined + text[close:]
    before = text.rfind("\n", start, close) + 1  # the closing bracket's line
    content_end = _last_item_end(text, start + 1, close)
    comma = "" if content_end is None or text[content_end - 1] in ",[" else ","
    lines = "".join(f"  {item},{newline}" for item in items)
    if comma and content_end is not None:
        text = text[:content_end] + comma + text[content_end:]
        before += len(comma)
    return text[:before] + lines + text[before:]


def _last_item_end(text: str, start: int, close: int) -> int | None:
    """Just past the array's last item (before any comma or comment after it); None when it is empty."""
    i, end = start, None
    while i < close:
        c = text[i]
        if c in " \t\r\n,":
            if c == ",":
                end = i + 1
            i += 1
            continue
        if c == "#":
            newline = text.find("\n", i, close)
            i = close if newline < 0 else newline + 1
            continue
        i = _value_end(text, i)
        end = i
    return end


def with_roles(text: str, actors: Mapping[str, int], roles: Mapping[str, Sequence[Mapping[str, Any]]]) -> str:
    """``text`` with each actor's new ``roles`` inserted into its table (``actors``: each actor's header
    line), the actors furthest down the file first so that the earlier lines stay where they were."""
    for ident in sorted(roles, key=lambda i: actors[i], reverse=True):
        text = _insert_into(text, actors[ident], [role_text(role) for role in roles[ident]])
    return text


_LOG_HEADER = re.compile(r"^[ \t]*\[[ \t]*log[ \t]*\][ \t]*(#.*)?$", re.MULTILINE)


def with_include(text: str, name: str) -> str:
    """``text`` with ``name`` added to ``[log] include`` (the table, or the key, made when missing)."""
    found = _LOG_HEADER.search(text)
    if found is None:
        newline = "\r\n" if "\r\n" in text else "\n"
        return f"[log]{newline}include = [{text_value(name)}]{newline}{newline}" + text
    line = text.count("\n", 0, found.start()) + 1
    return _insert_into(text, line, [text_value(name)], "include")
