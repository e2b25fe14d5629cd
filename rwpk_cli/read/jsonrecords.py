"""The objects of a JSON array or of JSON Lines, each with the line it starts on.

The json module gives no positions for the items of an array, so the array is walked with
``raw_decode``: one item at a time, its line counted as it goes. A truncated or malformed file is a
problem at the line and column where the json module stopped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError, Problem
from .input import Input
from .records import Problems

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


_PLAIN = {
    "Unterminated string starting at": "a string is not closed",
    "Invalid control character at": "a string holds a raw line break or control character",
    "Expecting value": "a value is missing",
}


def json_problem(message: str) -> str:
    """The json module's message in plain words (its own ends in " at", the position it leaves out)."""
    message = message.removesuffix(" at")
    return _PLAIN.get(message, _PLAIN.get(f"{message} at", message))


def _broken(source: Input, text: str, at: int, message: str) -> InputError:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return InputError([Problem(source.display, line, message, column)])


def document(source: Input) -> object:
    """The file as one JSON document; InputError at the line and column where it stops being JSON."""
    try:
        return json.loads(source.text)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {json_problem(error.msg)}; the file may be cut short"
        raise _broken(source, source.text, error.pos, message) from None


def array_items(source: Input, text: str | None = None, start: int = 0) -> Iterator[tuple[int, object]]:
    """Each item of a JSON array, with its line: the top-level one, or the one at offset ``start``;
    InputError at the first malformed place."""
    text = source.text if text is None else text
    at = start + len(text[start:]) - len(text[start:].lstrip(_SPACE)) if start else len(text) - len(text.lstrip(_SPACE))
    if not text.startswith("[", at):
        raise _broken(source, text, at, "expected a JSON array '[…]' of events; is this the right --format?")
    at += 1
    line, counted = text.count("\n", 0, at) + 1, at
    first = True
    while True:
        while at < len(text) and text[at] in _SPACE:
            at += 1
        if text.startswith("]", at):
            rest = text[at + 1 :]
            if not start and rest.strip(_SPACE):
                raise _broken(source, text, at + 1 + len(rest) - len(rest.lstrip(_SPACE)), "text after the array")
            return
        if not first:
            if not text.startswith(",", at):
                raise _broken(source, text, at, "expected ',' or ']' between events; the file may be cut short")
            at += 1
            while at < len(text) and text[at] in _SPACE:
                at += 1
        if at >= len(text):
            raise _broken(source, text, at, "the array is not closed with ']'; the file may be cut short")
        try:
            item, end = _DECODER.raw_decode(text, at)
        except json.JSONDecodeError as error:
            raise _broken(
                source, text, error.pos, f"not valid JSON: {json_problem(error.msg)}; the file may be cut short"
            ) from None
        line += text.count("\n", counted, at)
        counted = at
        yield line, item
        at, first = end, False


def line_items(source: Input, problems: Problems) -> Iterator[tuple[int, object]]:
    """Each line of a JSON Lines file as a value, with its number; blank lines are passed over, and
    a line that is not JSON is a problem, listed with the others of the file."""
    for number, raw in enumerate(source.text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {json_problem(error.msg)}; each line must be one complete JSON object"
            problems.add(number, message, error.colno)
            continue
        yield number, value
